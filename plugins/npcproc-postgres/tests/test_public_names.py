"""npcproc-postgres is built on npcproc's public interface alone.

Every ``from npcproc... import X`` in the plugin's source must name a public module (no part of its
name starts with ``_``) that the API reference documents (an ``automodule`` in docs/api.md) and an ``X``
in that module's ``__all__``; an ``import npcproc...`` must name such a module. So the plugin is what a
backend author outside this repository could write, and a change to npcproc's internals cannot break it.
"""

from __future__ import annotations

import ast
import importlib
import re
import sys
import types
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SOURCE = Path(__file__).resolve().parents[1] / "src" / "npcproc_postgres"
DOCUMENTED = set(re.findall(r"^\.\. automodule:: (\S+)$", (ROOT / "docs" / "api.md").read_text(), re.MULTILINE))


def npcproc_imports(source: str) -> Iterator[tuple[int, str, str | None]]:
    """(line, module, name) for each name imported from npcproc in ``source``; name None for ``import m``."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and _ours(node.module or ""):
            for alias in node.names:
                yield node.lineno, str(node.module), alias.name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if _ours(alias.name):
                    yield node.lineno, alias.name, None


def _ours(module: str) -> bool:
    return module == "npcproc" or module.startswith("npcproc.")


def problems(source: str, documented: set[str] = DOCUMENTED) -> list[str]:
    """Why each npcproc import in ``source`` is not of a public, documented name (empty when all are)."""
    found = []
    for line, module, name in npcproc_imports(source):
        where = f"line {line}: {module}" + ("" if name is None else f".{name}")
        if any(part.startswith("_") for part in module.split(".")):
            found.append(f"{where}: {module} is a private module")
            continue
        if module not in documented:
            found.append(f"{where}: {module} is not documented in docs/api.md")
            continue
        public = getattr(importlib.import_module(module), "__all__", None)
        if public is None:
            found.append(f"{where}: {module} has no __all__")
        elif name is not None and name not in public:
            found.append(f"{where}: {name} is not in {module}.__all__")
    return found


def test_the_plugin_imports_only_public_documented_names_from_npcproc():
    files = sorted(SOURCE.rglob("*.py"))
    imported = {name for path in files for _, _, name in npcproc_imports(path.read_text(encoding="utf-8"))}
    assert {"EventStore", "prepare", "seal", "records_from_rows", "hookimpl"} <= imported  # the check sees them
    assert [f"{path.name} {problem}" for path in files for problem in problems(path.read_text(encoding="utf-8"))] == []


def test_the_check_refuses_private_undocumented_and_unlisted_names(monkeypatch):
    monkeypatch.setitem(sys.modules, "npcproc.listless", types.ModuleType("npcproc.listless"))
    source = (
        "from npcproc.store.base import prepare\n"
        "from npcproc.store.backend import _VERIFY_CHUNK\n"
        "from npcproc.listless import anything\n"
        "import npcproc._private\n"
        "from npcproc.store.backend import seal\n"
        "from npcproc import hookimpl\n"
        "import npcproc.store.backend\n"
    )
    assert problems(source, DOCUMENTED | {"npcproc.listless"}) == [
        "line 1: npcproc.store.base.prepare: npcproc.store.base is not documented in docs/api.md",
        "line 2: npcproc.store.backend._VERIFY_CHUNK: _VERIFY_CHUNK is not in npcproc.store.backend.__all__",
        "line 3: npcproc.listless.anything: npcproc.listless has no __all__",
        "line 4: npcproc._private: npcproc._private is a private module",
    ]
