"""Chinese and English explanations for the checks of direct elections and recalls by voters."""

from __future__ import annotations

from npcproc.i18n import define, define_fact

__all__ = ["ACTIONS", "DOCUMENTS", "STAGES_ZH"]

#: Stage values of :class:`~npcproc.procedures.direct_election.commands.Stage`, in Chinese.
STAGES_ZH = {
    "set_up": "待公布选民名单",
    "voters_listed": "推荐代表候选人",
    "candidates_listed": "酝酿代表候选人",
    "voting": "投票",
    "shortfall": "待另行选举",
    "complete": "选举完成",
}
#: What a command does, in Chinese and English, for the wrong-stage refusal.
ACTIONS = {
    "voters": ("公布选民名单", "publish the voter list"),
    "nominate": ("推荐代表候选人", "receive nominations"),
    "candidates": ("公布代表候选人名单", "publish the candidate list"),
    "final": ("公布正式代表候选人名单", "publish the final candidate list"),
    "proxies": ("委托投票", "authorise proxies"),
    "count": ("计票", "count a round"),
    "further": ("另行选举", "call a further election"),
}
#: The documents published ahead of election day, in Chinese and English.
DOCUMENTS = {
    "voters": ("选民名单", "voter list"),
    "candidates": ("代表候选人名单", "candidate list"),
    "final": ("正式代表候选人名单", "final candidate list"),
}


define_fact(
    "direct_election.unknown", "没有选区选举{election_id}的记录", "no record of constituency election {election_id}"
)
define_fact(
    "direct_election.exists", "选区选举{election_id}已有记录", "constituency election {election_id} is already recorded"
)
define_fact(
    "direct_election.wrong_stage",
    "选举处于“{stage_zh}”阶段，不能{action_zh}",
    "the election is at stage {stage_en}: cannot {action_en}",
)
define_fact("direct_election.count", "{what}为{value}，不是可能的数目", "{what} of {value} is not a possible number")
define(
    "direct_election.seats",
    zh_ok="本选区应选代表{seats}名，在一名至三名之间",
    zh_fail="本选区应选代表{seats}名，选区应按每一选区选一名至三名代表划分",
    en_ok="{seats} seat(s) in the constituency, within 1 to 3",
    en_fail="{seats} seat(s): a constituency elects one to three deputies",
)
define(
    "direct_election.lead_time",
    zh_ok="{document_zh}在选举日前{given}日公布，不少于{required}日",
    zh_fail="{document_zh}在选举日前{given}日公布，应在选举日的{required}日以前公布",
    en_ok="{document_en} published {given} days before election day, at least {required} required",
    en_fail="{document_en} published only {given} days before election day, at least {required} required",
)
define_fact(
    "direct_election.list_order",
    "正式代表候选人名单（{on}）不能早于代表候选人名单（{preliminary_on}）公布",
    "the final list ({on}) cannot precede the preliminary list ({preliminary_on})",
)
define_fact(
    "direct_election.nominator_kind",
    "代表候选人由政党、人民团体推荐或者由选民联名推荐，二者只能居其一",
    "a candidate is recommended by parties or organisations, or by voters jointly, not both or neither",
)
define(
    "direct_election.nominators",
    zh_ok="{nominators}名选民联名推荐代表候选人，达到{required}人以上",
    zh_fail="{nominators}名选民联名推荐，不足{required}人，不能推荐代表候选人",
    en_ok="{nominators} voters jointly recommend the candidate, at least {required} required",
    en_fail="{nominators} voters jointly recommend the candidate, at least {required} required",
)
define_fact(
    "direct_election.nominations_per_sponsor",
    "{sponsor}推荐的代表候选人将达{count}名，超过应选代表名额{seats}名",
    "{sponsor} would recommend {count} candidates, more than the {seats} seat(s)",
)
define_fact("direct_election.duplicate", "{candidate_id}在名单中重复出现", "{candidate_id} appears twice on the list")
define_fact("direct_election.nominated", "{candidate_id}已被推荐为代表候选人", "{candidate_id} is already nominated")
define_fact(
    "direct_election.not_eligible",
    "{candidate_id}不在可列入名单的人员中",
    "{candidate_id} may not stand on this list",
)
define(
    "direct_election.candidate_count",
    zh_ok="应选{seats}名，代表候选人{count}名，在{fewest}名至{most}名之间",
    zh_fail="应选{seats}名，代表候选人{count}名，应为{fewest}名至{most}名（多于应选名额三分之一至一倍）",
    en_ok="{count} candidates for {seats} seat(s), within {fewest} to {most}",
    en_fail="{count} candidates for {seats} seat(s): there must be {fewest} to {most} (1/3 to twice as many more)",
)
define_fact(
    "direct_election.rank_order",
    "{left_out}得{left_out_votes}票未列入名单，而得{included_votes}票的{included}列入，不符合得票多少的顺序",
    "{left_out} ({left_out_votes} votes) is left off while {included} ({included_votes} votes) is on: "
    "the list must follow the order of votes",
)
define(
    "direct_election.proxies",
    zh_ok="选民{holder_id}接受委托{count}人，不超过{limit}人",
    zh_fail="选民{holder_id}接受委托将达{count}人，每一选民接受的委托不得超过{limit}人",
    en_ok="voter {holder_id} holds {count} proxies, at most {limit}",
    en_fail="voter {holder_id} would hold {count} proxies, at most {limit} allowed",
)
define_fact(
    "direct_election.before_election_day",
    "投票日{on}早于选举日{election_day}或上一轮投票日",
    "a vote on {on} precedes election day {election_day} or the previous round",
)
define_fact(
    "direct_election.ballots_issued",
    "发出选票{issued}张，多于选区选民{registered}人",
    "{issued} ballots issued exceed the {registered} registered voters",
)
define_fact(
    "direct_election.voters",
    "参加投票的选民{voters}人，多于选区选民{registered}人",
    "{voters} voters who voted exceed the {registered} registered voters",
)
define_fact(
    "direct_election.votes_exceed",
    "{what}为{count}，超过有效选票所能容纳的{limit}",
    "{what} of {count} exceed the {limit} the valid ballots can hold",
)
define_fact(
    "direct_election.revote_candidate",
    "再次投票只在票数相等的候选人{tied}中进行，{candidate_id}不在其中",
    "the re-vote is among the tied candidates {tied} only, not {candidate_id}",
)
define_fact("direct_election.already_elected", "{candidate_id}已经当选", "{candidate_id} is already elected")
define(
    "direct_election.recall_requesters",
    zh_ok="原选区选民{requesters}人联名，达到{required}人以上，可以提出罢免要求",
    zh_fail="原选区选民{requesters}人联名，不足{required}人，不能提出罢免要求",
    en_ok="{requesters} voters of the constituency request the recall, at least {required} required",
    en_fail="{requesters} voters of the constituency request the recall, at least {required} required",
)
define_fact("direct_election.recall_reason", "罢免要求应当写明罢免理由", "a recall request must state its reasons")
define_fact(
    "direct_election.recall_target",
    "{deputy_id}不是本选区选出的在任代表",
    "{deputy_id} is not a deputy in office elected by this constituency",
)
define_fact(
    "direct_election.recall_open",
    "对代表{deputy_id}已有尚未表决的罢免要求",
    "a recall of {deputy_id} is already awaiting its vote",
)
define_fact("direct_election.recall_unknown", "没有罢免要求{recall_id}", "no recall request {recall_id}")
define_fact(
    "direct_election.recall_exists", "罢免要求{recall_id}已有记录", "recall request {recall_id} is already recorded"
)
define_fact(
    "direct_election.recall_closed", "罢免要求{recall_id}已经表决", "recall request {recall_id} was already voted on"
)
define(
    "direct_election.recall_vote",
    zh_ok="赞成罢免{yes}票，超过原选区全体选民{registered}人的半数（至少{required}票），罢免通过",
    zh_fail="赞成罢免{yes}票，未超过原选区全体选民{registered}人的半数（至少{required}票），罢免未通过",
    en_ok="recalled: {yes} yes of {registered} registered voters, more than half ({required}) required",
    en_fail="not recalled: {yes} yes of {registered} registered voters, more than half ({required}) required",
)
