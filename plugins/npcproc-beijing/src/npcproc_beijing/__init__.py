"""北京市乡、民族乡、镇人民代表大会组织条例 (BJ) as npcproc settings and checks.

The regulation organises township congresses (乡、民族乡、镇人民代表大会) only: every setting
binds ``Level.TOWNSHIP`` and every check leaves a county congress untouched.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from fractions import Fraction

import attrs

from npcproc import hookimpl
from npcproc.i18n import Messages
from npcproc.model.levels import Level
from npcproc.provinces import Province
from npcproc.rules import Citation, Decision, Reason, RuleSet, Setting
from npcproc.rules.decision import Binding
from npcproc.rules.laws import LawText, read_law_texts
from npcproc.rules.topics import AgendaFacts, Check, in_force_from

BEIJING = Province(code="110000", name_zh="北京市", name_en="Beijing", key="BJ")
TOWNSHIP = frozenset({Level.TOWNSHIP})


def bj(article: int, paragraph: int | None = None) -> Citation:
    return Citation(law="BJ", article=article, paragraph=paragraph)


SETTINGS: tuple[Setting, ...] = (
    # BJ 12 ¶1 "代表总数在四十人以下的，五分之一以上代表联名也可以提出质询案": in a congress of 40 or
    # fewer deputies (以下 includes 40), 1/5 of them may file an inquiry — a second path beside the
    # ten deputies of OL 24 ¶1, looser for a congress of fewer than 50, so both numbers are declared as
    # the relaxation. The 40 is a parameter rather than a deputies condition: the inquiry procedure
    # compares it with the deputies in office on the day of the session, which a condition resolved
    # once per record year (npcproc check) would not.
    Setting(parameter="inquiry.small_congress_size", value=40, citation=bj(12, 1), relaxation=True, levels=TOWNSHIP),
    Setting(parameter="inquiry.small_congress_fraction", value=Fraction(1, 5), citation=bj(12, 1), relaxation=True,
            levels=TOWNSHIP),
    # BJ 12 ¶4 "质询案情况复杂的，经主席团决定，由受质询机关在大会后三个月内向有关代表作出答复".
    Setting(parameter="inquiry.complex_answer_months", value=3, citation=bj(12, 4), levels=TOWNSHIP),
    # BJ 15 ¶2 "新的一届……代表选出后，由上届代表资格审查委员会进行审查……在新的一届……第一次会议的预备会议上宣布".
    Setting(parameter="credentials.reviews_next_term", value=1, citation=bj(15, 2), levels=TOWNSHIP),
    # BJ 22 ¶2 "民族乡的乡长由建立民族乡的少数民族公民担任" (as OL 70 ¶3), cited from BJ for townships.
    Setting(parameter="township_head.ethnic_minority", value=1, citation=bj(22, 2), levels=TOWNSHIP),
    # BJ 14 "有关机关和组织应当在三个月内，情况复杂的不超过六个月，予以答复": the values of DL 51 ¶2,
    # cited from the township regulation for a township congress.
    Setting(parameter="suggestion.reply_months", value=3, citation=bj(14), levels=TOWNSHIP),
    Setting(parameter="suggestion.reply_months_complex", value=6, citation=bj(14), levels=TOWNSHIP),
    # BJ 14 "对迫切需要办理又有条件办理的，有关机关和组织应当在会议期间办理或者提出办理方案答复代表".
    Setting(parameter="suggestion.urgent_due_at_session_close", value=1, citation=bj(14), levels=TOWNSHIP),
    # BJ 8 ¶2 "每届人民代表大会第一次会议的预备会议，由上次人民代表大会主席团主持" (presided_by, where recorded).
    Setting(parameter="session.first_preparatory_by_last_presidium", value=1, citation=bj(8, 2), levels=TOWNSHIP),
    # BJ 17 ¶2 "主席团一般由五人至九人组成": advice, so a presidium of 4 or 10 is a notice, never a refusal.
    Setting(parameter="presidium.min_size", value=5, citation=bj(17, 2), levels=TOWNSHIP, binding=Binding.NORMALLY),
    Setting(parameter="presidium.max_size", value=9, citation=bj(17, 2), levels=TOWNSHIP, binding=Binding.NORMALLY),
    # BJ 20 ¶1 "主席、副主席中至少有一人为专职": one full-time holder at least among the chair and vice-chairs (shall).
    Setting(parameter="township.chairs.min_full_time", value=1, citation=bj(20, 1), levels=TOWNSHIP),
    # BJ 16 ¶2 "列席人数不得超过代表总数的二分之一": half is allowed (不超过 includes it), one more is not.
    # 代表总数 is read as the deputies in office on the opening day, as for BJ 12 ¶1.
    Setting(parameter="session.max_attendees_fraction", value=Fraction(1, 2), citation=bj(16, 2), levels=TOWNSHIP),
    # BJ 16 ¶1 "其他有关机关、团体负责人，经主席团决定，可以列席会议".
    Setting(parameter="session.attendees_admitted", value=1, citation=bj(16, 1), levels=TOWNSHIP),
    # BJ 15 ¶1 "每届…第一次会议，由主席团在代表中提名，大会通过，设立代表资格审查委员会".
    Setting(parameter="credentials.committee_required", value=1, citation=bj(15, 1), levels=TOWNSHIP),
    Setting(parameter="credentials.nominated_by_presidium", value=1, citation=bj(15, 1), levels=TOWNSHIP),
    Setting(parameter="credentials.members_from_deputies", value=1, citation=bj(15, 1), levels=TOWNSHIP),
)  # fmt: skip

#: BJ 41 "本条例自1990年1月1日起施行": no setting binds a day before.
IN_FORCE_FROM = datetime.date(1990, 1, 1)
SETTINGS = tuple(attrs.evolve(setting, in_force_from=IN_FORCE_FROM) for setting in SETTINGS)


def half_yearly(facts: AgendaFacts, rules: RuleSet) -> Decision:
    """BJ 5 ¶1: a session in each half-year (January-June, July-December), the year's first by the end of March.

    "会议，每半年至少举行一次；每年的第一次会议，应当不迟于三月底前举行" speaks of 会议 without
    distinction, so an extraordinary session counts as much as a regular one. Townships only."""
    if facts.level is not Level.TOWNSHIP:
        return Decision.of()
    year = facts.year
    opened = sorted(s.opened_on for s in facts.sessions if s.opened_on is not None and s.opened_on.year == year)
    first = opened[0] if opened else None
    end_of_june, end_of_march = datetime.date(year, 6, 30), datetime.date(year, 3, 31)
    first_half = sum(1 for d in opened if d <= end_of_june)
    second_half = len(opened) - first_half
    return Decision.of(
        Reason(ok=first_half >= 1, code="bj.first_half", citation=bj(5, 1), values={"year": year, "held": first_half}),
        Reason(ok=second_half >= 1, code="bj.second_half", citation=bj(5, 1),
               values={"year": year, "held": second_half}),
        Reason(ok=first is not None and first <= end_of_march, code="bj.first_by_march", citation=bj(5, 1),
               values={"year": year, "first": first.isoformat() if first else "-"}),
    )  # fmt: skip


@hookimpl
def npcproc_register_laws(register: Callable[[LawText], None]) -> None:
    """The texts this plugin cites, shipped in its own ``laws.json`` (built by tools/build_law_data.py)."""
    for law in read_law_texts(__name__):
        register(law)


@hookimpl
def npcproc_province() -> Province:
    return BEIJING


@hookimpl
def npcproc_register_settings(register: Callable[[Setting], None]) -> None:
    for setting in SETTINGS:
        register(setting)


@hookimpl
def npcproc_register_checks(register: Callable[[str, Check], None]) -> None:
    register("annual_agenda", in_force_from(IN_FORCE_FROM)(half_yearly))  # BJ 41: no year before 1990 is judged


#: The message codes this plugin's checks explain themselves with.
MESSAGES = (
    Messages(
        code="bj.first_half",
        zh_ok="{year}年上半年（一月至六月）举行了{held}次会议",
        zh_fail="{year}年上半年（一月至六月）没有举行会议",
        en_ok="{held} session(s) opened in the first half of {year} (January-June)",
        en_fail="no session opened in the first half of {year} (January-June)",
    ),
    Messages(
        code="bj.second_half",
        zh_ok="{year}年下半年（七月至十二月）举行了{held}次会议",
        zh_fail="{year}年下半年（七月至十二月）没有举行会议",
        en_ok="{held} session(s) opened in the second half of {year} (July-December)",
        en_fail="no session opened in the second half of {year} (July-December)",
    ),
    Messages(
        code="bj.first_by_march",
        zh_ok="{year}年第一次会议于{first}举行，不迟于三月底",
        zh_fail="{year}年第一次会议（{first}）迟于三月底",
        en_ok="the first session of {year} opened on {first}, by the end of March",
        en_fail="the first session of {year} ({first}) did not open by the end of March",
    ),
)


@hookimpl
def npcproc_register_messages(register: Callable[[Messages], None]) -> None:
    for messages in MESSAGES:
        register(messages)
