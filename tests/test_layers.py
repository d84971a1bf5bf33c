"""The import contracts in pyproject.toml ([tool.importlinter], run by ``nox -s lint``) hold, and catch a break.

Each break is made in a copy of the source tree, so the test shows that ``lint-imports`` fails on
a new upward import or a new cycle, and names it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("importlinter")

ROOT = Path(__file__).resolve().parents[1]


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` run in ``root`` on the ``npcproc`` found in ``root/src``."""
    command = [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()"]
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    return subprocess.run(
        [*command, "--no-cache", "--no-logo"], cwd=root, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the project's contracts and source, to break."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(ROOT / "tools", tmp_path / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def add_import(tree: Path, module: str, statement: str) -> None:
    path = tree / "src" / (module.replace(".", "/") + ".py")
    path.write_text(path.read_text(encoding="utf-8") + f"\n{statement}\n", encoding="utf-8")


def test_the_contracts_hold(tree):
    result = lint_imports(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "statement", "broken"),
    [
        ("npcproc.model.levels", "import npcproc.procedures.base", "npcproc.model is not allowed to import"),
        ("npcproc.rules.parameters", "import npcproc.procedures", "npcproc.rules is not allowed to import"),
        ("npcproc.procedures.base", "import npcproc.samples", "npcproc.procedures is not allowed to import"),
        ("npcproc.store.memory", "import npcproc.procedures", "npcproc.store is not allowed to import"),
        ("npcproc.serialization", "import npcproc.report", "npcproc.serialization is not allowed to import"),
        ("npcproc.events", "import npcproc.serialization", "npcproc.events -> npcproc.serialization"),
        ("npcproc.record.findings", "import npcproc.record.audit", "npcproc.record.findings -> npcproc.record.audit"),
    ],
)
def test_a_new_upward_import_or_cycle_fails_the_lint(tree, module, statement, broken):
    add_import(tree, module, statement)
    result = lint_imports(tree)
    assert result.returncode == 1, result.stdout + result.stderr
    assert broken in " ".join(result.stdout.split())
