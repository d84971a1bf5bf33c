"""The README's example and the docs' pages run as written."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```python\n(.*?)^```$", flags=re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_examples_run(path):
    result = doctest.testfile(str(path), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    if ">>>" in path.read_text(encoding="utf-8"):
        assert result.attempted > 0


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_code_that_is_not_a_doctest_compiles(path):
    # Plugin and test modules shown whole (the hook reference, the how-to) cannot run
    # here without their packages, but they must at least be valid Python.
    for block in FENCE.findall(path.read_text(encoding="utf-8")):
        if ">>>" not in block:
            compile(block, str(path), "exec")
