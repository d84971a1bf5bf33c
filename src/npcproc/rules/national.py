"""The national floor: every number national law fixes, with its direction and article.

This table is the one source of these numbers: :mod:`npcproc.statute` reads them from
here, and the built-in national plugin registers them with the plugin manager.
"""

from __future__ import annotations

from fractions import Fraction

from npcproc.errors import InvalidArgumentError
from npcproc.model.levels import Level
from npcproc.rules.decision import Binding, Citation
from npcproc.rules.parameters import Direction, Parameter, Setting, Value

__all__ = ["ADVICE", "FIXED", "HIGHER", "LOWER", "PARAMETERS", "PROVINCIAL_ONLY", "citation", "national"]

HIGHER = Direction.HIGHER_IS_STRICTER
LOWER = Direction.LOWER_IS_STRICTER
FIXED = Direction.FIXED


def _p(
    name: str,
    national: Value,
    direction: Direction,
    law: str,
    article: int,
    paragraph: int | None,
    unit: str,
    en: str,
    zh: str,
    item: int | None = None,
) -> Parameter:
    citation = Citation(law=law, article=article, paragraph=paragraph, item=item)
    return Parameter(name=name, national=national, direction=direction, citation=citation, unit=unit, en=en, zh=zh)


# fmt: off
PARAMETERS: dict[str, Parameter] = {p.name: p for p in [
    _p("term.years", 5, FIXED, "OL", 9, 1, "years",
       "term of a congress", "每届任期"),
    _p("session.min_per_year", 1, HIGHER, "OL", 14, 1, "sessions",
       "sessions at least per year", "每年至少举行会议次数"),
    _p("session.quorum", Fraction(2, 3), HIGHER, "OL", 14, 4, "fraction of all deputies, inclusive",
       "deputies present for a session to be held", "会议出席代表比例（以上）"),
    _p("session.extraordinary_proposal", Fraction(1, 5), HIGHER, "OL", 14, 3, "fraction of all deputies, inclusive",
       "deputies who may propose an extraordinary session", "提议临时召集会议的代表比例（以上）"),
    # OL 21 "乡级的人民政府领导人员，列席本级人民代表大会会议" (restated by CQ 13 ¶1, SD 13). The county's
    # government members, supervision director, court president and procurator (the same article) are not recorded.
    _p("session.heads_attend", 1, HIGHER, "OL", 21, None, "1 = yes",
       "the township head and deputy heads who are not deputies attend every session",
       "不是代表的乡长、副乡长，镇长、副镇长列席会议"),
    _p("session.first_within_months", 2, LOWER, "OL", 20, 1, "months",
       "first session of a term after the deputy elections", "每届第一次会议在代表选举完成后的期限"),
    _p("vote.majority_of_all", Fraction(1, 2), HIGHER, "OL", 25, 1, "fraction of all deputies, exclusive",
       "yes votes to elect or pass a resolution", "选举和通过决议所需全体代表的比例（过半数）"),
    _p("resignation.deputy_majority.township", Fraction(1, 2), HIGHER, "EL", 55, 2,
       "fraction of all deputies, exclusive", "yes votes for a township congress to accept a deputy's resignation",
       "乡级人民代表大会接受代表辞职所需代表的比例（过半数）"),
    _p("bill.sponsors.township", 5, HIGHER, "OL", 22, 2, "deputies",
       "deputies to submit a bill (township)", "乡镇人大代表联名提出议案人数"),
    _p("bill.sponsors.county", 10, HIGHER, "OL", 22, 2, "deputies",
       "deputies to submit a bill (county)", "县级人大代表联名提出议案人数"),
    _p("election.nomination_days.county", 2, HIGHER, "OL", 27, 2, "days",
       "days of nominating and discussing candidates at a county general election",
       "县级人民代表大会换届选举提名、酝酿候选人的时间（不少于）"),
    _p("inquiry.sponsors.township", 10, HIGHER, "OL", 24, 1, "deputies",
       "deputies to file an inquiry (township)", "乡镇人大代表联名提出质询案人数"),
    _p("inquiry.sponsors.county", 10, HIGHER, "OL", 24, 1, "deputies",
       "deputies to file an inquiry (county)", "县级人大代表联名提出质询案人数"),
    _p("nomination.sponsors.township", 10, HIGHER, "OL", 26, 2, "deputies",
       "deputies to nominate a candidate (township)", "乡镇人大代表联名提名候选人人数"),
    _p("nomination.sponsors.county", 10, HIGHER, "OL", 26, 2, "deputies",
       "deputies to nominate a candidate (county)", "县级人大代表联名提名候选人人数"),
    _p("recall.sponsors.township", Fraction(1, 5), HIGHER, "OL", 31, 2, "fraction of all deputies, inclusive",
       "deputies to propose a recall (township)", "乡镇人大代表联名提出罢免案的比例（以上）"),
    _p("recall.sponsors.county", Fraction(1, 10), HIGHER, "OL", 31, 1, "fraction of all deputies, inclusive",
       "deputies to propose a recall (county)", "县级人大代表联名提出罢免案的比例（以上）"),
    _p("candidates.principal.extra_max", 1, FIXED, "OL", 27, 1, "candidates",
       "extra candidates at most for a principal post", "正职候选人最多多于应选人数"),
    _p("candidates.vice.extra_min", 1, FIXED, "OL", 27, 1, "candidates",
       "extra candidates at least for vice posts", "副职候选人至少多于应选人数"),
    _p("candidates.vice.extra_max", 3, FIXED, "OL", 27, 1, "candidates",
       "extra candidates at most for vice posts", "副职候选人最多多于应选人数"),
    _p("candidates.committee.extra_min", Fraction(1, 10), FIXED, "OL", 27, 1, "fraction of seats",
       "extra candidates at least for standing-committee members", "常委会委员候选人至少多于应选人数的比例"),
    _p("candidates.committee.extra_max", Fraction(1, 5), FIXED, "OL", 27, 1, "fraction of seats",
       "extra candidates at most for standing-committee members", "常委会委员候选人最多多于应选人数的比例"),
    _p("quota.county.base", 140, FIXED, "EL", 12, 1, "deputies",
       "county deputy quota base", "县级代表名额基数", item=3),
    _p("quota.county.people_per_deputy", 5000, FIXED, "EL", 12, 1, "people",
       "people per additional county deputy", "县级每增加一名代表的人口数", item=3),
    _p("quota.county.max", 450, FIXED, "EL", 12, 1, "deputies",
       "county deputy quota at most", "县级代表总名额上限", item=3),
    _p("quota.township.base", 45, FIXED, "EL", 12, 1, "deputies",
       "township deputy quota base", "乡级代表名额基数", item=4),
    _p("quota.township.people_per_deputy", 1500, FIXED, "EL", 12, 1, "people",
       "people per additional township deputy", "乡级每增加一名代表的人口数", item=4),
    _p("quota.township.max", 160, FIXED, "EL", 12, 1, "deputies",
       "township deputy quota at most", "乡级代表总名额上限", item=4),
    _p("suggestion.reply_months", 3, LOWER, "DL", 51, 2, "months",
       "reply to a deputy's suggestion", "代表建议答复期限"),
    _p("suggestion.reply_months_complex", 6, LOWER, "DL", 51, 2, "months",
       "reply to a broad or hard suggestion", "涉及面广、处理难度大的代表建议答复期限"),
    # DL 51 ¶3 (2025) "代表建议、批评和意见办理情况的报告，应当予以公开": every congress; no period is given, so a
    # report is judged by the end of the year it was made in (npcproc.procedures.suggestion.handling_reports).
    _p("suggestion.handling_report_published", 1, HIGHER, "DL", 51, 3, "1 = yes",
       "the report on the handling of deputies' suggestions is made public",
       "代表建议、批评和意见办理情况的报告予以公开"),
    # OL 70 ¶3 "民族乡的乡长由建立民族乡的少数民族公民担任" (a 民族乡 records its minority: Congress.ethnic_minority)
    _p("township_head.ethnic_minority", 1, HIGHER, "OL", 70, 3, "1 = yes",
       "the head of an ethnic township is a citizen of the minority that established it",
       "民族乡的乡长由建立民族乡的少数民族公民担任"),
    _p("direct_election.turnout", Fraction(1, 2), HIGHER, "EL", 45, 1, "fraction of registered voters, exclusive",
       "turnout for a direct election to be valid", "直接选举有效的投票选民比例（过半数）"),
    _p("direct_election.majority", Fraction(1, 2), HIGHER, "EL", 45, 1, "fraction of voters who voted, exclusive",
       "votes to win a direct election", "直接选举当选所需参加投票选民的比例（过半数）"),
    _p("direct_election.runoff_floor", Fraction(1, 3), HIGHER, "EL", 45, 5, "fraction of ballots, inclusive",
       "votes to win a further direct election", "另行选举当选所需选票比例（不少于）"),
    # OL 18 ¶1 设主席，并可以设副主席一人至二人: vice-chairs are a permission, so none at least
    _p("township.vice_chairs.min", 0, HIGHER, "OL", 18, 1, "vice-chairs",
       "vice-chairs of a township congress at least", "乡镇人民代表大会副主席至少人数"),
    # OL 43 ¶3 有代表三人以上的居民地区或者生产单位可以组织代表小组: 以上 includes three
    _p("deputy_group.min_members", 3, HIGHER, "OL", 43, 3, "deputies",
       "deputies of a deputy group at least", "代表小组至少代表人数"),
    _p("deputy.unexcused_absences_end_mandate", 2, FIXED, "DL", 62, 1, "sessions",
       "unexcused absences that end a mandate", "未经批准不出席会议终止代表资格的次数", item=3),
]}

# Numbers only provincial law sets: no national value, so any provincial value applies.
PROVINCIAL_ONLY = [
    Parameter(name=name, national=None, direction=direction, citation=None, unit=unit, en=en, zh=zh)
    for name, direction, unit, en, zh in [
        ("session.notice_days", HIGHER, "days", "notice of a regular session",
         "会议举行前通知代表的天数"),
        ("session.materials_days", HIGHER, "days", "materials to deputies before a regular session",
         "会议资料提前送达代表的天数"),
        ("session.min_days", HIGHER, "days", "length of a regular session at least",
         "会期至少天数"),
        ("session.max_attendees_fraction", LOWER, "fraction of all deputies, inclusive",
         "non-deputies attending a session at most", "列席会议人数不得超过代表总数的比例"),
        ("session.first_preparatory_by_last_presidium", HIGHER, "1 = yes",
         "the preparatory meeting of a term's first session is presided by the last session's presidium",
         "每届第一次会议的预备会议由上次人民代表大会主席团主持"),
        # CQ 13 ¶1, SD 13, BJ 16 ¶1 "其他有关机关、团体负责人，经主席团决定，可以列席" (OL 21 says it for county
        # congresses only, of the standing committee's decision)
        ("session.attendees_admitted", HIGHER, "1 = yes",
         "attendees other than the township heads attend by the presidium's decision",
         "其他列席人员经主席团决定列席"),
        ("session.invite_upper_deputies", HIGHER, "1 = yes",
         "the upper-level deputies elected in the area are invited to attend a session",
         "邀请本行政区域内上级人民代表大会代表列席会议"),
        ("presidium.min_size", HIGHER, "members", "presidium members at least",
         "主席团成员至少人数"),
        ("presidium.max_size", LOWER, "members", "presidium members at most",
         "主席团成员至多人数"),
        ("presidium.members_no_admin_post", HIGHER, "1 = yes", "no presidium member may hold an administrative post",
         "主席团成员不得担任国家行政机关职务"),
        ("resignation.presidium_may_accept", HIGHER, "1 = yes",
         "the presidium may accept a resignation between sessions",
         "闭会期间主席团可以接受辞职"),
        # a larger size opens the looser path of BJ 12 ¶1 to more congresses: lower is stricter
        ("inquiry.small_congress_size", LOWER, "deputies", "congress size up to which a fraction may file an inquiry",
         "可按比例联名提出质询案的代表总数上限"),
        ("inquiry.small_congress_fraction", HIGHER, "fraction of all deputies, inclusive",
         "deputies who may file an inquiry in a small congress",
         "代表总数较少时联名提出质询案的代表比例"),
        ("inquiry.complex_answer_months", LOWER, "months", "answer to a complex inquiry after the session",
         "情况复杂的质询案在闭会后答复的期限"),
        ("supervision.satisfaction_threshold", HIGHER, "fraction of raters, inclusive",
         "raters satisfied for a satisfaction rating to pass",
         "满意度测评通过所需满意比例（以上）"),
        ("supervision.rectification_months", LOWER, "months",
         "report on the handling of supervision opinions after referral",
         "监督意见交办后报告研究处理情况的期限"),
        ("livelihood.candidate_margin", HIGHER, "projects", "candidate projects beyond the number to choose, at least",
         "票决候选项目多于拟票决产生项目数的差额（至少）"),
        ("livelihood.review_by_presidium", HIGHER, "1 = yes",
         "township candidate projects are reviewed by the presidium before the vote",
         "乡镇民生实事候选项目经主席团审议后提请票决"),
        ("livelihood.review_by_standing_committee", HIGHER, "1 = yes",
         "county candidate projects are reviewed by the standing committee before the vote",
         "县级民生实事候选项目经常务委员会审议后提请票决"),
        ("livelihood.performance_evaluation", HIGHER, "1 = yes", "deputies track and evaluate every chosen project",
         "代表对票决项目实施情况跟踪监督和绩效评估"),
        ("presidium.max_months_between_meetings", LOWER, "months", "presidium meets between sessions at least every",
         "闭会期间主席团会议间隔至多月数"),
        ("presidium.min_meetings_per_quarter", HIGHER, "meetings", "presidium meetings in each calendar quarter",
         "主席团每季度至少举行会议次数"),
        ("presidium.meeting_quorum", HIGHER, "fraction of all members, exclusive",
         "presidium members present for a meeting to be held",
         "主席团会议出席成员比例（过半数）"),
        ("presidium.convened_by_chair", HIGHER, "1 = yes",
         "presidium meetings are convened by the chair, by a vice-chair when the chair's post is vacant",
         "主席团会议由主席召集，主席缺位时由副主席召集"),
        # HN 4 ¶1 (7) "印发下一次人民代表大会会议". DL 51 ¶3 says the same of a county's report; it is not set
        # nationally because a township's report goes "向乡、民族乡、镇的人民代表大会报告" without "下一次".
        ("suggestion.handling_report_to_next_session", HIGHER, "1 = yes",
         "the suggestion-handling report is among the documents of the next session",
         "代表建议办理情况的报告印发下一次人民代表大会会议"),
        # ZJ 18 ¶1 "应当制定大会议事规则"; ZJ 32 ¶1 "主席团应当……制定财政预算审查批准工作制度" (no date in either:
        # npcproc.procedures.standing_rules.commands anchors them to the session's close and the budget's approval).
        ("session.rules_of_procedure", HIGHER, "1 = yes",
         "a session closes under rules of procedure the congress has adopted",
         "乡镇人民代表大会制定大会议事规则"),
        ("budget.review_procedure", HIGHER, "1 = yes",
         "the budget is approved under a budget review procedure the presidium has adopted",
         "主席团制定财政预算审查批准工作制度"),
        # ZJ 33 ¶1: anchored to a session hearing the budget execution or final accounts report.
        ("budget.supervision_system", HIGHER, "1 = yes",
         "the budget execution and final accounts are heard under a supervision system the presidium has adopted",
         "主席团制定财政预算执行监督和决算监督制度"),
        # CQ 47 "立即书面报告……闭会期间，书面报告……主席团，由主席团报告下一次人民代表大会会议" (DL 39 ¶4 asks a
        # report to the township congress without saying how).
        ("restraint.presidium_reports_to_next_session", HIGHER, "1 = yes",
         "a measure against a township deputy is reported in writing; between sessions to the presidium, which "
         "reports it to the next session", "代表被采取限制人身自由措施的书面报告，闭会期间由主席团报告下一次会议"),
        # CQ 20 ¶1 "换届时选出的下一届代表的代表资格", BJ 15 ¶2 "由上届代表资格审查委员会进行审查".
        ("credentials.reviews_next_term", HIGHER, "1 = yes",
         "the outgoing credentials committee reviews the next term's deputies before its first session",
         "上届代表资格审查委员会在新一届第一次会议前审查新选出的代表"),
        ("presidium.extra_meeting_proposers", HIGHER, "members, inclusive",
         "presidium members who jointly propose an extra meeting between sessions",
         "临时召集主席团会议须联名提议的主席团成员人数（以上）"),
        ("presidium.decision_majority", HIGHER, "fraction of all members, exclusive",
         "presidium members voting yes for a decision",
         "主席团决定问题所需全体成员比例（过半数）"),
        ("township.chair.full_time", HIGHER, "1 = yes", "the township chair holds the post full-time",
         "乡镇人民代表大会主席为专职"),
        ("township.vice_chairs.min_full_time", HIGHER, "vice-chairs",
         "full-time vice-chairs of a township congress at least", "乡镇人民代表大会专职副主席至少人数"),
        ("township.chairs.min_full_time", HIGHER, "holders",
         "full-time holders among a township's chair and vice-chairs at least",
         "乡镇人民代表大会主席、副主席中专职人数至少"),
        # CQ 16 ¶1, BJ 14 "对迫切需要办理又有条件办理的……应当在会议期间办理或者提出办理方案答复代表".
        ("suggestion.urgent_due_at_session_close", HIGHER, "1 = yes",
         "an urgent and feasible suggestion made at a session is answered by the session's close",
         "迫切需要办理又有条件办理的代表建议在会议期间办理或者提出办理方案答复代表"),
        ("bill.unlisted_becomes_suggestion", HIGHER, "1 = yes", "a bill not listed becomes a suggestion",
         "未列入议程的议案转为建议"),
        ("session.preparations", HIGHER, "1 = yes",
         "the presidium drafts the agenda, the attendees, the committees and the presidium list before a session",
         "主席团在会议举行前拟定议程、列席人员、委员会和主席团名单草案"),
        ("vote.result_announced", HIGHER, "1 = yes",
         "the result of a plenary vote is announced on the spot by an executive chair, a member of the presidium",
         "表决结果由会议执行主席当场宣布"),
        # CQ 14 ¶4 (from the presidium's decision to convene), SD 14 ¶2 (also before the session is held): a power
        ("bill.before_session", HIGHER, "1 = yes",
         "deputies' bills may be submitted once the session is planned, before its preparatory meeting",
         "代表议案可以在会议举行前、自召开会议的决定之日起提出"),
        ("bill.by_deadline", HIGHER, "1 = yes",
         "a deputies' bill is submitted on or before the last day for bills the presidium fixed",
         "代表议案在主席团规定的截止日期前提出"),
        # ZJ 26 ¶1 "每年选择若干…安排代表听取和讨论本级人民政府的专项工作报告" (若干: one at least), between sessions.
        # OL 19 ¶2 (2022) carries the same words without a number or 应当; no national value is set from it.
        ("supervision.special_reports_per_year", HIGHER, "special work reports",
         "special work reports the presidium has deputies hear between sessions each year, at least",
         "主席团每年安排代表听取和讨论专项工作报告至少次数"),
        # ZJ 27 "在组织代表听取和讨论专项工作报告前，组织代表对有关工作进行视察或者专题调查研究".
        ("supervision.visit_before_special_report", HIGHER, "1 = yes",
         "deputies inspect or research the work before they hear a special work report on it",
         "听取和讨论专项工作报告前组织代表对有关工作进行视察或者专题调查研究"),
        # The township credentials committee 代表资格审查委员会 (OL 37 says only that it serves for the term).
        ("credentials.committee_required", HIGHER, "1 = yes",
         "a term's first session sets up a credentials committee", "每届第一次会议设立代表资格审查委员会"),
        ("credentials.nominated_by_presidium", HIGHER, "1 = yes",
         "the presidium nominates the credentials committee", "代表资格审查委员会由主席团提名"),
        ("credentials.members_from_deputies", HIGHER, "1 = yes",
         "the credentials committee's members are deputies of the term", "代表资格审查委员会组成人员从本届代表中提名"),
        ("credentials.chairs_from_presidium", HIGHER, "1 = yes",
         "the credentials committee's chair and vice-chairs are presidium members",
         "代表资格审查委员会主任委员、副主任委员从主席团成员中提名"),
        ("credentials.chair", HIGHER, "1 = yes", "the credentials committee has a chair",
         "代表资格审查委员会设主任委员"),
        ("credentials.vice_chairs.min", HIGHER, "vice-chairs", "vice-chairs of the credentials committee at least",
         "代表资格审查委员会副主任委员至少人数"),
        ("credentials.vice_chairs.max", LOWER, "vice-chairs", "vice-chairs of the credentials committee at most",
         "代表资格审查委员会副主任委员至多人数"),
        ("credentials.members.min", HIGHER, "members", "members of the credentials committee at least",
         "代表资格审查委员会委员至少人数"),
        ("credentials.members.max", LOWER, "members", "members of the credentials committee at most",
         "代表资格审查委员会委员至多人数"),
        ("deputy_group.leader", HIGHER, "1 = yes", "a deputy group's deputies choose its leader from among themselves",
         "代表小组由本小组代表推选组长"),
        ("deputy_group.min_activities_per_quarter", HIGHER, "activities",
         "activities of each deputy group in each calendar quarter", "代表小组每季度至少开展活动次数"),
        # A session's deliberation groups 代表团（组） (SD 11, SD 12; DL 14 sets no number of conveners).
        ("session_group.conveners.min", HIGHER, "conveners", "conveners each session group chooses, at least",
         "代表团（组）推选召集人至少人数"),
        ("session_group.conveners.max", LOWER, "conveners", "conveners each session group chooses, at most",
         "代表团（组）推选召集人至多人数"),
        ("session_group.presided_by_convener", HIGHER, "1 = yes",
         "a session group's meeting is presided over by one of its conveners", "代表团（组）会议由召集人主持"),
        ("session_group.government_attends", HIGHER, "1 = yes",
         "the township government sends someone to a group meeting deliberating a bill or report",
         "代表团（组）会议审议议案或者有关报告时乡镇人民政府派人到会"),
        ("session_group.special_meeting_government", HIGHER, "1 = yes",
         "the township government sends someone to the chairs' meeting on a special question",
         "就重大的专门性问题召集代表讨论时乡镇人民政府派人参加"),
        # A session's committees (SD 7: 议案审查委员会、财政预算审查委员会; SD 18 ¶2: the budget committee's report).
        ("session_committee.lists_required", HIGHER, "1 = yes",
         "each session's preparatory meeting adopts the lists of the bills and budget review committees",
         "每次会议的预备会议通过议案审查委员会和财政预算审查委员会人员名单"),
        ("session_committee.budget_report_before_vote", HIGHER, "1 = yes",
         "a vote on the budget, its adjustment or its execution follows the budget committee's report on it",
         "财政预算审查委员会提出审查结果的报告后，预算、预算调整方案和预算执行情况的决议草案提请表决"),
        # HN 4 ¶1 (4) "开展满意度测评，评议、测评结果向社会公开": no period is given; a rating is public by the
        # end of the year it was held in.
        ("supervision.ratings_published", HIGHER, "1 = yes",
         "a satisfaction rating's result is made public by the end of the year it was held in",
         "满意度测评结果于测评当年内向社会公开"),
    ]
]
# ZJ 32 ¶2 "在批准后二十日内向社会公开": a period from the approval of the budget. The Budget Law (预算法 14) sets
# the same twenty days nationally, but its text is not shipped, so there is no national value to cite.
# ZJ 33 ¶2: the adjustment plan to the presidium in writing, the deputies' opinions heard, then the congress.
PROVINCIAL_ONLY.append(Parameter(
    name="budget.adjustment_through_presidium", national=None, direction=HIGHER, citation=None, unit="1 = yes",
    en="a budget adjustment reaches the presidium in writing and the deputies are heard before the congress approves",
    zh="预算调整方案以书面形式报主席团并听取代表意见后提请大会审查批准",
))
PROVINCIAL_ONLY.append(Parameter(
    name="budget.publication_days", national=None, direction=LOWER, citation=None, unit="days",
    en="approved budget report made public within, after its approval", zh="批准的财政预算报告在批准后向社会公开的期限",
    starts="budget_approved",
))
# fmt: on
PARAMETERS.update((p.name, p) for p in PROVINCIAL_ONLY)


#: What national law says "normally" (一般) about: advice, so a departure is a notice, never a violation.
ADVICE = (
    Setting(parameter="session.min_per_year", value=2, citation=Citation(law="OL", article=14, paragraph=1),
            levels=frozenset({Level.TOWNSHIP}), binding=Binding.NORMALLY),
)  # fmt: skip


def national(name: str) -> Value:
    """The national value of a parameter; every statute number is read through here."""
    value = PARAMETERS[name].national
    if value is None:
        raise InvalidArgumentError("name", f"{name} has no national value")
    return value


def citation(name: str) -> Citation:
    cited = PARAMETERS[name].citation
    if cited is None:
        raise InvalidArgumentError("name", f"{name} cites no national law")
    return cited
