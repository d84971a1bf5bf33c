"""浙江省乡镇人民代表大会工作条例 (ZJ) as npcproc settings and checks.

ZJ 2: the regulation governs the work of township congresses (乡镇人民代表大会) in Zhejiang, so
every setting binds ``Level.TOWNSHIP`` only and the ZJ 17 check judges township congresses only;
a county congress in Zhejiang is left to national law. The README maps every article.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import attrs

from npcproc import hookimpl
from npcproc.i18n import Messages
from npcproc.model.levels import Level
from npcproc.model.session import AgendaItemKind, SessionKind, SessionStatus
from npcproc.provinces import Province
from npcproc.rules import Citation, Decision, Reason, RuleSet, Setting
from npcproc.rules.decision import Binding
from npcproc.rules.laws import LawText, read_law_texts
from npcproc.rules.parameters import Condition
from npcproc.rules.topics import AgendaFacts, Check, in_force_from

ZHEJIANG = Province(code="330000", name_zh="浙江省", name_en="Zhejiang", key="ZJ")

#: ZJ 2: 本省行政区域内乡镇人民代表大会工作和建设，适用本条例.
TOWNSHIP = frozenset({Level.TOWNSHIP})
#: ZJ 16 ¶2 and ZJ 20 exempt extraordinary sessions (临时举行的…会议) from the length and the lead times.
REGULAR = frozenset({SessionKind.REGULAR})

#: ZJ 8 ¶2: 经济比较发达或者人口较多的乡镇 — qualities the text names without a number; a congress
#: records them as designations (``Congress(designations=("populous",))``).
DEVELOPED = Condition(fact="designation", designation="developed", zh="经济比较发达的乡镇",
                      en="an economically developed township")  # fmt: skip
POPULOUS = Condition(fact="designation", designation="populous", zh="人口较多的乡镇", en="a populous township")


def zj(article: int, paragraph: int | None = None) -> Citation:
    return Citation(law="ZJ", article=article, paragraph=paragraph)


def _township(parameter: str, value: int | Fraction, citation: Citation, **shape: Any) -> Setting:
    return Setting(parameter=parameter, value=value, citation=citation, levels=TOWNSHIP, **shape)


SETTINGS: tuple[Setting, ...] = (
    # ZJ 6: 每届任期五年 — the national OL 9 number (fixed), cited to the provincial article for townships.
    _township("term.years", 5, zj(6)),
    # ZJ 8 ¶2: 主席团成员的名额为七人至十三人，经济比较发达或者人口较多的乡镇不超过十七人。
    _township("presidium.min_size", 7, zj(8, 2)),
    _township("presidium.max_size", 13, zj(8, 2)),
    _township("presidium.max_size", 17, zj(8, 2), when=DEVELOPED),
    _township("presidium.max_size", 17, zj(8, 2), when=POPULOUS),
    # ZJ 11 ¶1: 设专职主席 … 经济比较发达或者人口较多的乡镇应当配备专职副主席 — the chair holds the post full-time;
    # a developed or populous township has a full-time vice-chair at least ("设"/"应当": shall).
    _township("township.chair.full_time", 1, zj(11, 1)),
    _township("township.vice_chairs.min_full_time", 1, zj(11, 1), when=DEVELOPED),
    _township("township.vice_chairs.min_full_time", 1, zj(11, 1), when=POPULOUS),
    # ZJ 15: 在本届人民代表大会代表选举完成后的两个月内 — as OL 20 ¶1.
    _township("session.first_within_months", 2, zj(15), starts="elections_completed"),
    # ZJ 16 ¶1: 一般每年年初和年中各举行一次 — "normally": advice, never a minimum.
    _township("session.min_per_year", 2, zj(16, 1), binding=Binding.NORMALLY),
    # ZJ 16 ¶1: 经五分之一以上代表提议，可以临时召集 — as OL 14 ¶3.
    _township("session.extraordinary_proposal", Fraction(1, 5), zj(16, 1)),
    # ZJ 16 ¶2: 会期不少于一天 … 临时举行的…会议会期，可以少于一天。
    _township("session.min_days", 1, zj(16, 2), session_kinds=REGULAR),
    # ZJ 20: 举行会议七日前…通知代表，并至少提前一天将会议资料送达代表。临时举行的…不受上述时间规定限制。
    _township("session.notice_days", 7, zj(20), session_kinds=REGULAR),
    _township("session.materials_days", 1, zj(20), session_kinds=REGULAR),
    # ZJ 22 ¶1: 进行选举和表决，以全体代表的过半数通过 — as OL 25.
    _township("vote.majority_of_all", Fraction(1, 2), zj(22, 1)),
    # ZJ 24 ¶1: 闭会期间，至少每三个月举行一次会议 — counted from the close of the session.
    _township("presidium.max_months_between_meetings", 3, zj(24, 1), starts="session_closed"),
    # ZJ 24 ¶2, ¶3: 全体成员的过半数出席 / 通过.
    _township("presidium.meeting_quorum", Fraction(1, 2), zj(24, 2)),
    _township("presidium.decision_majority", Fraction(1, 2), zj(24, 3)),
    # ZJ 26 ¶1: 主席团应当每年选择若干…问题，有计划地安排代表听取和讨论本级人民政府的专项工作报告 — between
    # sessions (ZJ 10 ¶1 (1)); 若干: one at least. ZJ 27: 在…专项工作报告前，组织代表…进行视察或者专题调查研究.
    _township("supervision.special_reports_per_year", 1, zj(26, 1)),
    _township("supervision.visit_before_special_report", 1, zj(27)),
    # ZJ 30: 主席团应当组织代表对…实事工程…进行调查研究，并提请…决定；…跟踪监督和绩效评估。
    _township("livelihood.review_by_presidium", 1, zj(30, 1)),
    _township("livelihood.performance_evaluation", 1, zj(30, 2)),
    # ZJ 32 ¶2: 将本级人民代表大会批准的财政预算报告在批准后二十日内向社会公开 — from the approving vote.
    _township("budget.publication_days", 20, zj(32, 2), starts="budget_approved"),
    # ZJ 33 ¶2 "应当编制预算调整方案，以书面形式报主席团。主席团组织听取代表对预算调整方案的意见，并将预算调整方案提请
    # 乡镇人民代表大会会议审查和批准": in writing to the presidium, the deputies heard, then the congress.
    # ZJ 33 ¶1 "主席团应当制定财政预算执行监督和决算监督制度": before a session hears those reports.
    _township("budget.supervision_system", 1, zj(33, 1)),
    _township("budget.adjustment_through_presidium", 1, zj(33, 2)),
    # ZJ 18 ¶1 "乡镇人民代表大会应当制定大会议事规则": a session closes under rules of procedure adopted by then.
    _township("session.rules_of_procedure", 1, zj(18, 1)),
    # ZJ 32 ¶1 "主席团应当……制定财政预算审查批准工作制度": a budget is approved under that procedure, adopted by then.
    _township("budget.review_procedure", 1, zj(32, 1)),
    # ZJ 21 ¶2: 乡镇人民代表大会举行会议时，应当邀请本行政区域内上级人民代表大会代表列席 — every session, where
    # upper-level deputies elected in the area are on record (Congresses.record_upper_deputies).
    _township("session.invite_upper_deputies", 1, zj(21, 2)),
    # ZJ 38: 主席团成员不得担任国家行政机关的职务.
    _township("presidium.members_no_admin_post", 1, zj(38)),
    # ZJ 13 "乡镇每届人民代表大会第一次会议通过代表资格审查委员会": the term's first session sets one up.
    _township("credentials.committee_required", 1, zj(13)),
    # ZJ 9 (3): the presidium proposes the list of the committee's members (代表资格审查委员会成员…建议名单).
    _township("credentials.nominated_by_presidium", 1, Citation(law="ZJ", article=9, paragraph=1, item=3)),
)

#: ZJ 42 "本条例自2016年10月1日起施行": no setting binds a day before.
IN_FORCE_FROM = datetime.date(2016, 10, 1)
SETTINGS = tuple(attrs.evolve(setting, in_force_from=IN_FORCE_FROM) for setting in SETTINGS)

# ZJ 17: the main items of the early-year (¶1) and the mid-year (¶2) session. A budget adjustment
# (¶2) arises only in some years and the "major matters" (¶1) have no agenda kind, so neither is expected.
K = AgendaItemKind
EARLY_YEAR = (K.GOVERNMENT_REPORT, K.BUDGET, K.PRESIDIUM_REPORT)
MID_YEAR = (K.GOVERNMENT_REPORT, K.BUDGET_EXECUTION, K.FINAL_ACCOUNTS)  # the half-year report is a government report
PARTS = {1: ("年初", "early-year"), 2: ("年中", "mid-year")}


def main_items(facts: AgendaFacts, rules: RuleSet) -> Decision:
    """ZJ 17 (normally): each session's main items; one missing from its session is a notice.

    The early-year session hears the government report, the budget and the presidium report; the
    mid-year session the half-year government report, budget execution and final accounts.

    Township congresses only (ZJ 2). The year's first regular session held is its early-year session
    and a later one its mid-year session (the text names no month). Binding force: "normally" — the
    two sessions are themselves only what ZJ 16 ¶1 says is normally held, and each paragraph adds
    "其他法定职权范围内的事项", so an item heard at the other session breaks nothing; a main item
    missing from its session is a notice, never a violation.
    """
    if facts.level is not Level.TOWNSHIP:
        return Decision(reasons=())
    regular = sorted(
        (s for s in facts.sessions
         if s.kind is SessionKind.REGULAR and s.opened_on is not None and s.status is not SessionStatus.PLANNED),
        key=lambda s: s.opened_on or datetime.date.min,  # each has opened (filtered above); mypy cannot see it
    )  # fmt: skip
    reasons = []
    for index, session in enumerate(regular):
        paragraph = 1 if index == 0 else 2
        expected = EARLY_YEAR if paragraph == 1 else MID_YEAR
        heard = {item.kind for item in session.agenda}
        part_zh, part_en = PARTS[paragraph]
        for kind in expected:
            reasons.append(Reason(
                ok=kind in heard, code="zj.main_item", citation=zj(17, paragraph), binding=Binding.NORMALLY,
                values={"session": session.id, "item": kind.value, "part_zh": part_zh, "part_en": part_en},
            ))  # fmt: skip
    return Decision(reasons=tuple(reasons))


@hookimpl
def npcproc_register_laws(register: Callable[[LawText], None]) -> None:
    """The texts this plugin cites, shipped in its own ``laws.json`` (built by tools/build_law_data.py)."""
    for law in read_law_texts(__name__):
        register(law)


@hookimpl
def npcproc_province() -> Province:
    return ZHEJIANG


@hookimpl
def npcproc_register_settings(register: Callable[[Setting], None]) -> None:
    for setting in SETTINGS:
        register(setting)


@hookimpl
def npcproc_register_checks(register: Callable[[str, Check], None]) -> None:
    register("annual_agenda", in_force_from(IN_FORCE_FROM)(main_items))  # ZJ 42: no year wholly before 2016-10-01


#: The message codes this plugin's checks explain themselves with.
MESSAGES = (
    Messages(
        code="zj.main_item",
        zh_ok="{part_zh}会议{session}听取或者审查了{item}",
        zh_fail="{part_zh}会议{session}的议程没有{item}，该事项一般是{part_zh}会议的主要议程",
        en_ok="the {part_en} session {session} heard {item}",
        en_fail="the {part_en} session {session} did not hear {item}, one of the main items of a {part_en} session",
    ),
)


@hookimpl
def npcproc_register_messages(register: Callable[[Messages], None]) -> None:
    for messages in MESSAGES:
        register(messages)
