"""重庆市乡镇人民代表大会工作条例 (CQ) as npcproc settings."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from npcproc import hookimpl
from npcproc.provinces import Province
from npcproc.rules import Citation, Setting

CHONGQING = Province(code="500000", name_zh="重庆市", name_en="Chongqing", key="CQ")


def cq(article: int, paragraph: int | None = None, item: int | None = None) -> Citation:
    return Citation(law="CQ", article=article, paragraph=paragraph, item=item)


SETTINGS = (
    Setting(parameter="session.min_per_year", value=2, citation=cq(8, 1)),
    Setting(parameter="session.min_days", value=1, citation=cq(8, 1)),
    Setting(parameter="session.notice_days", value=10, citation=cq(11)),
    Setting(parameter="bill.unlisted_becomes_suggestion", value=1, citation=cq(14, 2)),
    Setting(parameter="suggestion.reply_months", value=2, citation=cq(16, 1)),
    Setting(parameter="inquiry.complex_answer_months", value=2, citation=cq(18, 4)),
    Setting(parameter="presidium.min_size", value=7, citation=cq(30, 1)),
    Setting(parameter="presidium.max_size", value=11, citation=cq(30, 1)),  # 13 at 90,000 people: not modelled
    Setting(parameter="presidium.members_no_admin_post", value=1, citation=cq(30, 3)),
    Setting(parameter="resignation.presidium_may_accept", value=1, citation=cq(32, 1, 10)),
    Setting(parameter="presidium.min_meetings_per_quarter", value=1, citation=cq(34, 1)),
    Setting(parameter="presidium.meeting_quorum", value=Fraction(1, 2), citation=cq(34, 1)),
    Setting(parameter="presidium.decision_majority", value=Fraction(1, 2), citation=cq(34, 1)),
)


@hookimpl
def npcproc_province() -> Province:
    return CHONGQING


@hookimpl
def npcproc_register_settings(register: Callable[[Setting], None]) -> None:
    for setting in SETTINGS:
        register(setting)
