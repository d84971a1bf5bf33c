"""npcproc: the procedures of China's grassroots people's congresses, with their legal sources.

The package imports lazily: ``import npcproc`` loads only the hook marker, and the names
below load their modules on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from npcproc.hookspecs import hookimpl

if TYPE_CHECKING:
    from npcproc.errors import NpcprocError
    from npcproc.plugins import get_plugin_manager, load_rules
    from npcproc.rules import Citation, Decision, Reason, RuleSet
    from npcproc.store import open_store

__version__ = "0.1.0"

_LAZY = {
    "Citation": "npcproc.rules",
    "Decision": "npcproc.rules",
    "NpcprocError": "npcproc.errors",
    "Reason": "npcproc.rules",
    "RuleSet": "npcproc.rules",
    "get_plugin_manager": "npcproc.plugins",
    "load_rules": "npcproc.plugins",
    "open_store": "npcproc.store",
}

__all__ = [
    "Citation",
    "Decision",
    "NpcprocError",
    "Reason",
    "RuleSet",
    "__version__",
    "get_plugin_manager",
    "hookimpl",
    "load_rules",
    "open_store",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'npcproc' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
