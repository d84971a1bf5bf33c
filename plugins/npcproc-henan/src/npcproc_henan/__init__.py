"""河南省乡镇人民代表大会主席团工作条例 (HN) as npcproc settings."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from npcproc import hookimpl
from npcproc.provinces import Province
from npcproc.rules import Citation, Setting

HENAN = Province(code="410000", name_zh="河南省", name_en="Henan", key="HN")


def hn(article: int, paragraph: int | None = None) -> Citation:
    return Citation(law="HN", article=article, paragraph=paragraph)


# HN 2 ¶1 "一般每年举行两次" says "normally", as OL 14 ¶1 does: session.min_per_year is not raised.
SETTINGS = (
    Setting(parameter="session.min_days", value=1, citation=hn(2, 1)),  # longer with elections: no number
    Setting(parameter="presidium.min_size", value=7, citation=hn(2, 3)),
    Setting(parameter="presidium.max_size", value=13, citation=hn(2, 3)),  # 15 in populous townships: not modelled
    Setting(parameter="presidium.members_no_admin_post", value=1, citation=hn(2, 4)),
    Setting(parameter="presidium.max_months_between_meetings", value=3, citation=hn(5, 1)),
    Setting(parameter="presidium.meeting_quorum", value=Fraction(1, 2), citation=hn(5, 2)),
    Setting(parameter="presidium.decision_majority", value=Fraction(1, 2), citation=hn(5, 2)),
)


@hookimpl
def npcproc_province() -> Province:
    return HENAN


@hookimpl
def npcproc_register_settings(register: Callable[[Setting], None]) -> None:
    for setting in SETTINGS:
        register(setting)
