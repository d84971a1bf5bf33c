"""The backend kit: what every EventStore must do, as tests a backend inherits.

Subclass :class:`EventStoreContract` in a test module and implement ``make_store`` and
``rewrite_log``; subclass :class:`EventStoreMachine` and set ``make_store`` to run the
Hypothesis state machine that checks the backend against a simple in-memory model::

    class TestMyStore(EventStoreContract):
        def make_store(self):
            return MyStore(...)

        def rewrite_log(self, store, records, *, head=None):
            ...  # replace the stored rows (and the stored head, when given) by raw access

    class MyStoreMachine(EventStoreMachine):
        make_store = staticmethod(lambda: MyStore(...))

    TestMyStoreMachine = MyStoreMachine.TestCase
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import ClassVar

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from npcproc.errors import ConcurrencyError
from npcproc.events import event_type
from npcproc.serialization import event_from_data
from npcproc.store.backend import Append, EventStore, Head, IdempotencyError, Record

__all__ = ["EventStoreContract", "EventStoreMachine", "Noted", "tamperings"]


@event_type("testing.noted")
@attrs.frozen(kw_only=True)
class Noted:
    """A plain event for backend tests."""

    n: int
    text: str = ""


def noted(*numbers: int) -> list[Noted]:
    return [Noted(n=n, text=f"第{n}号") for n in numbers]


def _edit(records: list[Record], i: int, _j: int) -> list[Record]:
    records[i] = attrs.evolve(records[i], data={**records[i].data, "n": records[i].data["n"] + 1})
    return records


def _delete(records: list[Record], i: int, _j: int) -> list[Record]:
    del records[i]
    return records


def _insert(records: list[Record], i: int, _j: int) -> list[Record]:
    forged = attrs.evolve(records[i], event_id=f"forged-{i}", stream="forged", data={"n": -1, "text": "伪造"})
    shifted = [attrs.evolve(r, position=r.position + 1) for r in records[i:]]
    return [*records[:i], forged, *shifted]


def _reorder(records: list[Record], i: int, j: int) -> list[Record]:
    if i == j:
        j = (i + 1) % len(records)
    records[i], records[j] = (
        attrs.evolve(records[j], position=records[i].position),
        attrs.evolve(records[i], position=records[j].position),
    )
    return records


def _truncate(records: list[Record], i: int, _j: int) -> list[Record]:
    return records[: min(i, len(records) - 1)]


def _rehash(records: list[Record], i: int, _j: int) -> list[Record]:
    """An edit that also recomputes the edited record's own hash (its successor's link then breaks)."""
    edited = attrs.evolve(records[i], type="testing.forged")
    records[i] = attrs.evolve(edited, hash=edited.expected_hash())
    return records


TAMPERINGS: dict[str, Callable[[list[Record], int, int], list[Record]]] = {
    "edit": _edit,
    "delete": _delete,
    "insert": _insert,
    "reorder": _reorder,
    "truncate": _truncate,
    "rehash": _rehash,
}


def tamperings() -> st.SearchStrategy[tuple[str, int, int]]:
    """(kind, i, j): which tampering to apply at which indices (taken modulo the log's length)."""
    return st.tuples(st.sampled_from(sorted(TAMPERINGS)), st.integers(0, 1000), st.integers(0, 1000))


class EventStoreContract:
    """Tests every EventStore backend must pass. Subclass it; implement the two methods below."""

    def make_store(self) -> EventStore:
        """A new, empty store."""
        raise NotImplementedError

    def rewrite_log(self, store: EventStore, records: list[Record], *, head: Head | None = None) -> None:
        """Replace the stored rows by ``records`` exactly as given (raw access, bypassing appends).

        When ``head`` is given, overwrite the stored chain head too. Used to play an attacker.
        """
        raise NotImplementedError

    @pytest.fixture
    def store(self) -> Iterator[EventStore]:
        store = self.make_store()
        yield store
        store.close()

    def test_empty_store(self, store: EventStore) -> None:
        assert list(store.read_all()) == []
        assert store.stream_version("s") == 0
        assert store.head() == Head()
        assert store.verify()

    def test_appends_read_back_in_order(self, store: EventStore) -> None:
        first = store.append("a", noted(1, 2), expected_version=0)
        second = store.append("b", noted(3), expected_version=0)
        third = store.append("a", noted(4), expected_version=2)
        records = list(store.read_all())
        assert records == [*first, *second, *third]
        assert [r.position for r in records] == [1, 2, 3, 4]
        assert [(r.stream, r.version) for r in records] == [("a", 1), ("a", 2), ("b", 1), ("a", 3)]
        assert [event_from_data(r.type, r.data) for r in store.read_stream("a")] == noted(1, 2, 4)
        assert store.stream_version("a") == 3
        assert [r.position for r in store.read_all(after=2)] == [3, 4]
        assert store.head() == Head(position=4, hash=records[-1].hash)
        assert len({r.recorded_at for r in first}) == 1

    def test_stale_expected_version_writes_nothing(self, store: EventStore) -> None:
        store.append("a", noted(1), expected_version=0)
        before = list(store.read_all())
        for stale in (0, 2):
            with pytest.raises(ConcurrencyError) as caught:
                store.append("a", noted(2), expected_version=stale)
            assert (caught.value.expected, caught.value.actual) == (stale, 1)
        assert list(store.read_all()) == before
        assert store.head().position == 1

    def test_unencodable_event_writes_nothing(self, store: EventStore) -> None:
        with pytest.raises(TypeError):
            store.append("a", [*noted(1), object()], expected_version=0)
        assert list(store.read_all()) == []

    def test_empty_append_writes_nothing(self, store: EventStore) -> None:
        assert store.append("a", [], expected_version=0) == ()
        assert store.head() == Head()

    def test_retry_with_same_ids_returns_the_originals(self, store: EventStore) -> None:
        original = store.append("a", noted(1, 2), expected_version=0, event_ids=["e1", "e2"])
        store.append("b", noted(3), expected_version=0)
        again = store.append("a", noted(1, 2), expected_version=0, event_ids=["e1", "e2"])
        assert again == original
        assert len(list(store.read_all())) == 3

    def test_partly_stored_ids_are_refused(self, store: EventStore) -> None:
        store.append("a", noted(1), expected_version=0, event_ids=["e1"])
        with pytest.raises(IdempotencyError, match="1 of 2"):
            store.append("a", noted(1, 2), expected_version=1, event_ids=["e1", "e2"])
        with pytest.raises(IdempotencyError, match="another stream"):
            store.append("b", noted(1), expected_version=0, event_ids=["e1"])
        assert len(list(store.read_all())) == 1

    def test_duplicate_ids_in_one_append_are_refused(self, store: EventStore) -> None:
        with pytest.raises(ValueError, match="event_ids"):
            store.append("a", noted(1, 2), expected_version=0, event_ids=["e1", "e1"])

    def test_append_many_writes_every_stream_or_none(self, store: EventStore) -> None:
        store.append("b", noted(0), expected_version=0)
        before = list(store.read_all())
        with pytest.raises(ConcurrencyError):  # "b" is at version 1, not 0: "a" is not written either
            store.append_many([Append(stream="a", events=noted(1, 2), expected_version=0),
                               Append(stream="b", events=noted(3), expected_version=0)])  # fmt: skip
        assert list(store.read_all()) == before
        assert store.head().position == 1
        batch = [
            Append(stream="a", events=noted(1, 2), expected_version=0, event_ids=["a1", "a2"]),
            Append(stream="b", events=noted(3), expected_version=1, event_ids=["b2"]),
        ]
        records = store.append_many(batch)
        assert [(r.position, r.stream, r.version) for r in records] == [(2, "a", 1), (3, "a", 2), (4, "b", 2)]
        assert store.verify().ok
        assert store.append_many(batch) == records  # retried whole: the originals, nothing written
        assert store.head().position == 4
        with pytest.raises(IdempotencyError):
            store.append_many([batch[0], Append(stream="c", events=noted(4), expected_version=0, event_ids=["c1"])])
        with pytest.raises(ValueError, match="twice"):
            store.append_many([Append(stream="c", events=noted(5), expected_version=0),
                               Append(stream="c", events=noted(6), expected_version=1)])  # fmt: skip
        assert store.head().position == 4

    def test_chain_links_every_record(self, store: EventStore) -> None:
        for n in range(5):
            store.append(f"s{n % 2}", noted(n), expected_version=n // 2)
        records = list(store.read_all())
        assert records[0].prev_hash == Head().hash
        assert all(after.prev_hash == before.hash for before, after in itertools.pairwise(records))
        result = store.verify()
        assert result.ok
        assert (result.checked, result.head) == (5, records[-1].hash)
        assert store.verify(against=records[2].hash)

    # Each backend's subclass runs this same method: that is the point of the kit.
    @settings(max_examples=30, suppress_health_check=[HealthCheck.differing_executors])
    @given(tamperings(), st.integers(min_value=2, max_value=8))
    def test_every_tampering_is_reported(self, tampering: tuple[str, int, int], size: int) -> None:
        kind, i, j = tampering
        store = self.make_store()
        try:
            for n in range(size):
                store.append(f"s{n % 3}", noted(n), expected_version=n // 3)
            records = list(store.read_all())
            changed = TAMPERINGS[kind](list(records), i % size, j % size)
            self.rewrite_log(store, changed)
            result = store.verify()
            assert not result, f"{kind} at {i % size} went unnoticed"
            assert result.bad_position is not None
            assert 1 <= result.bad_position <= size + 1
        finally:
            store.close()

    def test_rewritten_chain_is_caught_against_a_published_head(self, store: EventStore) -> None:
        for n in range(4):
            store.append("a", noted(n), expected_version=n)
        published = store.head().hash
        records = list(store.read_all())
        forged: list[Record] = []
        previous = Head().hash
        for record in records:  # an attacker who rewrites every hash from the start
            unsealed = attrs.evolve(record, data={**record.data, "text": "改写"}, prev_hash=previous)
            previous = unsealed.expected_hash()
            forged.append(attrs.evolve(unsealed, hash=previous))
        self.rewrite_log(store, forged, head=Head(position=4, hash=previous))
        assert store.verify()
        result = store.verify(against=published)
        assert not result
        assert "rewritten" in result.problem


class EventStoreMachine(RuleBasedStateMachine):
    """Runs a backend against a list-of-records model; set ``make_store`` in a subclass."""

    make_store: ClassVar[Callable[[], EventStore]]
    STREAMS = ("a", "b", "c")

    def __init__(self) -> None:
        super().__init__()
        self.store = type(self).make_store()
        self.model: list[tuple[str, Noted]] = []
        self.counter = itertools.count()
        self.last: tuple[str, list[Noted], list[str], tuple[Record, ...]] | None = None

    def version(self, stream: str) -> int:
        return sum(1 for s, _ in self.model if s == stream)

    @rule(stream=st.sampled_from(STREAMS), size=st.integers(1, 3))
    def append(self, stream: str, size: int) -> None:
        events = noted(*(next(self.counter) for _ in range(size)))
        ids = [f"id-{event.n}" for event in events]
        records = self.store.append(stream, events, expected_version=self.version(stream), event_ids=ids)
        assert [r.position for r in records] == list(range(len(self.model) + 1, len(self.model) + size + 1))
        self.model.extend((stream, event) for event in events)
        self.last = (stream, events, ids, records)

    @rule(stream=st.sampled_from(STREAMS), behind=st.integers(1, 3))
    def stale_append(self, stream: str, behind: int) -> None:
        stale = self.version(stream) - behind
        with pytest.raises(ConcurrencyError):
            self.store.append(stream, noted(-1), expected_version=stale)

    @precondition(lambda self: self.last is not None)
    @rule()
    def retry_last(self) -> None:
        assert self.last is not None
        stream, events, ids, records = self.last
        assert self.store.append(stream, events, expected_version=0, event_ids=ids) == records

    @invariant()
    def log_matches_model(self) -> None:
        records = list(self.store.read_all())
        assert [(r.stream, event_from_data(r.type, r.data)) for r in records] == self.model
        for stream in self.STREAMS:
            assert self.store.stream_version(stream) == self.version(stream)
        assert self.store.verify()

    def teardown(self) -> None:
        self.store.close()
