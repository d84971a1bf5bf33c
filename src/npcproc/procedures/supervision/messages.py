"""Chinese and English explanations for the checks of supervision cases, and the names of links and steps."""

from __future__ import annotations

from npcproc.i18n import define, define_fact
from npcproc.procedures.supervision.events import LinkKind, Step

__all__ = ["KIND_LABELS", "STEP_LABELS"]

#: (English, Chinese) names, passed to the templates as ``kind``/``kind_zh`` and ``step``/``step_zh``.
KIND_LABELS = {
    LinkKind.SPECIAL_REPORT: ("special work report", "专项工作报告"),
    LinkKind.AUDIT_REPORT: ("audit work report", "审计工作报告"),
    LinkKind.LAW_ENFORCEMENT: ("law-enforcement inspection", "执法检查"),
    LinkKind.INSPECTION: ("inspection", "视察"),
    LinkKind.RESEARCH: ("research", "专题调研"),
    LinkKind.WORK_REVIEW: ("work review", "工作评议"),
    LinkKind.SPECIAL_INQUIRY: ("special inquiry", "专题询问"),
}
STEP_LABELS = {
    Step.HELD: ("hold the hearing, inspection or review", "听取报告或者开展检查、视察、调研、评议、询问"),
    Step.REPORTED: ("submit the inspection report", "提出执法检查报告"),
    Step.REFERRED: ("refer the opinions with a deadline", "将意见交有关机关研究处理并规定期限"),
    Step.RECTIFIED: ("receive the report on handling or rectification", "收到研究处理或者整改情况的报告"),
    Step.RATED: ("rate satisfaction", "满意度测评"),
}


define_fact("supervision.unknown", "没有监督事项{case_id}的记录", "no record of supervision case {case_id}")
define_fact("supervision.exists", "监督事项{case_id}已有记录", "supervision case {case_id} is already recorded")
define_fact("supervision.no_links", "监督事项至少应有一个环节", "a supervision case needs at least one link")
define_fact("supervision.subject", "监督事项应写明议题", "a supervision case needs a subject")
define_fact(
    "supervision.no_such_link",
    "监督事项{case_id}没有第{number}个环节（共{links}个）",
    "supervision case {case_id} has no link no. {number} (it has {links})",
)
define_fact(
    "supervision.county_only",
    "{kind_zh}由县级以上人民代表大会常务委员会进行，乡镇人民代表大会不适用",
    "a {kind} is a standing committee's, not a township congress's",
)
define_fact(
    "supervision.rating_not_applicable",
    "{kind_zh}环节不以满意度测评结束",
    "a {kind} link does not end in a satisfaction rating",
)
define_fact("supervision.rating_required", "{kind_zh}应当开展满意度测评", "a {kind} ends in a satisfaction rating")
define_fact(
    "supervision.out_of_order",
    "第{number}个环节（{kind_zh}）下一步应当是“{expected_zh}”，不能“{step_zh}”",
    "link no. {number} ({kind}) must next {expected}, not {step}",
)
define_fact(
    "supervision.link_closed",
    "第{number}个环节（{kind_zh}）已经办结，不能再“{step_zh}”",
    "link no. {number} ({kind}) is closed: cannot {step}",
)
define_fact(
    "supervision.date_order",
    "“{step_zh}”的日期{on}早于本环节上一步骤的日期{last}",
    "cannot {step} on {on}, before the link's previous step on {last}",
)
define(
    "supervision.lead_time",
    zh_ok="专项工作报告于{sent}{document_zh}，在常务委员会会议举行{given}日前，不少于{required}日",
    zh_fail="专项工作报告于{sent}{document_zh}，仅在常务委员会会议举行{given}日前，应当在会议举行的{required}日前",
    en_ok="the {document} on {sent}, {given} days before the meeting, at least {required}",
    en_fail="the {document} only on {sent}, {given} days before the meeting: at least {required} required",
)
define_fact(
    "supervision.lead_missing",
    "未记录专项工作报告送交有关专门委员会、常务委员会和发给组成人员的日期，无法核对提前送交的期限",
    "the dates the special work report went to the committee, the standing committee and its members "
    "are needed to check the lead times",
)
define_fact(
    "supervision.deadline_needed",
    "{kind_zh}的意见交有关机关研究处理，应当规定报告研究处理情况的期限",
    "referring the {kind}'s opinions needs a deadline for the report on their handling",
)
define_fact("supervision.deadline_after", "期限{due}应当在{on}之后", "the deadline {due} must fall after {on}")
define(
    "supervision.deadline_window",
    zh_ok="期限{due}不晚于{limit}（{what_zh}）",
    zh_fail="期限{due}晚于{limit}（{what_zh}）",
    en_ok="the deadline {due} is no later than {limit} ({what})",
    en_fail="the deadline {due} is later than {limit} ({what})",
)
define_fact(
    "supervision.deadline_not_earlier",
    "重新整改的期限{due}不得早于原期限{previous}",
    "the new deadline {due} cannot be earlier than the previous one, {previous}",
)
define(
    "supervision.satisfaction",
    zh_ok="参加测评{raters}人，满意{satisfied}人，达到{threshold}以上（{required}人），测评通过",
    zh_fail="参加测评{raters}人，满意{satisfied}人，未达到{threshold}以上（{required}人），测评未通过，重新整改",
    en_ok="rating passed: {satisfied} of {raters} satisfied, at least {threshold} ({required}) required",
    en_fail="rating failed: {satisfied} of {raters} satisfied, at least {threshold} ({required}) required; "
    "the link reopens for rectification",
)
define(
    "supervision.satisfaction_default",
    zh_ok="参加测评{raters}人，满意{satisfied}人，超过半数（{required}人），测评通过（未规定满意率时以过半数为准）",
    zh_fail="参加测评{raters}人，满意{satisfied}人，未超过半数（{required}人），测评未通过，重新整改"
    "（未规定满意率时以过半数为准）",
    en_ok="rating passed: {satisfied} of {raters} satisfied, more than half ({required}) required "
    "(the default where no province sets a threshold)",
    en_fail="rating failed: {satisfied} of {raters} satisfied, more than half ({required}) required "
    "(the default where no province sets a threshold); the link reopens for rectification",
)
define_fact("supervision.count", "{what}为{value}，不是可能的数目", "{what} of {value} is not a possible number")

define(
    "supervision.rating_published",
    zh_ok="监督事项{case_id}第{number}个环节（{kind_zh}）{rated}的满意度测评结果于{published}向社会公开，在当年内",
    zh_fail="监督事项{case_id}第{number}个环节（{kind_zh}）{rated}的满意度测评结果{published}才向社会公开，"
    "晚于当年年底（{due}）",
    en_ok="the result of the satisfaction rating of {rated} (case {case_id}, link no. {number}, {kind}) was made "
    "public on {published}, within its year",
    en_fail="the result of the satisfaction rating of {rated} (case {case_id}, link no. {number}, {kind}) was made "
    "public only on {published}, after the end of its year ({due})",
)
define(
    "supervision.rating_unpublished",
    zh_ok="监督事项{case_id}第{number}个环节（{kind_zh}）{rated}的满意度测评结果尚未到公开期限（{due}）",
    zh_fail="监督事项{case_id}第{number}个环节（{kind_zh}）{rated}的满意度测评结果应当向社会公开，"
    "截至{as_of}当年（{due}前）仍未公开",
    en_ok="the result of the satisfaction rating of {rated} (case {case_id}, link no. {number}, {kind}) is not yet "
    "due to be made public ({due})",
    en_fail="the result of the satisfaction rating of {rated} (case {case_id}, link no. {number}, {kind}) was to be "
    "made public by the end of its year ({due}) and is not public as of {as_of}",
)
define_fact("supervision.no_rating", "第{number}个环节（{kind_zh}）没有{rated}的满意度测评",
            "link no. {number} ({kind}) has no satisfaction rating {rated}")  # fmt: skip
define_fact("supervision.rating_already_published", "{rated}的满意度测评结果已于{on}向社会公开",
            "the result of the satisfaction rating of {rated} was made public on {on}")  # fmt: skip
define_fact("supervision.published_before_rating", "{rated}的满意度测评结果不能在测评前（{on}）公开",
            "the satisfaction rating of {rated} cannot have been made public before it, on {on}")  # fmt: skip
