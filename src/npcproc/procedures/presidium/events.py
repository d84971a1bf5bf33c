"""Events of the township presidium between sessions: its meetings, members' resignations and decisions.

Stream ``presidium-<congress>``.
"""

from __future__ import annotations

import datetime

import attrs

from npcproc.events import attendance, event_type

__all__ = ["MeetingHeld", "MemberResigned", "PresidiumDecided"]


# -- presidium meetings -------------------------------------------------------------------------


@event_type("presidium.meeting_held")
@attrs.frozen(kw_only=True)
class MeetingHeld:
    """A meeting of the presidium whose members were elected at ``session_id``, convened by ``convened_by``
    ("" when not named); ``proposed_by`` the members whose joint proposal called it (临时召集, HN 5 ¶1), none
    for a meeting not called on a proposal."""

    meeting_id: str
    on: datetime.date
    session_id: str
    members: tuple[str, ...]
    present: tuple[str, ...] = attrs.field(converter=attendance)
    convened_by: str = ""
    proposed_by: tuple[str, ...] = ()


@event_type("presidium.member_resigned")
@attrs.frozen(kw_only=True)
class MemberResigned:
    """A deputy resigns from the presidium elected at ``session_id``: one who takes up a post in an administrative
    organ must (ZJ 38, CQ 30 ¶3, HN 2 ¶4: 必须…辞去主席团成员职务)."""

    session_id: str
    deputy_id: str
    on: datetime.date


@event_type("presidium.decided")
@attrs.frozen(kw_only=True)
class PresidiumDecided:
    meeting_id: str
    decision_id: str
    subject: str
    members: int
    yes: int
    no: int
    abstain: int
    passed: bool
