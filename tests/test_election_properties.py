"""Property tests of elections at a congress: seats, majorities, conservation, order, secrecy."""

from __future__ import annotations

import datetime
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.election import Candidate, ElectionBallot, FurtherCandidates, FurtherSession, Nominator, Office
from npcproc.model.session import AgendaItem, AgendaItemKind, Choice
from npcproc.procedures import Congresses, Elections, Sessions
from npcproc.store import MemoryStore
from npcproc.testing import assert_ballots_unlinkable, prepare

D = datetime.date(2022, 1, 5)
AGENDA = (AgendaItem(id="e", kind=AgendaItemKind.ELECTION, title="选举"),)


def prepared(total: int) -> tuple[MemoryStore, Elections]:
    store = MemoryStore()
    congresses = Congresses(store)
    congresses.establish(Congress(id="t", name="镇人大", level=Level.TOWNSHIP, division_code="330110001",
                                  population=30_000, deputy_quota=total))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=D)
    congresses.elect_deputies("t", {f"d{n}": f"代表{n}" for n in range(total)}, term=1, on=D)
    sessions = Sessions(store)
    sessions.plan("s", congress_id="t", opens_on=D)
    sessions.give_notice("s", on=D, materials_on=D)
    prepare(sessions, "s", on=D, presidium=["d0"], agenda=AGENDA)
    sessions.open("s", on=D, present=[f"d{n}" for n in range(total)])
    return store, Elections(store)


@st.composite
def elections(draw: st.DrawFn) -> tuple[int, int, int, list[ElectionBallot]]:
    """(deputies, seats, candidates, ballots) for a vice-chair election; some ballots over-marked."""
    total = draw(st.integers(40, 80))
    seats = draw(st.integers(1, 2))
    extra = draw(st.integers(1, 3))
    names = [f"d{n}" for n in range(seats + extra)]
    count = draw(st.integers(0, total))
    ballots = []
    for _ in range(count):
        chosen = draw(st.lists(st.sampled_from(names), unique=True, max_size=seats + 1))
        marks = {name: (Choice.YES if name in chosen else draw(st.sampled_from([Choice.NO, Choice.ABSTAIN])))
                 for name in names}  # fmt: skip
        ballots.append(ElectionBallot(election_id="v", round=1, marks=marks))
    return total, seats, extra, ballots


def run_first_round(total: int, seats: int, extra: int, ballots: list[ElectionBallot]):
    store, procedure = prepared(total)
    procedure.open("v", session_id="s", office=Office.TOWNSHIP_VICE_CHAIR, seats=seats, extra_candidates=extra)
    procedure.nominate("v", [Candidate(id=f"d{n}", name="x") for n in range(seats)], by=Nominator.PRESIDIUM)
    for k in range(1, extra + 1):  # each extra candidate from its own group of ten deputies
        procedure.nominate("v", [Candidate(id=f"d{seats + k - 1}", name="x")], by=Nominator.DEPUTIES,
                           nominators=[f"d{10 * k + m}" for m in range(10)])  # fmt: skip
    procedure.list_candidates("v")
    procedure.open_round("v", on=D, present=[f"d{n}" for n in range(total)])
    return store, procedure.count("v", ballots, ballots_issued=len(ballots))


@settings(max_examples=60)
@given(elections(), st.randoms())
def test_counts_respect_seats_majority_conservation_order_and_secrecy(election, shuffler: random.Random):
    total, seats, extra, ballots = election
    store, result = run_first_round(total, seats, extra, ballots)
    assert len(result.elected) <= seats
    for winner in result.elected:
        assert 2 * result.votes[winner] > total
    valid = [b for b in ballots if len(b.chosen()) <= seats]
    assert result.void_ballots == len(ballots) - len(valid)
    assert sum(result.votes.values()) == sum(len(b.chosen()) for b in valid)
    assert len(result.elected) + result.shortfall + (seats - len(result.elected) if result.tied else 0) == seats
    shuffled = list(ballots)
    shuffler.shuffle(shuffled)
    _, again = run_first_round(total, seats, extra, shuffled)
    assert (again.elected, again.tied, again.shortfall, again.votes) == (
        result.elected, result.tied, result.shortfall, result.votes
    )  # fmt: skip
    stored = list(store.read_stream("election-v-round-1"))
    candidates = [f"d{n}" for n in range(seats + extra)]
    assert_ballots_unlinkable(stored, deputy_ids=[f"d{n}" for n in range(total)], named=candidates)


TOTAL = 30


class ElectionMachine(RuleBasedStateMachine):
    """A vice-chair election (2 seats, 1-3 extra) under random legal and illegal commands."""

    def __init__(self) -> None:
        super().__init__()
        self.store, self.elections = prepared(TOTAL)
        self.elections.open("v", session_id="s", office=Office.TOWNSHIP_VICE_CHAIR, seats=2, extra_candidates=2)
        self.nominees: set[str] = set()
        self.presidium_named = 0
        self.named: dict[str, int] = {}
        self.phase = "nominating"
        self.open_seats = 2
        self.first_votes: dict[str, int] = {}
        self.elected: list[str] = []
        self.round = 0
        self.decided = False

    @staticmethod
    def roll(present: int) -> list[str]:
        return [f"d{n}" for n in range(present)]

    @staticmethod
    def quorate(present: int) -> bool:
        """OL 14 ¶4: 2/3 or more of all deputies in office (20 of 30)."""
        return 3 * present >= 2 * TOTAL

    def attempt(self, legal: bool, command):
        before = list(self.store.read_all())
        if legal:
            return command()
        with pytest.raises(ProcedureError) as caught:
            command()
        assert caught.value.decision.failing
        assert list(self.store.read_all()) == before
        return None

    @rule(first=st.integers(0, TOTAL - 1), size=st.integers(1, 3))
    def nominate_by_presidium(self, first: int, size: int) -> None:
        names = [f"d{(first + i) % TOTAL}" for i in range(size)]
        legal = self.phase == "nominating" and self.presidium_named + size <= 2
        self.attempt(legal, lambda: self.elections.nominate("v", [Candidate(id=n, name=n) for n in names],
                                                            by=Nominator.PRESIDIUM))  # fmt: skip
        if legal:
            self.presidium_named += size
            self.nominees |= set(names)

    @rule(first=st.integers(0, TOTAL - 1), group=st.integers(0, 2), backers=st.integers(8, 11))
    def nominate_by_deputies(self, first: int, group: int, backers: int) -> None:
        nominators = [f"d{(group * 10 + i) % TOTAL}" for i in range(backers)]
        name = f"d{first}"
        legal = self.phase == "nominating" and backers >= 10 and all(self.named.get(n, 0) + 1 <= 2 for n in nominators)
        self.attempt(legal, lambda: self.elections.nominate("v", [Candidate(id=name, name=name)],
                                                            by=Nominator.DEPUTIES, nominators=nominators))  # fmt: skip
        if legal:
            for n in nominators:
                self.named[n] = self.named.get(n, 0) + 1
            self.nominees.add(name)

    @rule()
    def list_candidates(self) -> None:
        legal = self.phase == "nominating" and len(self.nominees) == 4
        self.attempt(legal, lambda: self.elections.list_candidates("v"))
        if legal:
            self.phase = "listed"

    @rule(present=st.integers(0, TOTAL))
    def open_round(self, present: int) -> None:
        legal = self.phase == "listed" and self.quorate(present)
        self.attempt(legal, lambda: self.elections.open_round("v", on=D, present=self.roll(present)))
        if legal:
            self.phase, self.round = "voting", 1

    @rule(data=st.data())
    def count(self, data: st.DataObject) -> None:
        legal = self.phase == "voting"
        candidates = self.elections.state("v").current.candidates if self.elections.state("v").rounds else ("d0",)
        seats = self.open_seats
        pick = st.lists(st.sampled_from(candidates), unique=True, max_size=seats)
        ballots = [
            ElectionBallot(election_id="v", round=max(self.round, 1), marks=dict.fromkeys(data.draw(pick), Choice.YES))
            for _ in range(data.draw(st.integers(0, TOTAL)))
        ]
        result = self.attempt(legal, lambda: self.elections.count("v", ballots, ballots_issued=len(ballots)))
        if legal:
            if self.round == 1:
                self.first_votes = dict(result.votes)
            self.elected += result.elected
            self.open_seats -= len(result.elected)
            self.phase = "tied" if result.tied else "short" if result.shortfall else "done"

    @rule(present=st.integers(0, TOTAL))
    def revote(self, present: int) -> None:
        legal = self.phase == "tied" and self.quorate(present)
        self.attempt(legal, lambda: self.elections.revote("v", on=D, present=self.roll(present)))
        if legal:
            self.phase, self.round = "voting", self.round + 1

    @rule(present=st.integers(0, TOTAL))
    def decide_further(self, present: int) -> None:
        legal = self.phase == "short" and not self.decided and self.quorate(present)
        self.attempt(legal, lambda: self.elections.decide_further_election(
            "v", on=D, at=FurtherSession.THIS_SESSION, present=self.roll(present)))  # fmt: skip
        if legal:
            self.decided = True

    @rule(present=st.integers(0, TOTAL))
    def further(self, present: int) -> None:
        ranked = [c for c in self.first_votes if c not in self.elected]
        offered = min(len(ranked), self.open_seats + 2)
        legal = self.phase == "short" and self.decided and self.open_seats + 1 <= offered and self.quorate(present)
        roll = self.roll(present)
        self.attempt(legal, lambda: self.elections.further_election(
            "v", session_id="s", on=D, candidates_by=FurtherCandidates.BY_RANK, present=roll))  # fmt: skip
        if legal:
            self.phase, self.round, self.decided = "voting", self.round + 1, False

    @invariant()
    def records_agree_with_the_model(self) -> None:
        state = self.elections.state("v")
        assert set(state.nominees) == self.nominees
        assert list(state.elected) == self.elected
        assert len(state.elected) <= 2
        holders = Congresses(self.store).state("t").holders(Office.TOWNSHIP_VICE_CHAIR, D)
        assert list(holders) == self.elected


TestElectionMachine = ElectionMachine.TestCase
TestElectionMachine.settings = settings(max_examples=50, stateful_step_count=25)
