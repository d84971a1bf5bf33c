"""Event storage: the EventStore protocol, the record envelope, and ``open_store``."""

from __future__ import annotations

from npcproc.errors import NpcprocError
from npcproc.store.base import EventStore, Record, VerifyResult, verify_records
from npcproc.store.memory import MemoryStore

__all__ = ["EventStore", "MemoryStore", "Record", "UnknownSchemeError", "VerifyResult", "open_store", "verify_records"]


class UnknownSchemeError(NpcprocError, ValueError):
    """No installed plugin opens a store URL with this scheme."""


def open_store(url: str) -> EventStore:
    """Open the event store at ``url``, choosing the backend by URL scheme through the plugins.

    Raises :class:`UnknownSchemeError` listing the installed schemes when none handles it.
    """
    from npcproc.plugins import get_plugin_manager

    pm = get_plugin_manager()
    store = pm.hook.npcproc_open_store(url=url)
    if store is None:
        schemes = sorted({scheme for found in pm.hook.npcproc_store_schemes() for scheme in found})
        raise UnknownSchemeError(f"url: no installed backend opens {url!r}; installed schemes: {', '.join(schemes)}")
    if not isinstance(store, EventStore):
        raise UnknownSchemeError(f"url: the backend for {url!r} returned {store!r}, which is not an EventStore")
    return store
