"""Direct elections of township and county deputies by constituency, and recall by voters (EL)."""

from __future__ import annotations

import datetime
import functools
import inspect
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from npcproc import i18n, statute
from npcproc.errors import ProcedureError
from npcproc.model import Level
from npcproc.procedures.direct_election import commands as direct_election
from npcproc.procedures.direct_election.commands import (
    DirectElections,
    RoundKind,
    Stage,
    candidate_range,
    count_ballots,
    direct_election_stream,
)
from npcproc.rules import Citation
from npcproc.serialization import event_from_data
from npcproc.store import MemoryStore
from npcproc.store.secret import linking_keys
from npcproc.store.sqlite import SQLiteStore

D = datetime.date
E = D(2021, 11, 30)  # election day
DAY = datetime.timedelta(days=1)
STORES = {"memory": MemoryStore, "sqlite": lambda: SQLiteStore(":memory:")}


def EL(article: int, paragraph: int | None = None) -> Citation:
    return Citation(law="EL", article=article, paragraph=paragraph)


@pytest.fixture(params=sorted(STORES))
def store(request):
    store = STORES[request.param]()
    yield store
    store.close()


def voters(n: int, prefix: str = "v") -> list[str]:
    return [f"{prefix}{i}" for i in range(n)]


def listed(store, *, seats=2, candidates=("a", "b", "c"), registered=1000, level=Level.TOWNSHIP, final=None):
    """An election with its voter list, nominations and both candidate lists published on time."""
    elections = DirectElections(store)
    elections.set_up("x", name="第一选区", level=level, seats=seats, election_day=E)
    elections.publish_voter_list("x", on=E - 20 * DAY, registered_voters=registered)
    for candidate in candidates:
        elections.nominate("x", candidate, name=f"候选人{candidate}", on=E - 18 * DAY, voters=voters(10, candidate))
    elections.publish_preliminary_list("x", on=E - 15 * DAY)
    elections.publish_final_list("x", on=E - 7 * DAY, candidates=final or candidates)
    return elections


def refused(store, command, *citations: Citation):
    """Run ``command``; it must be refused citing ``citations``, explained in zh and en, with nothing stored."""
    before = list(store.read_all())
    with pytest.raises(ProcedureError) as caught:
        command()
    decision = caught.value.decision
    assert decision.failing
    for reason in decision.failing:
        assert i18n.is_defined(reason.code), reason.code
        assert reason.message("zh")
        assert reason.message("en")
        reason.citation.text()  # the cited clause exists
    assert set(citations) <= {r.citation for r in decision.failing}
    assert list(store.read_all()) == before
    return decision


# -- end to end ---------------------------------------------------------------------------------


def test_two_seats_from_voter_list_to_a_further_election(store):
    elections = listed(store)
    assert elections.state("x").stage is Stage.VOTING
    first = elections.count_round(
        "x", on=E, voters=800, ballots_issued=800, ballots_returned=800, votes={"a": 500, "b": 390, "c": 300}
    )
    assert first.valid
    assert first.elected == ("a",)
    assert first.shortfall == 1
    state = elections.state("x")
    assert state.stage is Stage.SHORTFALL
    assert state.elected == ("a",)
    assert state.further_ranking() == ("b", "c")
    refused(store, lambda: elections.call_further_election("x", on=E, candidates=["b"]), EL(45, 4))
    refused(store, lambda: elections.call_further_election("x", on=E, candidates=["b", "a"]), EL(45, 4))
    elections.call_further_election("x", on=E, candidates=["b", "c"])
    assert elections.state("x").pending.kind is RoundKind.FURTHER
    further = elections.count_round("x", on=E + DAY, voters=600, ballots_issued=600, ballots_returned=600,
                                    votes={"b": 250, "c": 200})  # fmt: skip
    assert further.elected == ("b",)
    assert EL(45, 5) in further.decision.citations
    state = elections.state("x")
    assert state.stage is Stage.COMPLETE
    assert state.elected == ("a", "b")
    assert state.in_office == ("a", "b")
    refused(store, lambda: elections.count_round("x", on=E + DAY, voters=600, ballots_issued=600, ballots_returned=600,
                                                 votes={"c": 300}))  # fmt: skip
    records = list(store.read_stream(direct_election_stream("x")))
    for record in records:
        event_from_data(record.type, record.data)
        if record.type.endswith(("round_counted", "recall_voted")):
            assert not linking_keys(record.data)


def test_a_further_election_below_a_third_of_the_ballots_leaves_the_seat_open(store):
    elections = listed(store, seats=1, candidates=("a", "b"))
    elections.count_round("x", on=E, voters=900, ballots_issued=900, ballots_returned=900, votes={"a": 400, "b": 300})
    elections.call_further_election("x", on=E, candidates=["a", "b"])
    outcome = elections.count_round(
        "x", on=E, voters=900, ballots_issued=900, ballots_returned=900, votes={"a": 299, "b": 200}
    )
    assert outcome.valid
    assert outcome.elected == ()
    assert outcome.shortfall == 1
    assert elections.state("x").stage is Stage.SHORTFALL
    elections.call_further_election("x", on=E + DAY, candidates=["a", "b"])
    assert elections.count_round("x", on=E + DAY, voters=900, ballots_issued=900, ballots_returned=900,
                                 votes={"a": 300, "b": 200}).elected == ("a",)  # fmt: skip


def test_a_tie_in_a_further_election_is_voted_again_under_the_third_of_the_ballots(store):
    elections = listed(store, seats=1, candidates=("a", "b"))
    elections.count_round("x", on=E, voters=900, ballots_issued=900, ballots_returned=900, votes={"a": 400, "b": 300})
    elections.call_further_election("x", on=E, candidates=["a", "b"])
    tie = elections.count_round(
        "x", on=E, voters=900, ballots_issued=900, ballots_returned=900, votes={"a": 300, "b": 300}
    )
    assert tie.elected == ()
    assert tie.tied == ("a", "b")
    pending = elections.state("x").pending
    assert (pending.kind, pending.runoff, pending.seats) == (RoundKind.REVOTE, True, 1)
    revote = elections.count_round(
        "x", on=E, voters=900, ballots_issued=900, ballots_returned=900, votes={"a": 310, "b": 290}
    )
    assert revote.elected == ("a",)
    assert EL(45, 5) in revote.decision.citations


def test_every_further_election_ranks_by_the_first_vote(store):
    elections = listed(store, seats=2, candidates=("a", "b", "c", "d"))
    elections.count_round("x", on=E, voters=900, ballots_issued=900, ballots_returned=900,
                          votes={"a": 600, "b": 300, "c": 200, "d": 100})  # fmt: skip
    elections.call_further_election("x", on=E, candidates=["b", "c"])
    refused(store, lambda: elections.count_round("x", on=E, voters=900, ballots_issued=900, ballots_returned=900,
                                                 votes={"b": 600, "c": 600}), EL(44, 2))  # fmt: skip
    # nobody reaches 1/3 of the ballots; a write-in does best, but the first vote still ranks the next list
    outcome = elections.count_round(
        "x", on=E, voters=900, ballots_issued=900, ballots_returned=900, votes={"d": 250, "b": 10}
    )
    assert outcome.elected == ()
    assert outcome.shortfall == 1
    assert elections.state("x").further_ranking() == ("b", "c", "d")
    refused(store, lambda: elections.call_further_election("x", on=E, candidates=["c", "d"]), EL(45, 4))
    elections.call_further_election("x", on=E, candidates=["b", "c"])


def test_a_void_round_is_recorded_and_held_again(store):
    elections = listed(store)
    void = elections.count_round(
        "x", on=E, voters=800, ballots_issued=800, ballots_returned=801, votes={"a": 700, "b": 700}
    )
    assert not void.valid
    assert void.elected == ()
    assert [r.citation for r in void.decision.failing] == [EL(44, 1)]
    state = elections.state("x")
    assert state.elected == ()
    assert state.pending.kind is RoundKind.FIRST
    assert len(state.rounds) == 1
    again = elections.count_round(
        "x", on=E, voters=800, ballots_issued=800, ballots_returned=800, votes={"a": 700, "b": 700}
    )
    assert again.elected == ("a", "b")
    assert elections.state("x").stage is Stage.COMPLETE


def test_a_round_with_half_the_voters_or_fewer_is_invalid(store):
    elections = listed(store, registered=1000)
    invalid = elections.count_round(
        "x", on=E, voters=500, ballots_issued=500, ballots_returned=500, votes={"a": 500, "b": 500}
    )
    assert not invalid.valid
    assert invalid.decision.failing[0].code == "direct_election.turnout"
    assert elections.state("x").elected == ()
    valid = elections.count_round(
        "x", on=E, voters=501, ballots_issued=501, ballots_returned=501, votes={"a": 251, "b": 250}
    )
    assert valid.valid
    assert valid.elected == ("a",)
    assert valid.shortfall == 1


def test_el_45_1_turnout_counts_the_voters_who_voted_not_the_ballots_issued(store):
    # 1000 registered voters, 600 ballots issued and returned: the round stands or falls by 参加投票的选民
    elections = listed(store, registered=1000)
    invalid = elections.count_round("x", on=E, voters=500, ballots_issued=600, ballots_returned=600,
                                    votes={"a": 400, "b": 400})  # fmt: skip
    assert not invalid.valid
    assert [(r.code, r.citation) for r in invalid.decision.failing] == [("direct_election.turnout", EL(45, 1))]
    assert elections.state("x").rounds[-1].voters == 500
    valid = elections.count_round("x", on=E, voters=501, ballots_issued=600, ballots_returned=600,
                                  votes={"a": 400, "b": 400})  # fmt: skip
    assert valid.valid
    assert valid.elected == ("a", "b")
    assert elections.state("x").rounds[-1].voters == 501


def test_el_45_1_majority_of_the_voters_who_voted_not_of_the_ballots_issued(store):
    # 900 ballots issued, 800 voters voted: 401 votes win (more than half of 800), 400 do not
    elections = listed(store, registered=1000, seats=1, candidates=("a", "b"))
    short = elections.count_round("x", on=E, voters=800, ballots_issued=900, ballots_returned=900,
                                  votes={"a": 400, "b": 300})  # fmt: skip
    assert short.valid
    assert short.elected == ()
    assert short.shortfall == 1
    assert [r.code for r in short.decision.failing] == ["election.shortfall"]
    store2 = MemoryStore()
    elections = listed(store2, registered=1000, seats=1, candidates=("a", "b"))
    won = elections.count_round("x", on=E, voters=800, ballots_issued=900, ballots_returned=900,
                                votes={"a": 401, "b": 300})  # fmt: skip
    assert won.elected == ("a",)
    assert [r.citation for r in won.decision.reasons if r.code == "direct_election.elected"] == [EL(45, 1)]


def test_el_45_1_more_voters_than_registered_is_refused(store):
    elections = listed(store, registered=1000)
    refused(store, lambda: elections.count_round("x", on=E, voters=1001, ballots_issued=900, ballots_returned=900,
                                                 votes={"a": 400}), EL(45, 1))  # fmt: skip
    outcome = elections.count_round("x", on=E, voters=1000, ballots_issued=900, ballots_returned=900, votes={"a": 501})
    assert outcome.elected == ("a",)


def test_a_tie_at_the_cut_off_is_voted_again_among_the_tied(store):
    elections = listed(store)
    tie = elections.count_round("x", on=E, voters=800, ballots_issued=800, ballots_returned=800,
                                votes={"a": 500, "b": 450, "c": 450})  # fmt: skip
    assert tie.elected == ("a",)
    assert tie.tied == ("b", "c")
    assert tie.shortfall == 0
    pending = elections.state("x").pending
    assert (pending.kind, pending.seats, pending.candidates, pending.runoff) == (RoundKind.REVOTE, 1, ("b", "c"), False)
    refused(store, lambda: elections.count_round("x", on=E, voters=800, ballots_issued=800, ballots_returned=800,
                                                 votes={"b": 300, "d": 420}), EL(45, 3))  # fmt: skip
    refused(store, lambda: elections.count_round("x", on=E, voters=800, ballots_issued=800, ballots_returned=800,
                                                 votes={"a": 500}), EL(45, 3), EL(45, 4))  # fmt: skip
    revote = elections.count_round(
        "x", on=E, voters=800, ballots_issued=800, ballots_returned=800, votes={"b": 420, "c": 380}
    )
    assert revote.elected == ("b",)
    assert elections.state("x").elected == ("a", "b")


@pytest.mark.parametrize(("level", "needed"), [(Level.TOWNSHIP, 30), (Level.COUNTY, 50)])
def test_recall_passes_with_more_than_half_of_all_voters(store, level, needed):
    elections = listed(store, level=level, registered=1000)
    elections.count_round("x", on=E, voters=800, ballots_issued=800, ballots_returned=800, votes={"a": 700, "b": 600})
    refused(store, lambda: elections.request_recall("x", "r1", deputy_id="a", requesters=voters(needed - 1),
                                                    grounds="失职", on=E + 300 * DAY), EL(50, 1))  # fmt: skip
    refused(store, lambda: elections.request_recall("x", "r1", deputy_id="a", requesters=voters(needed),
                                                    grounds=" ", on=E + 300 * DAY), EL(50, 2))  # fmt: skip
    refused(store, lambda: elections.request_recall("x", "r1", deputy_id="c", requesters=voters(needed),
                                                    grounds="失职", on=E + 300 * DAY), EL(49))  # fmt: skip
    elections.request_recall("x", "r1", deputy_id="a", requesters=voters(needed), grounds="失职", on=E + 300 * DAY)
    elections.request_recall("x", "r2", deputy_id="b", requesters=voters(needed), grounds="失职", on=E + 300 * DAY)
    refused(store, lambda: elections.request_recall("x", "r3", deputy_id="a", requesters=voters(needed),
                                                    grounds="失职", on=E + 300 * DAY), EL(50, 1))  # fmt: skip
    failed = elections.hold_recall_vote("x", "r1", on=E + 330 * DAY, yes=500, no=100)
    assert not failed
    assert failed.reasons[0].citation == EL(53, 1)
    assert failed.reasons[0].values["required"] == 501
    passed = elections.hold_recall_vote("x", "r2", on=E + 330 * DAY, yes=501, no=0)
    assert passed
    refused(store, lambda: elections.hold_recall_vote("x", "r2", on=E, yes=501, no=0), EL(52))
    state = elections.state("x")
    assert state.in_office == ("a",)
    assert not state.recalls["r1"].passed
    assert state.recalls["r2"].passed


def test_recall_counts_all_voters_on_the_list_of_the_day(store):
    elections = listed(store, registered=1000)
    elections.count_round("x", on=E, voters=800, ballots_issued=800, ballots_returned=800, votes={"a": 700, "b": 600})
    elections.request_recall("x", "r", deputy_id="a", requesters=voters(30), grounds="失职", on=E)
    refused(store, lambda: elections.hold_recall_vote("x", "r", on=E, yes=600, no=500), EL(5))
    assert elections.hold_recall_vote("x", "r", on=E, yes=551, no=0, registered_voters=1100)


# -- thresholds ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("seats", "expected"), [(1, (2, 2)), (2, (3, 4)), (3, (4, 6))])
def test_candidate_range_rounds_the_third_up_and_is_inclusive(seats, expected):
    assert candidate_range(seats) == expected


@pytest.mark.parametrize("backend", sorted(STORES))
@pytest.mark.parametrize("seats", [1, 2, 3])
def test_final_list_size_boundaries(backend, seats):
    fewest, most = candidate_range(seats)
    pool = tuple(f"c{n}" for n in range(most + 1))
    for size, legal in ((fewest - 1, False), (fewest, True), (most, True), (most + 1, False)):
        store = STORES[backend]()
        elections = DirectElections(store)
        elections.set_up("x", name="选区", level=Level.COUNTY, seats=seats, election_day=E)
        elections.publish_voter_list("x", on=E - 30 * DAY, registered_voters=5000)
        for n, candidate in enumerate(pool):
            elections.nominate("x", candidate, name=candidate, on=E - 20 * DAY, voters=voters(10, f"g{n}-"))
        elections.publish_preliminary_list("x", on=E - 15 * DAY)
        publish = functools.partial(elections.publish_final_list, "x", on=E - 7 * DAY, candidates=pool[:size])
        if legal:
            publish()
            assert elections.state("x").final == pool[:size]
        else:
            refused(store, publish, EL(31, 2))


@pytest.mark.parametrize("seats", [0, 4])
def test_a_constituency_elects_one_to_three(store, seats):
    refused(store, lambda: DirectElections(store).set_up("x", name="选区", level=Level.TOWNSHIP, seats=seats,
                                                         election_day=E), EL(25, 2))  # fmt: skip


def test_lead_times_20_15_7_days(store):
    elections = DirectElections(store)
    elections.set_up("x", name="选区", level=Level.TOWNSHIP, seats=1, election_day=E)
    refused(store, lambda: elections.publish_voter_list("x", on=E - 19 * DAY, registered_voters=100), EL(28))
    elections.publish_voter_list("x", on=E - 20 * DAY, registered_voters=100)
    for candidate in ("a", "b"):
        elections.nominate("x", candidate, name=candidate, on=E - 19 * DAY, bodies=[f"party-{candidate}"])
    refused(store, lambda: elections.publish_preliminary_list("x", on=E - 14 * DAY), EL(32, 1))
    elections.publish_preliminary_list("x", on=E - 15 * DAY)
    refused(store, lambda: elections.publish_final_list("x", on=E - 6 * DAY, candidates=["a", "b"]), EL(32, 1))
    elections.publish_final_list("x", on=E - 7 * DAY, candidates=["a", "b"])
    refused(store, lambda: elections.count_round("x", on=E - DAY, voters=60, ballots_issued=60, ballots_returned=60,
                                                 votes={"a": 40}), EL(32, 1))  # fmt: skip


def test_proxies_three_allowed_four_refused(store):
    elections = listed(store)
    refused(store, lambda: elections.authorise_proxies("x", "v7", on=E - DAY, count=4), EL(42))
    elections.authorise_proxies("x", "v7", on=E - DAY, count=2)
    elections.authorise_proxies("x", "v7", on=E - DAY)
    refused(store, lambda: elections.authorise_proxies("x", "v7", on=E - DAY), EL(42))
    elections.authorise_proxies("x", "v8", on=E - DAY, count=3)
    assert elections.state("x").proxies == {"v7": 3, "v8": 3}


def test_ten_voters_may_nominate_nine_may_not(store):
    elections = DirectElections(store)
    elections.set_up("x", name="选区", level=Level.TOWNSHIP, seats=1, election_day=E)
    refused(store, lambda: elections.nominate("x", "a", name="甲", on=E, voters=voters(10)), EL(32, 1))
    elections.publish_voter_list("x", on=E - 25 * DAY, registered_voters=100)
    refused(store, lambda: elections.nominate("x", "a", name="甲", on=E, voters=voters(9)), EL(30, 2))
    refused(store, lambda: elections.nominate("x", "a", name="甲", on=E, voters=[*voters(9), "v0"]), EL(30, 2))
    refused(store, lambda: elections.nominate("x", "a", name="甲", on=E, voters=voters(10), bodies=["p"]), EL(30, 2))
    elections.nominate("x", "a", name="甲", on=E, voters=voters(10))
    assert elections.state("x").nominations["a"].voters == tuple(voters(10))
    refused(store, lambda: elections.nominate("x", "a", name="甲", on=E, bodies=["p"]), EL(30, 2))
    # with one seat, no voter may join a second nomination, no party may make a second one (EL 30 ¶3)
    refused(store, lambda: elections.nominate("x", "b", name="乙", on=E, voters=[*voters(10, "w")[:9], "v3"]),
            EL(30, 3))  # fmt: skip
    elections.nominate("x", "b", name="乙", on=E, bodies=["p"])
    refused(store, lambda: elections.nominate("x", "c", name="丙", on=E, bodies=["p", "q"]), EL(30, 3))


def test_a_primary_orders_the_final_list(store):
    elections = DirectElections(store)
    elections.set_up("x", name="选区", level=Level.TOWNSHIP, seats=1, election_day=E)
    elections.publish_voter_list("x", on=E - 25 * DAY, registered_voters=100)
    for candidate in "abc":
        elections.nominate("x", candidate, name=candidate, on=E - 20 * DAY, bodies=[f"p{candidate}"])
    elections.publish_preliminary_list("x", on=E - 15 * DAY)
    primary = {"a": 30, "b": 20, "c": 25}
    refused(store, lambda: elections.publish_final_list("x", on=E - 7 * DAY, candidates=["a", "b"],
                                                        primary_votes=primary), EL(32, 1))  # fmt: skip
    refused(store, lambda: elections.publish_final_list("x", on=E - 7 * DAY, candidates=["a", "z"]), EL(32, 1))
    elections.publish_final_list("x", on=E - 7 * DAY, candidates=["a", "c"], primary_votes=primary)


def test_impossible_counts_are_refused(store):
    elections = listed(store, registered=1000)
    for kwargs in (
        {"voters": 900, "ballots_issued": 1001, "ballots_returned": 900, "votes": {}},
        {"voters": 900, "ballots_issued": 900, "ballots_returned": 900, "votes": {"a": 901}},
        {"voters": 900, "ballots_issued": 900, "ballots_returned": 900, "votes": {"a": 900, "b": 900, "c": 1}},
        {"voters": 900, "ballots_issued": 900, "ballots_returned": 900, "votes": {"a": 900}, "spoiled": 1},
        {"voters": 900, "ballots_issued": -1, "ballots_returned": 0, "votes": {}},
        {"voters": 1001, "ballots_issued": 900, "ballots_returned": 900, "votes": {}},
        {"voters": -1, "ballots_issued": 900, "ballots_returned": 900, "votes": {}},
    ):
        refused(store, lambda kwargs=kwargs: elections.count_round("x", on=E, **kwargs))


def test_every_message_code_is_defined_in_chinese_and_english():
    source = inspect.getsource(direct_election)
    codes = set(re.findall(r'"(direct_election\.[a-z_]+)"', source))
    assert len(codes) > 20
    assert [c for c in codes if not i18n.is_defined(c)] == []


def test_count_ballots_spoils_a_ballot_naming_too_many():
    count = count_ballots([{"a"}, {"a", "b"}, {"a", "b", "c"}, set(), ["b", "b"]], seats=2)
    assert count.votes == {"a": 2, "b": 2}
    assert count.valid == 4
    assert count.spoiled == 1


# -- properties ---------------------------------------------------------------------------------

CANDIDATES = ("a", "b", "c", "d")


@st.composite
def rounds(draw, registered: int, seats: int, candidates=CANDIDATES):
    """Paper ballots of one round and how many were issued; sometimes one more comes back than went out.

    Many ballots mark one of a few slates, so that candidates often reach the thresholds and tie.
    """
    issued = registered - draw(st.integers(0, registered))
    returned = max(0, issued + draw(st.sampled_from([0, 0, 0, -1, 1])))
    slates = [frozenset(candidates[:seats]), frozenset(candidates[1 : seats + 1]), frozenset(candidates[-seats:])]
    ballot = st.one_of(st.sampled_from(slates), st.sets(st.sampled_from(candidates), max_size=seats + 1))
    ballots = draw(st.lists(ballot, min_size=returned, max_size=returned))
    return ballots, issued


@pytest.mark.parametrize("backend", sorted(STORES))
@settings(max_examples=40)
@given(st.integers(1, 3), st.integers(1, 40), st.data())
def test_a_counted_round_agrees_with_the_statute(backend, seats, registered, data):
    elections = listed(STORES[backend](), seats=seats, candidates=CANDIDATES[: candidate_range(seats)[1]],
                       registered=registered)  # fmt: skip
    ballots, issued = data.draw(rounds(registered, seats, elections.state("x").final))
    count = count_ballots(ballots, seats)
    # votes are conserved: every mark on a valid ballot is one vote, every ballot valid or spoiled
    assert sum(count.votes.values()) == sum(len(b) for b in ballots if len(b) <= seats)
    assert count.valid + count.spoiled == len(ballots)
    outcome = elections.count_round("x", on=E, voters=issued, ballots_issued=issued, ballots_returned=len(ballots),
                                    votes=count.votes, spoiled=count.spoiled)  # fmt: skip
    expected = statute.direct_election_outcome(registered_voters=registered, seats=seats, votes=count.votes,
                                               voters=issued, ballots_issued=issued,
                                               ballots_returned=len(ballots))  # fmt: skip
    assert outcome == expected
    assert len(outcome.elected) <= seats
    assert len(set(outcome.elected)) == len(outcome.elected)
    assert all(2 * count.votes[w] > issued for w in outcome.elected)
    assert elections.state("x").rounds[-1].votes == count.votes


@settings(max_examples=60)
@given(st.integers(1, 3), st.integers(1, 40), st.data())
def test_the_count_does_not_depend_on_ballot_order(seats, registered, data):
    ballots, issued = data.draw(rounds(registered, seats))
    shuffled = data.draw(st.permutations(ballots))
    first, second = count_ballots(ballots, seats), count_ballots(shuffled, seats)
    assert first == second
    outcomes = [
        statute.direct_election_outcome(registered_voters=registered, seats=seats, votes=c.votes, voters=issued,
                                        ballots_issued=issued,
                                        ballots_returned=len(ballots))
        for c in (first, second)
    ]  # fmt: skip
    assert outcomes[0] == outcomes[1]


@settings(max_examples=40)
@given(st.integers(1, 3), st.integers(5, 30), st.data())
def test_whole_elections_never_elect_more_than_the_seats_nor_below_the_thresholds(seats, registered, data):
    elections = listed(MemoryStore(), seats=seats, candidates=CANDIDATES[: candidate_range(seats)[1]],
                       registered=registered)  # fmt: skip
    for _ in range(6):
        state = elections.state("x")
        if state.stage is Stage.COMPLETE:
            break
        if state.stage is Stage.SHORTFALL:
            size = candidate_range(state.open_seats)[0]
            if len(state.further_ranking()) < size:
                break
            elections.call_further_election("x", on=E, candidates=state.further_ranking()[:size])
            state = elections.state("x")
        pending = state.pending
        ballots, issued = data.draw(rounds(registered, pending.seats, pending.candidates))
        count = count_ballots(ballots, pending.seats)
        outcome = elections.count_round("x", on=E, voters=issued, ballots_issued=issued, ballots_returned=len(ballots),
                                        votes=count.votes, spoiled=count.spoiled)  # fmt: skip
        for winner in outcome.elected:
            if pending.runoff:
                assert 3 * count.votes[winner] >= len(ballots)
            else:
                assert 2 * count.votes[winner] > issued
        assert set(outcome.elected) <= set(pending.candidates)
    elected = elections.state("x").elected
    assert len(elected) <= seats
    assert len(set(elected)) == len(elected)


# -- the whole procedure, driven at random --------------------------------------------------------

R = 12  # registered voters: few, so that random ballots often reach the thresholds
RECALL_REQUESTERS = {Level.TOWNSHIP: 30, Level.COUNTY: 50}  # EL 50 ¶1
POOL = tuple(f"c{n}" for n in range(7))


class DirectElectionMachine(RuleBasedStateMachine):
    """Random legal and illegal commands; a small model predicts which are legal and what they do."""

    @initialize(seats=st.integers(1, 3), level=st.sampled_from(Level), advance=st.integers(0, 6))
    def set_up(self, seats: int, level: Level, advance: int) -> None:
        """Set up the election and take its first ``advance`` steps lawfully, so every stage gets explored."""
        self.store = MemoryStore()
        self.elections = DirectElections(self.store)
        self.elections.set_up("x", name="选区", level=level, seats=seats, election_day=E)
        self.seats, self.level = seats, level
        self.listed = False
        self.nominations: dict[str, tuple[str, ...]] = {}
        self.preliminary: tuple[str, ...] | None = None
        self.final: tuple[str, ...] | None = None
        self.proxies: Counter[str] = Counter()
        self.elected: list[str] = []
        self.pending: tuple[RoundKind, bool, int, tuple[str, ...]] | None = None
        self.first_vote: dict[str, int] = {}
        self.day = E
        self.recall_model: dict[str, dict[str, object]] = {}
        self.recalled: set[str] = set()
        self.counter = 0
        steps = [
            lambda: self.publish_voter_list(20, R),
            lambda: [self.nominate(0, None, 10, None) for _ in range(candidate_range(seats)[1])],
            lambda: self.publish_preliminary_list(15),
            lambda: self.publish_final_list(None, 7, False),
            lambda: self.count(E, R, R, 0, {self.final[0]: R}),  # one seat filled
            lambda: self.call_further_election(None, False),
        ]
        for step in steps[:advance]:
            step()

    def attempt(self, legal: bool, command):
        before = list(self.store.read_all())
        if legal:
            return command()
        with pytest.raises(ProcedureError) as caught:
            command()
        assert caught.value.decision.failing
        assert list(self.store.read_all()) == before
        return None

    @property
    def complete(self) -> bool:
        return self.final is not None and len(self.elected) == self.seats

    @rule(lead=st.sampled_from([20, 21, 19]), registered=st.sampled_from([R, 0]))
    def publish_voter_list(self, lead: int, registered: int) -> None:
        legal = not self.listed and lead >= 20 and registered > 0
        self.attempt(legal, lambda: self.elections.publish_voter_list("x", on=E - lead * DAY,
                                                                      registered_voters=registered))  # fmt: skip
        self.listed |= legal

    @rule(pick=st.integers(0, len(POOL)), body=st.sampled_from([None, "p1", "p2"]), size=st.sampled_from([10, 11, 9]),
          reuse=st.sampled_from([None, "c0-0", "c1-0"]))  # fmt: skip
    def nominate(self, pick: int, body: str | None, size: int, reuse: str | None) -> None:
        fresh = [c for c in POOL if c not in self.nominations]
        candidate = POOL[pick - 1] if pick or not fresh else fresh[0]
        group = [f"{candidate}-{i}" for i in range(size)]
        sponsors = (body,) if body else tuple(dict.fromkeys([*group[:-1], reuse] if reuse else group))
        used = Counter(s for nominated in self.nominations.values() for s in nominated)
        legal = (
            self.listed and self.preliminary is None and candidate not in self.nominations
            and (body is not None or len(sponsors) >= 10) and all(used[s] + 1 <= self.seats for s in sponsors)
        )  # fmt: skip
        kind = {"bodies": sponsors} if body else {"voters": sponsors}
        self.attempt(legal, lambda: self.elections.nominate("x", candidate, name=candidate, on=E - 17 * DAY, **kind))
        if legal:
            self.nominations[candidate] = sponsors

    @rule(lead=st.sampled_from([15, 16, 14]))
    def publish_preliminary_list(self, lead: int) -> None:
        legal = (
            self.listed and self.preliminary is None and lead >= 15
            and len(self.nominations) >= candidate_range(self.seats)[0]
        )  # fmt: skip
        self.attempt(legal, lambda: self.elections.publish_preliminary_list("x", on=E - lead * DAY))
        if legal:
            self.preliminary = tuple(self.nominations)

    @rule(size=st.one_of(st.none(), st.integers(0, 7)), lead=st.sampled_from([7, 8, 6]), stranger=st.booleans())
    def publish_final_list(self, size: int | None, lead: int, stranger: bool) -> None:
        size = candidate_range(self.seats)[0] if size is None else size
        candidates = (*(self.preliminary or ())[:size], *(["zz"] if stranger else []))
        fewest, most = candidate_range(self.seats)
        legal = (
            self.preliminary is not None and self.final is None and lead >= 7 and not stranger
            and fewest <= len(candidates) <= most
        )  # fmt: skip
        self.attempt(legal, lambda: self.elections.publish_final_list("x", on=E - lead * DAY, candidates=candidates))
        if legal:
            self.final = candidates
            self.pending = (RoundKind.FIRST, False, self.seats, candidates)

    @rule(holder=st.sampled_from(["v1", "v2"]), count=st.sampled_from([1, 2, 3, 4, 0]))
    def authorise_proxies(self, holder: str, count: int) -> None:
        legal = self.listed and not self.complete and count >= 1 and self.proxies[holder] + count <= 3
        self.attempt(legal, lambda: self.elections.authorise_proxies("x", holder, on=E - DAY, count=count))
        if legal:
            self.proxies[holder] += count

    @rule(data=st.data())
    def count_round(self, data) -> None:
        _, _, seats, candidates = self.pending or (RoundKind.FIRST, False, self.seats, POOL[:2])
        ballots, issued = data.draw(rounds(R, seats, candidates))
        count = count_ballots(ballots, seats)
        votes = dict(count.votes)
        if data.draw(st.booleans(), label="tie"):  # as many votes as the ballots allow, for one more than the seats
            votes = dict.fromkeys(candidates[: seats + 1], count.valid * seats // (seats + 1))
        extra = data.draw(st.sampled_from([None, "w1", "bump", *self.elected[:1]]))
        if extra == "bump" and votes:
            votes[min(votes)] += 1
        elif extra is not None and extra != "bump":
            votes[extra] = 1
        late = data.draw(st.sampled_from([0, 1, -1]))
        # EL 45 ¶1: the voters who voted are their own figure, drawn apart from the ballots issued
        voted = data.draw(st.sampled_from([issued, 0, R // 2, R // 2 + 1, R, R + 1]), label="voters")
        self.count(self.day + late * DAY, issued, len(ballots), count.spoiled, votes, voted)

    def count(
        self,
        on: datetime.date,
        issued: int,
        returned: int,
        spoiled: int,
        votes: dict[str, int],
        voted: int | None = None,
    ) -> None:
        voted = issued if voted is None else voted
        kind, runoff, seats, candidates = self.pending or (RoundKind.FIRST, False, self.seats, ())
        valid = returned - spoiled
        legal = (
            self.pending is not None and on >= self.day and issued <= R and voted <= R
            and all(n <= valid for n in votes.values()) and sum(votes.values()) <= valid * seats
            and not set(votes) & set(self.elected) and (kind is not RoundKind.REVOTE or set(votes) <= set(candidates))
        )  # fmt: skip
        outcome = self.attempt(legal, lambda: self.elections.count_round(
            "x", on=on, voters=voted, ballots_issued=issued, ballots_returned=returned, votes=votes,
            spoiled=spoiled))  # fmt: skip
        if not legal:
            return
        self.day = on
        assert outcome == statute.direct_election_outcome(registered_voters=R, seats=seats, votes=votes,
                                                          voters=voted, ballots_issued=issued,
                                                          ballots_returned=returned, runoff=runoff)  # fmt: skip
        if not outcome.valid:
            return
        if kind is RoundKind.FIRST:
            self.first_vote = votes
        self.elected += outcome.elected
        open_seats = seats - len(outcome.elected)
        self.pending = (RoundKind.REVOTE, runoff, open_seats, outcome.tied) if outcome.tied else None

    def ranking(self) -> list[str]:
        people = (set(self.final or ()) | set(self.first_vote)) - set(self.elected)
        return sorted(people, key=lambda p: (-self.first_vote.get(p, 0), p))

    @rule(size=st.one_of(st.none(), st.integers(0, 6)), from_bottom=st.booleans())
    def call_further_election(self, size: int | None, from_bottom: bool) -> None:
        ranking = self.ranking()
        open_seats = self.seats - len(self.elected)
        size = candidate_range(max(open_seats, 1))[0] if size is None else size
        chosen = ranking[len(ranking) - size :] if from_bottom and size else ranking[:size]
        left_out = [p for p in ranking if p not in chosen]
        in_order = not chosen or not left_out or (
            max(self.first_vote.get(p, 0) for p in left_out) <= min(self.first_vote.get(p, 0) for p in chosen)
        )  # fmt: skip
        legal = (
            self.final is not None and self.pending is None and open_seats > 0 and in_order
            and candidate_range(open_seats)[0] <= len(chosen) <= candidate_range(open_seats)[1]
        )  # fmt: skip
        self.attempt(legal, lambda: self.elections.call_further_election("x", on=self.day, candidates=chosen))
        if legal:
            self.pending = (RoundKind.FURTHER, True, open_seats, tuple(chosen))

    @rule(which=st.integers(0, 3), short=st.booleans(), grounds=st.sampled_from(["失职", ""]))
    def request_recall(self, which: int, short: bool, grounds: str) -> None:
        deputy = self.elected[which % len(self.elected)] if self.elected and which < 3 else "nobody"
        size = RECALL_REQUESTERS[self.level] - short
        self.counter += 1
        recall_id = f"r{self.counter}"
        open_ = any(r["deputy"] == deputy and r["passed"] is None for r in self.recall_model.values())
        legal = deputy in self.elected and deputy not in self.recalled and not open_ and not short and bool(grounds)
        self.attempt(legal, lambda: self.elections.request_recall(
            "x", recall_id, deputy_id=deputy, requesters=voters(size), grounds=grounds, on=self.day))  # fmt: skip
        if legal:
            self.recall_model[recall_id] = {"deputy": deputy, "passed": None}

    @rule(pick=st.integers(0, 3), yes=st.integers(0, R), no=st.integers(0, R // 2))
    def hold_recall_vote(self, pick: int, yes: int, no: int) -> None:
        ids = [*sorted(self.recall_model, key=lambda r: self.recall_model[r]["passed"] is not None), "unknown"]
        recall_id = ids[min(pick, len(ids) - 1)]
        recall = self.recall_model.get(recall_id)
        legal = recall is not None and recall["passed"] is None and yes + no <= R
        decision = self.attempt(legal, lambda: self.elections.hold_recall_vote("x", recall_id, on=self.day, yes=yes,
                                                                               no=no))  # fmt: skip
        if legal:
            assert decision.ok == (2 * yes > R)
            recall["passed"] = decision.ok
            if decision.ok:
                self.recalled.add(recall["deputy"])

    @invariant()
    def state_matches_model(self) -> None:
        state = self.elections.state("x")
        assert list(state.elected) == self.elected
        assert len(state.elected) <= self.seats
        assert set(state.in_office) == set(self.elected) - self.recalled
        assert dict(state.proxies) == {h: n for h, n in self.proxies.items() if n}
        assert tuple(state.nominations) == tuple(self.nominations)
        pending = state.pending
        model = None if pending is None else (pending.kind, pending.runoff, pending.seats, pending.candidates)
        assert model == self.pending


TestDirectElectionMachine = DirectElectionMachine.TestCase
TestDirectElectionMachine.settings = settings(max_examples=150, stateful_step_count=40)
