"""SD 10-12, a session's deliberation groups 代表团（组）, through the procedure and through `npcproc check`.

SD 11 "乡镇人民代表大会代表团（组）会议由各代表团（组）推选的一至二名召集人主持。代表团（组）会议对议案或者有关报告
进行审议的时候，乡镇人民政府应当派人到会，听取意见，回答询问。" SD 12 "……也可以就重大的专门性问题，召集代表团（组）
推选的代表进行讨论，乡镇人民政府应当派人参加会议……". A county congress is judged by national law alone.
"""

from __future__ import annotations

import copy
import datetime
import json
import tomllib
from pathlib import Path

import npcproc_shandong
import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.session import AgendaItem, AgendaItemKind
from npcproc.procedures import Congresses, SessionGroups, Sessions
from npcproc.procedures.session_groups.events import MeetingKind
from npcproc.record.audit import audit
from npcproc.record.load import parse_record
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
DAY = D(2022, 1, 5)
IDS = [f"d{n:02}" for n in range(1, 61)]
AGENDA = [AgendaItem(id="e0", kind=AgendaItemKind.GOVERNMENT_REPORT, title="镇人民政府工作报告"),
          AgendaItem(id="e2", kind=AgendaItemKind.BUDGET, title="2022年财政预算")]  # fmt: skip
EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "township-year.toml"


@pytest.fixture
def rules(npcproc_rules):
    return npcproc_rules("山东", npcproc_shandong)


def session(rules, level=Level.TOWNSHIP):
    """A congress of 60 deputies whose session s1 sits from 5 January 2022 (opened, not closed)."""
    store = MemoryStore()
    code, name = ("370102001", "某镇人民代表大会") if level is Level.TOWNSHIP else ("370102", "某区人民代表大会")
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t", name=name, level=level, division_code=code, population=30_000,
                                  deputy_quota=65))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("t", {i: i for i in IDS}, term=1, on=DAY)
    sessions = Sessions(store, rules)
    sessions.plan("s1", congress_id="t", opens_on=DAY)
    sessions.give_notice("s1", on=D(2021, 12, 20), materials_on=D(2022, 1, 1))
    prepare(sessions, "s1", on=DAY, presidium=IDS[:9], agenda=AGENDA)
    sessions.open("s1", on=DAY, present=IDS)
    return SessionGroups(store, rules)


def failing(decision):
    return [(r.code, str(r.citation)) for r in decision.failing]


# -- SD 11: one or two conveners ------------------------------------------------------------------


@pytest.mark.parametrize("conveners", [IDS[:1], IDS[:2]])
def test_sd_11_a_group_with_one_or_two_conveners_is_formed(rules, conveners):
    groups = session(rules)
    decision = groups.form("s1", "g1", on=DAY, members=IDS[:20], conveners=conveners)
    assert decision.ok
    assert [r.code for r in decision.reasons] == ["session_group.conveners_min", "session_group.conveners_max"]
    assert groups.state("s1").groups["g1"].conveners == tuple(conveners)


@pytest.mark.parametrize(("conveners", "code"), [([], "session_group.conveners_min"),
                                                 (IDS[:3], "session_group.conveners_max")])  # fmt: skip
def test_sd_11_a_group_without_a_convener_or_with_three_is_refused(rules, conveners, code):
    groups = session(rules)
    with pytest.raises(ProcedureError) as refused:
        groups.form("s1", "g1", on=DAY, members=IDS[:20], conveners=conveners)
    assert failing(refused.value.decision) == [(code, "SD 11")]
    assert groups.state("s1").groups == {}


@pytest.mark.parametrize("conveners", [[], IDS[:3]])
def test_sd_11_a_county_group_is_left_to_national_law(rules, conveners):
    groups = session(rules, Level.COUNTY)
    assert groups.form("s1", "g1", on=DAY, members=IDS[:20], conveners=conveners).ok
    groups.hold_meeting("s1", "g1", "m1", on=DAY, items=["e2"], present=IDS[:20])
    assert groups.check("s1").reasons[0].code == "session_group.not_judged"


def test_sd_33_no_setting_binds_a_group_before_1995_06_14(rules):
    """SD 33: before the regulation took effect, three conveners are national law's business."""
    store_groups = session(rules)
    rules_then = store_groups.rules_for("t", D(1995, 6, 13))
    assert rules_then.optional("session_group.conveners.max") is None
    assert store_groups.rules_for("t", D(1995, 6, 14)).rule("session_group.conveners.max").value == 2


# -- SD 11: the conveners preside, the government attends a deliberation ----------------------------


def test_sd_11_a_meeting_deliberating_the_budget_with_the_government_present_holds(rules):
    groups = session(rules)
    groups.form("s1", "g1", on=DAY, members=IDS[:20], conveners=IDS[:2])
    decision = groups.hold_meeting("s1", "g1", "m1", on=DAY, presided_by="d02", items=["e2"], present=IDS[:18],
                                   government=["财政所所长"])  # fmt: skip
    assert decision.ok
    assert failing(groups.check("s1")) == []


def test_sd_11_a_meeting_deliberating_the_budget_without_the_government_is_recorded_as_a_violation(rules):
    groups = session(rules)
    groups.form("s1", "g1", on=DAY, members=IDS[:20], conveners=IDS[:2])
    decision = groups.hold_meeting("s1", "g1", "m1", on=DAY, presided_by="d01", items=["e2"], present=IDS[:18])
    assert failing(decision) == [("session_group.government", "SD 11")]
    assert "m1" in groups.state("s1").meetings  # the meeting happened: recorded, the breach reported
    assert failing(groups.check("s1")) == [("session_group.government", "SD 11")]


def test_sd_11_a_meeting_that_deliberates_nothing_needs_no_government(rules):
    groups = session(rules)
    groups.form("s1", "g1", on=DAY, members=IDS[:20], conveners=IDS[:1])
    assert groups.hold_meeting("s1", "g1", "m1", on=DAY, presided_by="d01", present=IDS[:18]).ok


def test_sd_11_a_meeting_presided_over_by_a_member_who_is_not_a_convener_fails(rules):
    groups = session(rules)
    groups.form("s1", "g1", on=DAY, members=IDS[:20], conveners=IDS[:2])
    decision = groups.hold_meeting("s1", "g1", "m1", on=DAY, presided_by="d03", present=IDS[:18])
    assert failing(decision) == [("session_group.presided_by", "SD 11")]
    # who presided is not named: nothing to judge (as BJ 8 ¶2's presided_by, a record gives it or not)
    assert groups.hold_meeting("s1", "g1", "m2", on=DAY, present=IDS[:18]).reasons == ()


# -- SD 12: the chairs' meetings with the conveners or the chosen deputies -------------------------


def test_sd_12_a_conveners_meeting_needs_no_government_and_a_special_question_meeting_does(rules):
    groups = session(rules)
    groups.form("s1", "g1", on=DAY, members=IDS[:20], conveners=IDS[:2])
    groups.form("s1", "g2", on=DAY, members=IDS[20:40], conveners=IDS[20:21])
    conveners = groups.hold_conveners_meeting("s1", "c1", on=DAY, kind=MeetingKind.CONVENERS, convened_by="主席",
                                              attendees=["d01", "d02", "d21"], items=["e2"])  # fmt: skip
    assert conveners.ok
    special = groups.hold_conveners_meeting("s1", "c2", on=DAY, kind=MeetingKind.SPECIAL, convened_by="主席",
                                            attendees=["d05", "d25"])  # fmt: skip
    assert failing(special) == [("session_group.special_government", "SD 12")]
    attended = groups.hold_conveners_meeting("s1", "c3", on=DAY, kind=MeetingKind.SPECIAL, convened_by="主席",
                                             attendees=["d05"], government=["副镇长"], reported_on=DAY)  # fmt: skip
    assert attended.ok
    assert groups.unreported("s1") == ("c1", "c2")  # 应当向主席团报告: no period, listed only


def test_sd_12_a_member_who_is_not_a_convener_is_refused_at_the_conveners_meeting(rules):
    groups = session(rules)
    groups.form("s1", "g1", on=DAY, members=IDS[:20], conveners=IDS[:2])
    with pytest.raises(ProcedureError) as refused:
        groups.hold_conveners_meeting("s1", "c1", on=DAY, kind=MeetingKind.CONVENERS, convened_by="主席",
                                      attendees=["d01", "d03"])  # fmt: skip
    assert failing(refused.value.decision) == [("session_group.not_conveners", "DL 14 ¶2")]
    assert groups.state("s1").conveners_meetings == {}


def test_sd_12_a_county_special_question_meeting_without_the_government_is_fine(rules):
    groups = session(rules, Level.COUNTY)
    groups.form("s1", "g1", on=DAY, members=IDS[:20])
    assert groups.hold_conveners_meeting("s1", "c1", on=DAY, kind=MeetingKind.SPECIAL, convened_by="主任",
                                         attendees=["d05"]).ok  # fmt: skip


# -- npcproc check --------------------------------------------------------------------------------


def record(level="township", conveners=("d01", "d02"), government=("财政所所长",), special_government=()):
    """The example year, whose first session (2022-01-05, agenda e0-e5) has two groups, a meeting on the budget
    and a meeting of deputies the groups chose on a special question."""
    tree = copy.deepcopy(tomllib.loads(EXAMPLE.read_text(encoding="utf-8")))
    congress = tree["congresses"][0]
    congress["level"] = level
    congress["division_code"] = "370102001" if level == "township" else "370102"
    first = congress["sessions"][0]
    on = first["opens_on"]
    first["groups"] = [
        {"id": "g1", "members": [f"d{n:02}" for n in range(1, 31)], "conveners": list(conveners),
         "meetings": [{"id": "m1", "on": on, "presided_by": conveners[0] if conveners else "d01", "items": ["e2"],
                       "present": ["d01", "d03"], "government": list(government)}]},
        {"id": "g2", "members": [f"d{n:02}" for n in range(31, 58)], "conveners": ["d31"]},
    ]  # fmt: skip
    first["conveners_meetings"] = [
        {"id": "c1", "on": on, "kind": "special", "convened_by": "d01", "attendees": ["d05", "d40"],
         "government": list(special_government), "reported_on": on},
    ]  # fmt: skip
    return tree


def found(tree, rules):
    data = json.dumps(tree, ensure_ascii=False, default=str).encode()
    result = audit(parse_record(data, name="record.json", toml=False), rules)
    return [(f.where.split(".", 2)[-1], f.code, str(f.citation)) for f in result.violations
            if f.code.startswith("session_group.")]  # fmt: skip


def test_sd_11_12_record_groups_as_the_text_says_have_no_finding(rules):
    assert found(record(special_government=("副镇长",)), rules) == []


def test_sd_11_12_record_three_conveners_and_no_government_are_violations(rules):
    tree = record(conveners=("d01", "d02", "d03"), government=())
    assert found(tree, rules) == [
        ("groups[0]", "session_group.conveners_max", "SD 11"),
        ("groups[0].meetings[0]", "session_group.government", "SD 11"),
        ("conveners_meetings[0]", "session_group.special_government", "SD 12"),
    ]


def test_sd_11_12_record_of_a_county_is_left_to_national_law(rules):
    assert found(record(level="county", conveners=("d01", "d02", "d03"), government=()), rules) == []


def test_sd_11_through_the_npcproc_check_command(tmp_path, capsys, monkeypatch):
    """The command line with the installed plugin: a group meeting on the budget without the government breaks
    SD 11 (exit 1); the same record of a county congress is not judged by SD."""
    from npcproc.cli import main

    monkeypatch.delenv("NPCPROC_DISABLE_PLUGIN_AUTOLOAD", raising=False)

    def run(tree):
        path = tmp_path / "record.json"
        path.write_text(json.dumps(tree, ensure_ascii=False, default=str), encoding="utf-8")
        code = main(["check", str(path), "--province", "SD", "--format", "json", "--lang", "en"])
        out = json.loads(capsys.readouterr().out)
        return code, [(f["severity"], f["code"], f["citation"]["label"]) for f in out["findings"]
                      if f["code"].startswith("session_group.")]  # fmt: skip

    code, findings = run(record(government=(), special_government=("副镇长",)))
    assert (code, findings) == (1, [("violation", "session_group.government", "SD 11")])
    assert run(record(level="county", government=()))[1] == []
