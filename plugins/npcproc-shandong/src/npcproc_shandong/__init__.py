"""山东省乡镇人民代表大会工作若干规定 (SD) as npcproc settings.

The regulation binds township congresses only (its title and SD 2-3), so every setting
declares ``levels={Level.TOWNSHIP}``: a county congress in Shandong is judged by national law.
The README's table maps every article to how it is modelled or why it cannot be.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from fractions import Fraction

import attrs

from npcproc import hookimpl
from npcproc.i18n import Messages
from npcproc.model.levels import Level
from npcproc.model.session import AgendaItemKind, SessionStatus
from npcproc.provinces import Province
from npcproc.rules import Citation, Decision, Reason, RuleSet, Setting
from npcproc.rules.decision import Binding
from npcproc.rules.laws import LawText, read_law_texts
from npcproc.rules.parameters import Condition
from npcproc.rules.topics import AgendaFacts, Check, in_force_from

SHANDONG = Province(code="370000", name_zh="山东省", name_en="Shandong", key="SD")

#: SD binds township congresses only (乡镇人民代表大会工作若干规定).
TOWNSHIP = frozenset({Level.TOWNSHIP})

#: SD 8 ¶2, second sentence: 代表人数在九十人以上的乡镇 (以上 includes 90), counted as deputies in office.
NINETY_DEPUTIES = Condition(fact="deputies", at_least=90, zh="代表人数在九十人以上的乡镇", en="90 deputies or more")


def sd(article: int, paragraph: int | None = None) -> Citation:
    return Citation(law="SD", article=article, paragraph=paragraph)


SETTINGS: tuple[Setting, ...] = (
    # SD 4 ¶1 "每年至少举行一次": the same "shall" as OL 14 ¶1's first sentence. SD says nothing of OL 14 ¶1's
    # "一般每年举行两次", which (a "normally", registered by the core) still advises a Shandong township.
    Setting(parameter="session.min_per_year", value=1, citation=sd(4, 1), levels=TOWNSHIP),
    # SD 4 ¶2-¶3, SD 6: the national numbers (OL 14 ¶3, OL 14 ¶4, OL 20 ¶1), cited from SD for townships.
    Setting(parameter="session.extraordinary_proposal", value=Fraction(1, 5), citation=sd(4, 2), levels=TOWNSHIP),
    Setting(parameter="session.quorum", value=Fraction(2, 3), citation=sd(4, 3), levels=TOWNSHIP),
    Setting(parameter="session.first_within_months", value=2, citation=sd(6), levels=TOWNSHIP),
    # SD 5 ¶1 "设主席一人、副主席一人至二人": a vice-chair at least, where OL 18 ¶1 only permits one or two (shall).
    Setting(parameter="township.vice_chairs.min", value=1, citation=sd(5, 1), levels=TOWNSHIP),
    # SD 8 ¶2 "主席团一般由七人至十一人组成": 7 to 11 is advice ("一般"); a departure is a notice.
    Setting(parameter="presidium.min_size", value=7, citation=sd(8, 2), levels=TOWNSHIP, binding=Binding.NORMALLY),
    Setting(parameter="presidium.max_size", value=11, citation=sd(8, 2), levels=TOWNSHIP, binding=Binding.NORMALLY),
    # "代表人数在九十人以上的乡镇，主席团成员不超过十三人": a "shall" cap, only with 90 deputies or more; for such a
    # congress the text itself contemplates 12 or 13 members, so the advice "至十一人" gives way to 13 as well.
    # Below 90 deputies SD 8 sets no hard cap.
    Setting(parameter="presidium.max_size", value=13, citation=sd(8, 2), levels=TOWNSHIP, when=NINETY_DEPUTIES),
    Setting(
        parameter="presidium.max_size",
        value=13,
        citation=sd(8, 2),
        levels=TOWNSHIP,
        when=NINETY_DEPUTIES,
        binding=Binding.NORMALLY,
    ),
    # SD 8 ¶4 "主席团的决定，以主席团成员的过半数通过".
    Setting(parameter="presidium.decision_majority", value=Fraction(1, 2), citation=sd(8, 4), levels=TOWNSHIP),
    # SD 28 ¶2 "主席团会议由乡镇人民代表大会主席召集，主席缺位时，由副主席召集".
    Setting(parameter="presidium.convened_by_chair", value=1, citation=sd(28, 2), levels=TOWNSHIP),
    # SD 14 ¶1 "代表五人以上联名" (OL 22 ¶2), SD 22 "五分之一以上代表联名" (OL 31 ¶2), SD 23 ¶1 "代表十人以上联名"
    # (OL 24 ¶1): the national numbers, cited from SD for townships.
    Setting(parameter="bill.sponsors.township", value=5, citation=sd(14, 1), levels=TOWNSHIP),
    Setting(parameter="recall.sponsors.township", value=Fraction(1, 5), citation=sd(22), levels=TOWNSHIP),
    Setting(parameter="inquiry.sponsors.township", value=10, citation=sd(23, 1), levels=TOWNSHIP),
    # SD 7 "每次会议举行预备会议，……通过会议议程、议案审查委员会和财政预算审查委员会人员名单": both lists at each
    # session. SD 18 ¶2: the budget committee reports "并由主席团将……决议草案提请大会全体会议表决" (the vote after it).
    Setting(parameter="session_committee.lists_required", value=1, citation=sd(7), levels=TOWNSHIP),
    Setting(parameter="session_committee.budget_report_before_vote", value=1, citation=sd(18, 2), levels=TOWNSHIP),
    # SD 11 "由各代表团（组）推选的一至二名召集人主持": one or two conveners per group, who preside over its
    # meetings; "代表团（组）会议对议案或者有关报告进行审议的时候，乡镇人民政府应当派人到会".
    Setting(parameter="session_group.conveners.min", value=1, citation=sd(11), levels=TOWNSHIP),
    Setting(parameter="session_group.conveners.max", value=2, citation=sd(11), levels=TOWNSHIP),
    Setting(parameter="session_group.presided_by_convener", value=1, citation=sd(11), levels=TOWNSHIP),
    Setting(parameter="session_group.government_attends", value=1, citation=sd(11), levels=TOWNSHIP),
    # SD 12 "也可以就重大的专门性问题，召集代表团（组）推选的代表进行讨论，乡镇人民政府应当派人参加会议".
    Setting(parameter="session_group.special_meeting_government", value=1, citation=sd(12), levels=TOWNSHIP),
    # SD 13 "乡长、副乡长，镇长、副镇长列席乡镇人民代表大会会议": those who are not deputies (a deputy attends as one).
    Setting(parameter="session.heads_attend", value=1, citation=sd(13), levels=TOWNSHIP),
    # SD 13 "经主席团决定，其他有关单位、部门和团体的负责人，可以列席乡镇人民代表大会会议".
    Setting(parameter="session.attendees_admitted", value=1, citation=sd(13), levels=TOWNSHIP),
    # SD 14 ¶2 "提交本次代表大会的议案须在大会规定的截止日期前提出，也可以在乡镇人民代表大会会议举行前提出": the
    # deadline the presidium fixes (SD 9 (3) "代表提出议案的截止日期") binds deputies' bills, which may also come
    # in before the session is held.
    Setting(parameter="bill.before_session", value=1, citation=sd(14, 2), levels=TOWNSHIP),
    Setting(parameter="bill.by_deadline", value=1, citation=sd(14, 2), levels=TOWNSHIP),
    # SD 29 "主席团在决定召集本级人民代表大会会议前，应做下列筹备工作": the drafts of (2) and (3) before every session.
    Setting(parameter="session.preparations", value=1, citation=sd(29), levels=TOWNSHIP),
    # SD 26 ¶3 "表决结果由会议执行主席当场宣布": each plenary vote's result, announced as it closes by an executive
    # chair, whom the presidium chooses from its members (SD 9).
    Setting(parameter="vote.result_announced", value=1, citation=sd(26, 3), levels=TOWNSHIP),
    # SD 15 "在大会闭会之日起两个月内，遇有特殊情况至迟不超过四个月，予以答复": two months, and four at most where
    # special circumstances require more (npcproc's "complex" suggestion), both from the close of the session.
    Setting(parameter="suggestion.reply_months", value=2, citation=sd(15), levels=TOWNSHIP, starts="session_closed"),
    Setting(
        parameter="suggestion.reply_months_complex", value=4, citation=sd(15), levels=TOWNSHIP, starts="session_closed"
    ),
)

#: SD 33 "本规定自公布之日起施行": adopted on 14 June 1995 and taken as published that day; no setting binds a
#: day before. The text is the one amended in 2015; the amendments' own dates are not modelled.
IN_FORCE_FROM = datetime.date(1995, 6, 14)
SETTINGS = tuple(attrs.evolve(setting, in_force_from=IN_FORCE_FROM) for setting in SETTINGS)


def government_report_resolution(facts: AgendaFacts, rules: RuleSet) -> Decision:
    """SD 16 ¶1 "听取和审查乡镇人民政府的工作报告，并作出相应的决议": a session that heard the government's work
    report (an agenda item of kind ``government_report``) votes on a resolution on it (a vote whose subject is that
    item) before it closes.

    Township congresses only (SD 2). Judged for each session of the year that has closed (one still sitting at the
    check may yet vote). What is checked is that the resolution was put to the vote: whether the deputies passed
    it is theirs to decide, and the text binds the congress to resolve, not to approve. Binding force: shall.
    SD 16 ¶2's special work reports "可以作出相应的决议" are a power and are not checked.
    """
    if facts.level is not Level.TOWNSHIP:
        return Decision(reasons=())
    reasons = []
    for session in facts.sessions:
        if session.status is not SessionStatus.CLOSED:
            continue
        voted = {vote.subject for vote in session.votes.values()}
        for item in session.agenda:
            if item.kind is AgendaItemKind.GOVERNMENT_REPORT:
                reasons.append(Reason(ok=item.id in voted, code="sd.government_report_resolution", citation=sd(16, 1),
                                      values={"session": session.id, "item": item.id}))  # fmt: skip
    return Decision(reasons=tuple(reasons))


@hookimpl
def npcproc_register_checks(register: Callable[[str, Check], None]) -> None:
    register("annual_agenda", in_force_from(IN_FORCE_FROM)(government_report_resolution))  # SD 33: from 1995-06-14


#: The message codes this plugin's checks explain themselves with.
MESSAGES = (
    Messages(
        code="sd.government_report_resolution",
        zh_ok="会议{session}听取和审查了乡镇人民政府的工作报告（{item}），并就其进行了表决",
        zh_fail="会议{session}听取和审查了乡镇人民政府的工作报告（{item}），应当作出相应的决议，记录中没有对其的表决",
        en_ok="session {session} heard the township government's work report ({item}) and voted on a resolution on it",
        en_fail="session {session} heard the township government's work report ({item}) and must make a resolution "
        "on it, but no vote on it is recorded",
    ),
)


@hookimpl
def npcproc_register_messages(register: Callable[[Messages], None]) -> None:
    for messages in MESSAGES:
        register(messages)


@hookimpl
def npcproc_register_laws(register: Callable[[LawText], None]) -> None:
    """The texts this plugin cites, shipped in its own ``laws.json`` (built by tools/build_law_data.py)."""
    for law in read_law_texts(__name__):
        register(law)


@hookimpl
def npcproc_province() -> Province:
    return SHANDONG


@hookimpl
def npcproc_register_settings(register: Callable[[Setting], None]) -> None:
    for setting in SETTINGS:
        register(setting)
