"""Chinese and English explanations for livelihood projects."""

from __future__ import annotations

from npcproc.i18n import define, define_fact

__all__ = ["ACTIONS_ZH", "NAMES_ZH"]

#: Chinese for the English values (stages, bodies) that explanations name.
NAMES_ZH = {
    "collecting": "征集和初审", "listed": "待票决", "revote": "待再次投票", "implementing": "实施",
    "evaluated": "已评议", "government": "人民政府", "presidium": "主席团", "standing_committee": "常务委员会",
}  # fmt: skip
#: Chinese for the actions a wrong-stage refusal names.
ACTIONS_ZH = {
    "receive a proposal": "接收项目建议", "review a proposal": "初审项目", "list the candidates": "确定候选项目",
    "vote": "票决", "report progress": "报告实施进度", "record a visit": "记录视察", "evaluate": "评议",
}  # fmt: skip


# -- livelihood projects 民生实事项目 -----------------------------------------------------------

define_fact("livelihood.unknown", "没有代表大会{congress_id}{year}年民生实事项目的记录",
      "no record of congress {congress_id}'s livelihood projects for {year}")  # fmt: skip
define_fact("livelihood.exists", "代表大会{congress_id}{year}年民生实事项目已有记录",
      "congress {congress_id}'s livelihood projects for {year} are already recorded")  # fmt: skip
define_fact("livelihood.wrong_stage", "民生实事项目处于“{stage_zh}”阶段，不能{action_zh}",
      "the livelihood projects are at stage {stage_en}: cannot {action_en}")  # fmt: skip
define_fact("livelihood.project_exists", "项目{project_id}已有记录", "project {project_id} is already recorded")
define_fact("livelihood.project_unknown", "没有项目{project_id}的记录", "no record of project {project_id}")
define(
    "livelihood.title",
    zh_ok="项目{project_id}写明了名称",
    zh_fail="项目{project_id}没有写明名称",
    en_ok="project {project_id} has a title",
    en_fail="project {project_id} has no title",
)
define(
    "livelihood.proposers",
    zh_ok="代表提出的项目{project_id}写明了提出的代表",
    zh_fail="代表提出的项目{project_id}没有写明提出的代表",
    en_ok="project {project_id} names the deputies who proposed it",
    en_fail="project {project_id} is proposed by deputies but names none",
)
define_fact("livelihood.reviewed", "项目{project_id}已经初审", "project {project_id} has already been reviewed")
define_fact("livelihood.review_reasons", "初审未通过项目{project_id}，应当说明理由",
      "project {project_id} is rejected at review: the reasons must be given")  # fmt: skip
define(
    "livelihood.quota",
    zh_ok="拟票决产生项目{quota}个",
    zh_fail="拟票决产生的项目数{quota}应当至少为一个",
    en_ok="{quota} project(s) to choose",
    en_fail="{quota} projects to choose: at least one is needed",
)
define_fact("livelihood.not_accepted", "项目{project_id}未经初审通过，不能列为候选项目",
      "project {project_id} did not pass the review and cannot be a candidate")  # fmt: skip
define(
    "livelihood.margin",
    zh_ok="候选项目{candidates}个，多于拟票决产生的{quota}个，差额不少于{margin}个",
    zh_fail="候选项目{candidates}个，应当至少{required}个（拟票决产生{quota}个，差额至少{margin}个）",
    en_ok="{candidates} candidates for {quota} project(s), at least {margin} more",
    en_fail="{candidates} candidates for {quota} project(s): at least {required} needed ({margin} more than the quota)",
)
define_fact("livelihood.review_body", "候选项目{project_id}应当经{body_zh}审议后提请票决",
      "candidate {project_id} must be reviewed by the {body} before the vote")  # fmt: skip
define_fact(
    "livelihood.session",
    "会议{session_id}不在举行中或不属于代表大会{congress_id}，不能票决",
    "session {session_id} is {status} or not of congress {congress_id}: the vote is held at its open session",
)
define(
    "livelihood.ballots",
    zh_ok="发出选票{issued}张，收回{returned}张，全体代表{total}人",
    zh_fail="发出选票{issued}张、收回{returned}张，与全体代表{total}人不符",
    en_ok="{issued} ballots issued, {returned} returned, {total} deputies",
    en_fail="{issued} ballots issued and {returned} returned are impossible with {total} deputies",
)
define_fact("livelihood.not_candidate", "{project_id}不是候选项目", "{project_id} is not a candidate on the list")
define_fact("livelihood.project_votes", "项目{project_id}得{votes}票，不可能多于收回的{returned}张选票",
      "project {project_id} cannot have {votes} votes on {returned} ballots")  # fmt: skip
define(
    "livelihood.marks",
    zh_ok="每张选票所选项目不多于{seats}个",
    zh_fail="共选{marks}项，超过{ballots}张选票每张至多选{seats}个项目的限度",
    en_ok="no ballot marks more than {seats} project(s)",
    en_fail="{marks} marks on {ballots} ballots: a ballot may mark at most {seats} project(s)",
)
define(
    "livelihood.chosen",
    zh_ok="项目{candidate}得{votes}票，获得全体代表过半数（至少{required}票），票决通过",
    zh_fail="项目{candidate}得{votes}票",
    en_ok="project {candidate} chosen with {votes} votes (majority of all deputies: {required})",
    en_fail="project {candidate}: {votes} votes",
)
define(
    "livelihood.tie",
    zh_ok="",
    zh_fail="项目{candidates}得票相等（{votes}票），须就票数相等的项目再次投票，余{open_seats}个名额",
    en_ok="",
    en_fail="projects {candidates} tied at {votes} votes for the last {open_seats} place(s): re-vote among them",
)
define(
    "livelihood.shortfall",
    zh_ok="",
    zh_fail="获得全体代表过半数（至少{required}票）的项目少于拟票决产生的{seats}个，缺{shortfall}个",
    en_ok="",
    en_fail="{shortfall} of {seats} place(s) unfilled: too few projects reached {required} votes",
)
define_fact("livelihood.revote_chosen", "再次投票中项目{candidate}得{votes}票，以得票多的当选",
      "project {candidate} chosen at the re-vote with {votes} votes, the most")  # fmt: skip
define_fact("livelihood.not_chosen", "项目{project_id}未经票决通过", "project {project_id} was not chosen by the vote")
define(
    "livelihood.progress",
    zh_ok="项目{project_id}完成进度{percent}%，不低于上次报告的{last}%",
    zh_fail="项目{project_id}完成进度{percent}%不成立：应在上次报告的{last}%至100%之间",
    en_ok="project {project_id} {percent}% complete, not below the last {last}%",
    en_fail="project {project_id} at {percent}%: progress must lie between the last {last}% and 100%",
)
define(
    "livelihood.date_order",
    zh_ok="{on}不早于{last}",
    zh_fail="{on}早于此前记录的{last}",
    en_ok="{on} is not before {last}",
    en_fail="{on} is before {last}, already on record",
)
define(
    "livelihood.visit",
    zh_ok="代表小组视察项目{project_id}，记录了视察意见",
    zh_fail="视察项目{project_id}应当写明参加的代表和视察意见",
    en_ok="deputies visited project {project_id} and recorded findings",
    en_fail="a visit to project {project_id} names the deputies and records the findings",
)
define(
    "livelihood.rating_scope",
    zh_ok="测评涵盖全部票决项目（{chosen}）",
    zh_fail="测评项目（{rated}）应当恰为票决产生的项目（{chosen}）",
    en_ok="the rating covers every chosen project ({chosen})",
    en_fail="the rating must cover exactly the chosen projects ({chosen}), not ({rated})",
)
define_fact("livelihood.raters", "项目{project_id}有{raters}名代表测评，应在1至{total}名之间，各项票数不得为负",
      "project {project_id} rated by {raters} deputies: 1 to {total} expected, no count negative")  # fmt: skip
define(
    "livelihood.satisfaction",
    zh_ok="项目{project_id}满意和基本满意{content}票，超过测评代表{raters}人的半数，测评满意",
    zh_fail="项目{project_id}满意和基本满意{content}票，未超过测评代表{raters}人的半数（至少{required}票），测评不满意",
    en_ok="project {project_id} rated satisfactory: {content} of {raters} satisfied or basically satisfied",
    en_fail="project {project_id} rated unsatisfactory: {content} of {raters} satisfied or basically satisfied, "
    "{required} needed",
)
define(
    "livelihood.tracked",
    zh_ok="代表对项目{project_id}进行了{visits}次跟踪监督",
    zh_fail="代表未对项目{project_id}实施情况进行跟踪监督",
    en_ok="deputies tracked project {project_id} with {visits} visit(s)",
    en_fail="deputies never tracked project {project_id}'s implementation",
)
