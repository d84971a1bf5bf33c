"""Sphinx configuration: MyST Markdown pages, the furo theme, and autodoc for the API reference.

The build needs no network: intersphinx is not enabled, and npcproc is imported from the
environment it is installed in (``nox -s docs`` installs it).
"""

from __future__ import annotations

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
