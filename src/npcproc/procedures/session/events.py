"""Events of a session: each session's events form the stream ``session-<id>``."""

from __future__ import annotations

import datetime
from fractions import Fraction

import attrs

from npcproc.events import attendance, event_type
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

__all__ = [
    "AttendeesAdmitted",
    "BallotsCounted",
    "BillDeadlineFixed",
    "BillListingDecided",
    "BillSubmitted",
    "BillWithdrawn",
    "ItemHandled",
    "LeaveGranted",
    "NoticeGiven",
    "PreparationRecorded",
    "PreparatoryMeetingHeld",
    "SessionClosed",
    "SessionOpened",
    "SessionPlanned",
    "VoteCast",
    "VoteClosed",
    "VoteOpened",
]


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


@event_type("session.attendees_admitted")
@attrs.frozen(kw_only=True)
class AttendeesAdmitted:
    """The presidium decides that ``names`` (负责人 of other bodies) may attend the session (列席: CQ 13 ¶1, SD 13,
    BJ 16 ¶1 "经主席团决定，可以列席")."""

    names: tuple[str, ...] = attrs.field(converter=attendance)


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
