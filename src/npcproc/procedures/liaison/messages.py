"""Chinese and English explanations for the liaison stations."""

from __future__ import annotations

from npcproc.i18n import define, define_fact

__all__: list[str] = []


# -- liaison stations 代表联络站 ----------------------------------------------------------------

define_fact(
    "liaison.reception_exists", "接待日{reception_id}已有记录", "reception day {reception_id} is already recorded"
)
define_fact("liaison.reception_unknown", "没有接待日{reception_id}的记录", "no record of reception day {reception_id}")
define(
    "liaison.reception",
    zh_ok="接待日{reception_id}：代表接待选民{voters}人",
    zh_fail="接待日{reception_id}应当写明联络站、到站代表和接待选民人数",
    en_ok="reception day {reception_id}: deputies received {voters} voter(s)",
    en_fail="reception day {reception_id} names the station, the deputies present and the voters received",
)
define_fact("liaison.issue_exists", "问题{issue_id}已有记录", "issue {issue_id} is already recorded")
define_fact("liaison.issue_unknown", "没有问题{issue_id}的记录", "no record of issue {issue_id}")
define(
    "liaison.issue",
    zh_ok="问题{issue_id}写明了内容和承办单位",
    zh_fail="问题{issue_id}应当写明内容和承办单位",
    en_ok="issue {issue_id} states its content and handling unit",
    en_fail="issue {issue_id} must state its content and handling unit",
)
define(
    "liaison.due",
    zh_ok="办理时限{due}不早于提出之日{on}",
    zh_fail="办理时限{due}早于提出之日{on}",
    en_ok="due {due}, not before it was raised on {on}",
    en_fail="due {due} is before the issue was raised on {on}",
)
define_fact("liaison.wrong_stage", "问题{issue_id}当前不能{action_zh}", "issue {issue_id}: cannot {action_en} now")
define(
    "liaison.reply",
    zh_ok="问题{issue_id}已答复",
    zh_fail="问题{issue_id}的答复不能为空",
    en_ok="issue {issue_id} answered",
    en_fail="issue {issue_id}: the reply is empty",
)
define(
    "liaison.date_order",
    zh_ok="{on}不早于{last}",
    zh_fail="{on}早于此前记录的{last}",
    en_ok="{on} is not before {last}",
    en_fail="{on} is before {last}, already on record",
)
define(
    "liaison.closed_on_time",
    zh_ok="问题{issue_id}（{unit}）于{on}销号，未超过办理时限{due}",
    zh_fail="问题{issue_id}（{unit}）于{on}销号，超过办理时限{due}",
    en_ok="issue {issue_id} ({unit}) closed on {on}, by its due date {due}",
    en_fail="issue {issue_id} ({unit}) closed on {on}, after its due date {due}",
)
define(
    "liaison.overdue",
    zh_ok="",
    zh_fail="问题{issue_id}（{unit}）办理时限{due}已过，截至{on}尚未销号",
    en_ok="",
    en_fail="issue {issue_id} ({unit}) was due {due} and is still open on {on}",
)
define_fact(
    "liaison.none_overdue", "截至{on}，未销号问题{open}件，无逾期", "{open} issue(s) open on {on}, none overdue"
)
