"""Text that cannot attack a terminal or a page.

Names and ids are printed to terminals and written into pages; a control character in one (ESC
starting a terminal escape sequence, NUL, a C1 control, a bidi override that reverses what a reader
sees) could rewrite what a clerk or an auditor reads. So they are refused where text comes in
(:func:`find_unsafe`, used by every append and by the record loader), and every text printed to a
terminal is escaped (:func:`terminal_safe`), and every text written into a page too (:func:`html_safe`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Any

from npcproc.errors import NpcprocError

__all__ = [
    "UNSAFE_ANYWHERE",
    "UNSAFE_IN_NAMES",
    "UnsafeTextError",
    "check_event_text",
    "describe",
    "dotted",
    "find_unsafe",
    "html_safe",
    "terminal_safe",
]

# C0 but tab, newline and carriage return; DEL; C1; the bidi controls (ALM, LRM, RLM, LRE..RLO, LRI..PDI).
_UNSAFE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
UNSAFE_ANYWHERE = re.compile(f"[{_UNSAFE}]")
#: In a name or an id, line breaks and tabs are refused too: they would forge lines of output.
UNSAFE_IN_NAMES = re.compile(f"[{_UNSAFE}\t\n\r]")
_MAYBE_UNSAFE = re.compile(f"[\\\\{_UNSAFE}]")  # a backslash: JSON escapes every C0 character with one


class UnsafeTextError(NpcprocError, ValueError):
    """A text holds a control character (C0, C1, ESC, NUL or a bidi override) where none may stand."""


def describe(character: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: a character named as a reader can look it up."""
    return f"U+{ord(character):04X} {unicodedata.name(character, 'control character')}"


def _is_name(key: str) -> bool:
    return key in ("id", "name") or key.endswith(("_id", "_ids", "_name"))


def find_unsafe(
    data: Any, path: tuple[str | int, ...] = (), *, name: bool = False
) -> tuple[tuple[str | int, ...], str] | None:
    """The path to the first text in ``data`` (plain data) holding a character it may not, and that character.

    Any text may hold tabs and line breaks but no other control character; a name or an id (under a key
    ``id``, ``name`` or ending in ``_id``, ``_ids`` or ``_name``, and every mapping key) holds none.
    """
    if isinstance(data, str):
        found = (UNSAFE_IN_NAMES if name else UNSAFE_ANYWHERE).search(data)
        return None if found is None else (path, found.group())
    if isinstance(data, dict):
        for key, value in data.items():
            found = UNSAFE_IN_NAMES.search(key)
            if found is not None:
                return (*path, key), found.group()
            problem = find_unsafe(value, (*path, key), name=name or _is_name(key))
            if problem is not None:
                return problem
    elif isinstance(data, list):
        for index, value in enumerate(data):
            problem = find_unsafe(value, (*path, index), name=name)
            if problem is not None:
                return problem
    return None


def dotted(path: tuple[str | int, ...]) -> str:
    """``("deputies", 3, "name")`` as ``deputies[3].name``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def check_event_text(data: Any, text: str, path: str) -> None:
    """Raise :class:`UnsafeTextError` when event ``data`` (whose canonical JSON is ``text``) may not be stored.

    One scan of the JSON text first: it finds no backslash and no unsafe character in almost every
    event, and only then is the data walked to name the field.
    """
    if _MAYBE_UNSAFE.search(text) is None:
        return
    found = find_unsafe(data, (path,))
    if found is not None:
        where, character = found
        raise UnsafeTextError(
            f"{dotted(where)}: holds {describe(character)}; names and ids may hold no control character, other "
            "texts only tabs and line breaks (they are printed to terminals and pages); nothing was recorded"
        )


def terminal_safe(text: str) -> str:
    """``text`` with every control character but tab and newline shown as an escape (``\\x1b``, ``\\u202e``)."""
    return UNSAFE_ANYWHERE.sub(_escape, text.replace("\r", "\\r"))


def html_safe(text: str) -> str:
    """``text`` escaped for HTML, its control characters shown as escapes as :func:`terminal_safe` shows them."""
    return html.escape(terminal_safe(text))


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
