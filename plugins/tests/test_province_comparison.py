"""The same year under national law and under each province: exactly the findings each regulation adds.

Runs in `nox -s plugins`, with every province plugin installed.
"""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.election import InquiryTarget
from npcproc.model.session import AgendaItem, AgendaItemKind
from npcproc.model.suggestion import ReplyCategory
from npcproc.plugins import create_plugin_manager, load_rules
from npcproc.procedures import Congresses, Inquiries, Sessions, Suggestions
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
DEPUTIES = {f"d{n:02}": f"代表{n}" for n in range(1, 36)}
EVERYONE = list(DEPUTIES)
AGENDA = [AgendaItem(id="gov", kind=AgendaItemKind.GOVERNMENT_REPORT, title="政府工作报告")]


def findings(province: str | None) -> dict[str, str]:
    """What the year's three contested acts come to under ``province``'s rules (None: national law)."""
    rules = load_rules(province, pm=create_plugin_manager(autoload=True))
    store = MemoryStore()
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t", name="某乡人民代表大会", level=Level.TOWNSHIP, division_code="330110001",
                                  population=3_000, deputy_quota=46))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=D(2022, 11, 20))
    congresses.elect_deputies("t", DEPUTIES, term=1, on=D(2023, 1, 5))
    sessions = Sessions(store, rules)
    sessions.plan("s1", congress_id="t", opens_on=D(2023, 1, 5))
    sessions.give_notice("s1", on=D(2022, 12, 20), materials_on=D(2023, 1, 2))
    prepare(sessions, "s1", on=D(2023, 1, 5), presidium=EVERYONE[:7], agenda=AGENDA)
    sessions.open("s1", on=D(2023, 1, 5), present=EVERYONE[:30])
    result: dict[str, str] = {}
    try:
        township = InquiryTarget.TOWNSHIP_GOVERNMENT
        inquiry = Inquiries(store, rules).file("q", session_id="s1", sponsors=EVERYONE[:7], target=township,
                                               questions="学校何时修缮")  # fmt: skip
        result["inquiry by 7 of 35"] = "accepted"
        if inquiry.relaxed:
            relaxation = next(r.relaxation for r in inquiry.reasons if r.relaxation is not None)
            result["inquiry by 7 of 35"] = f"accepted, relaxed by {relaxation}"
    except ProcedureError as refusal:
        result["inquiry by 7 of 35"] = f"refused ({refusal.decision.failing[0].citation})"
    sessions.close("s1", on=D(2023, 1, 5))
    try:
        sessions.plan("s2", congress_id="t", opens_on=D(2023, 7, 5), days=Fraction(1, 2))
        result["half-day regular session"] = "allowed"
    except ProcedureError as refusal:
        result["half-day regular session"] = f"refused ({refusal.decision.failing[0].citation})"
    suggestions = Suggestions(store, rules)
    suggestions.submit("t", "s", deputies=["d01"], subject="村道", content="修缮", on=D(2023, 1, 9))
    due = suggestions.refer("t", "s", unit="乡政府", on=D(2023, 1, 9))
    replied = D(2023, 1, 9) + datetime.timedelta(weeks=10)
    suggestions.reply("t", "s", on=replied, category=ReplyCategory.RESOLVED)
    source = rules.effective("suggestion.reply_months").citation
    result["suggestion answered in ten weeks"] = f"late ({source})" if replied > due else "on time"
    return result


NATIONAL = {
    "inquiry by 7 of 35": "refused (OL 24 ¶1)",
    "half-day regular session": "allowed",
    "suggestion answered in ten weeks": "on time",
}
EXTRA = {
    None: {},
    "ZJ": {"half-day regular session": "refused (ZJ 16 ¶2)"},
    "CQ": {"half-day regular session": "refused (CQ 8 ¶1)", "suggestion answered in ten weeks": "late (CQ 16 ¶1)"},
    "BJ": {"inquiry by 7 of 35": "accepted, relaxed by BJ 12 ¶1"},
    # SD 23 ¶1 repeats OL 24 ¶1's ten deputies for townships: the same refusal, cited by the rule in force.
    "SD": {"suggestion answered in ten weeks": "late (SD 15)", "inquiry by 7 of 35": "refused (SD 23 ¶1)"},
    "HN": {"half-day regular session": "refused (HN 2 ¶1)"},
}


@pytest.mark.parametrize("province", list(EXTRA), ids=lambda p: p or "national")
def test_each_province_adds_exactly_its_findings(province, monkeypatch):
    monkeypatch.delenv("NPCPROC_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    assert findings(province) == {**NATIONAL, **EXTRA[province]}
