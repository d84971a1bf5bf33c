"""Beijing's regulation (BJ), article by article, at each boundary the text draws.

The law text is the oracle: each test quotes the words it relies on. The regulation organises
township congresses only, so every rule is also shown to leave a county congress untouched.
"""

from __future__ import annotations

import datetime
import json
from fractions import Fraction

import npcproc_beijing
import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.congress import DeputyStatus, StatusChange
from npcproc.model.election import AnswerForm, Candidate, InquiryTarget, Nominator, Office
from npcproc.model.session import AgendaItem, AgendaItemKind, SessionKind, SessionStatus, VoteCount
from npcproc.model.suggestion import ReplyCategory
from npcproc.procedures import Congresses, Elections, Inquiries, Sessions, Suggestions
from npcproc.procedures.session.checks import presidium_checks
from npcproc.record.audit import audit
from npcproc.record.importer import import_record
from npcproc.record.load import parse_record
from npcproc.rules import Citation
from npcproc.rules.decision import Binding, Severity
from npcproc.rules.parameters import CongressFacts
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
DAY = datetime.timedelta(days=1)
AGENDA = (AgendaItem(id="gov", kind=AgendaItemKind.GOVERNMENT_REPORT, title="政府工作报告"),)
TOWNSHIP_GOV, COUNTY_GOV = InquiryTarget.TOWNSHIP_GOVERNMENT, InquiryTarget.COUNTY_GOVERNMENT


def bj(article, paragraph=None):
    return Citation(law="BJ", article=article, paragraph=paragraph)


def ids(count):
    return [f"d{n:03}" for n in range(1, count + 1)]


@pytest.fixture
def rules(npcproc_rules):
    return npcproc_rules("BJ", npcproc_beijing)


# -- driving the procedures ----------------------------------------------------------------------------


ELECTED = D(2021, 12, 20)


def congress(rules, *, deputies=35, level=Level.TOWNSHIP, elected=ELECTED):
    """A Beijing congress of ``deputies`` deputies in office, its elections completed on ``elected``."""
    store = MemoryStore()
    congresses = Congresses(store, rules)
    code = "110111001" if level is Level.TOWNSHIP else "110111"
    quota = max(deputies, 46) if level is Level.TOWNSHIP else max(deputies, 150)
    congresses.establish(Congress(id="c", name="某人民代表大会", level=level, division_code=code,
                                  population=20_000 if level is Level.TOWNSHIP else 300_000,
                                  deputy_quota=quota))  # fmt: skip
    congresses.begin_term("c", 1, elections_completed_on=elected)
    congresses.elect_deputies("c", {d: d for d in ids(deputies)}, term=1, on=elected + DAY)
    return store


def hold(rules, store, sid, on, *, presidium=5, notice_days=10, kind=SessionKind.REGULAR, close=True, attending=()):
    """Plan, notify, prepare and open a session on ``on`` with the non-deputies ``attending`` (closed the same
    day unless ``close`` is False)."""
    sessions = Sessions(store, rules)
    everyone = list(Congresses(store, rules).state("c").in_office(on))
    sessions.plan(sid, congress_id="c", opens_on=on, kind=kind)
    if kind is SessionKind.REGULAR:
        sessions.give_notice(sid, on=on - notice_days * DAY, materials_on=on - DAY)
    prepare(sessions, sid, on=on, presidium=everyone[:presidium], agenda=AGENDA)
    if attending:
        sessions.admit_attendees(sid, attending)  # BJ 16 ¶1: others attend by the presidium's decision
    sessions.open(sid, on=on, present=everyone, attending=attending)
    if close:
        sessions.close(sid, on=on)
    return sessions


def file(rules, store, inquiry_id, sponsors, *, target=TOWNSHIP_GOV, session="s1"):
    return Inquiries(store, rules).file(inquiry_id, session_id=session, sponsors=ids(sponsors), target=target,
                                        questions="学校何时修缮")  # fmt: skip


# -- driving npcproc check -----------------------------------------------------------------------------


YEARLY = {
    Level.TOWNSHIP: ["government_report", "presidium_report", "budget", "construction_plan", "civil_affairs_plan",
                     "budget_execution", "final_accounts"],
    Level.COUNTY: ["development_plan", "budget", "budget_execution", "standing_committee_report", "government_report",
                   "court_report", "procuratorate_report"],
}  # fmt: skip


def record(*sessions, deputies=35, level="township", as_of="2022-12-31"):
    """A record file's data: one Beijing congress and its ``sessions`` (dicts merged over a plain session)."""
    everyone = ids(deputies)
    kinds = YEARLY[Level(level)]  # every item OL 11/12 require each year, so only BJ's findings remain
    plain = {
        "presidium": everyone[:5],
        "present": everyone,
        "preparatory": {"presidium_vote": {"yes": deputies}, "agenda_vote": {"yes": deputies}},
        "agenda": [{"id": k, "kind": k, "title": k} for k in kinds],
    }
    return {
        "format_version": 1, "as_of": as_of,
        "congresses": [{
            "id": "c", "name": "某人民代表大会", "level": level,
            "division_code": "110111001" if level == "township" else "110111",
            "population": 20_000 if level == "township" else 300_000,
            "deputy_quota": max(deputies, 46 if level == "township" else 150), "term": 1,
            "elections_completed_on": "2021-12-20",
            "deputies": [{"id": d, "name": d, "elected_on": "2021-12-21"} for d in everyone],
            "sessions": [{"id": f"s{n}", "closed_on": s["opens_on"], **plain, **s} for n, s in enumerate(sessions, 1)],
        }],
    }  # fmt: skip


def checked(tree, rules):
    data = json.dumps(tree, ensure_ascii=False).encode()
    return audit(parse_record(data, name="bj.json", toml=False), rules)


def found(result, prefix=""):
    return sorted((f.severity.value if hasattr(f.severity, "value") else f.severity, f.code, str(f.citation))
                  for f in result.findings if f.code.startswith(prefix))  # fmt: skip


# -- the plugin as a whole -----------------------------------------------------------------------------


def test_the_plugin_conforms(npcproc_conformance):
    npcproc_conformance(npcproc_beijing)


#: The words of the cited clause each setting relies on (the law text is the oracle).
WORDS = {
    ("credentials.reviews_next_term", 1): "由上届代表资格审查委员会进行审查",
    ("township_head.ethnic_minority", 1): "民族乡的乡长由建立民族乡的少数民族公民担任",
    ("inquiry.small_congress_size", 40): "代表总数在四十人以下的，五分之一以上代表联名也可以提出质询案",
    ("inquiry.small_congress_fraction", Fraction(1, 5)): "代表总数在四十人以下的，五分之一以上代表联名也可以提出质询案",
    ("inquiry.complex_answer_months", 3): "由受质询机关在大会后三个月内向有关代表作出答复",
    ("suggestion.reply_months", 3): "应当在三个月内",
    ("suggestion.reply_months_complex", 6): "情况复杂的不超过六个月",
    ("suggestion.urgent_due_at_session_close", 1): "对迫切需要办理又有条件办理的，有关机关和组织应当在会议期间办理",
    (
        "session.first_preparatory_by_last_presidium",
        1,
    ): "每届人民代表大会第一次会议的预备会议，由上次人民代表大会主席团主持",
    ("presidium.min_size", 5): "主席团一般由五人至九人组成",
    ("presidium.max_size", 9): "主席团一般由五人至九人组成",
    ("township.chairs.min_full_time", 1): "主席、副主席中至少有一人为专职",
    ("session.max_attendees_fraction", Fraction(1, 2)): "列席人数不得超过代表总数的二分之一",
    ("session.attendees_admitted", 1): "其他有关机关、团体负责人，经主席团决定，可以列席会议",
    ("credentials.committee_required", 1): "设立代表资格审查委员会",
    ("credentials.nominated_by_presidium", 1): "由主席团在代表中提名",
    ("credentials.members_from_deputies", 1): "由主席团在代表中提名",
}


def test_every_setting_binds_townships_only_and_its_clause_says_it():
    assert {(s.parameter, s.value) for s in npcproc_beijing.SETTINGS} == set(WORDS)
    for setting in npcproc_beijing.SETTINGS:
        assert setting.levels == frozenset({Level.TOWNSHIP}), setting
        assert setting.citation.law == "BJ"
        assert WORDS[(setting.parameter, setting.value)] in setting.citation.text(), setting


def test_bj_every_setting_binds_township_congresses_only():
    """The regulation is 乡、民族乡、镇人民代表大会组织条例: no setting may reach a county congress."""
    assert npcproc_beijing.SETTINGS
    assert all(s.levels == frozenset({Level.TOWNSHIP}) for s in npcproc_beijing.SETTINGS)


@pytest.mark.parametrize("deputies", [20, 40, 41, 160])
def test_bj_a_county_congress_is_judged_by_national_law_alone(rules, npcproc_rules, deputies):
    facts = CongressFacts(level=Level.COUNTY, population=300_000, deputies=deputies)
    county, national = rules.for_congress(facts), npcproc_rules(None).for_congress(facts)
    assert {n: (e.value, e.citation) for n, e in county.parameters.items()} == {
        n: (e.value, e.citation) for n, e in national.parameters.items()
    }
    assert county.relaxations() == ()
    assert all(e.source != "npcproc_beijing" for e in county.advisory.values())


def test_rules_in_force_for_a_township(rules):
    township = rules.for_congress(CongressFacts(level=Level.TOWNSHIP, population=20_000, deputies=35))
    # BJ 5 ¶1 is a check on the half-years, not a count: the shall value stays OL 14 ¶1's one session.
    assert township.effective("session.min_per_year").citation == Citation(law="OL", article=14, paragraph=1)
    assert township.rule("session.min_per_year").value == 1
    assert township.effective("inquiry.complex_answer_months").citation == bj(12, 4)
    assert township.effective("suggestion.reply_months").citation == bj(14)
    assert township.effective("suggestion.reply_months_complex").citation == bj(14)
    # BJ 17 ¶2 "一般由五人至九人组成": advice only, no shall bound at all.
    assert township.optional("presidium.min_size") is None
    assert township.optional("presidium.max_size") is None
    low, high = township.advised("presidium.min_size"), township.advised("presidium.max_size")
    assert (low.value, high.value, low.citation, low.binding) == (5, 9, bj(17, 2), Binding.NORMALLY)


# -- BJ 5 ¶1: 每半年至少举行一次；每年的第一次会议，应当不迟于三月底前举行 ---------------------------


def bj_5_reasons(rules, *days, level=Level.TOWNSHIP, extraordinary=()):
    """The BJ 5 ¶1 reasons of the 2022 annual check for sessions opened on ``days`` (procedures)."""
    store = congress(rules, level=level, elected=min(days) - 30 * DAY)
    for n, day in enumerate(sorted(days), 1):
        kind = SessionKind.EXTRAORDINARY if day in extraordinary else SessionKind.REGULAR
        sessions = hold(rules, store, f"s{n}", day, kind=kind, presidium=5 if level is Level.TOWNSHIP else 20)
    decision = sessions.year_check("c", 2022)
    return {r.code: r.ok for r in decision.reasons if r.code.startswith("bj.")}, decision


def test_bj_5_1_first_session_on_31_march_and_one_on_1_july_holds(rules):
    reasons, decision = bj_5_reasons(rules, D(2022, 3, 31), D(2022, 7, 1))
    assert reasons == {"bj.first_half": True, "bj.second_half": True, "bj.first_by_march": True}
    assert not [r for r in decision.failing if r.code.startswith("bj.")]


def test_bj_5_1_first_session_on_1_april_is_late(rules):
    reasons, decision = bj_5_reasons(rules, D(2022, 4, 1), D(2022, 7, 1))
    assert reasons == {"bj.first_half": True, "bj.second_half": True, "bj.first_by_march": False}
    assert [str(r.citation) for r in decision.failing if r.code == "bj.first_by_march"] == ["BJ 5 ¶1"]
    assert "did not open by the end of March" in decision.explain("en")


def test_bj_5_1_a_session_on_30_june_is_in_the_first_half_not_the_second(rules):
    reasons, _ = bj_5_reasons(rules, D(2022, 1, 10), D(2022, 6, 30))
    assert reasons == {"bj.first_half": True, "bj.second_half": False, "bj.first_by_march": True}


def test_bj_5_1_two_sessions_are_not_enough_when_both_fall_in_one_half(rules):
    """Not a count of two: July and December leave January-June without a session."""
    reasons, _ = bj_5_reasons(rules, D(2022, 7, 1), D(2022, 12, 1))
    assert reasons == {"bj.first_half": False, "bj.second_half": True, "bj.first_by_march": False}


def test_bj_5_1_an_extraordinary_session_counts(rules):
    """会议 without distinction: an extraordinary session in the second half meets the half-year."""
    reasons, _ = bj_5_reasons(rules, D(2022, 2, 10), D(2022, 9, 1), extraordinary=(D(2022, 9, 1),))
    assert reasons == {"bj.first_half": True, "bj.second_half": True, "bj.first_by_march": True}
    reasons, _ = bj_5_reasons(rules, D(2022, 3, 1), D(2022, 4, 1), extraordinary=(D(2022, 3, 1),))
    assert reasons["bj.first_by_march"] is True
    assert reasons["bj.second_half"] is False


def test_bj_5_1_leaves_a_county_congress_untouched(rules):
    reasons, _ = bj_5_reasons(rules, D(2022, 5, 10), level=Level.COUNTY)
    assert reasons == {}


def test_bj_5_1_in_npcproc_check(rules):
    late = checked(record({"opens_on": "2022-04-01"}, {"opens_on": "2022-07-01"}), rules)
    assert found(late, "bj.") == [("violation", "bj.first_by_march", "BJ 5 ¶1")]
    on_time = checked(record({"opens_on": "2022-03-31"}, {"opens_on": "2022-07-01"}), rules)
    assert found(on_time, "bj.") == []
    county = checked(record({"opens_on": "2022-05-10", "presidium": ids(20)}, deputies=150, level="county"), rules)
    assert found(county, "bj.") == []


def test_bj_5_1_a_year_without_any_session_in_npcproc_check(rules):
    """每半年至少举行一次: a record drawn up after 2023 with no session in 2023 breaks all three parts for 2023."""
    tree = record({"opens_on": "2022-03-01"}, {"opens_on": "2022-07-01"}, as_of="2023-12-31")
    in_2023 = [(f.where, f.code) for f in checked(tree, rules).violations if f.code.startswith("bj.")]
    assert in_2023 == [("congresses[0].year[2023]", code) for code in ("bj.first_half", "bj.second_half",
                                                                        "bj.first_by_march")]  # fmt: skip
    tree["as_of"] = "2023-12-30"  # 2023 not yet over: what it lacks may still come
    assert found(checked(tree, rules), "bj.") == []


# -- BJ 12 ¶1: 代表总数在四十人以下的，五分之一以上代表联名也可以提出质询案 ------------------------


def test_bj_12_1_eight_of_40_deputies_may_file_seven_may_not(rules):
    store = congress(rules, deputies=40)
    hold(rules, store, "s1", D(2022, 1, 10), close=False)
    decision = file(rules, store, "q", 8)
    assert decision.relaxed
    assert "provincial relaxation: BJ 12 ¶1" in decision.explain("en")
    with pytest.raises(ProcedureError) as refused:
        file(rules, store, "q2", 7)
    assert refused.value.decision.failing[0].citation == bj(12, 1)


@pytest.mark.parametrize(("sponsors", "ok"), [(10, True), (9, False)])
def test_bj_12_1_a_department_may_be_questioned_under_ol_24_1_without_a_notice(rules, sponsors, ok):
    # BJ 12 ¶1 names the township government alone; it cannot narrow OL 24 ¶1 (see the README): a department is
    # questioned with ten sponsors (a congress of 41, beyond BJ 12 ¶1's small-congress fraction), cited OL 24 ¶1.
    store = congress(rules, deputies=41)
    hold(rules, store, "s1", D(2022, 1, 10), close=False)
    call = lambda: file(rules, store, "q", sponsors, target=InquiryTarget.GOVERNMENT_DEPARTMENT)  # noqa: E731
    if ok:
        decision = call()
        assert (True, "inquiry.department_target", "OL 24 ¶1") in [(r.ok, r.code, str(r.citation))
                                                                   for r in decision.reasons]  # fmt: skip
        assert decision.notices == ()
    else:
        with pytest.raises(ProcedureError):
            call()


def test_bj_12_1_does_not_reach_a_congress_of_41(rules):
    """One fifth of 41 is nine deputies, but 41 is above 四十人以下: the ten deputies of OL 24 ¶1 apply."""
    store = congress(rules, deputies=41)
    hold(rules, store, "s1", D(2022, 1, 10), close=False)
    with pytest.raises(ProcedureError) as refused:
        file(rules, store, "q", 9)
    assert refused.value.decision.failing[0].citation == Citation(law="OL", article=24, paragraph=1)
    assert not file(rules, store, "q2", 10).relaxed


def test_bj_12_1_never_applies_to_a_county_congress(rules):
    store = congress(rules, deputies=35, level=Level.COUNTY)
    hold(rules, store, "s1", D(2022, 1, 10), close=False, presidium=20)
    with pytest.raises(ProcedureError) as refused:
        file(rules, store, "q", 7, target=COUNTY_GOV)
    assert refused.value.decision.failing[0].citation == Citation(law="OL", article=24, paragraph=1)
    assert file(rules, store, "q2", 10, target=COUNTY_GOV).ok


def test_bj_12_1_is_a_listed_relaxation_for_townships_only(rules):
    township = rules.for_congress(CongressFacts(level=Level.TOWNSHIP, deputies=35))
    county = rules.for_congress(CongressFacts(level=Level.COUNTY, deputies=35))
    assert {(e.parameter.name, str(e.citation)) for e in township.relaxations()} == {
        ("inquiry.small_congress_fraction", "BJ 12 ¶1"), ("inquiry.small_congress_size", "BJ 12 ¶1"),
    }  # fmt: skip
    assert county.relaxations() == ()


def test_bj_12_1_is_listed_by_npcproc_rules(npcproc_plugin_manager):
    from npcproc.cli.rules_table import rule_rows
    from npcproc.plugins import load_rules

    listed = load_rules("BJ", pm=npcproc_plugin_manager(npcproc_beijing))
    relaxed = {(r["parameter"], r["citation"]) for r in rule_rows(listed) if r["relaxation"]}
    assert relaxed == {("inquiry.small_congress_fraction", "BJ 12 ¶1"), ("inquiry.small_congress_size", "BJ 12 ¶1")}
    assert not [r for r in rule_rows(listed, Level.COUNTY) if r["relaxation"]]


def test_bj_12_1_in_npcproc_check(rules):
    def inquiry(sponsors):
        return {"id": "q", "sponsors": ids(sponsors), "target": "township_government", "questions": "学校何时修缮",
                "form": "written"}  # fmt: skip

    eight = checked(record({"opens_on": "2022-03-01", "inquiries": [inquiry(8)]}, deputies=40), rules)
    assert found(eight, "inquiry.") == [("relaxation", "inquiry.sponsors", "BJ 12 ¶1")]
    seven = checked(record({"opens_on": "2022-03-01", "inquiries": [inquiry(7)]}, deputies=40), rules)
    assert found(seven, "inquiry.") == [("violation", "inquiry.sponsors", "BJ 12 ¶1")]
    nine_of_41 = checked(record({"opens_on": "2022-03-01", "inquiries": [inquiry(9)]}, deputies=41), rules)
    assert found(nine_of_41, "inquiry.") == [("violation", "inquiry.sponsors", "OL 24 ¶1")]


# -- BJ 12 ¶4: 质询案情况复杂的，经主席团决定，由受质询机关在大会后三个月内向有关代表作出答复 --------


def complex_inquiries(rules, closed, level=Level.TOWNSHIP):
    store = congress(rules, deputies=35, level=level, elected=closed - 30 * DAY)
    sessions = hold(rules, store, "s1", closed, close=False, presidium=5 if level is Level.TOWNSHIP else 20)
    inquiries = Inquiries(store, rules)
    target = TOWNSHIP_GOV if level is Level.TOWNSHIP else COUNTY_GOV
    for name in ("a", "b"):
        file(rules, store, name, 10, target=target)
    return store, sessions, inquiries


def test_bj_12_4_answer_on_the_last_day_is_in_time_the_day_after_late(rules):
    _store, sessions, inquiries = complex_inquiries(rules, D(2023, 1, 10))
    for name in ("a", "b"):
        inquiries.decide_answer_form(name, form=AnswerForm.WRITTEN, complex=True)
    sessions.close("s1", on=D(2023, 1, 10))
    assert inquiries.answer_deadline("a") == D(2023, 4, 10)  # three months, a Monday
    assert inquiries.answer("a", answered_by="乡长", on=D(2023, 4, 10)).ok
    late = inquiries.answer("b", answered_by="乡长", on=D(2023, 4, 11))
    assert not late.ok
    assert late.failing[0].citation == bj(12, 4)


def test_bj_12_4_a_last_day_in_the_qingming_holiday_moves_to_the_next_working_day(rules):
    # Three months after 5 January 2022 is 5 April, the last day of the Qingming holiday (3-5 April):
    # CC 203 moves the last day to the next working day, 6 April.
    _store, sessions, inquiries = complex_inquiries(rules, D(2022, 1, 5))
    for name in ("a", "b"):
        inquiries.decide_answer_form(name, form=AnswerForm.WRITTEN, complex=True)
    sessions.close("s1", on=D(2022, 1, 5))
    assert inquiries.answer_deadline("a") == D(2022, 4, 6)
    assert inquiries.answer("a", answered_by="乡长", on=D(2022, 4, 6)).ok
    assert not inquiries.answer("b", answered_by="乡长", on=D(2022, 4, 7)).ok


def test_bj_12_4_gives_a_county_congress_no_complex_path(rules):
    _store, _sessions, inquiries = complex_inquiries(rules, D(2023, 1, 10), level=Level.COUNTY)
    with pytest.raises(ProcedureError):
        inquiries.decide_answer_form("a", form=AnswerForm.WRITTEN, complex=True)
    inquiries.decide_answer_form("b", form=AnswerForm.WRITTEN)


# -- BJ 14: 应当在三个月内，情况复杂的不超过六个月，予以答复 -----------------------------------------------


def test_bj_14_the_reply_periods_of_a_township_cite_bj_14_and_a_county_keeps_dl_51(rules):
    township = rules.for_congress(CongressFacts(level=Level.TOWNSHIP, deputies=35))
    county = rules.for_congress(CongressFacts(level=Level.COUNTY, deputies=150))
    assert (township.value("suggestion.reply_months"), township.value("suggestion.reply_months_complex")) == (3, 6)
    assert township.effective("suggestion.reply_months").citation == bj(14)
    assert county.effective("suggestion.reply_months").citation == Citation(law="DL", article=51, paragraph=2)
    assert county.effective("suggestion.reply_months_complex").citation == Citation(law="DL", article=51,
                                                                                    paragraph=2)  # fmt: skip


def test_bj_14_three_months_through_the_procedure(rules):
    store = congress(rules, deputies=35)
    suggestions = Suggestions(store, rules)
    suggestions.submit("c", "s", deputies=["d001"], subject="村道", content="修缮", on=D(2023, 1, 10))
    # 10 April 2023 is a Monday: three months, not moved; the complex six would be 10 July.
    assert suggestions.refer("c", "s", unit="乡政府", on=D(2023, 1, 10)) == D(2023, 4, 10)
    assert rules.for_congress(CongressFacts(level=Level.TOWNSHIP)).suggestion_reply_deadline(
        D(2023, 1, 10), complex=True) == D(2023, 7, 10)  # fmt: skip


# -- BJ 16 ¶2: 列席人数不得超过代表总数的二分之一 ------------------------------------------------------------


def guests(count):
    return [f"列席{n}" for n in range(1, count + 1)]


@pytest.mark.parametrize(("deputies", "attending"), [(40, 20), (35, 17)])
def test_bj_16_2_attendees_at_half_of_deputies_allowed(rules, deputies, attending):
    """不得超过 allows exactly half (20 of 40); of 35 deputies half is 17.5, so 17."""
    store = congress(rules, deputies=deputies)
    sessions = hold(rules, store, "s1", D(2022, 1, 10), attending=guests(attending))
    assert sessions.state("s1").attending == tuple(sorted(guests(attending)))
    cap = rules.for_congress(CongressFacts(level=Level.TOWNSHIP, deputies=deputies)).rule(
        "session.max_attendees_fraction")  # fmt: skip
    assert (cap.value, cap.citation, cap.binding) == (Fraction(1, 2), bj(16, 2), Binding.SHALL)


@pytest.mark.parametrize(("deputies", "attending"), [(40, 21), (35, 18)])
def test_bj_16_2_one_attendee_more_than_half_refused(rules, deputies, attending):
    store = congress(rules, deputies=deputies)
    with pytest.raises(ProcedureError) as caught:
        hold(rules, store, "s1", D(2022, 1, 10), attending=guests(attending))
    failing = caught.value.decision.failing
    assert [(r.code, r.citation) for r in failing] == [("session.attendees", bj(16, 2))]
    assert failing[0].values["allowed"] == deputies // 2
    assert Sessions(store, rules).state("s1").status is SessionStatus.PREPARED  # the refusal recorded nothing


@pytest.mark.parametrize(("admitted", "ok"), [(2, True), (1, False)])
def test_bj_16_1_others_attend_by_the_presidiums_decision(rules, admitted, ok):
    """BJ 16 ¶1 "其他有关机关、团体负责人，经主席团决定，可以列席会议": two attend; admitted both / one."""
    store = congress(rules, deputies=40)
    sessions = Sessions(store, rules)
    everyone = list(Congresses(store, rules).state("c").in_office(D(2022, 1, 10)))
    sessions.plan("s1", congress_id="c", opens_on=D(2022, 1, 10))
    sessions.give_notice("s1", on=D(2021, 12, 31), materials_on=D(2022, 1, 9))
    prepare(sessions, "s1", on=D(2022, 1, 10), presidium=everyone[:5], agenda=AGENDA)
    sessions.admit_attendees("s1", guests(admitted))
    if ok:
        assert sessions.open("s1", on=D(2022, 1, 10), present=everyone, attending=guests(2)).ok
    else:
        with pytest.raises(ProcedureError) as caught:
            sessions.open("s1", on=D(2022, 1, 10), present=everyone, attending=guests(2))
        assert [(r.code, str(r.citation)) for r in caught.value.decision.failing] == [
            ("session.attendee_admitted", "BJ 16 ¶1")
        ]


def test_bj_16_2_counts_the_deputies_in_office_on_the_opening_day(rules):
    """代表总数: the deputies in office that day; two of 40 died, so 19 of 38 may attend, not 20."""
    store = congress(rules, deputies=40)
    for deputy in ids(40)[-2:]:
        Congresses(store, rules).change_status("c", deputy, StatusChange(status=DeputyStatus.DECEASED,
                                                                         on=D(2022, 1, 3)))  # fmt: skip
    with pytest.raises(ProcedureError):
        hold(rules, store, "s1", D(2022, 1, 10), attending=guests(20))
    store = congress(rules, deputies=40)
    for deputy in ids(40)[-2:]:
        Congresses(store, rules).change_status("c", deputy, StatusChange(status=DeputyStatus.DECEASED,
                                                                         on=D(2022, 1, 3)))  # fmt: skip
    hold(rules, store, "s1", D(2022, 1, 10), attending=guests(19))


def test_bj_16_2_leaves_a_county_congress_untouched(rules):
    store = congress(rules, deputies=150, level=Level.COUNTY)
    sessions = hold(rules, store, "s1", D(2022, 1, 10), presidium=20, attending=guests(76))
    assert len(sessions.state("s1").attending) == 76
    assert rules.for_congress(CongressFacts(level=Level.COUNTY, deputies=150)).optional(
        "session.max_attendees_fraction") is None  # fmt: skip


@pytest.mark.parametrize(("attending", "violation"), [(20, False), (21, True)])
def test_bj_16_2_in_npcproc_check(rules, attending, violation):
    first = {"opens_on": "2022-03-01", "attending": guests(attending), "admitted": guests(attending)}
    result = checked(record(first, {"opens_on": "2022-07-01"}, deputies=40), rules)
    expected = [("congresses[0].sessions[0].attending", "session.attendees", "BJ 16 ¶2")] if violation else []
    assert [(f.where, f.code, str(f.citation)) for f in result.violations] == expected
    county = checked(record({"opens_on": "2022-03-01", "presidium": ids(20), "attending": guests(76)},
                            deputies=150, level="county"), rules)  # fmt: skip
    assert [f for f in county.findings if f.code == "session.attendees"] == []


@pytest.mark.parametrize(("admitted", "violation"), [(2, False), (1, True)])
def test_bj_16_1_in_npcproc_check(rules, admitted, violation):
    first = {"opens_on": "2022-03-01", "attending": guests(2), "admitted": guests(admitted)}
    result = checked(record(first, {"opens_on": "2022-07-01"}, deputies=40), rules)
    expected = [("congresses[0].sessions[0].attending", "session.attendee_admitted", "BJ 16 ¶1")] if violation else []
    assert [(f.where, f.code, str(f.citation)) for f in result.violations] == expected


# -- BJ 14: 对迫切需要办理又有条件办理的 … 应当在会议期间办理或者提出办理方案答复代表 -----------------------------


MET = D(2023, 1, 10)


def urgent(rules, *, level=Level.TOWNSHIP):
    """An urgent suggestion "u" made at the one-day session "s1" on 10 January 2023 and referred that day."""
    store = congress(rules, deputies=35, level=level, elected=MET - 30 * DAY)
    sessions = hold(rules, store, "s1", MET, close=False)
    suggestions = Suggestions(store, rules)
    suggestions.submit("c", "u", deputies=["d001"], subject="防汛", content="关于防汛的建议", on=MET, session_id="s1")
    due = suggestions.refer("c", "u", unit="乡政府", on=MET, urgent=True)
    sessions.close("s1", on=MET)
    return suggestions, due


def test_bj_14_a_handling_plan_on_the_closing_day_is_in_time(rules):
    suggestions, due = urgent(rules)
    assert due == MET
    decision = suggestions.reply("c", "u", on=MET, category=ReplyCategory.PLAN)
    assert [(r.code, str(r.citation), r.ok) for r in decision.reasons] == [("suggestion.urgent_in_time", "BJ 14", True)]


def test_bj_14_a_reply_the_day_after_the_close_is_late(rules):
    suggestions, _due = urgent(rules)
    assert suggestions.rows("c", on=MET + DAY)[0].overdue
    assert not suggestions.rows("c", on=MET)[0].overdue
    late = suggestions.reply("c", "u", on=MET + DAY, category=ReplyCategory.RESOLVED)
    assert [(r.code, str(r.citation)) for r in late.failing] == [("suggestion.urgent_in_time", "BJ 14")]


def test_bj_14_leaves_an_urgent_county_suggestion_with_dl_51_2(rules):
    suggestions, due = urgent(rules, level=Level.COUNTY)
    assert due == D(2023, 4, 10)
    assert not suggestions.reply("c", "u", on=MET + DAY, category=ReplyCategory.RESOLVED).reasons


def test_bj_14_national_law_alone_gives_an_urgent_suggestion_the_dl_51_2_period(npcproc_rules):
    suggestions, due = urgent(npcproc_rules(None))
    assert due == D(2023, 4, 10)
    assert not suggestions.rows("c", on=MET + DAY)[0].overdue


def urgent_record(replied, *, level="township"):
    tree = record(
        {"opens_on": "2022-02-15", "notice_on": "2022-02-01", "materials_on": "2022-02-14"},
        {"opens_on": "2022-07-01", "notice_on": "2022-06-15", "materials_on": "2022-06-30"},
        level=level,
    )  # BJ 5 ¶1: one in each half
    tree["congresses"][0]["suggestions"] = [{
        "id": "u", "deputies": ["d001"], "subject": "防汛", "content": "关于防汛的建议", "submitted_on": "2022-02-15",
        "session": "s1", "unit": "乡政府", "referred_on": "2022-02-15", "urgent": True,
        "replies": [{"on": replied, "category": "plan"}],
    }]  # fmt: skip
    return tree


def test_bj_14_in_npcproc_check(rules, npcproc_rules):
    assert found(checked(urgent_record("2022-02-15"), rules), "record.reply") == []
    late = checked(urgent_record("2022-02-16"), rules)
    assert found(late, "record.reply") == [("violation", "record.reply_late", "BJ 14")]
    assert found(checked(urgent_record("2022-02-16", level="county"), rules), "record.reply") == []
    assert found(checked(urgent_record("2022-02-16"), npcproc_rules(None)), "record.reply") == []


def test_bj_14_an_urgent_suggestion_is_imported_with_its_deadline(rules):
    data = json.dumps(urgent_record("2022-02-15"), ensure_ascii=False).encode()
    store = MemoryStore()
    import_record(parse_record(data, name="bj.json", toml=False), store, rules)
    state = Suggestions(store, rules).state("c", "u")
    assert (state.urgent, state.due, state.replies[0].category) == (True, D(2022, 2, 15), ReplyCategory.PLAN)


# -- BJ 17 ¶2: 主席团一般由五人至九人组成 ----------------------------------------------------------------


def presidium_reasons(rules, size, level=Level.TOWNSHIP):
    facts = CongressFacts(level=level, deputies=160)
    members = ids(size)
    return presidium_checks(rules.for_congress(facts), members, D(2022, 1, 10), members, (), ())


@pytest.mark.parametrize(("size", "notice"), [(4, "presidium.min_size"), (5, None), (9, None),
                                              (10, "presidium.max_size")])  # fmt: skip
def test_bj_17_2_outside_five_to_nine_is_a_notice_never_a_refusal(rules, size, notice):
    reasons = presidium_reasons(rules, size)
    notices = [(r.code, r.citation) for r in reasons if r.severity is Severity.NOTICE]
    assert notices == ([(notice, bj(17, 2))] if notice else [])
    assert not [r for r in reasons if r.breaks]
    store = congress(rules, deputies=35)
    hold(rules, store, "s1", D(2022, 1, 10), presidium=size)  # the procedure accepts it


def test_bj_17_2_a_county_presidium_of_20_with_one_days_notice_is_fine(rules):
    assert presidium_reasons(rules, 20, level=Level.COUNTY) == []
    store = congress(rules, deputies=150, level=Level.COUNTY)
    hold(rules, store, "s1", D(2022, 1, 10), presidium=20, notice_days=1)


def test_bj_17_2_in_npcproc_check(rules):
    ten = checked(record({"opens_on": "2022-03-01", "presidium": ids(10)}), rules)
    assert found(ten, "presidium.") == [("notice", "presidium.max_size", "BJ 17 ¶2")]
    assert not [f for f in ten.violations if f.code.startswith("presidium.")]
    nine = checked(record({"opens_on": "2022-03-01", "presidium": ids(9)}), rules)
    assert found(nine, "presidium.") == []
    county = checked(record({"opens_on": "2022-03-01", "presidium": ids(20)}, deputies=150, level="county"), rules)
    assert found(county, "presidium.") == []


# -- BJ 24 ¶1: 主席，乡长，镇长的候选人数一般应多一人，进行差额选举；如果提名的候选人只有一人，也可以等额选举 --


def list_principal(rules, *, nominees, extra, level=Level.TOWNSHIP, office=Office.TOWNSHIP_HEAD):
    """A principal election for one seat, ``extra`` in its election rules, ``nominees`` nominated (one by the
    presidium, the other by ten deputies)."""
    store = congress(rules, deputies=35 if level is Level.TOWNSHIP else 150, level=level)
    hold(rules, store, "s1", D(2022, 1, 10), close=False)
    elections = Elections(store, rules)
    elections.open("e", session_id="s1", office=office, seats=1, extra_candidates=extra)
    elections.nominate("e", [Candidate(id="d001", name="d001")], by=Nominator.PRESIDIUM)
    if nominees == 2:
        elections.nominate("e", [Candidate(id="d002", name="d002")], by=Nominator.DEPUTIES, nominators=ids(20)[10:])
    listing = elections.list_candidates("e")
    assert elections.state("e").listed == listing.candidates
    return listing


@pytest.mark.parametrize("office", [Office.TOWNSHIP_CHAIR, Office.TOWNSHIP_HEAD], ids=lambda o: o.value)
@pytest.mark.parametrize("extra", [0, 1])
def test_bj_24_1_two_nominees_both_stand(rules, office, extra):
    """BJ 24 ¶1 "候选人数一般应多一人…如果提名的候选人只有一人，也可以等额选举" repeats OL 27 ¶1: two nominees for
    one seat both stand, whatever margin the election rules fixed."""
    listing = list_principal(rules, nominees=2, extra=extra, office=office)
    assert listing.candidates == ("d001", "d002")


@pytest.mark.parametrize("extra", [0, 1])
def test_bj_24_1_a_single_nominee_may_stand_alone(rules, extra):
    listing = list_principal(rules, nominees=1, extra=extra)
    assert listing.candidates == ("d001",)
    assert listing.decision.reasons == ()


def election(office="township_head", *, nominees=2, extra=0, deputies=35, on="2022-03-01"):
    """A record's principal election: ``nominees`` nominated, ``extra`` in the election rules, d001 elected."""
    nominations = [{"by": "presidium", "candidates": ["d001"]}]
    if nominees == 2:
        nominations.append({"by": "deputies", "candidates": ["d002"], "nominators": ids(20)[10:]})
    listed = ["d001", "d002"][: min(nominees, 1 + extra)]
    return {
        "id": "e", "office": office, "seats": 1, "extra_candidates": extra, "nominations": nominations,
        "preliminary_votes": {"d001": 20, "d002": 10} if nominees > 1 + extra else {},
        "rounds": [{"on": on, "candidates": listed, "ballots_issued": deputies,
                    "ballots_returned": deputies, "votes": {"d001": deputies - 2}, "elected": ["d001"]}],
    }  # fmt: skip


@pytest.mark.parametrize(("nominees", "extra", "broken"), [(2, 0, True), (2, 1, False), (1, 0, False)])
def test_bj_24_1_in_npcproc_check(rules, nominees, extra, broken):
    second = {"opens_on": "2022-07-01"}  # BJ 5 ¶1: a session in each half-year, so no other finding remains
    result = checked(record({"opens_on": "2022-03-01", "elections": [election(nominees=nominees, extra=extra)]},
                            second), rules)  # fmt: skip
    expected = [("violation", "election.principal_uncontested", "OL 27 ¶1")] if broken else []
    assert found(result, "election.") == expected


def test_bj_24_1_through_the_npcproc_check_command(tmp_path, capsys, monkeypatch):
    """The command line with the installed plugin: an uncontested township head election with two nominees breaks
    OL 27 ¶1 (exit 1), at a county congress too."""
    from npcproc.cli import main

    monkeypatch.delenv("NPCPROC_DISABLE_PLUGIN_AUTOLOAD", raising=False)

    def run(tree):
        path = tmp_path / "record.json"
        path.write_text(json.dumps(tree, ensure_ascii=False), encoding="utf-8")
        code = main(["check", str(path), "--province", "BJ", "--format", "json", "--lang", "en"])
        out = json.loads(capsys.readouterr().out)
        return code, [(f["severity"], f["code"], f["citation"]["label"]) for f in out["findings"]
                      if f["code"].startswith("election.")]  # fmt: skip

    second = {"opens_on": "2022-07-01"}  # BJ 5 ¶1: a session in each half-year
    township = record({"opens_on": "2022-03-01", "elections": [election()]}, second)
    assert run(township) == (1, [("violation", "election.principal_uncontested", "OL 27 ¶1")])
    # a county general election votes after two whole days of nominating (OL 27 ¶2): opened 1 March, voted 4 March
    county = record({"opens_on": "2022-03-01", "elections": [election("county_head", deputies=150, on="2022-03-04")]},
                    second, deputies=150, level="county")  # fmt: skip
    assert run(county) == (1, [("violation", "election.principal_uncontested", "OL 27 ¶1")])


def test_bj_the_small_congress_fraction_is_one_fifth():
    fraction = next(s for s in npcproc_beijing.SETTINGS if s.parameter == "inquiry.small_congress_fraction")
    assert fraction.value == Fraction(1, 5)
    assert fraction.relaxation


def test_bj_the_readme_table_covers_every_article():
    """The README's table names each of the regulation's 41 articles (alone, in a list or in a range)."""
    import re
    from pathlib import Path

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    covered: set[int] = set()
    for row in readme.splitlines():
        if not row.startswith("| BJ "):
            continue
        label = row.split("|")[1]
        for first, last in re.findall(r"(\d+)(?:–(\d+))?", re.sub(r"¶\d+", "", label)):
            covered.update(range(int(first), int(last or first) + 1))
    assert covered == set(range(1, 42))


def test_bj_5_1_and_17_2_through_the_npcproc_check_command(tmp_path, capsys, monkeypatch):
    """The command line with the installed plugin: a late first session is a violation (exit 1), a
    presidium of ten a notice (exit 0); a county congress is untouched by either."""
    from npcproc.cli import main

    monkeypatch.delenv("NPCPROC_DISABLE_PLUGIN_AUTOLOAD", raising=False)

    def run(tree):
        path = tmp_path / "record.json"
        path.write_text(json.dumps(tree, ensure_ascii=False), encoding="utf-8")
        code = main(["check", str(path), "--province", "BJ", "--format", "json", "--lang", "en"])
        out = json.loads(capsys.readouterr().out)
        return code, sorted((f["severity"], f["code"], f["citation"]["label"]) for f in out["findings"]
                            if f["code"].startswith(("bj.", "presidium.")))  # fmt: skip

    assert run(record({"opens_on": "2022-04-01"}, {"opens_on": "2022-07-01"})) == (
        1,
        [("violation", "bj.first_by_march", "BJ 5 ¶1")],
    )
    assert run(record({"opens_on": "2022-03-31", "presidium": ids(10)}, {"opens_on": "2022-07-01"})) == (
        0,
        [("notice", "presidium.max_size", "BJ 17 ¶2")],
    )
    county = record({"opens_on": "2022-05-10", "presidium": ids(20), "notice_on": "2022-05-09"}, deputies=150,
                    level="county")  # fmt: skip
    assert run(county) == (0, [])


def test_bj_12_1_is_cited_from_the_law_text_this_plugin_ships():
    """The core ships national law only; this plugin registers its own regulations, so a manager
    holding the core and this plugin alone quotes the clause, and explanations name the regulation."""
    from npcproc.plugins import create_plugin_manager as manager
    from npcproc.rules import Citation as Cite
    from npcproc.rules.laws import clause_text, read_law_texts

    assert not {law.key for law in read_law_texts("npcproc", "data/laws.json")} & {"BJ"}
    alone = manager(autoload=False, plugins=(npcproc_beijing,))
    assert clause_text("BJ", 12, 1, pm=alone).startswith("乡、民族乡、镇人民代表大会举行会议的时候，代表十")
    assert (
        Cite(law="BJ", article=12, paragraph=1).label("zh") == "《北京市乡、民族乡、镇人民代表大会组织条例》第12条第1款"
    )


# -- BJ 41: 本条例自1990年1月1日起施行 -------------------------------------------------------------------


def test_bj_41_every_setting_is_in_force_from_1_january_1990():
    assert {s.in_force_from for s in npcproc_beijing.SETTINGS} == {D(1990, 1, 1)}


@pytest.mark.parametrize(("opens", "notices"), [(D(1989, 12, 31), []), (D(1990, 1, 1), [("presidium.max_size",
                                                                                            bj(17, 2))])])  # fmt: skip
def test_bj_41_in_force_from_1990(rules, opens, notices):
    """BJ 17 ¶2 "主席团一般由五人至九人组成": a presidium of ten is a notice from the day BJ took effect; the day
    before, national law alone (which sets no size) judges it."""
    store = congress(rules, deputies=35, elected=D(1989, 12, 1))
    sessions = Sessions(store, rules)
    sessions.plan("s", congress_id="c", opens_on=opens)
    sessions.give_notice("s", on=opens - 10 * DAY, materials_on=opens - DAY)
    held = prepare(sessions, "s", on=opens, presidium=ids(10), agenda=AGENDA)
    assert held.ok
    assert [(r.code, r.citation) for r in held.notices] == notices


@pytest.mark.parametrize(("year", "judged"), [(1989, False), (1990, True)])
def test_bj_41_the_bj_5_1_check_judges_no_year_before_1990(rules, year, judged):
    """BJ 5 ¶1 is dated by BJ 41: a single session in July breaks the half-years and the March deadline in 1990,
    and in 1989, before the regulation took effect, is not judged by it."""
    store = congress(rules, elected=D(year, 6, 1))
    sessions = hold(rules, store, "s1", D(year, 7, 3))
    failing = [r.code for r in sessions.year_check("c", year).failing if r.code.startswith("bj.")]
    assert failing == (["bj.first_half", "bj.first_by_march"] if judged else [])


@pytest.mark.parametrize(("year", "judged"), [(1989, False), (1990, True)])
def test_bj_41_the_bj_5_1_check_in_npcproc_check(rules, year, judged):
    tree = record({"opens_on": f"{year}-07-03"}, as_of=f"{year}-12-31")
    tree["congresses"][0]["elections_completed_on"] = f"{year}-06-01"
    for deputy in tree["congresses"][0]["deputies"]:
        deputy["elected_on"] = f"{year}-06-02"
    expected = [("violation", "bj.first_by_march", "BJ 5 ¶1"), ("violation", "bj.first_half", "BJ 5 ¶1")]
    assert found(checked(tree, rules), "bj.") == (expected if judged else [])


# -- BJ 8 ¶2: the preparatory meeting of a term's first session is presided by the last presidium ------------------

SECOND_TERM = D(2026, 12, 20)


def second_term(rules, *, level=Level.TOWNSHIP):
    """A congress whose first term held session "s1", its second term elected and first session "t2" planned."""
    store = congress(rules, level=level)
    hold(rules, store, "s1", D(2022, 1, 10))
    congresses = Congresses(store, rules)
    congresses.begin_term("c", 2, elections_completed_on=SECOND_TERM)
    congresses.elect_deputies("c", {f"n{n:02}": f"n{n:02}" for n in range(35)}, term=2, on=SECOND_TERM + DAY)
    sessions = Sessions(store, rules)
    sessions.plan("t2", congress_id="c", opens_on=SECOND_TERM + 20 * DAY)
    sessions.give_notice("t2", on=SECOND_TERM + 10 * DAY, materials_on=SECOND_TERM + 19 * DAY)
    return sessions


def preparatory(sessions, sid, presided_by):
    state = sessions.state(sid)
    present = list(sessions.congresses.state("c").in_office(state.opens_on, state.term))
    return sessions.hold_preparatory_meeting(
        sid, on=state.opens_on, present=present, presidium=present[:5], presidium_vote=VoteCount(yes=len(present)),
        agenda=AGENDA, agenda_vote=VoteCount(yes=len(present)), presided_by=presided_by,
    )  # fmt: skip


def test_bj_8_2_the_last_sessions_presidium_presides_the_first_sessions_preparatory_meeting(rules):
    sessions = second_term(rules)
    decision = preparatory(sessions, "t2", "s1")
    assert [(r.code, r.ok, r.citation) for r in decision.reasons if r.code == "session.preparatory_presided_by"] == [
        ("session.preparatory_presided_by", True, bj(8, 2))
    ]
    assert sessions.state("t2").presided_by == "s1"


@pytest.mark.parametrize("presided_by", ["t2", "s0"])
def test_bj_8_2_another_presidium_is_refused_and_records_nothing(rules, presided_by):
    sessions = second_term(rules)
    with pytest.raises(ProcedureError) as caught:
        preparatory(sessions, "t2", presided_by)
    assert [(r.code, r.citation) for r in caught.value.decision.failing] == [
        ("session.preparatory_presided_by", bj(8, 2))
    ]
    assert sessions.state("t2").status is SessionStatus.NOTICED


def test_bj_8_2_with_no_earlier_session_on_record_any_other_session_is_taken_as_given(rules):
    sessions = Sessions(congress(rules), rules)
    sessions.plan("s1", congress_id="c", opens_on=D(2022, 1, 10))
    sessions.give_notice("s1", on=D(2021, 12, 30), materials_on=D(2022, 1, 9))
    assert preparatory(sessions, "s1", "last-of-term-0").ok


def test_bj_8_2_applies_only_to_a_terms_first_session(rules):
    sessions = second_term(rules)
    preparatory(sessions, "t2", "s1")
    sessions.open("t2", on=SECOND_TERM + 20 * DAY, present=list(sessions.congresses.state("c").in_office(
        SECOND_TERM + 20 * DAY, 2)))  # fmt: skip
    sessions.close("t2", on=SECOND_TERM + 20 * DAY)
    sessions.plan("t2b", congress_id="c", opens_on=SECOND_TERM + 200 * DAY)
    sessions.give_notice("t2b", on=SECOND_TERM + 180 * DAY, materials_on=SECOND_TERM + 199 * DAY)
    decision = preparatory(sessions, "t2b", "s1")
    assert not [r for r in decision.reasons if r.code == "session.preparatory_presided_by"]


def test_bj_8_2_a_county_congress_is_untouched(rules):
    sessions = second_term(rules, level=Level.COUNTY)
    assert not [r for r in preparatory(sessions, "t2", "t2").reasons if r.code == "session.preparatory_presided_by"]


@pytest.mark.parametrize(("presided_by", "level", "expected"), [
    ("t0-last", "township", []),
    ("s1", "township", [("violation", "session.preparatory_presided_by", "BJ 8 ¶2")]),
    ("s1", "county", []),
])  # fmt: skip
def test_bj_8_2_through_npcproc_check(rules, presided_by, level, expected):
    deputies = 35 if level == "township" else 150
    first = {"opens_on": "2022-01-10", "first_of_term": True, "notice_on": "2021-12-31", "materials_on": "2022-01-09",
             "preparatory": {"presidium_vote": {"yes": deputies}, "agenda_vote": {"yes": deputies},
                             "presided_by": presided_by}}  # fmt: skip
    result = checked(record(first, deputies=deputies, level=level), rules)
    assert found(result, "session.preparatory") == expected


# -- BJ 22 ¶2: 民族乡的乡长由建立民族乡的少数民族公民担任 (as OL 70 ¶3) ------------------------------------------------


def head_nomination(rules, level, ethnicity):
    """An ethnic (回族) congress of 40 deputies in session nominates a head of ``ethnicity``: failing citations."""
    from npcproc.model.election import Candidate, Nominator, Office

    store, people = MemoryStore(), [f"e{n:02}" for n in range(1, 41)]
    congresses = Congresses(store, rules)
    township = level is Level.TOWNSHIP
    congresses.establish(Congress(id="m", name="某民族乡人民代表大会", level=level,
                                  division_code="110111001" if township else "110111", population=20_000 if township
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


@pytest.mark.parametrize(("ethnicity", "failing"), [("回族", []), ("汉族", ["BJ 22 ¶2"])])
def test_bj_22_2_an_ethnic_townships_head_is_of_its_minority(rules, ethnicity, failing):
    assert head_nomination(rules, Level.TOWNSHIP, ethnicity) == failing


def test_bj_22_2_leaves_a_county_to_national_law(rules):
    from npcproc.rules.parameters import CongressFacts as Facts

    county = rules.for_congress(Facts(level=Level.COUNTY)).effective("township_head.ethnic_minority")
    assert str(county.citation) == "OL 70 ¶3"
    assert head_nomination(rules, Level.COUNTY, "汉族") == []  # a county head: no such rule
