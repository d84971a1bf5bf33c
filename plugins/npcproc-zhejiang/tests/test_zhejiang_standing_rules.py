"""ZJ 18 ¶1 (the congress's rules of procedure), ZJ 32 ¶1 (the presidium's budget review procedure) and ZJ 33 ¶1 (its
budget supervision system), through
StandingRules and `npcproc check`.

ZJ 18 ¶1 "乡镇人民代表大会应当制定大会议事规则". ZJ 32 ¶1 "主席团应当……制定财政预算审查批准工作制度".
Neither gives a date: a session closes under rules of procedure adopted by its last day, and a budget
is approved under a review procedure adopted by the day of approval (npcproc.procedures.standing_rules.commands).
"""

from __future__ import annotations

import copy
import datetime

import npcproc_zhejiang
import pytest
from test_zhejiang_budget_reports import EXAMPLE, Township, example, found, needs_example

from npcproc.model import Level
from npcproc.model.congress import RulesKind
from npcproc.model.session import AgendaItem, AgendaItemKind
from npcproc.procedures import StandingRules
from npcproc.testing import prepare

D = datetime.date
APPROVED = D(2022, 1, 5)


@pytest.fixture
def zhejiang(npcproc_rules):
    return npcproc_rules("浙江", npcproc_zhejiang)


def adopted(rules, kind, on, *, level=Level.TOWNSHIP, day=APPROVED):
    township = Township(rules, level=level, elected=day - datetime.timedelta(days=30))
    township.approve_budget(day)
    standing = StandingRules(township.store, rules)
    if on is not None:
        standing.adopt("c", kind, on=on)
    return [(r.ok, r.code, str(r.citation)) for r in standing.check("c").reasons]


@pytest.mark.parametrize(
    ("on", "ok"), [(APPROVED, True), (APPROVED + datetime.timedelta(days=1), False), (None, False)]
)
def test_zj_18_1_a_session_closes_under_rules_of_procedure(zhejiang, on, ok):
    found_ = adopted(zhejiang, RulesKind.RULES_OF_PROCEDURE, on)
    assert (ok, "session.rules_of_procedure", "ZJ 18 ¶1") in found_
    assert (False, "budget.review_procedure", "ZJ 32 ¶1") in found_  # no review procedure on record


@pytest.mark.parametrize(
    ("on", "ok"), [(APPROVED, True), (APPROVED + datetime.timedelta(days=1), False), (None, False)]
)
def test_zj_32_1_a_budget_is_approved_under_the_presidiums_review_procedure(zhejiang, on, ok):
    found_ = adopted(zhejiang, RulesKind.BUDGET_REVIEW, on)
    assert (ok, "budget.review_procedure", "ZJ 32 ¶1") in found_


@pytest.mark.parametrize("kind", list(RulesKind))
def test_zj_18_1_and_32_1_leave_a_county_and_national_law_alone(zhejiang, npcproc_rules, kind):
    assert adopted(zhejiang, kind, None, level=Level.COUNTY) == []
    assert adopted(npcproc_rules(None), kind, None) == []


@pytest.mark.parametrize(("day", "judged"), [(D(2016, 9, 30), False), (D(2016, 10, 1), True)])
def test_zj_42_standing_rules_bind_from_1_october_2016(zhejiang, day, judged):
    assert bool(adopted(zhejiang, RulesKind.RULES_OF_PROCEDURE, None, day=day)) is judged


# -- through `npcproc check` ------------------------------------------------------------------------------------


def without(*kinds: str) -> dict:
    tree = copy.deepcopy(example())
    year = tree["congresses"][0]
    year["standing_rules"] = [r for r in year["standing_rules"] if r["kind"] not in kinds]
    return tree


@needs_example
def test_zj_18_1_check_every_closed_session_needs_rules_of_procedure(zhejiang, npcproc_rules):
    assert EXAMPLE.exists()
    tree = without("rules_of_procedure")
    assert found(tree, zhejiang) == [
        ("violation", "congresses[0].sessions[0]", "session.rules_of_procedure", "ZJ 18 ¶1"),
        ("violation", "congresses[0].sessions[1]", "session.rules_of_procedure", "ZJ 18 ¶1"),
    ]
    assert found(tree, npcproc_rules(None)) == []


@needs_example
@pytest.mark.parametrize(("adopted_on", "ok"), [("2022-01-05", True), ("2022-01-06", False)])
def test_zj_32_1_check_the_review_procedure_precedes_the_approval(zhejiang, adopted_on, ok):
    tree = without("budget_review")
    tree["congresses"][0]["standing_rules"].append({"kind": "budget_review", "adopted_on": adopted_on})
    expected = [] if ok else [("violation", "congresses[0].sessions[0]", "budget.review_procedure", "ZJ 32 ¶1")]
    assert found(tree, zhejiang) == expected


@needs_example
def test_zj_18_1_32_1_check_leaves_a_county_record_alone(zhejiang, npcproc_rules):
    tree = without("rules_of_procedure", "budget_review")
    tree["congresses"][0].update(level="county", division_code="330110")
    assert found(tree, zhejiang) == found(tree, npcproc_rules(None))


# -- ZJ 33 ¶1 "主席团应当制定财政预算执行监督和决算监督制度，组织代表听取本级预算执行和决算情况的报告" --


def heard(rules, on, *, level=Level.TOWNSHIP, kind=AgendaItemKind.BUDGET_EXECUTION):
    """A session opening on 5 January 2022 to hear an item of ``kind``; the supervision system adopted ``on``."""
    township = Township(rules, level=level, elected=D(2021, 12, 6))
    township.sessions.plan("x", congress_id="c", opens_on=APPROVED)
    township.sessions.give_notice("x", on=D(2021, 12, 26), materials_on=D(2022, 1, 2))
    agenda = [AgendaItem(id="report", kind=kind, title="预算执行情况的报告")]
    prepare(township.sessions, "x", on=APPROVED, presidium=[f"d{n:02}" for n in range(1, 10)], agenda=agenda)
    township.sessions.open("x", on=APPROVED, present=[f"d{n:02}" for n in range(1, 61)])
    standing = StandingRules(township.store, rules)
    if on is not None:
        standing.adopt("c", RulesKind.BUDGET_SUPERVISION, on=on)
    return [
        (r.ok, r.code, str(r.citation)) for r in standing.check("c").reasons if r.code == "budget.supervision_system"
    ]


@pytest.mark.parametrize("kind", [AgendaItemKind.BUDGET_EXECUTION, AgendaItemKind.FINAL_ACCOUNTS])
@pytest.mark.parametrize(
    ("on", "ok"), [(APPROVED, True), (APPROVED + datetime.timedelta(days=1), False), (None, False)]
)
def test_zj_33_1_the_reports_are_heard_under_the_presidiums_supervision_system(zhejiang, kind, on, ok):
    assert heard(zhejiang, on, kind=kind) == [(ok, "budget.supervision_system", "ZJ 33 ¶1")]


def test_zj_33_1_a_session_hearing_neither_report_is_not_judged(zhejiang):
    assert heard(zhejiang, None, kind=AgendaItemKind.BUDGET) == []


def test_zj_33_1_leaves_a_county_and_national_law_alone(zhejiang, npcproc_rules):
    assert heard(zhejiang, None, level=Level.COUNTY) == []
    assert heard(npcproc_rules(None), None) == []


@needs_example
@pytest.mark.parametrize(("adopted_on", "ok"), [("2022-07-06", True), ("2022-07-07", False), (None, False)])
def test_zj_33_1_check_the_supervision_system_precedes_the_mid_year_reports(zhejiang, adopted_on, ok):
    tree = without("budget_supervision")
    if adopted_on is not None:
        tree["congresses"][0]["standing_rules"].append({"kind": "budget_supervision", "adopted_on": adopted_on})
    violation = ("violation", "congresses[0].sessions[1]", "budget.supervision_system", "ZJ 33 ¶1")
    assert (violation in found(tree, zhejiang)) is not ok
