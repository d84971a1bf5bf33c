"""Events of the congress's bodies: the credentials committee (stream ``credentials-<congress>``) and
deputy groups (stream ``groups-<congress>``).
"""

from __future__ import annotations

import datetime

import attrs

from npcproc.events import attendance, event_type
from npcproc.model.election import Nominator
from npcproc.procedures.bodies import messages  # noqa: F401 - defines the message codes used below

__all__ = [
    "ActivityHeld",
    "CommitteeSetUp",
    "CredentialsConfirmed",
    "CredentialsReported",
    "GroupFormed",
    "NextTermConfirmed",
    "NextTermReported",
]


@event_type("credentials.committee_set_up")
@attrs.frozen(kw_only=True)
class CommitteeSetUp:
    """The credentials committee of ``term``, adopted at ``session_id`` on ``on`` on the nomination of
    ``nominated_by``: a chair 主任委员 (``""`` when none is named), vice-chairs and members 委员."""

    congress_id: str
    term: int
    session_id: str
    on: datetime.date
    nominated_by: Nominator
    chair: str
    vice_chairs: tuple[str, ...]
    members: tuple[str, ...]


@event_type("credentials.reported")
@attrs.frozen(kw_only=True)
class CredentialsReported:
    """The committee of ``term`` reports to the presidium on ``deputies``; ``invalid``: those whose election it
    finds invalid (EL 47 ¶1)."""

    report_id: str
    term: int
    on: datetime.date
    deputies: tuple[str, ...]
    invalid: tuple[str, ...] = ()


@event_type("credentials.confirmed")
@attrs.frozen(kw_only=True)
class CredentialsConfirmed:
    """The presidium confirms the report (EL 47 ¶2; CQ 20 ¶1 经主席团确认)."""

    report_id: str
    on: datetime.date


@event_type("deputy_group.formed")
@attrs.frozen(kw_only=True)
class GroupFormed:
    """A deputy group 代表小组 of ``members`` (deputies), with the leader and vice-leaders they chose (CQ 43)."""

    congress_id: str
    group_id: str
    name: str
    on: datetime.date
    members: tuple[str, ...]
    leader: str = ""
    vice_leaders: tuple[str, ...] = ()


@event_type("deputy_group.activity_held")
@attrs.frozen(kw_only=True)
class ActivityHeld:
    """An activity of a group: the members who took part, and others who joined it (DL 27 ¶2: deputies of a
    higher congress)."""

    group_id: str
    activity_id: str
    on: datetime.date
    subject: str
    present: tuple[str, ...] = attrs.field(converter=attendance)
    guests: tuple[str, ...] = ()


@event_type("credentials.next_term_reported")
@attrs.frozen(kw_only=True)
class NextTermReported:
    """The committee of ``committee_term`` reports to the presidium on ``deputies`` of the next term; ``invalid``:
    those whose election it finds invalid."""

    report_id: str
    committee_term: int
    on: datetime.date
    deputies: tuple[str, ...]
    invalid: tuple[str, ...] = ()


@event_type("credentials.next_term_confirmed")
@attrs.frozen(kw_only=True)
class NextTermConfirmed:
    """The outgoing presidium confirms (审议通过, 确认) the report."""

    report_id: str
    on: datetime.date
