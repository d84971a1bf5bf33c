"""Event storage: ``open_store``, the EventStore protocol and the record envelope.

What a backend implements and may use is :mod:`npcproc.store.backend`; these names are the ones an
application needs.
"""

from __future__ import annotations

from npcproc.errors import NpcprocError
from npcproc.store.backend import (
    Append,
    CommitCallback,
    CorruptRecordError,
    EventStore,
    Head,
    IdempotencyError,
    Record,
    Snapshot,
    VerifyResult,
    verify_records,
    verify_rows,
)
from npcproc.store.memory import MemoryStore
from npcproc.store.urls import mask_secrets

__all__ = [
    "Append",
    "CommitCallback",
    "CorruptRecordError",
    "EventStore",
    "Head",
    "IdempotencyError",
    "MemoryStore",
    "Record",
    "Snapshot",
    "UnknownSchemeError",
    "VerifyResult",
    "mask_secrets",
    "open_store",
    "verify_records",
    "verify_rows",
]


class UnknownSchemeError(NpcprocError, ValueError):
    """No installed plugin opens a store URL with this scheme."""


def open_store(url: str) -> EventStore:
    """Open the event store at ``url``, choosing the backend by URL scheme through the plugins.

    ``memory://``, ``sqlite:///relative.db`` or ``sqlite:////absolute.db`` are built in;
    ``postgresql://...`` comes with ``npcproc-postgres``. Every committed append is
    announced through the ``npcproc_records_committed`` hook, with the URL's password masked (as in every
    message: :func:`mask_secrets`). Raises
    :class:`UnknownSchemeError` listing the installed schemes when none handles ``url``.
    """
    from npcproc.plugins import get_plugin_manager

    pm = get_plugin_manager()

    shown = mask_secrets(url)

    def on_commit(records: tuple[Record, ...]) -> None:
        pm.hook.npcproc_records_committed(url=shown, records=records)

    store = pm.hook.npcproc_open_store(url=url, on_commit=on_commit)
    if store is None:
        schemes = sorted({scheme for found in pm.hook.npcproc_store_schemes() for scheme in found})
        raise UnknownSchemeError(f"url: no installed backend opens {shown!r}; installed schemes: {', '.join(schemes)}")
    if not isinstance(store, EventStore):
        raise UnknownSchemeError(f"url: the backend for {shown!r} returned {store!r}, which is not an EventStore")
    return store
