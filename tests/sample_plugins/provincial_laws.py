"""The core tests' law source: the provincial regulations their sample plugins cite.

The core ships national law only; each province plugin ships its own regulations. The core's
tests use sample plugins that cite real provincial articles (BJ 12, CQ 16, ZJ 24) without
installing those plugins, so this plugin registers the texts from the province plugins' data
files in this repository. ``tests/conftest.py`` loads it into every plugin manager.
"""

from __future__ import annotations

import json
from pathlib import Path

from npcproc import hookimpl
from npcproc.rules.laws import LawText

PLUGINS = Path(__file__).resolve().parents[2] / "plugins"


@hookimpl
def npcproc_register_laws(register):
    for path in sorted(PLUGINS.glob("npcproc-*/src/*/laws.json")):
        for key, entry in json.loads(path.read_text(encoding="utf-8")).items():
            register(LawText(key=key, title=entry["title"], title_en=entry["title_en"], articles=entry["articles"]))
