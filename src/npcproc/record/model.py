# Over 400 lines: the record format: one frozen value per table of a record file, read together by the schema.
"""A record of congresses' years: what a TOML or JSON record file holds, as frozen attrs values.

One file holds one or more congress years (:class:`CongressYear`): the congress, its deputies
and their status changes, its sessions (notice, presidium, agenda, attendance, bills, votes,
elections, inquiries), its deputies' suggestions and its supervision cases. The enums are the
ones the procedures use, so a record says what the live API would record. Every count is
bounded by :data:`MAX_COUNT`, so a hostile number is refused at load time.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import attrs

from npcproc.model.congress import DeputyStatus, RulesKind
from npcproc.model.election import AnswerForm, InquiryTarget, Nominator, Office, RoundKind
from npcproc.model.levels import Level
from npcproc.model.session import (
    AgendaItem,
    Choice,
    ConveningBody,
    PreparationStep,
    SessionKind,
    SponsorBody,
    VoteMethod,
)
from npcproc.model.suggestion import Rating, ReplyCategory
from npcproc.procedures.session_committees.events import CommitteeKind
from npcproc.procedures.session_groups.events import MeetingKind
from npcproc.procedures.supervision.events import LeadTimes, LinkKind, Step

__all__ = [
    "FORMAT_VERSION",
    "MAX_COUNT",
    "ActivityRecord",
    "AdjustmentRecord",
    "AnswerRecord",
    "BillRecord",
    "CaseRecord",
    "CommitteeRecord",
    "CommitteeReportRecord",
    "CongressRecord",
    "CongressYear",
    "ConvenersMeetingRecord",
    "CountRecord",
    "CredentialsReportRecord",
    "DeputyGroupRecord",
    "DeputyRecord",
    "ElectionRecord",
    "GroupMeetingRecord",
    "HandlingReportRecord",
    "InquiryRecord",
    "LinkRecord",
    "NominationRecord",
    "PreparatoryRecord",
    "PublicationRecord",
    "RatingRecord",
    "ReplyRecord",
    "RoundRecord",
    "SessionCommitteeRecord",
    "SessionGroupRecord",
    "SessionRecord",
    "StandingRulesRecord",
    "StatusRecord",
    "StepRecord",
    "SuggestionRecord",
    "VoteRecord",
]

#: The version of the record format this module reads.
FORMAT_VERSION = 1
#: The largest count, population or number a record may give (a congress has at most 473 deputies).
MAX_COUNT = 1_000_000_000
_TEXT = 10_000  # longest free text, in characters


def _count(instance: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and not 0 <= value <= MAX_COUNT:
        shown = str(value) if len(str(value)) <= 20 else f"a number of {len(str(value))} digits"
        raise ValueError(f"{attribute.name}: must be between 0 and {MAX_COUNT}, got {shown}")


def _positive(instance: Any, attribute: attrs.Attribute[Any], value: int) -> None:
    _count(instance, attribute, value)
    if value < 1:
        raise ValueError(f"{attribute.name}: must be at least 1, got {value}")


def _name(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise ValueError(f"{attribute.name}: must not be empty")
    if len(value) > _TEXT:
        raise ValueError(f"{attribute.name}: longer than {_TEXT} characters")


def _text(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if len(value) > _TEXT:
        raise ValueError(f"{attribute.name}: longer than {_TEXT} characters")


def _counts(instance: Any, attribute: attrs.Attribute[Any], value: Mapping[str, int]) -> None:
    for key, count in value.items():
        if not 0 <= count <= MAX_COUNT:
            raise ValueError(f"{attribute.name}: {key!r} must be between 0 and {MAX_COUNT}")


def _days(instance: Any, attribute: attrs.Attribute[Any], value: Fraction) -> None:
    if not 0 < value <= 366:
        raise ValueError(f"{attribute.name}: must be more than 0 and at most 366 days, got {value}")


@attrs.frozen(kw_only=True)
class StatusRecord:
    """A change of a deputy's status from ``on`` (on leave, resigned, recalled, deceased, ended)."""

    status: DeputyStatus
    on: datetime.date
    note: str = attrs.field(default="", validator=_text)


@attrs.frozen(kw_only=True)
class DeputyRecord:
    """A deputy of the congress's current term, in office from ``elected_on`` (DL 2)."""

    id: str = attrs.field(validator=_name)
    name: str = attrs.field(validator=_name)
    elected_on: datetime.date
    changes: tuple[StatusRecord, ...] = ()
    administrative_post: bool = False  # holds a post in a state administrative organ (OL 18 ¶2)


@attrs.frozen(kw_only=True)
class BillRecord:
    """A bill 议案 from a body or from deputies jointly (OL 22), and whether the presidium listed it."""

    id: str = attrs.field(validator=_name)
    subject: str = attrs.field(validator=_name)
    grounds: str = attrs.field(validator=_name)
    proposal: str = attrs.field(validator=_name)
    sponsors: tuple[str, ...] = ()
    sponsor_body: SponsorBody | None = None
    listed: bool = True
    #: the day it was submitted, judged against the session's ``bill_deadline`` (CQ 14 ¶4, SD 14 ¶2)
    submitted_on: datetime.date | None = None


@attrs.frozen(kw_only=True)
class VoteRecord:
    """A vote on a listed bill or an agenda item: counts, or each deputy's choice (not for secret ballots).

    ``present`` lists the deputies present when it opened (default: the session's roll);
    ``passed`` is what the session recorded, checked against OL 25.
    """

    id: str = attrs.field(validator=_name)
    subject: str = attrs.field(validator=_name)
    method: VoteMethod
    on: datetime.date
    passed: bool
    present: tuple[str, ...] | None = None
    choices: Mapping[str, Choice] = attrs.field(factory=dict)
    yes: int | None = attrs.field(default=None, validator=_count)
    no: int | None = attrs.field(default=None, validator=_count)
    abstain: int | None = attrs.field(default=None, validator=_count)
    #: who announced the result on the spot (SD 26 ¶3: the executive chair, a member of the presidium)
    announced_by: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.choices and (self.yes, self.no, self.abstain) != (None, None, None):
            raise ValueError("choices: give each deputy's choice or the counts, not both")
        if not self.choices and self.yes is None:
            raise ValueError("yes: a vote needs its counts (yes, no, abstain) or each deputy's choice")


@attrs.frozen(kw_only=True)
class NominationRecord:
    """Candidates nominated by the presidium or by deputies jointly (OL 26); ``full_time``: those of them nominated
    to hold a township chair or vice-chair post full-time 专职 (ZJ 11 ¶1, BJ 20 ¶1, HN 6 ¶1)."""

    by: Nominator
    candidates: tuple[str, ...]
    nominators: tuple[str, ...] = ()
    full_time: tuple[str, ...] = ()
    #: candidate -> their ethnicity 民族, where recorded (an ethnic township's head: OL 70 ¶3)
    ethnicity: Mapping[str, str] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class RoundRecord:
    """One counted round: ballots issued and returned, void ballots, votes per candidate, and who was elected."""

    on: datetime.date
    candidates: tuple[str, ...]
    ballots_issued: int = attrs.field(validator=_count)
    ballots_returned: int = attrs.field(validator=_count)
    votes: Mapping[str, int] = attrs.field(validator=_counts)
    elected: tuple[str, ...] = ()
    void_ballots: int = attrs.field(default=0, validator=_count)
    kind: RoundKind = RoundKind.FIRST
    #: the deputies present when the round was held (OL 14 ¶4); ``None``: the session's roll (``present``)
    present: tuple[str, ...] | None = None


@attrs.frozen(kw_only=True)
class ElectionRecord:
    """An election at the session (OL 26-30) with the margin its election rules fixed."""

    id: str = attrs.field(validator=_name)
    office: Office
    seats: int = attrs.field(validator=_positive)
    extra_candidates: int = attrs.field(validator=_count)
    nominations: tuple[NominationRecord, ...]
    rounds: tuple[RoundRecord, ...]
    by_election: bool = False
    preliminary_votes: Mapping[str, int] = attrs.field(factory=dict, validator=_counts)


@attrs.frozen(kw_only=True)
class AnswerRecord:
    """An answer to an inquiry and the sponsors dissatisfied with it (DL 20 ¶5)."""

    answered_by: str = attrs.field(validator=_name)
    on: datetime.date
    dissatisfied: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class InquiryRecord:
    """An inquiry 质询案 filed at the session (OL 24) and its answers."""

    id: str = attrs.field(validator=_name)
    sponsors: tuple[str, ...]
    target: InquiryTarget
    questions: str = attrs.field(validator=_text)
    form: AnswerForm
    complex: bool = False  # answered after the session where the province allows it (BJ 12 ¶4, CQ 18 ¶4)
    answers: tuple[AnswerRecord, ...] = ()


@attrs.frozen(kw_only=True)
class CountRecord:
    """The count of a vote by the deputies present (DL 23)."""

    yes: int = attrs.field(validator=_count)
    no: int = attrs.field(default=0, validator=_count)
    abstain: int = attrs.field(default=0, validator=_count)


@attrs.frozen(kw_only=True)
class PreparatoryRecord:
    """The preparatory meeting's sitting: the deputies present (OL 14 ¶4; default: the session's ``present``,
    the meeting being recorded the day the session opens) and the votes electing the presidium and adopting
    the agenda (OL 17 ¶1, OL 19 ¶1), each passing with more than half of all deputies (OL 25)."""

    presidium_vote: CountRecord
    agenda_vote: CountRecord
    present: tuple[str, ...] | None = None
    #: the session whose presidium presided the meeting (BJ 8 ¶2: at a term's first session, the last session)
    presided_by: str | None = None


@attrs.frozen(kw_only=True)
class CommitteeRecord:
    """The credentials committee 代表资格审查委员会 a term's first session adopted (OL 37), on ``on`` (default: the
    session's opening day), nominated by ``nominated_by``: its chair, vice-chairs and members (deputy ids)."""

    on: datetime.date | None = None
    nominated_by: Nominator = Nominator.PRESIDIUM
    chair: str = ""
    vice_chairs: tuple[str, ...] = ()
    members: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class GroupMeetingRecord:
    """A meeting of a session group 代表团（组） (DL 14 ¶2, SD 10): who presided (SD 11: a convener), the
    agenda items or bills it deliberated, the members present and the people the township government sent
    (SD 11: to a meeting deliberating a bill or report)."""

    id: str = attrs.field(validator=_name)
    on: datetime.date
    presided_by: str = ""
    items: tuple[str, ...] = ()
    present: tuple[str, ...] = ()
    government: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class SessionGroupRecord:
    """A deliberation group 代表团（组） of the session, formed on ``on`` (default: the opening day): its members
    (deputies in office), the conveners it chose (SD 11: one or two) and its meetings."""

    id: str = attrs.field(validator=_name)
    members: tuple[str, ...]
    conveners: tuple[str, ...] = ()
    on: datetime.date | None = None
    name: str = attrs.field(default="", validator=_text)
    meetings: tuple[GroupMeetingRecord, ...] = ()


@attrs.frozen(kw_only=True)
class ConvenersMeetingRecord:
    """A meeting the chair or a vice-chair called (SD 12): of the groups' conveners (``conveners``) or of deputies
    the groups chose on a special question (``special``: the township government sends someone), and the day
    its findings were reported to the presidium."""

    id: str = attrs.field(validator=_name)
    on: datetime.date
    kind: MeetingKind
    convened_by: str
    attendees: tuple[str, ...]
    items: tuple[str, ...] = ()
    government: tuple[str, ...] = ()
    reported_on: datetime.date | None = None


@attrs.frozen(kw_only=True)
class CommitteeReportRecord:
    """A session committee's report to the session (审查结果的报告) on agenda items or bills."""

    id: str = attrs.field(validator=_name)
    on: datetime.date
    items: tuple[str, ...]


@attrs.frozen(kw_only=True)
class SessionCommitteeRecord:
    """A session committee whose list the preparatory meeting adopted (SD 7: 议案审查委员会 ``bills``, 财政预算
    审查委员会 ``budget``), on ``on`` (default: the opening day), and its reports (SD 18 ¶2)."""

    kind: CommitteeKind
    members: tuple[str, ...]
    chair: str = ""
    on: datetime.date | None = None
    reports: tuple[CommitteeReportRecord, ...] = ()


@attrs.frozen(kw_only=True)
class PreparationRecord:
    """A preparation the presidium made on ``on`` before the session sat (筹备工作, SD 29)."""

    step: PreparationStep
    on: datetime.date


@attrs.frozen(kw_only=True)
class SessionRecord:
    """A session from plan to close: notice, preparatory meeting, attendance and what it decided."""

    id: str = attrs.field(validator=_name)
    opens_on: datetime.date
    kind: SessionKind = SessionKind.REGULAR
    first_of_term: bool = False  # the term's first session, due within two months of the elections (OL 20)
    convened_by: ConveningBody | None = None
    proposers: tuple[str, ...] = ()
    days: Fraction = attrs.field(default=Fraction(1), validator=_days)
    notice_on: datetime.date | None = None
    materials_on: datetime.date | None = None
    presidium: tuple[str, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    #: the presidium's preparations before the session (SD 29: drafts of the agenda, attendees, committees, presidium)
    preparations: tuple[PreparationRecord, ...] = ()
    #: the roll and votes of the preparatory meeting that elected ``presidium`` and adopted ``agenda``
    preparatory: PreparatoryRecord | None = None
    on_leave: tuple[str, ...] = ()
    present: tuple[str, ...] = ()
    #: non-deputies who attended (列席, OL 21): the township's government leaders, those the presidium admitted
    attending: tuple[str, ...] = ()
    #: the non-deputies the presidium decided may attend (经主席团决定，可以列席: CQ 13 ¶1, SD 13, BJ 16 ¶1)
    admitted: tuple[str, ...] = ()
    #: the upper-level deputies elected in the area invited to attend (ZJ 21 ¶2)
    invited: tuple[str, ...] = ()
    closed_on: datetime.date | None = None
    #: the last day for deputies' bills the presidium fixed (代表议案截止日期, CQ 14 ¶4, SD 9 (3))
    bill_deadline: datetime.date | None = None
    bills: tuple[BillRecord, ...] = ()
    votes: tuple[VoteRecord, ...] = ()
    elections: tuple[ElectionRecord, ...] = ()
    inquiries: tuple[InquiryRecord, ...] = ()
    credentials_committee: CommitteeRecord | None = None
    #: the session's deliberation groups 代表团（组） and their meetings (DL 14; SD 10, 11)
    groups: tuple[SessionGroupRecord, ...] = ()
    #: the meetings the chair or a vice-chair called with the groups' conveners or chosen deputies (SD 12)
    conveners_meetings: tuple[ConvenersMeetingRecord, ...] = ()
    #: the session's committees and their reports (SD 7, SD 18 ¶2)
    committees: tuple[SessionCommitteeRecord, ...] = ()


@attrs.frozen(kw_only=True)
class ReplyRecord:
    """A reply of the handling unit; "cannot be resolved now" gives its reasons (DL 51 ¶2)."""

    on: datetime.date
    category: ReplyCategory
    reasons: str = attrs.field(default="", validator=_text)


@attrs.frozen(kw_only=True)
class RatingRecord:
    """The deputy's rating of a reply; dissatisfied sends it back for handling again."""

    on: datetime.date
    rating: Rating


@attrs.frozen(kw_only=True)
class SuggestionRecord:
    """A deputies' suggestion followed from submission to closure (DL 51, 52)."""

    id: str = attrs.field(validator=_name)
    deputies: tuple[str, ...]
    subject: str = attrs.field(validator=_name)
    content: str = attrs.field(validator=_name)
    submitted_on: datetime.date
    session: str | None = None
    unit: str | None = None
    referred_on: datetime.date | None = None
    complex: bool = False
    #: 迫切需要办理又有条件办理的: due by the close of ``session`` where the province says so (CQ 16 ¶1, BJ 14)
    urgent: bool = False
    replies: tuple[ReplyRecord, ...] = ()
    ratings: tuple[RatingRecord, ...] = ()
    closed_on: datetime.date | None = None


@attrs.frozen(kw_only=True)
class StepRecord:
    """A step of a supervision link; a ``rated`` step gives ``satisfied`` of ``raters`` and the day its result
    was made public, ``published_on`` (HN 4 ¶1 (4))."""

    step: Step
    on: datetime.date
    due: datetime.date | None = None
    lead: LeadTimes | None = None
    satisfied: int | None = attrs.field(default=None, validator=_count)
    raters: int | None = attrs.field(default=None, validator=_count)
    published_on: datetime.date | None = None
    note: str = attrs.field(default="", validator=_text)


@attrs.frozen(kw_only=True)
class LinkRecord:
    """A link of a supervision case; ``rated`` defaults as the procedure's ``link()`` does."""

    kind: LinkKind
    body: str = attrs.field(validator=_name)
    steps: tuple[StepRecord, ...] = ()
    rated: bool | None = None


@attrs.frozen(kw_only=True)
class CaseRecord:
    """A supervision case chaining links (seed 003)."""

    id: str = attrs.field(validator=_name)
    subject: str = attrs.field(validator=_name)
    links: tuple[LinkRecord, ...]


@attrs.frozen(kw_only=True)
class PublicationRecord:
    """The budget approved under agenda item ``item`` of ``session`` made public on ``on`` (ZJ 32 ¶2)."""

    session: str = attrs.field(validator=_name)
    item: str = attrs.field(validator=_name)
    on: datetime.date


@attrs.frozen(kw_only=True)
class AdjustmentRecord:
    """A budget adjustment put to ``session`` as its agenda item ``item``: the day the government's plan reached
    the presidium (``in_writing`` or not) and the day the presidium heard the deputies' opinions on it (ZJ 33 ¶2)."""

    session: str = attrs.field(validator=_name)
    item: str = attrs.field(validator=_name)
    submitted_on: datetime.date
    in_writing: bool = True
    opinions_heard_on: datetime.date | None = None


@attrs.frozen(kw_only=True)
class HandlingReportRecord:
    """A report on the handling of deputies' suggestions made on ``on`` and made public on ``published_on`` (DL 51
    ¶3, CQ 16 ¶2, HN 4 ¶1 (7))."""

    id: str = attrs.field(validator=_name)
    on: datetime.date
    published_on: datetime.date | None = None


@attrs.frozen(kw_only=True)
class StandingRulesRecord:
    """Standing rules adopted (or amended) on ``adopted_on``: the congress's rules of procedure (ZJ 18 ¶1) or its
    presidium's budget review procedure (ZJ 32 ¶1)."""

    kind: RulesKind
    adopted_on: datetime.date


@attrs.frozen(kw_only=True)
class CredentialsReportRecord:
    """The credentials committee's report on deputies elected in by-elections (EL 57 ¶5, CQ 20 ¶1), those it finds
    elected invalidly, and the day the presidium confirmed it (EL 47 ¶2)."""

    id: str = attrs.field(validator=_name)
    on: datetime.date
    deputies: tuple[str, ...]
    invalid: tuple[str, ...] = ()
    confirmed_on: datetime.date | None = None


@attrs.frozen(kw_only=True)
class ActivityRecord:
    """An activity of a deputy group: the members who took part, and guests (DL 27 ¶2)."""

    id: str = attrs.field(validator=_name)
    on: datetime.date
    present: tuple[str, ...]
    subject: str = attrs.field(default="", validator=_text)
    guests: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class DeputyGroupRecord:
    """A deputy group 代表小组 (OL 43 ¶3), its leader and vice-leaders (CQ 43) and its activities."""

    id: str = attrs.field(validator=_name)
    formed_on: datetime.date
    members: tuple[str, ...]
    leader: str = ""
    vice_leaders: tuple[str, ...] = ()
    name: str = attrs.field(default="", validator=_text)
    activities: tuple[ActivityRecord, ...] = ()


@attrs.frozen(kw_only=True)
class CongressYear:
    """One congress over one year (or any stretch of one term): who its deputies were and what it did."""

    id: str = attrs.field(validator=_name)
    name: str = attrs.field(validator=_name)
    level: Level
    division_code: str = attrs.field(validator=attrs.validators.matches_re(r"^\d{6}(\d{3})?$"))
    population: int = attrs.field(validator=_positive)
    deputy_quota: int = attrs.field(validator=_positive)
    term: int = attrs.field(validator=_positive)
    elections_completed_on: datetime.date
    deputies: tuple[DeputyRecord, ...]
    sessions: tuple[SessionRecord, ...] = ()
    suggestions: tuple[SuggestionRecord, ...] = ()
    supervision: tuple[CaseRecord, ...] = ()
    #: approved budgets made public (ZJ 32 ¶2: within twenty days of approval)
    budget_publications: tuple[PublicationRecord, ...] = ()
    budget_adjustments: tuple[AdjustmentRecord, ...] = ()
    credentials_reports: tuple[CredentialsReportRecord, ...] = ()
    #: reports on the handling of deputies' suggestions and their publication (DL 51 ¶3)
    handling_reports: tuple[HandlingReportRecord, ...] = ()
    #: the congress's rules of procedure and its presidium's budget review procedure, with the day each was
    #: adopted, earlier years' adoptions included (ZJ 18 ¶1, 32 ¶1)
    standing_rules: tuple[StandingRulesRecord, ...] = ()
    deputy_groups: tuple[DeputyGroupRecord, ...] = ()
    #: qualities a provincial text names without a number: "populous", "developed" (ZJ 8 ¶2, HN 2 ¶3)
    designations: tuple[str, ...] = ()
    #: a 民族乡: the ethnic minority that established it, whose citizen heads it (OL 70 ¶3); empty otherwise
    ethnic_minority: str = ""
    #: the deputies to upper-level congresses elected in the area (ZJ 21 ¶2: invited to attend each session)
    upper_deputies: tuple[str, ...] = ()
    #: the township head and deputy heads in office when the record begins, before its first session (CQ 13 ¶1,
    #: SD 13: those who are not deputies attend each session); the record's elections of these posts follow them
    township_heads: tuple[str, ...] = ()
    deputy_township_heads: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class CongressRecord:
    """A record file: its format version, the province whose rules apply, the day it was drawn up, the years."""

    format_version: int
    congresses: tuple[CongressYear, ...]
    province: str | None = None
    as_of: datetime.date | None = None  # deadlines still running on this day are not yet missed

    def __attrs_post_init__(self) -> None:
        if self.format_version != FORMAT_VERSION:
            raise ValueError(f"format_version: this npcproc reads version {FORMAT_VERSION}, got {self.format_version}")
