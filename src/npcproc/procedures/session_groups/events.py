"""Events of a session's deputy groups and conveners' meetings: stream ``session-groups-<session>``."""

from __future__ import annotations

import datetime
import enum

import attrs

from npcproc.events import attendance, event_type
from npcproc.procedures.session_groups import messages  # noqa: F401 - defines the message codes used below

__all__ = [
    "ConvenersMeetingHeld",
    "GroupMeetingHeld",
    "MeetingKind",
    "SessionGroupFormed",
]


class MeetingKind(enum.Enum):
    """SD 12: a meeting of the groups' conveners (召集人会议), or of deputies the groups chose, on a major
    special question (召集代表团（组）推选的代表进行讨论)."""

    CONVENERS = "conveners"
    SPECIAL = "special"


@event_type("session_group.formed")
@attrs.frozen(kw_only=True)
class SessionGroupFormed:
    """A deliberation group 代表团（组） of session ``session_id``: its ``members`` (deputies) and the
    ``conveners`` 召集人 it chose (SD 11)."""

    session_id: str
    group_id: str
    name: str
    on: datetime.date
    members: tuple[str, ...]
    conveners: tuple[str, ...] = ()


@event_type("session_group.meeting_held")
@attrs.frozen(kw_only=True)
class GroupMeetingHeld:
    """A meeting of a group on ``on``: who presided, the session's ``items`` (agenda item or bill ids) it
    deliberated, the members present, and the people the township government sent (SD 11)."""

    session_id: str
    group_id: str
    meeting_id: str
    on: datetime.date
    presided_by: str = ""
    items: tuple[str, ...] = ()
    present: tuple[str, ...] = attrs.field(default=(), converter=attendance)
    government: tuple[str, ...] = ()


@event_type("session_group.conveners_meeting_held")
@attrs.frozen(kw_only=True)
class ConvenersMeetingHeld:
    """A meeting the chair or a vice-chair called (SD 12): of the groups' conveners, or of deputies the groups
    chose on a special question; the government's people there, and the day it was reported to the presidium."""

    session_id: str
    meeting_id: str
    on: datetime.date
    kind: MeetingKind
    convened_by: str
    attendees: tuple[str, ...]
    items: tuple[str, ...] = ()
    government: tuple[str, ...] = ()
    reported_on: datetime.date | None = None
