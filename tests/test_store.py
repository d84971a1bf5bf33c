"""The memory backend, the record envelope and the hash chain."""

from __future__ import annotations

import datetime
import itertools

import attrs
import pytest

import npcproc
from npcproc.errors import ConcurrencyError
from npcproc.events import DeputyElected, TermBegan
from npcproc.serialization import event_from_data
from npcproc.store import EventStore, MemoryStore, UnknownSchemeError, verify_records
from npcproc.store.chain import GENESIS


def term(n: int) -> TermBegan:
    return TermBegan(congress_id="c1", term=n, elections_completed_on=datetime.date(2021, 11, n))


def deputy(n: int) -> DeputyElected:
    return DeputyElected(congress_id="c1", term=1, deputy_id=f"d{n}", name=f"代表{n}", on=datetime.date(2022, 1, 5))


@pytest.fixture
def store() -> MemoryStore:
    store = MemoryStore()
    store.append("congress-c1", [term(1)], expected_version=0)
    store.append("deputy-d1", [deputy(1), deputy(2)], expected_version=0)
    store.append("congress-c1", [term(2)], expected_version=1)
    return store


def test_open_store_by_scheme():
    store = npcproc.open_store("memory://")
    assert isinstance(store, EventStore)


def test_unknown_scheme_lists_installed_ones():
    with pytest.raises(UnknownSchemeError, match="memory"):
        npcproc.open_store("mongodb://x")


def test_positions_are_gap_free_and_streams_versioned(store):
    records = list(store.read_all())
    assert [r.position for r in records] == [1, 2, 3, 4]
    assert [(r.stream, r.version) for r in records] == [
        ("congress-c1", 1), ("deputy-d1", 1), ("deputy-d1", 2), ("congress-c1", 2)
    ]  # fmt: skip
    assert [r.version for r in store.read_stream("congress-c1")] == [1, 2]
    assert store.stream_version("congress-c1") == 2
    assert store.stream_version("nobody") == 0
    assert [r.position for r in store.read_all(after=2)] == [3, 4]


def test_records_hold_events_that_read_back(store):
    first = next(store.read_stream("congress-c1"))
    assert first.type == "term.began"
    assert event_from_data(first.type, first.data) == term(1)
    assert first.recorded_at.tzinfo is not None


def test_stale_expected_version_writes_nothing(store):
    before = list(store.read_all())
    with pytest.raises(ConcurrencyError) as caught:
        store.append("congress-c1", [term(3)], expected_version=1)
    assert (caught.value.expected, caught.value.actual) == (1, 2)
    assert list(store.read_all()) == before


def test_an_unencodable_event_in_a_batch_writes_nothing(store):
    before = list(store.read_all())
    with pytest.raises(TypeError):
        store.append("congress-c1", [term(3), object()], expected_version=2)
    assert list(store.read_all()) == before
    assert store.stream_version("congress-c1") == 2


def test_chain_links_every_record(store):
    records = list(store.read_all())
    assert records[0].prev_hash == GENESIS
    for before, after in itertools.pairwise(records):
        assert after.prev_hash == before.hash
    result = store.verify()
    assert result.ok
    assert result.checked == 4
    assert result.head == records[-1].hash


def tamper_edit(records):
    records[1] = attrs.evolve(records[1], data={**records[1].data, "name": "冒名"})
    return records


def tamper_delete(records):
    del records[1]
    return records


def tamper_insert(records):
    records.insert(2, attrs.evolve(records[1]))
    return records


def tamper_reorder(records):
    records[1], records[2] = records[2], records[1]
    return records


def tamper_rehash_one(records):
    edited = attrs.evolve(records[1], type="deputy.recalled")
    records[1] = attrs.evolve(edited, hash=edited.expected_hash())
    return records


@pytest.mark.parametrize("tamper", [tamper_edit, tamper_delete, tamper_insert, tamper_reorder, tamper_rehash_one])
def test_verify_reports_the_first_bad_position(store, tamper):
    result = verify_records(iter(tamper(list(store.read_all()))))
    assert not result.ok
    assert result.bad_position in (2, 3)
    assert result.problem
