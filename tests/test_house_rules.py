"""The house rules the code keeps: validation raises typed errors, never `assert`; a module over 400 lines says
why at its top."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import npcproc

SOURCE = Path(npcproc.__file__).parent
LIBRARY = sorted(p for p in SOURCE.rglob("*.py") if "testing" not in p.relative_to(SOURCE).parts)


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: str(p.relative_to(SOURCE)))
def test_library_code_raises_typed_errors_never_asserts(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    asserts = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Assert)]
    assert asserts == [], f"{path.name}: assert at lines {asserts} (python -O drops it; raise a typed error)"


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: str(p.relative_to(SOURCE)))
def test_a_module_over_400_lines_says_why_at_its_top(path):
    text = path.read_text(encoding="utf-8")
    if text.count("\n") > 400:
        assert text.startswith("# Over 400 lines: "), f"{path.name} has {text.count(chr(10))} lines and no reason"
