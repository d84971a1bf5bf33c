# Over 400 lines: the shared catalogue of codes that base, congress and session-family refusals raise, one per code.
"""Chinese and English explanations for the procedures' refusals and checks."""

from __future__ import annotations

from npcproc.i18n import define, define_fact

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
define_fact("session.unknown", "没有会议{session_id}的记录", "no record of session {session_id}")
define_fact("session.exists", "会议{session_id}已有记录", "session {session_id} is already recorded")
define_fact("session.wrong_stage", "会议处于“{status}”阶段，不能{action}", "the session is {status}: cannot {action}")
define_fact("session.convener", "{level}人民代表大会会议由{expected}召集，不由{given}召集",
      "a {level} congress's session is convened by the {expected}, not the {given}")  # fmt: skip
define(
    "session.extraordinary_proposal",
    zh_ok="{proposers}名代表提议临时召集会议，达到五分之一以上（{required}名）",
    zh_fail="{proposers}名在任代表提议，不足全体代表{total}名的五分之一以上（{required}名），不能临时召集会议",
    en_ok="{proposers} deputies propose an extraordinary session, at least {required} required",
    en_fail="{proposers} deputies in office propose, fewer than 1/5 of {total} ({required}): no extraordinary session",
)
define(
    "session.first_of_term",
    zh_ok="第一次会议{opens_on}在代表选举完成（{elected_on}）后{months}个月内",
    zh_fail="第一次会议{opens_on}晚于代表选举完成（{elected_on}）后{months}个月（{deadline}）",
    en_ok="first session on {opens_on}, within {months} months of the elections ({elected_on})",
    en_fail="first session on {opens_on} is after {deadline}, {months} months from the elections ({elected_on})",
)
define(
    "session.notice",
    zh_ok="会议举行前{given}日通知代表，不少于{required}日",
    zh_fail="会议举行前{given}日通知代表，少于规定的{required}日",
    en_ok="notice {given} days ahead, at least {required} required",
    en_fail="notice only {given} days ahead, at least {required} required",
)
define(
    "session.materials",
    zh_ok="会议资料提前{given}日送达，不少于{required}日",
    zh_fail="会议资料提前{given}日送达，少于规定的{required}日",
    en_ok="materials {given} days ahead, at least {required} required",
    en_fail="materials only {given} days ahead, at least {required} required",
)
define(
    "session.length",
    zh_ok="会期{days}天，不少于{required}天",
    zh_fail="例会会期{days}天，少于规定的{required}天",
    en_ok="session of {days} day(s), at least {required} required",
    en_fail="regular session of {days} day(s), at least {required} required",
)
define(
    "presidium.min_size",
    zh_ok="主席团{size}人，不少于{low}人",
    zh_fail="主席团{size}人，少于{low}人",
    en_ok="presidium of {size}, at least {low}",
    en_fail="presidium of {size}, fewer than {low}",
)
define(
    "presidium.max_size",
    zh_ok="主席团{size}人，不超过{high}人",
    zh_fail="主席团{size}人，超过{high}人",
    en_ok="presidium of {size}, at most {high}",
    en_fail="presidium of {size}, more than {high}",
)
define_fact("presidium.admin_post", "{deputy_id}担任国家行政机关职务，不得为主席团成员",
      "{deputy_id} holds an administrative post and may not sit on the presidium")  # fmt: skip
define_fact(
    "presidium.chair_member",
    "主席、副主席{deputy_id}应为主席团成员",
    "chair or vice-chair {deputy_id} must sit on the presidium",
)
define_fact(
    "attendance.not_in_office",
    "出席名单中的{deputy_id}不是在任代表",
    "{deputy_id} on the attendance list is not in office",
)
define_fact(
    "attendance.on_leave",
    "{deputy_id}已请假，不能同时登记出席",
    "{deputy_id} is on leave and cannot be recorded present",
)
define_fact(
    "attendance.attendee_is_deputy",
    "列席人员名单中的{attendee}是在任代表，代表出席而不列席会议",
    "{attendee} on the list of non-deputies attending is a deputy in office: a deputy attends as a deputy",
)
define(
    "session.preparatory_presided_by",
    zh_ok="本届第一次会议{session}的预备会议由上次人民代表大会（{presided_by}）主席团主持",
    zh_fail="本届第一次会议{session}的预备会议应当由上次人民代表大会主席团主持（记录中的上次会议：{expected}），"
    "记录为{presided_by}的主席团",
    en_ok="the preparatory meeting of {session}, the term's first session, was presided by the presidium of the last "
    "session ({presided_by})",
    en_fail="the preparatory meeting of {session}, the term's first session, is presided by the presidium of the last "
    "session (on record: {expected}), not of {presided_by}",
)
define(
    "session.upper_deputies_invited",
    zh_ok="邀请本行政区域内上级人民代表大会代表{invited}人列席会议",
    zh_fail="本行政区域内有上级人民代表大会代表{upper_deputies}人，会议没有邀请其列席",
    en_ok="{invited} upper-level deputies elected in the area were invited to attend",
    en_fail="{upper_deputies} upper-level deputies were elected in the area and none was invited to attend",
)
define(
    "session.attendees",
    zh_ok="列席{attending}人，未超过代表总数{total}人的{fraction}（{allowed}人）",
    zh_fail="列席{attending}人，超过代表总数{total}人的{fraction}（至多{allowed}人）",
    en_ok="{attending} non-deputies attending, no more than {fraction} of the {total} deputies ({allowed})",
    en_fail="{attending} non-deputies attending, more than {fraction} of the {total} deputies (at most {allowed})",
)
define_fact("bill.exists", "议案{bill_id}已提出", "bill {bill_id} was already submitted")
define_fact("bill.unknown", "没有议案{bill_id}", "no bill {bill_id}")
define(
    "bill.sponsors",
    zh_ok="{sponsors}名代表联名提出议案，达到{required}人以上",
    zh_fail="{sponsors}名在任代表联名，不足{required}人，不能提出议案",
    en_ok="{sponsors} deputies sponsor the bill, at least {required} required",
    en_fail="{sponsors} deputies in office sponsor the bill, at least {required} required",
)
define_fact(
    "bill.sponsor_kind",
    "议案由机关或者代表联名提出，二者只能居其一",
    "a bill comes from a body or from deputies, not both",
)
define_fact(
    "bill.wrong_stage", "议案{bill_id}处于“{status}”状态，不能{action}", "bill {bill_id} is {status}: cannot {action}"
)
define_fact("vote.exists", "表决{vote_id}已有记录", "vote {vote_id} is already recorded")
define_fact("vote.unknown", "没有表决{vote_id}", "no vote {vote_id}")
define_fact("vote.subject", "表决事项{subject}不在议程上或未列入议程", "{subject} is not on the agenda or not listed")
define_fact("vote.closed", "表决{vote_id}已结束", "vote {vote_id} is closed")
define_fact(
    "vote.not_entitled",
    "{deputy_id}未在表决开始时登记为有表决权的出席代表",
    "{deputy_id} was not registered as entitled when the vote opened",
)
define_fact("vote.twice", "{deputy_id}已经表决", "{deputy_id} has already voted")
define_fact("vote.method", "表决方式为{method}，不能{action}", "the vote is by {method}: cannot {action}")
define_fact(
    "vote.count",
    "赞成、反对、弃权合计{marked}票，多于有表决权的{entitled}人",
    "{marked} votes exceed the {entitled} entitled",
)
define(
    "agenda.required_item",
    zh_ok="本年度议程包含{item}",
    zh_fail="本年度议程缺少法定事项：{item}",
    en_ok="the year's agendas include {item}",
    en_fail="the year's agendas lack a statutory item: {item}",
)
define(
    "agenda.sessions_per_year",
    zh_ok="本年度举行例会{held}次，不少于{required}次",
    zh_fail="本年度举行例会{held}次，少于{required}次",
    en_ok="{held} regular session(s) this year, at least {required} required",
    en_fail="only {held} regular session(s) this year, at least {required} required",
)
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
define_fact(
    "posts.not_township", "{level}人民代表大会不设主席、副主席", "a {level} congress has no chair or vice-chairs"
)
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
define_fact("vote.count_over_present", "{field}：赞成、反对、弃权合计{marked}票，多于出席的{present}名代表",
            "{field}: {marked} votes exceed the {present} deputies present")  # fmt: skip
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
