"""DL 39 ¶4: a township deputy arrested, tried or otherwise deprived of liberty is reported to the township congress
by the executing organ. "立即" has no number: no report is late, a missing one is a notice. CQ 47's writing and the
presidium's report to the next session are tested with the Chongqing plugin."""

from __future__ import annotations

import datetime

import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.plugins import load_rules
from npcproc.procedures import Congresses, Measure, Restraints, Sessions
from npcproc.rules.decision import Severity
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
DAY = D(2022, 1, 5)
IDS = [f"d{n:02}" for n in range(1, 41)]


@pytest.fixture(scope="module")
def national():
    return load_rules(None)


def restraints(rules, level=Level.TOWNSHIP, *, close=True) -> Restraints:
    store = MemoryStore()
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t", name="某镇人民代表大会", level=level, division_code="500101001"
                                  if level is Level.TOWNSHIP else "500101", population=30_000,
                                  deputy_quota=45 if level is Level.TOWNSHIP else 160))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("t", {i: i for i in IDS}, term=1, on=D(2021, 11, 20))
    sessions = Sessions(store, rules)
    sessions.plan("s1", congress_id="t", opens_on=DAY)
    sessions.give_notice("s1", on=D(2021, 12, 20), materials_on=D(2022, 1, 1))
    prepare(sessions, "s1", on=DAY, presidium=IDS[:9], agenda=[])
    sessions.open("s1", on=DAY, present=IDS)
    if close:
        sessions.close("s1", on=DAY)
    return Restraints(store, rules)


def failing(call):
    with pytest.raises(ProcedureError) as caught:
        call()
    return [(r.code, str(r.citation)) for r in caught.value.decision.failing]


def test_dl_39_4_a_report_in_session_goes_to_the_congress(national):
    found = restraints(national, close=False)
    found.record("t", "r1", "d05", measure=Measure.ARREST, on=DAY, organ="某县公安局")
    decision = found.report("t", "r1", on=DAY, written=False)  # national law does not say how
    assert decision.ok
    assert [(r.code, str(r.citation)) for r in decision.reasons] == [("restraint.reported", "DL 39 ¶4")]
    assert found.log("t").cases["r1"].report.to_presidium is False
    assert found.check("t", as_of=D(2022, 12, 31)).reasons == ()


def test_dl_39_4_an_unreported_measure_is_a_notice_not_a_violation(national):
    found = restraints(national)
    found.record("t", "r1", "d05", measure=Measure.TRIAL, on=D(2022, 3, 1))
    decision = found.check("t", as_of=D(2022, 12, 31))
    assert decision.ok
    assert [(r.code, str(r.citation), r.severity) for r in decision.reasons] == [
        ("restraint.unreported", "DL 39 ¶4", Severity.NOTICE)]  # fmt: skip
    found.report("t", "r1", on=D(2022, 3, 2))
    assert found.log("t").cases["r1"].report.to_presidium is True  # between sessions: the presidium
    assert found.check("t", as_of=D(2022, 12, 31)).reasons == ()


@pytest.mark.parametrize(("reported", "ok"), [(D(2022, 3, 1), True), (D(2022, 2, 28), False)])
def test_dl_39_4_a_report_comes_on_or_after_the_measure(national, reported, ok):
    found = restraints(national)
    found.record("t", "r1", "d05", measure=Measure.OTHER, on=D(2022, 3, 1))
    if ok:
        assert found.report("t", "r1", on=reported).ok
        assert failing(lambda: found.report("t", "r1", on=reported)) == [("restraint.already_reported", "DL 39 ¶4")]
    else:
        assert failing(lambda: found.report("t", "r1", on=reported)) == [("restraint.report_before_measure",
                                                                          "DL 39 ¶4")]  # fmt: skip
        assert found.log("t").cases["r1"].report is None


def test_dl_39_4_only_a_township_deputy_in_office(national):
    found = restraints(national)
    assert failing(lambda: found.record("t", "r1", "x99", measure=Measure.ARREST, on=DAY)) == [
        ("restraint.not_in_office", "DL 39 ¶4")]  # fmt: skip
    county = restraints(national, Level.COUNTY)
    assert failing(lambda: county.record("t", "r1", "d05", measure=Measure.ARREST, on=DAY)) == [
        ("restraint.township_only", "DL 39 ¶4")]  # fmt: skip


def test_dl_39_4_national_law_asks_no_report_to_the_next_session(national):
    found = restraints(national)
    found.record("t", "r1", "d05", measure=Measure.ARREST, on=D(2022, 3, 1))
    found.report("t", "r1", on=D(2022, 3, 1))
    assert national.optional("restraint.presidium_reports_to_next_session") is None
    assert found.check("t", as_of=D(2022, 12, 31)).reasons == ()
