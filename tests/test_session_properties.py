"""Property tests of sessions: conservation of votes, agreement with the statute, authority to vote."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, invariant, rule

from npcproc import statute
from npcproc.errors import ProcedureError
from npcproc.model import Congress, DeputyStatus, Level, StatusChange
from npcproc.model.session import AgendaItem, AgendaItemKind, Choice, SessionStatus
from npcproc.model.session import VoteMethod as Method
from npcproc.procedures import Congresses, Sessions
from npcproc.store import MemoryStore
from npcproc.store.sqlite import SQLiteStore
from npcproc.testing import prepare

D = datetime.date(2022, 1, 5)
AGENDA = (AgendaItem(id="budget", kind=AgendaItemKind.BUDGET, title="预算"),)
STORES = {"memory": MemoryStore, "sqlite": lambda: SQLiteStore(":memory:")}


def open_session(store, total: int, *, gone: int = 0, present: int | None = None) -> Sessions:
    """A township congress of ``total`` deputies, ``gone`` of whom resigned, with a prepared session."""
    congresses = Congresses(store)
    congresses.establish(Congress(id="t", name="镇人大", level=Level.TOWNSHIP, division_code="330110001",
                                  population=30_000, deputy_quota=max(total, 1)))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=D)
    congresses.elect_deputies("t", {f"d{n}": f"代表{n}" for n in range(total)}, term=1, on=D)
    for n in range(total - gone, total):
        congresses.change_status("t", f"d{n}", StatusChange(status=DeputyStatus.RECALLED, on=D))
    sessions = Sessions(store)
    sessions.plan("s", congress_id="t", opens_on=D)
    sessions.give_notice("s", on=D, materials_on=D)
    prepare(sessions, "s", on=D, presidium=["d0"], agenda=AGENDA)
    return sessions


@pytest.mark.parametrize("backend", sorted(STORES))
@settings(max_examples=40)
@given(st.integers(1, 90), st.data())
def test_opening_agrees_with_the_statute_quorum(backend, total, data):
    gone = data.draw(st.integers(0, total - 1), label="recalled")
    in_office = total - gone
    present = data.draw(st.integers(0, in_office), label="present")
    sessions = open_session(STORES[backend](), total, gone=gone)
    expected = statute.session_quorum(in_office, present)
    roll = [f"d{n}" for n in range(present)]
    if expected:
        assert sessions.open("s", on=D, present=roll).reasons == expected.reasons
    else:
        with pytest.raises(ProcedureError) as caught:
            sessions.open("s", on=D, present=roll)
        assert caught.value.decision.reasons == expected.reasons
        assert sessions.state("s").status is SessionStatus.PREPARED


@pytest.mark.parametrize("backend", sorted(STORES))
@settings(max_examples=40)
@given(st.integers(3, 90), st.data())
def test_votes_are_conserved_and_the_result_agrees_with_the_statute(backend, total, data):
    sessions = open_session(STORES[backend](), total)
    everyone = [f"d{n}" for n in range(total)]
    sessions.open("s", on=D, present=everyone)
    entitled = data.draw(st.integers(statute.session_quorum(total, 0).reasons[0].values["required"], total))
    sessions.open_vote("s", "v", subject="budget", method=Method.ELECTRONIC, on=D, present=everyone[:entitled])
    choices = data.draw(st.lists(st.sampled_from([*Choice, None]), min_size=entitled, max_size=entitled))
    for deputy, choice in zip(everyone, choices, strict=False):
        if choice is not None:
            sessions.cast("s", "v", deputy, choice)
    tally = sessions.close_vote("s", "v")
    assert tally.yes + tally.no + tally.abstain + tally.not_voting == tally.entitled == entitled
    assert tally.yes == choices.count(Choice.YES)
    assert tally.passed == statute.resolution_passes(total, tally.yes).ok


@settings(max_examples=30)
@given(st.integers(3, 40), st.data())
def test_a_deputy_not_in_office_can_never_vote(total, data):
    store = MemoryStore()
    sessions = open_session(store, total)
    everyone = [f"d{n}" for n in range(total)]
    sessions.open("s", on=D, present=everyone)
    leaver = data.draw(st.sampled_from(everyone))
    # a township resignation ends the mandate only by the congress's vote (EL 55 ¶2: tests/test_plenary.py)
    status = data.draw(st.sampled_from([s for s in DeputyStatus if not s.in_office and s is not DeputyStatus.RESIGNED]))
    Congresses(store).change_status("t", leaver, StatusChange(status=status, on=D))
    remaining = [d for d in everyone if d != leaver]
    if not statute.session_quorum(total - 1, len(remaining)):
        return
    with pytest.raises(ProcedureError):
        sessions.open_vote("s", "v", subject="budget", method=Method.ELECTRONIC, on=D, present=everyone)
    sessions.open_vote("s", "v", subject="budget", method=Method.ELECTRONIC, on=D, present=remaining)
    before = list(store.read_all())
    with pytest.raises(ProcedureError, match="not registered as entitled"):
        sessions.cast("s", "v", leaver, data.draw(st.sampled_from(Choice)))
    assert list(store.read_all()) == before


TOTAL = 9  # small enough that random rolls often miss the quorum of 6


class SessionMachine(RuleBasedStateMachine):
    """Random legal and illegal commands; a simple model predicts which are legal and their effect."""

    votes = Bundle("votes")

    def __init__(self) -> None:
        super().__init__()
        self.store = MemoryStore()
        congresses = Congresses(self.store)
        congresses.establish(Congress(id="t", name="镇人大", level=Level.TOWNSHIP, division_code="330110001",
                                      population=3000, deputy_quota=TOTAL))  # fmt: skip
        congresses.begin_term("t", 1, elections_completed_on=D)
        congresses.elect_deputies("t", {f"d{n}": f"代表{n}" for n in range(TOTAL)}, term=1, on=D)
        self.sessions = Sessions(self.store)
        self.sessions.plan("s", congress_id="t", opens_on=D)
        self.status = SessionStatus.PLANNED
        self.leave: set[str] = set()
        self.model_votes: dict[str, dict[str, object]] = {}
        self.counter = 0

    def attempt(self, legal: bool, command) -> None:
        before = list(self.store.read_all())
        if legal:
            command()
        else:
            with pytest.raises(ProcedureError) as caught:
                command()
            assert caught.value.decision.failing
            assert list(self.store.read_all()) == before

    @rule()
    def notice(self) -> None:
        legal = self.status is SessionStatus.PLANNED
        self.attempt(legal, lambda: self.sessions.give_notice("s", on=D, materials_on=D))
        if legal:
            self.status = SessionStatus.NOTICED

    @rule(size=st.integers(0, TOTAL))
    def prepare(self, size: int) -> None:
        present = self.roll(size)  # OL 14 ¶4: the preparatory meeting sits only with two thirds present
        legal = self.status is SessionStatus.NOTICED and 3 * len(present) >= 2 * TOTAL
        self.attempt(legal, lambda: prepare(self.sessions, "s", on=D, presidium=["d0"], agenda=AGENDA,
                                            present=present))  # fmt: skip
        if legal:
            self.status = SessionStatus.PREPARED

    @rule(deputy=st.sampled_from([f"d{n}" for n in range(TOTAL)] + ["x1"]))
    def leave(self, deputy: str) -> None:
        legal = self.status in {SessionStatus.PLANNED, SessionStatus.NOTICED, SessionStatus.PREPARED} and deputy != "x1"
        self.attempt(legal, lambda: self.sessions.grant_leave("s", deputy))
        if legal:
            self.leave.add(deputy)

    def roll(self, size: int) -> list[str]:
        return [d for d in (f"d{n}" for n in range(TOTAL)) if d not in self.leave][:size]

    @rule(size=st.integers(0, TOTAL))
    def open(self, size: int) -> None:
        present = self.roll(size)
        legal = self.status is SessionStatus.PREPARED and 3 * len(present) >= 2 * TOTAL
        self.attempt(legal, lambda: self.sessions.open("s", on=D, present=present))
        if legal:
            self.status = SessionStatus.OPEN

    @rule(target=votes, size=st.integers(0, TOTAL))
    def open_vote(self, size: int) -> str:
        present = self.roll(size)
        self.counter += 1
        vote_id = f"v{self.counter}"
        legal = self.status is SessionStatus.OPEN and 3 * len(present) >= 2 * TOTAL
        self.attempt(legal, lambda: self.sessions.open_vote("s", vote_id, subject="budget", method=Method.ELECTRONIC,
                                                            on=D, present=present))  # fmt: skip
        if legal:
            self.model_votes[vote_id] = {"entitled": set(present), "cast": {}, "closed": False}
        return vote_id

    @rule(
        vote_id=votes, deputy=st.sampled_from([f"d{n}" for n in range(TOTAL)] + ["x1"]), choice=st.sampled_from(Choice)
    )
    def cast(self, vote_id: str, deputy: str, choice: Choice) -> None:
        vote = self.model_votes.get(vote_id)
        legal = (
            self.status is SessionStatus.OPEN and vote is not None and not vote["closed"]
            and deputy in vote["entitled"] and deputy not in vote["cast"]
        )  # fmt: skip
        self.attempt(legal, lambda: self.sessions.cast("s", vote_id, deputy, choice))
        if legal:
            vote["cast"][deputy] = choice

    @rule(vote_id=consumes(votes))
    def close_vote(self, vote_id: str) -> None:
        vote = self.model_votes.get(vote_id)
        legal = self.status is SessionStatus.OPEN and vote is not None and not vote["closed"]
        self.attempt(legal, lambda: self.sessions.close_vote("s", vote_id))
        if legal:
            vote["closed"] = True
            yes = list(vote["cast"].values()).count(Choice.YES)
            assert self.sessions.state("s").votes[vote_id].tally.passed == (2 * yes > TOTAL)

    @rule()
    def close(self) -> None:
        legal = self.status is SessionStatus.OPEN and all(v["closed"] for v in self.model_votes.values())
        self.attempt(legal, lambda: self.sessions.close("s", on=D))
        if legal:
            self.status = SessionStatus.CLOSED

    @invariant()
    def state_matches_model(self) -> None:
        state = self.sessions.state("s")
        assert state.status is self.status
        assert state.on_leave == self.leave
        for vote_id, vote in self.model_votes.items():
            recorded = state.votes[vote_id]
            assert set(recorded.entitled) == vote["entitled"]
            assert dict(recorded.ballots) == vote["cast"]
            assert (recorded.tally is not None) == vote["closed"]


TestSessionMachine = SessionMachine.TestCase
TestSessionMachine.settings = settings(max_examples=60, stateful_step_count=30)
