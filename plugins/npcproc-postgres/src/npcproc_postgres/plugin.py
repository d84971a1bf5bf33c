"""The ``postgresql://`` (and ``postgres://``) backend as an npcproc plugin."""

from __future__ import annotations

from npcproc import hookimpl
from npcproc.store.backend import CommitCallback, EventStore


@hookimpl
def npcproc_store_schemes() -> list[str]:
    return ["postgresql", "postgres"]


@hookimpl
def npcproc_open_store(url: str, on_commit: CommitCallback) -> EventStore | None:
    from npcproc_postgres.store import SCHEMES, PostgresStore

    if url.split("://", 1)[0] not in SCHEMES:
        return None
    return PostgresStore.from_url(url, on_commit=on_commit)
