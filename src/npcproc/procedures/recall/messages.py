"""Chinese and English explanations for recalls and resignations."""

from __future__ import annotations

from npcproc.i18n import define, define_fact

__all__: list[str] = []

define_fact("recall.unknown", "没有罢免案{recall_id}", "no recall {recall_id}")
define_fact("recall.exists", "罢免案{recall_id}已有记录", "recall {recall_id} is already recorded")
define("recall.reasons", zh_ok="罢免案写明了罢免理由", zh_fail="罢免案应当写明罢免理由",
       en_ok="the recall states its reasons", en_fail="a recall must state its reasons in writing")  # fmt: skip
define_fact("recall.not_holder", "{holder}不担任{office}", "{holder} does not hold {office}")
define_fact("recall.not_at_township", "乡镇人民代表大会不能由{by}提出对{office}的罢免案",
      "at a township congress the {by} cannot propose recalling the {office}")  # fmt: skip
define(
    "recall.proposers",
    zh_ok="{proposers}名代表联名提出罢免案，达到{required}人以上",
    zh_fail="{proposers}名在任代表联名，不足全体代表{total}名的法定比例（{required}人），不能提出罢免案",
    en_ok="{proposers} deputies propose the recall, at least {required} required",
    en_fail="{proposers} deputies in office propose, at least {required} of {total} required",
)
define_fact("recall.wrong_stage", "罢免案{recall_id}现在不能{action}", "recall {recall_id} cannot {action} now")
define_fact("resignation.deputy_body", "{level}人民代表大会代表的辞职不由本级人民代表大会表决接受",
            "a {level} deputy's resignation is not accepted by a vote of the congress")  # fmt: skip
define_fact("resignation.not_a_deputy", "{deputy_id}在{on}不是在任代表，无从辞去代表职务",
            "{deputy_id} is not a deputy in office on {on}: there is no mandate to resign")  # fmt: skip
define_fact("resignation.vote_needed", "大会决定是否接受辞职，须记录出席名单和表决票数",
            "the congress decides on a resignation by a vote: give the attendance roll and the count")  # fmt: skip
define_fact("resignation.nothing_to_confirm", "主席团未接受{holder}辞去{office}的辞职，无须本级人民代表大会确认",
            "the presidium accepted no resignation of {holder} from {office}: nothing to confirm")  # fmt: skip
define_fact(
    "resignation.needs_session", "大会接受辞职须在会议期间", "the congress accepts a resignation only in session"
)
define_fact("resignation.presidium", "本省（市）未规定主席团可以在闭会期间接受辞职",
      "the province does not let the presidium accept resignations between sessions")  # fmt: skip
define_fact(
    "resignation.body",
    "{level}人民代表大会的辞职不能由{body}接受",
    "{body} cannot accept a resignation at a {level} congress",
)
