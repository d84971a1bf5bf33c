"""The ``sqlite://`` backend as a plugin: the embedded default."""

from __future__ import annotations

from npcproc.hookspecs import hookimpl
from npcproc.store.base import CommitCallback, EventStore

__all__ = ["npcproc_open_store", "npcproc_store_schemes"]


@hookimpl
def npcproc_store_schemes() -> list[str]:
    return ["sqlite"]


@hookimpl
def npcproc_open_store(url: str, on_commit: CommitCallback) -> EventStore | None:
    if url.split("://", 1)[0] != "sqlite":
        return None
    from npcproc.store.sqlite import SQLiteStore

    return SQLiteStore.from_url(url, on_commit=on_commit)
