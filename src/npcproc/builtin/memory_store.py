"""The ``memory://`` backend as a plugin."""

from __future__ import annotations

from npcproc.hookspecs import hookimpl
from npcproc.store.base import CommitCallback, EventStore
from npcproc.store.memory import MemoryStore

__all__ = ["npcproc_open_store", "npcproc_store_schemes"]


@hookimpl
def npcproc_store_schemes() -> list[str]:
    return ["memory"]


@hookimpl
def npcproc_open_store(url: str, on_commit: CommitCallback) -> EventStore | None:
    return MemoryStore(on_commit=on_commit) if url.split("://", 1)[0] == "memory" else None
