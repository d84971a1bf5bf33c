"""Chinese and English explanations for congresses, terms, deputies and their posts."""

from __future__ import annotations

from npcproc.i18n import define, define_fact

__all__: list[str] = []

define_fact("deputy.resignation_by_vote",
      "乡镇人民代表大会代表{deputy_id}的辞职须经人民代表大会过半数的代表通过，应当表决接受（Recalls.accept_deputy_resignation）",
      "a township deputy's resignation ({deputy_id}) takes effect only when the congress accepts it by a vote of "
      "more than half of all deputies (Recalls.accept_deputy_resignation)")  # fmt: skip
define_fact("congress.unknown", "没有代表大会{congress_id}的记录", "no record of congress {congress_id}")
define_fact("congress.exists", "代表大会{congress_id}已有记录", "congress {congress_id} is already recorded")
define_fact("term.unknown", "代表大会{congress_id}没有第{term}届的记录", "congress {congress_id} has no term {term}")
define_fact("deputy.unknown", "没有代表{deputy_id}的记录", "no deputy {deputy_id} on record")
define_fact("deputy.exists", "代表{deputy_id}已有记录", "deputy {deputy_id} is already recorded")
define_fact("deputy.status_order", "代表{deputy_id}的状态变更不能早于{last}，且终止后不能再变更",
      "deputy {deputy_id}: a change cannot precede {last} or follow the end of the mandate")  # fmt: skip
define_fact("deputy.not_in_office", "{deputy_id}在{on}不是在任代表", "{deputy_id} is not a deputy in office on {on}")
define(
    "deputy.mandate_ended",
    zh_ok="代表{deputy_id}未经批准{absences}次不出席会议，代表资格终止",
    zh_fail="代表{deputy_id}未经批准{absences}次不出席会议，代表资格终止",
    en_ok="deputy {deputy_id} missed {absences} sessions without leave: the mandate ends",
    en_fail="deputy {deputy_id} missed {absences} sessions without leave: the mandate ends",
)
define_fact(
    "posts.not_township", "{level}人民代表大会不设主席、副主席", "a {level} congress has no chair or vice-chairs"
)
define(
    "posts.chair_full_time",
    zh_ok="主席{holder}为专职",
    zh_fail="主席{holder}不是专职，乡镇人民代表大会设专职主席",
    en_ok="chair {holder} holds the post full-time",
    en_fail="chair {holder} does not hold the post full-time; the township chair is a full-time post",
)
define(
    "posts.vice_chairs",
    zh_ok="副主席{held}人，不少于{required}人",
    zh_fail="副主席{held}人，少于应设的{required}人",
    en_ok="{held} vice-chair(s), at least {required} required",
    en_fail="{held} vice-chair(s), fewer than the {required} the congress must have",
)
define(
    "posts.vice_chairs_full_time",
    zh_ok="副主席{held}人中专职{full_time}人，不少于{required}人",
    zh_fail="副主席{held}人中专职{full_time}人，少于应当配备的专职副主席{required}人",
    en_ok="{full_time} of {held} vice-chair(s) full-time, at least {required} required",
    en_fail="{full_time} of {held} vice-chair(s) full-time, fewer than the {required} full-time vice-chair(s) required",
)
define(
    "posts.chairs_full_time",
    zh_ok="主席、副主席{held}人中专职{full_time}人，不少于{required}人",
    zh_fail="主席、副主席{held}人中专职{full_time}人，少于{required}人",
    en_ok="{full_time} of the {held} chair and vice-chair(s) full-time, at least {required} required",
    en_fail="{full_time} of the {held} chair and vice-chair(s) full-time, fewer than the {required} required",
)
