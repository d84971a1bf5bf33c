"""Chinese and English messages for a session's deadline for bills and the township heads who attend it."""

from __future__ import annotations

from npcproc.i18n import define, define_fact

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
