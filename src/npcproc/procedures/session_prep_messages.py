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
