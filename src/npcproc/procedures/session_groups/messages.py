"""Chinese and English messages for a session's deliberation groups 代表团（组） (DL 14; SD 10-12)."""

from __future__ import annotations

from npcproc.i18n import define, define_fact

__all__: list[str] = []

define_fact(
    "session_group.sitting",
    "会议{session_id}在{on}没有举行，代表团（组）及其会议只在会议举行期间",
    "session {session_id} is not sitting on {on}: groups and their meetings belong to the sitting session",
)
define_fact("session_group.exists", "代表团（组）{group_id}已有记录", "group {group_id} is already recorded")
define_fact("session_group.unknown", "没有代表团（组）{group_id}的记录", "no group {group_id} on record")
define_fact("session_group.empty", "代表团（组）{group_id}没有代表", "group {group_id} has no deputy")
define_fact(
    "session_group.convener_twice",
    "代表团（组）{group_id}的召集人有重复：{people}",
    "a convener of group {group_id} is named twice: {people}",
)
define(
    "session_group.conveners_min",
    zh_ok="代表团（组）{group_id}推选召集人{held}名，不少于{required}名",
    zh_fail="代表团（组）{group_id}推选召集人{held}名，少于{required}名",
    en_ok="group {group_id} chose {held} conveners, at least {required}",
    en_fail="group {group_id} chose {held} conveners, fewer than {required}",
)
define(
    "session_group.conveners_max",
    zh_ok="代表团（组）{group_id}推选召集人{held}名，不多于{required}名",
    zh_fail="代表团（组）{group_id}推选召集人{held}名，多于{required}名",
    en_ok="group {group_id} chose {held} conveners, at most {required}",
    en_fail="group {group_id} chose {held} conveners, more than {required}",
)
define_fact("session_group.meeting_exists", "会议{meeting_id}已有记录", "meeting {meeting_id} is already recorded")
define_fact(
    "session_group.meeting_date",
    "会议日期{on}早于代表团（组）组成之日{formed}",
    "the meeting on {on} precedes the group's forming on {formed}",
)
define_fact(
    "session_group.not_member",
    "{person}不是代表团（组）{group_id}的代表",
    "{person} is not a deputy of group {group_id}",
)
define_fact(
    "session_group.item",
    "{item}不是会议{session_id}议程上的事项或者议案",
    "{item} is neither an agenda item nor a bill of session {session_id}",
)
define(
    "session_group.presided_by",
    zh_ok="会议{meeting_id}由召集人{person}主持",
    zh_fail="代表团（组）会议由推选的召集人主持，会议{meeting_id}的主持人{person}不是召集人",
    en_ok="meeting {meeting_id} was presided over by the convener {person}",
    en_fail="a group meeting is presided over by a convener the group chose; {person}, who presided over "
    "{meeting_id}, is not one",
)
define(
    "session_group.government",
    zh_ok="会议{meeting_id}审议{items}时乡镇人民政府派人到会",
    zh_fail="会议{meeting_id}审议{items}时，乡镇人民政府应当派人到会，记录中没有",
    en_ok="the township government sent someone to meeting {meeting_id}, which deliberated {items}",
    en_fail="meeting {meeting_id} deliberated {items}: the township government must send someone, and none is recorded",
)
define_fact("session_group.no_attendees", "会议{meeting_id}没有参加人员", "meeting {meeting_id} has no attendee")
define_fact(
    "session_group.not_conveners",
    "{person}不是会议{session_id}各代表团（组）的召集人，不能参加召集人会议",
    "{person} is not a convener of a group of session {session_id}: not at the conveners' meeting",
)
define_fact(
    "session_group.not_special",
    "{person}不是会议{session_id}代表团（组）的代表，不能作为其推选的代表参加讨论",
    "{person} is not a deputy of a group of session {session_id}: not among the deputies the groups chose",
)
define_fact(
    "session_group.report_date",
    "会议{meeting_id}（{on}）不能在{reported}向主席团报告",
    "meeting {meeting_id} ({on}) cannot have been reported to the presidium on {reported}",
)
define(
    "session_group.special_government",
    zh_ok="就重大的专门性问题召开的会议{meeting_id}，乡镇人民政府派人参加",
    zh_fail="就重大的专门性问题召开的会议{meeting_id}，乡镇人民政府应当派人参加，记录中没有",
    en_ok="the township government sent someone to meeting {meeting_id} on a special question",
    en_fail="meeting {meeting_id} on a special question: the township government must send someone, and none is "
    "recorded",
)
define_fact(
    "session_group.not_judged",
    "会议{session_id}的代表团（组）没有需要判断的规定",
    "no rule on the groups of session {session_id} applies",
)
