"""Chinese and English explanations for deputies' suggestions."""

from __future__ import annotations

from npcproc.i18n import define, define_fact

__all__: list[str] = []

define_fact("suggestion.unknown", "没有代表建议{suggestion_id}", "no suggestion {suggestion_id}")
define_fact("suggestion.exists", "代表建议{suggestion_id}已有记录", "suggestion {suggestion_id} is already recorded")
define_fact("suggestion.empty", "代表建议应当写明事由和内容", "a suggestion needs a subject and content")
define_fact(
    "suggestion.not_converted", "议案{bill_id}未转为代表建议", "bill {bill_id} was not converted into a suggestion"
)
define_fact(
    "suggestion.reasons", "暂不能解决的，答复应当说明理由", "a reply that it cannot be resolved now must give reasons"
)
define_fact("suggestion.wrong_stage", "代表建议{suggestion_id}处于“{status}”状态，不能{action}",
      "suggestion {suggestion_id} is {status}: cannot {action}")  # fmt: skip
define_fact("suggestion.unknown_class", "没有{scheme}/{value}这一分类（已安装：{known}）",
      "no class {scheme}/{value} is installed (installed: {known})")  # fmt: skip
define_fact("suggestion.no_such_stage", "代表建议{suggestion_id}没有待完成的环节{stage}",
      "suggestion {suggestion_id} has no pending stage {stage}")  # fmt: skip
define(
    "suggestion.extension_later",
    zh_ok="办理期限延长至{to}，晚于原期限{due}",
    zh_fail="延长后的期限{to}不晚于原期限{due}",
    en_ok="the handling period is extended to {to}, after the deadline {due}",
    en_fail="the new deadline {to} is not after the deadline {due}",
)
define(
    "suggestion.extension_cap",
    zh_ok="延长至{to}，未超过自{start}起{months}个月的最长期限（{cap}）",
    zh_fail="延长至{to}，超过自{start}起{months}个月的最长期限（{cap}）",
    en_ok="extended to {to}, within the longest period of {months} months from {start} ({cap})",
    en_fail="extended to {to}, beyond the longest period of {months} months from {start} ({cap})",
)
define(
    "suggestion.urgent_session",
    zh_ok="代表建议{suggestion_id}在会议{session}期间提出，于{on}交办，会议期间办理",
    zh_fail="代表建议{suggestion_id}须在会议期间提出并在闭会前交办，方能在会议期间办理（会议：{session}，交办：{on}）",
    en_ok="suggestion {suggestion_id} was made at session {session} and referred on {on}, before its close",
    en_fail="suggestion {suggestion_id} must be made at a session and referred by its close to be handled during "
    "the session (session: {session}, referred: {on})",
)
define(
    "suggestion.urgent_complex",
    zh_ok="代表建议{suggestion_id}迫切需要办理又有条件办理，未作为情况复杂的建议交办",
    zh_fail="代表建议{suggestion_id}迫切需要办理又有条件办理，应当在会议期间办理，不能同时作为情况复杂的建议交办",
    en_ok="urgent and feasible suggestion {suggestion_id} is not referred as complex",
    en_fail="urgent and feasible suggestion {suggestion_id} is handled during the session and cannot also be "
    "referred as complex",
)
define(
    "suggestion.urgent_in_time",
    zh_ok="迫切需要办理又有条件办理的代表建议应在闭会（{due}）前办理或者提出办理方案答复代表，{replied}已答复",
    zh_fail="迫切需要办理又有条件办理的代表建议应在闭会（{due}）前办理或者提出办理方案答复代表，{replied}才答复",
    en_ok="the urgent and feasible suggestion was due to be handled, or a handling plan given, by the session's "
    "close ({due}), and was answered on {replied}",
    en_fail="the urgent and feasible suggestion was due to be handled, or a handling plan given, by the session's "
    "close ({due}), and was answered only on {replied}",
)
define_fact(
    "suggestion.urgent_extension",
    "代表建议{suggestion_id}迫切需要办理又有条件办理，应当在会议期间（{due}前）办理，不能延长办理期限",
    "urgent and feasible suggestion {suggestion_id} is handled during the session (by {due}): its period cannot "
    "be extended",
)
define_fact(
    "suggestion.plan_not_urgent",
    "代表建议{suggestion_id}未作为迫切需要办理又有条件办理的建议交办，不能以办理方案答复",
    "suggestion {suggestion_id} was not referred as urgent and feasible: a handling plan does not answer it",
)
