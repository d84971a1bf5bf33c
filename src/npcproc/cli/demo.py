"""``npcproc demo``: the demo year of :mod:`npcproc.samples`, narrated on the console."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.text import Text

from npcproc.i18n import Lang
from npcproc.samples import Narrator, demo_year

__all__ = ["run"]


def run(db: Path, *, province: str | None, lang: Lang, out: Console, force: bool = False) -> int:
    """Record the year in ``db`` (an earlier demo's store is replaced; any other file only with ``force``) and
    narrate it; 0 when the chain verifies."""

    def write(text: str, style: str) -> None:
        out.print(Text(text, style=style))

    return 0 if demo_year(db, province=province, tell=Narrator(lang, write), force=force) else 1
