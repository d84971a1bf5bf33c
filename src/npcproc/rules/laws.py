"""The law texts npcproc cites, registered by plugins through ``npcproc_register_laws``.

The core ships national law only (OL, EL, DL, SL and the Civil Code's rules on periods, in
``npcproc/data/laws.json``), registered by the built-in national plugin; each province plugin
ships and registers its own regulations. The JSON files are built from ``../shared/laws`` by
``tools/build_law_data.py``; nothing here reads ``../shared``.

Lookups use the process-wide plugin manager unless given another (``pm=``): a citation's text
is there exactly when a plugin that registers its law is installed (or loaded).
"""

from __future__ import annotations

import json
import re
import weakref
from collections.abc import Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs

from npcproc._errors import UnknownCitationError  # not npcproc.errors, which names Decision

if TYPE_CHECKING:
    import pluggy

__all__ = ["LawText", "clause_text", "law_keys", "law_texts", "law_title", "parse_articles", "read_law_texts"]


@attrs.frozen(kw_only=True)
class LawText:
    """One law or regulation: its key (``"ZJ"``), titles and articles.

    ``articles`` maps the article number (a string) to its paragraphs (款), each
    ``{"text": ..., "items": [...]}`` with the numbered items (项) of the paragraph.
    """

    key: str
    title: str
    title_en: str
    articles: Mapping[str, Any] = attrs.field(repr=False)


def read_law_texts(package: str, resource: str = "laws.json") -> tuple[LawText, ...]:
    """The law texts in a JSON file of ``package``, as ``tools/build_law_data.py`` writes them.

    A plugin registers them with ``for law in read_law_texts(__name__): register(law)``.
    """
    text = resources.files(package).joinpath(*resource.split("/")).read_text(encoding="utf-8")
    data: dict[str, dict[str, Any]] = json.loads(text)
    return tuple(
        LawText(key=key, title=entry["title"], title_en=entry["title_en"], articles=entry["articles"])
        for key, entry in data.items()
    )


_DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ARTICLE = re.compile(r"^第([零一二三四五六七八九十百]+)条[\s\u3000]*(.*)$")
_ITEM = re.compile(r"^（([零一二三四五六七八九十]+)）")


def _chinese_number(text: str) -> int:
    total = current = 0
    for char in text:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += current * 100
            current = 0
    return total + current


def parse_articles(text: str) -> dict[str, list[dict[str, Any]]]:
    """A regulation's articles from its text: ``{number: [paragraph, ...]}``, each paragraph
    ``{"text": ..., "items": [...]}``. An article starts a line with 第…条; an item with （一）."""
    articles: dict[str, list[dict[str, Any]]] = {}
    paragraphs: list[dict[str, Any]] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        match = _ARTICLE.match(line)
        if match:
            paragraphs = articles[str(_chinese_number(match.group(1)))] = []
            line = match.group(2).strip()
            if not line:
                continue
        if paragraphs is None or not line or line.startswith(("#", "<!--")):
            continue
        if _ITEM.match(line) and paragraphs:
            paragraphs[-1]["items"].append(line)
        else:
            paragraphs.append({"text": line, "items": []})
    return articles


_registries: weakref.WeakKeyDictionary[Any, tuple[tuple[str, ...], dict[str, LawText]]] = weakref.WeakKeyDictionary()


def law_texts(pm: pluggy.PluginManager | None = None) -> Mapping[str, LawText]:
    """Law key -> text, for every law a plugin of ``pm`` (default: the process-wide one) registers.

    Read once per manager and set of plugins; a key registered twice is a
    :class:`~npcproc.errors.PluginError` naming both plugins.
    """
    from npcproc.plugins import collect_law_texts, get_plugin_manager

    pm = pm or get_plugin_manager()
    plugins = tuple(sorted(name for name, _plugin in pm.list_name_plugin()))
    cached = _registries.get(pm)
    if cached is None or cached[0] != plugins:
        cached = (plugins, collect_law_texts(pm))
        _registries[pm] = cached
    return cached[1]


def law_keys(pm: pluggy.PluginManager | None = None) -> tuple[str, ...]:
    """The keys of every registered law (``OL``, ``EL``, ... and the installed provinces' keys)."""
    return tuple(law_texts(pm))


def law_title(law: str, lang: str = "zh", pm: pluggy.PluginManager | None = None) -> str:
    """The law's title in Chinese (``zh``) or a descriptive English title (``en``)."""
    entry = _law(law, pm)
    return entry.title_en if lang == "en" else entry.title


def clause_text(
    law: str,
    article: int,
    paragraph: int | None = None,
    item: int | None = None,
    pm: pluggy.PluginManager | None = None,
) -> str:
    """The Chinese text of an article, one of its paragraphs (款), or one item (项) of a paragraph.

    Raises :class:`UnknownCitationError` when any part does not exist in the registered texts.
    """
    paragraphs = _law(law, pm).articles.get(str(article))
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


def _paragraph_text(paragraph: Mapping[str, Any]) -> str:
    return "\n".join([paragraph["text"], *paragraph["items"]])


def _law(law: str, pm: pluggy.PluginManager | None) -> LawText:
    texts = law_texts(pm)
    try:
        return texts[law]
    except KeyError:
        raise UnknownCitationError(
            f"unknown law key {law!r}; registered: {', '.join(texts)}. "
            "A province's regulations come with its plugin (e.g. pip install npcproc-zhejiang)."
        ) from None
