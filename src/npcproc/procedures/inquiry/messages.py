"""Chinese and English explanations for inquiries and questions."""

from __future__ import annotations

from npcproc.i18n import define, define_fact

__all__: list[str] = []

define_fact("inquiry.unknown", "没有质询案{inquiry_id}", "no inquiry {inquiry_id}")
define_fact("inquiry.exists", "质询案{inquiry_id}已有记录", "inquiry {inquiry_id} is already recorded")
define(
    "inquiry.sponsors",
    zh_ok="{sponsors}名代表联名提出质询案，达到{required}人以上",
    zh_fail="{sponsors}名在任代表联名，不足{required}人，不能提出质询案",
    en_ok="{sponsors} deputies file the inquiry, at least {required} required",
    en_fail="{sponsors} deputies in office file the inquiry, at least {required} required",
)
define(
    "inquiry.content",
    zh_ok="质询案写明了质询的问题和内容",
    zh_fail="质询案必须写明质询对象、质询的问题和内容",
    en_ok="the inquiry states its questions",
    en_fail="an inquiry must state its target, questions and content",
)
define_fact(
    "inquiry.department_target",
    "乡、镇人民代表大会可以对本级人民政府所属各工作部门提出质询案（从地方组织法；代表法第二十条第三款仅列本级人民政府）",
    "a township congress may question its government's departments, as the Organic Law provides "
    "(DL 20 ¶3 names the government alone)",
)
define_fact("inquiry.target", "本级人民代表大会不能对{target}提出质询案", "this congress cannot question the {target}")
define_fact("inquiry.wrong_stage", "质询案{inquiry_id}现在不能{action}", "inquiry {inquiry_id} cannot {action} now")
define_fact("inquiry.no_complex_path", "本省（市）未规定情况复杂的质询案可在闭会后答复",
      "the province sets no later answer for complex inquiries")  # fmt: skip
define(
    "inquiry.answer_in_time",
    zh_ok="情况复杂的质询案在闭会后{months}个月内答复，期限至{due}，{answered}答复",
    zh_fail="情况复杂的质询案应在闭会后{months}个月内答复，期限至{due}，{answered}才答复",
    en_ok="the complex inquiry was answered on {answered}, within {months} months after the session (due by {due})",
    en_fail="the complex inquiry was due to be answered by {due}, {months} months after the session, "
    "and was answered on {answered}",
)
define(
    "inquiry.satisfaction",
    zh_ok="提质询案的{sponsors}名代表中{dissatisfied}名不满意，不足半数",
    zh_fail="提质询案的{sponsors}名代表中{dissatisfied}名不满意，达到半数以上，受质询机关应再作答复",
    en_ok="{dissatisfied} of {sponsors} sponsors dissatisfied, fewer than half",
    en_fail="{dissatisfied} of {sponsors} sponsors dissatisfied, half or more: a second answer is required",
)
