"""Chinese and English explanations for sessions: convening, the presidium, bills, votes, attendance, the agenda,
the deadline for bills and the township heads who attend."""

from __future__ import annotations

from npcproc.i18n import define, define_fact

__all__: list[str] = []

# -- the deadline for deputies' bills (CQ 14 ¶4, SD 14 ¶2, SD 9 (3)) ---------------------------------------------

define(
    "bill.deadline",
    zh_ok="代表议案于{on}提出，在主席团规定的截止日期{deadline}前",
    zh_fail="代表议案于{on}提出，已过主席团规定的截止日期{deadline}",
    en_ok="the deputies' bill was submitted on {on}, by the deadline for bills ({deadline})",
    en_fail="the deputies' bill was submitted on {on}, after the deadline for bills ({deadline})",
)
define_fact(
    "bill.undated",
    "主席团规定了代表议案的截止日期{deadline}，代表议案{bill_id}没有提出日期，无法判断",
    "a deadline for deputies' bills ({deadline}) is fixed and bill {bill_id} gives no day it was submitted",
)

# -- the township head and deputy heads who attend (列席; CQ 13 ¶1, SD 13) ----------------------------------------

define(
    "session.head_attends",
    zh_ok="乡镇长、副乡镇长{head}不是本级人民代表大会代表，列席会议",
    zh_fail="乡镇长、副乡镇长{head}在开会之日在任，不是本级人民代表大会代表，没有列席会议",
    en_ok="{head}, a township head or deputy head who is not a deputy, attends the session",
    en_fail="{head}, a township head or deputy head in office on the opening day who is not a deputy, does not attend",
)

define(
    "session.attendee_admitted",
    zh_ok="{name}经主席团决定列席会议",
    zh_fail="{name}不是在任的乡镇长、副乡镇长，主席团没有决定其列席会议",
    en_ok="{name} attends by the presidium's decision",
    en_fail="{name} is not a township head or deputy head in office, and the presidium did not decide that they attend",
)

# -- the result of a vote announced on the spot by the executive chair (SD 26 ¶3) -----------------------------------

define(
    "vote.announced",
    zh_ok="表决结果由执行主席{announced_by}当场宣布",
    zh_fail="表决结果应当由会议执行主席当场宣布，没有记录宣布人",
    en_ok="the result was announced on the spot by the executive chair {announced_by}",
    en_fail="the result is to be announced on the spot by the executive chair, and no one is recorded announcing it",
)
define(
    "vote.announcer",
    zh_ok="宣布表决结果的{announced_by}是主席团成员",
    zh_fail="宣布表决结果的{announced_by}不是主席团成员，不是会议执行主席",
    en_ok="{announced_by}, who announced the result, is a member of the presidium",
    en_fail="{announced_by}, who announced the result, is not a member of the presidium and so no executive chair",
)

# -- the presidium's preparations before a session (筹备工作, SD 29) ------------------------------------------------

define(
    "session.preparation",
    zh_ok="主席团在会议举行前（{on}）完成筹备工作：{step_zh}",
    zh_fail="主席团在会议举行前（{opens_on}）没有记录筹备工作：{step_zh}",
    en_ok="the presidium prepared the session ({step}) on {on}, before it sat",
    en_fail="no record that the presidium prepared the session ({step}) before it sat on {opens_on}",
)

# -- the session's refusals and checks ------------------------------------------------------------

define_fact("session.unknown", "没有会议{session_id}的记录", "no record of session {session_id}")
define_fact("session.exists", "会议{session_id}已有记录", "session {session_id} is already recorded")
define_fact("session.wrong_stage", "会议处于“{status}”阶段，不能{action}", "the session is {status}: cannot {action}")
define_fact("session.convener", "{level}人民代表大会会议由{expected}召集，不由{given}召集",
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
    "presidium.min_size",
    zh_ok="主席团{size}人，不少于{low}人",
    zh_fail="主席团{size}人，少于{low}人",
    en_ok="presidium of {size}, at least {low}",
    en_fail="presidium of {size}, fewer than {low}",
)
define(
    "presidium.max_size",
    zh_ok="主席团{size}人，不超过{high}人",
    zh_fail="主席团{size}人，超过{high}人",
    en_ok="presidium of {size}, at most {high}",
    en_fail="presidium of {size}, more than {high}",
)
define_fact("presidium.admin_post", "{deputy_id}担任国家行政机关职务，不得为主席团成员",
      "{deputy_id} holds an administrative post and may not sit on the presidium")  # fmt: skip
define_fact(
    "presidium.chair_member",
    "主席、副主席{deputy_id}应为主席团成员",
    "chair or vice-chair {deputy_id} must sit on the presidium",
)
define_fact(
    "attendance.not_in_office",
    "出席名单中的{deputy_id}不是在任代表",
    "{deputy_id} on the attendance list is not in office",
)
define_fact(
    "attendance.on_leave",
    "{deputy_id}已请假，不能同时登记出席",
    "{deputy_id} is on leave and cannot be recorded present",
)
define_fact(
    "attendance.attendee_is_deputy",
    "列席人员名单中的{attendee}是在任代表，代表出席而不列席会议",
    "{attendee} on the list of non-deputies attending is a deputy in office: a deputy attends as a deputy",
)
define(
    "session.preparatory_presided_by",
    zh_ok="本届第一次会议{session}的预备会议由上次人民代表大会（{presided_by}）主席团主持",
    zh_fail="本届第一次会议{session}的预备会议应当由上次人民代表大会主席团主持（记录中的上次会议：{expected}），"
    "记录为{presided_by}的主席团",
    en_ok="the preparatory meeting of {session}, the term's first session, was presided by the presidium of the last "
    "session ({presided_by})",
    en_fail="the preparatory meeting of {session}, the term's first session, is presided by the presidium of the last "
    "session (on record: {expected}), not of {presided_by}",
)
define(
    "session.upper_deputies_invited",
    zh_ok="邀请本行政区域内上级人民代表大会代表{invited}人列席会议",
    zh_fail="本行政区域内有上级人民代表大会代表{upper_deputies}人，会议没有邀请其列席",
    en_ok="{invited} upper-level deputies elected in the area were invited to attend",
    en_fail="{upper_deputies} upper-level deputies were elected in the area and none was invited to attend",
)
define(
    "session.attendees",
    zh_ok="列席{attending}人，未超过代表总数{total}人的{fraction}（{allowed}人）",
    zh_fail="列席{attending}人，超过代表总数{total}人的{fraction}（至多{allowed}人）",
    en_ok="{attending} non-deputies attending, no more than {fraction} of the {total} deputies ({allowed})",
    en_fail="{attending} non-deputies attending, more than {fraction} of the {total} deputies (at most {allowed})",
)
define_fact("bill.exists", "议案{bill_id}已提出", "bill {bill_id} was already submitted")
define_fact("bill.unknown", "没有议案{bill_id}", "no bill {bill_id}")
define(
    "bill.sponsors",
    zh_ok="{sponsors}名代表联名提出议案，达到{required}人以上",
    zh_fail="{sponsors}名在任代表联名，不足{required}人，不能提出议案",
    en_ok="{sponsors} deputies sponsor the bill, at least {required} required",
    en_fail="{sponsors} deputies in office sponsor the bill, at least {required} required",
)
define_fact(
    "bill.sponsor_kind",
    "议案由机关或者代表联名提出，二者只能居其一",
    "a bill comes from a body or from deputies, not both",
)
define_fact(
    "bill.wrong_stage", "议案{bill_id}处于“{status}”状态，不能{action}", "bill {bill_id} is {status}: cannot {action}"
)
define_fact("vote.exists", "表决{vote_id}已有记录", "vote {vote_id} is already recorded")
define_fact("vote.unknown", "没有表决{vote_id}", "no vote {vote_id}")
define_fact("vote.subject", "表决事项{subject}不在议程上或未列入议程", "{subject} is not on the agenda or not listed")
define_fact("vote.closed", "表决{vote_id}已结束", "vote {vote_id} is closed")
define_fact(
    "vote.not_entitled",
    "{deputy_id}未在表决开始时登记为有表决权的出席代表",
    "{deputy_id} was not registered as entitled when the vote opened",
)
define_fact("vote.twice", "{deputy_id}已经表决", "{deputy_id} has already voted")
define_fact("vote.method", "表决方式为{method}，不能{action}", "the vote is by {method}: cannot {action}")
define_fact(
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
define_fact("vote.count_over_present", "{field}：赞成、反对、弃权合计{marked}票，多于出席的{present}名代表",
            "{field}: {marked} votes exceed the {present} deputies present")  # fmt: skip
