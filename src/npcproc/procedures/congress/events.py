"""Events of a congress stream ``congress-<id>``: the congress, its terms and deputies, sessions scheduled,
posts taken and vacated, resignations.
"""

from __future__ import annotations

import datetime

import attrs

from npcproc.events import attendance, event_type
from npcproc.model.congress import StatusChange
from npcproc.model.election import (
    Office,
)
from npcproc.model.levels import Level
from npcproc.model.session import (
    SessionKind,
    VoteCount,
)

__all__ = [
    "AbsenceRecorded",
    "AdministrativePostRecorded",
    "CongressEstablished",
    "DeputyElected",
    "DeputyStatusChanged",
    "HeadsRecorded",
    "PostTaken",
    "PostVacated",
    "ResignationAccepted",
    "ResignationVoted",
    "SessionScheduled",
    "StandingCommitteeMembersSet",
    "TermBegan",
    "UpperDeputiesRecorded",
]


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


@event_type("congress.session_scheduled")
@attrs.frozen(kw_only=True)
class SessionScheduled:
    """The congress's own list of its sessions, so a term's first session and a year's sessions are known."""

    congress_id: str
    session_id: str
    term: int
    kind: SessionKind
    opens_on: datetime.date


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
