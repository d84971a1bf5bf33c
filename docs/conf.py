"""Sphinx configuration: MyST Markdown pages, the furo theme, and autodoc for the API reference.

The build needs no network: intersphinx is not enabled, and npcproc is imported from the
environment it is installed in (``nox -s docs`` installs it).
"""

from __future__ import annotations

import enum
import re
from typing import Any

import attrs

import npcproc

project = "npcproc"
author = "npcproc developers"
copyright = "npcproc developers"
release = npcproc.__version__
version = release
language = "en"

extensions = ["myst_parser", "sphinx.ext.autodoc"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
autodoc_default_options = {"members": True, "show-inheritance": False}

html_theme = "furo"
html_title = f"npcproc {release}"


_INTERNAL_DEFAULT = re.compile(r"^(?P<name>\w+)(?P<annotation>.*) = (?:attr_dict\['\w+'\]\.default|NOTHING)$")


def _parameters(signature: str) -> list[str]:
    """The parameters of ``(a: int = 1, b: dict[str, int] = ...)``, split at the commas outside brackets."""
    parts, depth, current = [], 0, ""
    for char in signature[1:-1]:
        depth += char in "([{"
        depth -= char in ")]}"
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    return [*parts, current.strip()] if current.strip() else parts


def _shown(default: Any) -> str:
    if isinstance(default, attrs.Factory):
        if default.takes_self:
            return "<computed>"  # from the other fields: the docstring says how
        return f"{getattr(default.factory, '__name__', 'factory')}()"
    if isinstance(default, enum.Enum):
        return f"{type(default).__name__}.{default.name}"
    if isinstance(default, frozenset | tuple) and default:
        items = ", ".join(sorted(map(_shown, default)))
        return f"frozenset({{{items}}})" if isinstance(default, frozenset) else f"({items},)"
    return repr(default)


def _attrs_defaults(_app: Any, _what: str, _name: str, obj: Any, _options: Any, signature: str | None,
                    return_annotation: str | None) -> tuple[str | None, str | None] | None:  # fmt: skip
    """Show an attrs class's defaults as values (``None``, ``dict()``), not as the attrs internals
    (``attr_dict['x'].default``, ``NOTHING``) that ``autodoc_preserve_defaults`` reads from the
    ``__init__`` attrs generates."""
    if signature is None or not (isinstance(obj, type) and attrs.has(obj)):
        return None
    fields = {field.alias: field for field in attrs.fields(obj) if field.init}
    shown = []
    for parameter in _parameters(signature):
        match = _INTERNAL_DEFAULT.match(parameter)
        if match and match["name"] in fields:
            parameter = f"{match['name']}{match['annotation']} = {_shown(fields[match['name']].default)}"
        shown.append(parameter)
    return f"({', '.join(shown)})", return_annotation


def setup(app: Any) -> None:
    app.connect("autodoc-process-signature", _attrs_defaults)
