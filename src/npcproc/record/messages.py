"""Chinese and English messages for the findings only a record's audit makes."""

from __future__ import annotations

from npcproc.i18n import define_fact

__all__: list[str] = []

define_fact(
    "record.quota",
    "{level}人口{population}人，代表名额至多{cap}名，记录的名额为{quota}名",
    "a {level} of {population} people has at most {cap} deputies; the record gives a quota of {quota}",
)
define_fact(
    "record.over_quota",
    "选出代表{deputies}名，多于代表名额{quota}名",
    "{deputies} deputies elected, more than the quota of {quota}",
)
define_fact(
    "record.notice_missing",
    "记录未载明会议通知和会议资料送达代表的日期",
    "the record gives no date for the notice and materials sent to deputies",
)
define_fact(
    "record.vote_result",
    "记录为{recorded}，但依法{computed}：{why}",
    "recorded as {recorded}, but under the rules it {computed}: {why}",
)
define_fact(
    "record.election_result",
    "记录的当选人为{recorded}，依计票结果应为{computed}",
    "recorded as elected: {recorded}; the count elects: {computed}",
)
define_fact("record.impossible_count", "计票数字不可能成立：{problem}", "the count cannot be right: {problem}")
define_fact(
    "record.second_answer",
    "半数以上提案人对答复不满意，记录中没有再次答复",
    "half or more of the sponsors were dissatisfied with the answer, and no second answer is recorded",
)
define_fact(
    "record.reply_late", "代表建议应于{due}前答复，{replied}才答复", "the reply was due by {due} and came on {replied}"
)
define_fact(
    "record.reply_overdue",
    "代表建议应于{due}前答复，至{as_of}仍未答复",
    "the reply was due by {due} and none is recorded by {as_of}",
)
define_fact(
    "record.supervision_late",
    "应于{due}前报告研究处理情况，{on}才报告",
    "the report on the handling was due by {due} and came on {on}",
)
define_fact(
    "record.supervision_overdue",
    "应于{due}前报告研究处理情况，至{as_of}仍未报告",
    "the report on the handling was due by {due} and none is recorded by {as_of}",
)
define_fact(
    "record.absences",
    "{deputy_id}未经批准{count}次不出席本级人民代表大会会议，代表资格应当终止，记录中仍为在任",
    "{deputy_id} missed {count} sessions without leave, which ends the mandate, yet is still in office",
)
define_fact("record.unknown_deputy", "{deputy_id}不是本届代表", "{deputy_id} is not a deputy of this term")
define_fact(
    "record.deadline_needed",
    "交办时未载明报告研究处理情况的期限，也没有法定期限可以适用",
    "the referral sets no deadline for the report, and no period in force supplies one",
)
define_fact(
    "record.published_on_not_rated",
    "只有满意度测评的结果向社会公开，{step_zh}不应载明公开日期",
    "only a satisfaction rating's result is made public; the step to {step} has no publication date",
)
define_fact(
    "record.full_time_not_nominated",
    "{candidate}被记为专职，但不在本次提名的候选人中",
    "{candidate} is marked full-time but is not among the candidates of this nomination",
)
