"""CQ 14 ¶4 (deputies' bills from the presidium's decision to convene until the deadline for bills) and CQ 13 ¶1
(the heads who are not deputies attend), through the procedures and npcproc check, at each boundary; a county
congress keeps national law."""

from __future__ import annotations

import copy
import datetime
import json

import pytest
from test_chongqing import EVERYONE, checked, chongqing, congress, example, hold, national, refusal

from npcproc.model import Level
from npcproc.model.session import Bill, SponsorBody
from npcproc.procedures import Sessions
from npcproc.store import MemoryStore

D = datetime.date
OPENS = D(2023, 1, 10)
DEADLINE = D(2023, 1, 9)


def deputies_bill(bid: str = "b") -> Bill:
    return Bill(id=bid, subject="村道", grounds="失修", proposal="修缮", sponsors=tuple(EVERYONE[:5]))


def planned(rules, *, level=Level.TOWNSHIP) -> Sessions:
    """A session planned for 10 January 2023 (the presidium's decision to convene it), no deadline fixed yet."""
    store = MemoryStore()
    congress(store, rules, level=level, population=30_000 if level is Level.TOWNSHIP else 500_000)
    sessions = Sessions(store, rules)
    sessions.plan("s", congress_id="c", opens_on=OPENS)
    return sessions


# -- CQ 14 ¶4 "自大会主席团作出召开…会议的决定之日起" ------------------------------------------------------


def test_cq_14_4_a_deputies_bill_is_taken_from_the_decision_to_convene():
    sessions = planned(chongqing())
    sessions.submit_bill("s", deputies_bill(), on=D(2023, 1, 2))
    assert list(sessions.state("s").bills) == ["b"]
    assert sessions.state("s").bills_on == {"b": D(2023, 1, 2)}


def test_cq_14_4_a_government_bill_waits_for_the_session():
    """CQ 14 ¶1 "举行会议时": the window of CQ 14 ¶4 is the deputies' (代表联名提出议案)."""
    sessions = planned(chongqing())
    bill = Bill(id="g", subject="预算", grounds="法定", proposal="审议", sponsor_body=SponsorBody.GOVERNMENT)
    assert refusal(lambda: sessions.submit_bill("s", bill, on=D(2023, 1, 2))) == [("session.wrong_stage", "OL 14")]
    assert sessions.state("s").bills == {}


@pytest.mark.parametrize("rules", [national, lambda: chongqing()], ids=["national", "county"])
def test_cq_14_4_nowhere_else_a_bill_comes_before_the_preparatory_meeting(rules):
    sessions = planned(rules(), level=Level.TOWNSHIP if rules is national else Level.COUNTY)
    assert refusal(lambda: sessions.submit_bill("s", deputies_bill(), on=D(2023, 1, 2))) == [
        ("session.wrong_stage", "OL 14")
    ]


# -- CQ 14 ¶4 "至代表议案截止时间之前提出" ------------------------------------------------------------------


def with_deadline(rules, *, level=Level.TOWNSHIP) -> Sessions:
    sessions = planned(rules, level=level)
    sessions.fix_bill_deadline("s", deadline=DEADLINE)
    return sessions


def test_cq_14_4_a_bill_on_the_deadline_is_in_time():
    sessions = with_deadline(chongqing())
    sessions.submit_bill("s", deputies_bill(), on=DEADLINE)
    assert sessions.state("s").bill_deadline == DEADLINE
    assert list(sessions.state("s").bills) == ["b"]


def test_cq_14_4_a_bill_after_the_deadline_is_refused():
    sessions = with_deadline(chongqing())
    late = DEADLINE + datetime.timedelta(days=1)
    before = sessions.state("s")
    assert refusal(lambda: sessions.submit_bill("s", deputies_bill(), on=late)) == [("bill.deadline", "CQ 14 ¶4")]
    assert sessions.state("s") == before  # nothing recorded


def test_cq_14_4_an_undated_deputies_bill_cannot_be_judged_against_the_deadline():
    sessions = with_deadline(chongqing())
    assert refusal(lambda: sessions.submit_bill("s", deputies_bill())) == [("bill.undated", "CQ 14 ¶4")]


def test_cq_14_4_without_a_deadline_fixed_a_bill_is_not_late():
    sessions = planned(chongqing())
    sessions.submit_bill("s", deputies_bill(), on=D(2023, 1, 9))
    sessions.submit_bill("s", deputies_bill("b2"))
    assert sorted(sessions.state("s").bills) == ["b", "b2"]


def test_cq_14_4_the_deadline_binds_deputies_bills_only():
    sessions = with_deadline(chongqing())
    hold_open(sessions)
    bill = Bill(id="g", subject="预算", grounds="法定", proposal="审议", sponsor_body=SponsorBody.GOVERNMENT)
    sessions.submit_bill("s", bill, on=OPENS)
    assert list(sessions.state("s").bills) == ["g"]


def hold_open(sessions: Sessions) -> None:
    from test_chongqing import ELECTION

    from npcproc.testing import prepare

    sessions.give_notice("s", on=OPENS - datetime.timedelta(days=10), materials_on=OPENS)
    prepare(sessions, "s", on=OPENS, presidium=EVERYONE[:9], agenda=(ELECTION,))
    sessions.open("s", on=OPENS, present=EVERYONE)


def test_cq_14_4_leaves_a_county_bill_after_the_deadline_alone():
    sessions = with_deadline(chongqing(), level=Level.COUNTY)
    hold_open(sessions)
    county_bill = Bill(id="b", subject="村道", grounds="失修", proposal="修缮", sponsors=tuple(EVERYONE[:10]))
    sessions.submit_bill("s", county_bill, on=OPENS)
    assert list(sessions.state("s").bills) == ["b"]


def test_cq_14_4_national_law_alone_binds_no_bill_to_a_deadline():
    sessions = with_deadline(national())
    hold_open(sessions)
    sessions.submit_bill("s", deputies_bill(), on=OPENS)
    assert list(sessions.state("s").bills) == ["b"]


def test_cq_14_4_the_deadline_is_fixed_before_the_session_closes():
    rules, store = chongqing(), MemoryStore()
    congress(store, rules)
    sessions = Sessions(store, rules)
    hold(sessions, "s", OPENS)
    assert refusal(lambda: sessions.fix_bill_deadline("s", deadline=OPENS)) == [("session.wrong_stage", "OL 14")]


# -- through `npcproc check` ----------------------------------------------------------------------


def deadline(day: str, submitted: str | None, *, level: str = "township"):
    """The example's first session fixes ``day`` as the deadline; its bill b1 (five deputies) came in on
    ``submitted``, its bill b2 on the deadline day."""

    def change(year):
        if level == "county":
            year.update(level="county", division_code="500101", population=500_000)
        year["sessions"][0]["bill_deadline"] = day
        year["sessions"][0]["bills"][0]["submitted_on"] = submitted
        year["sessions"][0]["bills"][1]["submitted_on"] = day

    return change


def bill_findings(found):
    return [f for f in found if f[1].startswith(".sessions[0].bills")]


def test_check_cq_14_4_a_bill_on_the_deadline_is_in_time():
    assert bill_findings(checked(deadline("2022-01-04", "2022-01-04"))) == []


def test_check_cq_14_4_a_bill_after_the_deadline_is_a_violation():
    found = bill_findings(checked(deadline("2022-01-04", "2022-01-05")))
    assert found == [("violation", ".sessions[0].bills[0]", "bill.deadline", "CQ 14 ¶4")]


def test_check_cq_14_4_an_undated_bill_is_a_violation_once_a_deadline_is_fixed():
    found = bill_findings(checked(deadline("2022-01-04", None)))
    assert found == [("violation", ".sessions[0].bills[0]", "bill.undated", "CQ 14 ¶4")]


def test_check_cq_14_4_leaves_a_county_record_alone():
    found = checked(deadline("2022-01-04", "2022-01-05", level="county"), chongqing())
    assert not any(f[2] in ("bill.deadline", "bill.undated") for f in found)


def test_check_cq_14_4_through_the_npcproc_check_command(tmp_path, capsys, monkeypatch):
    from npcproc.cli import main

    monkeypatch.delenv("NPCPROC_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    tree = copy.deepcopy(example())
    deadline("2022-01-04", "2022-01-05")(tree["congresses"][0])
    path = tmp_path / "record.json"
    path.write_text(json.dumps(tree, ensure_ascii=False, default=str), encoding="utf-8")
    code = main(["check", str(path), "--province", "CQ", "--format", "json", "--lang", "en"])
    out = json.loads(capsys.readouterr().out)
    found = [(f["severity"], f["where"], f["code"], f["citation"]["label"]) for f in out["findings"]
             if f["code"].startswith("bill.")]  # fmt: skip
    assert found == [("violation", "congresses[0].sessions[0].bills[0]", "bill.deadline", "CQ 14 ¶4")]
    assert code == 1


# -- CQ 13 ¶1 "不是本级人民代表大会代表的乡长、副乡长，镇长、副镇长列席本级人民代表大会会议" --------


def ready(rules, *, heads=("周镇长",), deputy_heads=("李副镇长", "d05")) -> Sessions:
    """A township session prepared for 10 January 2023, the heads on record (d05, a deputy, among them)."""
    from test_chongqing import ELECTION

    from npcproc.procedures import Congresses
    from npcproc.testing import prepare

    sessions = planned(rules)
    Congresses(sessions.store, rules).record_heads("c", heads=heads, deputy_heads=deputy_heads, on=D(2022, 12, 1))
    sessions.give_notice("s", on=OPENS - datetime.timedelta(days=10), materials_on=OPENS)
    prepare(sessions, "s", on=OPENS, presidium=EVERYONE[:9], agenda=(ELECTION,))
    return sessions


def test_cq_13_1_every_head_who_is_not_a_deputy_attends():
    sessions = ready(chongqing())
    sessions.admit_attendees("s", ["派出所所长"])
    opened = sessions.open("s", on=OPENS, present=EVERYONE, attending=["周镇长", "李副镇长", "派出所所长"])
    heads = [(r.code, r.ok, r.values["head"]) for r in opened.reasons if r.code == "session.head_attends"]
    assert heads == [("session.head_attends", True, "周镇长"), ("session.head_attends", True, "李副镇长")]


def test_cq_13_1_others_attend_by_the_presidiums_decision():
    """ "其他有关机关、团体、和企业事业单位的负责人，经主席团决定，可以列席": the heads attend as of right, others
    only if the presidium admitted them; a county and national law are untouched."""
    sessions = ready(chongqing())
    attending = ["周镇长", "李副镇长", "派出所所长"]
    assert refusal(lambda: sessions.open("s", on=OPENS, present=EVERYONE, attending=attending)) == [
        ("session.attendee_admitted", "CQ 13 ¶1")
    ]
    sessions.admit_attendees("s", ["派出所所长"])
    assert sessions.open("s", on=OPENS, present=EVERYONE, attending=attending).ok
    rules = national()
    assert rules.optional("session.attendees_admitted") is None
    assert ready(rules).open("s", on=OPENS, present=EVERYONE, attending=attending).ok


def test_cq_13_1_a_head_missing_from_the_attendees_is_refused():
    sessions = ready(chongqing())
    assert refusal(lambda: sessions.open("s", on=OPENS, present=EVERYONE, attending=["周镇长"])) == [
        ("session.head_attends", "CQ 13 ¶1")
    ]
    assert sessions.state("s").opened_on is None  # nothing recorded


def test_cq_13_1_a_head_who_is_a_deputy_attends_as_a_deputy():
    """d05 holds a deputy head's post and is a deputy: not on the list (OL 21), and absent he is the roll's matter."""
    sessions = ready(chongqing(), heads=(), deputy_heads=("d05",))
    sessions.open("s", on=OPENS, present=[d for d in EVERYONE if d != "d05"])
    assert sessions.state("s").attending == ()


def test_ol_21_national_law_alone_requires_the_heads_too():
    """OL 21 "乡级的人民政府领导人员，列席本级人民代表大会会议": CQ 13 ¶1 restates it; without CQ it binds."""
    sessions = ready(national())
    assert refusal(lambda: sessions.open("s", on=OPENS, present=EVERYONE)) == [
        ("session.head_attends", "OL 21"), ("session.head_attends", "OL 21"),
    ]  # fmt: skip
    sessions.open("s", on=OPENS, present=EVERYONE, attending=["周镇长", "李副镇长"])


def test_cq_13_1_a_county_congress_has_no_township_heads_to_record():
    from npcproc.procedures import Congresses

    sessions = planned(chongqing(), level=Level.COUNTY)
    congresses = Congresses(sessions.store, sessions.rules)
    assert refusal(lambda: congresses.record_heads("c", heads=["县长"], deputy_heads=[], on=D(2022, 12, 1))) == [
        ("election.office_level", "OL 12")
    ]
    in_force = congresses.state("c").rules(sessions.rules, OPENS).rule("session.heads_attend")
    assert str(in_force.citation) == "OL 21"  # CQ 13 ¶1 binds townships only; a county has none of their heads


def heads(start: list[str], *, attending_2: list[str] | None = None, level: str = "township"):
    """The example year with ``start`` the heads when the record begins; its first session (the term's first)
    elects 周志远 township head, and its second lists ``attending_2`` (the example: 周志远)."""

    def change(year):
        if level == "county":
            year.update(level="county", division_code="500101", population=500_000)
        year["township_heads"] = start
        year["deputy_township_heads"] = ["d05"]  # a deputy: attends as one
        if attending_2 is not None:
            year["sessions"][1]["attending"] = attending_2

    return change


def head_findings(found):
    return [f for f in found if f[2] == "session.head_attends"]


def test_check_cq_13_1_the_heads_in_office_when_the_record_begins_attend():
    found = head_findings(checked(heads(["老镇长"])))
    assert found == [("violation", ".sessions[0].attending", "session.head_attends", "CQ 13 ¶1")]


def test_check_cq_13_1_a_head_elected_at_the_terms_first_session_attends_the_next():
    assert head_findings(checked(heads([]))) == []
    found = head_findings(checked(heads([], attending_2=[])))
    assert found == [("violation", ".sessions[1].attending", "session.head_attends", "CQ 13 ¶1")]


def test_check_cq_13_1_leaves_a_county_record_alone():
    assert head_findings(checked(heads(["老镇长"], attending_2=[], level="county"), chongqing())) == []


def test_cq_the_demo_runs_under_chongqing_rules(tmp_path, monkeypatch):
    """The demo year: its mid-year session lists the township head it elected in January (CQ 13 ¶1)."""
    from npcproc.cli import main

    monkeypatch.delenv("NPCPROC_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    assert main(["demo", "--province", "CQ", "--db", str(tmp_path / "demo.db")]) == 0
