"""The installed plugin adds the three colours to the suggestion workflow."""

from __future__ import annotations

import datetime

import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.suggestion import Rating, ReplyCategory, SuggestionStatus
from npcproc.plugins import create_plugin_manager, load_rules
from npcproc.procedures import Congresses
from npcproc.procedures.suggestion.commands import Suggestions
from npcproc.store import MemoryStore

DAY = datetime.date(2026, 3, 2)


@pytest.fixture
def suggestions(monkeypatch):
    monkeypatch.delenv("NPCPROC_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    rules = load_rules(pm=create_plugin_manager(autoload=True))
    store = MemoryStore()
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="qx", name="青溪镇人大", level=Level.TOWNSHIP, division_code="330110001",
                                  population=30_000, deputy_quota=65))  # fmt: skip
    congresses.begin_term("qx", 1, elections_completed_on=datetime.date(2021, 11, 1))
    congresses.elect_deputies("qx", {"d1": "王芳", "d2": "李明"}, term=1, on=datetime.date(2022, 1, 5))
    return Suggestions(store, rules)


def test_the_entry_point_registers_three_colours(suggestions):
    colours = {value for workflow, scheme, value in suggestions.rules.classifications if scheme == "colour"}
    assert colours == {"green", "yellow", "red"}


def test_a_red_suggestion_closes_only_after_leadership_supervision(suggestions):
    suggestions.submit("qx", "s1", deputies=["d1", "d2"], subject="村道修缮", content="雨季积水", on=DAY)
    suggestions.refer("qx", "s1", unit="镇建设办", on=DAY)
    suggestions.classify("qx", "s1", scheme="colour", value="red", on=DAY)
    [row] = suggestions.rows("qx", on=DAY)
    assert row.stages_due == (("leadership_supervision", None),)
    suggestions.reply("qx", "s1", on=DAY + datetime.timedelta(days=30), category=ReplyCategory.IN_PLAN)
    waiting = suggestions.rate("qx", "s1", on=DAY + datetime.timedelta(days=31), rating=Rating.SATISFIED)
    assert waiting.status is SuggestionStatus.REPLIED
    suggestions.complete_stage("qx", "s1", "leadership_supervision", on=DAY + datetime.timedelta(days=40))
    assert suggestions.state("qx", "s1").status is SuggestionStatus.CLOSED


def test_yellow_verification_has_a_due_date_and_unknown_colours_are_refused(suggestions):
    suggestions.submit("qx", "s2", deputies=["d1"], subject="路灯", content="夜间照明不足", on=DAY)
    suggestions.classify("qx", "s2", scheme="colour", value="yellow", on=DAY)
    [row] = suggestions.rows("qx", on=DAY)
    # 60 days end on 1 May 2026, Labour Day; CC 203 moves the last day to the next working day, 6 May.
    assert DAY + datetime.timedelta(days=60) == datetime.date(2026, 5, 1)
    assert row.stages_due == (("special_verification", datetime.date(2026, 5, 6)),)
    with pytest.raises(ProcedureError, match="colour/green"):
        suggestions.classify("qx", "s2", scheme="colour", value="purple", on=DAY)
