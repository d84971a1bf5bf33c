"""重庆市乡镇人民代表大会工作条例 (CQ) as npcproc settings and checks.

The regulation binds township congresses (乡、民族乡、镇人民代表大会) only: every setting
declares ``levels={Level.TOWNSHIP}`` and the plugin's checks ignore other congresses. The
README maps every article to how it is modelled, or to what the core lacks.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import attrs

from npcproc import hookimpl
from npcproc.i18n import Messages
from npcproc.model.election import Office
from npcproc.model.levels import Level
from npcproc.model.session import AgendaItemKind
from npcproc.provinces import Province
from npcproc.rules import Citation, Decision, Reason, RuleSet, Setting
from npcproc.rules.decision import Binding
from npcproc.rules.laws import LawText, read_law_texts
from npcproc.rules.parameters import Condition
from npcproc.rules.topics import AgendaFacts, Check, in_force_from

CHONGQING = Province(code="500000", name_zh="重庆市", name_en="Chongqing", key="CQ")
TOWNSHIP = frozenset({Level.TOWNSHIP})


def cq(article: int, paragraph: int | None = None, item: int | None = None) -> Citation:
    return Citation(law="CQ", article=article, paragraph=paragraph, item=item)


#: CQ 30 ¶1 "九万人以上的": 以上 includes the number itself.
POPULOUS = Condition(fact="population", at_least=90_000, zh="九万人以上的", en="90,000 people or more")


def _township(parameter: str, value: int | Fraction, citation: Citation, **shape: Any) -> Setting:
    return Setting(parameter=parameter, value=value, citation=citation, levels=TOWNSHIP, **shape)


SETTINGS: tuple[Setting, ...] = (
    # CQ 8 ¶1 "会议一般每年举行两次": advice, a notice when not followed (as OL 14 ¶1).
    _township("session.min_per_year", 2, cq(8, 1), binding=Binding.NORMALLY),
    # CQ 8 ¶1 "每次会议不少于一天": every session, extraordinary ones too (no exemption in the text).
    _township("session.min_days", 1, cq(8, 1)),
    # CQ 8 ¶1 "会议文件应当提前送达与会代表": no number of days; at the least not after the opening day.
    _township("session.materials_days", 0, cq(8, 1)),
    # CQ 11 "会议举行的十日前……通知代表": every session; unlike ZJ 20, no exemption for extraordinary ones.
    _township("session.notice_days", 10, cq(11)),
    # CQ 14 ¶2 "未列入大会议程的应转为建议、批评和意见".
    _township("bill.unlisted_becomes_suggestion", 1, cq(14, 2)),
    # CQ 14 ¶4 "代表联名提出议案，应当在大会主席团作出召开…会议的决定之日起至代表议案截止时间之前提出": deputies'
    # bills are taken from the session's plan (the decision to convene), and none after the deadline for bills.
    # CQ 13 ¶1 "不是本级人民代表大会代表的乡长、副乡长，镇长、副镇长列席本级人民代表大会会议": every session.
    _township("session.heads_attend", 1, cq(13, 1)),
    # CQ 13 ¶1 "其他有关机关、团体、和企业事业单位的负责人，经主席团决定，可以列席": others by the presidium's decision.
    _township("session.attendees_admitted", 1, cq(13, 1)),
    _township("bill.before_session", 1, cq(14, 4)),
    _township("bill.by_deadline", 1, cq(14, 4)),
    # CQ 16 ¶1 "从交办之日起两个月内办结并书面答复代表".
    _township("suggestion.reply_months", 2, cq(16, 1)),
    # CQ 16 ¶1 "个别确实需要延长办理期限的，最迟不得超过四个月": the cap of any reply period,
    # stricter than DL 51 ¶2's six months for broad or hard suggestions.
    _township("suggestion.reply_months_complex", 4, cq(16, 1)),
    # CQ 16 ¶1 "对迫切需要办理又有条件办理的，有关机关和组织应当在会议期间办理或者提出办理方案答复代表".
    _township("suggestion.urgent_due_at_session_close", 1, cq(16, 1)),
    # CQ 16 ¶2 "代表建议、批评和意见及其办理情况，应当予以公开": the handling report made public (as DL 51 ¶3 says
    # for every congress); no period, so by the end of the year the report was made.
    _township("suggestion.handling_report_published", 1, cq(16, 2)),
    # CQ 21 ¶2 "民族乡的乡长由建立民族乡的少数民族公民担任" (as OL 70 ¶3), cited from CQ for townships.
    _township("township_head.ethnic_minority", 1, cq(21, 2)),
    # CQ 47 "执行机关应立即书面报告……在……闭会期间，书面报告……主席团，由主席团报告下一次人民代表大会会议".
    _township("restraint.presidium_reports_to_next_session", 1, cq(47)),
    # CQ 20 ¶1 "负责审查……换届时选出的下一届代表的代表资格……经主席团确认": the outgoing committee, before the
    # new term's first session (its term ends then, OL 37).
    _township("credentials.reviews_next_term", 1, cq(20, 1)),
    # CQ 18 ¶4 "质询案情况复杂的……在大会闭会后两个月内……作出答复".
    _township("inquiry.complex_answer_months", 2, cq(18, 4)),
    # CQ 30 ¶1 "由代表七人至十一人组成，九万人以上的，最多不超过十三人".
    _township("presidium.min_size", 7, cq(30, 1)),
    _township("presidium.max_size", 11, cq(30, 1)),
    _township("presidium.max_size", 13, cq(30, 1), when=POPULOUS),
    # CQ 30 ¶3 "主席团成员不得担任国家行政机关职务".
    _township("presidium.members_no_admin_post", 1, cq(30, 3)),
    # CQ 32 ¶1 (10) "可以接受……辞职": a permission, encoded as the yes/no parameter the core reads.
    _township("resignation.presidium_may_accept", 1, cq(32, 1, 10)),
    # CQ 34 ¶1 "每个季度至少召开一次会议" and the two majorities of all members.
    _township("presidium.min_meetings_per_quarter", 1, cq(34, 1)),
    _township("presidium.meeting_quorum", Fraction(1, 2), cq(34, 1)),
    _township("presidium.decision_majority", Fraction(1, 2), cq(34, 1)),
    # CQ 20 ¶1 "乡、民族乡、镇人民代表大会设立代表资格审查委员会": the term's first session sets one up (OL 37).
    _township("credentials.committee_required", 1, cq(20, 1)),
    # CQ 20 ¶2 "设主任委员、副主任委员各一人，委员三至五人。主任委员、副主任委员由主席团在主席团成员中提名，
    # 委员由主席团在本届人民代表大会代表中提名".
    _township("credentials.nominated_by_presidium", 1, cq(20, 2)),
    _township("credentials.members_from_deputies", 1, cq(20, 2)),
    _township("credentials.chairs_from_presidium", 1, cq(20, 2)),
    _township("credentials.chair", 1, cq(20, 2)),
    _township("credentials.vice_chairs.min", 1, cq(20, 2)),
    _township("credentials.vice_chairs.max", 1, cq(20, 2)),
    _township("credentials.members.min", 3, cq(20, 2)),
    _township("credentials.members.max", 5, cq(20, 2)),
    # CQ 43 "代表小组由本小组代表推选组长、副组长负责组织开展活动。代表小组每个季度至少开展一次活动"
    # (三人以上 repeats OL 43 ¶3).
    _township("deputy_group.leader", 1, cq(43)),
    _township("deputy_group.min_activities_per_quarter", 1, cq(43)),
)

#: CQ 52 "本条例自1998年7月1日起施行": no setting binds a day before. The text is the one amended in 2016;
#: the amendments' own dates are not modelled.
IN_FORCE_FROM = datetime.date(1998, 7, 1)
SETTINGS = tuple(attrs.evolve(setting, in_force_from=IN_FORCE_FROM) for setting in SETTINGS)


def election_length(facts: AgendaFacts, rules: RuleSet) -> Decision:
    """CQ 8 ¶1 "每次会议不少于一天，有选举事项时，会期适当增加": a township session whose agenda holds an
    election should last longer than the one-day minimum. "适当" leaves the length to the presidium,
    so a session of one day or less with an election is a notice, never a violation."""
    if facts.level is not Level.TOWNSHIP:
        return Decision(reasons=())
    reasons = [
        Reason(
            ok=session.days > 1, code="cq.election_length", citation=cq(8, 1), binding=Binding.NORMALLY,
            values={"session": session.id, "days": _days(session.days)},
        )
        for session in facts.sessions
        if any(item.kind is AgendaItemKind.ELECTION for item in session.agenda)
    ]  # fmt: skip
    return Decision(reasons=tuple(reasons))


def special_work_report(facts: AgendaFacts, rules: RuleSet) -> Decision:
    """CQ 8 ¶1 "其中的一次会议应当安排听取和审议专项工作报告等议题": one of a township's sessions of the year
    puts a special work report (``AgendaItemKind.SPECIAL_WORK_REPORT``) on its agenda; shall. Any session
    that opened in the year counts, an extraordinary one too. A year without any session heard none, so
    it fails here as well as under OL 14 ¶1: the duty is the year's, and nothing discharged it."""
    if facts.level is not Level.TOWNSHIP:
        return Decision(reasons=())
    hearing = [
        s.id
        for s in facts.sessions
        if s.opened_on is not None and s.opened_on.year == facts.year
        and any(item.kind is AgendaItemKind.SPECIAL_WORK_REPORT for item in s.agenda)
    ]  # fmt: skip
    values: dict[str, int | str] = {"year": facts.year, "session": hearing[0] if hearing else "-"}
    return Decision.of(Reason(ok=bool(hearing), code="cq.special_work_report", citation=cq(8, 1), values=values))


#: CQ 21 ¶1's offices with the labels its messages use. The vice-chair is elected where the congress has one:
#: CQ 6 (as OL 18 ¶1) "可以设副主席一至二人" makes the post a permission, so it is required only where a rule
#: in force requires a vice-chair (``township.vice_chairs.min``); OL 70 ¶3 "乡、民族乡的人民政府设乡长、副乡长……
#: 镇人民政府设镇长、副镇长" makes the head and a deputy head posts every township government has.
FIRST_SESSION_OFFICES: dict[Office, tuple[str, str]] = {
    Office.TOWNSHIP_CHAIR: ("主席", "the chair"),
    Office.TOWNSHIP_VICE_CHAIR: ("副主席", "a vice-chair"),
    Office.TOWNSHIP_HEAD: ("乡长、镇长", "the township head"),
    Office.DEPUTY_TOWNSHIP_HEAD: ("副乡长、副镇长", "a deputy township head"),
}


def first_session_elections(facts: AgendaFacts, rules: RuleSet) -> Decision:
    """CQ 21 ¶1: a township term's first session elects the chair, the vice-chairs and the township heads.

    "每届乡、民族乡、镇人民代表大会第一次会议，选举产生本级人民代表大会主席、副主席，乡长、副乡长，镇长、副镇长":
    the plain statutory indicative, so shall. For each session of the year that is its term's first
    (``facts.first_of_term``), each office must be among those its elections filled (``facts.elected``:
    someone was elected); an election that elected no one, or one held at a later session, does not
    discharge the duty. The vice-chair only where a vice-chair is required (see FIRST_SESSION_OFFICES)."""
    if facts.level is not Level.TOWNSHIP:
        return Decision(reasons=())
    vice_chairs = rules.optional("township.vice_chairs.min")
    vice_required = vice_chairs is not None and vice_chairs.value > 0
    offices = [o for o in FIRST_SESSION_OFFICES if vice_required or o is not Office.TOWNSHIP_VICE_CHAIR]
    reasons = [
        Reason(
            ok=office in facts.elected.get(session.id, frozenset()), code="cq.first_session_elects",
            citation=cq(21, 1), values={"session": session.id, "office": office.value,
                                        "office_zh": FIRST_SESSION_OFFICES[office][0],
                                        "office_en": FIRST_SESSION_OFFICES[office][1]},
        )
        for session in facts.sessions if session.id in facts.first_of_term
        for office in offices
    ]  # fmt: skip
    return Decision(reasons=tuple(reasons))


def handling_report_distributed(facts: AgendaFacts, rules: RuleSet) -> Decision:
    """CQ 16 ¶2: the report on handling the previous year's suggestions reaches the year's first session.

    "代表建议、批评和意见的办理情况，有关机关和组织应当向本级人民代表大会主席团书面报告，并印发下一年第一次
    人民代表大会会议": shall. When deputies made suggestions in the previous calendar year
    (``facts.suggestions_before``), the first session that opened in the year, of any kind, has the
    handling report among its documents. npcproc records a session's documents as its agenda, so the
    report is an agenda item of kind ``suggestion_handling_report``; one heard at a later session of
    the year is late. A year without any session has no first session to distribute to (OL 14 ¶1
    judges the missing session), so it is not judged here. Township only."""
    if facts.level is not Level.TOWNSHIP or not facts.suggestions_before:
        return Decision(reasons=())
    opened = sorted((s for s in facts.sessions if s.opened_on is not None), key=lambda s: (s.opened_on, s.id))
    if not opened:
        return Decision(reasons=())
    first = opened[0]
    ok = any(item.kind is AgendaItemKind.SUGGESTION_HANDLING_REPORT for item in first.agenda)
    values: dict[str, int | str] = {
        "session": first.id,
        "year": facts.year,
        "suggestions": len(facts.suggestions_before),
    }
    return Decision.of(Reason(ok=ok, code="cq.handling_report_distributed", citation=cq(16, 2), values=values))


def _days(days: Fraction) -> int | Fraction:
    return days.numerator if days.denominator == 1 else days


@hookimpl
def npcproc_register_laws(register: Callable[[LawText], None]) -> None:
    """The texts this plugin cites, shipped in its own ``laws.json`` (built by tools/build_law_data.py)."""
    for law in read_law_texts(__name__):
        register(law)


@hookimpl
def npcproc_province() -> Province:
    return CHONGQING


@hookimpl
def npcproc_register_settings(register: Callable[[Setting], None]) -> None:
    for setting in SETTINGS:
        register(setting)


@hookimpl
def npcproc_register_checks(register: Callable[[str, Check], None]) -> None:
    dated = in_force_from(IN_FORCE_FROM)  # CQ 52: no year wholly before 1998-07-01 is judged
    for check in (election_length, special_work_report, first_session_elections, handling_report_distributed):
        register("annual_agenda", dated(check))


#: The message codes this plugin's checks explain themselves with.
MESSAGES = (
    Messages(
        code="cq.election_length",
        zh_ok="会议{session}有选举事项，会期{days}天，已适当增加",
        zh_fail="会议{session}有选举事项，会期仅{days}天，未适当增加",
        en_ok="session {session} holds an election and lasts {days} day(s), longer than the one-day minimum",
        en_fail="session {session} holds an election but lasts only {days} day(s): CQ 8 ¶1 lengthens such a session",
    ),
    Messages(
        code="cq.special_work_report",
        zh_ok="{year}年的会议{session}安排了听取和审议专项工作报告的议题",
        zh_fail="{year}年没有一次会议安排听取和审议专项工作报告的议题",
        en_ok="session {session} of {year} heard and deliberated a special work report",
        en_fail="no session of {year} put a special work report on its agenda",
    ),
    Messages(
        code="cq.first_session_elects",
        zh_ok="本届第一次会议{session}选举产生了{office_zh}",
        zh_fail="本届第一次会议{session}未选举产生{office_zh}",
        en_ok="the term's first session {session} elected {office_en}",
        en_fail="the term's first session {session} did not elect {office_en}",
    ),
    Messages(
        code="cq.handling_report_distributed",
        zh_ok="上一年{suggestions}件代表建议、批评和意见的办理情况报告已印发{year}年第一次会议{session}",
        zh_fail="上一年{suggestions}件代表建议、批评和意见的办理情况报告未印发{year}年第一次会议{session}",
        en_ok="the report on handling the previous year's {suggestions} suggestion(s) went to {year}'s first "
        "session {session}",
        en_fail="the report on handling the previous year's {suggestions} suggestion(s) did not go to {year}'s first "
        "session {session}",
    ),
)


@hookimpl
def npcproc_register_messages(register: Callable[[Messages], None]) -> None:
    for messages in MESSAGES:
        register(messages)
