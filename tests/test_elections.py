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
    FurtherSession,
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
from npcproc.testing import assert_ballots_unlinkable, heads_attending, prepare

D = datetime.date(2022, 1, 5)
LATER = datetime.date(2022, 7, 5)
DEPUTIES = {f"d{n:02}": f"代表{n}" for n in range(1, 61)}
ROLL = list(DEPUTIES)  # every deputy present at each sitting
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
    prepare(sessions, session_id, on=on, presidium=list(dict.fromkeys(presidium)), agenda=AGENDA)
    sessions.open(session_id, on=on, present=list(DEPUTIES), attending=heads_attending(store, "t", on))


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
    from npcproc.model.election import BallotMethod

    elections = township_in_session(store)
    elections.open("head", session_id="s1", office=Office.TOWNSHIP_HEAD, seats=1, extra_candidates=1,
                   ballot_method=BallotMethod.ELECTRONIC)  # fmt: skip
    assert elections.state("head").ballot_method is BallotMethod.ELECTRONIC
    elections.nominate("head", candidates("王芳"), by=Nominator.PRESIDIUM)
    elections.nominate("head", candidates("李明"), by=Nominator.DEPUTIES, nominators=list(DEPUTIES)[:10])
    assert elections.list_candidates("head").candidates == ("李明", "王芳")
    elections.open_round("head", on=D, present=ROLL)
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
    elections.open_round("vice", on=D, present=ROLL)
    first = elections.count("vice", ballots("vice", 1, 2, {"d01": 45, "d02": 33, "d03": 33}, 60), ballots_issued=60)
    assert (first.elected, first.tied, first.shortfall) == (("d01",), ("d02", "d03"), 0)
    assert "re-vote among them" in first.decision.explain("en")
    with pytest.raises(ProcedureError):
        elections.further_election("vice", session_id="s1", on=D, candidates_by=FurtherCandidates.BY_RANK, present=ROLL)
    elections.revote("vice", on=D, present=ROLL)
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
    elections.open_round("vice", on=D, present=ROLL)
    first = elections.count("vice", ballots("vice", 1, 2, {"d01": 40, "d02": 30, "d03": 25, "d04": 20}, 60),
                            ballots_issued=60)  # fmt: skip
    assert (first.elected, first.shortfall) == (("d01",), 1)
    assert Citation(law="OL", article=29, paragraph=2) in first.decision.citations
    elections.decide_further_election("vice", on=D, at=FurtherSession.NEXT_SESSION, present=ROLL)
    Sessions(store).close("s1", on=D)
    open_session(store, "s2", LATER)
    number = elections.further_election(
        "vice", session_id="s2", on=LATER, candidates_by=FurtherCandidates.BY_RANK, present=ROLL
    )
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
    elections.open_round("head", on=D, present=ROLL)
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
    elections.open_round("chair", on=D, present=ROLL)
    cast = ballots("chair", 1, 1, {"d05": 30}, 50)
    cast += [ElectionBallot(election_id="chair", round=1, marks={"d05": Choice.NO}, write_ins=("代表9",))] * 5
    cast += [ElectionBallot(election_id="chair", round=1, marks={"d05": Choice.YES}, write_ins=("代表9",))] * 3
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
    elections.open_round("vice", on=D, present=ROLL)
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
        recalls.count(
            "r1", session_id="s2", on=LATER, present=list(DEPUTIES), ballots_issued=60, yes=40, no=15, abstain=5
        )
    recalls.circulate_defence("r1", on=LATER)
    decision = recalls.count("r1", session_id="s2", on=LATER, present=list(DEPUTIES), ballots_issued=60, yes=40,
                             no=15, abstain=5)  # fmt: skip
    assert decision.ok
    assert decision.citations == (
        Citation(law="OL", article=14, paragraph=4),
        Citation(law="OL", article=25, paragraph=1),
    )
    state = Congresses(store).state("t")
    assert state.holders(Office.TOWNSHIP_VICE_CHAIR, LATER) == ()
    assert recalls.state("r1").defence.form is DefenceForm.WRITTEN


def test_ol_24_1_township_inquiry_to_a_government_department_allowed(store):
    # OL 24 ¶1 "本级人民政府和它所属各工作部门", followed where DL 20 ¶3 names the government alone
    township_in_session(store)
    inquiries = Inquiries(store)
    decision = inquiries.file("q1", session_id="s1", sponsors=list(DEPUTIES)[:10],
                              target=InquiryTarget.GOVERNMENT_DEPARTMENT, questions="为何道路迟迟未修")  # fmt: skip
    assert decision.ok
    assert Citation(law="OL", article=24, paragraph=1) in decision.citations
    assert Citation(law="DL", article=20, paragraph=3) not in decision.citations
    department = [r for r in decision.reasons if r.code == "inquiry.department_target"]
    assert len(department) == 1
    assert department[0].message("zh")
    assert department[0].message("en")
    assert inquiries.state("q1").filed.target is InquiryTarget.GOVERNMENT_DEPARTMENT


def test_ol_24_1_township_inquiry_to_a_department_with_nine_deputies_refused(store):
    township_in_session(store)
    before = list(store.read_all())
    with pytest.raises(ProcedureError) as caught:
        Inquiries(store).file("q1", session_id="s1", sponsors=list(DEPUTIES)[:9],
                              target=InquiryTarget.GOVERNMENT_DEPARTMENT, questions="为何道路迟迟未修")  # fmt: skip
    assert [(r.code, r.citation) for r in caught.value.decision.failing] == [
        ("inquiry.sponsors", Citation(law="OL", article=24, paragraph=1))
    ]
    assert list(store.read_all()) == before


def test_dl_20_3_township_inquiry_to_a_procuratorate_refused(store):
    # a township has no procuratorate of its own level: refused whichever statute is read
    township_in_session(store)
    before = list(store.read_all())
    with pytest.raises(ProcedureError) as caught:
        Inquiries(store).file("q1", session_id="s1", sponsors=list(DEPUTIES)[:10],
                              target=InquiryTarget.PROCURATORATE, questions="为何")  # fmt: skip
    assert [(r.code, r.citation) for r in caught.value.decision.failing] == [
        ("inquiry.target", Citation(law="DL", article=20, paragraph=3))
    ]
    assert list(store.read_all()) == before


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


def test_preliminary_vote_fixes_the_list_when_nominees_exceed_the_margin(store):
    elections = township_in_session(store)
    elections.open("vice", session_id="s1", office=Office.TOWNSHIP_VICE_CHAIR, seats=1, extra_candidates=1)
    elections.nominate("vice", candidates("d01"), by=Nominator.PRESIDIUM)
    for k, nominee in enumerate(("d02", "d03"), start=1):
        elections.nominate("vice", candidates(nominee), by=Nominator.DEPUTIES,
                           nominators=list(DEPUTIES)[10 * k : 10 * k + 10])  # fmt: skip
    with pytest.raises(ProcedureError, match="preliminary vote is needed"):
        elections.list_candidates("vice")
    listing = elections.list_candidates("vice", preliminary_votes={"d01": 30, "d02": 21, "d03": 9})
    assert listing.candidates == ("d01", "d02")


def test_ol_27_1_a_preliminary_tie_is_voted_again_not_refused(store):
    """OL 29 ¶1's "就票数相等的人再次投票" for the preliminary vote of OL 27 ¶1: the tie is recorded and the
    tied vote again for the places left; a new tie votes again in turn."""
    elections = township_in_session(store)
    elections.open("vice", session_id="s1", office=Office.TOWNSHIP_VICE_CHAIR, seats=1, extra_candidates=1)
    elections.nominate("vice", candidates("d01"), by=Nominator.PRESIDIUM)
    for k, nominee in enumerate(("d02", "d03"), start=1):
        elections.nominate("vice", candidates(nominee), by=Nominator.DEPUTIES,
                           nominators=list(DEPUTIES)[10 * k : 10 * k + 10])  # fmt: skip
    tie = elections.list_candidates("vice", preliminary_votes={"d01": 30, "d02": 20, "d03": 20})
    assert (tie.candidates, tie.tied) == ((), ("d02", "d03"))
    assert "vote again" in tie.decision.explain("en")
    with pytest.raises(ProcedureError):  # the list is not fixed until the tie is re-voted
        elections.open_round("vice", on=D, present=ROLL)
    with pytest.raises(ProcedureError, match="among those tied"):
        elections.revote_preliminary("vice", votes={"d01": 5, "d02": 20})
    again = elections.revote_preliminary("vice", votes={"d02": 25, "d03": 25})
    assert again.tied == ("d02", "d03")
    listing = elections.revote_preliminary("vice", votes={"d02": 24, "d03": 26})
    assert listing.candidates == ("d01", "d03")
    assert elections.state("vice").listed == ("d01", "d03")


def test_ol_27_1_two_nominees_for_township_head_both_stand(store):
    """ "如果提名的候选人只有一人，也可以等额选举": with two nominees the election is contested, even where the
    election rules fixed no extra candidate, and no preliminary vote may narrow it to one."""
    elections = township_in_session(store)
    elections.open("head", session_id="s1", office=Office.TOWNSHIP_HEAD, seats=1, extra_candidates=0)
    elections.nominate("head", candidates("王芳"), by=Nominator.PRESIDIUM)
    elections.nominate("head", candidates("李明"), by=Nominator.DEPUTIES, nominators=list(DEPUTIES)[:10])
    listing = elections.list_candidates("head", preliminary_votes={"王芳": 40, "李明": 17})
    assert listing.candidates == ("李明", "王芳")
    assert elections.state("head").listed == ("李明", "王芳")


def test_ol_27_1_a_single_nominee_stands_alone(store):
    elections = township_in_session(store)
    elections.open("head", session_id="s1", office=Office.TOWNSHIP_HEAD, seats=1, extra_candidates=1)
    elections.nominate("head", candidates("王芳"), by=Nominator.PRESIDIUM)
    assert elections.list_candidates("head").candidates == ("王芳",)


def test_ol_27_1_three_nominees_for_township_head_go_to_a_preliminary_vote_for_two(store):
    elections = township_in_session(store)
    elections.open("head", session_id="s1", office=Office.TOWNSHIP_HEAD, seats=1, extra_candidates=1)
    elections.nominate("head", candidates("王芳"), by=Nominator.PRESIDIUM)
    for k, nominee in enumerate(("d02", "d03"), start=1):
        elections.nominate("head", candidates(nominee), by=Nominator.DEPUTIES,
                           nominators=list(DEPUTIES)[10 * k : 10 * k + 10])  # fmt: skip
    with pytest.raises(ProcedureError, match="preliminary vote is needed"):
        elections.list_candidates("head")
    assert elections.list_candidates("head", preliminary_votes={"王芳": 30, "d02": 20, "d03": 9}).candidates == (
        "王芳", "d02")  # fmt: skip


def test_nomination_limits_and_eligibility(store):
    elections = township_in_session(store)
    Congresses(store).record_administrative_post("t", "d04", holds=True, on=D)
    elections.open("chair", session_id="s1", office=Office.TOWNSHIP_CHAIR, seats=1, extra_candidates=1)
    with pytest.raises(ProcedureError) as caught:
        elections.nominate("chair", candidates("d01", "d02"), by=Nominator.PRESIDIUM)
    assert caught.value.decision.failing[0].citation == Citation(law="OL", article=26, paragraph=3)
    with pytest.raises(ProcedureError) as caught:
        elections.nominate("chair", candidates("张三"), by=Nominator.PRESIDIUM)
    assert caught.value.decision.failing[0].citation == Citation(law="OL", article=18, paragraph=1)
    with pytest.raises(ProcedureError) as caught:
        elections.nominate("chair", candidates("d04"), by=Nominator.PRESIDIUM)
    assert caught.value.decision.failing[0].citation == Citation(law="OL", article=18, paragraph=2)
    with pytest.raises(ProcedureError, match="at least 10 required"):
        elections.nominate("chair", candidates("d05"), by=Nominator.DEPUTIES, nominators=list(DEPUTIES)[:9])
    with pytest.raises(ProcedureError) as caught:
        elections.open("chair2", session_id="s1", office=Office.TOWNSHIP_CHAIR, seats=1, extra_candidates=2)
    assert "outside 1 to 2" in caught.value.decision.explain("en")
    with pytest.raises(ProcedureError, match="does not elect"):
        elections.open("cc", session_id="s1", office=Office.COUNTY_HEAD, seats=1, extra_candidates=1)


def test_single_nominee_stands_alone_and_by_elections_may_be_uncontested(store):
    elections = township_in_session(store)
    elections.open("head", session_id="s1", office=Office.TOWNSHIP_HEAD, seats=1, extra_candidates=1)
    elections.nominate("head", candidates("王芳"), by=Nominator.PRESIDIUM)
    assert elections.list_candidates("head").candidates == ("王芳",)
    elections.open("by", session_id="s1", office=Office.DEPUTY_TOWNSHIP_HEAD, seats=1, extra_candidates=0,
                   by_election=True)  # fmt: skip
    elections.nominate("by", candidates("赵六"), by=Nominator.PRESIDIUM)
    assert elections.list_candidates("by").candidates == ("赵六",)
    elections.open("vice", session_id="s1", office=Office.DEPUTY_TOWNSHIP_HEAD, seats=1, extra_candidates=1)
    elections.nominate("vice", candidates("钱七"), by=Nominator.PRESIDIUM)
    with pytest.raises(ProcedureError, match="fewer than the 2"):
        elections.list_candidates("vice")


def test_resignations(store):
    from npcproc.plugins import create_plugin_manager, load_rules
    from npcproc.provinces import Province
    from npcproc.rules import Setting
    from npcproc.testing import settings_plugin

    elections = township_in_session(store)
    elections.open("head", session_id="s1", office=Office.TOWNSHIP_HEAD, seats=1, extra_candidates=0)
    elections.nominate("head", candidates("王芳"), by=Nominator.PRESIDIUM)
    elections.list_candidates("head")
    elections.open_round("head", on=D, present=ROLL)
    elections.count("head", ballots("head", 1, 1, {"王芳": 50}, 60), ballots_issued=60)
    Sessions(store).close("s1", on=D)
    with pytest.raises(ProcedureError, match="does not let the presidium"):
        Recalls(store).accept_resignation("t", office=Office.TOWNSHIP_HEAD, holder_id="王芳", on=LATER,
                                          accepted_by="presidium")  # fmt: skip
    cq = Province(code="500000", name_zh="重庆市", name_en="Chongqing", key="CQ")
    allow = Setting(parameter="resignation.presidium_may_accept", value=1,
                    citation=Citation(law="CQ", article=32, paragraph=1, item=10))  # fmt: skip
    rules = load_rules(cq, pm=create_plugin_manager(autoload=False, plugins=(settings_plugin([allow], province=cq),)))
    Recalls(store, rules).accept_resignation("t", office=Office.TOWNSHIP_HEAD, holder_id="王芳", on=LATER,
                                             accepted_by="presidium")  # fmt: skip
    assert Congresses(store).state("t").holders(Office.TOWNSHIP_HEAD, LATER) == ()


def test_a_chair_who_stops_being_a_deputy_loses_the_post(store):
    from npcproc.model import DeputyStatus, StatusChange

    elections = township_in_session(store)
    elections.open("chair", session_id="s1", office=Office.TOWNSHIP_CHAIR, seats=1, extra_candidates=0)
    elections.nominate("chair", candidates("d05"), by=Nominator.PRESIDIUM)
    elections.list_candidates("chair")
    elections.open_round("chair", on=D, present=ROLL)
    elections.count("chair", ballots("chair", 1, 1, {"d05": 50}, 60), ballots_issued=60)
    congresses = Congresses(store)
    assert congresses.state("t").holders(Office.TOWNSHIP_CHAIR, D) == ("d05",)
    congresses.change_status("t", "d05", StatusChange(status=DeputyStatus.DECEASED, on=LATER))
    assert congresses.state("t").holders(Office.TOWNSHIP_CHAIR, LATER) == ()


def test_small_congress_relaxation_and_complex_inquiry_deadline(store):
    from npcproc.plugins import create_plugin_manager, load_rules
    from npcproc.provinces import Province
    from npcproc.rules import Setting
    from npcproc.testing import settings_plugin

    bj = Province(code="110000", name_zh="北京市", name_en="Beijing", key="BJ")
    bj12 = Citation(law="BJ", article=12, paragraph=1)
    settings = [
        Setting(parameter="inquiry.small_congress_size", value=40, citation=bj12),
        Setting(
            parameter="inquiry.small_congress_fraction", value=__import__("fractions").Fraction(1, 5), citation=bj12
        ),
        Setting(
            parameter="inquiry.complex_answer_months", value=3, citation=Citation(law="BJ", article=12, paragraph=4)
        ),
    ]
    rules = load_rules(bj, pm=create_plugin_manager(autoload=False, plugins=(settings_plugin(settings, province=bj),)))
    small = {f"d{n:02}": f"代表{n}" for n in range(1, 31)}
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t", name="某乡人民代表大会", level=Level.TOWNSHIP, division_code="110111001",
                                  population=2_000, deputy_quota=46))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=datetime.date(2021, 11, 20))
    congresses.elect_deputies("t", small, term=1, on=D)
    sessions = Sessions(store, rules)
    sessions.plan("s1", congress_id="t", opens_on=D)
    sessions.give_notice("s1", on=D, materials_on=D)
    prepare(sessions, "s1", on=D, presidium=list(small)[:5], agenda=AGENDA)
    sessions.open("s1", on=D, present=list(small))
    inquiries = Inquiries(store, rules)
    decision = inquiries.file("q", session_id="s1", sponsors=list(small)[:6], target=InquiryTarget.TOWNSHIP_GOVERNMENT,
                              questions="学校何时修缮")  # fmt: skip
    assert decision.relaxed
    assert "provincial relaxation: BJ 12 ¶1" in decision.explain("en")
    with pytest.raises(ProcedureError):
        inquiries.file("q2", session_id="s1", sponsors=list(small)[:5], target=InquiryTarget.TOWNSHIP_GOVERNMENT,
                       questions="学校何时修缮")  # fmt: skip
    inquiries.decide_answer_form("q", form=AnswerForm.WRITTEN, complex=True)
    inquiries.record_question("s1", "ask-1", asked_by=["d03"], subject="预算", answered_by="财政所所长", on=D)
    assert [r.type for r in store.read_stream("questions-s1")] == ["session.question_asked"]
    sessions.close("s1", on=D)
    assert inquiries.answer_deadline("q") == datetime.date(2022, 4, 6)  # 5 April 2022 was Qingming (CC 203)


def test_ol_27_1_principal_list_check_binds_only_principal_posts_outside_by_elections():
    """The record's reading of OL 27 ¶1: an uncontested principal list with more nominees than seats breaks it;
    vice posts have their own margin and a by-election may be uncontested (OL 30)."""
    from npcproc.procedures.election.checks import principal_list_check

    def judged(office=Office.TOWNSHIP_HEAD, nominees=2, listed=1, by_election=False):
        return [(r.code, str(r.citation), r.ok) for r in principal_list_check(office, 1, nominees, listed, by_election)]

    assert judged() == [("election.principal_uncontested", "OL 27 ¶1", False)]
    assert judged(listed=2) == [("election.principal_uncontested", "OL 27 ¶1", True)]
    assert judged(nominees=1) == []
    assert judged(by_election=True) == []
    assert judged(office=Office.DEPUTY_TOWNSHIP_HEAD) == []
    assert judged(office=Office.COUNTY_HEAD) == [("election.principal_uncontested", "OL 27 ¶1", False)]


# -- OL 14 ¶4: every round is an act of the sitting congress -------------------------------------


@pytest.mark.parametrize(("present", "held"), [(39, False), (40, True)])
def test_ol_14_4_a_round_needs_two_thirds_present(store, present, held):
    elections = township_in_session(store)
    elections.open("head", session_id="s1", office=Office.TOWNSHIP_HEAD, seats=1, extra_candidates=1)
    elections.nominate("head", candidates("王芳"), by=Nominator.PRESIDIUM)
    elections.list_candidates("head")
    before = list(store.read_all())
    if not held:
        with pytest.raises(ProcedureError) as caught:
            elections.open_round("head", on=D, present=ROLL[:present])
        assert [r.citation for r in caught.value.decision.failing] == [Citation(law="OL", article=14, paragraph=4)]
        assert list(store.read_all()) == before
        return
    elections.open_round("head", on=D, present=ROLL[:present])
    assert elections.state("head").rounds[0].number == 1
    assert list(store.read_stream("election-head"))[-1].data["present"] == ROLL[:present]


def test_ol_14_4_a_roll_naming_someone_not_in_office_is_refused(store):
    elections = township_in_session(store)
    elections.open("head", session_id="s1", office=Office.TOWNSHIP_HEAD, seats=1, extra_candidates=1)
    elections.nominate("head", candidates("王芳"), by=Nominator.PRESIDIUM)
    elections.list_candidates("head")
    with pytest.raises(ProcedureError, match="stranger"):
        elections.open_round("head", on=D, present=[*ROLL, "stranger"])


# -- OL 29 ¶2: 另行选举 -------------------------------------------------------------------------------


def short_vice_election(store):
    """Two vice-chair seats, four candidates; only d01 has a majority of all deputies: one seat left short."""
    elections = township_in_session(store)
    elections.open("vice", session_id="s1", office=Office.TOWNSHIP_VICE_CHAIR, seats=2, extra_candidates=2)
    elections.nominate("vice", candidates("d01", "d02"), by=Nominator.PRESIDIUM)
    elections.nominate("vice", candidates("d03", "d04"), by=Nominator.DEPUTIES, nominators=list(DEPUTIES)[10:20])
    elections.list_candidates("vice")
    elections.open_round("vice", on=D, present=ROLL)
    first = elections.count("vice", ballots("vice", 1, 2, {"d01": 40, "d02": 30, "d03": 25, "d04": 20}, 60),
                            ballots_issued=60)  # fmt: skip
    assert first.shortfall == 1
    return elections


def test_ol_29_2_a_further_election_needs_the_congress_decision(store):
    elections = short_vice_election(store)
    further = lambda: elections.further_election("vice", session_id="s1", on=D,  # noqa: E731
                                                 candidates_by=FurtherCandidates.BY_RANK, present=ROLL)  # fmt: skip
    with pytest.raises(ProcedureError, match="must first decide"):
        further()
    with pytest.raises(ProcedureError):  # the decision is an act of the sitting congress too
        elections.decide_further_election("vice", on=D, at=FurtherSession.THIS_SESSION, present=ROLL[:39])
    elections.decide_further_election("vice", on=D, at=FurtherSession.THIS_SESSION, present=ROLL[:40])
    assert further() == 2


def test_ol_29_2_a_further_election_decided_for_this_session_is_not_held_at_the_next(store):
    elections = short_vice_election(store)
    elections.decide_further_election("vice", on=D, at=FurtherSession.THIS_SESSION, present=ROLL)
    Sessions(store).close("s1", on=D)
    open_session(store, "s2", LATER)
    with pytest.raises(ProcedureError, match="this_session"):
        elections.further_election("vice", session_id="s2", on=LATER, candidates_by=FurtherCandidates.BY_RANK,
                                   present=ROLL)  # fmt: skip


def test_ol_29_2_a_further_election_cannot_re_elect_the_elected(store):
    elections = short_vice_election(store)
    elections.decide_further_election("vice", on=D, at=FurtherSession.THIS_SESSION, present=ROLL)
    with pytest.raises(ProcedureError, match="already elected"):
        elections.further_election("vice", session_id="s1", on=D, candidates_by=FurtherCandidates.NOMINATED,
                                   nominated=["d01", "d02"], present=ROLL)  # fmt: skip
    number = elections.further_election("vice", session_id="s1", on=D, candidates_by=FurtherCandidates.NOMINATED,
                                        nominated=["d02", "d03"], present=ROLL)  # fmt: skip
    # write-ins for d01, already elected, count for nothing: d01 cannot take the second seat
    marks = [ElectionBallot(election_id="vice", round=number, write_ins=("代表1",)) for _ in range(45)]
    marks += [ElectionBallot(election_id="vice", round=number, marks={"d02": Choice.YES}) for _ in range(15)]
    result = elections.count("vice", marks, ballots_issued=60)
    assert "d01" not in result.votes or result.votes["d01"] == 0
    assert result.elected == ()
    assert elections.state("vice").elected == ("d01",)


# -- OL 47 ¶3: standing-committee members hold no post in another state organ ---------------------


@pytest.mark.parametrize("holds", [True, False])
def test_ol_47_3_a_standing_committee_member_holds_no_administrative_post(store, holds):
    elections = county_in_session(store)
    if holds:
        Congresses(store).record_administrative_post("t", "d04", holds=True, on=D)
    elections.open("sc", session_id="s1", office=Office.STANDING_COMMITTEE_MEMBER, seats=10, extra_candidates=1)
    nominate = lambda: elections.nominate("sc", candidates("d04"), by=Nominator.PRESIDIUM)  # noqa: E731
    if not holds:
        nominate()
        assert "d04" in elections.state("sc").nominees
        return
    with pytest.raises(ProcedureError) as caught:
        nominate()
    assert [(r.code, str(r.citation)) for r in caught.value.decision.failing] == [("election.admin_post", "OL 47 ¶3")]


# -- OL 27 ¶2: a county general election nominates and discusses candidates for two days at least ----------

DAY = datetime.timedelta(days=1)
OL_27_2 = Citation(law="OL", article=27, paragraph=2)


def county_in_session(store, on=D):
    congresses = Congresses(store)
    congresses.establish(Congress(id="t", name="某县人民代表大会", level=Level.COUNTY, division_code="330110",
                                  population=500_000, deputy_quota=240))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=datetime.date(2021, 11, 20))
    congresses.elect_deputies("t", DEPUTIES, term=1, on=on)
    sessions = Sessions(store)
    sessions.plan("s1", congress_id="t", opens_on=on)
    sessions.give_notice("s1", on=on - 40 * DAY, materials_on=on - 40 * DAY)
    prepare(sessions, "s1", on=on, presidium=list(DEPUTIES)[:9], agenda=AGENDA)
    sessions.open("s1", on=on, present=list(DEPUTIES))
    return Elections(store)


def nominate_two(elections, election_id):
    elections.nominate(election_id, candidates("王芳"), by=Nominator.PRESIDIUM)
    elections.nominate(election_id, candidates("李明"), by=Nominator.DEPUTIES, nominators=list(DEPUTIES)[:10])


def nomination_refused(store, command):
    before = list(store.read_all())
    with pytest.raises(ProcedureError) as caught:
        command()
    failing = caught.value.decision.failing
    assert [(r.code, r.citation) for r in failing] == [("election.nomination_time", OL_27_2)]
    assert failing[0].message("zh")
    assert failing[0].message("en")
    assert list(store.read_all()) == before


def test_ol_27_2_county_general_election_list_two_days_after_opening_refused(store):
    elections = county_in_session(store)
    elections.open("head", session_id="s1", office=Office.COUNTY_HEAD, seats=1, extra_candidates=1)
    nominate_two(elections, "head")
    nomination_refused(store, lambda: elections.list_candidates("head", on=D + 2 * DAY))
    nomination_refused(store, lambda: elections.list_candidates("head"))  # by default the day it opened
    assert elections.state("head").listed is None


def test_ol_27_2_county_general_election_list_after_two_whole_days_allowed(store):
    elections = county_in_session(store)
    elections.open("head", session_id="s1", office=Office.COUNTY_HEAD, seats=1, extra_candidates=1)
    nominate_two(elections, "head")
    assert elections.list_candidates("head", on=D + 3 * DAY).candidates == ("李明", "王芳")
    assert elections.state("head").listed == ("李明", "王芳")


def test_ol_27_2_counts_from_the_day_the_election_opened(store):
    elections = county_in_session(store)
    elections.open("vice", session_id="s1", office=Office.DEPUTY_COUNTY_HEAD, seats=1, extra_candidates=1,
                   on=D + DAY)  # fmt: skip
    assert elections.state("vice").opened_on == D + DAY
    nominate_two(elections, "vice")
    elections.nominate("vice", candidates("张伟"), by=Nominator.DEPUTIES, nominators=list(DEPUTIES)[10:20])
    # a preliminary vote fixes the list too: bound the same way
    nomination_refused(
        store,
        lambda: elections.list_candidates(
            "vice", on=D + 3 * DAY, preliminary_votes={"王芳": 40, "李明": 30, "张伟": 20}
        ),
    )
    listed = elections.list_candidates("vice", on=D + 4 * DAY, preliminary_votes={"王芳": 40, "李明": 30, "张伟": 20})
    assert listed.candidates == ("王芳", "李明")


def test_ol_27_2_binds_no_by_election(store):
    elections = county_in_session(store)
    elections.open("head", session_id="s1", office=Office.COUNTY_HEAD, seats=1, extra_candidates=0, by_election=True)
    elections.nominate("head", candidates("王芳"), by=Nominator.PRESIDIUM)
    assert elections.list_candidates("head", on=D).candidates == ("王芳",)


def test_ol_27_2_binds_no_township_congress(store):
    elections = township_in_session(store)
    elections.open("head", session_id="s1", office=Office.TOWNSHIP_HEAD, seats=1, extra_candidates=1)
    nominate_two(elections, "head")
    assert elections.list_candidates("head", on=D).candidates == ("李明", "王芳")


def test_an_election_cannot_open_before_its_session_nor_list_before_it_opened(store):
    elections = township_in_session(store)
    with pytest.raises(ProcedureError) as caught:
        elections.open("head", session_id="s1", office=Office.TOWNSHIP_HEAD, seats=1, extra_candidates=1, on=D - DAY)
    assert [r.code for r in caught.value.decision.failing] == ["election.before_session"]
    elections.open("head", session_id="s1", office=Office.TOWNSHIP_HEAD, seats=1, extra_candidates=1, on=D + DAY)
    elections.nominate("head", candidates("王芳"), by=Nominator.PRESIDIUM)
    with pytest.raises(ProcedureError) as caught:
        elections.list_candidates("head", on=D)
    assert [r.code for r in caught.value.decision.failing] == ["election.list_before_open"]
    assert elections.state("head").listed is None


def test_ol_27_2_a_preliminary_revote_is_dated_by_its_tied_vote(store):
    elections = county_in_session(store)
    elections.open("vice", session_id="s1", office=Office.DEPUTY_COUNTY_HEAD, seats=1, extra_candidates=1)
    nominate_two(elections, "vice")
    elections.nominate("vice", candidates("张伟"), by=Nominator.DEPUTIES, nominators=list(DEPUTIES)[10:20])
    tie = elections.list_candidates("vice", on=D + 3 * DAY, preliminary_votes={"王芳": 40, "李明": 20, "张伟": 20})
    assert tie.tied == ("张伟", "李明")
    nomination_refused(
        store, lambda: elections.revote_preliminary("vice", votes={"李明": 30, "张伟": 25}, on=D + 2 * DAY)
    )
    listed = elections.revote_preliminary("vice", votes={"李明": 30, "张伟": 25})  # on the tied vote's day
    assert listed.candidates == ("王芳", "李明")


def test_the_township_chair_and_vice_chairs_are_the_offices_on_the_presidium():
    """OL 19 ¶1: 乡、民族乡、镇的人民代表大会主席、副主席为主席团的成员."""
    assert {office for office in Office if office.presidium_member} == {
        Office.TOWNSHIP_CHAIR,
        Office.TOWNSHIP_VICE_CHAIR,
    }


def test_the_posts_strategy_draws_every_post_and_shrinks_toward_principal_posts():
    from hypothesis import find

    from npcproc.model.levels import Post
    from npcproc.testing.strategies import posts

    assert find(posts(), lambda post: True) is Post.PRINCIPAL
    assert {find(posts(), lambda post, wanted=wanted: post is wanted) for wanted in Post} == set(Post)


def test_only_a_county_congress_refers_a_recall_to_an_investigation_committee(store):
    """OL 31 ¶5: the investigation committee is a county congress's; a township's recall is refused."""
    elections = township_in_session(store)
    elections.open("vice", session_id="s1", office=Office.TOWNSHIP_VICE_CHAIR, seats=1, extra_candidates=1)
    elections.nominate("vice", candidates("d02"), by=Nominator.PRESIDIUM)
    elections.nominate("vice", candidates("d03"), by=Nominator.DEPUTIES, nominators=list(DEPUTIES)[10:20])
    elections.list_candidates("vice")
    elections.open_round("vice", on=D, present=ROLL)
    elections.count("vice", ballots("vice", 1, 1, {"d02": 40, "d03": 15}, 60), ballots_issued=60)
    Sessions(store).close("s1", on=D)
    open_session(store, "s2", LATER)
    recalls = Recalls(store)
    recalls.propose("r1", session_id="s2", office=Office.TOWNSHIP_VICE_CHAIR, holder_id="d02",
                    by=RecallProposer.PRESIDIUM, reasons="严重失职")  # fmt: skip
    before = store.stream_version("recall-r1")
    with pytest.raises(ProcedureError, match="refer to an investigation"):
        recalls.refer_to_investigation("r1", on=LATER)
    assert not recalls.state("r1").referred
    assert store.stream_version("recall-r1") == before


def test_a_county_congress_records_its_standing_committee_for_a_term(store):
    """OL 11 (4): the members a county congress elected to its standing committee, per term; each is a deputy."""
    county_in_session(store)
    congresses = Congresses(store)
    with pytest.raises(ProcedureError):
        congresses.set_standing_committee("t", term=1, members=["d01", "nobody"])
    assert congresses.state("t").standing_committee == {}
    congresses.set_standing_committee("t", term=1, members=["d01", "d02", "d03"])
    assert congresses.state("t").standing_committee == {1: ("d01", "d02", "d03")}
