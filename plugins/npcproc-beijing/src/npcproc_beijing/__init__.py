"""北京市乡、民族乡、镇人民代表大会组织条例 (BJ) as npcproc settings and checks."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

from npcproc import hookimpl
from npcproc.provinces import Province
from npcproc.rules import Citation, Decision, Reason, RuleSet, Setting
from npcproc.rules.ruleset import Check

BEIJING = Province(code="110000", name_zh="北京市", name_en="Beijing", key="BJ")


def bj(article: int, paragraph: int | None = None) -> Citation:
    return Citation(law="BJ", article=article, paragraph=paragraph)


SETTINGS = (
    Setting(parameter="session.min_per_year", value=2, citation=bj(5, 1)),  # at least once every half year
    # BJ 12 ¶1: in a congress of 40 or fewer deputies, 1/5 of them may also file an inquiry —
    # looser than the ten deputies of OL 24 ¶1, so declared as a relaxation.
    Setting(parameter="inquiry.small_congress_size", value=40, citation=bj(12, 1), relaxation=True),
    Setting(parameter="inquiry.small_congress_fraction", value=Fraction(1, 5), citation=bj(12, 1), relaxation=True),
    Setting(parameter="inquiry.complex_answer_months", value=3, citation=bj(12, 4)),
    Setting(parameter="presidium.min_size", value=5, citation=bj(17, 2)),
    Setting(parameter="presidium.max_size", value=9, citation=bj(17, 2)),
)


def half_yearly(facts: Mapping[str, Any], rules: RuleSet) -> Decision:
    """BJ 5 ¶1: a session at least every half year, the year's first by the end of March.

    Counts every session that opened in the year, extraordinary ones included (the article
    says 会议 without distinction)."""
    year = facts["year"]
    opened = sorted(s.opened_on for s in facts["sessions"] if s.opened_on is not None)
    first = opened[0] if opened else None
    return Decision.of(
        Reason(
            ok=first is not None and first <= datetime.date(year, 3, 31), code="bj.first_by_march",
            citation=bj(5, 1), values={"year": year, "first": first.isoformat() if first else "-"},
        ),
        Reason(
            ok=any(d.month >= 7 for d in opened), code="bj.second_half",
            citation=bj(5, 1), values={"year": year},
        ),
    )  # fmt: skip


@hookimpl
def npcproc_province() -> Province:
    return BEIJING


@hookimpl
def npcproc_register_settings(register: Callable[[Setting], None]) -> None:
    for setting in SETTINGS:
        register(setting)


@hookimpl
def npcproc_register_checks(register: Callable[[str, Check], None]) -> None:
    register("annual_agenda", half_yearly)


def _define_messages() -> None:
    from npcproc.i18n import define

    define(
        "bj.first_by_march",
        zh_ok="{year}年第一次会议于{first}举行，不迟于三月底",
        zh_fail="{year}年第一次会议（{first}）迟于三月底",
        en_ok="the first session of {year} opened on {first}, by the end of March",
        en_fail="the first session of {year} ({first}) did not open by the end of March",
    )
    define(
        "bj.second_half",
        zh_ok="{year}年下半年举行了会议",
        zh_fail="{year}年下半年没有举行会议",
        en_ok="a session opened in the second half of {year}",
        en_fail="no session opened in the second half of {year}",
    )


_define_messages()
