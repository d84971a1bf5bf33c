"""The EventStore protocol and the record envelope every backend stores."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from typing import Any, Protocol, runtime_checkable

import attrs

from npcproc.store import chain


@attrs.frozen(kw_only=True)
class Record:
    """One stored event: where it stands, what it says, and its link in the hash chain.

    ``position`` is the 1-based place in the global log (gap-free, commit order);
    ``version`` the 1-based place in its stream; ``data`` the event as plain JSON data.
    """

    position: int
    stream: str
    version: int
    type: str
    data: Any = attrs.field(hash=False)
    recorded_at: datetime.datetime
    prev_hash: str
    hash: str

    def expected_hash(self) -> str:
        """The hash this record should carry, recomputed from its fields."""
        return chain.record_hash(
            position=self.position,
            stream=self.stream,
            version=self.version,
            type=self.type,
            data=self.data,
            recorded_at=self.recorded_at.isoformat(),
            prev_hash=self.prev_hash,
        )


@attrs.frozen(kw_only=True)
class VerifyResult:
    """The outcome of walking the hash chain: ``ok``, or the first bad position and why."""

    ok: bool
    checked: int
    head: str
    bad_position: int | None = None
    problem: str = ""

    def __bool__(self) -> bool:
        return self.ok


def verify_records(records: Iterator[Record]) -> VerifyResult:
    """Walk records in log order and report the first break: gap, bad link or bad hash."""
    previous, expected_position, checked = chain.GENESIS, 1, 0
    for record in records:
        problem = ""
        if record.position != expected_position:
            problem = f"expected position {expected_position}, found {record.position}"
        elif record.prev_hash != previous:
            problem = "prev_hash does not match the hash of the record before it"
        elif record.hash != record.expected_hash():
            problem = "hash does not match the record's contents"
        if problem:
            return VerifyResult(
                ok=False, checked=checked, head=previous, bad_position=expected_position, problem=problem
            )
        previous, expected_position, checked = record.hash, expected_position + 1, checked + 1
    return VerifyResult(ok=True, checked=checked, head=previous)


@runtime_checkable
class EventStore(Protocol):
    """What every backend provides. Appends are atomic and checked against the stream version."""

    def append(self, stream: str, events: Sequence[object], *, expected_version: int) -> tuple[Record, ...]:
        """Append ``events`` to ``stream`` if it is at ``expected_version`` (0 for a new stream).

        Writes all or nothing; raises :class:`~npcproc.errors.ConcurrencyError` and writes
        nothing when the stream has moved on.
        """
        ...

    def read_stream(self, stream: str) -> Iterator[Record]:
        """The records of one stream, in version order."""
        ...

    def read_all(self, *, after: int = 0) -> Iterator[Record]:
        """The records of the global log after position ``after``, in position order."""
        ...

    def stream_version(self, stream: str) -> int:
        """The stream's current version (0 when it has no records)."""
        ...

    def verify(self) -> VerifyResult:
        """Walk the hash chain from the first record."""
        ...

    def close(self) -> None:
        """Release the backend's resources."""
        ...
