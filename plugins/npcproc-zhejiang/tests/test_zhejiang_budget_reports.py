"""ZJ 32 ¶2 (the approved budget made public) and ZJ 26 ¶1, ZJ 27 (special work reports between sessions),
through the procedures and through `npcproc check`.

ZJ 32 ¶2 "主席团应当督促乡镇人民政府将本级人民代表大会批准的财政预算报告在批准后二十日内向社会公开。"
ZJ 26 ¶1 "主席团应当每年选择若干关系本地区群众切身利益和社会普遍关注的问题，有计划地安排代表听取和讨论本级人民政府的
专项工作报告。" ZJ 27 "主席团应当在组织代表听取和讨论专项工作报告前，组织代表对有关工作进行视察或者专题调查研究。"
"""

from __future__ import annotations

import copy
import datetime
import json
import tomllib
from pathlib import Path

import npcproc_zhejiang
import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.session import AgendaItem, AgendaItemKind, VoteMethod
from npcproc.procedures import Budgets, Congresses, Sessions, SpecialReports, Supervision
from npcproc.procedures.supervision.commands import link
from npcproc.procedures.supervision.events import LinkKind, Step
from npcproc.record.audit import audit
from npcproc.record.load import parse_record
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
ONE = datetime.timedelta(days=1)
ELECTED = D(2021, 11, 10)
IDS = [f"d{n:02}" for n in range(1, 61)]
EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "township-year.toml"


@pytest.fixture
def zhejiang(npcproc_rules):
    return npcproc_rules("浙江", npcproc_zhejiang)


class Township:
    """A congress of 60 deputies (a township unless ``level`` says otherwise) and its procedures."""

    def __init__(self, rules, *, level=Level.TOWNSHIP, elected=ELECTED):
        self.store = MemoryStore()
        self.congresses = Congresses(self.store, rules)
        code, quota = ("330110001", 65) if level is Level.TOWNSHIP else ("330110", 200)
        self.congresses.establish(Congress(id="c", name="某人民代表大会", level=level, division_code=code,
                                           population=30_000, deputy_quota=quota))  # fmt: skip
        self.congresses.begin_term("c", 1, elections_completed_on=elected)
        self.congresses.elect_deputies("c", {d: d for d in IDS}, term=1, on=elected)
        self.sessions, self.budgets = Sessions(self.store, rules), Budgets(self.store, rules)
        self.supervision, self.reports = Supervision(self.store, rules), SpecialReports(self.store, rules)

    def approve_budget(self, day: datetime.date, *, sid="s", passes=True) -> None:
        """A session on ``day`` that votes on its budget (item ``budget``): 50 of 60 in favour, or 20."""
        self.sessions.plan(sid, congress_id="c", opens_on=day)
        self.sessions.give_notice(sid, on=day - 10 * ONE, materials_on=day - 3 * ONE)
        agenda = [AgendaItem(id="budget", kind=AgendaItemKind.BUDGET, title="预算")]
        prepare(self.sessions, sid, on=day, presidium=IDS[:9], agenda=agenda)
        self.sessions.open(sid, on=day, present=IDS)
        self.sessions.open_vote(sid, "v", subject="budget", method=VoteMethod.SECRET_BALLOT, on=day, present=IDS)
        yes = 50 if passes else 20
        self.sessions.count_ballots(sid, "v", yes=yes, no=60 - yes, abstain=0)
        self.sessions.close_vote(sid, "v")
        self.sessions.close(sid, on=day)

    def case(self, case_id: str, *kinds_and_days: tuple[LinkKind, datetime.date]) -> None:
        """A case whose links are held on the given days."""
        self.supervision.open_case(case_id, congress_id="c", subject="村道",
                                   links=[link(kind, "镇政府") for kind, _ in kinds_and_days])  # fmt: skip
        for index, (_kind, day) in enumerate(kinds_and_days):
            self.supervision.record(case_id, index, Step.HELD, congress_id="c", on=day)


def codes(decision) -> list[tuple[bool, str, str]]:
    return [(r.ok, r.code, str(r.citation)) for r in decision.reasons]


def refusal(call) -> list[tuple[str, str]]:
    with pytest.raises(ProcedureError) as caught:
        call()
    return [(r.code, str(r.citation)) for r in caught.value.decision.failing]


# -- ZJ 32 ¶2 through the procedure ---------------------------------------------------------------------------

APPROVED = D(2022, 1, 5)
DUE = D(2022, 1, 25)  # 5 January + 20 days (CC 201: the day of approval not counted), a Tuesday


def test_zj_32_2_published_on_the_twentieth_day_is_in_time(zhejiang):
    township = Township(zhejiang)
    township.approve_budget(APPROVED)
    assert codes(township.budgets.publish("c", "s", "budget", on=DUE)) == [(True, "budget.published", "ZJ 32 ¶2")]
    assert township.budgets.publication_check("c", as_of=D(2022, 12, 31)).ok


def test_zj_32_2_published_on_the_twenty_first_day_is_late(zhejiang):
    township = Township(zhejiang)
    township.approve_budget(APPROVED)
    decision = township.budgets.publish("c", "s", "budget", on=DUE + ONE)
    assert codes(decision) == [(False, "budget.published", "ZJ 32 ¶2")]
    assert decision.failing[0].values["due"] == "2022-01-25"
    assert township.budgets.published("c") == {("s", "budget"): DUE + ONE}  # a late publication is still recorded
    assert not township.budgets.publication_check("c", as_of=D(2022, 12, 31))


def test_zj_32_2_unpublished_is_overdue_only_after_the_last_day(zhejiang):
    township = Township(zhejiang)
    township.approve_budget(APPROVED)
    assert codes(township.budgets.publication_check("c", as_of=DUE)) == []
    assert codes(township.budgets.publication_check("c", as_of=DUE + ONE)) == [
        (False, "budget.unpublished", "ZJ 32 ¶2")
    ]


def test_zj_32_2_a_last_day_in_the_national_day_holiday_moves_to_the_next_working_day(zhejiang):
    # 13 September 2025 + 20 days = 3 October, inside the holiday (1-8 October): CC 203 moves it to 9 October.
    township = Township(zhejiang, elected=D(2025, 8, 1))
    township.approve_budget(D(2025, 9, 13))
    assert township.budgets.publish("c", "s", "budget", on=D(2025, 10, 9)).ok
    late = Township(zhejiang, elected=D(2025, 8, 1))
    late.approve_budget(D(2025, 9, 13))
    assert not late.budgets.publish("c", "s", "budget", on=D(2025, 10, 10)).ok


def test_zj_32_2_only_an_approved_budget_is_published_once_after_its_approval(zhejiang):
    township = Township(zhejiang)
    township.approve_budget(APPROVED, passes=False)
    assert refusal(lambda: township.budgets.publish("c", "s", "budget", on=DUE)) == [
        ("budget.not_approved", "OL 12 ¶1 (4)")
    ]
    approved = Township(zhejiang)
    approved.approve_budget(APPROVED)
    assert refusal(lambda: approved.budgets.publish("c", "s", "budget", on=APPROVED - ONE)) == [
        ("budget.before_approval", "OL 12 ¶1 (4)")
    ]
    approved.budgets.publish("c", "s", "budget", on=APPROVED)
    assert refusal(lambda: approved.budgets.publish("c", "s", "budget", on=DUE)) == [
        ("budget.already_published", "OL 12 ¶1 (4)")
    ]
    assert approved.budgets.published("c") == {("s", "budget"): APPROVED}


def test_zj_32_2_leaves_a_county_congress_and_national_law_alone(zhejiang, npcproc_rules):
    county = Township(zhejiang, level=Level.COUNTY)
    county.approve_budget(APPROVED)
    assert codes(county.budgets.publication_check("c", as_of=D(2022, 12, 31))) == []
    assert county.budgets.publish("c", "s", "budget", on=D(2022, 6, 1)).reasons == ()
    national = Township(npcproc_rules(None))
    national.approve_budget(APPROVED)
    assert codes(national.budgets.publication_check("c", as_of=D(2022, 12, 31))) == []


def test_zj_42_the_publication_period_binds_budgets_approved_from_1_october_2016(zhejiang):
    before = Township(zhejiang, elected=D(2016, 8, 1))
    before.approve_budget(D(2016, 9, 30))
    assert codes(before.budgets.publication_check("c", as_of=D(2016, 12, 31))) == []
    after = Township(zhejiang, elected=D(2016, 8, 1))
    after.approve_budget(D(2016, 10, 1))
    assert codes(after.budgets.publication_check("c", as_of=D(2016, 12, 31))) == [
        (False, "budget.unpublished", "ZJ 32 ¶2")
    ]


# -- ZJ 26 ¶1 and ZJ 27 through the procedure -------------------------------------------------------------------


def test_zj_26_1_one_special_work_report_in_the_year_is_enough(zhejiang):
    township = Township(zhejiang)
    township.case("roads", (LinkKind.INSPECTION, D(2022, 5, 10)), (LinkKind.SPECIAL_REPORT, D(2022, 5, 20)))
    assert codes(township.reports.year_check("c", 2022)) == [
        (True, "supervision.visit_before_report", "ZJ 27"),
        (True, "supervision.special_reports_per_year", "ZJ 26 ¶1"),
    ]


def test_zj_26_1_a_year_without_a_special_work_report_fails(zhejiang):
    township = Township(zhejiang)
    # an inspection alone, and a special work report heard in the next year
    township.case("roads", (LinkKind.INSPECTION, D(2022, 5, 10)), (LinkKind.SPECIAL_REPORT, D(2023, 1, 3)))
    assert codes(township.reports.year_check("c", 2022)) == [
        (False, "supervision.special_reports_per_year", "ZJ 26 ¶1")
    ]
    assert codes(township.reports.year_check("c", 2022, as_of=D(2022, 12, 30))) == []  # the year is not over


def test_zj_26_1_an_agenda_item_at_a_session_is_not_a_hearing_between_sessions(zhejiang):
    township = Township(zhejiang)
    township.sessions.plan("s", congress_id="c", opens_on=D(2022, 1, 6))
    township.sessions.give_notice("s", on=D(2021, 12, 26), materials_on=D(2022, 1, 3))
    agenda = [AgendaItem(id="r", kind=AgendaItemKind.SPECIAL_WORK_REPORT, title="专项工作报告")]
    prepare(township.sessions, "s", on=D(2022, 1, 6), presidium=IDS[:9], agenda=agenda)
    township.sessions.open("s", on=D(2022, 1, 6), present=IDS)
    township.sessions.handle_item("s", "r")
    township.sessions.close("s", on=D(2022, 1, 6))
    assert codes(township.reports.year_check("c", 2022)) == [
        (False, "supervision.special_reports_per_year", "ZJ 26 ¶1")
    ]


def test_zj_27_research_on_the_day_of_the_report_comes_before_it(zhejiang):
    township = Township(zhejiang)
    township.case("roads", (LinkKind.RESEARCH, D(2022, 5, 20)), (LinkKind.SPECIAL_REPORT, D(2022, 5, 20)))
    assert township.reports.year_check("c", 2022).ok


def test_zj_27_an_inspection_the_day_after_the_report_fails(zhejiang):
    township = Township(zhejiang)
    township.case("roads", (LinkKind.SPECIAL_REPORT, D(2022, 5, 20)), (LinkKind.INSPECTION, D(2022, 5, 21)))
    assert codes(township.reports.year_check("c", 2022, as_of=D(2022, 6, 1))) == [
        (False, "supervision.visit_before_report", "ZJ 27")
    ]


def test_zj_27_an_inspection_in_another_case_does_not_count(zhejiang):
    township = Township(zhejiang)
    township.case("water", (LinkKind.INSPECTION, D(2022, 5, 10)))
    township.case("roads", (LinkKind.SPECIAL_REPORT, D(2022, 5, 20)))
    assert not township.reports.year_check("c", 2022)


def test_zj_26_27_leave_a_county_congress_and_national_law_alone(zhejiang, npcproc_rules):
    county = Township(zhejiang, level=Level.COUNTY)
    county.case("roads", (LinkKind.INSPECTION, D(2022, 5, 10)))
    assert codes(county.reports.year_check("c", 2022)) == []
    national = Township(npcproc_rules(None))
    national.case("roads", (LinkKind.SPECIAL_REPORT, D(2022, 5, 20)))
    assert codes(national.reports.year_check("c", 2022)) == []
    assert codes(national.reports.year_check("c", 2023)) == []


def test_zj_42_the_yearly_count_binds_from_the_first_full_year_2017(zhejiang):
    township = Township(zhejiang, elected=D(2016, 8, 1))
    assert codes(township.reports.year_check("c", 2016)) == []
    assert codes(township.reports.year_check("c", 2017)) == [
        (False, "supervision.special_reports_per_year", "ZJ 26 ¶1")
    ]


# -- through `npcproc check` ------------------------------------------------------------------------------------


def example() -> dict:
    return tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))


def found(tree: dict, rules) -> list[tuple[str, str, str, str]]:
    data = json.dumps(tree, ensure_ascii=False, default=str).encode()
    result = audit(parse_record(data, name="zj.json", toml=False), rules)
    return [(f.severity, f.where, f.code, str(f.citation)) for f in result.findings]


def varied(**changes) -> dict:
    tree = copy.deepcopy(example())
    tree["congresses"][0].update(changes)
    return tree


def roads(*links: tuple[str, str]) -> list[dict]:
    return [
        {
            "id": "roads",
            "subject": "村道建设",
            "links": [{"kind": kind, "body": "镇政府", "steps": [{"step": "held", "on": on}]} for kind, on in links],
        }
    ]


needs_example = pytest.mark.skipif(not EXAMPLE.exists(), reason="needs npcproc's example record (a source checkout)")


@needs_example
@pytest.mark.parametrize(("published", "ok"), [("2022-01-25", True), ("2022-01-26", False)])
def test_zj_32_2_check_judges_the_day_the_budget_was_made_public(zhejiang, published, ok):
    tree = varied(budget_publications=[{"session": "2022-1", "item": "e2", "on": published}])
    expected = [] if ok else [("violation", "congresses[0].sessions[0]", "budget.published", "ZJ 32 ¶2")]
    assert found(tree, zhejiang) == expected


@needs_example
@pytest.mark.parametrize(("as_of", "ok"), [("2022-01-25", True), ("2022-01-26", False)])
def test_zj_32_2_check_finds_an_unpublished_budget_after_the_last_day(zhejiang, as_of, ok):
    tree = varied(budget_publications=[])
    tree["as_of"] = as_of
    unpublished = ("violation", "congresses[0].sessions[0]", "budget.unpublished", "ZJ 32 ¶2")
    assert (unpublished in found(tree, zhejiang)) is not ok


@needs_example
def test_zj_32_2_check_refuses_a_publication_of_no_approved_budget(zhejiang):
    tree = varied(budget_publications=[{"session": "2022-1", "item": "e0", "on": "2022-01-20"}])
    assert found(tree, zhejiang) == [
        ("violation", "congresses[0].budget_publications[0]", "budget.not_approved", "OL 12 ¶1 (4)"),
        ("violation", "congresses[0].sessions[0]", "budget.unpublished", "ZJ 32 ¶2"),
    ]


@needs_example
def test_zj_26_1_check_finds_a_year_without_a_special_work_report(zhejiang, npcproc_rules):
    tree = varied(supervision=example()["congresses"][0]["supervision"][:1])  # the water case only
    assert found(tree, zhejiang) == [
        ("violation", "congresses[0].year[2022]", "supervision.special_reports_per_year", "ZJ 26 ¶1")
    ]
    assert found(tree, npcproc_rules(None)) == []
    assert found(example(), zhejiang) == []


@needs_example
@pytest.mark.parametrize(("research_on", "ok"), [("2022-08-25", True), ("2022-08-26", False)])
def test_zj_27_check_wants_research_on_or_before_the_day_of_the_report(zhejiang, research_on, ok):
    tree = varied(supervision=roads(("research", research_on), ("special_report", "2022-08-25")))
    expected = (
        []
        if ok
        else [("violation", "congresses[0].supervision[0].links[1]", "supervision.visit_before_report", "ZJ 27")]
    )
    assert found(tree, zhejiang) == expected


@needs_example
def test_zj_26_27_32_check_leaves_a_county_record_alone(zhejiang, npcproc_rules):
    tree = varied(level="county", division_code="330110", budget_publications=[],
                  supervision=roads(("special_report", "2022-08-25")))  # fmt: skip
    assert found(tree, zhejiang) == found(tree, npcproc_rules(None))
