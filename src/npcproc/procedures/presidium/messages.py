"""Chinese and English explanations for presidium meetings."""

from __future__ import annotations

from npcproc.i18n import define, define_fact

__all__: list[str] = []


# -- presidium meetings 主席团会议 --------------------------------------------------------------

define_fact(
    "presidium.none", "代表大会{congress_id}在{on}没有选出的主席团", "congress {congress_id} has no presidium on {on}"
)
define_fact(
    "presidium.meeting_exists", "主席团会议{meeting_id}已有记录", "presidium meeting {meeting_id} is already recorded"
)
define_fact(
    "presidium.meeting_unknown", "没有主席团会议{meeting_id}的记录", "no record of presidium meeting {meeting_id}"
)
define_fact(
    "presidium.not_member", "{deputy_id}在{on}不是主席团成员", "{deputy_id} is not a member of the presidium on {on}"
)
define_fact(
    "presidium.admin_post_resign",
    "主席团成员{deputy_id}在{on}担任国家行政机关职务，必须辞去主席团成员职务",
    "presidium member {deputy_id} holds an administrative post on {on} and must resign from the presidium",
)
define(
    "presidium.meeting_quorum",
    zh_ok="主席团全体成员{members}人，出席{present}人，超过半数（至少{required}人），会议可以举行",
    zh_fail="主席团全体成员{members}人，出席{present}人，未超过半数（至少{required}人），会议不得举行",
    en_ok="presidium quorum met: {present} of {members} members present, {required} required",
    en_fail="presidium quorum not met: {present} of {members} members present, {required} required",
)
define(
    "presidium.convener",
    zh_ok="主席团会议由{post_zh}{convener}召集",
    zh_fail="主席团会议应由{post_zh}（{expected}）召集，不由{convener}召集",
    en_ok="the presidium meeting was convened by the {post} {convener}",
    en_fail="the presidium meeting is convened by the {post} ({expected}), not by {convener}",
)
define(
    "presidium.extra_meeting_proposers",
    zh_ok="主席团成员{proposers}人联名提议临时召集主席团会议，达到{required}人以上",
    zh_fail="主席团成员{proposers}人联名提议，不足{required}人，不能临时召集主席团会议",
    en_ok="{proposers} presidium members jointly propose the extra meeting, at least {required} required",
    en_fail="{proposers} presidium members propose, fewer than {required}: no extra presidium meeting",
)
define_fact(
    "presidium.proposer_not_member",
    "提议人{deputy_id}在{on}不是在任的主席团成员",
    "proposer {deputy_id} is not a presidium member in office on {on}",
)
define_fact("presidium.decision_exists", "决定{decision_id}已有记录", "decision {decision_id} is already recorded")
define_fact("presidium.vote_count", "表决{marked}票，多于出席成员{present}人",
      "{marked} votes recorded but only {present} members present")  # fmt: skip
define(
    "presidium.decision_majority",
    zh_ok="“{subject}”获赞成{yes}票，超过主席团全体成员{members}人的半数（至少{required}票），通过",
    zh_fail="“{subject}”获赞成{yes}票，未超过主席团全体成员{members}人的半数（至少{required}票），未通过",
    en_ok="{subject}: passed with {yes} yes of {members} members, {required} required",
    en_fail="{subject}: not passed, {yes} yes of {members} members, more than half ({required}) required",
)
define_fact("presidium.not_yet_elected", "{year}年尚无主席团", "no presidium had been elected by the end of {year}")
define_fact("presidium.no_frequency_rule", "{year}年主席团举行会议{meetings}次；本省未规定会议间隔",
      "{meetings} presidium meeting(s) in {year}; the province sets no interval")  # fmt: skip
define(
    "presidium.meeting_gap",
    zh_ok="",
    zh_fail="主席团会议自{last}后至{next}未举行，超过{months}个月（应不迟于{deadline}）",
    en_ok="",
    en_fail="no presidium meeting from {last} to {next}: more than {months} months (due by {deadline})",
)
define_fact("presidium.meeting_gap_ok", "{year}年主席团举行会议{meetings}次，间隔均不超过{months}个月",
      "{meetings} presidium meeting(s) in {year}, none more than {months} months apart")  # fmt: skip
define(
    "presidium.quarter",
    zh_ok="{year}年第{quarter}季度主席团举行会议{meetings}次，不少于{required}次",
    zh_fail="{year}年第{quarter}季度主席团举行会议{meetings}次，少于每季度至少{required}次",
    en_ok="{meetings} presidium meeting(s) in Q{quarter} {year}, at least {required} required",
    en_fail="{meetings} presidium meeting(s) in Q{quarter} {year}: at least {required} required each quarter",
)
define_fact("presidium.no_quarter_ended", "截至{end}，{year}年尚无已结束的季度",
      "no quarter of {year} had ended by {end}")  # fmt: skip
