# Over 400 lines: the recorder in one place: envelope, sealing, row checks and verification, which every backend shares.
"""The recorder: the EventStore protocol, the record envelope, and the sealing and checking of the hash chain.

Every backend keeps the same envelope and chain, so sealing new records and verifying
stored ones are written here once. It deals in rows and records only; turning events into
what is stored is :mod:`npcproc.store.mapper`'s. Backends import both through the public
interface, :mod:`npcproc.store.backend`.
"""

from __future__ import annotations

import datetime
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from itertools import islice, repeat
from operator import itemgetter
from typing import Any, Protocol, runtime_checkable

import attrs

from npcproc.errors import ConcurrencyError, NpcprocError
from npcproc.store import chain

__all__ = [
    "Append",
    "CommitCallback",
    "CorruptRecordError",
    "EventStore",
    "Head",
    "IdempotencyError",
    "Pending",
    "Record",
    "Sealed",
    "Snapshot",
    "VerifyResult",
    "new_event_ids",
    "new_record",
    "records_from_rows",
    "replayed",
    "replayed_many",
    "row_problem",
    "rows_of",
    "seal",
    "seal_many",
    "utc_now",
    "verify_records",
    "verify_rows",
]

#: What a backend calls with the records of each append, after it commits (never for a replay).
CommitCallback = Callable[[tuple["Record", ...]], None]


class IdempotencyError(NpcprocError):
    """Some but not all event ids of an append were already stored, or stored in another stream."""


@attrs.frozen(kw_only=True)
class Record:
    """One stored event: where it stands, what it says, and its link in the hash chain.

    ``position`` is the 1-based place in the global log (gap-free, in commit order);
    ``version`` the 1-based place in its stream; ``event_id`` the caller's idempotency key;
    ``data`` the event as plain JSON data.
    """

    position: int
    event_id: str
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
            event_id=self.event_id,
            stream=self.stream,
            version=self.version,
            type=self.type,
            recorded_at=self.recorded_at.isoformat(),
            prev_hash=self.prev_hash,
            data_json=chain.canonical(self.data),
        )


def new_record(
    position: int, event_id: str, stream: str, version: int, type: str,
    data: Any, recorded_at: datetime.datetime, prev_hash: str, hash: str,
) -> Record:  # fmt: skip
    """A Record from its fields in declaration order, as backends build them from rows."""
    return Record(
        position=position, event_id=event_id, stream=stream, version=version, type=type,
        data=data, recorded_at=recorded_at, prev_hash=prev_hash, hash=hash,
    )  # fmt: skip


@attrs.frozen(kw_only=True)
class Head:
    """The last record of the log: its position and hash (position 0 and the genesis hash when empty)."""

    position: int = 0
    hash: str = chain.GENESIS


@attrs.frozen(kw_only=True)
class Pending:
    """Events encoded and checked, ready to seal: all the work an append can do before taking a lock.

    ``types``, ``datas`` and ``texts`` (each data's canonical JSON) run parallel to ``event_ids``.
    """

    stream: str
    event_ids: tuple[str, ...]
    types: tuple[str, ...]
    datas: tuple[Any, ...]
    texts: tuple[str, ...]
    fresh_ids: bool  # ids were generated here, so no earlier append can hold them


class CorruptRecordError(NpcprocError):
    """A stored row is not exactly what its hash covers: its data or timestamp does not decode, on its own, to
    the canonical text it is stored as (a row edited behind npcproc's back). ``npcproc verify`` names it too."""

    def __init__(self, position: int, problem: str) -> None:
        super().__init__(f"the record at position {position} cannot be read: {problem}; run npcproc verify")
        self.position = position
        self.problem = problem


def row_problem(row: chain.Row) -> str | None:
    """Why a stored row does not read back as the data and timestamp its hash covers, or None when it does.

    Each row is decoded alone and must be the canonical text of what it decodes to, so duplicate keys,
    spaces, escapes, number forms or bytes moved between rows can never read as something else.
    """
    text, stamp = row[5], row[6]
    try:
        data = json.loads(text)
    except ValueError as error:
        return f"its data is not one JSON value ({error})"
    if chain.canonical_text(data) != text:
        return "its data is not stored as the canonical JSON its hash covers"
    try:
        parsed = datetime.datetime.fromisoformat(stamp)
    except ValueError:
        return f"its recorded_at {stamp!r} is not an ISO 8601 timestamp"
    if parsed.isoformat() != stamp:
        return f"its recorded_at {stamp!r} is not stored as the text its hash covers"
    return None


def records_from_rows(rows: Sequence[Any]) -> list[Record]:
    """Records from stored rows of (position, event_id, stream, version, type, data as JSON text,
    recorded_at as ISO text, prev_hash, hash).

    What is read is what was hashed: each row's data must be the canonical JSON of the value it decodes to,
    and its timestamp the ISO text of the time it parses to; otherwise :class:`CorruptRecordError` names the
    first such row. The rows are decoded as one JSON array (fast), and the round trip proves each row's
    text is, on its own, exactly one value.
    """
    texts = list(map(itemgetter(5), rows))
    try:
        datas = json.loads("[" + ",".join(texts) + "]")
    except ValueError:
        datas = None
    if datas is None or len(datas) != len(texts) or list(map(chain.canonical_text, datas)) != texts:
        raise _first_corrupt(rows)
    try:
        stamps = {stamp: datetime.datetime.fromisoformat(stamp) for stamp in set(map(itemgetter(6), rows))}
    except ValueError:
        raise _first_corrupt(rows) from None
    if any(parsed.isoformat() != stamp for stamp, parsed in stamps.items()):
        raise _first_corrupt(rows)
    return [
        new_record(position, event_id, stream, version, type_, data, stamps[recorded_at], prev_hash, hash_)
        for (position, event_id, stream, version, type_, _, recorded_at, prev_hash, hash_), data in zip(
            rows, datas, strict=True
        )
    ]


def _first_corrupt(rows: Sequence[Any]) -> CorruptRecordError:
    for row in rows:
        problem = row_problem(row)
        if problem is not None:
            return CorruptRecordError(row[0], problem)
    return CorruptRecordError(rows[0][0], "its rows do not decode one by one")  # pragma: no cover (each row did)


def new_event_ids(count: int) -> tuple[str, ...]:
    """``count`` new ids, 32 hex digits each: the time in milliseconds, then 80 random bits, counting up.

    Like UUIDv7, ids made later sort later, and the ids of one append are consecutive, so
    the ``event_id`` index grows at its end instead of at random places in it: an append
    touches a few index pages rather than one per event.
    """
    first = (time.time_ns() // 1_000_000) << 80 | int.from_bytes(os.urandom(10), "big")
    return tuple(f"{first + offset:032x}" for offset in range(count))


@attrs.frozen(kw_only=True)
class Append:
    """One stream's part of :meth:`EventStore.append_many`: as the arguments of :meth:`EventStore.append`."""

    stream: str
    events: Sequence[object]
    expected_version: int
    event_ids: Sequence[str] | None = None


def replayed_many(found: Sequence[tuple[Pending, Sequence[Record]]]) -> tuple[Record, ...] | None:
    """The original records when every append's ids were all stored before; None when none was."""
    earlier = [replayed(pending, records) for pending, records in found]
    if all(records is None for records in earlier):
        return None
    if any(records is None for records in earlier):
        raise IdempotencyError("event_ids: some appends of the batch were stored before and some were not")
    return tuple(record for records in earlier if records is not None for record in records)


def seal_many(
    prepared: Sequence[tuple[Pending, int]], versions: Sequence[int], *, head: Head, recorded_at: datetime.datetime
) -> list[Sealed]:
    """Each append sealed after the one before it, once every stream was found at its expected version.

    ``versions`` are the streams' current versions; the first that differs raises ConcurrencyError.
    """
    for (pending, expected), version in zip(prepared, versions, strict=True):
        if version != expected:
            raise ConcurrencyError(pending.stream, expected, version)
    sealed = []
    for pending, version in prepared:
        batch = seal(pending, head=head, version=version, recorded_at=recorded_at)
        head = Head(position=batch.records[-1].position, hash=batch.records[-1].hash)
        sealed.append(batch)
    return sealed


@attrs.frozen(kw_only=True)
class Sealed:
    """New records, with each one's data as the canonical JSON text its hash covers (for backends to store)."""

    records: tuple[Record, ...]
    data_json: tuple[str, ...]


def seal(pending: Pending, *, head: Head, version: int, recorded_at: datetime.datetime) -> Sealed:
    """The records for ``pending`` after ``head``, chained, starting at stream ``version`` + 1."""
    stream, first = pending.stream, head.position + 1
    digests = chain.link(
        prev_hash=head.hash,
        position=first,
        stream=stream,
        version=version + 1,
        recorded_at=recorded_at.isoformat(),
        items=zip(pending.event_ids, pending.types, pending.texts, strict=True),
    )
    previous = [head.hash, *digests][:-1]
    count = len(digests)
    records = tuple(
        map(
            new_record,
            range(first, first + count), pending.event_ids, repeat(stream, count),
            range(version + 1, version + 1 + count), pending.types, pending.datas,
            repeat(recorded_at, count), previous, digests,
        )
    )  # fmt: skip
    return Sealed(records=records, data_json=pending.texts)


def replayed(pending: Pending, found: Sequence[Record]) -> tuple[Record, ...] | None:
    """The original records when every id of ``pending`` was stored before; None when none was."""
    if not found:
        return None
    by_id = {record.event_id: record for record in found}
    if len(by_id) != len(pending.event_ids) or any(r.stream != pending.stream for r in found):
        raise IdempotencyError(
            f"event_ids: {len(by_id)} of {len(pending.event_ids)} ids were already stored"
            + ("" if all(r.stream == pending.stream for r in found) else " in another stream")
            + "; an append is retried whole or not at all"
        )
    return tuple(by_id[event_id] for event_id in pending.event_ids)


def utc_now() -> datetime.datetime:
    """The time now, in UTC: the clock every built-in backend stamps its appends with unless given another."""
    return datetime.datetime.now(datetime.UTC)


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


def verify_rows(rows: Iterable[chain.Row], *, head: Head | None = None, against: str | None = None) -> VerifyResult:
    """Walk stored rows in log order and report the first break.

    Each hash is recomputed over the row's stored text, and that text must be what a reader decodes
    (:func:`row_problem`), so a row that verifies reads back exactly as hashed. Finds gaps, bad links and
    bad hashes (edits, deletions, insertions, reorderings); with the stored ``head``, a truncated or
    extended tail; with ``against``, a previously published head hash that is no longer in the chain (a
    rewritten chain).
    """
    previous, position, seen_against = chain.GENESIS, 0, against is None or against == chain.GENESIS

    def bad(at: int, problem: str) -> VerifyResult:
        return VerifyResult(ok=False, checked=position, head=previous, bad_position=at, problem=problem)

    remaining = iter(rows)
    while chunk := list(islice(remaining, _VERIFY_CHUNK)):
        for row, digest in zip(chunk, chain.hashes(chunk), strict=True):
            expected = position + 1
            if row[0] != expected:
                return bad(expected, f"expected position {expected}, found {row[0]}")
            if row[7] != previous:
                return bad(expected, "prev_hash does not match the hash of the record before it")
            problem = row_problem(row)
            if problem is not None:
                return bad(expected, problem)
            if row[8] != digest:
                return bad(expected, "hash does not match the record's contents")
            previous, position = row[8], expected
            seen_against = seen_against or previous == against
    if head is not None and (head.position, head.hash) != (position, previous):
        if head.position > position:
            return bad(position + 1, f"the log ends at {position} but its recorded head is at {head.position}")
        return bad(head.position + 1 if head.position < position else position, "the recorded head does not match")
    if not seen_against:
        return bad(position + 1, f"the published head {against} is not in the chain: the chain was rewritten")
    return VerifyResult(ok=True, checked=position, head=previous)


def rows_of(records: Iterable[Record]) -> Iterator[chain.Row]:
    """Records as the rows a backend stores: data as canonical JSON text, recorded_at as ISO 8601 text."""
    for r in records:
        yield (r.position, r.event_id, r.stream, r.version, r.type, chain.canonical_text(r.data),
               r.recorded_at.isoformat(), r.prev_hash, r.hash)  # fmt: skip


def verify_records(records: Iterable[Record], *, head: Head | None = None, against: str | None = None) -> VerifyResult:
    """:func:`verify_rows` over records already decoded (an exported log, the memory backend)."""
    return verify_rows(rows_of(records), head=head, against=against)


@attrs.frozen(kw_only=True)
class Snapshot:
    """The head and the rows of a store read in one snapshot: an append made meanwhile shows in neither.

    ``rows`` may be iterated once, inside the ``with store.snapshot()`` block that made it.
    """

    head: Head
    rows: Iterable[chain.Row]

    def records(self) -> Iterator[Record]:
        """The rows decoded as records (:func:`records_from_rows`), in position order."""
        remaining = iter(self.rows)
        while chunk := list(islice(remaining, _VERIFY_CHUNK)):
            yield from records_from_rows(chunk)

    def verify(self, *, against: str | None = None) -> VerifyResult:
        """:func:`verify_rows` over this snapshot's rows and head."""
        return verify_rows(self.rows, head=self.head, against=against)


_VERIFY_CHUNK = 1000


@runtime_checkable
class EventStore(Protocol):
    """What every backend provides. Appends are atomic and checked against the stream version."""

    def append(
        self, stream: str, events: Sequence[object], *, expected_version: int, event_ids: Sequence[str] | None = None
    ) -> tuple[Record, ...]:
        """Append ``events`` to ``stream`` if it is at ``expected_version`` (0 for a new stream).

        Writes all or nothing, in one transaction. Raises
        :class:`~npcproc.errors.ConcurrencyError` and writes nothing when the stream has
        moved on. When every one of ``event_ids`` was stored before, returns the original
        records instead of writing again (a retried append is idempotent).
        """
        ...

    def append_many(self, appends: Sequence[Append]) -> tuple[Record, ...]:
        """Several streams' appends in one transaction: all of them or none.

        Each is checked against its stream's version as :meth:`append` checks one (ConcurrencyError for
        the first that moved on, and nothing written); a stream may appear once. When every id of every
        append was stored before, returns the original records. Importing a record uses it, so an
        import interrupted at any point leaves the store as it was.
        """
        ...

    def read_stream(self, stream: str) -> Iterator[Record]:
        """The records of one stream, in version order."""
        ...

    def read_all(self, *, after: int = 0) -> Iterator[Record]:
        """The records of the global log after position ``after``, in position order.

        A reader that follows the log passes the last position it has seen.
        """
        ...

    def stream_version(self, stream: str) -> int:
        """The stream's current version (0 when it has no records)."""
        ...

    def head(self) -> Head:
        """The recorded head of the chain: last position and its hash."""
        ...

    def snapshot(self) -> AbstractContextManager[Snapshot]:
        """The head and every stored row, read in one consistent snapshot (one read transaction).

        Never writes. ``verify``, ``export`` and the report read through it, so an intact chain under
        concurrent appends never looks broken and an exported head always matches its records.
        """
        ...

    def verify(self, *, against: str | None = None) -> VerifyResult:
        """Walk the hash chain from the first record in one snapshot; ``against`` is a published head hash."""
        ...

    def close(self) -> None:
        """Release the backend's resources."""
        ...
