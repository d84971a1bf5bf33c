"""Shandong's rules (SD), article by article, at each boundary: one case on each side.

The law text is the oracle: every test quotes the words it tests. SD binds township congresses
only, so each rule is also shown to leave a county congress to national law.
"""

from __future__ import annotations

import copy
import datetime
import json
import tomllib
from fractions import Fraction
from pathlib import Path

import npcproc_shandong
import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.congress import DeputyStatus, StatusChange
from npcproc.model.election import Candidate, ElectionBallot, Nominator, Office
from npcproc.model.session import Choice, ConveningBody, SessionKind
from npcproc.procedures import Congresses, Elections, PresidiumMeetings, Sessions, Suggestions
from npcproc.procedures.session.agenda import annual_agenda
from npcproc.procedures.session.checks import presidium_checks
from npcproc.record.audit import audit
from npcproc.record.load import _iso_dates, parse_record
from npcproc.rules import Citation, Decision
from npcproc.rules.decision import Binding
from npcproc.rules.parameters import CongressFacts
from npcproc.testing import prepare

D = datetime.date
EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "township-year.toml"

NOTICE_ON = D(2021, 12, 25)
ELECTIONS, ELECTED = D(2021, 11, 20), D(2022, 1, 5)


def deputies(n: int) -> dict[str, str]:
    return {f"d{k:03}": f"代表{k}" for k in range(1, n + 1)}


@pytest.fixture
def sd_rules(npcproc_rules):
    return npcproc_rules("SD", npcproc_shandong)


def township(rules, deputies_in_office: int | None = 60):
    return rules.for_congress(CongressFacts(level=Level.TOWNSHIP, population=30_000, deputies=deputies_in_office))


def county(rules, deputies_in_office: int | None = 200):
    return rules.for_congress(CongressFacts(level=Level.COUNTY, population=500_000, deputies=deputies_in_office))


def congress_of(rules, *, level: Level = Level.TOWNSHIP, n: int = 60, elections: D = ELECTIONS,
                elected: D = ELECTED) -> Sessions:  # fmt: skip
    """A congress of ``n`` deputies elected on ``elected`` (2022-01-05), its term's elections completed on
    ``elections`` (2021-11-20)."""
    from npcproc.store import MemoryStore

    store = MemoryStore()
    congresses = Congresses(store, rules)
    code, name = ("370102001", "某镇人民代表大会") if level is Level.TOWNSHIP else ("370102", "某区人民代表大会")
    congresses.establish(Congress(id="t", name=name, level=level, division_code=code, population=30_000,
                                  deputy_quota=max(n, 65)))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=elections)
    congresses.elect_deputies("t", deputies(n), term=1, on=elected)
    return Sessions(store, rules)


def prepared(rules, *, level: Level = Level.TOWNSHIP, n: int = 60, notice_on: D = NOTICE_ON) -> Sessions:
    sessions = congress_of(rules, level=level, n=n)
    sessions.plan("s", congress_id="t", opens_on=D(2022, 1, 5))
    sessions.give_notice("s", on=notice_on, materials_on=D(2022, 1, 3))
    return sessions


def members(k: int) -> list[str]:
    return list(deputies(k))


def codes(decision: Decision) -> list[tuple[str, str]]:
    return [(r.code, str(r.citation)) for r in decision.failing]


def notices(decision: Decision) -> list[tuple[str, str]]:
    return [(r.code, str(r.citation)) for r in decision.notices]


def presidium_decision(rules, size: int, n: int) -> Decision:
    """SD 8 ¶2's checks on a presidium of ``size`` in a township of ``n`` deputies in office."""
    resolved = township(rules, n)
    return Decision.of(*presidium_checks(resolved, members(size), D(2022, 1, 5), set(deputies(n)), (), ()))


# -- the plugin as a whole -------------------------------------------------------------------------


def test_the_plugin_conforms(npcproc_conformance):
    npcproc_conformance(npcproc_shandong)


#: The words of the cited clause each setting relies on (the law text is the oracle).
WORDS = {
    ("session.min_per_year", 1): "每年至少举行一次",
    ("session.extraordinary_proposal", Fraction(1, 5)): "经过五分之一以上的代表提议，可以临时召集",
    ("session.quorum", Fraction(2, 3)): "有三分之二以上的代表出席，始得举行",
    ("session.first_within_months", 2): "在本届人民代表大会代表选举完成后的两个月内举行",
    ("township.vice_chairs.min", 1): "设主席一人、副主席一人至二人",
    ("presidium.min_size", 7): "主席团一般由七人至十一人组成",
    ("presidium.max_size", 11): "主席团一般由七人至十一人组成",
    ("presidium.max_size", 13): "代表人数在九十人以上的乡镇，主席团成员不超过十三人",
    ("presidium.decision_majority", Fraction(1, 2)): "以主席团成员的过半数通过",
    ("presidium.convened_by_chair", 1): "主席团会议由乡镇人民代表大会主席召集",
    ("bill.sponsors.township", 5): "乡镇人民代表大会代表五人以上联名",
    ("session.heads_attend", 1): "乡长、副乡长，镇长、副镇长列席乡镇人民代表大会会议",
    ("session.attendees_admitted", 1): "经主席团决定，其他有关单位、部门和团体的负责人，可以列席",
    ("session.preparations", 1): "主席团在决定召集本级人民代表大会会议前，应做下列筹备工作",
    ("vote.result_announced", 1): "表决结果由会议执行主席当场宣布",
    ("bill.before_session", 1): "也可以在乡镇人民代表大会会议举行前提出",
    ("bill.by_deadline", 1): "提交本次代表大会的议案须在大会规定的截止日期前提出",
    ("recall.sponsors.township", Fraction(1, 5)): "五分之一以上代表联名",
    ("inquiry.sponsors.township", 10): "代表十人以上联名",
    ("session_committee.lists_required", 1): "通过会议议程、议案审查委员会和财政预算审查委员会人员名单",
    ("session_committee.budget_report_before_vote", 1): (
        "向大会提出审查结果的报告，并由主席团将预算及预算调整方案和预算执行情况的决议草案提请大会全体会议表决"
    ),
    ("session_group.conveners.min", 1): "由各代表团（组）推选的一至二名召集人主持",
    ("session_group.conveners.max", 2): "由各代表团（组）推选的一至二名召集人主持",
    ("session_group.presided_by_convener", 1): "由各代表团（组）推选的一至二名召集人主持",
    ("session_group.government_attends", 1): "进行审议的时候，乡镇人民政府应当派人到会",
    ("session_group.special_meeting_government", 1): "召集代表团（组）推选的代表进行讨论，乡镇人民政府应当派人参加会议",
    ("suggestion.reply_months", 2): "在大会闭会之日起两个月内",
    ("suggestion.reply_months_complex", 4): "遇有特殊情况至迟不超过四个月",
}


def test_every_setting_binds_townships_only_and_its_clause_says_it():
    assert {(s.parameter, s.value) for s in npcproc_shandong.SETTINGS} == set(WORDS)
    for setting in npcproc_shandong.SETTINGS:
        assert setting.levels == frozenset({Level.TOWNSHIP}), setting
        assert setting.citation.law == "SD"
        assert WORDS[(setting.parameter, setting.value)] in setting.citation.text(), setting


def test_sd_every_setting_binds_townships_only():
    assert {s.levels for s in npcproc_shandong.SETTINGS} == {frozenset({Level.TOWNSHIP})}


def test_sd_2_leaves_a_county_congress_to_national_law(sd_rules, npcproc_rules):
    national = county(npcproc_rules(None))
    shandong = county(sd_rules)
    for setting in npcproc_shandong.SETTINGS:
        assert shandong.effective(setting.parameter) == national.effective(setting.parameter)
        assert shandong.advised(setting.parameter) == national.advised(setting.parameter)
    assert township(sd_rules).effective("session.quorum").citation == Citation(law="SD", article=4, paragraph=3)


def test_sd_2_a_county_session_with_twenty_on_the_presidium_and_one_days_notice_is_fine(sd_rules):
    sessions = prepared(sd_rules, level=Level.COUNTY, n=200, notice_on=D(2022, 1, 4))
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=members(20), agenda=[])
    assert sessions.state("s").presidium == tuple(members(20))


def test_sd_relaxes_nothing(sd_rules):
    assert sd_rules.relaxations() == ()
    for facts in (CongressFacts(level=Level.TOWNSHIP, deputies=89), CongressFacts(level=Level.TOWNSHIP, deputies=90)):
        assert sd_rules.for_congress(facts).relaxations() == ()


# -- SD 4: sessions --------------------------------------------------------------------------------


def test_sd_4_1_once_a_year_binds_and_twice_stays_ol_14_1_advice(sd_rules):
    # SD 4 ¶1 "每年至少举行一次" (shall); OL 14 ¶1 "一般每年举行两次" (normally) is untouched by SD.
    rules = township(sd_rules)
    assert rules.rule("session.min_per_year").citation == Citation(law="SD", article=4, paragraph=1)
    assert rules.rule("session.min_per_year").value == 1
    advice = rules.advised("session.min_per_year")
    assert (advice.value, str(advice.citation), advice.binding) == (2, "OL 14 ¶1", Binding.NORMALLY)


def test_sd_4_1_one_session_is_lawful_with_a_notice_none_is_a_violation(sd_rules):
    sessions = prepared(sd_rules)
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=members(9), agenda=[])
    sessions.open("s", on=D(2022, 1, 5), present=members(60))
    held = annual_agenda(township(sd_rules), Level.TOWNSHIP, sessions.of_congress("t"), 2022)
    per_year = [r for r in held.reasons if r.code == "agenda.sessions_per_year"]
    assert [(r.ok, str(r.citation), r.binding) for r in per_year] == [
        (True, "SD 4 ¶1", Binding.SHALL), (False, "OL 14 ¶1", Binding.NORMALLY),
    ]  # fmt: skip
    none = annual_agenda(township(sd_rules), Level.TOWNSHIP, sessions.of_congress("t"), 2023)
    assert ("agenda.sessions_per_year", "SD 4 ¶1") in codes(none)
    assert ("agenda.sessions_per_year", "OL 14 ¶1") in notices(none)


def test_sd_4_2_one_fifth_of_deputies_may_propose_an_extraordinary_session(sd_rules):
    # "经过五分之一以上的代表提议": 12 of 60 suffice (以上 includes the number), 11 do not.
    rule = township(sd_rules).rule("session.extraordinary_proposal")
    assert (rule.value, str(rule.citation)) == (Fraction(1, 5), "SD 4 ¶2")
    assert township(sd_rules).extraordinary_session_threshold(60) == 12
    sessions = congress_of(sd_rules)
    sessions.plan("first", congress_id="t", opens_on=D(2022, 1, 5))
    sessions.plan("x12", congress_id="t", opens_on=D(2022, 6, 1), kind=SessionKind.EXTRAORDINARY,
                  convened_by=ConveningBody.DEPUTIES, proposers=members(12))  # fmt: skip
    with pytest.raises(ProcedureError) as caught:
        sessions.plan("x11", congress_id="t", opens_on=D(2022, 6, 1), kind=SessionKind.EXTRAORDINARY,
                      convened_by=ConveningBody.DEPUTIES, proposers=members(11))  # fmt: skip
    # The refusal cites the rule in force for a township: SD 4 ¶2.
    assert codes(caught.value.decision) == [("session.extraordinary_proposal", "SD 4 ¶2")]


def test_sd_4_2_a_county_extraordinary_session_is_judged_by_ol_14_3(sd_rules):
    assert county(sd_rules).effective("session.extraordinary_proposal").citation == Citation.parse("OL 14 ¶3")
    sessions = congress_of(sd_rules, level=Level.COUNTY, n=200)
    sessions.plan("first", congress_id="t", opens_on=D(2022, 1, 5))
    with pytest.raises(ProcedureError) as caught:
        sessions.plan("x", congress_id="t", opens_on=D(2022, 6, 1), kind=SessionKind.EXTRAORDINARY,
                      convened_by=ConveningBody.DEPUTIES, proposers=members(39))  # fmt: skip
    assert codes(caught.value.decision) == [("session.extraordinary_proposal", "OL 14 ¶3")]


def test_sd_4_3_two_thirds_present_to_hold_a_session(sd_rules):
    # "有三分之二以上的代表出席，始得举行": 40 of 60 hold it, 39 do not.
    sessions = prepared(sd_rules)
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=members(9), agenda=[])
    with pytest.raises(ProcedureError) as caught:
        sessions.open("s", on=D(2022, 1, 5), present=members(39))
    assert codes(caught.value.decision) == [("session.quorum", "SD 4 ¶3")]
    assert sessions.open("s", on=D(2022, 1, 5), present=members(40)).citations == (Citation.parse("SD 4 ¶3"),)


def test_sd_4_3_a_county_quorum_is_cited_from_ol_14_4(sd_rules):
    sessions = prepared(sd_rules, level=Level.COUNTY, n=200, notice_on=D(2022, 1, 4))
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=members(20), agenda=[])
    with pytest.raises(ProcedureError) as caught:
        sessions.open("s", on=D(2022, 1, 5), present=members(133))
    assert codes(caught.value.decision) == [("session.quorum", "OL 14 ¶4")]


# -- SD 6: the first session of a term -------------------------------------------------------------


def test_sd_6_the_first_session_within_two_months_of_the_elections(sd_rules):
    # "在本届人民代表大会代表选举完成后的两个月内举行": elections completed 2021-11-20, last day 2022-01-20.
    sessions = congress_of(sd_rules)
    with pytest.raises(ProcedureError) as caught:
        sessions.plan("late", congress_id="t", opens_on=D(2022, 1, 21))
    assert codes(caught.value.decision) == [("session.first_of_term", "SD 6")]
    sessions.plan("s", congress_id="t", opens_on=D(2022, 1, 20))


# -- SD 8 ¶2: the size of the presidium ------------------------------------------------------------


@pytest.mark.parametrize("size", [7, 11])
def test_sd_8_2_seven_to_eleven_members_give_no_notice(sd_rules, size):
    decision = presidium_decision(sd_rules, size, 60)
    assert decision.ok
    assert notices(decision) == []


@pytest.mark.parametrize(("size", "code"), [(6, "presidium.min_size"), (12, "presidium.max_size")])
def test_sd_8_2_outside_seven_to_eleven_is_a_notice_not_a_refusal(sd_rules, size, code):
    # "主席团一般由七人至十一人组成": "一般" is advice.
    decision = presidium_decision(sd_rules, size, 60)
    assert decision.ok
    assert notices(decision) == [(code, "SD 8 ¶2")]
    sessions = prepared(sd_rules)
    held = prepare(sessions, "s", on=D(2022, 1, 5), presidium=members(size), agenda=[])
    assert held.ok
    assert notices(held) == [(code, "SD 8 ¶2")]  # the command reports the notice it was judged with
    assert len(sessions.state("s").presidium) == size


def test_sd_8_2_below_ninety_deputies_there_is_no_hard_cap(sd_rules):
    # 89 deputies: the 13-member cap does not apply; 14 members is only a departure from "一般".
    decision = presidium_decision(sd_rules, 14, 89)
    assert decision.ok
    assert notices(decision) == [("presidium.max_size", "SD 8 ¶2")]
    sessions = prepared(sd_rules, n=89)
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=members(14), agenda=[])


def test_sd_8_2_with_ninety_deputies_thirteen_is_the_cap(sd_rules):
    # "代表人数在九十人以上的乡镇，主席团成员不超过十三人": at 90 deputies, 13 is lawful and expected; 14 is refused.
    thirteen = presidium_decision(sd_rules, 13, 90)
    assert thirteen.ok
    assert notices(thirteen) == []
    assert codes(presidium_decision(sd_rules, 14, 90)) == [("presidium.max_size", "SD 8 ¶2")]
    sessions = prepared(sd_rules, n=90)
    with pytest.raises(ProcedureError) as caught:
        prepare(sessions, "s", on=D(2022, 1, 5), presidium=members(14), agenda=[])
    assert codes(caught.value.decision) == [("presidium.max_size", "SD 8 ¶2")]
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=members(13), agenda=[])


def test_sd_8_2_counts_deputies_in_office_on_the_day(sd_rules):
    # 90 elected, one resigned on the day of the preparatory meeting: 89 in office, no hard cap.
    sessions = prepared(sd_rules, n=90)
    with pytest.raises(ProcedureError):
        prepare(sessions, "s", on=D(2022, 1, 5), presidium=members(14), agenda=[])
    sessions.congresses.change_status("t", "d090", StatusChange(status=DeputyStatus.DECEASED, on=D(2022, 1, 5)))
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=members(14), agenda=[])


def record_with(change) -> object:
    tree = copy.deepcopy(_iso_dates(tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))))
    change(tree["congresses"][0])
    return parse_record(json.dumps(tree, ensure_ascii=False).encode(), name="t.json", toml=False)


def presidium_findings(found):
    return [(f.severity, f.code, str(f.citation)) for f in found.findings if f.code.startswith("presidium.")]


def test_sd_8_2_through_npcproc_check(sd_rules):
    def sized(size: int, n: int):
        def change(congress):
            roll = congress["deputies"]
            roll += [{"id": f"e{k:02}", "name": f"增补{k}", "elected_on": "2022-01-05"} for k in range(n - len(roll))]
            ids = [d["id"] for d in roll]
            for session in congress["sessions"]:
                session["presidium"] = ids[:size]

        return audit(record_with(change), sd_rules)

    assert presidium_findings(sized(11, 89)) == []
    assert set(presidium_findings(sized(12, 89))) == {("notice", "presidium.max_size", "SD 8 ¶2")}
    assert set(presidium_findings(sized(13, 90))) == set()
    assert set(presidium_findings(sized(14, 90))) >= {("violation", "presidium.max_size", "SD 8 ¶2")}


# -- SD 13: 乡长、副乡长，镇长、副镇长列席……；经主席团决定，其他有关单位、部门和团体的负责人，可以列席 ----------


def test_sd_13_the_attendees_are_recorded_and_sd_caps_not_their_number(sd_rules):
    """SD 13 sets no number (BJ 16 ¶2's half does not bind Shandong): 31 attendees of 60 deputies open."""
    sessions = prepared(sd_rules)
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=members(9), agenda=[])
    attending = ["镇长", "副镇长", *(f"列席{k}" for k in range(29))]
    sessions.admit_attendees("s", attending)  # SD 13: by the presidium's decision (no heads are on record here)
    opened = sessions.open("s", on=D(2022, 1, 5), present=members(60), attending=attending)
    assert opened.ok
    assert [r.code for r in opened.reasons] == ["session.quorum"] + ["session.attendee_admitted"] * 31
    assert sessions.state("s").attending == tuple(sorted(attending))
    assert township(sd_rules).optional("session.max_attendees_fraction") is None


def test_sd_13_others_attend_by_the_presidiums_decision(sd_rules):
    """SD 13 "经主席团决定，其他有关单位、部门和团体的负责人，可以列席": one the presidium admitted / one it did not."""
    sessions = prepared(sd_rules)
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=members(9), agenda=[])
    sessions.admit_attendees("s", ["派出所所长"])
    with pytest.raises(ProcedureError) as caught:
        sessions.open("s", on=D(2022, 1, 5), present=members(60), attending=["派出所所长", "供电所所长"])
    assert codes(caught.value.decision) == [("session.attendee_admitted", "SD 13")]
    assert sessions.state("s").opened_on is None
    assert sessions.open("s", on=D(2022, 1, 5), present=members(60), attending=["派出所所长"]).ok


def test_sd_13_a_deputy_is_not_among_the_attendees(sd_rules):
    sessions = prepared(sd_rules)
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=members(9), agenda=[])
    sessions.admit_attendees("s", ["镇长", "d060"])  # the presidium's list, a deputy on it by mistake
    with pytest.raises(ProcedureError) as caught:
        sessions.open("s", on=D(2022, 1, 5), present=members(59), attending=["镇长", "d060"])
    assert codes(caught.value.decision) == [("attendance.attendee_is_deputy", "OL 21")]


# -- SD 28 ¶2: 主席团会议由乡镇人民代表大会主席召集，主席缺位时，由副主席召集 -----------------------------


def with_chairs(rules, *, elect: bool = True) -> tuple[Sessions, PresidiumMeetings]:
    """A township of 60 whose session of 5 January 2022 elected a presidium of nine and (with ``elect``)
    d001 chair and d002 vice-chair."""
    sessions = prepared(rules)
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=members(9), agenda=[])
    sessions.open("s", on=D(2022, 1, 5), present=members(60))
    elections = Elections(sessions.store, rules)
    offices = [("chair", Office.TOWNSHIP_CHAIR, "d001"), ("vice", Office.TOWNSHIP_VICE_CHAIR, "d002")]
    for election_id, office, deputy in offices if elect else []:
        elections.open(election_id, session_id="s", office=office, seats=1, extra_candidates=0 if
                       office is Office.TOWNSHIP_CHAIR else 1)  # fmt: skip
        elections.nominate(election_id, [Candidate(id=deputy, name=deputy)], by=Nominator.PRESIDIUM)
        if office is Office.TOWNSHIP_VICE_CHAIR:  # a vice post is contested (OL 27 ¶1): ten deputies name d003
            elections.nominate(election_id, [Candidate(id="d003", name="d003")], by=Nominator.DEPUTIES,
                               nominators=members(20)[10:])  # fmt: skip
        elections.list_candidates(election_id)
        elections.open_round(election_id, on=D(2022, 1, 5), present=members(60))
        ballots = [ElectionBallot(election_id=election_id, round=1, marks={deputy: Choice.YES}) for _ in range(50)]
        elections.count(election_id, ballots, ballots_issued=60)
    sessions.close("s", on=D(2022, 1, 5))
    return sessions, PresidiumMeetings(sessions.store, rules)


def test_sd_28_2_the_chair_convenes_a_presidium_meeting(sd_rules):
    _, meetings = with_chairs(sd_rules)
    held = meetings.hold_meeting("t", "m1", on=D(2022, 3, 1), present=members(9), convened_by="d001")
    assert [(r.code, r.ok, str(r.citation)) for r in held.reasons if r.code == "presidium.convener"] == [
        ("presidium.convener", True, "SD 28 ¶2")
    ]
    assert meetings.state("t").meetings["m1"].held.convened_by == "d001"


@pytest.mark.parametrize("convener", ["d002", ""], ids=["vice-chair", "not named"])
def test_sd_28_2_a_vice_chair_does_not_convene_while_the_chair_holds_the_post(sd_rules, convener):
    _, meetings = with_chairs(sd_rules)
    with pytest.raises(ProcedureError) as caught:
        meetings.hold_meeting("t", "m1", on=D(2022, 3, 1), present=members(9), convened_by=convener)
    assert codes(caught.value.decision) == [("presidium.convener", "SD 28 ¶2")]
    assert meetings.state("t").meetings == {}  # the refusal recorded nothing


def test_sd_28_2_the_vice_chair_convenes_when_the_chairs_post_is_vacant(sd_rules):
    sessions, meetings = with_chairs(sd_rules)
    Congresses(sessions.store, sd_rules).change_status("t", "d001", StatusChange(status=DeputyStatus.DECEASED,
                                                                                 on=D(2022, 2, 1)))  # fmt: skip
    with pytest.raises(ProcedureError) as caught:  # the former chair no longer holds the post (EL 54)
        meetings.hold_meeting("t", "m1", on=D(2022, 3, 1), present=members(9)[1:], convened_by="d001")
    assert codes(caught.value.decision) == [("presidium.convener", "SD 28 ¶2")]
    meetings.hold_meeting("t", "m1", on=D(2022, 3, 1), present=members(9)[1:], convened_by="d002")


def test_sd_28_2_leaves_a_county_and_other_provinces_alone(sd_rules, npcproc_rules):
    _, meetings = with_chairs(npcproc_rules(None))
    meetings.hold_meeting("t", "m1", on=D(2022, 3, 1), present=members(9), convened_by="d002")
    assert county(sd_rules).optional("presidium.convened_by_chair") is None


def test_sd_28_2_with_neither_post_on_record_nothing_is_compared(sd_rules):
    """Who holds the posts is known only from recorded elections: without them the convener is not judged."""
    _, meetings = with_chairs(sd_rules, elect=False)
    held = meetings.hold_meeting("t", "m1", on=D(2022, 3, 1), present=members(9))
    assert [r.code for r in held.reasons] == ["presidium.meeting_quorum"]


# -- SD 8 ¶4, SD 14 ¶1, SD 22, SD 23 ¶1: the national numbers, cited from SD ------------------------


def test_sd_8_4_presidium_decisions_need_more_than_half_of_all_members(sd_rules):
    rule = township(sd_rules).rule("presidium.decision_majority")
    assert (rule.value, str(rule.citation)) == (Fraction(1, 2), "SD 8 ¶4")
    assert county(sd_rules).optional("presidium.decision_majority") is None


def test_sd_14_1_five_deputies_may_submit_a_bill(sd_rules):
    from npcproc.model.session import Bill

    sessions = prepared(sd_rules)
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=members(9), agenda=[])
    sessions.open("s", on=D(2022, 1, 5), present=members(60))

    def bill(bill_id: str, k: int) -> Bill:
        return Bill(id=bill_id, subject="修路", grounds="路况差", proposal="修缮", sponsors=tuple(members(k)))

    with pytest.raises(ProcedureError) as caught:
        sessions.submit_bill("s", bill("b4", 4))
    assert codes(caught.value.decision) == [("bill.sponsors", "OL 22 ¶2")]  # the check cites OL 22 ¶2 (core)
    sessions.submit_bill("s", bill("b5", 5))
    assert township(sd_rules).effective("bill.sponsors.township").citation == Citation(
        law="SD", article=14, paragraph=1
    )


def test_sd_22_one_fifth_of_deputies_may_propose_a_recall(sd_rules):
    assert township(sd_rules).recall_sponsor_threshold(Level.TOWNSHIP, 60) == 12
    assert township(sd_rules).recall_sponsor_threshold(Level.TOWNSHIP, 61) == 13
    assert str(township(sd_rules).effective("recall.sponsors.township").citation) == "SD 22"


def test_sd_23_1_ten_deputies_may_file_an_inquiry(sd_rules):
    assert township(sd_rules).inquiry_sponsor_threshold(Level.TOWNSHIP) == 10
    assert str(township(sd_rules).effective("inquiry.sponsors.township").citation) == "SD 23 ¶1"


@pytest.mark.parametrize(("sponsors", "ok"), [(10, True), (9, False)])
def test_sd_23_1_a_department_may_be_questioned_under_ol_24_1_without_a_notice(sd_rules, sponsors, ok):
    # SD 23 ¶1 names the township government alone; it cannot narrow OL 24 ¶1 (see the README).
    from npcproc.model.election import InquiryTarget
    from npcproc.procedures import Inquiries

    sessions = prepared(sd_rules)
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=members(9), agenda=[])
    sessions.open("s", on=D(2022, 1, 5), present=members(60))
    call = lambda: Inquiries(sessions.store, sd_rules).file(  # noqa: E731
        "q", session_id="s", sponsors=members(sponsors), target=InquiryTarget.GOVERNMENT_DEPARTMENT, questions="道路"
    )
    if ok:
        decision = call()
        assert ("inquiry.department_target", "OL 24 ¶1") in [(r.code, str(r.citation)) for r in decision.reasons]
        assert notices(decision) == []
    else:
        with pytest.raises(ProcedureError) as refused:
            call()
        assert codes(refused.value.decision) == [("inquiry.sponsors", "SD 23 ¶1")]


# -- SD 15: replies to deputies' suggestions -------------------------------------------------------


def test_sd_15_two_months_and_at_most_four_in_special_circumstances(sd_rules, npcproc_rules):
    rules = township(sd_rules)
    assert rules.suggestion_reply_deadline(D(2023, 1, 5)) == D(2023, 3, 5 + 1)  # 3-5 is a Sunday (CC 203)
    assert rules.suggestion_reply_deadline(D(2023, 1, 3)) == D(2023, 3, 3)
    assert rules.suggestion_reply_deadline(D(2023, 1, 3), complex=True) == D(2023, 5, 4)  # 5-3 in the May Day holiday
    assert rules.suggestion_reply_deadline(D(2023, 2, 3), complex=True) == D(2023, 6, 5)  # 6-3 is a Saturday
    national = npcproc_rules(None)
    assert national.suggestion_reply_deadline(D(2023, 1, 3)) == D(2023, 4, 3)
    assert national.suggestion_reply_deadline(D(2023, 1, 3), complex=True) == D(2023, 7, 3)
    for name in ("suggestion.reply_months", "suggestion.reply_months_complex"):
        assert rules.effective(name).citation == Citation(law="SD", article=15)
        assert rules.effective(name).starts == "session_closed"  # "在大会闭会之日起" (counted by the core: see README)


def test_sd_15_a_deadline_in_the_national_day_holiday_moves_to_the_next_working_day(sd_rules):
    rules = township(sd_rules)
    assert rules.suggestion_reply_deadline(D(2025, 8, 1)) == D(2025, 10, 9)  # 10-01 to 10-08 are rest days
    assert rules.suggestion_reply_deadline(D(2025, 6, 1), complex=True) == D(2025, 10, 9)
    assert rules.suggestion_reply_deadline(D(2025, 7, 28)) == D(2025, 9, 28)  # an adjusted working Sunday


def test_sd_15_leaves_a_county_suggestion_to_dl_51(sd_rules):
    rules = county(sd_rules)
    assert rules.suggestion_reply_deadline(D(2023, 1, 3)) == D(2023, 4, 3)
    assert rules.suggestion_reply_deadline(D(2023, 1, 3), complex=True) == D(2023, 7, 3)


def test_sd_15_through_the_suggestions_procedure(sd_rules):
    sessions = congress_of(sd_rules)
    suggestions = Suggestions(sessions.store, sd_rules)
    suggestions.submit("t", "s1", deputies=["d001"], subject="排水", content="关于排水的建议", on=D(2023, 1, 3))
    assert suggestions.refer("t", "s1", unit="镇政府", on=D(2023, 1, 3)) == D(2023, 3, 3)
    suggestions.submit("t", "s2", deputies=["d001"], subject="修路", content="关于修路的建议", on=D(2023, 1, 3))
    assert suggestions.refer("t", "s2", unit="镇政府", on=D(2023, 1, 3), complex=True) == D(2023, 5, 4)


def test_sd_15_a_county_suggestion_through_the_procedure_gets_three_months(sd_rules):
    sessions = congress_of(sd_rules, level=Level.COUNTY, n=200)
    suggestions = Suggestions(sessions.store, sd_rules)
    suggestions.submit("t", "s1", deputies=["d001"], subject="排水", content="关于排水的建议", on=D(2023, 1, 3))
    assert suggestions.refer("t", "s1", unit="区政府", on=D(2023, 1, 3)) == D(2023, 4, 3)


def test_sd_15_through_npcproc_check(sd_rules):
    # s1 is referred on 2022-01-31: under SD 15 the reply is due 2022-03-31 (not DL 51's 2022-04-30).
    def replied(on: str, *, complex: bool = False):
        def change(congress):
            congress["suggestions"][0]["replies"] = [{"on": on, "category": "resolved"}]
            congress["suggestions"][0]["ratings"] = []
            congress["suggestions"][0]["closed_on"] = None
            congress["suggestions"][0]["complex"] = complex

        found = audit(record_with(change), sd_rules)
        return [(f.code, str(f.citation)) for f in found.violations if "suggestions[0]" in f.where]

    assert replied("2022-03-31") == []
    assert replied("2022-04-01") == [("record.reply_late", "SD 15")]
    assert replied("2022-05-31", complex=True) == []
    assert replied("2022-06-01", complex=True) == [("record.reply_late", "SD 15")]


def test_sd_8_2_is_cited_from_the_law_text_this_plugin_ships():
    """The core ships national law only; this plugin registers its own regulations, so a manager
    holding the core and this plugin alone quotes the clause, and explanations name the regulation."""
    from npcproc.plugins import create_plugin_manager as manager
    from npcproc.rules import Citation as Cite
    from npcproc.rules.laws import clause_text, read_law_texts

    assert not {law.key for law in read_law_texts("npcproc", "data/laws.json")} & {"SD"}
    alone = manager(autoload=False, plugins=(npcproc_shandong,))
    assert (
        clause_text("SD", 8, 2, pm=alone)
        == "主席团一般由七人至十一人组成。代表人数在九十人以上的乡镇，主席团成员不超过十三人。"
    )
    assert Cite(law="SD", article=8, paragraph=2).label("zh") == "《山东省乡镇人民代表大会工作若干规定》第8条第2款"


# -- SD 33: 本规定自公布之日起施行 (adopted 14 June 1995) -------------------------------------------------


def test_sd_33_every_setting_is_in_force_from_14_june_1995():
    assert {s.in_force_from for s in npcproc_shandong.SETTINGS} == {D(1995, 6, 14)}


@pytest.mark.parametrize(
    ("opens", "expected"), [(D(1995, 6, 13), []), (D(1995, 6, 14), [("presidium.max_size", "SD 8 ¶2")])]
)
def test_sd_33_in_force_from_14_june_1995(sd_rules, opens, expected):
    """SD 8 ¶2 "主席团一般由七人至十一人组成": a presidium of twelve is a notice from the day SD took effect;
    the day before, national law alone (which sets no size) judges it."""
    sessions = congress_of(sd_rules, elections=D(1995, 5, 1), elected=D(1995, 5, 1))
    sessions.plan("s", congress_id="t", opens_on=opens)
    sessions.give_notice("s", on=opens - datetime.timedelta(days=10), materials_on=opens)
    held = prepare(sessions, "s", on=opens, presidium=members(12), agenda=[])
    assert held.ok
    assert notices(held) == expected
