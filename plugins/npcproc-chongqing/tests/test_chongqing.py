"""Chongqing's rules (CQ), each tested at its boundary, read against the text of the regulation.

Every test is named after the article and paragraph it tests. The regulation binds township
congresses only: each rule is also shown to leave a county congress untouched.
"""

from __future__ import annotations

import copy
import datetime
import json
import tomllib
from fractions import Fraction
from pathlib import Path

import npcproc_chongqing
import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.election import AnswerForm, Candidate, ElectionBallot, InquiryTarget, Nominator, Office
from npcproc.model.levels import Post
from npcproc.model.session import AgendaItem, AgendaItemKind, Bill, BillStatus, Choice, SessionKind
from npcproc.model.suggestion import ReplyCategory
from npcproc.plugins import create_plugin_manager, load_rules
from npcproc.procedures import Congresses, Elections, Inquiries, PresidiumMeetings, Recalls, Sessions, Suggestions
from npcproc.record.audit import audit
from npcproc.record.load import _iso_dates, parse_record
from npcproc.report import read_year
from npcproc.rules import Citation
from npcproc.rules.decision import Binding
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
DEPUTIES = {f"d{n:02}": f"代表{n}" for n in range(1, 61)}  # sixty deputies
EVERYONE = list(DEPUTIES)
K = AgendaItemKind
#: What a township congress decides each year (OL 12), so that the annual check is otherwise clean.
OL_12_ITEMS = tuple(
    AgendaItem(id=kind.value, kind=kind, title=kind.value)
    for kind in (K.CONSTRUCTION_PLAN, K.BUDGET, K.BUDGET_EXECUTION, K.FINAL_ACCOUNTS, K.CIVIL_AFFAIRS_PLAN,
                 K.GOVERNMENT_REPORT, K.PRESIDIUM_REPORT)
)  # fmt: skip
SPECIAL = AgendaItem(id="special", kind=K.SPECIAL_WORK_REPORT, title="关于农村人居环境整治工作情况的报告")
#: ... and CQ 8 ¶1's special work report, which one session of a township's year hears.
TOWNSHIP_YEAR = (*OL_12_ITEMS, SPECIAL)
ELECTION = AgendaItem(id="election", kind=K.ELECTION, title="选举乡长")
ELECTED = D(2022, 12, 1)
EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "township-year.toml"


def cq(article: int, paragraph: int | None = None, item: int | None = None) -> Citation:
    return Citation(law="CQ", article=article, paragraph=paragraph, item=item)


def chongqing():
    return load_rules("CQ", pm=create_plugin_manager(autoload=False, plugins=(npcproc_chongqing,)))


def national():
    return load_rules(None, pm=create_plugin_manager(autoload=False))


def congress(store, rules, *, level=Level.TOWNSHIP, population=30_000, elected=ELECTED) -> Congresses:
    """A congress "c" of sixty deputies elected on ``elected``."""
    code = "500101001" if level is Level.TOWNSHIP else "500101"
    quota = 65 if level is Level.TOWNSHIP else 200
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="c", name="某镇人民代表大会", level=level, division_code=code,
                                  population=population, deputy_quota=quota))  # fmt: skip
    congresses.begin_term("c", 1, elections_completed_on=elected)
    congresses.elect_deputies("c", DEPUTIES, term=1, on=elected)
    return congresses


#: CQ 21 ¶1: the offices a term's first session elects (the vice-chair is a permission, CQ 6), and who is elected.
FIRST_SESSION_POSTS = {Office.TOWNSHIP_CHAIR: "d01", Office.TOWNSHIP_HEAD: "d02", Office.DEPUTY_TOWNSHIP_HEAD: "d03"}


def elect(store, rules, sid: str, on: datetime.date, office: Office, holder: str, *, yes: int = 50) -> None:
    """One seat of ``office`` at session ``sid``: ``holder`` the presidium's nominee (with d60, ten deputies' nominee,
    beside them for a vice post, OL 27 ¶1: one more), ``yes`` of sixty ballots for them (31 or more elect: OL 25)."""
    elections, eid = Elections(store, rules), f"{sid}-{office.value}"
    extra = 1 if office.post is Post.DEPUTY_POST else 0
    elections.open(eid, session_id=sid, office=office, seats=1, extra_candidates=extra)
    elections.nominate(eid, [Candidate(id=holder, name=DEPUTIES[holder])], by=Nominator.PRESIDIUM)
    if extra:
        elections.nominate(eid, [Candidate(id="d60", name=DEPUTIES["d60"])], by=Nominator.DEPUTIES,
                           nominators=EVERYONE[10:20])  # fmt: skip
    elections.list_candidates(eid)
    elections.open_round(eid, on=on, present=EVERYONE)
    ballots = [ElectionBallot(election_id=eid, round=1, marks={holder: Choice.YES if n < yes else Choice.NO})
               for n in range(60)]  # fmt: skip
    elections.count(eid, ballots, ballots_issued=60)


def hold(
    sessions: Sessions, sid: str, opens: datetime.date, *, kind=SessionKind.REGULAR, days=Fraction(1),
    agenda=TOWNSHIP_YEAR, presidium=EVERYONE[:9], close=True, posts=(),
) -> None:  # fmt: skip
    """Plan, notify ten days ahead, prepare, open, elect ``posts`` (offices, one holder each from
    FIRST_SESSION_POSTS) and (by default) close a session."""
    sessions.plan(sid, congress_id="c", opens_on=opens, kind=kind, days=days)
    sessions.give_notice(sid, on=opens - datetime.timedelta(days=10), materials_on=opens)
    prepare(sessions, sid, on=opens, presidium=presidium, agenda=agenda)
    sessions.open(sid, on=opens, present=EVERYONE)
    for office in posts:
        elect(sessions.store, sessions.rules, sid, opens, office, FIRST_SESSION_POSTS[office])
    if close:
        sessions.close(sid, on=opens)


def refusal(call) -> list[tuple[str, str]]:
    """The (code, citation) of every failing reason of a refused call."""
    with pytest.raises(ProcedureError) as caught:
        call()
    return [(r.code, str(r.citation)) for r in caught.value.decision.failing]


# -- the plugin and its citations ----------------------------------------------------------------


def test_the_plugin_conforms(npcproc_conformance):
    npcproc_conformance(npcproc_chongqing)


#: The words of the cited clause each setting relies on (the law text is the oracle).
WORDS = {
    ("credentials.reviews_next_term", 1): "换届时选出的下一届代表的代表资格",
    ("restraint.presidium_reports_to_next_session", 1): "由主席团报告下一次人民代表大会会议",
    ("township_head.ethnic_minority", 1): "民族乡的乡长由建立民族乡的少数民族公民担任",
    ("session.min_per_year", 2): "一般每年举行两次",
    ("session.min_days", 1): "每次会议不少于一天",
    ("session.materials_days", 0): "会议文件应当提前送达与会代表",
    ("session.notice_days", 10): "会议举行的十日前，主席团将开会日期和建议议程通知代表",
    ("bill.unlisted_becomes_suggestion", 1): "未列入大会议程的应转为建议",
    ("session.heads_attend", 1): "不是本级人民代表大会代表的乡长、副乡长，镇长、副镇长列席本级人民代表大会会议",
    ("session.attendees_admitted", 1): "经主席团决定，可以列席",
    ("bill.before_session", 1): "应当在大会主席团作出召开乡、民族乡、镇人民代表大会会议的决定之日起",
    ("bill.by_deadline", 1): "至代表议案截止时间之前提出",
    ("suggestion.reply_months", 2): "从交办之日起两个月内办结",
    ("suggestion.reply_months_complex", 4): "最迟不得超过四个月",
    ("suggestion.urgent_due_at_session_close", 1): "对迫切需要办理又有条件办理的，有关机关和组织应当在会议期间办理",
    ("suggestion.handling_report_published", 1): "代表建议、批评和意见及其办理情况，应当予以公开",
    ("inquiry.complex_answer_months", 2): "质询案情况复杂的，经主席团决定，由受质询机关在大会闭会后两个月内",
    ("presidium.min_size", 7): "由代表七人至十一人组成",
    ("presidium.max_size", 11): "由代表七人至十一人组成",
    ("presidium.max_size", 13): "九万人以上的，最多不超过十三人",
    ("presidium.members_no_admin_post", 1): "主席团成员不得担任国家行政机关职务",
    (
        "resignation.presidium_may_accept",
        1,
    ): "可以接受乡、民族乡、镇人民代表大会主席团个别成员和乡、民族乡、镇人民政府个别领导人员的辞职",
    ("presidium.min_meetings_per_quarter", 1): "每个季度至少召开一次会议",
    ("presidium.meeting_quorum", Fraction(1, 2)): "主席团会议必须有全体成员的过半数出席",
    ("presidium.decision_majority", Fraction(1, 2)): "主席团的决议和决定，以全体成员的过半数通过",
    ("credentials.committee_required", 1): "乡、民族乡、镇人民代表大会设立代表资格审查委员会",
    ("credentials.nominated_by_presidium", 1): "由主席团在主席团成员中提名，委员由主席团在本届人民代表大会代表中提名",
    ("credentials.members_from_deputies", 1): "委员由主席团在本届人民代表大会代表中提名",
    ("credentials.chairs_from_presidium", 1): "主任委员、副主任委员由主席团在主席团成员中提名",
    ("credentials.chair", 1): "设主任委员、副主任委员各一人",
    ("credentials.vice_chairs.min", 1): "设主任委员、副主任委员各一人",
    ("credentials.vice_chairs.max", 1): "设主任委员、副主任委员各一人",
    ("credentials.members.min", 3): "委员三至五人",
    ("credentials.members.max", 5): "委员三至五人",
    ("deputy_group.leader", 1): "代表小组由本小组代表推选组长、副组长负责组织开展活动",
    ("deputy_group.min_activities_per_quarter", 1): "代表小组每个季度至少开展一次活动",
}


def test_every_setting_binds_townships_only_and_its_clause_says_it():
    assert {(s.parameter, s.value) for s in npcproc_chongqing.SETTINGS} == set(WORDS)
    for setting in npcproc_chongqing.SETTINGS:
        assert setting.levels == frozenset({Level.TOWNSHIP}), setting
        assert setting.citation.law == "CQ"
        assert WORDS[(setting.parameter, setting.value)] in setting.citation.text(), setting
        normally = "一般" in WORDS[(setting.parameter, setting.value)]
        assert (setting.binding is Binding.NORMALLY) == normally, setting


def test_a_county_congress_in_chongqing_has_national_rules_only():
    from npcproc.rules.parameters import CongressFacts

    county = chongqing().for_congress(CongressFacts(level=Level.COUNTY, population=500_000, deputies=200))
    assert all(entry.citation is None or entry.citation.law != "CQ" for entry in county.parameters.values())
    assert all(entry.citation is None or entry.citation.law != "CQ" for entry in county.advisory.values())


# -- CQ 8 ¶1 -------------------------------------------------------------------------------------


def test_cq_8_1_two_sessions_a_year_is_normally_so_one_session_is_a_notice_not_a_violation():
    rules, store = chongqing(), MemoryStore()
    congress(store, rules)
    sessions = Sessions(store, rules)
    hold(sessions, "2023-1", D(2023, 1, 10), posts=FIRST_SESSION_POSTS)  # CQ 21 ¶1: the term's first session
    one = sessions.year_check("c", 2023)
    assert one.ok, one.explain()
    assert [(r.code, str(r.citation)) for r in one.notices] == [("agenda.sessions_per_year", "CQ 8 ¶1")]
    hold(sessions, "2023-2", D(2023, 7, 10))
    two = sessions.year_check("c", 2023)
    assert two.ok
    assert two.notices == ()


def special_reasons(year_check) -> list[tuple[str, bool, str, object]]:
    return [(r.code, r.ok, str(r.citation), r.values["session"]) for r in year_check.reasons
            if r.code == "cq.special_work_report"]  # fmt: skip


@pytest.mark.parametrize("kind", list(SessionKind), ids=lambda k: k.value)
def test_cq_8_1_one_session_of_the_year_hearing_a_special_work_report_suffices(kind):
    """ "其中的一次会议应当安排听取和审议专项工作报告": one session is enough, whichever, of any kind."""
    rules, store = chongqing(), MemoryStore()
    congress(store, rules)
    sessions = Sessions(store, rules)
    hold(sessions, "2023-1", D(2023, 1, 10), agenda=OL_12_ITEMS, posts=FIRST_SESSION_POSTS)
    hold(sessions, "2023-2", D(2023, 7, 10), kind=kind, agenda=(SPECIAL,))
    year = sessions.year_check("c", 2023)
    assert year.ok, year.explain()
    assert special_reasons(year) == [("cq.special_work_report", True, "CQ 8 ¶1", "2023-2")]


def test_cq_8_1_a_year_whose_sessions_hear_no_special_work_report_is_a_violation():
    rules, store = chongqing(), MemoryStore()
    congress(store, rules)
    sessions = Sessions(store, rules)
    hold(sessions, "2022-2", D(2022, 12, 20), agenda=(SPECIAL,))  # heard in 2022: it does not count for 2023
    hold(sessions, "2023-1", D(2023, 1, 10), agenda=OL_12_ITEMS)
    hold(sessions, "2023-2", D(2023, 7, 10), agenda=(ELECTION,))
    year = sessions.year_check("c", 2023)
    assert [(r.code, str(r.citation), r.binding) for r in year.failing] == [
        ("cq.special_work_report", "CQ 8 ¶1", Binding.SHALL)
    ]
    assert special_reasons(year) == [("cq.special_work_report", False, "CQ 8 ¶1", "-")]


def test_cq_8_1_a_year_without_any_session_heard_no_special_work_report():
    rules, store = chongqing(), MemoryStore()
    congress(store, rules)
    sessions = Sessions(store, rules)
    hold(sessions, "2023-1", D(2023, 1, 10))
    year = sessions.year_check("c", 2024)
    assert special_reasons(year) == [("cq.special_work_report", False, "CQ 8 ¶1", "-")]
    assert ("agenda.sessions_per_year", "OL 14 ¶1") in [(r.code, str(r.citation)) for r in year.failing]


def test_cq_8_1_the_special_work_report_check_leaves_a_county_alone():
    rules, store = chongqing(), MemoryStore()
    congress(store, rules, level=Level.COUNTY, population=500_000)
    sessions = Sessions(store, rules)
    hold(sessions, "2023-1", D(2023, 1, 10), agenda=OL_12_ITEMS)
    assert special_reasons(sessions.year_check("c", 2023)) == []
    assert special_reasons(sessions.year_check("c", 2024)) == []


def test_cq_8_1_every_session_lasts_at_least_one_day_extraordinary_ones_too():
    rules, store = chongqing(), MemoryStore()
    congress(store, rules)
    sessions = Sessions(store, rules)
    hold(sessions, "2023-1", D(2023, 1, 10))
    for kind in SessionKind:
        half = lambda kind=kind: sessions.plan(f"half-{kind.value}", congress_id="c", opens_on=D(2023, 3, 1),  # noqa: E731
                                               kind=kind, days=Fraction(1, 2))  # fmt: skip
        assert refusal(half) == [("session.length", "CQ 8 ¶1")]
        sessions.plan(f"day-{kind.value}", congress_id="c", opens_on=D(2023, 3, 1), kind=kind, days=Fraction(1))


def test_cq_8_1_leaves_a_county_session_of_half_a_day_alone():
    rules, store = chongqing(), MemoryStore()
    congress(store, rules, level=Level.COUNTY, population=500_000)
    Sessions(store, rules).plan("half", congress_id="c", opens_on=D(2023, 1, 10), days=Fraction(1, 2))


def test_cq_8_1_session_documents_are_sent_by_the_opening_day():
    rules, store = chongqing(), MemoryStore()
    congress(store, rules)
    sessions = Sessions(store, rules)
    for sid in ("late", "on-time"):
        sessions.plan(sid, congress_id="c", opens_on=D(2023, 1, 10))
    late = lambda: sessions.give_notice("late", on=D(2022, 12, 30), materials_on=D(2023, 1, 11))  # noqa: E731
    assert refusal(late) == [("session.materials", "CQ 8 ¶1")]
    sessions.give_notice("on-time", on=D(2022, 12, 30), materials_on=D(2023, 1, 10))


@pytest.mark.parametrize(("days", "notices"), [(Fraction(1), ["cq.election_length"]), (Fraction(3, 2), [])])
def test_cq_8_1_a_session_with_an_election_should_last_longer_than_a_day(days, notices):
    rules, store = chongqing(), MemoryStore()
    congress(store, rules)
    sessions = Sessions(store, rules)
    hold(sessions, "2023-1", D(2023, 1, 10), days=days, agenda=(*TOWNSHIP_YEAR, ELECTION), posts=FIRST_SESSION_POSTS)
    hold(sessions, "2023-2", D(2023, 7, 10))
    year = sessions.year_check("c", 2023)
    assert year.ok, year.explain()  # "适当增加" is advice: never a violation
    assert [r.code for r in year.notices] == notices
    assert all(str(r.citation) == "CQ 8 ¶1" for r in year.notices)


def test_cq_8_1_the_election_length_check_leaves_a_county_alone():
    rules, store = chongqing(), MemoryStore()
    congress(store, rules, level=Level.COUNTY, population=500_000)
    sessions = Sessions(store, rules)
    hold(sessions, "2023-1", D(2023, 1, 10), agenda=(ELECTION,))
    year = sessions.year_check("c", 2023)
    assert not any(r.code.startswith("cq.") or r.citation.law == "CQ" for r in year.reasons)


# -- CQ 11 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(SessionKind), ids=lambda k: k.value)
def test_cq_11_ten_days_notice_for_every_session_extraordinary_ones_too(kind):
    rules, store = chongqing(), MemoryStore()
    congress(store, rules)
    sessions = Sessions(store, rules)
    hold(sessions, "2023-1", D(2023, 1, 10))
    for sid in ("nine", "ten"):
        sessions.plan(sid, congress_id="c", opens_on=D(2023, 3, 20), kind=kind)
    nine = lambda: sessions.give_notice("nine", on=D(2023, 3, 11), materials_on=D(2023, 3, 11))  # noqa: E731
    assert refusal(nine) == [("session.notice", "CQ 11")]
    sessions.give_notice("ten", on=D(2023, 3, 10), materials_on=D(2023, 3, 10))


def test_cq_11_an_extraordinary_session_cannot_skip_its_notice():
    rules, store = chongqing(), MemoryStore()
    congress(store, rules)
    sessions = Sessions(store, rules)
    hold(sessions, "2023-1", D(2023, 1, 10))
    sessions.plan("x", congress_id="c", opens_on=D(2023, 3, 20), kind=SessionKind.EXTRAORDINARY)
    with pytest.raises(ProcedureError):
        prepare(sessions, "x", on=D(2023, 3, 20), presidium=EVERYONE[:9], agenda=TOWNSHIP_YEAR)


def test_cq_11_and_cq_30_1_leave_a_county_session_with_one_days_notice_and_twenty_on_the_presidium_alone():
    rules, store = chongqing(), MemoryStore()
    congress(store, rules, level=Level.COUNTY, population=500_000)
    sessions = Sessions(store, rules)
    sessions.plan("s", congress_id="c", opens_on=D(2023, 1, 10))
    sessions.give_notice("s", on=D(2023, 1, 9), materials_on=D(2023, 1, 11))
    prepare(sessions, "s", on=D(2023, 1, 10), presidium=EVERYONE[:20], agenda=(ELECTION,))
    assert len(sessions.state("s").presidium) == 20


# -- CQ 14 ¶2 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "province", "status"),
    [(Level.TOWNSHIP, "CQ", BillStatus.CONVERTED_TO_SUGGESTION), (Level.TOWNSHIP, None, BillStatus.NOT_LISTED),
     (Level.COUNTY, "CQ", BillStatus.NOT_LISTED)],
)  # fmt: skip
def test_cq_14_2_a_bill_not_listed_becomes_a_suggestion_in_a_township(level, province, status):
    rules, store = (chongqing() if province else national()), MemoryStore()
    congress(store, rules, level=level, population=30_000 if level is Level.TOWNSHIP else 500_000)
    sessions = Sessions(store, rules)
    hold(sessions, "s", D(2023, 1, 10), agenda=(ELECTION,), close=False)
    bill = Bill(id="b", subject="村道", grounds="失修", proposal="修缮", sponsors=tuple(EVERYONE[:10]))
    sessions.submit_bill("s", bill)
    assert sessions.decide_listing("s", "b", listed=False) is status


# -- CQ 16 ¶1 ------------------------------------------------------------------------------------


def referred(rules, on: datetime.date, *, complex=False, level=Level.TOWNSHIP) -> datetime.date:
    return referral(rules, on, complex=complex, level=level)[1]


def referral(rules, on: datetime.date, *, complex=False, level=Level.TOWNSHIP) -> tuple[Suggestions, datetime.date]:
    """A suggestion "s" of congress "c" referred on ``on``: the procedure and its due date."""
    store = MemoryStore()
    congress(store, rules, level=level, population=30_000 if level is Level.TOWNSHIP else 500_000,
             elected=on - datetime.timedelta(days=30))  # fmt: skip
    suggestions = Suggestions(store, rules)
    suggestions.submit("c", "s", deputies=["d01"], subject="村道", content="修缮", on=on)
    return suggestions, suggestions.refer("c", "s", unit="镇政府", on=on, complex=complex)


@pytest.mark.parametrize(
    ("on", "due"),
    [
        (D(2023, 1, 9), D(2023, 3, 9)),
        (D(2025, 8, 3), D(2025, 10, 9)),  # due 3 October 2025, in the National Day holiday (CC 203)
        (D(2025, 12, 17), D(2026, 2, 24)),  # due 17 February 2026, in the Spring Festival holiday (CC 203)
        (D(2025, 8, 11), D(2025, 10, 11)),  # Saturday 11 October 2025 is an adjusted working day: not moved
    ],
)
def test_cq_16_1_a_suggestion_is_answered_within_two_months_of_referral(on, due):
    assert referred(chongqing(), on) == due
    assert referred(national(), on) > due  # DL 51 ¶2: three months


@pytest.mark.parametrize(
    ("on", "due"),
    [(D(2023, 1, 9), D(2023, 5, 9)), (D(2025, 6, 3), D(2025, 10, 9))],  # 3 October 2025: National Day holiday
)
def test_cq_16_1_an_extended_reply_period_is_four_months_at_most(on, due):
    assert referred(chongqing(), on, complex=True) == due
    assert referred(national(), on, complex=True) > due  # DL 51 ¶2: six months


def test_cq_16_1_leaves_a_county_suggestion_with_the_national_three_months():
    assert referred(chongqing(), D(2023, 1, 9), level=Level.COUNTY) == referred(national(), D(2023, 1, 9))


@pytest.mark.parametrize(
    ("on", "cap"),
    [(D(2023, 1, 9), D(2023, 5, 9)), (D(2025, 6, 3), D(2025, 10, 9))],  # 3 October 2025: National Day holiday
)
def test_cq_16_1_an_extension_reaches_four_months_from_referral_at_most(on, cap):
    suggestions, _due = referral(chongqing(), on)
    beyond = lambda: suggestions.extend("c", "s", to=cap + datetime.timedelta(days=1), on=on)  # noqa: E731
    assert refusal(beyond) == [("suggestion.extension_cap", "CQ 16 ¶1")]
    assert suggestions.extend("c", "s", to=cap, on=on) == cap


@pytest.mark.parametrize("level", [Level.TOWNSHIP, Level.COUNTY], ids=lambda lv: lv.value)
def test_cq_16_1_the_four_month_cap_binds_townships_only(level):
    on, beyond = D(2023, 1, 9), D(2023, 5, 10)  # a day past four months, well within DL 51 ¶2's six
    suggestions, _due = referral(chongqing(), on, level=level)
    extend = lambda: suggestions.extend("c", "s", to=beyond, on=on)  # noqa: E731
    if level is Level.TOWNSHIP:
        assert refusal(extend) == [("suggestion.extension_cap", "CQ 16 ¶1")]
    else:
        assert extend() == beyond


# CQ 16 ¶1 "对迫切需要办理又有条件办理的，有关机关和组织应当在会议期间办理或者提出办理方案答复代表".

OPENS = D(2023, 1, 9)


def urgent_referral(rules, *, level=Level.TOWNSHIP, close=True) -> tuple[Suggestions, Sessions, datetime.date]:
    """An urgent suggestion "s" made at the two-day session "m" (9-10 January 2023), referred on its opening day."""
    store = MemoryStore()
    congress(store, rules, level=level, population=30_000 if level is Level.TOWNSHIP else 500_000,
             elected=OPENS - datetime.timedelta(days=30))  # fmt: skip
    sessions = Sessions(store, rules)
    hold(sessions, "m", OPENS, days=Fraction(2), close=False)
    suggestions = Suggestions(store, rules)
    suggestions.submit("c", "s", deputies=["d01"], subject="村道", content="修缮", on=OPENS, session_id="m")
    due = suggestions.refer("c", "s", unit="镇政府", on=OPENS, urgent=True)
    if close:
        sessions.close("m", on=OPENS + datetime.timedelta(days=1))
    return suggestions, sessions, due


def test_cq_16_1_an_urgent_suggestion_answered_on_the_closing_day_is_in_time():
    suggestions, _sessions, due = urgent_referral(chongqing())
    closing = OPENS + datetime.timedelta(days=1)
    assert due == closing  # the planned last day of the two-day session
    assert suggestions.state("c", "s").due == closing
    decision = suggestions.reply("c", "s", on=closing, category=ReplyCategory.PLAN)
    assert [(r.code, str(r.citation), r.ok) for r in decision.reasons] == [("suggestion.urgent_in_time", "CQ 16 ¶1",
                                                                             True)]  # fmt: skip


def test_cq_16_1_an_urgent_suggestion_answered_the_day_after_the_close_is_late():
    suggestions, _sessions, _due = urgent_referral(chongqing())
    after = OPENS + datetime.timedelta(days=2)
    assert suggestions.rows("c", on=after)[0].overdue
    assert suggestions.handling_report("c", on=after).overdue == 1
    late = suggestions.reply("c", "s", on=after, category=ReplyCategory.RESOLVED)
    assert [(r.code, str(r.citation)) for r in late.failing] == [("suggestion.urgent_in_time", "CQ 16 ¶1")]


def test_cq_16_1_the_day_the_session_actually_closed_is_the_deadline():
    suggestions, sessions, planned = urgent_referral(chongqing(), close=False)
    sessions.close("m", on=OPENS)  # closed a day earlier than planned
    assert suggestions.state("c", "s").due == OPENS < planned
    view = read_year(suggestions.store, year=2023, rules=chongqing())
    assert [s.due for s in view.congresses[0].suggestions] == [OPENS]  # the report reads the same deadline
    late = suggestions.reply("c", "s", on=planned, category=ReplyCategory.RESOLVED)
    assert [r.code for r in late.failing] == ["suggestion.urgent_in_time"]


def test_cq_16_1_an_urgent_suggestion_has_no_extension_and_is_never_complex():
    suggestions, _sessions, _due = urgent_referral(chongqing())
    extend = lambda: suggestions.extend("c", "s", to=D(2023, 2, 1), on=OPENS)  # noqa: E731
    assert refusal(extend) == [("suggestion.urgent_extension", "CQ 16 ¶1")]
    suggestions.submit("c", "hard", deputies=["d01"], subject="水库", content="除险", on=OPENS, session_id="m")
    both = lambda: suggestions.refer("c", "hard", unit="镇政府", on=OPENS, urgent=True, complex=True)  # noqa: E731
    assert refusal(both) == [("suggestion.urgent_complex", "CQ 16 ¶1")]


def test_cq_16_1_an_urgent_referral_needs_a_session_still_open():
    suggestions, _sessions, _due = urgent_referral(chongqing())
    after = OPENS + datetime.timedelta(days=2)
    suggestions.submit("c", "late", deputies=["d01"], subject="水库", content="除险", on=OPENS, session_id="m")
    suggestions.submit("c", "between", deputies=["d01"], subject="路灯", content="维修", on=after)
    for sid in ("late", "between"):
        refer = lambda sid=sid: suggestions.refer("c", sid, unit="镇政府", on=after, urgent=True)  # noqa: E731
        assert refusal(refer) == [("suggestion.urgent_session", "CQ 16 ¶1")]
    assert suggestions.ledger("c").keys() == {"s", "late", "between"}  # the refusals recorded nothing
    assert suggestions.state("c", "late").referred_on is None


def test_cq_16_1_leaves_an_urgent_county_suggestion_with_the_national_three_months():
    suggestions, _sessions, due = urgent_referral(chongqing(), level=Level.COUNTY)
    assert due == D(2023, 4, 10)  # DL 51 ¶2: 9 April 2023 is a Sunday (CC 203)
    assert suggestions.state("c", "s").urgent
    assert suggestions.reply("c", "s", on=OPENS + datetime.timedelta(days=2), category=ReplyCategory.PLAN).ok


def test_cq_16_1_national_law_alone_gives_an_urgent_suggestion_the_dl_51_2_period():
    suggestions, _sessions, due = urgent_referral(national())
    assert due == D(2023, 4, 10)
    assert not suggestions.rows("c", on=OPENS + datetime.timedelta(days=2))[0].overdue


def test_cq_16_1_a_handling_plan_answers_an_urgent_suggestion_only():
    suggestions, _sessions, _due = urgent_referral(chongqing())
    suggestions.submit("c", "plain", deputies=["d01"], subject="水库", content="除险", on=OPENS, session_id="m")
    suggestions.refer("c", "plain", unit="镇政府", on=OPENS)
    plan = lambda: suggestions.reply("c", "plain", on=OPENS, category=ReplyCategory.PLAN)  # noqa: E731
    assert refusal(plan) == [("suggestion.plan_not_urgent", "practice")]


# -- CQ 18 ¶4 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("closed", "due"),
    [(D(2023, 1, 10), D(2023, 3, 10)), (D(2025, 8, 1), D(2025, 10, 9))],  # 1 October 2025: National Day holiday
)
def test_cq_18_4_a_complex_inquiry_is_answered_within_two_months_of_the_close(closed, due):
    rules, store = chongqing(), MemoryStore()
    congress(store, rules, elected=closed - datetime.timedelta(days=30))
    sessions = Sessions(store, rules)
    hold(sessions, "s", closed, agenda=(ELECTION,), close=False)
    inquiries = Inquiries(store, rules)
    for qid in ("on-time", "late"):
        inquiries.file(qid, session_id="s", sponsors=EVERYONE[:10], target=InquiryTarget.TOWNSHIP_GOVERNMENT,
                       questions="学校何时修缮")  # fmt: skip
        inquiries.decide_answer_form(qid, form=AnswerForm.WRITTEN, complex=True)
    sessions.close("s", on=closed)
    assert inquiries.answer_deadline("on-time") == due
    assert inquiries.answer("on-time", answered_by="镇长", on=due).ok
    late = inquiries.answer("late", answered_by="镇长", on=due + datetime.timedelta(days=1))
    assert [(r.code, str(r.citation)) for r in late.failing] == [("inquiry.answer_in_time", "CQ 18 ¶4")]


def test_cq_18_4_gives_a_county_no_complex_answer_period():
    rules, store = chongqing(), MemoryStore()
    congress(store, rules, level=Level.COUNTY, population=500_000)
    sessions = Sessions(store, rules)
    hold(sessions, "s", D(2023, 1, 10), agenda=(ELECTION,), close=False)
    inquiries = Inquiries(store, rules)
    inquiries.file("q", session_id="s", sponsors=EVERYONE[:10], target=InquiryTarget.COUNTY_GOVERNMENT,
                   questions="学校何时修缮")  # fmt: skip
    complex_ = lambda: inquiries.decide_answer_form("q", form=AnswerForm.WRITTEN, complex=True)  # noqa: E731
    assert [code for code, _ in refusal(complex_)] == ["inquiry.no_complex_path"]


# -- CQ 23 ¶1 ------------------------------------------------------------------------------------
# "乡、民族乡、镇人民代表大会主席、乡长、镇长的候选人数一般应多一人，进行差额选举，如果提名的候选人只有一人，
# 也可以等额选举": the words of OL 27 ¶1, which the core applies to every congress (issue 16): two nominees for
# one seat both stand, a single nominee may stand alone.


def list_principal(rules, *, nominees, extra, level=Level.TOWNSHIP, office=Office.TOWNSHIP_HEAD):
    """A principal election for one seat with ``extra`` in its election rules and ``nominees`` nominated (one by
    the presidium, the other by ten deputies)."""
    store = MemoryStore()
    congress(store, rules, level=level, population=30_000 if level is Level.TOWNSHIP else 500_000)
    hold(Sessions(store, rules), "s", D(2023, 1, 10), agenda=(*TOWNSHIP_YEAR, ELECTION), close=False)
    elections = Elections(store, rules)
    elections.open("e", session_id="s", office=office, seats=1, extra_candidates=extra)
    elections.nominate("e", [Candidate(id="d01", name="代表1")], by=Nominator.PRESIDIUM)
    if nominees == 2:
        elections.nominate("e", [Candidate(id="d02", name="代表2")], by=Nominator.DEPUTIES, nominators=EVERYONE[10:20])
    listing = elections.list_candidates("e")
    assert elections.state("e").listed == listing.candidates
    return listing


@pytest.mark.parametrize("office", [Office.TOWNSHIP_CHAIR, Office.TOWNSHIP_HEAD], ids=lambda o: o.value)
@pytest.mark.parametrize("extra", [0, 1])
def test_cq_23_1_two_nominees_both_stand(office, extra):
    listing = list_principal(chongqing(), nominees=2, extra=extra, office=office)
    assert listing.candidates == ("d01", "d02")
    assert listing.decision.reasons == ()


@pytest.mark.parametrize("extra", [0, 1])
def test_cq_23_1_a_single_nominee_may_stand_alone(extra):
    assert list_principal(chongqing(), nominees=1, extra=extra).candidates == ("d01",)


# -- CQ 30 ¶1 and ¶3 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("population", "size", "refused"),
    [
        (30_000, 6, ("presidium.min_size", "CQ 30 ¶1")),
        (30_000, 7, None),
        (89_999, 11, None),
        (89_999, 12, ("presidium.max_size", "CQ 30 ¶1")),
        (90_000, 13, None),  # "九万人以上": 90,000 itself is included
        (90_000, 14, ("presidium.max_size", "CQ 30 ¶1")),
    ],
)
def test_cq_30_1_presidium_of_seven_to_eleven_and_thirteen_from_90000_people(population, size, refused):
    rules, store = chongqing(), MemoryStore()
    congress(store, rules, population=population)
    sessions = Sessions(store, rules)
    sessions.plan("s", congress_id="c", opens_on=D(2023, 1, 10))
    sessions.give_notice("s", on=D(2022, 12, 30), materials_on=D(2023, 1, 10))
    elect = lambda: prepare(sessions, "s", on=D(2023, 1, 10), presidium=EVERYONE[:size],  # noqa: E731
                                                       agenda=TOWNSHIP_YEAR)  # fmt: skip
    if refused is None:
        elect()
    else:
        assert refusal(elect) == [refused]


@pytest.mark.parametrize("level", [Level.TOWNSHIP, Level.COUNTY], ids=lambda lv: lv.value)
def test_cq_30_3_no_township_presidium_member_holds_an_administrative_post(level):
    rules, store = chongqing(), MemoryStore()
    congresses = congress(store, rules, level=level, population=30_000 if level is Level.TOWNSHIP else 500_000)
    congresses.record_administrative_post("c", "d01", holds=True, on=D(2022, 12, 20))
    sessions = Sessions(store, rules)
    sessions.plan("s", congress_id="c", opens_on=D(2023, 1, 10))
    sessions.give_notice("s", on=D(2022, 12, 30), materials_on=D(2023, 1, 10))
    with_d01 = lambda: prepare(sessions, "s", on=D(2023, 1, 10), presidium=EVERYONE[:9],  # noqa: E731
                                                         agenda=TOWNSHIP_YEAR)  # fmt: skip
    if level is Level.TOWNSHIP:
        assert refusal(with_d01) == [("presidium.admin_post", "CQ 30 ¶3")]
        prepare(sessions, "s", on=D(2023, 1, 10), presidium=EVERYONE[1:10], agenda=TOWNSHIP_YEAR)
    else:
        with_d01()


# -- CQ 32 ¶1 (10) -------------------------------------------------------------------------------


def ballots(count: int, yes: int) -> list[ElectionBallot]:
    return [ElectionBallot(election_id="head", round=1, marks={"d01": Choice.YES if n < yes else Choice.NO})
            for n in range(count)]  # fmt: skip


@pytest.mark.parametrize("province", ["CQ", None], ids=["CQ", "national"])
def test_cq_32_1_10_the_presidium_may_accept_a_resignation_between_sessions(province):
    rules, store = (chongqing() if province else national()), MemoryStore()
    congress(store, rules)
    sessions = Sessions(store, rules)
    hold(sessions, "s", D(2023, 1, 10), agenda=(*TOWNSHIP_YEAR, ELECTION), close=False)
    elections = Elections(store, rules)
    elections.open("head", session_id="s", office=Office.TOWNSHIP_HEAD, seats=1, extra_candidates=0)
    elections.nominate("head", [Candidate(id="d01", name="代表1")], by=Nominator.PRESIDIUM)
    elections.list_candidates("head")
    elections.open_round("head", on=D(2023, 1, 10), present=EVERYONE)
    elections.count("head", ballots(60, 50), ballots_issued=60)
    sessions.close("s", on=D(2023, 1, 10))
    accept = lambda: Recalls(store, rules).accept_resignation(  # noqa: E731
        "c", office=Office.TOWNSHIP_HEAD, holder_id="d01", on=D(2023, 3, 1), accepted_by="presidium"
    )
    if province:
        accept()
        assert Congresses(store, rules).state("c").holders(Office.TOWNSHIP_HEAD, D(2023, 3, 1)) == ()
    else:
        assert [code for code, _ in refusal(accept)] == ["resignation.presidium"]


# -- CQ 34 ¶1 ------------------------------------------------------------------------------------


def with_presidium(rules, store) -> PresidiumMeetings:
    """A township whose first session, on 10 January 2023, elected a presidium of eleven."""
    congress(store, rules)
    hold(Sessions(store, rules), "s", D(2023, 1, 10), presidium=EVERYONE[:11])
    return PresidiumMeetings(store, rules)


def test_cq_34_1_the_presidium_meets_in_every_calendar_quarter():
    rules, store = chongqing(), MemoryStore()
    meetings = with_presidium(rules, store)
    for n, day in enumerate((D(2023, 3, 31), D(2023, 4, 1))):  # the last day of Q1, the first of Q2
        meetings.hold_meeting("c", f"m{n}", on=day, present=EVERYONE[:6])
    assert meetings.frequency_check("c", 2023, as_of=D(2023, 6, 30)).ok
    missed = meetings.frequency_check("c", 2023, as_of=D(2023, 9, 30))
    assert [(r.values["quarter"], str(r.citation)) for r in missed.failing] == [(3, "CQ 34 ¶1")]


def test_cq_34_1_quorum_and_decisions_need_more_than_half_of_all_members():
    rules, store = chongqing(), MemoryStore()
    meetings = with_presidium(rules, store)
    five = lambda: meetings.hold_meeting("c", "m0", on=D(2023, 2, 1), present=EVERYONE[:5])  # noqa: E731
    assert refusal(five) == [("presidium.meeting_quorum", "CQ 34 ¶1")]
    assert meetings.hold_meeting("c", "m1", on=D(2023, 2, 1), present=EVERYONE[:6]).ok
    assert meetings.decide("c", "m1", "yes6", subject="议题", yes=6).ok
    failed = meetings.decide("c", "m1", "yes5", subject="议题", yes=5, no=1)
    assert [(r.code, str(r.citation)) for r in failed.failing] == [("presidium.decision_majority", "CQ 34 ¶1")]


# -- through `npcproc check` (the audit of a record) -----------------------------------------------


def example() -> dict:
    return _iso_dates(tomllib.loads(EXAMPLE.read_text(encoding="utf-8")))


def checked(change, rules=None, *, as_of=None) -> list[tuple[str, str, str, str]]:
    tree = copy.deepcopy(example())
    change(tree["congresses"][0])
    tree["as_of"] = as_of or tree["as_of"]
    record = parse_record(json.dumps(tree, ensure_ascii=False).encode(), name="t.json", toml=False)
    found = audit(record, rules or chongqing()).findings
    return [(f.severity, f.where.removeprefix("congresses[0]"), f.code, str(f.citation)) for f in found]


def cq_findings(change) -> list[tuple[str, str, str, str]]:
    return [f for f in checked(change) if f[3].startswith("CQ ")]


def at_session_2(found: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    return [f for f in found if f[1].startswith(".sessions[1]")]


def session_2(change):
    def apply(year):
        year["sessions"][1].update(change)

    return apply


def test_check_cq_11_counts_ten_days_for_an_extraordinary_session():
    # the example's mid-year session opens on 6 July 2022 after notice on 26 June: exactly ten days
    assert at_session_2(cq_findings(session_2({"kind": "extraordinary"}))) == []
    late = cq_findings(session_2({"kind": "extraordinary", "notice_on": "2022-06-27"}))
    assert ("violation", ".sessions[1]", "session.notice", "CQ 11") in late
    missing = cq_findings(session_2({"kind": "extraordinary", "notice_on": None, "materials_on": None}))
    assert ("violation", ".sessions[1]", "record.notice_missing", "CQ 11") in missing


@pytest.mark.parametrize(("population", "size", "found"), [(89_999, 13, True), (90_000, 13, False), (90_000, 14, True)])
def test_check_cq_30_1_the_cap_of_thirteen_from_90000_people(population, size, found):
    def change(year):
        year.update(population=population)
        year["sessions"][1]["presidium"] = EVERYONE[:size]

    violation = ("violation", ".sessions[1].presidium", "presidium.max_size", "CQ 30 ¶1")
    assert (violation in cq_findings(change)) is found


@pytest.mark.parametrize(("replied", "late"), [("2022-03-31", False), ("2022-04-01", True)])
def test_check_cq_16_1_a_reply_two_months_after_referral(replied, late):
    # s1 was referred on 31 January 2022: due 31 March (a Thursday)
    def change(year):
        year["suggestions"][0]["replies"] = [{"on": replied, "category": "resolved"}]

    assert (("violation", ".suggestions[0].replies[0]", "record.reply_late", "CQ 16 ¶1") in cq_findings(change)) is late


@pytest.mark.parametrize(("replied", "late"), [("2022-05-31", False), ("2022-06-01", True)])
def test_check_cq_16_1_an_extended_reply_four_months_at_most(replied, late):
    # s5 is complex, referred on 31 January 2022: four months at most, due 31 May (a Tuesday)
    def change(year):
        year["suggestions"][4]["replies"] = [{"on": replied, "category": "in_plan"}]

    assert (("violation", ".suggestions[4].replies[0]", "record.reply_late", "CQ 16 ¶1") in cq_findings(change)) is late


def test_check_cq_8_1_an_election_session_of_one_day_is_a_notice():
    # the example's early-year session elects the township head in one day
    assert ("notice", ".year[2022]", "cq.election_length", "CQ 8 ¶1") in cq_findings(lambda year: None)
    longer = cq_findings(lambda year: year["sessions"][0].update(days=2))
    assert not any(f[2] == "cq.election_length" for f in longer)


def test_check_cq_8_1_a_year_without_a_special_work_report_is_a_violation():
    # the example's two sessions of 2022 hear no special work report
    violation = ("violation", ".year[2022]", "cq.special_work_report", "CQ 8 ¶1")
    assert violation in cq_findings(lambda year: None)

    def heard(year):
        year["sessions"][1]["agenda"].append({"id": "special", "kind": "special_work_report", "title": "专项工作报告"})

    assert not any(f[2] == "cq.special_work_report" for f in cq_findings(heard))


def test_check_leaves_a_county_record_without_any_cq_finding():
    def county(year):
        year.update(level="county", division_code="500101", population=500_000)
        year["sessions"][1].update(kind="extraordinary", notice_on="2022-07-05", materials_on="2022-07-07")
        year["sessions"][1]["presidium"] = EVERYONE[:20]
        year["suggestions"][0]["replies"] = [{"on": "2022-04-20", "category": "resolved"}]

    found = checked(county)
    assert [f for f in found if "CQ" in f[3] or f[2].startswith("cq.")] == []
    assert not any(f[1] == ".suggestions[0].replies[0]" for f in found)  # within DL 51 ¶2's three months


def test_cq_30_1_is_cited_from_the_law_text_this_plugin_ships():
    """The core ships national law only; this plugin registers its own regulations, so a manager
    holding the core and this plugin alone quotes the clause, and explanations name the regulation."""
    from npcproc.plugins import create_plugin_manager as manager
    from npcproc.rules import Citation as Cite
    from npcproc.rules.laws import clause_text, read_law_texts

    assert not {law.key for law in read_law_texts("npcproc", "data/laws.json")} & {"CQ", "CQ-JD"}
    alone = manager(autoload=False, plugins=(npcproc_chongqing,))
    assert clause_text("CQ", 30, 1, pm=alone).startswith("乡、民族乡、镇人民代表大会主席团由代表七人至十一")
    assert Cite(law="CQ", article=30, paragraph=1).label("zh") == "《重庆市乡镇人民代表大会工作条例》第30条第1款"


def _record_election(eid: str, office: str, elected: str, other: str | None = None) -> dict:
    """A record's election at the example's first session: ``elected`` the presidium's nominee, ``other`` ten
    deputies' (a vice post has one more candidate, OL 27 ¶1); 40 of 57 ballots elect."""
    nominations = [{"by": "presidium", "candidates": [elected]}]
    if other:
        nominations.append({"by": "deputies", "candidates": [other], "nominators": [f"d{n}" for n in range(11, 21)]})
    candidates = [elected, *([other] if other else [])]
    return {
        "id": eid, "office": office, "seats": 1, "extra_candidates": 1 if other else 0, "nominations": nominations,
        "rounds": [{"on": "2022-01-05", "candidates": candidates, "ballots_issued": 57, "ballots_returned": 57,
                    "votes": {elected: 40, **({other: 17} if other else {})}, "elected": [elected]}],
    }  # fmt: skip


#: CQ 21 ¶1: with the example's township head, the chair and a deputy head complete the term's first session.
CHAIR = _record_election("chair", "township_chair", "d01")
DEPUTY_HEAD = _record_election("deputy-head", "deputy_township_head", "郑文", "钱进")


def head_election(year, **change):
    year["sessions"][0]["elections"][0].update(change)


#: The example's township head election with the deputies' nominee ranked out by a preliminary vote.
UNCONTESTED = {
    "extra_candidates": 0,
    "preliminary_votes": {"周志远": 40, "吴海燕": 17},
    "rounds": [{"on": "2022-01-05", "candidates": ["周志远"], "ballots_issued": 57, "ballots_returned": 57,
                "votes": {"周志远": 50}, "elected": ["周志远"]}],
}  # fmt: skip


def election_findings(found):
    return [f for f in found if f[1].startswith(".sessions[0].elections")]


def test_check_cq_23_1_an_uncontested_township_head_election_with_two_nominees_breaks_ol_27_1():
    found = election_findings(checked(lambda year: head_election(year, **UNCONTESTED)))
    assert found == [("violation", ".sessions[0].elections[0]", "election.principal_uncontested", "OL 27 ¶1")]


def test_check_cq_23_1_a_contested_or_single_nominee_election_is_lawful():
    assert election_findings(checked(lambda year: None)) == []  # the example: two nominees, both stand
    single = {**UNCONTESTED, "nominations": [{"by": "presidium", "candidates": ["周志远"]}], "preliminary_votes": {}}
    assert election_findings(checked(lambda year: head_election(year, **single))) == []


def test_check_cq_23_1_through_the_npcproc_check_command(tmp_path, capsys, monkeypatch):
    """The command line with the installed plugin: an uncontested election of two nominees breaks OL 27 ¶1 (exit 1)."""
    from npcproc.cli import main

    monkeypatch.delenv("NPCPROC_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    tree = copy.deepcopy(example())
    tree["congresses"][0]["suggestions"] = []  # the example's two late replies are violations under CQ 16 ¶1
    for session in tree["congresses"][0]["sessions"][:1]:  # CQ 8 ¶1: one session a year hears a special work report
        session["agenda"].append({"id": "special", "kind": "special_work_report", "title": "专项工作报告"})
    head_election(tree["congresses"][0], **UNCONTESTED)
    tree["congresses"][0]["sessions"][0]["elections"] += [CHAIR, DEPUTY_HEAD]  # CQ 21 ¶1
    path = tmp_path / "record.json"
    path.write_text(json.dumps(tree, ensure_ascii=False, default=str), encoding="utf-8")
    code = main(["check", str(path), "--province", "CQ", "--format", "json", "--lang", "en"])
    out = json.loads(capsys.readouterr().out)
    found = [(f["severity"], f["code"], f["citation"]["label"]) for f in out["findings"]
             if f["code"].startswith("election.")]  # fmt: skip
    assert found == [("violation", "election.principal_uncontested", "OL 27 ¶1")]
    assert code == 1


# -- CQ 52: 本条例自1998年7月1日起施行 ----------------------------------------------------------------


def test_cq_52_every_setting_is_in_force_from_1_july_1998():
    assert {s.in_force_from for s in npcproc_chongqing.SETTINGS} == {D(1998, 7, 1)}


def test_cq_52_in_force_from_1_july_1998():
    """CQ 30 ¶1 "由代表七人至十一人组成": a presidium of twelve is refused from 1 July 1998; the day before,
    national law alone (which sets no size) judges it."""
    for opens, refused in ((D(1998, 6, 30), []), (D(1998, 7, 1), [("presidium.max_size", "CQ 30 ¶1")])):
        rules, store = chongqing(), MemoryStore()
        congress(store, rules, elected=D(1998, 6, 1))
        sessions = Sessions(store, rules)
        sessions.plan("s", congress_id="c", opens_on=opens)
        sessions.give_notice("s", on=opens - datetime.timedelta(days=10), materials_on=opens)
        elect = lambda: prepare(sessions, "s", on=opens, presidium=EVERYONE[:12],  # noqa: E731, B023
                                                           agenda=TOWNSHIP_YEAR)  # fmt: skip
        if refused:
            assert refusal(elect) == refused
        else:
            assert elect().ok


def urgent_suggestion(replied: str | None, **change):
    """A sixth suggestion, made at the example's first session (closed 5 January 2022) and referred as urgent."""

    def apply(year):
        year["suggestions"].append({
            "id": "u", "deputies": ["d01"], "subject": "防汛", "content": "关于防汛的建议",
            "submitted_on": "2022-01-05", "session": "2022-1", "unit": "镇政府",
            "referred_on": "2022-01-05", "urgent": True,
            "replies": [] if replied is None else [{"on": replied, "category": "plan"}], **change,
        })  # fmt: skip

    return apply


def at_urgent(found: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    return [f for f in found if f[1].startswith(".suggestions[5]")]


def test_check_cq_16_1_an_urgent_reply_on_the_closing_day_is_in_time():
    assert at_urgent(checked(urgent_suggestion("2022-01-05"))) == []


def test_check_cq_16_1_an_urgent_reply_the_day_after_the_close_is_late():
    found = at_urgent(checked(urgent_suggestion("2022-01-06")))
    assert found == [("violation", ".suggestions[5].replies[0]", "record.reply_late", "CQ 16 ¶1")]
    missing = at_urgent(checked(urgent_suggestion(None)))
    assert missing == [("violation", ".suggestions[5]", "record.reply_overdue", "CQ 16 ¶1")]


def test_check_cq_16_1_an_urgent_suggestion_is_made_at_a_session_and_never_complex():
    between = at_urgent(checked(urgent_suggestion("2022-01-06", session=None, complex=True)))
    assert [(code, cited) for _s, _w, code, cited in between] == [
        ("suggestion.urgent_session", "CQ 16 ¶1"), ("suggestion.urgent_complex", "CQ 16 ¶1"),
    ]  # fmt: skip
    after_close = at_urgent(checked(urgent_suggestion("2022-01-07", referred_on="2022-01-06")))
    assert [code for _s, _w, code, _c in after_close] == ["suggestion.urgent_session"]


def test_check_cq_16_1_leaves_an_urgent_county_suggestion_alone():
    def county(year):
        urgent_suggestion("2022-01-06")(year)
        year.update(level="county", division_code="500101", population=500_000, deputy_quota=200)

    assert at_urgent(checked(county)) == []


def test_check_cq_16_1_national_law_alone_judges_an_urgent_suggestion_by_dl_51_2():
    assert at_urgent(checked(urgent_suggestion("2022-01-06"), rules=national())) == []
    overdue = at_urgent(checked(urgent_suggestion(None, referred_on="2022-06-01"), rules=national()))
    assert overdue == [("violation", ".suggestions[5]", "record.reply_overdue", "DL 51 ¶2")]


def test_check_a_handling_plan_answers_an_urgent_suggestion_only():
    plain = at_urgent(checked(urgent_suggestion("2022-01-05", urgent=False)))
    assert plain == [("violation", ".suggestions[5].replies[0]", "suggestion.plan_not_urgent", "practice")]


@pytest.mark.parametrize(("year", "judged"), [(1997, False), (1998, True)])
def test_cq_52_the_cq_8_1_check_judges_no_year_wholly_before_1_july_1998(year, judged):
    """CQ 8 ¶1's special work report is dated by CQ 52: 1997 ended before the regulation took effect, so a year
    that heard none is not judged by it; 1998, in which it took effect, is (its session of March too)."""
    rules, store = chongqing(), MemoryStore()
    congress(store, rules, elected=D(year - 1, 12, 1))
    sessions = Sessions(store, rules)
    hold(sessions, "s", D(year, 1, 10), agenda=OL_12_ITEMS, posts=FIRST_SESSION_POSTS)
    assert special_reasons(sessions.year_check("c", year)) == (
        [("cq.special_work_report", False, "CQ 8 ¶1", "-")] if judged else []
    )


# -- CQ 21 ¶1: 每届……第一次会议，选举产生本级人民代表大会主席、副主席，乡长、副乡长，镇长、副镇长 ------------


def first_session_reasons(decision) -> list[tuple[str, str, bool]]:
    return [(r.values["session"], r.values["office"], r.ok) for r in decision.reasons
            if r.code == "cq.first_session_elects"]  # fmt: skip


def test_cq_21_1_the_terms_first_session_elects_the_chair_and_the_township_heads():
    rules, store = chongqing(), MemoryStore()
    congress(store, rules)
    sessions = Sessions(store, rules)
    hold(sessions, "2023-1", D(2023, 1, 10), posts=FIRST_SESSION_POSTS)
    hold(sessions, "2023-2", D(2023, 7, 10))  # a later session elects nothing and owes nothing
    year = sessions.year_check("c", 2023)
    assert year.ok, year.explain()
    assert first_session_reasons(year) == [
        ("2023-1", "township_chair", True), ("2023-1", "township_head", True),
        ("2023-1", "deputy_township_head", True),
    ]  # fmt: skip
    assert first_session_reasons(sessions.year_check("c", 2024)) == []  # no term began in 2024


def test_cq_21_1_a_chair_elected_only_at_a_later_session_leaves_the_first_one_in_breach():
    rules, store = chongqing(), MemoryStore()
    congress(store, rules)
    sessions = Sessions(store, rules)
    hold(sessions, "2023-1", D(2023, 1, 10), posts=[Office.TOWNSHIP_HEAD, Office.DEPUTY_TOWNSHIP_HEAD])
    hold(sessions, "2023-2", D(2023, 7, 10), posts=[Office.TOWNSHIP_CHAIR])
    year = sessions.year_check("c", 2023)
    assert [(r.code, str(r.citation), r.values["office"]) for r in year.failing] == [
        ("cq.first_session_elects", "CQ 21 ¶1", "township_chair")
    ]
    assert "did not elect the chair" in year.explain("en")
    assert "未选举产生主席" in year.explain("zh")


@pytest.mark.parametrize(("yes", "elected"), [(30, False), (31, True)])
def test_cq_21_1_an_election_that_elects_no_one_does_not_discharge_it(yes, elected):
    """30 of 60 is not a majority of all deputies (OL 25): the chair's election at the first session elected no one."""
    rules, store = chongqing(), MemoryStore()
    congress(store, rules)
    sessions = Sessions(store, rules)
    hold(sessions, "2023-1", D(2023, 1, 10), posts=[Office.TOWNSHIP_HEAD, Office.DEPUTY_TOWNSHIP_HEAD], close=False)
    elect(store, rules, "2023-1", D(2023, 1, 10), Office.TOWNSHIP_CHAIR, "d01", yes=yes)
    sessions.close("2023-1", on=D(2023, 1, 10))
    assert ("2023-1", "township_chair", elected) in first_session_reasons(sessions.year_check("c", 2023))


def test_cq_21_1_leaves_a_county_alone():
    rules, store = chongqing(), MemoryStore()
    congress(store, rules, level=Level.COUNTY, population=500_000)
    sessions = Sessions(store, rules)
    hold(sessions, "2023-1", D(2023, 1, 10), agenda=OL_12_ITEMS)
    assert first_session_reasons(sessions.year_check("c", 2023)) == []


def test_check_cq_21_1_the_terms_first_session_in_a_record():
    """The example's first session (first_of_term) elects the township head only: the chair and a deputy head are
    missing; with their elections the year is clean. A county, and national law alone, are untouched."""
    missing = [f for f in checked(lambda year: None) if f[2] == "cq.first_session_elects"]
    assert missing == [("violation", ".year[2022]", "cq.first_session_elects", "CQ 21 ¶1")] * 2
    complete = checked(lambda year: year["sessions"][0]["elections"].extend([CHAIR, DEPUTY_HEAD]))
    assert not any(f[2] == "cq.first_session_elects" for f in complete)
    not_first = checked(lambda year: year["sessions"][0].update(first_of_term=False))
    assert not any(f[2] == "cq.first_session_elects" for f in not_first)

    def county(year):
        year.update(level="county", division_code="500101", population=500_000)
        year["sessions"][0]["elections"][0]["office"] = "county_head"

    assert not any(f[2] == "cq.first_session_elects" for f in checked(county))
    assert not any(f[2] == "cq.first_session_elects" for f in checked(lambda year: None, national()))


# -- CQ 16 ¶2: 办理情况……书面报告，并印发下一年第一次人民代表大会会议 ----------------------------------------

REPORT = AgendaItem(id="report", kind=K.SUGGESTION_HANDLING_REPORT, title="代表建议、批评和意见办理情况的报告")


def report_reasons(*, first_agenda, second_agenda=TOWNSHIP_YEAR, suggest=True, level=Level.TOWNSHIP):
    """A 2023 suggestion (unless ``suggest`` is False), then 2024's two sessions with the given agendas."""
    rules, store = chongqing(), MemoryStore()
    congress(store, rules, level=level, population=30_000 if level is Level.TOWNSHIP else 500_000)
    sessions = Sessions(store, rules)
    hold(sessions, "2023-1", D(2023, 1, 10), posts=FIRST_SESSION_POSTS if level is Level.TOWNSHIP else ())
    if suggest:
        Suggestions(store, rules).submit("c", "s1", deputies=["d05"], subject="村道", content="关于村道的建议",
                                         on=D(2023, 1, 10), session_id="2023-1")  # fmt: skip
    hold(sessions, "2024-1", D(2024, 1, 10), agenda=first_agenda)
    hold(sessions, "2024-2", D(2024, 7, 10), agenda=second_agenda)
    year = sessions.year_check("c", 2024)
    return [(r.ok, str(r.citation), r.values["session"]) for r in year.reasons
            if r.code == "cq.handling_report_distributed"], year  # fmt: skip


def test_cq_16_2_the_handling_report_goes_to_the_next_years_first_session():
    reasons, year = report_reasons(first_agenda=(*TOWNSHIP_YEAR, REPORT))
    assert reasons == [(True, "CQ 16 ¶2", "2024-1")]
    assert year.ok, year.explain()


def test_cq_16_2_a_report_only_at_a_later_session_is_a_violation():
    reasons, year = report_reasons(first_agenda=TOWNSHIP_YEAR, second_agenda=(*TOWNSHIP_YEAR, REPORT))
    assert reasons == [(False, "CQ 16 ¶2", "2024-1")]
    assert [r.code for r in year.failing] == ["cq.handling_report_distributed"]
    assert "did not go to 2024's first session 2024-1" in year.explain("en")


def test_cq_16_2_no_suggestions_the_year_before_is_nothing_to_distribute():
    assert report_reasons(first_agenda=TOWNSHIP_YEAR, suggest=False)[0] == []


def test_cq_16_2_leaves_a_county_alone():
    assert report_reasons(first_agenda=OL_12_ITEMS, level=Level.COUNTY)[0] == []


def next_year_session(agenda: list[dict]):
    """The example (suggestions made in 2022) with a first session of 2023 on 6 January whose agenda is ``agenda``."""

    def apply(year):
        first = copy.deepcopy(year["sessions"][1])
        first.update(id="2023-1", opens_on="2023-01-06", notice_on="2022-12-26", materials_on="2023-01-03",
                     closed_on="2023-01-06", agenda=agenda, inquiries=[])  # fmt: skip
        year["sessions"].append(first)

    return apply


def test_check_cq_16_2_the_handling_report_at_the_first_session_of_the_next_year():
    report = {"id": "r", "kind": "suggestion_handling_report", "title": "代表建议办理情况报告"}
    end = "2023-12-31"  # the record is drawn up once 2023 is over
    without = [f for f in checked(next_year_session([]), as_of=end) if f[2] == "cq.handling_report_distributed"]
    assert without == [("violation", ".year[2023]", "cq.handling_report_distributed", "CQ 16 ¶2")]
    with_report = checked(next_year_session([report]), as_of=end)
    assert not any(f[2] == "cq.handling_report_distributed" for f in with_report)

    def county(year):
        next_year_session([])(year)
        year.update(level="county", division_code="500101", population=500_000)
        year["sessions"][0]["elections"][0]["office"] = "county_head"

    assert not any(f[2] == "cq.handling_report_distributed" for f in checked(county, as_of=end))


# -- CQ 16 ¶2: 代表建议、批评和意见及其办理情况，应当予以公开 --------------------------------------------------------


def test_cq_16_2_the_distribution_check_quotes_its_clause():
    assert "并印发下一年第一次人民代表大会会议" in cq(16, 2).text()


def handling_report_findings(published_on, *, level="township", as_of="2024-06-30"):
    """The example year with a handling report made on 2023-02-01 (made public on ``published_on``, if any)."""

    def apply(year):
        report = {"id": "h2022", "on": "2023-02-01"} | ({"published_on": published_on} if published_on else {})
        year["handling_reports"] = [report]
        if level == "county":
            year.update(level="county", division_code="500101", population=500_000)
            year["sessions"][0]["elections"][0]["office"] = "county_head"

    return [f for f in checked(apply, as_of=as_of) if f[2].startswith("suggestion.handling_report")]


@pytest.mark.parametrize(("published_on", "ok"), [("2023-12-31", True), ("2024-01-01", False)])
def test_cq_16_2_the_handling_report_is_made_public_within_its_year(published_on, ok):
    expected = [("violation", ".handling_reports[0]", "suggestion.handling_report_published", "CQ 16 ¶2")]
    assert handling_report_findings(published_on) == ([] if ok else expected)


def test_cq_16_2_an_unpublished_report_fails_at_the_end_of_its_year_and_a_county_keeps_dl_51_3():
    assert handling_report_findings(None, as_of="2023-12-31") == []
    assert handling_report_findings(None, as_of="2024-01-01") == [
        ("violation", ".handling_reports[0]", "suggestion.handling_report_unpublished", "CQ 16 ¶2")]  # fmt: skip
    assert handling_report_findings("2024-01-01", level="county") == [
        ("violation", ".handling_reports[0]", "suggestion.handling_report_published", "DL 51 ¶3")]  # fmt: skip


# -- CQ 21 ¶2: 民族乡的乡长由建立民族乡的少数民族公民担任 (as OL 70 ¶3) ------------------------------------------------


def head_nomination(rules, level, ethnicity):
    """An ethnic (回族) congress of 40 deputies in session nominates a head of ``ethnicity``: failing citations."""
    from npcproc.model.election import Candidate, Nominator, Office

    store, people = MemoryStore(), [f"e{n:02}" for n in range(1, 41)]
    congresses = Congresses(store, rules)
    township = level is Level.TOWNSHIP
    congresses.establish(Congress(id="m", name="某民族乡人民代表大会", level=level,
                                  division_code="500101001" if township else "500101", population=20_000 if township
                                  else 300_000, deputy_quota=46 if township else 150,
                                  ethnic_minority="回族"))  # fmt: skip
    congresses.begin_term("m", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("m", {p: p for p in people}, term=1, on=D(2021, 11, 21))
    sessions = Sessions(store, rules)
    sessions.plan("s", congress_id="m", opens_on=D(2022, 1, 5))
    sessions.give_notice("s", on=D(2021, 12, 20), materials_on=D(2022, 1, 1))
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=people[:7], agenda=[])
    sessions.open("s", on=D(2022, 1, 5), present=people)
    elections = Elections(store, rules)
    office = Office.TOWNSHIP_HEAD if township else Office.COUNTY_HEAD
    elections.open("e", session_id="s", office=office, seats=1, extra_candidates=0)
    try:
        elections.nominate("e", [Candidate(id="马丽", name="马丽", ethnicity=ethnicity)], by=Nominator.PRESIDIUM)
    except ProcedureError as refused:
        return [str(r.citation) for r in refused.decision.failing]
    return []


@pytest.mark.parametrize(("ethnicity", "failing"), [("回族", []), ("汉族", ["CQ 21 ¶2"])])
def test_cq_21_2_an_ethnic_townships_head_is_of_its_minority(ethnicity, failing):
    assert head_nomination(chongqing(), Level.TOWNSHIP, ethnicity) == failing


def test_cq_21_2_leaves_a_county_to_national_law():
    from npcproc.rules.parameters import CongressFacts as Facts

    county = chongqing().for_congress(Facts(level=Level.COUNTY)).effective("township_head.ethnic_minority")
    assert str(county.citation) == "OL 70 ¶3"
    assert head_nomination(chongqing(), Level.COUNTY, "汉族") == []  # a county head: no such rule


# -- CQ 47: 立即书面报告……闭会期间，书面报告……主席团，由主席团报告下一次人民代表大会会议 --------------------------


NEXT_SESSION, YEAR_END = D(2023, 7, 10), D(2023, 12, 31)


def restrained(*, level=Level.TOWNSHIP, next_on=NEXT_SESSION, as_of=YEAR_END, informed=True):
    """A deputy arrested on 2023-03-01 between sessions, reported to the presidium in writing the next day; the next
    session opens on ``next_on``, and the presidium reports the measure to it if ``informed``: its check."""
    from npcproc.procedures import Measure, Restraints

    rules, store = chongqing(), MemoryStore()
    congress(store, rules, level=level, population=30_000 if level is Level.TOWNSHIP else 500_000)
    sessions = Sessions(store, rules)
    hold(sessions, "2023-1", D(2023, 1, 10), posts=FIRST_SESSION_POSTS)
    restraints = Restraints(store, rules)
    restraints.record("c", "r1", "d05", measure=Measure.ARREST, on=D(2023, 3, 1))
    assert restraints.report("c", "r1", on=D(2023, 3, 2)).ok
    hold(sessions, "2023-2", next_on)
    if informed:
        restraints.report_to_session("c", "r1", session_id="2023-2")
    return [(r.ok, r.code, str(r.citation)) for r in restraints.check("c", as_of=as_of).reasons]


@pytest.mark.parametrize(("informed", "ok"), [(True, True), (False, False)])
def test_cq_47_the_presidium_reports_the_measure_to_the_next_session(informed, ok):
    assert restrained(informed=informed) == [(ok, "restraint.next_session", "CQ 47")]


def test_cq_47_nothing_is_judged_before_the_next_session_opens():
    assert restrained(informed=False, as_of=D(2023, 7, 9)) == []


@pytest.mark.parametrize(("written", "ok"), [(True, True), (False, False)])
def test_cq_47_the_organ_reports_in_writing(written, ok):
    from npcproc.procedures import Measure, Restraints

    rules, store = chongqing(), MemoryStore()
    congress(store, rules)
    hold(Sessions(store, rules), "2023-1", D(2023, 1, 10), posts=FIRST_SESSION_POSTS)
    restraints = Restraints(store, rules)
    restraints.record("c", "r1", "d05", measure=Measure.TRIAL, on=D(2023, 3, 1))
    decision = restraints.report("c", "r1", on=D(2023, 3, 1), written=written)
    assert [(r.ok, r.code, str(r.citation)) for r in decision.reasons] == [
        (True, "restraint.reported", "DL 39 ¶4"), (ok, "restraint.written", "CQ 47")]  # fmt: skip
    assert restraints.log("c").cases["r1"].report.written is written  # recorded either way


def test_cq_47_a_session_before_the_report_cannot_receive_it():
    from npcproc.procedures import Measure, Restraints

    rules, store = chongqing(), MemoryStore()
    congress(store, rules)
    hold(Sessions(store, rules), "2023-1", D(2023, 1, 10), posts=FIRST_SESSION_POSTS)
    restraints = Restraints(store, rules)
    restraints.record("c", "r1", "d05", measure=Measure.OTHER, on=D(2023, 3, 1))
    restraints.report("c", "r1", on=D(2023, 3, 1))
    assert refusal(lambda: restraints.report_to_session("c", "r1", session_id="2023-1")) == [
        ("restraint.session_before_report", "DL 39 ¶4")]  # fmt: skip


def test_cq_47_leaves_a_county_to_national_law():
    from npcproc.rules.parameters import CongressFacts as Facts

    assert (
        chongqing().for_congress(Facts(level=Level.COUNTY)).optional("restraint.presidium_reports_to_next_session")
        is None
    )
    assert chongqing().for_congress(Facts(level=Level.TOWNSHIP)).optional("restraint.presidium_reports_to_next_session")
