"""The in-memory backend (``memory://``): for tests and throwaway runs."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from npcproc.store.backend import (
    Append,
    CommitCallback,
    ConcurrencyError,
    Head,
    Record,
    Snapshot,
    VerifyResult,
    prepare,
    prepare_many,
    replayed,
    replayed_many,
    rows_of,
    seal,
    seal_many,
    utc_now,
)

__all__ = ["MemoryStore"]


class MemoryStore:
    """An EventStore held in lists; thread-safe, gone when the process ends."""

    def __init__(
        self, *, clock: Callable[[], datetime.datetime] = utc_now, on_commit: CommitCallback | None = None
    ) -> None:
        self._on_commit = on_commit
        self._records: list[Record] = []
        self._streams: dict[str, list[Record]] = {}
        self._by_id: dict[str, Record] = {}
        self._head = Head()  # kept apart from the records, as backends keep it, so truncation shows
        self._lock = threading.Lock()
        self._clock = clock

    def append(
        self, stream: str, events: Sequence[object], *, expected_version: int, event_ids: Sequence[str] | None = None
    ) -> tuple[Record, ...]:
        pending = prepare(stream, events, event_ids)
        with self._lock:
            if not pending.fresh_ids:
                earlier = replayed(pending, [self._by_id[i] for i in pending.event_ids if i in self._by_id])
                if earlier is not None:
                    return earlier
            version = len(self._streams.get(stream, ()))
            if version != expected_version:
                raise ConcurrencyError(stream, expected_version, version)
            records = seal(pending, head=self._head, version=version, recorded_at=self._clock()).records
            self._records.extend(records)
            self._streams.setdefault(stream, []).extend(records)
            self._by_id.update((record.event_id, record) for record in records)
            if records:
                self._head = Head(position=records[-1].position, hash=records[-1].hash)
        if records and self._on_commit is not None:
            self._on_commit(records)
        return records

    def append_many(self, appends: Sequence[Append]) -> tuple[Record, ...]:
        prepared = prepare_many(appends)
        with self._lock:
            found = [
                (pending, [self._by_id[i] for i in pending.event_ids if i in self._by_id]) for pending, _ in prepared
            ]
            earlier = replayed_many(found)
            if earlier is not None:
                return earlier
            versions = [len(self._streams.get(pending.stream, ())) for pending, _ in prepared]
            sealed = seal_many(prepared, versions, head=self._head, recorded_at=self._clock())
            records = tuple(record for batch in sealed for record in batch.records)
            for record in records:
                self._streams.setdefault(record.stream, []).append(record)
                self._by_id[record.event_id] = record
            self._records.extend(records)
            if records:
                self._head = Head(position=records[-1].position, hash=records[-1].hash)
        if records and self._on_commit is not None:
            self._on_commit(records)
        return records

    def read_stream(self, stream: str) -> Iterator[Record]:
        with self._lock:
            return iter(list(self._streams.get(stream, ())))

    def read_all(self, *, after: int = 0) -> Iterator[Record]:
        with self._lock:
            return iter(self._records[after:])

    def stream_version(self, stream: str) -> int:
        with self._lock:
            return len(self._streams.get(stream, ()))

    def head(self) -> Head:
        with self._lock:
            return self._head

    @contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        with self._lock:
            records, head = list(self._records), self._head
        yield Snapshot(head=head, rows=rows_of(records))

    def verify(self, *, against: str | None = None) -> VerifyResult:
        with self.snapshot() as snapshot:
            return snapshot.verify(against=against)

    def close(self) -> None:
        """Nothing to release."""
