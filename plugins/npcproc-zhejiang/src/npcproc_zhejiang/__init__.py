"""浙江省乡镇人民代表大会工作条例 (ZJ) as npcproc settings and checks."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

from npcproc import hookimpl
from npcproc.model.session import AgendaItemKind
from npcproc.provinces import Province
from npcproc.rules import Citation, Decision, Reason, RuleSet, Setting
from npcproc.rules.ruleset import Check

ZHEJIANG = Province(code="330000", name_zh="浙江省", name_en="Zhejiang", key="ZJ")


def zj(article: int, paragraph: int | None = None) -> Citation:
    return Citation(law="ZJ", article=article, paragraph=paragraph)


SETTINGS = (
    Setting(parameter="session.min_per_year", value=2, citation=zj(16, 1)),  # early-year and mid-year
    Setting(parameter="session.min_days", value=1, citation=zj(16, 2)),
    Setting(parameter="session.notice_days", value=7, citation=zj(20)),
    Setting(parameter="session.materials_days", value=1, citation=zj(20)),
    Setting(parameter="presidium.min_size", value=7, citation=zj(8, 2)),
    Setting(parameter="presidium.max_size", value=13, citation=zj(8, 2)),
    Setting(parameter="presidium.members_no_admin_post", value=1, citation=zj(38)),
    Setting(parameter="presidium.max_months_between_meetings", value=3, citation=zj(24, 1)),
    Setting(parameter="presidium.meeting_quorum", value=Fraction(1, 2), citation=zj(24, 2)),
    Setting(parameter="presidium.decision_majority", value=Fraction(1, 2), citation=zj(24, 3)),
    Setting(parameter="livelihood.review_by_presidium", value=1, citation=zj(30, 1)),
    Setting(parameter="livelihood.performance_evaluation", value=1, citation=zj(30, 2)),
)

# ZJ 17: what the early-year and the mid-year session hear.
EARLY_YEAR = {AgendaItemKind.GOVERNMENT_REPORT, AgendaItemKind.BUDGET, AgendaItemKind.PRESIDIUM_REPORT}
MID_YEAR = {AgendaItemKind.BUDGET_EXECUTION, AgendaItemKind.BUDGET_ADJUSTMENT, AgendaItemKind.FINAL_ACCOUNTS}


def placement(facts: Mapping[str, Any], rules: RuleSet) -> Decision:
    """ZJ 17: the budget, the government and presidium reports early in the year; budget execution,
    adjustment and final accounts mid-year. A regular session in January-June counts as early-year."""
    reasons = []
    for session in facts["sessions"]:
        if session.kind.value != "regular" or session.opened_on is None:
            continue
        early = session.opened_on.month <= 6
        for item in session.agenda:
            misplaced = item.kind in MID_YEAR if early else item.kind in EARLY_YEAR - {AgendaItemKind.GOVERNMENT_REPORT}
            if misplaced:
                reasons.append(Reason(
                    ok=False, code="zj.placement", citation=zj(17, 2 if early else 1),
                    values={"session": session.id, "item": item.kind.value},
                ))  # fmt: skip
    return Decision(reasons=tuple(reasons))


@hookimpl
def npcproc_province() -> Province:
    return ZHEJIANG


@hookimpl
def npcproc_register_settings(register: Callable[[Setting], None]) -> None:
    for setting in SETTINGS:
        register(setting)


@hookimpl
def npcproc_register_checks(register: Callable[[str, Check], None]) -> None:
    register("annual_agenda", placement)


def _define_messages() -> None:
    from npcproc.i18n import define

    define(
        "zj.placement",
        zh_ok="会议{session}的议程安排符合年初、年中会议的分工",
        zh_fail="会议{session}安排了{item}，不符合年初、年中会议的议程分工",
        en_ok="session {session} places its items as ZJ 17 asks",
        en_fail="session {session} hears {item}, which ZJ 17 places in the other session of the year",
    )


_define_messages()
