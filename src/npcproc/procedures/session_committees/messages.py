"""Chinese and English messages for a session's committees (SD 7, SD 18 ¶2)."""

from __future__ import annotations

from npcproc.i18n import define, define_fact

__all__: list[str] = []

define_fact(
    "session_committee.preparatory",
    "会议{session_id}的委员会人员名单由预备会议通过：{on}预备会议尚未举行或者会议已经开幕",
    "the lists of session {session_id}'s committees are adopted by its preparatory meeting: on {on} it has not "
    "been held, or the session has already opened",
)
define_fact(
    "session_committee.exists",
    "会议{session_id}已经通过{name}委员会人员名单",
    "session {session_id} has already adopted its {committee} committee's list",
)
define_fact("session_committee.empty", "{name}委员会人员名单没有成员", "the {committee} committee's list names no one")
define_fact(
    "session_committee.no_committee",
    "会议{session_id}在{on}没有{name}委员会",
    "session {session_id} has no {committee} committee on {on}",
)
define_fact("session_committee.report_exists", "审查报告{report_id}已有记录", "report {report_id} is already recorded")
define_fact("session_committee.report_empty", "审查报告{report_id}没有审查事项", "report {report_id} reviews nothing")
define_fact(
    "session_committee.item",
    "{item}不是会议{session_id}议程上的事项或者议案",
    "{item} is neither an agenda item nor a bill of session {session_id}",
)
define(
    "session_committee.list",
    zh_ok="会议{session_id}的预备会议通过了{name}委员会人员名单",
    zh_fail="会议{session_id}的预备会议应当通过{name}委员会人员名单，记录中没有",
    en_ok="session {session_id}'s preparatory meeting adopted the {committee} committee's list",
    en_fail="session {session_id}'s preparatory meeting must adopt the {committee} committee's list, and none is "
    "recorded",
)
define(
    "session_committee.budget_report",
    zh_ok="表决{vote_id}（{item}，{on}）前财政预算审查委员会已向大会提出审查结果的报告",
    zh_fail="表决{vote_id}（{item}，{on}）前，财政预算审查委员会应当向大会提出审查结果的报告，记录中没有",
    en_ok="the budget committee reported on {item} before vote {vote_id} ({on})",
    en_fail="vote {vote_id} on {item} ({on}): the budget committee must first report its review to the session, "
    "and no report on the item is recorded by that day",
)
define_fact(
    "session_committee.not_judged",
    "会议{session_id}的委员会没有需要判断的规定",
    "no rule on the committees of session {session_id} applies",
)
