"""``npcproc demo``: the demo year of :mod:`npcproc.samples`, narrated on the console."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.text import Text

from npcproc.i18n import Lang
from npcproc.samples import Narrator, demo_year

__all__ = ["run"]


def run(db: Path, *, province: str | None, lang: Lang, out: Console) -> int:
    """Record the year in ``db`` (replaced if it exists) and narrate it; 0 when the chain verifies."""

    def write(text: str, style: str) -> None:
        out.print(Text(text, style=style))

    return 0 if demo_year(db, province=province, tell=Narrator(lang, write)) else 1
