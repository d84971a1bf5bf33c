"""Every statutory period goes through RuleSet.period: CC 201-203 with the holiday calendar.

The boundary tests take a last day inside the 2025 National Day holiday (off 1-8 October, first
working day 9 October), inside the 2026 Spring Festival (off 15-23 February, first working day
24 February) and on an adjusted working Saturday 调休上班 (11 October 2025, 14 February 2026),
which does not move. Each is checked through the procedures and through ``npcproc check``
(the record audit): on the last day in time, the day after late.
"""

from __future__ import annotations

import ast
import copy
import datetime
import json
from pathlib import Path

import chinese_calendar
import pytest

import npcproc
from npcproc.calendar import TableCalendar, YearNotCoveredError, deadline
from npcproc.model import Congress, Level
from npcproc.model.election import AnswerForm, InquiryTarget
from npcproc.model.session import AgendaItem, AgendaItemKind
from npcproc.model.suggestion import Classification, ReplyCategory, Stage
from npcproc.plugins import create_plugin_manager, load_rules
from npcproc.procedures import Congresses, Inquiries, Sessions, Suggestions, Supervision
from npcproc.procedures.congress.commands import first_session_deadline
from npcproc.procedures.presidium.commands import PresidiumMeetings
from npcproc.procedures.supervision.commands import link
from npcproc.procedures.supervision.events import LinkKind, Step
from npcproc.provinces import Province
from npcproc.record.audit import audit
from npcproc.record.load import parse_record
from npcproc.rules import Citation, Setting
from npcproc.store import MemoryStore
from npcproc.testing import prepare, settings_plugin
from test_presidium_meetings import rules_for
from test_record_support import clean_tree

D = datetime.date
ONE = datetime.timedelta(days=1)
BJ = Province(code="110000", name_zh="北京市", name_en="Beijing", key="BJ")
CQ = Province(code="500000", name_zh="重庆市", name_en="Chongqing", key="CQ")
HN_4 = Citation(law="HN", article=4, paragraph=1, item=4)  # a hypothetical provincial rectification period

# (start, months, the CC 201-202 day, the last day after CC 203)
THREE_MONTHS = {
    "national_day_2025": (D(2025, 7, 3), 3, D(2025, 10, 3), D(2025, 10, 9)),
    "spring_festival_2026": (D(2025, 11, 17), 3, D(2026, 2, 17), D(2026, 2, 24)),
    "adjusted_saturday_2025_10_11": (D(2025, 7, 11), 3, D(2025, 10, 11), D(2025, 10, 11)),
}
TWO_MONTHS = {  # CQ 18 ¶4
    "national_day_2025": (D(2025, 8, 3), 2, D(2025, 10, 3), D(2025, 10, 9)),
    "spring_festival_2026": (D(2025, 12, 17), 2, D(2026, 2, 17), D(2026, 2, 24)),
    "adjusted_saturday_2026_02_14": (D(2025, 12, 14), 2, D(2026, 2, 14), D(2026, 2, 14)),
}


def _official(raw: datetime.date, due: datetime.date) -> None:
    """The case agrees with the State Council's notices as chinesecalendar has them."""
    assert chinese_calendar.is_workday(due)
    assert all(not chinese_calendar.is_workday(raw + n * ONE) for n in range((due - raw).days))
    if due == raw:
        assert due.weekday() == 5  # the adjusted working Saturday


def rules_with(*settings: Setting, province: Province | None = None):
    pm = create_plugin_manager(autoload=False, plugins=(settings_plugin(settings, province=province),))
    return load_rules(province, pm=pm)


# -- calendar.deadline: a year the calendar does not cover -------------------------------------


def test_a_year_without_holiday_data_gives_a_provisional_unmoved_day():
    calendar = TableCalendar(name="t", years={2026}, rest_days=set(), workdays=set())
    with pytest.raises(YearNotCoveredError):
        deadline(D(2026, 11, 1), months=3, calendar=calendar)
    due = deadline(D(2026, 11, 1), months=3, calendar=calendar, uncovered="provisional")
    assert (due.date, due.raw, due.provisional, due.moved) == (D(2027, 2, 1), D(2027, 2, 1), True, False)
    assert not deadline(D(2026, 1, 1), months=3, calendar=calendar, uncovered="provisional").provisional


def test_a_move_that_runs_into_an_uncovered_year_stops_there_provisionally():
    calendar = TableCalendar(name="t", years={2026}, rest_days={D(2026, 12, 31)}, workdays=set())
    due = deadline(D(2026, 10, 31), months=2, calendar=calendar, uncovered="provisional")
    assert (due.raw, due.date, due.provisional) == (D(2026, 12, 31), D(2027, 1, 1), True)
    with pytest.raises(YearNotCoveredError):
        deadline(D(2026, 10, 31), months=2, calendar=calendar)


def test_rules_period_is_provisional_beyond_the_calendar_and_procedures_go_on():
    rules = load_rules()
    assert rules.period(D(2025, 7, 3), months=3).date == D(2025, 10, 9)
    late = rules.period(D(2026, 11, 20), months=3)
    assert (late.date, late.provisional) == (D(2027, 2, 20), True)
    store = MemoryStore()
    suggestions = _suggestions(store, rules)
    suggestions.submit("qx", "s1", deputies=["d01"], subject="a", content="b", on=D(2026, 11, 20))
    assert suggestions.refer("qx", "s1", unit="u", on=D(2026, 11, 20)) == D(2027, 2, 20)


# -- no module adds days or months to a date outside calendar.py -------------------------------

SRC = Path(npcproc.__file__).parent
#: (file, function) where date arithmetic is not a legal period. Keep it short.
ALLOWED = {
    # a Hypothesis strategy drawing arbitrary record dates for property tests: test data, not a period
    ("testing/strategies.py", "build"),
}
_DELTAS = {"relativedelta", "timedelta"}


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def date_arithmetic(source: str) -> list[tuple[str, int]]:
    """(enclosing function, line) of every addition or subtraction of a relativedelta or timedelta
    call, or of an ordinal day number."""
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST, function: str) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            function = node.name
        operands: list[ast.AST] = []
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Sub):
            operands = [node.left, node.right]
        elif isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add | ast.Sub):
            operands = [node.value]
        if any(_name(o) in _DELTAS or _name(o) == "toordinal" for o in operands):
            found.append((function, node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(ast.parse(source), "<module>")
    return found


def test_the_scan_finds_date_arithmetic():
    source = (
        "import datetime\nfrom dateutil.relativedelta import relativedelta\n"
        "def due(d):\n    return d + relativedelta(months=3)\n"
        "def later(d):\n    d += datetime.timedelta(days=15)\n    return d\n"
        "def ordinal(d):\n    return datetime.date.fromordinal(d.toordinal() + 3)\n"
        "def fine(a, b):\n    return (a - b).days\n"
    )
    assert date_arithmetic(source) == [("due", 4), ("later", 6), ("ordinal", 9)]


def test_only_the_calendar_adds_days_or_months_to_a_date():
    offending = []
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        if relative == "calendar.py":
            continue
        for function, line in date_arithmetic(path.read_text(encoding="utf-8")):
            if (relative, function) not in ALLOWED:
                offending.append(f"{relative}:{line} in {function}")
    assert offending == [], "count periods with RuleSet.period (npcproc.calendar), not by hand"


def test_the_allowlist_has_no_stale_entry():
    for relative, function in ALLOWED:
        assert function in {f for f, _line in date_arithmetic((SRC / relative).read_text(encoding="utf-8"))}


# -- suggestions (DL 51 ¶2) -----------------------------------------------------------------------

DEPUTIES = {f"d{n:02}": f"代表{n}" for n in range(1, 61)}


def _suggestions(store, rules) -> Suggestions:
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="qx", name="青溪镇人大", level=Level.TOWNSHIP, division_code="330110001",
                                  population=30_000, deputy_quota=65))  # fmt: skip
    congresses.begin_term("qx", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("qx", DEPUTIES, term=1, on=D(2022, 1, 5))
    return Suggestions(store, rules)


@pytest.mark.parametrize(("start", "months", "raw", "due"), THREE_MONTHS.values(), ids=THREE_MONTHS.keys())
def test_dl_51_2_reply_deadline_per_cc_203(start, months, raw, due):
    _official(raw, due)
    suggestions = _suggestions(MemoryStore(), load_rules())
    suggestions.submit("qx", "s1", deputies=["d01"], subject="村道", content="修缮", on=start)
    assert suggestions.refer("qx", "s1", unit="镇建设办", on=start) == due
    assert not suggestions.state("qx", "s1").overdue(due)
    assert suggestions.state("qx", "s1").overdue(due + ONE)


def test_dl_51_2_reply_moves_past_national_day_2025_and_rehandling_too():
    suggestions = _suggestions(MemoryStore(), load_rules())
    suggestions.submit("qx", "s1", deputies=["d01"], subject="村道", content="修缮", on=D(2025, 6, 1))
    suggestions.refer("qx", "s1", unit="镇建设办", on=D(2025, 6, 2))
    suggestions.reply("qx", "s1", on=D(2025, 7, 1), category=ReplyCategory.IN_PLAN)
    from npcproc.model.suggestion import Rating

    back = suggestions.rate("qx", "s1", on=D(2025, 7, 3), rating=Rating.DISSATISFIED)
    assert back.due == D(2025, 10, 9)  # re-handled within three months of the rating, moved by CC 203


@pytest.mark.parametrize(("start", "months", "raw", "due"), THREE_MONTHS.values(), ids=THREE_MONTHS.keys())
def test_dl_51_2_reply_deadline_per_cc_203_in_npcproc_check(start, months, raw, due):
    def with_reply(on):
        def change(tree):
            s = tree["congresses"][0]["suggestions"][0]
            s.update(submitted_on=start.isoformat(), referred_on=start.isoformat(), closed_on=on.isoformat(),
                     replies=[{"on": on.isoformat(), "category": "resolved"}],
                     ratings=[{"on": on.isoformat(), "rating": "satisfied"}])  # fmt: skip

        return change

    assert _found(with_reply(due), load_rules(), "suggestions[0]") == []
    assert _found(with_reply(due + ONE), load_rules(), "suggestions[0]") == [
        ("congresses[0].suggestions[0].replies[0]", "record.reply_late", "DL 51 ¶2", due.isoformat())
    ]


def _found(change, rules, where):
    tree = copy.deepcopy(clean_tree())
    change(tree)
    record = parse_record(json.dumps(tree, ensure_ascii=False).encode(), name="t.json", toml=False)
    return [(f.where, f.code, str(f.citation), f.values.get("due") or f.values.get("deadline"))
            for f in audit(record, rules).violations if f.where.startswith(f"congresses[0].{where}")]  # fmt: skip


# -- three-colour stages: a practice period in days -------------------------------------------------


def test_a_stage_in_days_ends_on_a_working_day():
    class Practice:
        @npcproc.hookimpl
        def npcproc_workflow_classifications(self):
            stage = Stage(name="immediate_handling", en="handled at once", zh="立行立改", due_days=15)
            return [Classification(workflow="suggestion", scheme="colour", value="green", en="g", zh="绿",
                                   source="test", stages=(stage,))]  # fmt: skip

    rules = load_rules(pm=create_plugin_manager(autoload=False, plugins=(Practice(),)))
    suggestions = _suggestions(MemoryStore(), rules)
    suggestions.submit("qx", "s1", deputies=["d01"], subject="a", content="b", on=D(2025, 9, 15))
    suggestions.refer("qx", "s1", unit="u", on=D(2025, 9, 15))
    suggestions.classify("qx", "s1", scheme="colour", value="green", on=D(2025, 9, 16))  # +15 days: 1 October
    [row] = suggestions.rows("qx", on=D(2025, 9, 17))
    assert row.stages_due == (("immediate_handling", D(2025, 10, 9)),)


# -- inquiries (BJ 12 ¶4, CQ 18 ¶4) -------------------------------------------------------------------

INQUIRY = {3: (BJ, Citation(law="BJ", article=12, paragraph=4)), 2: (CQ, Citation(law="CQ", article=18, paragraph=4))}
CASES = {**{f"bj_{k}": v for k, v in THREE_MONTHS.items()}, **{f"cq_{k}": v for k, v in TWO_MONTHS.items()}}


def _inquiry_rules(months):
    province, citation = INQUIRY[months]
    setting = Setting(parameter="inquiry.complex_answer_months", value=months, citation=citation)
    return rules_with(setting, province=province)


@pytest.mark.parametrize(("closed", "months", "raw", "due"), CASES.values(), ids=CASES.keys())
def test_bj_12_4_cq_18_4_complex_answer_per_cc_203(closed, months, raw, due):
    _official(raw, due)
    for answered, in_time in ((due, True), (due + ONE, False)):
        store, rules = MemoryStore(), _inquiry_rules(months)
        congresses = Congresses(store, rules)
        congresses.establish(Congress(id="t", name="某乡人民代表大会", level=Level.TOWNSHIP,
                                      division_code="110111001", population=30_000, deputy_quota=65))  # fmt: skip
        congresses.begin_term("t", 1, elections_completed_on=closed - 30 * ONE)
        congresses.elect_deputies("t", DEPUTIES, term=1, on=closed - 30 * ONE)
        sessions = Sessions(store, rules)
        sessions.plan("s1", congress_id="t", opens_on=closed)
        sessions.give_notice("s1", on=closed, materials_on=closed)
        prepare(sessions, "s1", on=closed, presidium=list(DEPUTIES)[:7], agenda=AGENDA)
        sessions.open("s1", on=closed, present=list(DEPUTIES))
        inquiries = Inquiries(store, rules)
        inquiries.file("q", session_id="s1", sponsors=list(DEPUTIES)[:10], target=InquiryTarget.TOWNSHIP_GOVERNMENT,
                       questions="学校何时修缮")  # fmt: skip
        inquiries.decide_answer_form("q", form=AnswerForm.WRITTEN, complex=True)
        sessions.close("s1", on=closed)
        assert inquiries.answer_deadline("q") == due
        decision = inquiries.answer("q", answered_by="乡长", on=answered)
        assert decision.ok is in_time
        assert [str(r.citation) for r in decision.reasons] == [str(INQUIRY[months][1])]


@pytest.mark.parametrize(("closed", "months", "raw", "due"), CASES.values(), ids=CASES.keys())
def test_bj_12_4_cq_18_4_complex_answer_per_cc_203_in_npcproc_check(closed, months, raw, due):
    def answered(on):
        def change(tree):
            session = tree["congresses"][0]["sessions"][1]
            session.update(opens_on=closed.isoformat(), closed_on=closed.isoformat())
            inquiry = session["inquiries"][0]
            inquiry.update(complex=True, answers=[{**inquiry["answers"][0], "on": on.isoformat(), "dissatisfied": []}])

        return change

    rules, where = _inquiry_rules(months), "sessions[1].inquiries[0]"
    assert _found(answered(due), rules, where) == []
    assert _found(answered(due + ONE), rules, where) == [
        (f"congresses[0].{where}.answers[0]", "inquiry.answer_in_time", str(INQUIRY[months][1]), due.isoformat())
    ]


# -- supervision: the provincial rectification period and SL 27 ¶2 ------------------------------------

RECTIFICATION = Setting(parameter="supervision.rectification_months", value=3, citation=HN_4)


@pytest.mark.parametrize(("start", "months", "raw", "due"), THREE_MONTHS.values(), ids=THREE_MONTHS.keys())
def test_rectification_period_per_cc_203(start, months, raw, due):
    store = MemoryStore()
    rules = rules_with(RECTIFICATION)
    township = Congress(id="t1", name="某镇人民代表大会", level=Level.TOWNSHIP, division_code="330110001",
                        population=30_000, deputy_quota=65)  # fmt: skip
    Congresses(store, rules).establish(township)
    sup = Supervision(store, rules)
    sup.open_case("a", congress_id="t1", subject="河道", links=[link(LinkKind.INSPECTION, "镇人民政府")])
    sup.record("a", 0, Step.HELD, congress_id="t1", on=start - 5 * ONE)
    sup.record("a", 0, Step.REFERRED, congress_id="t1", on=start)
    assert sup.state("a", congress_id="t1").links[0].due == due
    assert sup.overdue("t1", due) == ()
    assert [o.due for o in sup.overdue("t1", due + ONE)] == [due]
    sup.open_case("b", congress_id="t1", subject="河道", links=[link(LinkKind.INSPECTION, "镇人民政府")])
    sup.record("b", 0, Step.HELD, congress_id="t1", on=start - 5 * ONE)
    with pytest.raises(npcproc.errors.ProcedureError) as refusal:
        sup.record("b", 0, Step.REFERRED, congress_id="t1", on=start, due=due + ONE)
    assert "HN 4" in refusal.value.decision.explain("en")
    sup.record("b", 0, Step.REFERRED, congress_id="t1", on=start, due=due)  # the moved day is within the period


@pytest.mark.parametrize(("start", "months", "raw", "due"), THREE_MONTHS.values(), ids=THREE_MONTHS.keys())
def test_rectification_period_per_cc_203_in_npcproc_check(start, months, raw, due):
    def rectified(on):
        def change(tree):
            tree["congresses"][0]["supervision"][0]["links"][0]["steps"] = [
                {"step": "held", "on": (start - 5 * ONE).isoformat()}, {"step": "referred", "on": start.isoformat()},
                {"step": "rectified", "on": on.isoformat()},
            ]  # fmt: skip

        return change

    rules = rules_with(RECTIFICATION)
    assert _found(rectified(due), rules, "supervision[0].links[0]") == []
    assert _found(rectified(due + ONE), rules, "supervision[0].links[0]") == [
        ("congresses[0].supervision[0].links[0].steps[2]", "record.supervision_late", "DL 31 ¶1", due.isoformat())
    ]


def test_sl_27_2_audit_window_moves_past_national_day_2025():
    store = MemoryStore()
    rules = load_rules()
    county = Congress(id="c1", name="某县人民代表大会", level=Level.COUNTY, division_code="330110",
                      population=400_000, deputy_quota=220)  # fmt: skip
    Congresses(store, rules).establish(county)
    sup = Supervision(store, rules)
    for case in ("a", "b"):
        sup.open_case(case, congress_id="c1", subject="审计整改", links=[link(LinkKind.AUDIT_REPORT, "县人民政府")])
        sup.record(case, 0, Step.HELD, congress_id="c1", on=D(2025, 4, 3))  # six months: 3 October
    with pytest.raises(npcproc.errors.ProcedureError, match="SL 27"):
        sup.record("a", 0, Step.REFERRED, congress_id="c1", on=D(2025, 4, 10), due=D(2025, 10, 10))
    sup.record("a", 0, Step.REFERRED, congress_id="c1", on=D(2025, 4, 10), due=D(2025, 10, 9))
    sup.record("b", 0, Step.REFERRED, congress_id="c1", on=D(2025, 4, 10))
    assert sup.state("b", congress_id="c1").links[0].due == D(2025, 10, 9)


# -- the first session of a term (OL 20) ---------------------------------------------------------------


def test_ol_20_first_session_moves_past_national_day_2025():
    rules = load_rules()
    assert first_session_deadline(rules.period, D(2025, 8, 3), 2) == D(2025, 10, 9)

    def opens(on):
        def change(tree):
            tree["congresses"][0]["elections_completed_on"] = "2025-08-03"
            tree["congresses"][0]["sessions"][0]["opens_on"] = on.isoformat()

        return change

    def first_of_term(on):
        return [f for f in _found(opens(on), rules, "sessions[0]") if f[1] == "session.first_of_term"]

    assert first_of_term(D(2025, 10, 9)) == []
    assert first_of_term(D(2025, 10, 10)) == [("congresses[0].sessions[0]", "session.first_of_term", "OL 20 ¶1",
                                               "2025-10-09")]  # fmt: skip


# -- presidium meetings in the recess (ZJ 24 ¶1, HN 5 ¶1) -----------------------------------------------

AGENDA = (AgendaItem(id="gov", kind=AgendaItemKind.GOVERNMENT_REPORT, title="镇人民政府工作报告"),)
PRESIDIUM = list(DEPUTIES)[:9]


def _presidium(*sessions: tuple[datetime.date, datetime.date], meetings=(), province="ZJ") -> PresidiumMeetings:
    """A township whose sessions open and close on the given days, and the presidium's meetings."""
    store, rules = MemoryStore(), rules_for(province)
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t1", name="某镇人民代表大会", level=Level.TOWNSHIP, division_code="330110001",
                                  population=30_000, deputy_quota=65))  # fmt: skip
    elected = sessions[0][0] - 30 * ONE  # the first session within two months (OL 20)
    congresses.begin_term("t1", 1, elections_completed_on=elected)
    congresses.elect_deputies("t1", DEPUTIES, term=1, on=elected)
    plan = Sessions(store, rules)
    for n, (opens, closes) in enumerate(sessions):
        plan.plan(f"s{n}", congress_id="t1", opens_on=opens)
        plan.give_notice(f"s{n}", on=opens - 10 * ONE, materials_on=opens - 5 * ONE)
        prepare(plan, f"s{n}", on=opens, presidium=PRESIDIUM, agenda=AGENDA)
        plan.open(f"s{n}", on=opens, present=list(DEPUTIES))
        plan.close(f"s{n}", on=closes)
    presidium = PresidiumMeetings(store, rules)
    for n, day in enumerate(meetings):
        presidium.hold_meeting("t1", f"m{n}", on=day, present=PRESIDIUM[:6])
    return presidium


def _gaps(presidium, year=2025, as_of=None):
    check = presidium.frequency_check("t1", year, as_of=as_of)
    return [(r.values["last"], r.values["next"], r.values["deadline"]) for r in check.failing]


FIRST = (D(2024, 12, 18), D(2024, 12, 20))  # the recess starts on Friday 20 December 2024: due by 20 March 2025


@pytest.mark.parametrize("province", ["ZJ", "HN"])
def test_zj_24_1_hn_5_1_the_interval_counts_from_the_close_of_the_session(province):
    assert _gaps(_presidium(FIRST, meetings=[D(2025, 3, 20)], province=province), as_of=D(2025, 3, 31)) == []
    assert _gaps(_presidium(FIRST, meetings=[D(2025, 3, 21)], province=province), as_of=D(2025, 3, 31)) == [
        ("2024-12-20", "2025-03-21", "2025-03-20")
    ]
    assert _gaps(_presidium(FIRST), as_of=D(2025, 3, 20)) == []  # no meeting yet, still in time
    assert _gaps(_presidium(FIRST), as_of=D(2025, 3, 21)) == [("2024-12-20", "2025-03-21", "2025-03-20")]


def test_zj_24_1_a_meeting_counts_from_its_date():
    meetings = [D(2025, 3, 20), D(2025, 4, 10)]
    assert _gaps(_presidium(FIRST, meetings=[*meetings, D(2025, 7, 10)]), as_of=D(2025, 7, 31)) == []
    assert _gaps(_presidium(FIRST, meetings=[*meetings, D(2025, 7, 11)]), as_of=D(2025, 7, 31)) == [
        ("2025-04-10", "2025-07-11", "2025-07-10")
    ]


def test_zj_24_1_a_session_in_between_restarts_the_interval():
    # Meeting on 20 March; the next session opens by 20 June, ends the recess and closes on 12 June:
    # the next recess meeting is due by 12 September (a Friday).
    second = (D(2025, 6, 10), D(2025, 6, 12))
    assert _gaps(_presidium(FIRST, second, meetings=[D(2025, 3, 20), D(2025, 9, 12)]), as_of=D(2025, 9, 30)) == []
    assert _gaps(_presidium(FIRST, second, meetings=[D(2025, 3, 20), D(2025, 9, 13)]), as_of=D(2025, 9, 30)) == [
        ("2025-06-12", "2025-09-13", "2025-09-12")
    ]
    # A session that opens after the recess's deadline does not excuse it.
    assert _gaps(_presidium(FIRST, (D(2025, 6, 20), D(2025, 6, 21)), meetings=[D(2025, 3, 20)]),
                 as_of=D(2025, 6, 30)) == []  # fmt: skip
    assert _gaps(_presidium(FIRST, (D(2025, 6, 21), D(2025, 6, 22)), meetings=[D(2025, 3, 20)]),
                 as_of=D(2025, 6, 30)) == [("2025-03-20", "2025-06-21", "2025-06-20")]  # fmt: skip


@pytest.mark.parametrize(("start", "months", "raw", "due"), THREE_MONTHS.values(), ids=THREE_MONTHS.keys())
def test_zj_24_1_the_last_day_moves_per_cc_203(start, months, raw, due):
    session = (start - 2 * ONE, start)
    assert _gaps(_presidium(session, meetings=[due]), year=due.year, as_of=due) == []
    assert _gaps(_presidium(session, meetings=[due + ONE]), year=due.year, as_of=due + ONE) == [
        (start.isoformat(), (due + ONE).isoformat(), due.isoformat())
    ]
