"""The law texts npcproc cites, shipped as package data (``npcproc/data/laws.json``).

Built from ``../shared/laws`` by ``tools/build_law_data.py``; nothing here reads ``../shared``.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from npcproc.errors import UnknownCitationError


@functools.cache
def _laws() -> dict[str, Any]:
    text = resources.files("npcproc").joinpath("data").joinpath("laws.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def law_keys() -> tuple[str, ...]:
    """The keys of every shipped law (``OL``, ``EL``, ``ZJ``, ...)."""
    return tuple(_laws())


def law_title(law: str, lang: str = "zh") -> str:
    """The law's title in Chinese (``zh``) or a descriptive English title (``en``)."""
    entry = _law(law)
    return str(entry["title_en" if lang == "en" else "title"])


def clause_text(law: str, article: int, paragraph: int | None = None, item: int | None = None) -> str:
    """The Chinese text of an article, one of its paragraphs (款), or one item (项) of a paragraph.

    Raises :class:`UnknownCitationError` when any part does not exist in the shipped data.
    """
    paragraphs = _law(law)["articles"].get(str(article))
    if paragraphs is None:
        raise UnknownCitationError(f"{law} has no article {article}")
    if paragraph is None:
        if item is not None:
            raise UnknownCitationError(f"{law} {article}: an item needs its paragraph")
        return "\n".join(_paragraph_text(p) for p in paragraphs)
    if not 1 <= paragraph <= len(paragraphs):
        raise UnknownCitationError(f"{law} {article} has {len(paragraphs)} paragraph(s), not {paragraph}")
    chosen = paragraphs[paragraph - 1]
    if item is None:
        return _paragraph_text(chosen)
    items = chosen["items"]
    if not 1 <= item <= len(items):
        raise UnknownCitationError(f"{law} {article} paragraph {paragraph} has {len(items)} item(s), not {item}")
    return str(items[item - 1])


def _paragraph_text(paragraph: dict[str, Any]) -> str:
    return "\n".join([paragraph["text"], *paragraph["items"]])


def _law(law: str) -> dict[str, Any]:
    try:
        entry: dict[str, Any] = _laws()[law]
    except KeyError:
        raise UnknownCitationError(f"unknown law key {law!r}; known: {', '.join(law_keys())}") from None
    return entry
