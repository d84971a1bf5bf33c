"""山东省乡镇人民代表大会工作若干规定 (SD) as npcproc settings."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from npcproc import hookimpl
from npcproc.provinces import Province
from npcproc.rules import Citation, Setting

SHANDONG = Province(code="370000", name_zh="山东省", name_en="Shandong", key="SD")


def sd(article: int, paragraph: int | None = None) -> Citation:
    return Citation(law="SD", article=article, paragraph=paragraph)


# SD 4 ¶1 ("at least once a year") is not registered: it predates the 2022 Organic Law and
# yields to OL 14 ¶1; a setting may never be looser than the national value.
SETTINGS = (
    Setting(parameter="presidium.min_size", value=7, citation=sd(8, 2)),
    Setting(parameter="presidium.max_size", value=11, citation=sd(8, 2)),  # 13 with 90+ deputies: not modelled
    Setting(parameter="presidium.decision_majority", value=Fraction(1, 2), citation=sd(8, 4)),
    Setting(parameter="suggestion.reply_months", value=2, citation=sd(15)),  # at most four: not modelled
)


@hookimpl
def npcproc_province() -> Province:
    return SHANDONG


@hookimpl
def npcproc_register_settings(register: Callable[[Setting], None]) -> None:
    for setting in SETTINGS:
        register(setting)
