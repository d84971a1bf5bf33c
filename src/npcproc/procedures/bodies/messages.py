"""Chinese and English messages for the credentials committee and the deputy groups."""

from __future__ import annotations

from npcproc.i18n import define, define_fact

__all__: list[str] = []

# -- the credentials committee 代表资格审查委员会 ----------------------------------------------------------

define_fact(
    "credentials.township",
    "{level}人民代表大会的代表资格审查委员会由其常务委员会设立，不在会议上通过",
    "a {level} congress's credentials committee is set up by its standing committee, not adopted at a session",
)
define_fact(
    "credentials.session_open",
    "会议{session_id}在{on}没有举行，不能通过代表资格审查委员会",
    "session {session_id} is not sitting on {on}: it cannot adopt a credentials committee",
)
define_fact(
    "credentials.first_session",
    "代表资格审查委员会由每届人民代表大会第一次会议通过，{session_id}不是第{term}届的第一次会议",
    "the credentials committee is adopted at a term's first session; {session_id} is not term {term}'s first",
)
define_fact(
    "credentials.exists",
    "第{term}届代表资格审查委员会已经设立，行使职权至本届任期届满",
    "term {term} already has its credentials committee, which serves for the term",
)
define_fact(
    "credentials.twice",
    "代表资格审查委员会的组成人员有重复：{people}",
    "a person is named twice on the committee: {people}",
)
define(
    "credentials.nominator",
    zh_ok="代表资格审查委员会由主席团提名",
    zh_fail="代表资格审查委员会应当由主席团提名，记录的提名人为{nominator}",
    en_ok="the credentials committee is nominated by the presidium",
    en_fail="the credentials committee is nominated by the presidium, not by {nominator}",
)
define(
    "credentials.deputy",
    zh_ok="{person}是本届在任代表",
    zh_fail="{person}在{on}不是本届在任代表，不能担任代表资格审查委员会组成人员",
    en_ok="{person} is a deputy of the term in office",
    en_fail="{person} is not a deputy of the term in office on {on}: not a member of the credentials committee",
)
define(
    "credentials.presidium",
    zh_ok="{person}是主席团成员",
    zh_fail="主任委员、副主任委员应当在主席团成员中提名，{person}不是主席团成员",
    en_ok="{person} is a presidium member",
    en_fail="the committee's chair and vice-chairs are nominated from the presidium; {person} is not a member",
)
define(
    "credentials.chair",
    zh_ok="代表资格审查委员会设主任委员",
    zh_fail="代表资格审查委员会应当设主任委员，记录中没有",
    en_ok="the credentials committee has a chair",
    en_fail="the credentials committee must have a chair, and none is named",
)
define(
    "credentials.vice_chairs_min",
    zh_ok="副主任委员{held}人，不少于{required}人",
    zh_fail="副主任委员{held}人，少于{required}人",
    en_ok="{held} vice-chairs, at least {required}",
    en_fail="{held} vice-chairs, fewer than {required}",
)
define(
    "credentials.vice_chairs_max",
    zh_ok="副主任委员{held}人，不多于{required}人",
    zh_fail="副主任委员{held}人，多于{required}人",
    en_ok="{held} vice-chairs, at most {required}",
    en_fail="{held} vice-chairs, more than {required}",
)
define(
    "credentials.members_min",
    zh_ok="委员{held}人，不少于{required}人",
    zh_fail="委员{held}人，少于{required}人",
    en_ok="{held} members, at least {required}",
    en_fail="{held} members, fewer than {required}",
)
define(
    "credentials.members_max",
    zh_ok="委员{held}人，不多于{required}人",
    zh_fail="委员{held}人，多于{required}人",
    en_ok="{held} members, at most {required}",
    en_fail="{held} members, more than {required}",
)
define(
    "credentials.set_up",
    zh_ok="第{term}届第一次会议{session_id}通过了代表资格审查委员会",
    zh_fail="第{term}届第一次会议{session_id}没有通过代表资格审查委员会",
    en_ok="term {term}'s first session {session_id} adopted a credentials committee",
    en_fail="term {term}'s first session {session_id} adopted no credentials committee",
)
define_fact(
    "credentials.not_judged",
    "第{term}届第一次会议尚未闭会或没有要求，不作判断",
    "term {term}'s first session has not closed, or no rule applies: nothing to judge",
)
define_fact(
    "credentials.no_committee",
    "第{term}届在{on}没有代表资格审查委员会",
    "term {term} has no credentials committee on {on}",
)
define_fact("credentials.report_exists", "审查报告{report_id}已有记录", "report {report_id} is already recorded")
define_fact("credentials.report_empty", "审查报告{report_id}没有审查任何代表", "report {report_id} reviews no deputy")
define_fact("credentials.report_unknown", "没有审查报告{report_id}的记录", "no report {report_id} on record")
define_fact("credentials.confirmed_twice", "审查报告{report_id}已经确认", "report {report_id} is already confirmed")
define_fact(
    "credentials.confirm_date",
    "主席团不能在审查报告{report_id}提出（{reported}）前于{on}确认",
    "the presidium cannot confirm report {report_id} on {on}, before it was made ({reported})",
)
define_fact(
    "credentials.not_by_elected",
    "{deputy_id}不是第{term}届内补选产生的代表",
    "{deputy_id} is not a deputy elected in a by-election during term {term}",
)
define_fact(
    "credentials.invalid_not_reviewed",
    "{deputy_id}不在本报告审查的代表之中，不能确定其当选无效",
    "{deputy_id} is not among the deputies the report reviews: it cannot find the election invalid",
)
define_fact(
    "credentials.pending",
    "{deputy_id}于{on}补选产生，记录中没有经主席团确认的代表资格审查报告（法律未规定期限）",
    "{deputy_id} was elected in a by-election on {on}; no confirmed credentials report covers the deputy yet "
    "(the law sets no period)",
)

# -- deputy groups 代表小组 ---------------------------------------------------------------------------

define_fact("deputy_group.exists", "代表小组{group_id}已有记录", "deputy group {group_id} is already recorded")
define_fact("deputy_group.unknown", "没有代表小组{group_id}的记录", "no deputy group {group_id} on record")
define(
    "deputy_group.min_members",
    zh_ok="代表小组有代表{members}人，达到{required}人以上",
    zh_fail="代表小组只有代表{members}人，不足{required}人，不能组织代表小组",
    en_ok="the group has {members} deputies, {required} or more",
    en_fail="the group has {members} deputies, fewer than {required}: no deputy group may be formed",
)
define(
    "deputy_group.leader",
    zh_ok="组长{leader}由本小组代表推选",
    zh_fail="代表小组应当由本小组代表推选组长，记录的组长{leader}不是本小组代表",
    en_ok="the leader {leader} was chosen from the group's deputies",
    en_fail="the group's deputies choose a leader from among themselves; {leader} is not one of them",
)
define(
    "deputy_group.vice_leader",
    zh_ok="副组长{person}是本小组代表",
    zh_fail="副组长{person}不是本小组代表",
    en_ok="the vice-leader {person} is one of the group's deputies",
    en_fail="the vice-leader {person} is not one of the group's deputies",
)
define_fact("deputy_group.activity_exists", "活动{activity_id}已有记录", "activity {activity_id} is already recorded")
define_fact(
    "deputy_group.activity_date",
    "活动日期{on}早于代表小组组织之日{formed}",
    "the activity on {on} precedes the group's forming on {formed}",
)
define_fact(
    "deputy_group.not_member",
    "{person}不是代表小组{group_id}的代表，列为其他参加人员",
    "{person} is not a deputy of group {group_id}: name them among the guests",
)
define_fact(
    "deputy_group.activity_empty",
    "活动{activity_id}没有本小组代表参加",
    "no deputy of the group took part in activity {activity_id}",
)
define(
    "deputy_group.quarter",
    zh_ok="代表小组{group_id}{year}年第{quarter}季度开展活动{activities}次，不少于{required}次",
    zh_fail="代表小组{group_id}{year}年第{quarter}季度开展活动{activities}次，少于{required}次",
    en_ok="group {group_id}: {activities} activities in Q{quarter} {year}, at least {required}",
    en_fail="group {group_id}: {activities} activities in Q{quarter} {year}, fewer than {required}",
)
define_fact(
    "deputy_group.not_judged",
    "{year}年没有需要判断的代表小组活动频次",
    "no rule on how often deputy groups are active applies in {year}",
)
