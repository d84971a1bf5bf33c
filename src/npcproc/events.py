"""Domain events: frozen attrs values, and the one registry of their type names.

An event type is registered with :func:`event_type`; its name is what the store records
in the envelope's ``type`` and what :mod:`npcproc.serialization` reads back.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from fractions import Fraction
from typing import Any, TypeVar

import attrs

from npcproc.model.congress import StatusChange
from npcproc.model.levels import Level
from npcproc.model.session import (
    AgendaItem,
    Bill,
    BillStatus,
    Choice,
    ConveningBody,
    SessionKind,
    Tally,
    VoteMethod,
)

E = TypeVar("E")

#: type name -> event class; the only registry of event types.
EVENT_TYPES: dict[str, type[Any]] = {}
_NAMES: dict[type[Any], str] = {}


def event_type(name: str) -> Callable[[type[E]], type[E]]:
    """Register the decorated frozen attrs class as the event type ``name``."""

    def decorate(cls: type[E]) -> type[E]:
        if not attrs.has(cls):
            raise TypeError(f"{cls.__name__} must be an attrs class to be an event type")
        if EVENT_TYPES.get(name, cls) is not cls:
            raise ValueError(f"event type {name!r} is already registered to {EVENT_TYPES[name].__name__}")
        attrs.resolve_types(cls)  # real types for cattrs and Hypothesis, despite postponed annotations
        EVENT_TYPES[name] = cls
        _NAMES[cls] = name
        return cls

    return decorate


def type_name(event: object) -> str:
    """The registered name of an event's type."""
    try:
        return _NAMES[type(event)]
    except KeyError:
        raise TypeError(f"{type(event).__name__} is not a registered event type") from None


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
    """预备会议: the presidium elected and the agenda adopted (OL 17, OL 19; CQ 12, BJ 8)."""

    on: datetime.date
    presidium: tuple[str, ...]
    agenda: tuple[AgendaItem, ...]


@event_type("session.leave_granted")
@attrs.frozen(kw_only=True)
class LeaveGranted:
    """请假 for this session (DL 13)."""

    deputy_id: str


@event_type("session.opened")
@attrs.frozen(kw_only=True)
class SessionOpened:
    on: datetime.date
    present: tuple[str, ...]


@event_type("session.bill_submitted")
@attrs.frozen(kw_only=True)
class BillSubmitted:
    bill: Bill


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
