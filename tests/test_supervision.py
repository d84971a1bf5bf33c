"""Supervision cases: links closed step by step, ratings that reopen, lead times, deadlines, overdue lists."""

from __future__ import annotations

import datetime
import json
from fractions import Fraction

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from npcproc.errors import InvalidArgumentError, ProcedureError
from npcproc.hookspecs import hookimpl
from npcproc.model import Congress, Level
from npcproc.plugins import create_plugin_manager, load_rules
from npcproc.procedures import Congresses
from npcproc.procedures.supervision.commands import (
    BASIS,
    COUNTY_ONLY,
    GENERAL,
    RATED_BY_DEFAULT,
    Supervision,
    link,
)
from npcproc.procedures.supervision.events import CaseOpened, LeadTimes, LinkKind, Rated, Step, StepRecorded
from npcproc.procedures.supervision.state import STEPS
from npcproc.rules import Citation, Direction, Parameter, Setting
from npcproc.rules.national import PARAMETERS
from npcproc.serialization import event_from_data, event_to_data
from npcproc.store import MemoryStore
from npcproc.store.sqlite import SQLiteStore
from npcproc.testing import settings_plugin

D = datetime.date
HELD, REPORTED, REFERRED, RECTIFIED = Step.HELD, Step.REPORTED, Step.REFERRED, Step.RECTIFIED
# The parameters this module asks national.py to list as provincial-only; registered here until it does.
NEW_PARAMETERS = (
    Parameter(name="supervision.satisfaction_threshold", national=None, direction=Direction.HIGHER_IS_STRICTER,
              citation=None, unit="fraction of raters, inclusive", en="raters satisfied for a satisfaction rating "
              "to pass", zh="满意度测评通过所需满意比例（以上）"),
    Parameter(name="supervision.rectification_months", national=None, direction=Direction.LOWER_IS_STRICTER,
              citation=None, unit="months", en="report on the handling of supervision opinions after referral",
              zh="监督意见交办后报告研究处理情况的期限"),
)  # fmt: skip
# A hypothetical provincial rule, cited to the Henan article that requires ratings.
PROVINCIAL = Citation(law="HN", article=4, paragraph=1, item=4)


class SupervisionParameters:
    @hookimpl
    def npcproc_register_parameters(self, register):
        for parameter in NEW_PARAMETERS:
            if parameter.name not in PARAMETERS:
                register(parameter)


def rules_with(*settings: Setting):
    plugins = (SupervisionParameters(), settings_plugin(settings))
    return load_rules(None, pm=create_plugin_manager(autoload=False, plugins=plugins))


def open_store(kind: str):
    return MemoryStore() if kind == "memory" else SQLiteStore(":memory:")


@pytest.fixture(params=["memory", "sqlite"])
def store(request):
    store = open_store(request.param)
    yield store
    store.close()


def supervision(store, *settings: Setting) -> Supervision:
    rules = rules_with(*settings)
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="c1", name="某县人民代表大会", level=Level.COUNTY, division_code="330110",
                                  population=400_000, deputy_quota=220))  # fmt: skip
    congresses.establish(Congress(id="t1", name="某镇人民代表大会", level=Level.TOWNSHIP, division_code="330110001",
                                  population=30_000, deputy_quota=65))  # fmt: skip
    return Supervision(store, rules)


def lead_for(meeting: datetime.date, committee: int = 20, standing: int = 10, members: int = 7) -> LeadTimes:
    return LeadTimes(to_committee_on=meeting - datetime.timedelta(days=committee),
                     to_standing_committee_on=meeting - datetime.timedelta(days=standing),
                     to_members_on=meeting - datetime.timedelta(days=members))  # fmt: skip


def refused(store, call, *args, **kwargs):
    """Run a command that must be refused; check the store is untouched and return the refusal's Decision."""
    before = list(store.read_all())
    with pytest.raises(ProcedureError) as caught:
        call(*args, **kwargs)
    assert list(store.read_all()) == before
    decision = caught.value.decision
    assert not decision.ok
    for failing in decision.failing:
        failing.citation.text()
        assert failing.message("zh")
        assert failing.message("en")
    return decision


def failing_citations(decision) -> set[str]:
    return {str(r.citation) for r in decision.failing}


def test_special_report_through_a_failed_rating_to_closure(store):
    sup = supervision(store)
    sup.open_case(
        "2024-1", congress_id="c1", subject="农村饮水安全", links=[link(LinkKind.SPECIAL_REPORT, "县人民政府")]
    )
    meeting = D(2024, 4, 25)
    sup.record("2024-1", 0, HELD, congress_id="c1", on=meeting, lead=lead_for(meeting))
    sup.record("2024-1", 0, REFERRED, congress_id="c1", on=D(2024, 5, 6), due=D(2024, 8, 6))
    sup.record("2024-1", 0, RECTIFIED, congress_id="c1", on=D(2024, 8, 1))
    failed = sup.rate(
        "2024-1", 0, congress_id="c1", on=D(2024, 8, 28), satisfied=12, raters=25, new_due=D(2024, 11, 30)
    )
    assert not failed.ok
    assert "过半数" in failed.explain("zh")
    assert "more than half (13)" in failed.explain("en")
    reopened = sup.state("2024-1", congress_id="c1")
    assert not reopened.closed
    assert reopened.links[0].awaiting is RECTIFIED
    assert reopened.links[0].deadlines == (D(2024, 8, 6), D(2024, 11, 30))
    sup.record("2024-1", 0, RECTIFIED, congress_id="c1", on=D(2024, 11, 20))
    passed = sup.rate("2024-1", 0, congress_id="c1", on=D(2024, 12, 26), satisfied=13, raters=25)
    assert passed.ok
    case = sup.state("2024-1", congress_id="c1")
    assert case.closed
    assert case.closed_on == D(2024, 12, 26)
    assert [type(e) for e in case.links[0].history] == [StepRecorded] * 3 + [Rated, StepRecorded, Rated]
    assert str(passed.reasons[0].citation) == "practice (seed 003)"  # SL 17 ¶2 has no rating: seed 003 does


def test_three_link_chain_closes_only_when_the_last_link_closes(store):
    sup = supervision(store)
    links = [link(LinkKind.INSPECTION, "镇人民政府"), link(LinkKind.WORK_REVIEW, "镇农业综合服务中心"),
             link(LinkKind.LAW_ENFORCEMENT, "镇人民政府", rated=True)]  # fmt: skip
    sup.open_case("t-2024", congress_id="t1", subject="耕地保护", links=links)
    steps = [
        (0, HELD, D(2024, 3, 5), None), (0, REFERRED, D(2024, 3, 12), D(2024, 4, 30)),
        (0, RECTIFIED, D(2024, 4, 20), None), (1, HELD, D(2024, 5, 10), None), (2, HELD, D(2024, 6, 3), None),
        (2, REPORTED, D(2024, 6, 20), None),
        (2, REFERRED, D(2024, 6, 28), D(2024, 9, 30)), (2, RECTIFIED, D(2024, 9, 10), None),
    ]  # fmt: skip
    for index, step, on, due in steps:
        sup.record("t-2024", index, step, congress_id="t1", on=on, due=due)
        assert not sup.state("t-2024", congress_id="t1").closed
    assert sup.rate("t-2024", 1, congress_id="t1", on=D(2024, 5, 10), satisfied=30, raters=40)
    assert [s.closed for s in sup.state("t-2024", congress_id="t1").links] == [True, True, False]
    assert not sup.state("t-2024", congress_id="t1").closed
    assert sup.rate("t-2024", 2, congress_id="t1", on=D(2024, 10, 8), satisfied=35, raters=40)
    case = sup.state("t-2024", congress_id="t1")
    assert case.closed
    assert case.closed_on == D(2024, 10, 8)
    assert [c.case_id for c in sup.cases("t1")] == ["t-2024"]
    assert sup.cases("c1") == ()


def test_special_report_and_special_inquiry_chain(store):
    sup = supervision(store)
    links = [link(LinkKind.SPECIAL_REPORT, "县人民政府", rated=False), link(LinkKind.SPECIAL_INQUIRY, "县教育局")]
    sup.open_case("edu", congress_id="c1", subject="义务教育", links=links)
    meeting = D(2024, 6, 27)
    sup.record("edu", 0, HELD, congress_id="c1", on=meeting, lead=lead_for(meeting))
    sup.record("edu", 1, HELD, congress_id="c1", on=meeting)
    sup.record("edu", 0, REFERRED, congress_id="c1", on=D(2024, 7, 5), due=D(2024, 10, 5))
    sup.record("edu", 1, REFERRED, congress_id="c1", on=D(2024, 7, 5), due=D(2024, 9, 5))
    sup.record("edu", 0, RECTIFIED, congress_id="c1", on=D(2024, 9, 28))
    assert not sup.state("edu", congress_id="c1").closed
    sup.record("edu", 1, RECTIFIED, congress_id="c1", on=D(2024, 10, 9))
    assert sup.state("edu", congress_id="c1").closed


@pytest.mark.parametrize(
    ("committee", "standing", "members", "failing"),
    [
        (20, 10, 7, set()),
        (19, 10, 7, {"SL 15 ¶1"}),
        (20, 9, 7, {"SL 15 ¶1"}),
        (20, 10, 6, {"SL 15 ¶2"}),
        (25, 12, 6, {"SL 15 ¶2"}),
    ],
)
def test_special_report_lead_times_at_the_boundary(store, committee, standing, members, failing):
    sup = supervision(store)
    sup.open_case("r", congress_id="c1", subject="安全生产", links=[link(LinkKind.SPECIAL_REPORT, "县应急管理局")])
    meeting = D(2024, 8, 29)
    lead = lead_for(meeting, committee, standing, members)
    if not failing:
        sup.record("r", 0, HELD, congress_id="c1", on=meeting, lead=lead)
        assert sup.state("r", congress_id="c1").links[0].awaiting is REFERRED
        return
    decision = refused(store, sup.record, "r", 0, HELD, congress_id="c1", on=meeting, lead=lead)
    assert failing_citations(decision) == failing
    assert "应当在会议举行的" in decision.explain("zh")


def test_county_special_report_needs_its_lead_dates_but_a_township_one_does_not(store):
    sup = supervision(store)
    sup.open_case("r", congress_id="c1", subject="安全生产", links=[link(LinkKind.SPECIAL_REPORT, "县应急管理局")])
    decision = refused(store, sup.record, "r", 0, HELD, congress_id="c1", on=D(2024, 8, 29))
    assert failing_citations(decision) == {"SL 15"}
    sup.open_case("t", congress_id="t1", subject="安全生产", links=[link(LinkKind.SPECIAL_REPORT, "镇人民政府")])
    sup.record("t", 0, HELD, congress_id="t1", on=D(2024, 8, 29))


def test_a_step_out_of_order_is_refused_with_the_store_unchanged(store):
    sup = supervision(store)
    sup.open_case("r", congress_id="c1", subject="营商环境", links=[link(LinkKind.SPECIAL_REPORT, "县人民政府")])
    decision = refused(store, sup.record, "r", 0, REFERRED, congress_id="c1", on=D(2024, 5, 6), due=D(2024, 8, 6))
    assert failing_citations(decision) == {"SL 17 ¶1"}
    assert "must next hold the hearing" in decision.explain("en")
    assert "下一步应当是" in decision.explain("zh")
    decision = refused(store, sup.rate, "r", 0, congress_id="c1", on=D(2024, 5, 6), satisfied=1, raters=1)
    assert failing_citations(decision) == {"practice (seed 003)"}
    decision = refused(store, sup.record, "r", 0, REPORTED, congress_id="c1", on=D(2024, 5, 6))
    assert failing_citations(decision) == {"SL 16 ¶1"}  # a special report has no inspection report: its own article
    decision = refused(store, sup.record, "r", 3, HELD, congress_id="c1", on=D(2024, 5, 6))
    assert failing_citations(decision) == {"OL 50 ¶1 (7)"}


def test_a_step_dated_before_the_previous_one_and_a_step_on_a_closed_link_are_refused(store):
    sup = supervision(store)
    sup.open_case("v", congress_id="t1", subject="道路", links=[link(LinkKind.INSPECTION, "镇人民政府")])
    sup.record("v", 0, HELD, congress_id="t1", on=D(2024, 3, 5))
    decision = refused(store, sup.record, "v", 0, REFERRED, congress_id="t1", on=D(2024, 3, 4), due=D(2024, 5, 1))
    assert failing_citations(decision) == {"DL 31 ¶1"}
    sup.record("v", 0, REFERRED, congress_id="t1", on=D(2024, 3, 6), due=D(2024, 5, 1))
    sup.record("v", 0, RECTIFIED, congress_id="t1", on=D(2024, 4, 6))
    decision = refused(store, sup.record, "v", 0, RECTIFIED, congress_id="t1", on=D(2024, 4, 7))
    assert "is closed" in decision.explain("en")


def test_overdue_links_on_a_given_date(store):
    sup = supervision(store)
    sup.open_case("a", congress_id="t1", subject="河道", links=[link(LinkKind.RESEARCH, "镇人民政府"),
                                                                link(LinkKind.WORK_REVIEW, "镇派出所")])  # fmt: skip
    sup.record("a", 0, HELD, congress_id="t1", on=D(2024, 3, 1))
    sup.record("a", 0, REFERRED, congress_id="t1", on=D(2024, 3, 10), due=D(2024, 6, 30))
    sup.record("a", 1, HELD, congress_id="t1", on=D(2024, 4, 1))
    sup.rate("a", 1, congress_id="t1", on=D(2024, 4, 1), satisfied=10, raters=40, new_due=D(2024, 6, 1))
    assert sup.overdue("t1", D(2024, 6, 1)) == ()
    late = sup.overdue("t1", D(2024, 6, 2))
    assert [(o.link, o.kind, o.step, o.due) for o in late] == [(1, LinkKind.WORK_REVIEW, RECTIFIED, D(2024, 6, 1))]
    assert [(o.link, o.due) for o in sup.overdue("t1", D(2024, 7, 1))] == [(0, D(2024, 6, 30)), (1, D(2024, 6, 1))]
    sup.record("a", 0, RECTIFIED, congress_id="t1", on=D(2024, 7, 2))
    sup.record("a", 1, RECTIFIED, congress_id="t1", on=D(2024, 7, 2))
    assert sup.overdue("t1", D(2025, 1, 1)) == ()  # the review awaits its second rating, which has no deadline


def test_audit_rectification_defaults_to_six_months_and_may_not_exceed_them(store):
    sup = supervision(store)
    sup.open_case("audit", congress_id="c1", subject="2023年度审计查出问题整改",
                  links=[link(LinkKind.AUDIT_REPORT, "县人民政府")])  # fmt: skip
    sup.record("audit", 0, HELD, congress_id="c1", on=D(2024, 8, 31))
    decision = refused(store, sup.record, "audit", 0, REFERRED, congress_id="c1", on=D(2024, 9, 10),
                       due=D(2025, 3, 1))  # fmt: skip
    assert failing_citations(decision) == {"SL 27 ¶2"}
    sup.record("audit", 0, REFERRED, congress_id="c1", on=D(2024, 9, 10))
    assert sup.state("audit", congress_id="c1").links[0].due == D(2025, 2, 28)  # CC 202: no 31 February


def test_a_referral_needs_a_deadline_unless_a_province_sets_the_period(store):
    sup = supervision(store)
    sup.open_case("le", congress_id="c1", subject="食品安全法", links=[link(LinkKind.LAW_ENFORCEMENT, "县市场监管局")])
    sup.record("le", 0, HELD, congress_id="c1", on=D(2024, 5, 8))
    sup.record("le", 0, REPORTED, congress_id="c1", on=D(2024, 6, 20))
    decision = refused(store, sup.record, "le", 0, REFERRED, congress_id="c1", on=D(2024, 6, 28))
    assert failing_citations(decision) == {"SL 37 ¶1"}
    decision = refused(store, sup.record, "le", 0, REFERRED, congress_id="c1", on=D(2024, 6, 28), due=D(2024, 6, 28))
    assert failing_citations(decision) == {"SL 37 ¶1"}

    provincial = Supervision(store, rules_with(Setting(parameter="supervision.rectification_months", value=3,
                                                       citation=PROVINCIAL)))  # fmt: skip
    decision = refused(store, provincial.record, "le", 0, REFERRED, congress_id="c1", on=D(2024, 6, 28),
                       due=D(2024, 9, 30))  # fmt: skip
    assert failing_citations(decision) == {"HN 4 ¶1 (4)"}
    provincial.record("le", 0, REFERRED, congress_id="c1", on=D(2024, 6, 28))
    # 28 September 2024 was a Saturday off; Sunday 29 September was worked 调休 (CC 203)
    assert provincial.state("le", congress_id="c1").links[0].due == D(2024, 9, 29)
    provincial.record("le", 0, RECTIFIED, congress_id="c1", on=D(2024, 9, 29))
    assert provincial.state("le", congress_id="c1").closed  # a law-enforcement inspection is rated only if asked


def test_a_provincial_threshold_is_inclusive_and_cited(store):
    setting = Setting(parameter="supervision.satisfaction_threshold", value=Fraction(2, 3), citation=PROVINCIAL)
    sup = supervision(store, setting)
    sup.open_case("w", congress_id="t1", subject="便民服务", links=[link(LinkKind.WORK_REVIEW, "镇便民服务中心")])
    sup.record("w", 0, HELD, congress_id="t1", on=D(2024, 5, 1))
    failed = sup.rate("w", 0, congress_id="t1", on=D(2024, 5, 1), satisfied=19, raters=30, new_due=D(2024, 8, 1))
    assert not failed.ok
    assert str(failed.reasons[0].citation) == "HN 4 ¶1 (4)"
    assert "三分之二" in failed.explain("zh")
    sup.record("w", 0, RECTIFIED, congress_id="t1", on=D(2024, 7, 1))
    assert sup.rate("w", 0, congress_id="t1", on=D(2024, 7, 15), satisfied=20, raters=30).ok
    assert sup.state("w", congress_id="t1").closed


def test_a_reopened_deadline_cannot_move_earlier(store):
    sup = supervision(store)
    sup.open_case("r", congress_id="t1", subject="垃圾分类", links=[link(LinkKind.SPECIAL_REPORT, "镇人民政府")])
    sup.record("r", 0, HELD, congress_id="t1", on=D(2024, 3, 1))
    sup.record("r", 0, REFERRED, congress_id="t1", on=D(2024, 3, 5), due=D(2024, 6, 5))
    sup.record("r", 0, RECTIFIED, congress_id="t1", on=D(2024, 4, 1))
    decision = refused(store, sup.rate, "r", 0, congress_id="t1", on=D(2024, 4, 10), satisfied=3, raters=20,
                       new_due=D(2024, 6, 4))  # fmt: skip
    assert failing_citations(decision) == {"practice (seed 003)"}
    assert "不得早于原期限2024-06-05" in decision.explain("zh")
    decision = refused(store, sup.rate, "r", 0, congress_id="t1", on=D(2024, 4, 10), satisfied=3, raters=20)
    assert "needs a deadline" in decision.explain("en")
    assert not sup.rate("r", 0, congress_id="t1", on=D(2024, 4, 10), satisfied=3, raters=20, new_due=D(2024, 6, 5))


def test_bad_rating_counts_are_refused(store):
    sup = supervision(store)
    sup.open_case("w", congress_id="t1", subject="便民服务", links=[link(LinkKind.WORK_REVIEW, "镇便民服务中心")])
    sup.record("w", 0, HELD, congress_id="t1", on=D(2024, 5, 1))
    for satisfied, raters in [(5, 4), (0, 0), (-1, 3)]:
        refused(store, sup.rate, "w", 0, congress_id="t1", on=D(2024, 5, 1), satisfied=satisfied, raters=raters)


def test_links_a_level_or_kind_cannot_hold_are_refused(store):
    sup = supervision(store)
    county_only = [link(LinkKind.SPECIAL_INQUIRY, "镇人民政府"), link(LinkKind.AUDIT_REPORT, "镇人民政府")]
    decision = refused(store, sup.open_case, "x", congress_id="t1", subject="教育", links=county_only)
    assert failing_citations(decision) == {"SL 47", "SL 27 ¶1"}
    decision = refused(store, sup.open_case, "x", congress_id="t1", subject="教育",
                       links=[link(LinkKind.INSPECTION, "镇人民政府", rated=True),
                              link(LinkKind.WORK_REVIEW, "镇人民政府", rated=False)])  # fmt: skip
    assert failing_citations(decision) == {"DL 31 ¶1", "practice (seed 003)"}
    decision = refused(store, sup.open_case, "x", congress_id="t1", subject=" ", links=[])
    assert len(decision.failing) == 2
    sup.open_case("x", congress_id="t1", subject="教育", links=[link(LinkKind.INSPECTION, "镇人民政府")])
    refused(store, sup.open_case, "x", congress_id="t1", subject="教育", links=[link(LinkKind.RESEARCH, "镇人民政府")])
    refused(store, sup.state, "nope", congress_id="t1")
    refused(store, sup.open_case, "y", congress_id="nowhere", subject="教育", links=[link(LinkKind.RESEARCH, "某")])


def test_misused_arguments_raise(store):
    sup = supervision(store)
    sup.open_case("r", congress_id="t1", subject="道路", links=[link(LinkKind.SPECIAL_REPORT, "镇人民政府")])
    with pytest.raises(InvalidArgumentError):
        sup.record("r", 0, Step.RATED, congress_id="t1", on=D(2024, 1, 1))
    with pytest.raises(InvalidArgumentError):
        sup.record("r", 0, HELD, congress_id="t1", on=D(2024, 1, 1), due=D(2024, 3, 1))
    sup.record("r", 0, HELD, congress_id="t1", on=D(2024, 1, 1))
    with pytest.raises(InvalidArgumentError):
        sup.record(
            "r", 0, REFERRED, congress_id="t1", on=D(2024, 1, 2), due=D(2024, 3, 1), lead=lead_for(D(2024, 1, 2))
        )


def test_every_cited_provision_exists():
    cited = [*COUNTY_ONLY.values(), *GENERAL.values()]
    cited += [c for kinds in BASIS.values() for steps in kinds.values() for c in steps.values()]
    for citation in cited:
        assert citation.text()
    special = {str(c) for c in BASIS[Level.COUNTY][LinkKind.SPECIAL_REPORT].values()}
    assert special == {"SL 16 ¶1", "SL 17 ¶1", "practice (seed 003)"}


@given(st.one_of(st.builds(CaseOpened), st.builds(StepRecorded), st.builds(Rated)))
def test_supervision_events_round_trip(event):
    type_, data = event_to_data(event)
    assert event_from_data(type_, json.loads(json.dumps(data))) == event


# -- properties ---------------------------------------------------------------------------------------------------

BACKENDS = st.sampled_from(["memory", "sqlite"])
TOWNSHIP_KINDS = [LinkKind.SPECIAL_REPORT, LinkKind.LAW_ENFORCEMENT, LinkKind.INSPECTION, LinkKind.RESEARCH,
                  LinkKind.WORK_REVIEW]  # fmt: skip


@st.composite
def plans(draw):
    """Links of a township case: kind, rated, failed ratings, carried to the end, or else steps taken."""
    plan = []
    for kind in draw(st.lists(st.sampled_from(TOWNSHIP_KINDS), min_size=1, max_size=4)):
        rated = draw(st.booleans()) if kind is LinkKind.LAW_ENFORCEMENT else kind in RATED_BY_DEFAULT
        plan.append((kind, rated, draw(st.integers(0, 2)), draw(st.booleans()), draw(st.integers(0, 6))))
    return plan


def drive(sup, case_id, index, kind, rated, failures, finish, taken, day):
    """Carry one link through its steps, with ``failures`` failed ratings; stop after ``taken`` unless ``finish``."""
    full = [*STEPS[kind], *(["fail", Step.RECTIFIED] * failures + ["pass"] if rated else [])]
    actions = full if finish else full[:taken]
    for action in actions:
        day += datetime.timedelta(days=3)
        if action in ("fail", "pass"):
            satisfied = 30 if action == "pass" else 10
            due = day + datetime.timedelta(days=30)
            sup.rate(case_id, index, congress_id="t1", on=day, satisfied=satisfied, raters=40, new_due=due)
        else:
            due = day + datetime.timedelta(days=30) if action is Step.REFERRED else None
            sup.record(case_id, index, action, congress_id="t1", on=day, due=due)
    return len(actions) == len(full), day


@given(backend=BACKENDS, plan=plans())
def test_a_case_is_closed_iff_every_link_is(backend, plan):
    store = open_store(backend)
    sup = supervision(store)
    sup.open_case("p", congress_id="t1", subject="闭环", links=[link(k, "镇人民政府", rated=r) for k, r, *_ in plan])
    day, finished = D(2024, 1, 1), []
    for index, (kind, rated, failures, finish, taken) in enumerate(plan):
        ended, day = drive(sup, "p", index, kind, rated, failures, finish, taken, day)
        finished.append(ended)
    case = sup.state("p", congress_id="t1")
    assert [s.closed for s in case.links] == finished
    assert case.closed == all(finished)
    assert (case.closed_on is not None) == all(finished)
    store.close()


@given(backend=BACKENDS, shifts=st.lists(st.integers(-40, 40), min_size=1, max_size=6))
def test_a_reopened_deadline_is_never_earlier(backend, shifts):
    store = open_store(backend)
    sup = supervision(store)
    sup.open_case("r", congress_id="t1", subject="整改", links=[link(LinkKind.SPECIAL_REPORT, "镇人民政府")])
    sup.record("r", 0, HELD, congress_id="t1", on=D(2024, 1, 2))
    sup.record("r", 0, REFERRED, congress_id="t1", on=D(2024, 1, 3), due=D(2024, 3, 1))
    day = D(2024, 1, 10)
    for shift in shifts:
        day += datetime.timedelta(days=20)
        sup.record("r", 0, RECTIFIED, congress_id="t1", on=day)
        previous = sup.state("r", congress_id="t1").links[0].deadlines[-1]
        wanted = previous + datetime.timedelta(days=shift)
        before = list(store.read_all())
        try:
            sup.rate("r", 0, congress_id="t1", on=day, satisfied=1, raters=9, new_due=wanted)
        except ProcedureError:
            assert wanted < previous or wanted <= day
            assert list(store.read_all()) == before
            wanted = max(previous, day + datetime.timedelta(days=1))
            sup.rate("r", 0, congress_id="t1", on=day, satisfied=1, raters=9, new_due=wanted)
        deadlines = sup.state("r", congress_id="t1").links[0].deadlines
        assert list(deadlines) == sorted(deadlines)
        assert deadlines[-1] == wanted
        assert wanted > day
    store.close()


COMMANDS = st.tuples(
    st.booleans(),  # take the step the link awaits, or the drawn one
    st.sampled_from([0, 1, 0, 1, -1, 2]),  # link index, sometimes out of range
    st.sampled_from(Step),
    st.integers(-3, 30),  # days after the previous command
    st.none() | st.integers(-10, 200),  # deadline, days after the command
    st.integers(-1, 12),  # satisfied
    st.integers(0, 10),  # raters
    st.integers(-1, 3),  # days more than SL 15 asks for the lead times
)


@given(backend=BACKENDS, commands=st.lists(COMMANDS, max_size=25))
def test_a_refused_command_never_changes_the_store(backend, commands):
    store = open_store(backend)
    sup = supervision(store)
    links = [link(LinkKind.SPECIAL_REPORT, "县人民政府"), link(LinkKind.AUDIT_REPORT, "县人民政府")]
    sup.open_case("c", congress_id="c1", subject="随机", links=links)
    day = D(2024, 1, 1)
    for follow, index, drawn, advance, due_in, satisfied, raters, slack in commands:
        day += datetime.timedelta(days=advance)
        due = None if due_in is None else day + datetime.timedelta(days=due_in)
        states = sup.state("c", congress_id="c1").links
        awaiting = states[index].awaiting if 0 <= index < len(states) else None
        step = awaiting if follow and awaiting is not None else drawn
        before = list(store.read_all())
        refusal = None
        try:
            if step is Step.RATED:
                sup.rate("c", index, congress_id="c1", on=day, satisfied=satisfied, raters=raters, new_due=due)
            else:
                due = due if step is Step.REFERRED else None
                lead = lead_for(day, 20 + slack, 10 + slack, 7 + slack) if index == 0 and step is Step.HELD else None
                sup.record("c", index, step, congress_id="c1", on=day, due=due, lead=lead)
        except ProcedureError as error:
            refusal = error.decision
        after = list(store.read_all())
        if refusal is None:
            assert len(after) == len(before) + 1
            continue
        assert after == before
        assert refusal.failing
        for failing in refusal.failing:
            failing.citation.text()
            assert failing.message("zh")
            assert failing.message("en")
    case = sup.state("c", congress_id="c1")
    event(f"closed links: {sum(s.closed for s in case.links)}")
    assert case.closed == all(s.closed for s in case.links)
    for state in case.links:
        dates = [e.on for e in state.history]
        assert dates == sorted(dates)
    store.close()
