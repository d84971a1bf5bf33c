"""SD 7 and SD 18 ¶2, a session's committees, through the procedure and through `npcproc check`.

SD 7 "乡镇人民代表大会每次会议举行预备会议，选举主席团，通过会议议程、议案审查委员会和财政预算审查委员会人员名单".
SD 18 ¶2 "财政预算审查委员会……向大会提出审查结果的报告，并由主席团将预算及预算调整方案和预算执行情况的决议草案提请
大会全体会议表决". A county congress is judged by national law alone.
"""

from __future__ import annotations

import copy
import datetime
import json
import tomllib
from pathlib import Path

import npcproc_shandong
import pytest

from npcproc.model import Congress, Level
from npcproc.model.session import AgendaItem, AgendaItemKind, VoteMethod
from npcproc.procedures import Congresses, SessionCommittees, Sessions
from npcproc.procedures.session_committees.events import CommitteeKind
from npcproc.record.audit import audit
from npcproc.record.load import parse_record
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
DAY, NEXT = D(2022, 1, 5), D(2022, 1, 6)
IDS = [f"d{n:02}" for n in range(1, 61)]
K = AgendaItemKind
AGENDA = [AgendaItem(id="gov", kind=K.GOVERNMENT_REPORT, title="镇人民政府工作报告"),
          AgendaItem(id="budget", kind=K.BUDGET, title="2022年财政预算"),
          AgendaItem(id="execution", kind=K.BUDGET_EXECUTION, title="2021年预算执行情况"),
          AgendaItem(id="adjustment", kind=K.BUDGET_ADJUSTMENT, title="预算调整方案"),
          AgendaItem(id="accounts", kind=K.FINAL_ACCOUNTS, title="2021年决算")]  # fmt: skip
EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "township-year.toml"


@pytest.fixture
def rules(npcproc_rules):
    return npcproc_rules("山东", npcproc_shandong)


def session(rules, level=Level.TOWNSHIP, *, lists=(CommitteeKind.BILLS, CommitteeKind.BUDGET)):
    """60 deputies; session s1 prepared and adopting ``lists`` on 5 January 2022, open 5-6 January."""
    store = MemoryStore()
    code, name = ("370102001", "某镇人民代表大会") if level is Level.TOWNSHIP else ("370102", "某区人民代表大会")
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t", name=name, level=level, division_code=code, population=30_000,
                                  deputy_quota=65))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("t", {i: i for i in IDS}, term=1, on=DAY)
    sessions = Sessions(store, rules)
    sessions.plan("s1", congress_id="t", opens_on=DAY, days=2)
    sessions.give_notice("s1", on=D(2021, 12, 20), materials_on=D(2022, 1, 1))
    prepare(sessions, "s1", on=DAY, presidium=IDS[:9], agenda=AGENDA)
    committees = SessionCommittees(store, rules)
    for kind in lists:
        committees.adopt("s1", kind, on=DAY, members=IDS[10:15], chair=IDS[10])
    sessions.open("s1", on=DAY, present=IDS)
    return sessions, committees


def vote(sessions, subject, on=DAY):
    sessions.open_vote("s1", f"v-{subject}", subject=subject, method=VoteMethod.SECRET_BALLOT, on=on, present=IDS)
    sessions.count_ballots("s1", f"v-{subject}", yes=50, no=5, abstain=5)
    sessions.close_vote("s1", f"v-{subject}", announced_by=IDS[0])


def failing(decision):
    return [(r.code, str(r.citation), r.values.get("committee") or r.values.get("item")) for r in decision.failing]


# -- SD 7: both lists at each session -------------------------------------------------------------


def test_sd_7_a_session_that_adopted_both_lists_holds(rules):
    _, committees = session(rules)
    decision = committees.check("s1")
    assert decision.ok
    assert [r.code for r in decision.reasons] == ["session_committee.list"] * 2


@pytest.mark.parametrize("missing", list(CommitteeKind))
def test_sd_7_a_session_without_one_list_fails(rules, missing):
    _, committees = session(rules, lists=[k for k in CommitteeKind if k is not missing])
    assert failing(committees.check("s1")) == [("session_committee.list", "SD 7", missing.value)]


def test_sd_7_a_county_session_without_lists_is_left_to_national_law(rules):
    _, committees = session(rules, Level.COUNTY, lists=())
    assert committees.check("s1").reasons[0].code == "session_committee.not_judged"


# -- SD 18 ¶2: the budget committee reports before the budget votes --------------------------------


@pytest.mark.parametrize("item", ["budget", "execution", "adjustment"])
def test_sd_18_2_a_budget_vote_on_the_day_of_the_committees_report_holds(rules, item):
    sessions, committees = session(rules)
    committees.report("s1", "r1", kind=CommitteeKind.BUDGET, on=DAY, items=[item])
    vote(sessions, item)
    assert failing(committees.check("s1")) == []
    assert "session_committee.budget_report" in [r.code for r in committees.check("s1").reasons]


@pytest.mark.parametrize("item", ["budget", "execution", "adjustment"])
def test_sd_18_2_a_budget_vote_before_the_committees_report_is_a_violation(rules, item):
    sessions, committees = session(rules)
    vote(sessions, item, on=DAY)
    committees.report("s1", "r1", kind=CommitteeKind.BUDGET, on=NEXT, items=[item])  # a day late
    assert failing(committees.check("s1")) == [("session_committee.budget_report", "SD 18 ¶2", item)]


def test_sd_18_2_the_bills_committees_report_does_not_stand_for_the_budget_committees(rules):
    sessions, committees = session(rules)
    committees.report("s1", "r1", kind=CommitteeKind.BILLS, on=DAY, items=["budget"])
    vote(sessions, "budget")
    assert failing(committees.check("s1")) == [("session_committee.budget_report", "SD 18 ¶2", "budget")]


def test_sd_18_2_final_accounts_and_the_government_report_need_no_budget_report(rules):
    """SD 18 ¶2 names the budget, its adjustment and its execution, not 决算 (final accounts)."""
    sessions, committees = session(rules)
    vote(sessions, "accounts")
    vote(sessions, "gov")
    assert failing(committees.check("s1")) == []


def test_sd_18_2_a_county_budget_vote_without_a_report_is_left_to_national_law(rules):
    sessions, committees = session(rules, Level.COUNTY, lists=())
    vote(sessions, "budget")
    assert committees.check("s1").reasons[0].code == "session_committee.not_judged"


# -- npcproc check --------------------------------------------------------------------------------


def record(*, level="township", lists=("bills", "budget"), reported_on="2022-01-05"):
    """The example year: its first session (2022-01-05) votes on the budget e2; its second session votes nothing
    on the budget. Each session adopts ``lists``; the budget committee of the first reports on ``reported_on``."""
    tree = copy.deepcopy(tomllib.loads(EXAMPLE.read_text(encoding="utf-8")))
    congress = tree["congresses"][0]
    congress["level"] = level
    congress["division_code"] = "370102001" if level == "township" else "370102"
    for index, held in enumerate(congress["sessions"]):
        held["committees"] = [{"kind": kind, "members": ["d31", "d32", "d33"]} for kind in lists]
        if index == 0 and "budget" in lists and reported_on:
            budget = next(c for c in held["committees"] if c["kind"] == "budget")
            budget["reports"] = [{"id": "r1", "on": reported_on, "items": ["e2"]}]
        if index == 0 and reported_on and reported_on > held["closed_on"].isoformat():
            held["closed_on"] = reported_on
    return tree


def found(tree, rules):
    data = json.dumps(tree, ensure_ascii=False, default=str).encode()
    result = audit(parse_record(data, name="record.json", toml=False), rules)
    return [(f.where.split(".", 1)[-1], f.code, str(f.citation)) for f in result.violations
            if f.code.startswith("session_committee.")]  # fmt: skip


def test_sd_7_18_2_record_with_both_lists_and_the_report_has_no_finding(rules):
    assert found(record(), rules) == []


def test_sd_7_record_a_session_without_the_budget_list_is_a_violation(rules):
    assert found(record(lists=("bills",), reported_on=""), rules) == [
        ("sessions[0]", "session_committee.list", "SD 7"),
        ("sessions[0].votes[0]", "session_committee.budget_report", "SD 18 ¶2"),
        ("sessions[1]", "session_committee.list", "SD 7"),
    ]


def test_sd_18_2_record_a_report_after_the_budget_vote_is_a_violation(rules):
    assert found(record(reported_on="2022-01-06"), rules) == [
        ("sessions[0].votes[0]", "session_committee.budget_report", "SD 18 ¶2"),
    ]


def test_sd_7_18_2_record_of_a_county_is_left_to_national_law(rules):
    assert found(record(level="county", lists=(), reported_on=""), rules) == []


def test_sd_18_2_through_the_npcproc_check_command(tmp_path, capsys, monkeypatch):
    """The command line with the installed plugin: a budget vote before the committee's report breaks SD 18 ¶2
    (exit 1); a county record without committees is not judged by SD."""
    from npcproc.cli import main

    monkeypatch.delenv("NPCPROC_DISABLE_PLUGIN_AUTOLOAD", raising=False)

    def run(tree):
        path = tmp_path / "record.json"
        path.write_text(json.dumps(tree, ensure_ascii=False, default=str), encoding="utf-8")
        code = main(["check", str(path), "--province", "SD", "--format", "json", "--lang", "en"])
        out = json.loads(capsys.readouterr().out)
        return code, [(f["severity"], f["code"], f["citation"]["label"]) for f in out["findings"]
                      if f["code"].startswith("session_committee.")]  # fmt: skip

    assert run(record(reported_on="2022-01-06")) == (1, [("violation", "session_committee.budget_report", "SD 18 ¶2")])
    assert run(record(level="county", lists=(), reported_on=""))[1] == []
