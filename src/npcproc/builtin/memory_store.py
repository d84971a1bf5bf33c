"""The ``memory://`` backend as a plugin."""

from __future__ import annotations

from npcproc.hookspecs import hookimpl
from npcproc.store.base import EventStore
from npcproc.store.memory import MemoryStore


@hookimpl
def npcproc_store_schemes() -> list[str]:
    return ["memory"]


@hookimpl
def npcproc_open_store(url: str) -> EventStore | None:
    return MemoryStore() if url.split("://", 1)[0] == "memory" else None
