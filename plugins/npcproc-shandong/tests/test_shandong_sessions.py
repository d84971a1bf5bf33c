"""SD 14 ¶2 with SD 9 (3) (the deadline for deputies' bills the presidium fixes; bills also before the session)
and SD 13 (the head and deputy heads attend), through the procedures and npcproc check, at each boundary; a county
congress keeps national law."""

from __future__ import annotations

import datetime

import npcproc_shandong
import pytest
from test_shandong import codes, congress_of, members, record_with

from npcproc.errors import ProcedureError
from npcproc.model import Level
from npcproc.model.session import Bill
from npcproc.record.audit import audit
from npcproc.testing import prepare

D = datetime.date
OPENS = D(2022, 1, 5)


@pytest.fixture
def sd_rules(npcproc_rules):
    return npcproc_rules("SD", npcproc_shandong)


def bill(bid: str = "b", *, sponsors: int = 5) -> Bill:
    return Bill(id=bid, subject="村道", grounds="失修", proposal="修缮", sponsors=tuple(members(sponsors)))


DEADLINE = D(2022, 1, 5)


def sitting(rules, *, level: Level = Level.TOWNSHIP, deadline: D | None = DEADLINE):
    """A session of 60 deputies opened on 5 January 2022, whose presidium fixed ``deadline`` (SD 9 (3))."""
    sessions = congress_of(rules, level=level)
    sessions.plan("s", congress_id="t", opens_on=OPENS)
    sessions.give_notice("s", on=D(2021, 12, 25), materials_on=D(2022, 1, 3))
    prepare(sessions, "s", on=OPENS, presidium=members(9), agenda=[])
    if deadline is not None:
        sessions.fix_bill_deadline("s", deadline=deadline)
    sessions.open("s", on=OPENS, present=members(60))
    return sessions


# -- SD 14 ¶2 "提交本次代表大会的议案须在大会规定的截止日期前提出" -------------------------------------------------


def test_sd_14_2_a_bill_on_the_deadline_is_in_time(sd_rules):
    sessions = sitting(sd_rules)
    sessions.submit_bill("s", bill(), on=D(2022, 1, 5))
    assert list(sessions.state("s").bills) == ["b"]


def test_sd_14_2_bill_after_deadline_is_refused(sd_rules):
    sessions = sitting(sd_rules)
    with pytest.raises(ProcedureError) as caught:
        sessions.submit_bill("s", bill(), on=D(2022, 1, 6))
    assert codes(caught.value.decision) == [("bill.deadline", "SD 14 ¶2")]
    assert "已过主席团规定的截止日期2022-01-05" in caught.value.decision.explain("zh")
    assert sessions.state("s").bills == {}


def test_sd_14_2_leaves_a_county_bill_after_the_deadline_alone(sd_rules):
    sessions = sitting(sd_rules, level=Level.COUNTY)
    sessions.submit_bill("s", bill(sponsors=10), on=D(2022, 1, 6))
    assert list(sessions.state("s").bills) == ["b"]


def test_sd_14_2_national_law_alone_binds_no_bill_to_the_deadline(npcproc_rules):
    sessions = sitting(npcproc_rules(None))
    sessions.submit_bill("s", bill(), on=D(2022, 1, 6))
    assert list(sessions.state("s").bills) == ["b"]


# -- SD 14 ¶2 "也可以在乡镇人民代表大会会议举行前提出" ------------------------------------------------------------


def test_sd_14_2_a_deputies_bill_may_come_before_the_session(sd_rules):
    sessions = congress_of(sd_rules)
    sessions.plan("s", congress_id="t", opens_on=OPENS)
    sessions.submit_bill("s", bill(), on=D(2021, 12, 20))
    assert sessions.state("s").bills_on == {"b": D(2021, 12, 20)}


def test_sd_14_2_before_the_session_only_in_a_township(sd_rules):
    sessions = congress_of(sd_rules, level=Level.COUNTY)
    sessions.plan("s", congress_id="t", opens_on=OPENS)
    with pytest.raises(ProcedureError) as caught:
        sessions.submit_bill("s", bill(sponsors=10), on=D(2021, 12, 20))
    assert codes(caught.value.decision) == [("session.wrong_stage", "OL 14")]


# -- through `npcproc check` ----------------------------------------------------------------------


def bill_findings(sd_rules, submitted: str, *, level: str = "township"):
    def change(year):
        if level == "county":
            year.update(level="county", division_code="370102", population=500_000)
        session = year["sessions"][0]
        session["bill_deadline"] = "2022-01-05"
        session["bills"][0]["submitted_on"] = submitted
        session["bills"][1]["submitted_on"] = "2021-12-30"

    found = audit(record_with(change), sd_rules).findings
    dated = ("bill.deadline", "bill.undated")
    return [(f.severity, f.where, f.code, str(f.citation)) for f in found if f.code in dated]


def test_check_sd_14_2_a_bill_on_the_deadline_is_in_time(sd_rules):
    assert bill_findings(sd_rules, "2022-01-05") == []


def test_check_sd_14_2_a_bill_after_the_deadline_is_a_violation(sd_rules):
    assert bill_findings(sd_rules, "2022-01-06") == [
        ("violation", "congresses[0].sessions[0].bills[0]", "bill.deadline", "SD 14 ¶2")
    ]


def test_check_sd_14_2_leaves_a_county_record_alone(sd_rules):
    assert bill_findings(sd_rules, "2022-01-06", level="county") == []


# -- SD 13 "乡长、副乡长，镇长、副镇长列席乡镇人民代表大会会议" -------------------------------------------------------


def with_heads(rules, *, level: Level = Level.TOWNSHIP):
    """A prepared session of 60 deputies; the township head 王镇长 and the deputy heads 赵副镇长 and d007 (a deputy)."""
    from npcproc.procedures import Congresses

    sessions = congress_of(rules, level=level)
    Congresses(sessions.store, rules).record_heads("t", heads=["王镇长"], deputy_heads=["赵副镇长", "d007"],
                                                   on=D(2021, 12, 1))  # fmt: skip
    sessions.plan("s", congress_id="t", opens_on=OPENS)
    sessions.give_notice("s", on=D(2021, 12, 25), materials_on=D(2022, 1, 3))
    prepare(sessions, "s", on=OPENS, presidium=members(9), agenda=[])
    return sessions


def test_sd_13_the_head_and_deputy_heads_attend(sd_rules):
    sessions = with_heads(sd_rules)
    sessions.open("s", on=OPENS, present=members(60), attending=["王镇长", "赵副镇长"])
    assert sessions.state("s").attending == ("王镇长", "赵副镇长")


def test_sd_13_a_deputy_head_not_attending_is_refused(sd_rules):
    sessions = with_heads(sd_rules)
    with pytest.raises(ProcedureError) as caught:
        sessions.open("s", on=OPENS, present=members(60), attending=["王镇长"])
    assert codes(caught.value.decision) == [("session.head_attends", "SD 13")]
    assert "赵副镇长" in caught.value.decision.explain("zh")
    assert sessions.state("s").opened_on is None


def test_ol_21_national_law_alone_requires_the_heads_too(npcproc_rules):
    """SD 13 restates OL 21 "乡级的人民政府领导人员，列席本级人民代表大会会议": without SD the national rule binds."""
    sessions = with_heads(npcproc_rules(None))
    with pytest.raises(ProcedureError) as refused:
        sessions.open("s", on=OPENS, present=members(60))
    assert {(r.code, str(r.citation)) for r in refused.value.decision.failing} == {("session.head_attends", "OL 21")}


def test_sd_13_through_npcproc_check(sd_rules):
    def start(heads: list[str], level: str = "township"):
        def change(year):
            if level == "county":
                year.update(level="county", division_code="370102", population=500_000)
            year["township_heads"] = heads

        found = audit(record_with(change), sd_rules).findings
        return [(f.severity, f.where, str(f.citation)) for f in found if f.code == "session.head_attends"]

    assert start([]) == []  # the head elected at the first session attends the second (the example's attending)
    assert start(["老镇长"]) == [("violation", "congresses[0].sessions[0].attending", "SD 13")]
    assert start(["老镇长"], level="county") == []


# -- SD 26 ¶3 "表决结果由会议执行主席当场宣布" ---------------------------------------------------------------------


def voted(rules, *, level: Level = Level.TOWNSHIP):
    """A session of 60 deputies, presidium d001-d009, with an open show-of-hands vote on an agenda item: 40 yes."""
    from npcproc.model.session import AgendaItem, AgendaItemKind, Choice, VoteMethod

    sessions = congress_of(rules, level=level)
    sessions.plan("s", congress_id="t", opens_on=OPENS)
    sessions.give_notice("s", on=D(2021, 12, 25), materials_on=D(2022, 1, 3))
    item = AgendaItem(id="budget", kind=AgendaItemKind.BUDGET, title="预算")
    prepare(sessions, "s", on=OPENS, presidium=members(9), agenda=[item])
    sessions.open("s", on=OPENS, present=members(60))
    sessions.open_vote("s", "v", subject="budget", method=VoteMethod.SHOW_OF_HANDS, on=OPENS, present=members(60))
    for deputy in members(40):
        sessions.cast("s", "v", deputy, Choice.YES)
    return sessions


def test_sd_26_3_the_executive_chair_announces_the_result(sd_rules):
    sessions = voted(sd_rules)
    tally = sessions.close_vote("s", "v", announced_by="d001")
    assert tally.passed
    assert sessions.state("s").votes["v"].announced_by == "d001"


@pytest.mark.parametrize(("announced_by", "code"), [(None, "vote.announced"), ("d010", "vote.announcer")])
def test_sd_26_3_a_result_not_announced_by_a_presidium_member_is_refused(sd_rules, announced_by, code):
    sessions = voted(sd_rules)
    with pytest.raises(ProcedureError) as caught:
        sessions.close_vote("s", "v", announced_by=announced_by)
    assert codes(caught.value.decision) == [(code, "SD 26 ¶3")]
    assert sessions.state("s").votes["v"].tally is None  # the vote stays open, nothing recorded


def test_sd_26_3_leaves_a_county_vote_alone(sd_rules):
    sessions = voted(sd_rules, level=Level.COUNTY)
    assert sessions.close_vote("s", "v").yes == 40


def test_sd_26_3_through_npcproc_check(sd_rules):
    def announced(by: str | None, level: str = "township"):
        def change(year):
            if level == "county":
                year.update(level="county", division_code="370102", population=500_000)
            year["sessions"][0]["votes"][0]["announced_by"] = by

        found = audit(record_with(change), sd_rules).findings
        return [(f.severity, f.where, f.code, str(f.citation)) for f in found if f.code.startswith("vote.announce")]

    assert announced("d01") == []
    assert announced(None) == [("violation", "congresses[0].sessions[0].votes[0]", "vote.announced", "SD 26 ¶3")]
    assert announced("d31") == [("violation", "congresses[0].sessions[0].votes[0]", "vote.announcer", "SD 26 ¶3")]
    assert announced(None, level="county") == []


def test_sd_the_demo_runs_under_shandong_rules(tmp_path, monkeypatch):
    """The demo year (its mid-year session lists the head it elected, SD 13; each result announced, SD 26 ¶3)."""
    from npcproc.cli import main

    monkeypatch.delenv("NPCPROC_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    assert main(["demo", "--province", "SD", "--db", str(tmp_path / "demo.db")]) == 0


# -- SD 29 "主席团在决定召集本级人民代表大会会议前，应做下列筹备工作" --------------------------------------------------


def planned_sd(rules, *, level: Level = Level.TOWNSHIP):
    from npcproc.procedures import Preparations

    sessions = congress_of(rules, level=level)
    sessions.plan("s", congress_id="t", opens_on=OPENS)
    return sessions, Preparations(sessions.store, rules)


EARLY = D(2021, 12, 20)


def every_draft(preparations, *, on: D = EARLY, leave_out=()):
    from npcproc.procedures.session.preparations import REQUIRED

    for step in REQUIRED:
        if step not in leave_out:
            preparations.record("s", step, on=on)


def test_sd_29_every_draft_made_before_the_session(sd_rules):
    sessions, preparations = planned_sd(sd_rules)
    every_draft(preparations, on=OPENS)  # the opening day itself is before the session sits
    sessions.give_notice("s", on=D(2021, 12, 25), materials_on=D(2022, 1, 3))
    prepare(sessions, "s", on=OPENS, presidium=members(9), agenda=[])
    decision = preparations.check("s")
    assert decision.ok
    assert len(decision.reasons) == 4
    assert {str(r.citation) for r in decision.reasons} == {"SD 29"}


def test_sd_29_a_session_without_its_draft_presidium_list_is_a_violation(sd_rules):
    from npcproc.model.session import PreparationStep

    _sessions, preparations = planned_sd(sd_rules)
    every_draft(preparations, leave_out=(PreparationStep.DRAFT_PRESIDIUM,))
    decision = preparations.check("s")
    assert codes(decision) == [("session.preparation", "SD 29")]
    assert "提出下次会议主席团名单草案" in decision.explain("zh")


def test_sd_29_a_preparation_after_the_opening_day_or_the_preparatory_meeting_is_refused(sd_rules):
    from npcproc.errors import InvalidArgumentError
    from npcproc.model.session import PreparationStep

    sessions, preparations = planned_sd(sd_rules)
    with pytest.raises(InvalidArgumentError):
        preparations.record("s", PreparationStep.DRAFT_AGENDA, on=D(2022, 1, 6))
    sessions.give_notice("s", on=D(2021, 12, 25), materials_on=D(2022, 1, 3))
    prepare(sessions, "s", on=OPENS, presidium=members(9), agenda=[])
    with pytest.raises(ProcedureError) as caught:
        preparations.record("s", PreparationStep.DRAFT_AGENDA, on=OPENS)
    assert codes(caught.value.decision) == [("session.wrong_stage", "OL 14")]
    assert sessions.state("s").preparations == {}


def test_sd_29_leaves_a_county_session_alone(sd_rules):
    _sessions, preparations = planned_sd(sd_rules, level=Level.COUNTY)
    assert preparations.check("s").reasons == ()


def test_sd_29_through_npcproc_check(sd_rules):
    def prepared_on(day: str | None, level: str = "township"):
        def change(year):
            if level == "county":
                year.update(level="county", division_code="370102", population=500_000)
            for session in year["sessions"]:  # the example's sessions open on 2022-01-05 and 2022-07-06
                steps = ["draft_agenda", "draft_attendees", "draft_committees", "draft_presidium"]
                session["preparations"] = [{"step": step, "on": day or session["opens_on"]} for step in steps]
            year["sessions"][1]["preparations"].pop()  # no draft presidium list for the mid-year session

        found = audit(record_with(change), sd_rules).findings
        return [(f.severity, f.where, str(f.citation)) for f in found if f.code == "session.preparation"]

    mid_year = ("violation", "congresses[0].sessions[1].preparations", "SD 29")
    assert prepared_on(None) == [mid_year]  # on each opening day: in time
    late = prepared_on("2022-01-06")  # the day after the early-year session opened
    assert late == [("violation", "congresses[0].sessions[0].preparations", "SD 29")] * 4 + [mid_year]
    assert prepared_on(None, level="county") == []
