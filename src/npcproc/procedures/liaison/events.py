"""Events of the deputies' liaison stations: reception days and the issues raised there.

Stream ``liaison-<congress>``.
"""

from __future__ import annotations

import datetime

import attrs

from npcproc.events import event_type

__all__ = [
    "IssueClosed",
    "IssueRaised",
    "IssueReplied",
    "ReceptionHeld",
]


# -- liaison stations ---------------------------------------------------------------------------


@event_type("liaison.reception_held")
@attrs.frozen(kw_only=True)
class ReceptionHeld:
    """A voter reception day 选民接待日 at a liaison station 代表联络站."""

    reception_id: str
    station: str
    on: datetime.date
    deputies: tuple[str, ...]
    voters_received: int


@event_type("liaison.issue_raised")
@attrs.frozen(kw_only=True)
class IssueRaised:
    """An issue a voter raised (``raised_by`` None when anonymous), with its handling unit and due date."""

    issue_id: str
    reception_id: str
    on: datetime.date
    summary: str
    raised_by: str | None
    unit: str
    due: datetime.date


@event_type("liaison.issue_replied")
@attrs.frozen(kw_only=True)
class IssueReplied:
    issue_id: str
    on: datetime.date
    reply: str


@event_type("liaison.issue_closed")
@attrs.frozen(kw_only=True)
class IssueClosed:
    """销号: the issue is struck off the ledger."""

    issue_id: str
    on: datetime.date
