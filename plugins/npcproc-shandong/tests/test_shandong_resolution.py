"""SD 16 ¶1, a resolution on the government's work report, through the annual check and `npcproc check`.

"乡镇人民代表大会听取和审查乡镇人民政府的工作报告，并作出相应的决议。" A session that heard the report votes on a
resolution on it. SD 16 ¶2's special work reports "可以作出相应的决议" (a power) need none. A county congress is
judged by national law alone.
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
from npcproc.procedures import Congresses, Sessions
from npcproc.record.audit import audit
from npcproc.record.load import parse_record
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
DAY = D(2022, 1, 5)
IDS = [f"d{n:02}" for n in range(1, 61)]
K = AgendaItemKind
AGENDA = [AgendaItem(id="gov", kind=K.GOVERNMENT_REPORT, title="镇人民政府工作报告"),
          AgendaItem(id="special", kind=K.SPECIAL_WORK_REPORT, title="专项工作报告")]  # fmt: skip
EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "township-year.toml"
CODE = "sd.government_report_resolution"


@pytest.fixture
def rules(npcproc_rules):
    return npcproc_rules("山东", npcproc_shandong)


def session(rules, *, level=Level.TOWNSHIP, votes=(), yes=50, close=True):
    """60 deputies; session s1 on 5 January 2022 hears the government report and a special work report and votes
    on ``votes`` (``yes`` of 60 in favour)."""
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
    for subject in votes:
        sessions.open_vote("s1", f"v-{subject}", subject=subject, method=VoteMethod.SECRET_BALLOT, on=DAY,
                           present=IDS)  # fmt: skip
        sessions.count_ballots("s1", f"v-{subject}", yes=yes, no=60 - yes, abstain=0)
        sessions.close_vote("s1", f"v-{subject}", announced_by=IDS[0])
    if close:
        sessions.close("s1", on=DAY)
    return sessions


def judged(sessions):
    return [(r.ok, str(r.citation), r.values["item"]) for r in sessions.year_check("t", 2022).reasons
            if r.code == CODE]  # fmt: skip


def test_sd_16_1_a_session_that_votes_on_the_government_report_holds(rules):
    assert judged(session(rules, votes=["gov"])) == [(True, "SD 16 ¶1", "gov")]


def test_sd_16_1_a_session_that_heard_the_government_report_without_a_vote_on_it_fails(rules):
    sessions = session(rules, votes=["special"])  # a vote on the special work report does not stand for it
    assert judged(sessions) == [(False, "SD 16 ¶1", "gov")]
    assert not sessions.year_check("t", 2022).ok


def test_sd_16_1_a_resolution_put_to_the_vote_and_rejected_was_still_made_to_be_decided(rules):
    """The text binds the congress to resolve on the report; the deputies' rejecting the draft breaks nothing."""
    assert judged(session(rules, votes=["gov"], yes=20)) == [(True, "SD 16 ¶1", "gov")]


def test_sd_16_1_a_session_still_sitting_is_not_yet_judged(rules):
    assert judged(session(rules, close=False)) == []


def test_sd_16_1_a_county_session_without_a_vote_is_left_to_national_law(rules):
    assert judged(session(rules, level=Level.COUNTY)) == []


def test_sd_33_the_check_judges_no_year_wholly_before_1995_06_14(rules):
    """The registered check, fed the same closed session without a vote: 1994 is not judged, 1995 is."""
    from npcproc.rules.topics import AgendaFacts

    checks = []
    npcproc_shandong.npcproc_register_checks(lambda topic, check: checks.append((topic, check)))
    [(topic, check)] = checks
    assert topic == "annual_agenda"
    state = session(rules).state("s1")
    for year, expected in ((1994, []), (1995, [False])):
        facts = AgendaFacts(level=Level.TOWNSHIP, year=year, sessions=(state,))
        assert [r.ok for r in check(facts, rules).reasons] == expected


# -- npcproc check --------------------------------------------------------------------------------


def record(*, level="township", voted=()):
    """The example year: its sessions hear the government report (e0 on 2022-01-05, m0 on 2022-07-06); a vote on
    each item of ``voted`` is added."""
    tree = copy.deepcopy(tomllib.loads(EXAMPLE.read_text(encoding="utf-8")))
    congress = tree["congresses"][0]
    congress["level"] = level
    congress["division_code"] = "370102001" if level == "township" else "370102"
    for held in congress["sessions"]:
        items = {item["id"] for item in held["agenda"]}
        for subject in voted:
            if subject in items:
                present = len(held["present"])
                held.setdefault("votes", []).append(
                    {
                        "id": f"v-{subject}",
                        "subject": subject,
                        "method": "secret_ballot",
                        "on": held["opens_on"],
                        "yes": present - 2,
                        "no": 2,
                        "abstain": 0,
                        "passed": True,
                    }
                )
    return tree


def found(tree, rules):
    data = json.dumps(tree, ensure_ascii=False, default=str).encode()
    result = audit(parse_record(data, name="record.json", toml=False), rules)
    return [(f.where.split(".", 1)[-1], f.severity, f.message("en")) for f in result.findings
            if f.code == CODE]  # fmt: skip


def test_sd_16_1_record_sessions_that_voted_on_the_report_have_no_finding(rules):
    assert found(record(voted=("e0", "m0")), rules) == []


def test_sd_16_1_record_a_session_without_the_vote_is_a_violation(rules):
    assert found(record(voted=("e0",)), rules) == [
        (
            "year[2022]",
            "violation",
            "session 2022-2 heard the township government's work report (m0) and must make "
            "a resolution on it, but no vote on it is recorded (SD 16 ¶1)",
        ),
    ]


def test_sd_16_1_record_of_a_county_is_left_to_national_law(rules):
    assert found(record(level="county"), rules) == []


def test_sd_16_1_through_the_npcproc_check_command(tmp_path, capsys, monkeypatch):
    """The command line with the installed plugin: the example year, which votes on neither government report,
    breaks SD 16 ¶1 twice (exit 1); with both votes it does not."""
    from npcproc.cli import main

    monkeypatch.delenv("NPCPROC_DISABLE_PLUGIN_AUTOLOAD", raising=False)

    def run(tree):
        path = tmp_path / "record.json"
        path.write_text(json.dumps(tree, ensure_ascii=False, default=str), encoding="utf-8")
        code = main(["check", str(path), "--province", "SD", "--format", "json", "--lang", "zh"])
        out = json.loads(capsys.readouterr().out)
        return code, [(f["severity"], f["citation"]["label"]) for f in out["findings"] if f["code"] == CODE]

    assert run(record()) == (1, [("violation", "SD 16 ¶1"), ("violation", "SD 16 ¶1")])
    assert run(record(voted=("e0", "m0")))[1] == []
