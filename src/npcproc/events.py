"""Domain events: frozen attrs values, each declaring its type name with :func:`event_type`.

The name is what the store records in the envelope's ``type``. Declaring a name is not
registering it: the event types that can be read back are those plugins register through
``npcproc_register_event_types`` (the core's by the built-in plugin :mod:`npcproc.builtin.core`),
looked up with :func:`event_types`, whatever modules happen to be imported.
"""

from __future__ import annotations

import datetime
import sys
from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from npcproc.model.congress import StatusChange
from npcproc.model.election import (
    AnswerForm,
    BallotMethod,
    Candidate,
    DefenceForm,
    ElectionBallot,
    FurtherSession,
    InquiryTarget,
    Nominator,
    Office,
    RecallProposer,
    RoundKind,
)
from npcproc.model.levels import Level
from npcproc.model.session import (
    AgendaItem,
    Bill,
    BillStatus,
    Choice,
    ConveningBody,
    PreparationStep,
    SessionKind,
    Tally,
    VoteCount,
    VoteMethod,
)
from npcproc.model.suggestion import Rating, ReplyCategory

if TYPE_CHECKING:
    import pluggy

E = TypeVar("E")

#: event class -> the type name it declares (a declaration, not a registration), and the module declaring it.
_NAMES: dict[type[Any], str] = {}
_MODULES: dict[type[Any], str] = {}
_DECLARED: dict[str, type[Any]] = {}


def attendance(names: Iterable[str]) -> tuple[str, ...]:
    """Who was present (or attended), sorted: a list in order of arrival would tell who came when."""
    return tuple(sorted(names))


def event_type(name: str) -> Callable[[type[E]], type[E]]:
    """Declare the decorated frozen attrs class as the event type ``name``.

    Events of a declared type can be written; to be read back (:func:`npcproc.serialization.event_from_data`)
    the class must also be registered by a plugin's ``npcproc_register_event_types``. Two classes
    declaring one name is an error.
    """

    def decorate(cls: type[E]) -> type[E]:
        if not attrs.has(cls):
            raise TypeError(f"{cls.__name__} must be an attrs class to be an event type")
        if _DECLARED.get(name, cls) is not cls:
            raise ValueError(f"event type {name!r} is already declared by {_DECLARED[name].__qualname__}")
        attrs.resolve_types(cls)  # real types for cattrs and Hypothesis, despite postponed annotations
        _DECLARED[name] = cls
        _NAMES[cls] = name
        _MODULES[cls] = str(sys._getframe(1).f_globals.get("__name__", "__main__"))  # the module applying the decorator
        return cls

    return decorate


def type_name(event: object) -> str:
    """The declared name of an event's type (what the store records)."""
    return declared_name(type(event))


def declared_name(cls: type[Any]) -> str:
    """The type name ``cls`` declares with :func:`event_type`; a TypeError for a class that declares none."""
    try:
        return _NAMES[cls]
    except (KeyError, TypeError):
        raise TypeError(f"{cls!r} is not a declared event type (decorate it with @event_type)") from None


def declared_event_types(module: str) -> tuple[type[Any], ...]:
    """The event classes the (imported) module ``module`` declares (applies :func:`event_type` to), in order.

    A plugin registers its event types with ``for cls in declared_event_types(__name__): register(cls)``.
    """
    return tuple(cls for cls, declared_in in _MODULES.items() if declared_in == module)


def event_types(pm: pluggy.PluginManager | None = None) -> Mapping[str, type[Any]]:
    """Type name -> event class, for every event type a plugin of ``pm`` (default: the process-wide one) registers."""
    from npcproc.plugins import collect_event_types, get_plugin_manager, registry

    return registry(pm or get_plugin_manager(), "event_types", collect_event_types)


@event_type("congress.established")
@attrs.frozen(kw_only=True)
class CongressEstablished:
    """A congress enters npcproc's records."""

    congress_id: str
    name: str
    level: Level
    division_code: str
    population: int
    deputy_quota: int
    designations: tuple[str, ...] = ()  # qualities a provincial text names without a number (ZJ 8 ¶2)
    ethnic_minority: str = ""  # a 民族乡: the minority that established it (OL 70 ¶3)


@event_type("term.began")
@attrs.frozen(kw_only=True)
class TermBegan:
    """The deputy elections of a term were completed (OL 20 counts from here)."""

    congress_id: str
    term: int
    elections_completed_on: datetime.date


@event_type("deputy.elected")
@attrs.frozen(kw_only=True)
class DeputyElected:
    """A deputy's mandate for a term begins."""

    congress_id: str
    term: int
    deputy_id: str
    name: str
    on: datetime.date


@event_type("deputy.status_changed")
@attrs.frozen(kw_only=True)
class DeputyStatusChanged:
    """A deputy goes on leave, returns, resigns, is recalled, dies, or loses the mandate."""

    congress_id: str
    deputy_id: str
    change: StatusChange


@event_type("deputy.administrative_post")
@attrs.frozen(kw_only=True)
class AdministrativePostRecorded:
    """A deputy takes up (``holds=True``) or leaves a post in a state administrative organ (OL 18 ¶2)."""

    congress_id: str
    deputy_id: str
    holds: bool
    on: datetime.date


@event_type("congress.upper_deputies")
@attrs.frozen(kw_only=True)
class UpperDeputiesRecorded:
    """The deputies to upper-level congresses elected in the congress's area, as known on ``on`` (ZJ 21 ¶2)."""

    congress_id: str
    names: tuple[str, ...]
    on: datetime.date


@event_type("congress.heads_recorded")
@attrs.frozen(kw_only=True)
class HeadsRecorded:
    """The township head and deputy heads in office as known on ``on`` (乡长、副乡长，镇长、副镇长), such as those
    elected before the store's records begin; they replace the holders of those posts on record (CQ 13 ¶1, SD 13)."""

    congress_id: str
    heads: tuple[str, ...]
    deputy_heads: tuple[str, ...]
    on: datetime.date


@event_type("standing_committee.members_set")
@attrs.frozen(kw_only=True)
class StandingCommitteeMembersSet:
    """The members of a county standing committee for a term (OL 11 (4))."""

    congress_id: str
    term: int
    members: tuple[str, ...]


@event_type("deputy.absence_recorded")
@attrs.frozen(kw_only=True)
class AbsenceRecorded:
    """A deputy missed a session without leave (DL 13); the second ends the mandate (DL 62 (3))."""

    congress_id: str
    deputy_id: str
    session_id: str


# -- sessions: each session's events form the stream "session-<id>" ------------------------------


@event_type("session.planned")
@attrs.frozen(kw_only=True)
class SessionPlanned:
    session_id: str
    congress_id: str
    term: int
    kind: SessionKind
    convened_by: ConveningBody
    opens_on: datetime.date
    days: Fraction
    proposers: tuple[str, ...] = ()


@event_type("session.notice_given")
@attrs.frozen(kw_only=True)
class NoticeGiven:
    on: datetime.date
    materials_on: datetime.date


@event_type("session.preparatory_meeting_held")
@attrs.frozen(kw_only=True)
class PreparatoryMeetingHeld:
    """预备会议: the presidium elected and the agenda adopted (OL 17, OL 19; CQ 12, BJ 8), each by a vote of
    the deputies ``present`` (OL 14 ¶4, OL 25). ``passed`` is false when either vote fell short: the session
    stays unprepared and the meeting may vote again. Events stored before the votes were recorded carry none."""

    on: datetime.date
    presidium: tuple[str, ...]
    agenda: tuple[AgendaItem, ...]
    present: tuple[str, ...] = attrs.field(default=(), converter=attendance)
    presidium_vote: VoteCount | None = None
    agenda_vote: VoteCount | None = None
    passed: bool = True
    #: the id of the session whose presidium presided the meeting (BJ 8 ¶2: at a term's first session, the last one)
    presided_by: str | None = None


@event_type("session.preparation_recorded")
@attrs.frozen(kw_only=True)
class PreparationRecorded:
    """A preparation of the session the presidium made on ``on``, before the session sits (筹备工作, SD 29)."""

    step: PreparationStep
    on: datetime.date


@event_type("session.leave_granted")
@attrs.frozen(kw_only=True)
class LeaveGranted:
    """请假 for this session (DL 13)."""

    deputy_id: str


@event_type("session.opened")
@attrs.frozen(kw_only=True)
class SessionOpened:
    """The session opens with the deputies ``present`` and the non-deputies ``attending`` (列席, OL 21)."""

    on: datetime.date
    present: tuple[str, ...] = attrs.field(converter=attendance)
    attending: tuple[str, ...] = attrs.field(default=(), converter=attendance)
    #: the upper-level deputies elected in the area invited to attend (ZJ 21 ¶2)
    invited: tuple[str, ...] = ()


@event_type("session.bill_submitted")
@attrs.frozen(kw_only=True)
class BillSubmitted:
    bill: Bill
    #: the day the bill was submitted, where given (judged against a deadline for bills, CQ 14 ¶4, SD 14 ¶2)
    on: datetime.date | None = None


@event_type("session.bill_deadline_fixed")
@attrs.frozen(kw_only=True)
class BillDeadlineFixed:
    """The presidium fixes the last day for deputies' bills to the session (代表议案截止日期, CQ 14 ¶4, SD 9 (3))."""

    deadline: datetime.date


@event_type("session.bill_listing_decided")
@attrs.frozen(kw_only=True)
class BillListingDecided:
    """The presidium lists a bill, or not; an unlisted one may become a suggestion (CQ 14 ¶2)."""

    bill_id: str
    status: BillStatus


@event_type("session.bill_withdrawn")
@attrs.frozen(kw_only=True)
class BillWithdrawn:
    bill_id: str


@event_type("session.vote_opened")
@attrs.frozen(kw_only=True)
class VoteOpened:
    """A vote opens; ``entitled`` registers the deputies present and in office at that moment."""

    vote_id: str
    subject: str
    method: VoteMethod
    on: datetime.date
    entitled: tuple[str, ...]


@event_type("session.vote_cast")
@attrs.frozen(kw_only=True)
class VoteCast:
    """An open vote (show of hands or electronic): who voted how."""

    vote_id: str
    deputy_id: str
    choice: Choice


@event_type("session.ballots_counted")
@attrs.frozen(kw_only=True)
class BallotsCounted:
    """A secret-ballot vote: only the count is recorded, never who voted how."""

    vote_id: str
    yes: int
    no: int
    abstain: int


@event_type("session.vote_closed")
@attrs.frozen(kw_only=True)
class VoteClosed:
    vote_id: str
    tally: Tally
    #: who announced the result on the spot (SD 26 ¶3: the executive chair), where recorded
    announced_by: str | None = None


@event_type("session.item_handled")
@attrs.frozen(kw_only=True)
class ItemHandled:
    item_id: str


@event_type("session.closed")
@attrs.frozen(kw_only=True)
class SessionClosed:
    on: datetime.date
    absent_without_leave: tuple[str, ...]


@event_type("congress.session_scheduled")
@attrs.frozen(kw_only=True)
class SessionScheduled:
    """The congress's own list of its sessions, so a term's first session and a year's sessions are known."""

    congress_id: str
    session_id: str
    term: int
    kind: SessionKind
    opens_on: datetime.date


# -- elections at a session: stream "election-<id>"; ballots in "election-<id>-round-<n>" -----------

event_type("election.ballot")(ElectionBallot)


@event_type("election.opened")
@attrs.frozen(kw_only=True)
class ElectionOpened:
    """An election of ``seats`` to ``office``; ``extra_candidates`` is the margin the election rules fix (OL 27)."""

    election_id: str
    congress_id: str
    session_id: str
    office: Office
    seats: int
    extra_candidates: int
    by_election: bool = False
    ballot_method: BallotMethod = BallotMethod.PAPER
    #: the day the election opened and nomination began (OL 27 ¶2); None on events recorded before it was kept
    on: datetime.date | None = None


@event_type("election.nominated")
@attrs.frozen(kw_only=True)
class CandidatesNominated:
    """Nomination by the presidium, or by deputies jointly in writing (OL 26)."""

    nominator: Nominator
    nominators: tuple[str, ...]
    candidates: tuple[Candidate, ...]


@event_type("election.candidates_listed")
@attrs.frozen(kw_only=True)
class CandidatesListed:
    """The formal list of candidates, after a preliminary vote (预选) where nominees exceeded the margin."""

    candidates: tuple[str, ...]
    preliminary_votes: dict[str, int] = attrs.field(factory=dict)
    #: the day the list was fixed (OL 27 ¶2); None on events recorded before it was kept
    on: datetime.date | None = None


@event_type("election.preliminary_tied")
@attrs.frozen(kw_only=True)
class PreliminaryTied:
    """A preliminary vote (预选) tied at the cut-off of the formal list: those tied vote again for ``places``."""

    votes: dict[str, int]
    tied: tuple[str, ...]
    places: int
    #: those already sure of a place on the formal list
    listed: tuple[str, ...] = ()
    #: the day of the preliminary vote (OL 27 ¶2); None on events recorded before it was kept
    on: datetime.date | None = None


@event_type("election.further_decided")
@attrs.frozen(kw_only=True)
class FurtherElectionDecided:
    """The congress decided, at a sitting of ``session_id`` with ``present`` deputies, where the seats left
    short are filled: at this session or the next (OL 29 ¶2)."""

    on: datetime.date
    session_id: str
    at: FurtherSession
    present: tuple[str, ...] = attrs.field(converter=attendance)


@event_type("election.round_opened")
@attrs.frozen(kw_only=True)
class RoundOpened:
    """A round of voting opened at a sitting with ``present`` deputies (OL 14 ¶4); () in streams from before 0.2."""

    round: int
    kind: RoundKind
    session_id: str
    on: datetime.date
    seats: int
    candidates: tuple[str, ...]
    present: tuple[str, ...] = attrs.field(default=(), converter=attendance)


@event_type("election.round_counted")
@attrs.frozen(kw_only=True)
class RoundCounted:
    round: int
    total_deputies: int
    ballots_issued: int
    ballots_returned: int
    void_ballots: int
    votes: dict[str, int]
    valid: bool
    elected: tuple[str, ...]
    tied: tuple[str, ...]
    shortfall: int


@event_type("congress.post_taken")
@attrs.frozen(kw_only=True)
class PostTaken:
    congress_id: str
    office: Office
    holder_id: str
    on: datetime.date
    source: str  # the election (or other act) that gave the post
    full_time: bool = False  # a township chair or vice-chair post held full-time 专职 (ZJ 11 ¶1, BJ 20 ¶1)


@event_type("congress.post_vacated")
@attrs.frozen(kw_only=True)
class PostVacated:
    """A holder leaves a post: recalled (OL 31), resigned (OL 32), or no longer a deputy (EL 54, 56)."""

    congress_id: str
    office: Office
    holder_id: str
    on: datetime.date
    reason: str


# -- recall and resignation at the congress: stream "recall-<id>" --------------------------------


@event_type("recall.proposed")
@attrs.frozen(kw_only=True)
class RecallProposed:
    """罢免案 with its written reasons (OL 31 ¶1-3)."""

    recall_id: str
    congress_id: str
    session_id: str
    office: Office
    holder_id: str
    proposed_by: RecallProposer
    proposers: tuple[str, ...]
    reasons: str


@event_type("recall.defence_submitted")
@attrs.frozen(kw_only=True)
class DefenceSubmitted:
    """申辩 at a presidium meeting or plenary, or in writing (OL 31 ¶4)."""

    form: DefenceForm
    statement: str


@event_type("recall.defence_circulated")
@attrs.frozen(kw_only=True)
class DefenceCirculated:
    """The presidium prints and circulates the defence to the session (OL 31 ¶4)."""

    on: datetime.date


@event_type("recall.referred_to_investigation")
@attrs.frozen(kw_only=True)
class RecallReferred:
    """County: an investigation committee reports to the next session, which decides (OL 31 ¶5)."""

    on: datetime.date


@event_type("recall.counted")
@attrs.frozen(kw_only=True)
class RecallCounted:
    """The recall vote at a sitting with the deputies ``present`` (OL 14 ¶4, OL 25)."""

    session_id: str
    on: datetime.date
    total_deputies: int
    ballots_issued: int
    ballots_returned: int
    yes: int
    no: int
    abstain: int
    passed: bool
    present: tuple[str, ...] = attrs.field(default=(), converter=attendance)


@event_type("congress.resignation_voted")
@attrs.frozen(kw_only=True)
class ResignationVoted:
    """The congress's vote at a sitting with the deputies ``present`` (OL 14 ¶4): on accepting a resignation
    from a post (OL 32, majority per OL 25), on confirming one the presidium accepted between sessions
    (CQ 32 (10), ``confirming``), or on a township deputy's resignation (EL 55 ¶2, ``office`` None)."""

    congress_id: str
    session_id: str
    holder_id: str
    office: Office | None
    on: datetime.date
    present: tuple[str, ...] = attrs.field(converter=attendance)
    total_deputies: int
    vote: VoteCount
    passed: bool
    confirming: bool = False


@event_type("congress.resignation_accepted")
@attrs.frozen(kw_only=True)
class ResignationAccepted:
    """OL 32: accepted by the congress, by the county standing committee between sessions, or by the
    township presidium between sessions where the province allows (CQ 32 (10)), to be confirmed later."""

    congress_id: str
    office: Office
    holder_id: str
    on: datetime.date
    accepted_by: str


# -- inquiries 质询 and questions 询问: streams "inquiry-<id>" and "questions-<session>" --------------


@event_type("inquiry.filed")
@attrs.frozen(kw_only=True)
class InquiryFiled:
    """质询案 in writing, naming the body questioned, the questions and their content (OL 24 ¶1)."""

    inquiry_id: str
    congress_id: str
    session_id: str
    sponsors: tuple[str, ...]
    target: InquiryTarget
    questions: str


@event_type("inquiry.answer_form_decided")
@attrs.frozen(kw_only=True)
class AnswerFormDecided:
    """The presidium decides how the inquiry is answered (OL 24 ¶2); a complex one after the session."""

    form: AnswerForm
    complex: bool = False


@event_type("inquiry.answered")
@attrs.frozen(kw_only=True)
class InquiryAnswered:
    """The head of the body questioned answers in person, or signs the written answer (OL 24 ¶3)."""

    answered_by: str
    on: datetime.date


@event_type("inquiry.rated")
@attrs.frozen(kw_only=True)
class InquiryRated:
    """Sponsors who are dissatisfied with the answer; half or more demand a second answer (DL 20 ¶5)."""

    dissatisfied: tuple[str, ...]
    second_answer_required: bool


@event_type("session.question_asked")
@attrs.frozen(kw_only=True)
class QuestionAsked:
    """询问 during deliberation, and the official who answered it (OL 23, DL 19)."""

    question_id: str
    asked_by: tuple[str, ...]
    subject: str
    answered_by: str
    on: datetime.date


# -- deputies' suggestions: stream "suggestions-<congress id>" -------------------------------------


@event_type("suggestion.submitted")
@attrs.frozen(kw_only=True)
class SuggestionSubmitted:
    suggestion_id: str
    congress_id: str
    deputies: tuple[str, ...]
    subject: str
    content: str
    on: datetime.date
    session_id: str | None = None
    from_bill: str | None = None  # an unlisted bill that became a suggestion (CQ 14 ¶2)


@event_type("suggestion.referred")
@attrs.frozen(kw_only=True)
class SuggestionReferred:
    """交办 to a handling unit, with the reply deadline (DL 51 ¶2, tightened by provinces). An ``urgent`` one
    (迫切需要办理又有条件办理的, CQ 16 ¶1, BJ 14) is due by the close of its session where the province says so."""

    suggestion_id: str
    unit: str
    on: datetime.date
    complex: bool
    due: datetime.date
    urgent: bool = False
    at_close: bool = False  # ``due`` is the session's close (its planned last day while it is still open)


@event_type("suggestion.replied")
@attrs.frozen(kw_only=True)
class SuggestionReplied:
    suggestion_id: str
    on: datetime.date
    category: ReplyCategory
    reasons: str = ""


@event_type("suggestion.rated")
@attrs.frozen(kw_only=True)
class SuggestionRated:
    suggestion_id: str
    on: datetime.date
    rating: Rating


@event_type("suggestion.deadline_extended")
@attrs.frozen(kw_only=True)
class SuggestionDeadlineExtended:
    """The handling period extended to ``due``, never beyond the cap in force (CQ 16 ¶1, SD 15: four months)."""

    suggestion_id: str
    on: datetime.date
    due: datetime.date


@event_type("suggestion.rehandling_ordered")
@attrs.frozen(kw_only=True)
class RehandlingOrdered:
    """A dissatisfied rating sends the suggestion back, with a new deadline never earlier than the old."""

    suggestion_id: str
    on: datetime.date
    due: datetime.date


@event_type("suggestion.classified")
@attrs.frozen(kw_only=True)
class SuggestionClassified:
    suggestion_id: str
    scheme: str
    value: str
    on: datetime.date


@event_type("suggestion.stage_completed")
@attrs.frozen(kw_only=True)
class StageCompleted:
    suggestion_id: str
    stage: str
    on: datetime.date


@event_type("suggestion.closed")
@attrs.frozen(kw_only=True)
class SuggestionClosed:
    """限时销号: replied, rated satisfied or basically satisfied, every added stage done."""

    suggestion_id: str
    on: datetime.date
