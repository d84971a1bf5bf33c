"""Small HTML builders the report's sections share; each escapes the text it is given."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

import attrs

from npcproc.i18n import Lang
from npcproc.report.labels import t
from npcproc.report.year import CongressYear
from npcproc.rules.decision import Citation, Decision
from npcproc.text import html_safe as escape

__all__ = ["Page", "cites", "day", "e", "reasons", "table"]


def e(value: object) -> str:
    """Any value as escaped text."""
    return escape(str(value))


def day(value: datetime.date | None) -> str:
    return value.isoformat() if value is not None else "—"


def cites(citations: Iterable[Citation], lang: Lang) -> str:
    """Each citation as a small label: ``OL 14 ¶4``, or the Chinese form of it."""
    return "".join(f'<span class="cite">{e(c.label(lang))}</span>' for c in dict.fromkeys(citations))


def reasons(decision: Decision, lang: Lang) -> str:
    """Every reason of a decision, marked as held or failed, with its citation."""
    items = "".join(f'<li class="{"ok" if r.ok else "bad"}">{e(r.message(lang))}</li>' for r in decision.reasons)
    return f'<ul class="reasons">{items}</ul>'


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, numeric: Iterable[int] = (), id: str = "") -> str:
    """A table; ``headers`` are plain text, cells are HTML already escaped; ``numeric`` columns align right."""
    right = set(numeric)

    def cls(n: int) -> str:
        return ' class="num"' if n in right else ""

    head = "".join(f"<th{cls(n)}>{e(h)}</th>" for n, h in enumerate(headers))
    body = "".join("<tr>" + "".join(f"<td{cls(n)}>{c}</td>" for n, c in enumerate(row)) + "</tr>" for row in rows)
    ident = f' id="{e(id)}"' if id else ""
    return f"<table{ident}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


@attrs.frozen
class Page:
    """What a section needs: the congress, the language, and the prefix of its ids."""

    congress: CongressYear
    lang: Lang
    prefix: str

    def t(self, key: str) -> str:
        return t(key, self.lang)

    def id(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def names(self, ids: Sequence[str], limit: int = 8) -> str:
        """Deputies by name, the first ``limit`` of them, escaped."""
        shown = [self.congress.deputy_name(i) for i in ids[:limit]]
        more = f" +{len(ids) - limit}" if len(ids) > limit else ""
        return e(("、" if self.lang == "zh" else ", ").join(shown) + more) if ids else "—"

    def section(self, name: str, body: str) -> str:
        return f'<section id="{e(self.id(name))}"><h3>{e(self.t(name))}</h3>{body}</section>'

    def nothing(self) -> str:
        return f'<p class="muted">{e(self.t("nothing"))}</p>'

    def tag(self, ok: bool, yes_key: str, no_key: str) -> str:
        return f'<span class="tag {"ok" if ok else "bad"}">{e(self.t(yes_key if ok else no_key))}</span>'
