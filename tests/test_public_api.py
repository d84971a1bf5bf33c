"""The public API an embedder needs: one import, declared names, no import-order surprises."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys

import pytest

import npcproc

#: Modules issue 18 moves or rewrites in other branches (procedures into packages, the CLI and the store
#: apart); each gains its ``__all__`` there. Remove an entry when its module has one.
ELSEWHERE: tuple[str, ...] = ()  # every public module declares its names


def _public_modules() -> list[str]:
    return [
        info.name
        for info in pkgutil.walk_packages(npcproc.__path__, "npcproc.")
        if not any(part.startswith("_") for part in info.name.split(".")[1:])
    ]


@pytest.mark.parametrize(
    "module",
    [
        "npcproc.procedures",
        "npcproc.model",
        "npcproc.model.session",
        "npcproc.model.election",
        "npcproc.model.suggestion",
        "npcproc.errors",
    ],
)
def test_the_package_offers_every_procedure_model_value_and_error(module):
    exported = importlib.import_module(module).__all__
    assert set(exported) <= set(npcproc.__all__)
    for name in exported:
        assert getattr(npcproc, name) is getattr(importlib.import_module(module), name), name


def test_every_name_the_package_lists_resolves():
    assert npcproc.ProcedureError.__module__ == "npcproc.errors"
    for name in npcproc.__all__:
        assert getattr(npcproc, name) is not None, name
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = npcproc.nothing


@pytest.mark.parametrize("module", _public_modules())
def test_every_public_module_declares_its_names(module):
    imported = importlib.import_module(module)
    if not module.startswith(ELSEWHERE):
        assert hasattr(imported, "__all__"), f"{module} has no __all__"
    for name in getattr(imported, "__all__", ()):
        assert hasattr(imported, name), f"{module}.__all__ lists {name!r}, which it lacks"


@pytest.mark.parametrize(
    ("statement", "loaded"),
    [
        ("import npcproc", {"npcproc", "npcproc.hookspecs"}),
        # npcproc._errors holds the root error below errors and rules (see its docstring)
        ("import npcproc.errors", {"npcproc", "npcproc.hookspecs", "npcproc.errors", "npcproc._errors"}),
        ("from npcproc import ProcedureError", {"npcproc", "npcproc.hookspecs", "npcproc.errors", "npcproc._errors"}),
    ],
)
def test_imports_load_only_what_they_name_in_a_fresh_interpreter(statement, loaded):
    script = f"{statement}\nimport sys\nprint(sorted(m for m in sys.modules if m.split('.')[0] == 'npcproc'))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert set(ast.literal_eval(done.stdout)) == loaded
