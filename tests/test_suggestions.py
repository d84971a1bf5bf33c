"""Deputies' suggestions: deadlines, replies, ratings, re-handling, the ledger and the report."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from npcproc.errors import ProcedureError
from npcproc.hookspecs import hookimpl
from npcproc.model import Congress, Level
from npcproc.model.suggestion import Classification, Rating, ReplyCategory, Stage, SuggestionStatus
from npcproc.plugins import create_plugin_manager, load_rules
from npcproc.procedures import Congresses
from npcproc.procedures.suggestion.commands import Suggestions
from npcproc.provinces import Province
from npcproc.rules import Citation, Setting
from npcproc.store import MemoryStore
from npcproc.store.sqlite import SQLiteStore
from npcproc.testing import prepare, settings_plugin

D = datetime.date
DEPUTIES = {f"d{n}": f"代表{n}" for n in range(1, 11)}


@pytest.fixture(params=["memory", "sqlite"])
def store(request, tmp_path):
    store = MemoryStore() if request.param == "memory" else SQLiteStore(str(tmp_path / "s.db"))
    yield store
    store.close()


def congress(store, rules=None) -> Suggestions:
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="qx", name="青溪镇人大", level=Level.TOWNSHIP, division_code="330110001",
                                  population=30_000, deputy_quota=65))  # fmt: skip
    congresses.begin_term("qx", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("qx", DEPUTIES, term=1, on=D(2022, 1, 5))
    return Suggestions(store, rules)


def test_a_suggestion_from_submission_to_closure(store):
    suggestions = congress(store)
    suggestions.submit("qx", "s1", deputies=["d1", "d2"], subject="村道修缮", content="雨季积水严重", on=D(2023, 1, 31))
    # CC 202: 31 January + 3 months = 30 April, in the 2023 Labour Day holiday: CC 203 moves it to 4 May
    assert suggestions.refer("qx", "s1", unit="镇建设办", on=D(2023, 1, 31)) == D(2023, 5, 4)
    assert not suggestions.state("qx", "s1").overdue(D(2023, 5, 4))
    assert suggestions.state("qx", "s1").overdue(D(2023, 5, 5))
    with pytest.raises(ProcedureError, match="must give reasons"):
        suggestions.reply("qx", "s1", on=D(2023, 4, 1), category=ReplyCategory.CANNOT_NOW)
    suggestions.reply("qx", "s1", on=D(2023, 4, 1), category=ReplyCategory.IN_PLAN)
    back = suggestions.rate("qx", "s1", on=D(2023, 4, 10), rating=Rating.DISSATISFIED)
    assert back.status is SuggestionStatus.REFERRED
    assert back.due == D(2023, 7, 10)
    suggestions.reply("qx", "s1", on=D(2023, 6, 1), category=ReplyCategory.RESOLVED)
    closed = suggestions.rate("qx", "s1", on=D(2023, 6, 5), rating=Rating.BASICALLY_SATISFIED)
    assert (closed.status, closed.closed_on) == (SuggestionStatus.CLOSED, D(2023, 6, 5))
    assert not closed.overdue(D(2030, 1, 1))
    report = suggestions.handling_report("qx", on=D(2023, 12, 31))
    assert (report.submitted, report.replied, report.closed, report.overdue) == (1, 1, 1, 0)
    assert report.by_category == {"resolved": 1}
    assert report.by_rating == {"basically_satisfied": 1}


def test_refusals_leave_the_ledger_unchanged(store):
    suggestions = congress(store)
    with pytest.raises(ProcedureError, match="not a deputy in office"):
        suggestions.submit("qx", "s1", deputies=["x"], subject="a", content="b", on=D(2023, 1, 1))
    suggestions.submit("qx", "s1", deputies=["d1"], subject="a", content="b", on=D(2023, 1, 1))
    before = list(store.read_all())
    for command in (
        lambda: suggestions.reply("qx", "s1", on=D(2023, 2, 1), category=ReplyCategory.RESOLVED),
        lambda: suggestions.rate("qx", "s1", on=D(2023, 2, 1), rating=Rating.SATISFIED),
        lambda: suggestions.submit("qx", "s1", deputies=["d1"], subject="a", content="b", on=D(2023, 1, 1)),
        lambda: suggestions.classify("qx", "s1", scheme="colour", value="red", on=D(2023, 1, 1)),
    ):
        with pytest.raises(ProcedureError):
            command()
    assert list(store.read_all()) == before


def test_province_tightens_the_deadline(store):
    cq = Province(code="500000", name_zh="重庆市", name_en="Chongqing", key="CQ")
    months = Setting(parameter="suggestion.reply_months", value=2, citation=Citation(law="CQ", article=16, paragraph=1))
    rules = load_rules(cq, pm=create_plugin_manager(autoload=False, plugins=(settings_plugin([months], province=cq),)))
    suggestions = congress(store, rules)
    suggestions.submit("qx", "s1", deputies=["d1"], subject="a", content="b", on=D(2023, 12, 31))
    assert suggestions.refer("qx", "s1", unit="u", on=D(2023, 12, 31)) == D(2024, 2, 29)


def test_classified_stages_gate_closure_and_appear_in_the_ledger(store):
    class Practice:
        @hookimpl
        def npcproc_workflow_classifications(self):
            stage = Stage(name="verification", en="verify", zh="查验", due_days=30)
            return [Classification(workflow="suggestion", scheme="colour", value="yellow", en="y", zh="黄",
                                   source="test", stages=(stage,))]  # fmt: skip

    rules = load_rules(pm=create_plugin_manager(autoload=False, plugins=(Practice(),)))
    suggestions = congress(store, rules)
    suggestions.submit("qx", "s1", deputies=["d1"], subject="a", content="b", on=D(2023, 1, 2))
    suggestions.refer("qx", "s1", unit="u", on=D(2023, 1, 2))
    suggestions.classify("qx", "s1", scheme="colour", value="yellow", on=D(2023, 1, 2))
    [row] = suggestions.rows("qx", on=D(2023, 1, 3))
    assert row.stages_due == (("verification", D(2023, 2, 1)),)
    assert row.classes == ("colour/yellow",)
    suggestions.reply("qx", "s1", on=D(2023, 1, 20), category=ReplyCategory.RESOLVED)
    assert suggestions.rate("qx", "s1", on=D(2023, 1, 21), rating=Rating.SATISFIED).status is SuggestionStatus.REPLIED
    suggestions.complete_stage("qx", "s1", "verification", on=D(2023, 1, 25))
    assert suggestions.state("qx", "s1").status is SuggestionStatus.CLOSED


def test_unlisted_bill_arrives_as_a_suggestion(store):
    from npcproc.model.session import AgendaItem, AgendaItemKind, Bill
    from npcproc.procedures import Sessions

    cq = Province(code="500000", name_zh="重庆市", name_en="Chongqing", key="CQ")
    rule = Setting(parameter="bill.unlisted_becomes_suggestion", value=1,
                   citation=Citation(law="CQ", article=14, paragraph=2))  # fmt: skip
    rules = load_rules(cq, pm=create_plugin_manager(autoload=False, plugins=(settings_plugin([rule], province=cq),)))
    suggestions = congress(store, rules)
    sessions = Sessions(store, rules)
    day = D(2022, 1, 5)
    sessions.plan("s", congress_id="qx", opens_on=day)
    sessions.give_notice("s", on=day, materials_on=day)
    prepare(
        sessions,
        "s",
        on=day,
        presidium=list(DEPUTIES)[:7],
        agenda=[AgendaItem(id="g", kind=AgendaItemKind.GOVERNMENT_REPORT, title="报告")],
    )
    sessions.submit_bill(
        "s", Bill(id="b", subject="修桥", grounds="桥危", proposal="重建", sponsors=tuple(DEPUTIES)[:5])
    )
    with pytest.raises(ProcedureError, match="not converted"):
        suggestions.submit_unlisted_bill("s", "b", on=day)
    sessions.decide_listing("s", "b", listed=False)
    suggestion_id = suggestions.submit_unlisted_bill("s", "b", on=day)
    state = suggestions.state("qx", suggestion_id)
    assert (state.submitted.from_bill, state.submitted.subject) == ("b", "修桥")


ACTIONS = st.lists(st.tuples(st.sampled_from(["reply", "satisfied", "dissatisfied"]), st.integers(0, 200)), max_size=12)


@settings(max_examples=60)
@given(st.dates(min_value=D(2023, 1, 1), max_value=D(2030, 12, 31)), ACTIONS, st.dates(max_value=D(2032, 1, 1)))
def test_never_closed_and_overdue_and_deadlines_never_move_earlier(start, actions, probe):
    suggestions = congress(MemoryStore())
    suggestions.submit("qx", "s", deputies=["d1"], subject="a", content="b", on=D(2023, 1, 1))
    suggestions.refer("qx", "s", unit="u", on=start)
    day = start
    due = suggestions.state("qx", "s").due
    for action, gap in actions:
        day += datetime.timedelta(days=gap)
        try:
            if action == "reply":
                suggestions.reply("qx", "s", on=day, category=ReplyCategory.RESOLVED)
            else:
                rating = Rating.SATISFIED if action == "satisfied" else Rating.DISSATISFIED
                suggestions.rate("qx", "s", on=day, rating=rating)
        except ProcedureError:
            pass
        state = suggestions.state("qx", "s")
        assert state.due >= due
        due = state.due
        assert not (state.status is SuggestionStatus.CLOSED and state.overdue(probe))
        assert not (state.status is SuggestionStatus.CLOSED and state.overdue(day))
