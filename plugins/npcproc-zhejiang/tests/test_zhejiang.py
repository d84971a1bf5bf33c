"""Zhejiang's township regulation (ZJ), article by article, at each boundary: one case on each side.

The law text is the oracle: each test quotes the words it relies on. ZJ 2 confines every rule to
township congresses, so the county cases show national law alone deciding.
"""

from __future__ import annotations

import datetime
from fractions import Fraction

import npcproc_zhejiang
import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.session import AgendaItem, AgendaItemKind, SessionKind
from npcproc.procedures import Congresses, Sessions
from npcproc.procedures.livelihood.commands import Livelihood
from npcproc.procedures.livelihood.events import ProjectSource, ReviewBody, SatisfactionCount
from npcproc.procedures.presidium.commands import PresidiumMeetings
from npcproc.rules import Citation
from npcproc.rules.decision import Binding
from npcproc.rules.parameters import CongressFacts
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
DEPUTIES = {f"d{n:02}": f"代表{n}" for n in range(1, 61)}
EVERYONE = list(DEPUTIES)
ELECTED = D(2021, 11, 10)
K = AgendaItemKind


def zj(article: int, paragraph: int | None = None) -> Citation:
    return Citation(law="ZJ", article=article, paragraph=paragraph)


def items(*kinds: AgendaItemKind) -> list[AgendaItem]:
    return [AgendaItem(id=kind.value, kind=kind, title=kind.value) for kind in kinds]


@pytest.fixture
def zhejiang(npcproc_rules):
    return npcproc_rules("浙江", npcproc_zhejiang)


class Congress_:
    """A congress of 60 deputies elected on 10 November 2021, and its procedures under ``rules``."""

    def __init__(self, rules, *, level=Level.TOWNSHIP, population=30_000, designations=(), elected=ELECTED):
        self.store = MemoryStore()
        self.rules = rules
        self.congresses = Congresses(self.store, rules)
        code = "330110001" if level is Level.TOWNSHIP else "330110"
        quota = 65 if level is Level.TOWNSHIP else 200
        self.congresses.establish(Congress(id="c", name="某人民代表大会", level=level, division_code=code,
                                           population=population, deputy_quota=quota,
                                           designations=designations))  # fmt: skip
        self.congresses.begin_term("c", 1, elections_completed_on=elected)
        self.congresses.elect_deputies("c", DEPUTIES, term=1, on=elected)
        self.sessions = Sessions(self.store, rules)

    def session(self, sid, opens_on, *, kind=SessionKind.REGULAR, days=Fraction(1), notice=10, materials=3,
                presidium=9, agenda=(), close=True):  # fmt: skip
        """Plan, notify, prepare, open (and close) a session; each step may be refused."""
        self.sessions.plan(sid, congress_id="c", opens_on=opens_on, kind=kind, days=days)
        self.sessions.give_notice(sid, on=opens_on - datetime.timedelta(days=notice),
                                  materials_on=opens_on - datetime.timedelta(days=materials))  # fmt: skip
        prepare(self.sessions, sid, on=opens_on, presidium=EVERYONE[:presidium], agenda=list(agenda))
        self.sessions.open(sid, on=opens_on, present=EVERYONE)
        if close:
            self.sessions.close(sid, on=opens_on)


def refusal(call) -> list[tuple[str, str]]:
    with pytest.raises(ProcedureError) as caught:
        call()
    return [(r.code, str(r.citation)) for r in caught.value.decision.failing]


def test_the_plugin_conforms(npcproc_conformance):
    npcproc_conformance(npcproc_zhejiang)


#: The words of the cited clause each setting relies on (the law text is the oracle).
WORDS = {
    ("term.years", 5): "每届任期五年",
    ("presidium.min_size", 7): "主席团成员的名额为七人至十三人",
    ("presidium.max_size", 13): "主席团成员的名额为七人至十三人",
    ("presidium.max_size", 17): "经济比较发达或者人口较多的乡镇不超过十七人",
    ("township.chair.full_time", 1): "设专职主席",
    ("township.vice_chairs.min_full_time", 1): "经济比较发达或者人口较多的乡镇应当配备专职副主席",
    ("session.first_within_months", 2): "在本届人民代表大会代表选举完成后的两个月内",
    ("session.min_per_year", 2): "一般每年年初和年中各举行一次",
    ("session.extraordinary_proposal", Fraction(1, 5)): "经五分之一以上代表提议，可以临时召集",
    ("session.min_days", 1): "会期不少于一天",
    ("session.notice_days", 7): "举行会议七日前，主席团应当将会议举行时间和会议事项通知代表",
    ("session.materials_days", 1): "至少提前一天将会议资料送达代表",
    ("vote.majority_of_all", Fraction(1, 2)): "以全体代表的过半数通过",
    ("presidium.max_months_between_meetings", 3): "至少每三个月举行一次会议",
    ("presidium.meeting_quorum", Fraction(1, 2)): "应当有全体成员的过半数出席",
    ("presidium.decision_majority", Fraction(1, 2)): "应当由主席团全体成员的过半数通过",
    ("supervision.special_reports_per_year", 1): "主席团应当每年选择若干",
    ("supervision.visit_before_special_report", 1): "专项工作报告前，组织代表对有关工作进行视察或者专题调查研究",
    ("livelihood.review_by_presidium", 1): "进行调查研究，并提请乡镇人民代表大会决定",
    ("livelihood.performance_evaluation", 1): "进行跟踪监督和绩效评估",
    ("budget.publication_days", 20): "在批准后二十日内向社会公开",
    ("budget.adjustment_through_presidium", 1): "以书面形式报主席团。主席团组织听取代表对预算调整方案的意见",
    ("budget.supervision_system", 1): "主席团应当制定财政预算执行监督和决算监督制度",
    ("session.rules_of_procedure", 1): "乡镇人民代表大会应当制定大会议事规则",
    ("budget.review_procedure", 1): "制定财政预算审查批准工作制度",
    ("session.invite_upper_deputies", 1): "应当邀请本行政区域内上级人民代表大会代表列席",
    ("presidium.members_no_admin_post", 1): "主席团成员不得担任国家行政机关的职务",
    ("credentials.committee_required", 1): "第一次会议通过代表资格审查委员会",
    ("credentials.nominated_by_presidium", 1): "代表资格审查委员会成员等建议名单",
}


def test_every_setting_binds_townships_only_and_its_clause_says_it():
    assert {(s.parameter, s.value) for s in npcproc_zhejiang.SETTINGS} == set(WORDS)
    for setting in npcproc_zhejiang.SETTINGS:
        assert setting.levels == frozenset({Level.TOWNSHIP}), setting
        assert setting.citation.law == "ZJ"
        assert WORDS[(setting.parameter, setting.value)] in setting.citation.text(), setting


# -- ZJ 2: township congresses only --------------------------------------------------------------


def test_zj_2_every_setting_binds_township_congresses_only(zhejiang):
    assert {setting.levels for setting in npcproc_zhejiang.SETTINGS} == {frozenset({Level.TOWNSHIP})}
    county = zhejiang.for_congress(CongressFacts(level=Level.COUNTY, population=30_000, deputies=60))
    township = zhejiang.for_congress(CongressFacts(level=Level.TOWNSHIP, population=30_000, deputies=60))
    for setting in npcproc_zhejiang.SETTINGS:
        assert county.effective(setting.parameter).source == "national", setting.parameter
    plain = [s for s in npcproc_zhejiang.SETTINGS if s.when is None]
    shall = [s for s in plain if s.binding is Binding.SHALL]
    assert [township.effective(s.parameter).citation for s in shall] == [s.citation for s in shall]
    normally = [s for s in plain if s.binding is Binding.NORMALLY]
    assert [township.advised(s.parameter).citation for s in normally] == [zj(16, 1)]
    assert [county.advised(s.parameter) for s in normally] == [None]


def test_zj_2_a_county_session_is_judged_by_national_law_alone(zhejiang):
    county = Congress_(zhejiang, level=Level.COUNTY)
    county.congresses.record_administrative_post("c", "d03", holds=True, on=D(2021, 12, 1))
    # A half-day session, notified one day ahead with the materials on the day, a 20-member presidium
    # with a member holding an administrative post: ZJ 8 ¶2, 16 ¶2, 20 and 38 bind townships only.
    county.session("s", D(2022, 1, 5), days=Fraction(1, 2), notice=1, materials=0, presidium=20)
    assert county.sessions.state("s").presidium == tuple(EVERYONE[:20])
    # The other side: the same session in a township is refused at each step, citing ZJ.
    township = Congress_(zhejiang)
    township.congresses.record_administrative_post("c", "d03", holds=True, on=D(2021, 12, 1))
    assert refusal(lambda: township.session("s", D(2022, 1, 5), days=Fraction(1, 2))) == [
        ("session.length", "ZJ 16 ¶2")
    ]
    township.sessions.plan("s", congress_id="c", opens_on=D(2022, 1, 5))
    late = lambda: township.sessions.give_notice("s", on=D(2022, 1, 4), materials_on=D(2022, 1, 5))  # noqa: E731
    assert sorted(refusal(late)) == [("session.materials", "ZJ 20"), ("session.notice", "ZJ 20")]
    township.sessions.give_notice("s", on=D(2021, 12, 29), materials_on=D(2022, 1, 4))
    prep = lambda: prepare(township.sessions, "s", on=D(2022, 1, 5), presidium=EVERYONE[:20], agenda=[])  # noqa: E731
    assert sorted(refusal(prep)) == [
        ("presidium.admin_post", "ZJ 38"), ("presidium.max_size", "ZJ 8 ¶2"),
    ]  # fmt: skip


# -- ZJ 6, 15, 16 ¶1, 22 ¶1: the national numbers, cited to the provincial article for townships -----


@pytest.mark.parametrize(
    ("parameter", "value", "article", "national"),
    [
        ("term.years", 5, zj(6), "OL 9 ¶1"),
        ("session.first_within_months", 2, zj(15), "OL 20 ¶1"),
        ("session.extraordinary_proposal", Fraction(1, 5), zj(16, 1), "OL 14 ¶3"),
        ("vote.majority_of_all", Fraction(1, 2), zj(22, 1), "OL 25 ¶1"),
    ],
)
def test_zj_6_15_16_22_same_numbers_as_national_law(zhejiang, parameter, value, article, national):
    township = zhejiang.for_congress(CongressFacts(level=Level.TOWNSHIP, population=30_000, deputies=60))
    county = zhejiang.for_congress(CongressFacts(level=Level.COUNTY, population=30_000, deputies=60))
    assert (township.value(parameter), township.effective(parameter).citation) == (value, article)
    assert (county.value(parameter), str(county.effective(parameter).citation)) == (value, national)


def test_zj_15_first_session_within_two_months_of_the_elections(zhejiang):
    # "在本届人民代表大会代表选举完成后的两个月内": 10 November 2021 + 2 months = 10 January 2022 (a Monday).
    late = Congress_(zhejiang)
    assert refusal(lambda: late.sessions.plan("s", congress_id="c", opens_on=D(2022, 1, 11))) == [
        ("session.first_of_term", "ZJ 15")
    ]
    in_time = Congress_(zhejiang)
    assert in_time.sessions.plan("s", congress_id="c", opens_on=D(2022, 1, 10)).opens_on == D(2022, 1, 10)


def test_zj_16_1_extraordinary_session_proposed_by_one_fifth_of_deputies(zhejiang):
    from npcproc.model.session import ConveningBody

    township = Congress_(zhejiang)
    township.session("s", D(2022, 1, 5))
    # "经五分之一以上代表提议": 12 of 60 deputies may propose, 11 may not.
    with pytest.raises(ProcedureError, match="fewer than 1/5"):
        township.sessions.plan("x", congress_id="c", opens_on=D(2022, 3, 1), kind=SessionKind.EXTRAORDINARY,
                               convened_by=ConveningBody.DEPUTIES, proposers=EVERYONE[:11])  # fmt: skip
    planned = township.sessions.plan("x", congress_id="c", opens_on=D(2022, 3, 1), kind=SessionKind.EXTRAORDINARY,
                                     convened_by=ConveningBody.DEPUTIES, proposers=EVERYONE[:12])  # fmt: skip
    assert len(planned.proposers) == 12


@pytest.mark.parametrize(("level", "cited"), [(Level.TOWNSHIP, "ZJ 16 ¶1"), (Level.COUNTY, "OL 14 ¶3")])
def test_zj_16_1_a_refused_proposal_cites_the_rule_in_force(zhejiang, level, cited):
    # The refusal cites the rule in force for the congress: ZJ 16 ¶1 binds a township, a county keeps OL 14 ¶3.
    from npcproc.model.session import ConveningBody

    congress = Congress_(zhejiang, level=level)
    congress.session("s", D(2022, 1, 5))
    plan = lambda: congress.sessions.plan("x", congress_id="c", opens_on=D(2022, 3, 1),  # noqa: E731
                                          kind=SessionKind.EXTRAORDINARY, convened_by=ConveningBody.DEPUTIES,
                                          proposers=EVERYONE[:11])  # fmt: skip
    assert refusal(plan) == [("session.extraordinary_proposal", cited)]


def test_zj_22_1_elections_and_votes_pass_with_a_majority_of_all_deputies(zhejiang):
    township = zhejiang.for_congress(CongressFacts(level=Level.TOWNSHIP, population=30_000, deputies=60))
    passed, failed = township.resolution_passes(60, 31), township.resolution_passes(60, 30)
    assert (passed.ok, failed.ok) == (True, False)
    assert failed.citations == (zj(22, 1),)


# -- ZJ 8 ¶2: seven to thirteen members; up to seventeen in developed or populous townships ---------


@pytest.mark.parametrize(("size", "refused"), [(6, [("presidium.min_size", "ZJ 8 ¶2")]), (7, []), (13, []),
                                               (14, [("presidium.max_size", "ZJ 8 ¶2")])])  # fmt: skip
def test_zj_8_2_presidium_of_seven_to_thirteen(zhejiang, size, refused):
    township = Congress_(zhejiang, population=500_000)  # a population alone is not a designation
    township.sessions.plan("s", congress_id="c", opens_on=D(2022, 1, 5))
    township.sessions.give_notice("s", on=D(2021, 12, 20), materials_on=D(2022, 1, 1))

    def hold():
        prepare(township.sessions, "s", on=D(2022, 1, 5), presidium=EVERYONE[:size], agenda=[])

    if refused:
        assert refusal(hold) == refused
    else:
        hold()


@pytest.mark.parametrize("designation", ["developed", "populous"])
@pytest.mark.parametrize(("size", "ok"), [(17, True), (18, False)])
def test_zj_8_2_up_to_seventeen_in_an_economically_developed_or_populous_township(zhejiang, designation, size, ok):
    # "经济比较发达或者人口较多的乡镇不超过十七人": either quality is enough.
    township = Congress_(zhejiang, designations=(designation,))
    if ok:
        township.session("s", D(2022, 1, 5), presidium=size)
        assert len(township.sessions.state("s").presidium) == 17
    else:
        assert refusal(lambda: township.session("s", D(2022, 1, 5), presidium=size)) == [
            ("presidium.max_size", "ZJ 8 ¶2")
        ]
    cap = zhejiang.for_congress(CongressFacts(level=Level.TOWNSHIP, designations={designation}))
    assert (cap.value("presidium.max_size"), cap.effective("presidium.max_size").when.designation) == (17, designation)


def test_zj_8_2_seventeen_members_without_the_designation_are_refused(zhejiang):
    township = Congress_(zhejiang, designations=("coastal",))
    assert refusal(lambda: township.session("s", D(2022, 1, 5), presidium=17)) == [("presidium.max_size", "ZJ 8 ¶2")]


# -- ZJ 16: sessions a year (normally), length -----------------------------------------------------

FULL_YEAR = (K.GOVERNMENT_REPORT, K.PRESIDIUM_REPORT, K.BUDGET, K.CONSTRUCTION_PLAN, K.CIVIL_AFFAIRS_PLAN,
             K.BUDGET_EXECUTION, K.FINAL_ACCOUNTS)  # fmt: skip


def test_zj_16_1_one_session_a_year_is_a_notice_not_a_violation(zhejiang):
    # "一般每年年初和年中各举行一次": one session covering every statutory item breaks no rule.
    one = Congress_(zhejiang)
    one.session("s", D(2022, 1, 5), agenda=items(*FULL_YEAR))
    decision = one.sessions.year_check("c", 2022)
    assert decision.ok
    assert [(r.code, r.citation, r.values["held"]) for r in decision.notices] == [
        ("agenda.sessions_per_year", zj(16, 1), 1)
    ]
    two = Congress_(zhejiang)
    two.session("s1", D(2022, 1, 5), agenda=items(*FULL_YEAR))
    two.session("s2", D(2022, 7, 6), agenda=items(K.GOVERNMENT_REPORT, K.BUDGET_EXECUTION, K.FINAL_ACCOUNTS))
    checked = two.sessions.year_check("c", 2022)
    assert checked.ok
    assert checked.notices == ()


@pytest.mark.parametrize(("days", "ok"), [(Fraction(1, 2), False), (Fraction(1), True)])
def test_zj_16_2_a_regular_session_lasts_at_least_one_day(zhejiang, days, ok):
    township = Congress_(zhejiang)
    if ok:
        assert township.sessions.plan("s", congress_id="c", opens_on=D(2022, 1, 5), days=days).days == days
    else:
        assert refusal(lambda: township.sessions.plan("s", congress_id="c", opens_on=D(2022, 1, 5), days=days)) == [
            ("session.length", "ZJ 16 ¶2")
        ]


def test_zj_16_2_an_extraordinary_session_may_be_shorter(zhejiang):
    # "临时举行的乡镇人民代表大会会议会期，可以少于一天。"
    township = Congress_(zhejiang)
    township.session("s", D(2022, 1, 5))
    quarter = Fraction(1, 4)
    planned = township.sessions.plan("x", congress_id="c", opens_on=D(2022, 3, 1), kind=SessionKind.EXTRAORDINARY,
                                     days=quarter)  # fmt: skip
    assert planned.days == quarter


# -- ZJ 17: the main items of the early-year and the mid-year session (normally) -------------------


def test_zj_17_1_early_year_session_without_the_budget_is_a_notice(zhejiang):
    township = Congress_(zhejiang)
    township.session("s1", D(2022, 1, 5), agenda=items(K.GOVERNMENT_REPORT, K.PRESIDIUM_REPORT, K.CONSTRUCTION_PLAN,
                                                        K.CIVIL_AFFAIRS_PLAN))  # fmt: skip
    township.session("s2", D(2022, 7, 6), agenda=items(K.GOVERNMENT_REPORT, K.BUDGET, K.BUDGET_EXECUTION,
                                                        K.FINAL_ACCOUNTS))  # fmt: skip
    decision = township.sessions.year_check("c", 2022)
    assert decision.ok  # OL 12 ¶1 (4) is met: the budget was heard in the year
    assert [(r.code, r.citation, r.values["session"], r.values["item"]) for r in decision.notices] == [
        ("zj.main_item", zj(17, 1), "s1", "budget")
    ]
    assert "early-year session s1 did not hear budget" in decision.explain("en")
    assert "年初会议s1的议程没有" in decision.explain("zh")


def test_zj_17_2_mid_year_session_without_the_final_accounts_is_a_notice(zhejiang):
    township = Congress_(zhejiang)
    township.session("s1", D(2022, 1, 5), agenda=items(*FULL_YEAR))
    township.session("s2", D(2022, 7, 6), agenda=items(K.GOVERNMENT_REPORT, K.BUDGET_EXECUTION))
    decision = township.sessions.year_check("c", 2022)
    assert decision.ok
    assert [(r.citation, r.values["item"]) for r in decision.notices] == [(zj(17, 2), "final_accounts")]


def test_zj_17_an_item_heard_at_the_other_session_breaks_nothing(zhejiang):
    # Each paragraph adds "其他法定职权范围内的事项": final accounts early in the year are lawful.
    township = Congress_(zhejiang)
    township.session("s1", D(2022, 1, 5), agenda=items(*FULL_YEAR))
    township.session("s2", D(2022, 7, 6), agenda=items(K.GOVERNMENT_REPORT, K.BUDGET_EXECUTION, K.FINAL_ACCOUNTS,
                                                        K.BUDGET))  # fmt: skip
    decision = township.sessions.year_check("c", 2022)
    assert decision.ok
    assert decision.notices == ()
    assert {r.code for r in decision.reasons} >= {"zj.main_item"}


def test_zj_17_leaves_a_county_congress_alone(zhejiang):
    county = Congress_(zhejiang, level=Level.COUNTY)
    county.session("s1", D(2022, 1, 5), agenda=items(K.FINAL_ACCOUNTS))
    assert not any(r.code == "zj.main_item" for r in county.sessions.year_check("c", 2022).reasons)


# -- ZJ 20: notice seven days and materials one day ahead, regular sessions only ---------------------


@pytest.mark.parametrize(
    ("notice", "materials", "refused"),
    [(7, 1, []), (6, 1, [("session.notice", "ZJ 20")]), (7, 0, [("session.materials", "ZJ 20")])],
)
def test_zj_20_notice_seven_days_and_materials_one_day_ahead(zhejiang, notice, materials, refused):
    township = Congress_(zhejiang)
    township.sessions.plan("s", congress_id="c", opens_on=D(2022, 1, 5))
    opens = D(2022, 1, 5)

    def notify():
        township.sessions.give_notice("s", on=opens - datetime.timedelta(days=notice),
                                      materials_on=opens - datetime.timedelta(days=materials))  # fmt: skip

    if refused:
        assert refusal(notify) == refused
    else:
        notify()


def test_zj_20_an_extraordinary_session_is_exempt(zhejiang):
    # "临时举行的乡镇人民代表大会会议，不受上述时间规定限制。"
    township = Congress_(zhejiang)
    township.session("s", D(2022, 1, 5))
    township.session("x", D(2022, 3, 1), kind=SessionKind.EXTRAORDINARY, notice=1, materials=0)
    assert township.sessions.state("x").opened_on == D(2022, 3, 1)


# -- ZJ 24: presidium meetings between sessions ----------------------------------------------------


def presidium_after(zhejiang, closes_on: datetime.date) -> tuple[Congress_, PresidiumMeetings]:
    township = Congress_(zhejiang, elected=closes_on - datetime.timedelta(days=20))
    township.session("s", closes_on, agenda=items(*FULL_YEAR))  # presidium d01-d09
    return township, PresidiumMeetings(township.store, zhejiang)


@pytest.mark.parametrize(("present", "ok"), [(5, True), (4, False)])
def test_zj_24_2_a_meeting_needs_more_than_half_of_all_members(zhejiang, present, ok):
    _, meetings = presidium_after(zhejiang, D(2022, 3, 10))
    hold = lambda: meetings.hold_meeting("c", "m1", on=D(2022, 4, 1), present=EVERYONE[:present])  # noqa: E731
    if ok:
        assert hold().citations == (zj(24, 2),)
    else:
        assert refusal(hold) == [("presidium.meeting_quorum", "ZJ 24 ¶2")]


@pytest.mark.parametrize(("yes", "ok"), [(5, True), (4, False)])
def test_zj_24_3_a_decision_needs_more_than_half_of_all_members(zhejiang, yes, ok):
    _, meetings = presidium_after(zhejiang, D(2022, 3, 10))
    meetings.hold_meeting("c", "m1", on=D(2022, 4, 1), present=EVERYONE[:9])
    decision = meetings.decide("c", "m1", "d1", subject="视察安排", yes=yes, no=9 - yes)
    assert decision.ok is ok
    assert decision.citations == (zj(24, 3),)


@pytest.mark.parametrize(("meets_on", "ok"), [(D(2022, 6, 10), True), (D(2022, 6, 11), False)])
def test_zj_24_1_within_three_months_of_the_close_of_the_session(zhejiang, meets_on, ok):
    # "闭会期间，至少每三个月举行一次会议": the session closed on 10 March 2022, so the presidium meets
    # by 10 June 2022 (a Friday, a working day: CC 203 does not move it).
    _, meetings = presidium_after(zhejiang, D(2022, 3, 10))
    meetings.hold_meeting("c", "m1", on=meets_on, present=EVERYONE[:9])
    decision = meetings.frequency_check("c", 2022, as_of=D(2022, 6, 30))
    assert decision.ok is ok
    assert {r.citation for r in decision.reasons} == {zj(24, 1)}
    if not ok:
        assert [(r.code, r.values["deadline"]) for r in decision.failing] == [("presidium.meeting_gap", "2022-06-10")]


@pytest.mark.parametrize(("level", "cited"), [(Level.TOWNSHIP, {zj(24, 1)}), (Level.COUNTY, set())])
def test_zj_24_1_binds_a_township_presidium_only(zhejiang, level, cited):
    # A county congress's presidium sits only in session: no meeting in the recess breaks nothing there.
    congress = Congress_(zhejiang, level=level, elected=D(2022, 2, 18))
    congress.session("s", D(2022, 3, 10), agenda=items(*FULL_YEAR))
    decision = PresidiumMeetings(congress.store, zhejiang).frequency_check("c", 2022, as_of=D(2022, 6, 30))
    assert {r.citation for r in decision.failing} == cited


def test_zj_24_1_counts_from_the_close_of_the_session(zhejiang):
    rule = zhejiang.for_congress(CongressFacts(level=Level.TOWNSHIP)).effective("presidium.max_months_between_meetings")
    assert (rule.value, rule.starts, rule.citation) == (3, "session_closed", zj(24, 1))


# -- ZJ 30: livelihood projects decided by the congress, tracked and evaluated --------------------


def livelihood_year(zhejiang, *, level=Level.TOWNSHIP, by=ReviewBody.PRESIDIUM) -> tuple[Congress_, Livelihood]:
    congress = Congress_(zhejiang, level=level)
    congress.session("2022-1", D(2022, 1, 5), close=False,
                     agenda=items(AgendaItemKind.LIVELIHOOD_VOTE))  # fmt: skip
    livelihood = Livelihood(congress.store, zhejiang)
    livelihood.open_collection("c", 2022, on=D(2021, 11, 15))
    for n in (1, 2):
        livelihood.propose("c", 2022, f"p{n}", title=f"项目{n}", source=ProjectSource.PUBLIC, on=D(2021, 11, 20))
        livelihood.review("c", 2022, f"p{n}", accepted=True, by=by, on=D(2021, 12, 10))
    return congress, livelihood


@pytest.mark.parametrize(("by", "ok"), [(ReviewBody.PRESIDIUM, True), (ReviewBody.GOVERNMENT, False)])
def test_zj_30_1_the_presidium_studies_the_projects_put_to_the_congress(zhejiang, by, ok):
    _, livelihood = livelihood_year(zhejiang, by=by)
    listing = lambda: livelihood.list_candidates("c", 2022, quota=1, on=D(2021, 12, 20))  # noqa: E731
    if ok:
        assert listing() == ("p1", "p2")
    else:
        assert refusal(listing) == [("livelihood.review_body", "ZJ 30 ¶1")] * 2


@pytest.mark.parametrize("visited", [True, False])
def test_zj_30_2_chosen_projects_are_tracked_and_evaluated(zhejiang, visited):
    _, livelihood = livelihood_year(zhejiang)
    livelihood.list_candidates("c", 2022, quota=1, on=D(2021, 12, 20))
    livelihood.vote("c", 2022, session_id="2022-1", on=D(2022, 1, 5), ballots_issued=60, votes={"p1": 40, "p2": 20})
    if visited:
        livelihood.visit("c", 2022, "p1", on=D(2022, 6, 1), group="第一代表小组", deputies=EVERYONE[:3],
                         findings="进度正常")  # fmt: skip
    rating = {"p1": SatisfactionCount(satisfied=50, basically_satisfied=0, dissatisfied=0)}
    evaluation = livelihood.evaluate("c", 2022, on=D(2022, 12, 20), ratings=rating)
    assert evaluation.ok is visited
    assert evaluation.citations == (zj(30, 2),)


def test_zj_30_2_leaves_a_county_congress_alone(zhejiang):
    _, livelihood = livelihood_year(zhejiang, level=Level.COUNTY, by=ReviewBody.STANDING_COMMITTEE)
    livelihood.list_candidates("c", 2022, quota=1, on=D(2021, 12, 20))
    livelihood.vote("c", 2022, session_id="2022-1", on=D(2022, 1, 5), ballots_issued=60, votes={"p1": 40, "p2": 20})
    rating = {"p1": SatisfactionCount(satisfied=50, basically_satisfied=0, dissatisfied=0)}
    evaluation = livelihood.evaluate("c", 2022, on=D(2022, 12, 20), ratings=rating)
    assert evaluation.ok
    assert zj(30, 2) not in evaluation.citations


# -- ZJ 38: presidium members hold no administrative post ------------------------------------------


@pytest.mark.parametrize("holds", [True, False])
def test_zj_38_presidium_members_hold_no_administrative_post(zhejiang, holds):
    township = Congress_(zhejiang)
    township.congresses.record_administrative_post("c", "d03", holds=True, on=D(2021, 12, 1))
    if not holds:  # "如果担任国家行政机关的职务，必须…辞去" — the post given up before the election
        township.congresses.record_administrative_post("c", "d03", holds=False, on=D(2021, 12, 20))
    elect = lambda: township.session("s", D(2022, 1, 5))  # noqa: E731
    if holds:
        assert refusal(elect) == [("presidium.admin_post", "ZJ 38")]
    else:
        elect()


def test_zj_8_2_is_cited_from_the_law_text_this_plugin_ships():
    """The core ships national law only; this plugin registers its own regulations, so a manager
    holding the core and this plugin alone quotes the clause, and explanations name the regulation."""
    from npcproc.plugins import create_plugin_manager as manager
    from npcproc.rules import Citation as Cite
    from npcproc.rules.laws import clause_text, read_law_texts

    assert not {law.key for law in read_law_texts("npcproc", "data/laws.json")} & {"ZJ-ZD", "ZJ-JD", "ZJ"}
    alone = manager(autoload=False, plugins=(npcproc_zhejiang,))
    assert (
        clause_text("ZJ", 8, 2, pm=alone)
        == "主席团成员的名额为七人至十三人，经济比较发达或者人口较多的乡镇不超过十七人。"
    )
    assert Cite(law="ZJ", article=8, paragraph=2).label("zh") == "《浙江省乡镇人民代表大会工作条例》第8条第2款"


# -- ZJ 42: 本条例自2016年10月1日起施行 -------------------------------------------------------------------


def test_zj_42_every_setting_is_in_force_from_1_october_2016():
    assert {s.in_force_from for s in npcproc_zhejiang.SETTINGS} == {D(2016, 10, 1)}


def test_zj_42_in_force_from_1_october_2016(zhejiang):
    """ZJ 8 ¶2 "主席团成员的名额为七人至十三人": a presidium of fourteen is refused from 1 October 2016; the
    day before, national law alone (which sets no size) judges it."""
    before = Congress_(zhejiang, elected=D(2016, 9, 1))
    before.session("s", D(2016, 9, 30), presidium=14)
    assert len(before.sessions.state("s").presidium) == 14
    on_the_day = Congress_(zhejiang, elected=D(2016, 9, 1))
    assert refusal(lambda: on_the_day.session("s", D(2016, 10, 1), presidium=14)) == [("presidium.max_size", "ZJ 8 ¶2")]


@pytest.mark.parametrize(("year", "judged"), [(2015, False), (2016, True)])
def test_zj_42_the_zj_17_check_judges_no_year_wholly_before_1_october_2016(zhejiang, year, judged):
    """ZJ 17 is dated by ZJ 42: 2015 ends before the regulation took effect, so its early-year session without the
    budget gives no ZJ 17 notice; 2016, in which it took effect, is judged."""
    township = Congress_(zhejiang, elected=D(year - 1, 12, 1))
    township.session("s1", D(year, 1, 5), agenda=items(K.GOVERNMENT_REPORT, K.PRESIDIUM_REPORT))
    decision = township.sessions.year_check("c", year)
    main_items = [(r.citation, r.values["item"]) for r in decision.notices if r.code == "zj.main_item"]
    assert main_items == ([(zj(17, 1), "budget")] if judged else [])
