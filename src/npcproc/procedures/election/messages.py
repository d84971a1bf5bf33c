"""Chinese and English explanations for elections at a session."""

from __future__ import annotations

from npcproc.i18n import define, define_fact

__all__: list[str] = []

define_fact("election.unknown", "没有选举{election_id}", "no election {election_id}")
define_fact("election.exists", "选举{election_id}已有记录", "election {election_id} is already recorded")
define_fact("election.before_session", "选举不能在会议举行（{opened}）之前的{on}开始",
            "an election cannot open on {on}, before the session opened on {opened}")  # fmt: skip
define_fact("election.list_before_open", "正式候选人名单不能在选举开始（{opened}）之前的{on}确定",
            "the formal list cannot be fixed on {on}, before the election opened on {opened}")  # fmt: skip
define(
    "election.nomination_time",
    zh_ok="{opened}开始提名，{on}确定正式候选人名单，提名、酝酿候选人的时间不少于{days}天（至{last}）",
    zh_fail="{opened}开始提名，{on}即确定正式候选人名单，提名、酝酿候选人的时间少于{days}天（应至{last}届满）",
    en_ok="nomination began on {opened} and the list was fixed on {on}: at least {days} days of nominating and "
    "discussing candidates (to {last})",
    en_fail="nomination began on {opened} and the list was fixed on {on}: less than the {days} days of nominating "
    "and discussing candidates, which run to {last}",
)
define_fact("election.office_level", "{level}人民代表大会不选举{office}", "a {level} congress does not elect {office}")
define(
    "election.margin",
    zh_ok="应选{seats}名，候选人{candidates}名，在{fewest}至{most}名之间",
    zh_fail="应选{seats}名，候选人{candidates}名，不在法定的{fewest}至{most}名之间",
    en_ok="{candidates} candidates for {seats} seat(s), within {fewest} to {most}",
    en_fail="{candidates} candidates for {seats} seat(s), outside {fewest} to {most}",
)
define(
    "election.nominators",
    zh_ok="{nominators}名代表书面联名提名，达到{required}人以上",
    zh_fail="{nominators}名在任代表联名，不足{required}人，不能提名候选人",
    en_ok="{nominators} deputies nominate in writing, at least {required} required",
    en_fail="{nominators} deputies in office nominate, at least {required} required",
)
define_fact("election.too_many_named", "{nominator}提名的候选人{named}名，超过应选名额{seats}名",
      "{nominator} would name {named} candidates for {seats} seat(s)")  # fmt: skip
define_fact(
    "election.not_a_deputy", "{candidate}不是在任代表，不能被选为主席、副主席", "{candidate} is not a deputy in office"
)
define_fact("election.admin_post", "{candidate}担任国家机关职务，不能当选{office}",
      "{candidate} holds a post in a state organ and may not hold {office}")  # fmt: skip
define_fact("election.full_time_office", "{candidate}被提名为专职，但{office}不是乡镇人民代表大会主席、副主席职务",
      "{candidate} is nominated as full-time, but {office} is not a township chair or vice-chair post")  # fmt: skip
define(
    "election.chair_full_time",
    zh_ok="{candidate}被提名为专职主席",
    zh_fail="{candidate}未被提名为专职主席，乡镇人民代表大会设专职主席",
    en_ok="{candidate} is nominated as a full-time chair",
    en_fail="{candidate} is not nominated as a full-time chair; the township chair is a full-time post",
)
define(
    "election.ethnic_township_head",
    zh_ok="乡长候选人{candidate}为{ethnicity}公民，是建立民族乡的少数民族",
    zh_fail="民族乡的乡长由建立民族乡的少数民族（{minority}）公民担任，候选人{candidate}的民族为{ethnicity}",
    en_ok="township-head candidate {candidate} is {ethnicity}, the minority that established the ethnic township",
    en_fail="the head of an ethnic township is a citizen of its minority ({minority}); candidate {candidate}'s "
    "ethnicity is {ethnicity}",
)
define_fact(
    "election.listed",
    "选举{election_id}的正式候选人名单已确定",
    "the candidates of election {election_id} are already listed",
)
define_fact("election.preliminary_needed", "提名{nominees}人，超过选举办法规定的{wanted}人，须进行预选",
      "{nominees} nominees exceed the {wanted} the election rules allow: a preliminary vote is needed")  # fmt: skip
define_fact("election.preliminary_tie", "预选中{candidates}得票相等（{votes}票），应就票数相等的人再次投票",
      "{candidates} tie at {votes} votes in the preliminary vote: those tied vote again")  # fmt: skip
define(
    "election.principal_uncontested",
    zh_ok="提名{nominees}人，正式候选人{candidates}人，进行差额选举",
    zh_fail="提名{nominees}人，正式候选人却只有{candidates}人（应选{seats}人）：只有提名的候选人只有一人时才可以等额选举",
    en_ok="{nominees} nominated, {candidates} on the formal list: a contested election",
    en_fail="{nominees} nominated but only {candidates} on the formal list for {seats} seat(s): an uncontested "
    "election is allowed only when a single candidate was nominated",
)
define_fact("election.preliminary_revote", "预选的再次投票只在得票相等的{tied}之间进行",
      "the preliminary re-vote is among those tied only: {tied}")  # fmt: skip
define_fact("election.further_not_decided", "另行选举须经本级人民代表大会决定在本次或者下一次会议上进行",
      "the congress must first decide to hold the further election at this session or the next")  # fmt: skip
define_fact("election.further_session", "另行选举应在人民代表大会决定的会议（{at}）上进行，不是会议{session_id}",
      "the further election belongs to the session the congress decided ({at}), not session {session_id}")  # fmt: skip
define_fact("election.already_elected", "{candidate}已经当选，另行选举只补足不足的名额",
      "{candidate} is already elected: a further election fills only the seats still empty")  # fmt: skip
define_fact("election.too_few_candidates", "提名{nominees}人，少于选举办法规定的{wanted}人",
      "{nominees} nominees, fewer than the {wanted} the election rules require")  # fmt: skip
define_fact(
    "election.round_not_due",
    "选举{election_id}现在不能进行这一轮投票",
    "election {election_id} has no such round due now",
)
define_fact(
    "election.foreign_ballot",
    "选票不属于选举{election_id}的本轮投票",
    "a ballot does not belong to this round of {election_id}",
)
define(
    "election.revote_won",
    zh_ok="{candidate}在再次投票中得{votes}票，以得票多当选",
    zh_fail="{candidate}在再次投票中得{votes}票",
    en_ok="{candidate} elected in the re-vote with {votes} votes",
    en_fail="{candidate}: {votes} votes in the re-vote",
)
