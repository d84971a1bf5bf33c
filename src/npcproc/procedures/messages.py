"""Chinese and English explanations for the procedures' refusals and checks."""

from __future__ import annotations

from npcproc.i18n import define


def _both(code: str, zh: str, en: str) -> None:
    """A check whose failing and passing messages are the same statement of fact."""
    define(code, zh_ok=zh, zh_fail=zh, en_ok=en, en_fail=en)


_both("congress.unknown", "没有代表大会{congress_id}的记录", "no record of congress {congress_id}")
_both("congress.exists", "代表大会{congress_id}已有记录", "congress {congress_id} is already recorded")
_both("term.unknown", "代表大会{congress_id}没有第{term}届的记录", "congress {congress_id} has no term {term}")
_both("deputy.unknown", "没有代表{deputy_id}的记录", "no deputy {deputy_id} on record")
_both("deputy.exists", "代表{deputy_id}已有记录", "deputy {deputy_id} is already recorded")
_both("deputy.status_order", "代表{deputy_id}的状态变更不能早于{last}，且终止后不能再变更",
      "deputy {deputy_id}: a change cannot precede {last} or follow the end of the mandate")  # fmt: skip
_both("deputy.not_in_office", "{deputy_id}在{on}不是在任代表", "{deputy_id} is not a deputy in office on {on}")
define(
    "deputy.mandate_ended",
    zh_ok="代表{deputy_id}未经批准{absences}次不出席会议，代表资格终止",
    zh_fail="代表{deputy_id}未经批准{absences}次不出席会议，代表资格终止",
    en_ok="deputy {deputy_id} missed {absences} sessions without leave: the mandate ends",
    en_fail="deputy {deputy_id} missed {absences} sessions without leave: the mandate ends",
)
_both("session.unknown", "没有会议{session_id}的记录", "no record of session {session_id}")
_both("session.exists", "会议{session_id}已有记录", "session {session_id} is already recorded")
_both("session.wrong_stage", "会议处于“{status}”阶段，不能{action}", "the session is {status}: cannot {action}")
_both("session.convener", "{level}人民代表大会会议由{expected}召集，不由{given}召集",
      "a {level} congress's session is convened by the {expected}, not the {given}")  # fmt: skip
define(
    "session.extraordinary_proposal",
    zh_ok="{proposers}名代表提议临时召集会议，达到五分之一以上（{required}名）",
    zh_fail="{proposers}名在任代表提议，不足全体代表{total}名的五分之一以上（{required}名），不能临时召集会议",
    en_ok="{proposers} deputies propose an extraordinary session, at least {required} required",
    en_fail="{proposers} deputies in office propose, fewer than 1/5 of {total} ({required}): no extraordinary session",
)
define(
    "session.first_of_term",
    zh_ok="第一次会议{opens_on}在代表选举完成（{elected_on}）后{months}个月内",
    zh_fail="第一次会议{opens_on}晚于代表选举完成（{elected_on}）后{months}个月（{deadline}）",
    en_ok="first session on {opens_on}, within {months} months of the elections ({elected_on})",
    en_fail="first session on {opens_on} is after {deadline}, {months} months from the elections ({elected_on})",
)
define(
    "session.notice",
    zh_ok="会议举行前{given}日通知代表，不少于{required}日",
    zh_fail="会议举行前{given}日通知代表，少于规定的{required}日",
    en_ok="notice {given} days ahead, at least {required} required",
    en_fail="notice only {given} days ahead, at least {required} required",
)
define(
    "session.materials",
    zh_ok="会议资料提前{given}日送达，不少于{required}日",
    zh_fail="会议资料提前{given}日送达，少于规定的{required}日",
    en_ok="materials {given} days ahead, at least {required} required",
    en_fail="materials only {given} days ahead, at least {required} required",
)
define(
    "session.length",
    zh_ok="会期{days}天，不少于{required}天",
    zh_fail="例会会期{days}天，少于规定的{required}天",
    en_ok="session of {days} day(s), at least {required} required",
    en_fail="regular session of {days} day(s), at least {required} required",
)
define(
    "presidium.size",
    zh_ok="主席团{size}人，在{low}至{high}人之间",
    zh_fail="主席团{size}人，不在规定的{low}至{high}人之间",
    en_ok="presidium of {size}, within {low} to {high}",
    en_fail="presidium of {size}, outside {low} to {high}",
)
_both("presidium.admin_post", "{deputy_id}担任国家行政机关职务，不得为主席团成员",
      "{deputy_id} holds an administrative post and may not sit on the presidium")  # fmt: skip
_both(
    "presidium.chair_member",
    "主席、副主席{deputy_id}应为主席团成员",
    "chair or vice-chair {deputy_id} must sit on the presidium",
)
_both(
    "attendance.not_in_office",
    "出席名单中的{deputy_id}不是在任代表",
    "{deputy_id} on the attendance list is not in office",
)
_both(
    "attendance.on_leave",
    "{deputy_id}已请假，不能同时登记出席",
    "{deputy_id} is on leave and cannot be recorded present",
)
_both("bill.exists", "议案{bill_id}已提出", "bill {bill_id} was already submitted")
_both("bill.unknown", "没有议案{bill_id}", "no bill {bill_id}")
define(
    "bill.sponsors",
    zh_ok="{sponsors}名代表联名提出议案，达到{required}人以上",
    zh_fail="{sponsors}名在任代表联名，不足{required}人，不能提出议案",
    en_ok="{sponsors} deputies sponsor the bill, at least {required} required",
    en_fail="{sponsors} deputies in office sponsor the bill, at least {required} required",
)
_both(
    "bill.sponsor_kind",
    "议案由机关或者代表联名提出，二者只能居其一",
    "a bill comes from a body or from deputies, not both",
)
_both(
    "bill.wrong_stage", "议案{bill_id}处于“{status}”状态，不能{action}", "bill {bill_id} is {status}: cannot {action}"
)
_both("vote.exists", "表决{vote_id}已有记录", "vote {vote_id} is already recorded")
_both("vote.unknown", "没有表决{vote_id}", "no vote {vote_id}")
_both("vote.subject", "表决事项{subject}不在议程上或未列入议程", "{subject} is not on the agenda or not listed")
_both("vote.closed", "表决{vote_id}已结束", "vote {vote_id} is closed")
_both(
    "vote.not_entitled",
    "{deputy_id}未在表决开始时登记为有表决权的出席代表",
    "{deputy_id} was not registered as entitled when the vote opened",
)
_both("vote.twice", "{deputy_id}已经表决", "{deputy_id} has already voted")
_both("vote.method", "表决方式为{method}，不能{action}", "the vote is by {method}: cannot {action}")
_both(
    "vote.count",
    "赞成、反对、弃权合计{marked}票，多于有表决权的{entitled}人",
    "{marked} votes exceed the {entitled} entitled",
)
define(
    "agenda.required_item",
    zh_ok="本年度议程包含{item}",
    zh_fail="本年度议程缺少法定事项：{item}",
    en_ok="the year's agendas include {item}",
    en_fail="the year's agendas lack a statutory item: {item}",
)
define(
    "agenda.sessions_per_year",
    zh_ok="本年度举行例会{held}次，不少于{required}次",
    zh_fail="本年度举行例会{held}次，少于{required}次",
    en_ok="{held} regular session(s) this year, at least {required} required",
    en_fail="only {held} regular session(s) this year, at least {required} required",
)
