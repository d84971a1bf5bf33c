"""Elections, recalls and inquiries at a township congress, end to end."""

from __future__ import annotations

import datetime

import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.election import (
    AnswerForm,
    Candidate,
    DefenceForm,
    ElectionBallot,
    FurtherCandidates,
    InquiryTarget,
    Nominator,
    Office,
    RecallProposer,
)
from npcproc.model.session import AgendaItem, AgendaItemKind, Choice
from npcproc.procedures import Congresses, Elections, Inquiries, Recalls, Sessions
from npcproc.rules import Citation
from npcproc.store import MemoryStore
from npcproc.store.sqlite import SQLiteStore
from npcproc.testing import assert_ballots_unlinkable

D = datetime.date(2022, 1, 5)
LATER = datetime.date(2022, 7, 5)
DEPUTIES = {f"d{n:02}": f"代表{n}" for n in range(1, 61)}
AGENDA = (AgendaItem(id="election", kind=AgendaItemKind.ELECTION, title="选举"),)


@pytest.fixture(params=["memory", "sqlite"])
def store(request, tmp_path):
    store = MemoryStore() if request.param == "memory" else SQLiteStore(str(tmp_path / "e.db"))
    yield store
    store.close()


def township_in_session(store, session_id="s1", on=D):
    congresses = Congresses(store)
    congresses.establish(Congress(id="t", name="某镇人民代表大会", level=Level.TOWNSHIP, division_code="330110001",
                                  population=30_000, deputy_quota=65))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=datetime.date(2021, 11, 20))
    congresses.elect_deputies("t", DEPUTIES, term=1, on=D)
    open_session(store, session_id, on)
    return Elections(store)


def open_session(store, session_id, on):
    sessions = Sessions(store)
    sessions.plan(session_id, congress_id="t", opens_on=on)
    sessions.give_notice(session_id, on=on, materials_on=on)
    holders = Congresses(store).state("t")
    presidium = list(DEPUTIES)[:7] + [
        h for office in (Office.TOWNSHIP_CHAIR, Office.TOWNSHIP_VICE_CHAIR) for h in holders.holders(office, on)
    ]
    sessions.hold_preparatory_meeting(session_id, on=on, presidium=list(dict.fromkeys(presidium)), agenda=AGENDA)
    sessions.open(session_id, on=on, present=list(DEPUTIES))


def ballots(election_id: str, round_: int, seats: int, yes: dict[str, int], count: int) -> list[ElectionBallot]:
    """``count`` ballots, none marking more than ``seats`` names, giving each candidate its yes votes."""
    marks: list[dict[str, Choice]] = [{} for _ in range(count)]
    for candidate, votes in yes.items():
        slots = sorted(range(count), key=lambda i: (len(marks[i]), i))[:votes]
        assert len(slots) == votes, "more votes than ballots"
        assert all(len(marks[i]) < seats for i in slots), "more marks than the ballots can hold"
        for i in slots:
            marks[i][candidate] = Choice.YES
    for mark in marks:
        for candidate in yes:
            mark.setdefault(candidate, Choice.NO)
    return [ElectionBallot(election_id=election_id, round=round_, marks=m) for m in marks]


def candidates(*ids: str) -> list[Candidate]:
    return [Candidate(id=i, name=DEPUTIES.get(i, i)) for i in ids]


def test_township_head_with_two_candidates(store):
    elections = township_in_session(store)
    elections.open("head", session_id="s1", office=Office.TOWNSHIP_HEAD, seats=1, extra_candidates=1)
    elections.nominate("head", candidates("王芳"), by=Nominator.PRESIDIUM)
    elections.nominate("head", candidates("李明"), by=Nominator.DEPUTIES, nominators=list(DEPUTIES)[:10])
    assert elections.list_candidates("head") == ("李明", "王芳")
    elections.open_round("head", on=D)
    result = elections.count("head", ballots("head", 1, 1, {"王芳": 35, "李明": 22}, 58), ballots_issued=58)
    assert result.elected == ("王芳",)
    assert result.votes == {"王芳": 35, "李明": 22}
    assert Citation(law="OL", article=25, paragraph=1) in result.decision.citations
    assert Congresses(store).state("t").holders(Office.TOWNSHIP_HEAD, D) == ("王芳",)
    stored = list(store.read_stream("election-head-round-1"))
    assert len(stored) == 58
    assert_ballots_unlinkable(stored, deputy_ids=DEPUTIES)


def test_two_vice_chairs_three_candidates_tie_and_revote(store):
    elections = township_in_session(store)
    elections.open("vice", session_id="s1", office=Office.TOWNSHIP_VICE_CHAIR, seats=2, extra_candidates=1)
    elections.nominate("vice", candidates("d01", "d02"), by=Nominator.PRESIDIUM)
    elections.nominate("vice", candidates("d03"), by=Nominator.DEPUTIES, nominators=list(DEPUTIES)[10:20])
    elections.list_candidates("vice")
    elections.open_round("vice", on=D)
    first = elections.count("vice", ballots("vice", 1, 2, {"d01": 45, "d02": 33, "d03": 33}, 60), ballots_issued=60)
    assert (first.elected, first.tied, first.shortfall) == (("d01",), ("d02", "d03"), 0)
    assert "re-vote among them" in first.decision.explain("en")
    with pytest.raises(ProcedureError):
        elections.further_election("vice", session_id="s1", on=D, candidates_by=FurtherCandidates.BY_RANK)
    elections.revote("vice", on=D)
    second = elections.count("vice", ballots("vice", 2, 1, {"d02": 28, "d03": 31}, 60), ballots_issued=60)
    assert second.elected == ("d03",)
    assert Citation(law="OL", article=29, paragraph=1) in second.decision.citations
    assert set(Congresses(store).state("t").holders(Office.TOWNSHIP_VICE_CHAIR, D)) == {"d01", "d03"}
    assert elections.state("vice").open_seats == 0


def test_shortfall_filled_by_further_election_at_the_next_session(store):
    elections = township_in_session(store)
    elections.open("vice", session_id="s1", office=Office.TOWNSHIP_VICE_CHAIR, seats=2, extra_candidates=2)
    elections.nominate("vice", candidates("d01", "d02"), by=Nominator.PRESIDIUM)
    elections.nominate("vice", candidates("d03", "d04"), by=Nominator.DEPUTIES, nominators=list(DEPUTIES)[10:20])
    elections.list_candidates("vice")
    elections.open_round("vice", on=D)
    first = elections.count("vice", ballots("vice", 1, 2, {"d01": 40, "d02": 30, "d03": 25, "d04": 20}, 60),
                            ballots_issued=60)  # fmt: skip
    assert (first.elected, first.shortfall) == (("d01",), 1)
    assert Citation(law="OL", article=29, paragraph=2) in first.decision.citations
    Sessions(store).close("s1", on=D)
    open_session(store, "s2", LATER)
    number = elections.further_election("vice", session_id="s2", on=LATER, candidates_by=FurtherCandidates.BY_RANK)
    assert elections.state("vice").rounds[-1].candidates == ("d02", "d03", "d04")
    further = elections.count("vice", ballots("vice", number, 1, {"d02": 36, "d03": 20, "d04": 2}, 58),
                              ballots_issued=58)  # fmt: skip
    assert further.elected == ("d02",)
    assert elections.state("vice").rounds[-1].session_id == "s2"
    assert set(Congresses(store).state("t").holders(Office.TOWNSHIP_VICE_CHAIR, LATER)) == {"d01", "d02"}


def test_round_void_when_more_ballots_come_back_than_were_issued(store):
    elections = township_in_session(store)
    elections.open("head", session_id="s1", office=Office.TOWNSHIP_HEAD, seats=1, extra_candidates=0)
    elections.nominate("head", candidates("王芳"), by=Nominator.PRESIDIUM)
    elections.list_candidates("head")
    elections.open_round("head", on=D)
    result = elections.count("head", ballots("head", 1, 1, {"王芳": 55}, 59), ballots_issued=58)
    assert not result.valid
    assert result.elected == ()
    assert result.decision.failing[0].citation == Citation(law="EL", article=44, paragraph=1)
    assert "round void: 59 ballots returned but only 58 issued" in result.decision.explain("en")
    assert Congresses(store).state("t").holders(Office.TOWNSHIP_HEAD, D) == ()


def test_over_marked_ballots_are_void_and_write_ins_count(store):
    elections = township_in_session(store)
    elections.open("chair", session_id="s1", office=Office.TOWNSHIP_CHAIR, seats=1, extra_candidates=0)
    elections.nominate("chair", candidates("d05"), by=Nominator.PRESIDIUM)
    elections.list_candidates("chair")
    elections.open_round("chair", on=D)
    cast = ballots("chair", 1, 1, {"d05": 30}, 50)
    cast += [ElectionBallot(election_id="chair", round=1, marks={"d05": Choice.NO}, write_ins=("d09",))] * 5
    cast += [ElectionBallot(election_id="chair", round=1, marks={"d05": Choice.YES}, write_ins=("d09",))] * 3
    cast += [ElectionBallot(election_id="chair", round=1, marks={"d05": Choice.NO}, write_ins=("outsider",))] * 2
    result = elections.count("chair", cast, ballots_issued=60)
    assert result.void_ballots == 3
    assert result.votes == {"d05": 30, "d09": 5}
    assert result.elected == ()
    assert result.shortfall == 1


def test_recall_of_a_vice_chair_with_a_written_defence(store):
    elections = township_in_session(store)
    elections.open("vice", session_id="s1", office=Office.TOWNSHIP_VICE_CHAIR, seats=1, extra_candidates=1)
    elections.nominate("vice", candidates("d02"), by=Nominator.PRESIDIUM)
    elections.nominate("vice", candidates("d03"), by=Nominator.DEPUTIES, nominators=list(DEPUTIES)[10:20])
    elections.list_candidates("vice")
    elections.open_round("vice", on=D)
    elections.count("vice", ballots("vice", 1, 1, {"d02": 40, "d03": 15}, 60), ballots_issued=60)
    Sessions(store).close("s1", on=D)
    open_session(store, "s2", LATER)
    recalls = Recalls(store)
    with pytest.raises(ProcedureError, match="at least 12 of 60"):
        recalls.propose("r1", session_id="s2", office=Office.TOWNSHIP_VICE_CHAIR, holder_id="d02",
                        by=RecallProposer.DEPUTIES, proposers=list(DEPUTIES)[20:31], reasons="失职")  # fmt: skip
    with pytest.raises(ProcedureError, match="state its reasons"):
        recalls.propose("r1", session_id="s2", office=Office.TOWNSHIP_VICE_CHAIR, holder_id="d02",
                        by=RecallProposer.PRESIDIUM, reasons=" ")  # fmt: skip
    recalls.propose("r1", session_id="s2", office=Office.TOWNSHIP_VICE_CHAIR, holder_id="d02",
                    by=RecallProposer.DEPUTIES, proposers=list(DEPUTIES)[20:32], reasons="严重失职")  # fmt: skip
    recalls.defend("r1", form=DefenceForm.WRITTEN, statement="申辩意见书")
    with pytest.raises(ProcedureError, match="cannot vote now"):
        recalls.count("r1", session_id="s2", on=LATER, ballots_issued=60, yes=40, no=15, abstain=5)
    recalls.circulate_defence("r1", on=LATER)
    decision = recalls.count("r1", session_id="s2", on=LATER, ballots_issued=60, yes=40, no=15, abstain=5)
    assert decision.ok
    assert decision.citations == (Citation(law="OL", article=25, paragraph=1),)
    state = Congresses(store).state("t")
    assert state.holders(Office.TOWNSHIP_VICE_CHAIR, LATER) == ()
    assert recalls.state("r1").defence.form is DefenceForm.WRITTEN


def test_inquiry_answer_rejected_by_half_of_the_sponsors(store):
    township_in_session(store)
    inquiries = Inquiries(store)
    sponsors = list(DEPUTIES)[:10]
    with pytest.raises(ProcedureError) as caught:
        inquiries.file("q1", session_id="s1", sponsors=sponsors, target=InquiryTarget.COURT, questions="为何")
    assert caught.value.decision.failing[0].citation == Citation(law="DL", article=20, paragraph=3)
    with pytest.raises(ProcedureError, match="at least 10 required"):
        inquiries.file("q1", session_id="s1", sponsors=sponsors[:9], target=InquiryTarget.TOWNSHIP_GOVERNMENT,
                       questions="为何道路迟迟未修")  # fmt: skip
    inquiries.file("q1", session_id="s1", sponsors=sponsors, target=InquiryTarget.TOWNSHIP_GOVERNMENT,
                   questions="为何道路迟迟未修")  # fmt: skip
    inquiries.decide_answer_form("q1", form=AnswerForm.PLENARY)
    inquiries.answer("q1", answered_by="镇长王芳", on=D)
    rejected = inquiries.rate("q1", dissatisfied=sponsors[:5])
    assert not rejected
    assert "5 of 10 sponsors dissatisfied" in rejected.explain("en")
    assert inquiries.state("q1").awaiting_answer
    inquiries.answer("q1", answered_by="镇长王芳", on=D)
    assert inquiries.rate("q1", dissatisfied=sponsors[:4])
    assert not inquiries.state("q1").awaiting_answer
    with pytest.raises(ProcedureError):
        inquiries.answer("q1", answered_by="镇长王芳", on=D)
