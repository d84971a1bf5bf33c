"""How a stream folds into a state (:func:`fold_log`, :func:`fold_opened`), and a bounded cache of folded stream
states, so a command does not re-read and re-fold its whole stream.

Each procedure command loads a stream, folds it, decides and appends. Without a cache a
session's hundredth vote re-reads and re-decodes the ninety-nine before it. The cache
keeps, per store object, the last folded state of recently used streams with the stream
version it reflects. A load asks the store for the stream's current version (one indexed
lookup): when it matches, the cached state is the fold of exactly those records, because
a stream only grows and (stream, version) is unique; when another writer has appended, the
stream is read and folded again. After an append through the procedures the new events are
applied to the cached state. Stale state is therefore never used to decide, and the
store's optimistic concurrency check still guards every append.

A state is advanced event by event when it has an ``apply(event)`` method returning the
next state (every fold here is "initial state, then apply each event"); otherwise the
entry is dropped and the next load folds from the store.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Protocol, Self, TypeVar

from npcproc.errors import ConversionError
from npcproc.serialization import event_from_data
from npcproc.store.base import EventStore, Record

__all__ = [
    "MAX_STREAMS",
    "Fold",
    "FoldCache",
    "Folds",
    "cache_for",
    "fold_log",
    "fold_opened",
    "present",
]

#: Streams kept per store: a township's working set is a few dozen streams.
MAX_STREAMS = 256

Fold = Callable[[Sequence[object]], Any]

F = TypeVar("F")


class Folds(Protocol):
    """A folded state: ``apply`` returns the state after one more event of its stream."""

    def apply(self, event: object) -> Self: ...


A = TypeVar("A", bound=Folds)
T = TypeVar("T")


def present(value: T | None, path: str) -> T:
    """``value``, which the stream's stage guarantees is there; a stream that breaks the guarantee raises
    :class:`~npcproc.errors.ConversionError` (never an ``assert``, which ``python -O`` would skip)."""
    if value is None:
        raise ConversionError(path, "missing, though the stream's stage requires it")
    return value


def fold_log(initial: Callable[[], A]) -> Callable[[Sequence[object]], A]:
    """The fold of a log stream: ``initial()`` (the empty log), then each event applied in order."""

    def fold(events: Sequence[object]) -> A:
        state = initial()
        for event in events:
            state = state.apply(event)
        return state

    return fold


def fold_opened(first: type[F], start: Callable[[F], A]) -> Callable[[Sequence[object]], A | None]:
    """The fold of a stream its first event opens: None while empty, else ``start(first)`` then each later event
    applied in order. A stream that begins with another event raises :class:`~npcproc.errors.ConversionError`."""

    def fold(events: Sequence[object]) -> A | None:
        if not events:
            return None
        head = events[0]
        if not isinstance(head, first):
            raise ConversionError("events[0]", f"the stream begins with {type(head).__name__}, not {first.__name__}")
        state = start(head)
        for event in events[1:]:
            state = state.apply(event)
        return state

    return fold


class _Entry:
    __slots__ = ("fold", "state", "version")

    def __init__(self, fold: Fold, state: Any, version: int) -> None:
        self.fold, self.state, self.version = fold, state, version


class FoldCache:
    """Folded states of one store's streams, least recently used dropped first."""

    def __init__(self, size: int = MAX_STREAMS) -> None:
        self.size = size
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def load(self, store: EventStore, stream: str, fold: Fold) -> tuple[Any, int]:
        """The fold of ``stream`` as stored now, and its version."""
        with self._lock:
            entry = self._entries.get(stream)
        if entry is not None and entry.fold is fold and store.stream_version(stream) == entry.version:
            with self._lock:
                self._entries.move_to_end(stream)
                self.hits += 1
            return entry.state, entry.version
        records = list(store.read_stream(stream))
        state = fold([event_from_data(r.type, r.data) for r in records])
        version = len(records)
        with self._lock:
            self.misses += 1
            self._put(stream, _Entry(fold, state, version))
        return state, version

    def appended(self, stream: str, version: int, records: Sequence[Record]) -> None:
        """``records`` were appended to ``stream`` at ``version``: advance its cached state, or forget it."""
        with self._lock:
            entry = self._entries.pop(stream, None)
        if entry is None or entry.version != version:
            return
        if [r.version for r in records] != list(range(version + 1, version + 1 + len(records))):
            return
        events = [event_from_data(r.type, r.data) for r in records]
        if version == 0:
            state = entry.fold(events)
        else:
            apply = getattr(entry.state, "apply", None)
            if apply is None:
                return
            state = entry.state
            for event in events:
                state = state.apply(event)
        with self._lock:
            self._put(stream, _Entry(entry.fold, state, version + len(records)))

    def forget(self, stream: str) -> None:
        with self._lock:
            self._entries.pop(stream, None)

    def _put(self, stream: str, entry: _Entry) -> None:
        self._entries[stream] = entry
        self._entries.move_to_end(stream)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)


_caches: weakref.WeakKeyDictionary[object, FoldCache] = weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def cache_for(store: EventStore) -> FoldCache | None:
    """The cache of ``store`` (created on first use); None for a store that cannot be weakly referenced."""
    with _caches_lock:
        try:
            found = _caches.get(store)
            if found is None:
                found = _caches[store] = FoldCache()
        except TypeError:
            return None
    return found
