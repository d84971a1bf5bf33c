"""Secret ballots are stored unlinkable from the deputies who cast them."""

from __future__ import annotations

import random

import attrs
import pytest

from npcproc.errors import ProcedureError
from npcproc.events import event_type
from npcproc.model.election import ElectionBallot, Nominator, Office
from npcproc.model.session import Choice
from npcproc.store import MemoryStore
from npcproc.store.secret import SecretBallotError, append_secret_ballots
from npcproc.store.sqlite import SQLiteStore
from npcproc.testing import assert_ballots_unlinkable


@event_type("testing.ballot_cast")
@attrs.frozen(kw_only=True)
class Ballot:
    election: str
    marks: dict[str, str]


@event_type("testing.linked_ballot")
@attrs.frozen(kw_only=True)
class LinkedBallot:
    election: str
    deputy_id: str
    marks: dict[str, str]


DEPUTIES = [f"d{n:03}" for n in range(60)]


def cast_in_voting_order(seed: int) -> list[Ballot]:
    chance = random.Random(seed)
    return [Ballot(election="chair-2026", marks={"王芳": chance.choice(["yes", "no", "abstain"])}) for _ in DEPUTIES]


@pytest.mark.parametrize("make_store", [MemoryStore, lambda: SQLiteStore(":memory:")], ids=["memory", "sqlite"])
def test_ballots_are_stored_as_one_canonical_batch(make_store):
    store = make_store()
    ballots = cast_in_voting_order(7)
    records = append_secret_ballots(store, "election-chair-2026-ballots", ballots, expected_version=0)
    assert len(records) == len(DEPUTIES)
    assert_ballots_unlinkable(records, deputy_ids=DEPUTIES)
    tally = sum(1 for r in records if r.data["marks"]["王芳"] == "yes")
    assert tally == sum(1 for b in ballots if b.marks["王芳"] == "yes")


def test_order_of_voting_leaves_no_trace():
    orders = [cast_in_voting_order(7), list(reversed(cast_in_voting_order(7)))]
    stored = []
    for ballots in orders:
        store = MemoryStore()
        stored.append([(r.data, r.event_id) for r in append_secret_ballots(store, "b", ballots, expected_version=0)])
    assert stored[0] == stored[1]


def test_a_retried_count_is_idempotent():
    store = MemoryStore()
    ballots = cast_in_voting_order(3)
    first = append_secret_ballots(store, "b", ballots, expected_version=0)
    assert append_secret_ballots(store, "b", list(reversed(ballots)), expected_version=0) == first
    assert len(list(store.read_all())) == len(ballots)


def test_a_ballot_naming_its_voter_is_refused_and_nothing_is_written():
    store = MemoryStore()
    linked = [LinkedBallot(election="e", deputy_id="d001", marks={"王芳": "yes"})]
    with pytest.raises(SecretBallotError, match=r"data\.deputy_id"):
        append_secret_ballots(store, "b", linked, expected_version=0)
    assert list(store.read_all()) == []


def test_the_helper_catches_a_ballot_written_in_voting_order():
    store = MemoryStore()
    ballots = cast_in_voting_order(11)
    records = []
    for version, ballot in enumerate(ballots):
        records += store.append("b", [ballot], expected_version=version)
    with pytest.raises(AssertionError):
        assert_ballots_unlinkable(records, deputy_ids=DEPUTIES)


def test_the_helper_catches_a_leaked_deputy_id():
    store = MemoryStore()
    records = store.append("b", [Ballot(election="e", marks={"d007": "yes"})], expected_version=0)
    with pytest.raises(AssertionError, match="d007"):
        assert_ballots_unlinkable(records, deputy_ids=DEPUTIES)


# -- OL 28: a ballot carries marks for the round's candidates and written-in names, nothing else ---------------


@pytest.mark.parametrize(
    ("ballot", "code"),
    [
        ({"marks": {"d07": Choice.YES}}, "election.ballot_mark"),  # a voter's id smuggled in as a mark
        ({"write_ins": ("d07",)}, "election.write_in_not_a_name"),  # a deputy's id written in
        ({"write_ins": ("x99",)}, "election.write_in_not_a_name"),  # shaped like one
        ({"write_ins": (" ",)}, "election.write_in_not_a_name"),
    ],
)
def test_ol_28_a_ballot_that_could_name_its_voter_is_refused_and_nothing_is_written(ballot, code):
    store, elections = _chair_round()
    before = list(store.read_all())
    cast = [ElectionBallot(election_id="chair", round=1, marks={"d01": Choice.YES})] * 40
    cast.append(ElectionBallot(election_id="chair", round=1, **ballot))
    with pytest.raises(ProcedureError) as refused:
        elections.count("chair", cast, ballots_issued=60)
    assert refused.value.decision.failing[0].code == code
    assert list(store.read_all()) == before


def test_ol_28_a_name_written_in_gives_the_vote_to_the_one_deputy_of_that_name():
    store, elections = _chair_round()
    cast = [ElectionBallot(election_id="chair", round=1, marks={"d01": Choice.NO}, write_ins=("代表7",))] * 40
    cast += [ElectionBallot(election_id="chair", round=1, write_ins=("无此人",))] * 5  # nobody: no vote
    result = elections.count("chair", cast, ballots_issued=60)
    assert result.votes == {"d01": 0, "d07": 40}
    assert result.elected == ("d07",)
    ballots = [r for r in store.read_all() if "-round-" in r.stream]
    assert_ballots_unlinkable(ballots, deputy_ids=[f"d{n:02}" for n in range(1, 61)], named=["d01"])


def _chair_round():
    from test_elections import ROLL, D, candidates, township_in_session

    store = MemoryStore()
    elections = township_in_session(store)
    elections.open("chair", session_id="s1", office=Office.TOWNSHIP_CHAIR, seats=1, extra_candidates=0)
    elections.nominate("chair", candidates("d01"), by=Nominator.PRESIDIUM)
    elections.list_candidates("chair")
    elections.open_round("chair", on=D, present=ROLL)
    return store, elections


def test_attendance_is_stored_and_exported_sorted_not_in_order_of_arrival(tmp_path, capsys):
    import json

    from npcproc.cli import main
    from test_elections import ROLL, D, candidates, township_in_session

    path = tmp_path / "store.db"
    store = SQLiteStore(str(path))
    elections = township_in_session(store)
    elections.open("chair", session_id="s1", office=Office.TOWNSHIP_CHAIR, seats=1, extra_candidates=0)
    elections.nominate("chair", candidates("d01"), by=Nominator.PRESIDIUM)
    elections.list_candidates("chair")
    arrival = [*ROLL[30:], *reversed(ROLL[:30])]  # the roll as the clerk's system delivers it
    elections.open_round("chair", on=D, present=arrival)
    store.close()
    assert main(["export", "--store", f"sqlite:///{path}"]) == 0
    records = json.loads(capsys.readouterr().out)["records"]
    rolls = [r["data"]["present"] for r in records if "present" in r["data"]]
    assert sorted(ROLL) in rolls  # the round's roll, among the others
    assert arrival not in rolls
    assert all(roll == sorted(roll) for roll in rolls)
