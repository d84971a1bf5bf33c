"""Shared helpers of the record tests: the example files, variants of them, and running the CLI."""

from __future__ import annotations

import copy
import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from npcproc.record.load import _iso_dates

DOCS = Path(__file__).parent.parent / "docs"
CLEAN = DOCS / "examples" / "township-year.toml"
FAULTY = DOCS / "examples" / "township-year-violations.json"


def clean_tree() -> dict[str, Any]:
    """The clean example as plain data (dates as ISO strings), to be varied by a test."""
    return _iso_dates(tomllib.loads(CLEAN.read_text(encoding="utf-8")))


def write_variant(tmp_path: Path, change: Callable[[dict[str, Any]], None], name: str = "variant.json") -> Path:
    tree = copy.deepcopy(clean_tree())
    change(tree)
    path = tmp_path / name
    path.write_text(json.dumps(tree, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def cli(capsys: Any, *args: str) -> tuple[int, str, str]:
    """Run ``npcproc`` in-process; (exit status, stdout, stderr)."""
    from npcproc.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write_fifty_megabytes(path: Path) -> None:
    """A 50 MB JSON file (a list of blanks): over the size limit, whatever it holds."""
    with path.open("wb") as out:
        out.write(b"[" + b" " * (50 * 1024 * 1024) + b"]")
