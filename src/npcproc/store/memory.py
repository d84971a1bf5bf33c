"""The in-memory backend (``memory://``): for tests and throwaway runs."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable, Iterator, Sequence

import attrs

from npcproc.errors import ConcurrencyError
from npcproc.serialization import event_to_data
from npcproc.store import chain
from npcproc.store.base import Record, VerifyResult, verify_records


def _utc_now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


class MemoryStore:
    """An EventStore held in a list; thread-safe, gone when the process ends."""

    def __init__(self, *, clock: Callable[[], datetime.datetime] = _utc_now) -> None:
        self._records: list[Record] = []
        self._streams: dict[str, list[Record]] = {}
        self._lock = threading.Lock()
        self._clock = clock

    def append(self, stream: str, events: Sequence[object], *, expected_version: int) -> tuple[Record, ...]:
        encoded = [event_to_data(event) for event in events]  # fails before anything is written
        with self._lock:
            records = self._streams.get(stream, [])
            if len(records) != expected_version:
                raise ConcurrencyError(stream, expected_version, len(records))
            recorded_at = self._clock()
            previous = self._records[-1].hash if self._records else chain.GENESIS
            new = []
            for offset, (type_, data) in enumerate(encoded, start=1):
                unsealed = Record(
                    position=len(self._records) + offset,
                    stream=stream,
                    version=expected_version + offset,
                    type=type_,
                    data=data,
                    recorded_at=recorded_at,
                    prev_hash=previous,
                    hash="",
                )
                previous = unsealed.expected_hash()
                new.append(attrs.evolve(unsealed, hash=previous))
            self._records.extend(new)
            self._streams.setdefault(stream, []).extend(new)
            return tuple(new)

    def read_stream(self, stream: str) -> Iterator[Record]:
        with self._lock:
            return iter(list(self._streams.get(stream, ())))

    def read_all(self, *, after: int = 0) -> Iterator[Record]:
        with self._lock:
            return iter(self._records[after:])

    def stream_version(self, stream: str) -> int:
        with self._lock:
            return len(self._streams.get(stream, ()))

    def verify(self) -> VerifyResult:
        return verify_records(self.read_all())

    def close(self) -> None:
        """Nothing to release."""
