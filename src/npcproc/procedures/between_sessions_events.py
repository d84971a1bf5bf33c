"""Events of the work between sessions: livelihood projects decided by deputies' vote, presidium
meetings, and the liaison stations' reception days and issue ledgers.

Streams ``livelihood-<congress>-<year>``, ``presidium-<congress>`` and ``liaison-<congress>``.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping

import attrs

from npcproc.events import attendance, event_type

__all__ = [
    "CollectionOpened",
    "IssueClosed",
    "IssueRaised",
    "IssueReplied",
    "MeetingHeld",
    "MemberResigned",
    "PresidiumDecided",
    "ProgressReported",
    "ProjectProposed",
    "ProjectReviewed",
    "ProjectSource",
    "ProjectVisited",
    "ProjectsEvaluated",
    "ProjectsListed",
    "ProjectsVoted",
    "ReceptionHeld",
    "ReviewBody",
    "SatisfactionCount",
]


class ProjectSource(enum.Enum):
    """Where a proposed livelihood project 民生实事项目 came from."""

    DEPUTIES = "deputies"  # 代表
    PUBLIC = "public"  # 社会公众
    GOVERNMENT = "government"  # 人民政府


class ReviewBody(enum.Enum):
    """Who carried out the preliminary review 初审."""

    GOVERNMENT = "government"
    PRESIDIUM = "presidium"  # township
    STANDING_COMMITTEE = "standing_committee"  # county


@attrs.frozen(kw_only=True)
class SatisfactionCount:
    """Deputies' satisfaction ratings 满意度测评 of one project."""

    satisfied: int
    basically_satisfied: int
    dissatisfied: int

    @property
    def total(self) -> int:
        return self.satisfied + self.basically_satisfied + self.dissatisfied


# -- livelihood projects ------------------------------------------------------------------------


@event_type("livelihood.collection_opened")
@attrs.frozen(kw_only=True)
class CollectionOpened:
    """Proposals for ``year``'s livelihood projects are collected 征集."""

    congress_id: str
    year: int
    on: datetime.date


@event_type("livelihood.project_proposed")
@attrs.frozen(kw_only=True)
class ProjectProposed:
    project_id: str
    title: str
    source: ProjectSource
    proposers: tuple[str, ...]  # deputy ids for ProjectSource.DEPUTIES; may be empty otherwise
    on: datetime.date


@event_type("livelihood.project_reviewed")
@attrs.frozen(kw_only=True)
class ProjectReviewed:
    project_id: str
    accepted: bool
    by: ReviewBody
    reasons: str
    on: datetime.date


@event_type("livelihood.candidates_listed")
@attrs.frozen(kw_only=True)
class ProjectsListed:
    """The candidate list put to the vote, longer than ``quota``, the number of projects to choose."""

    quota: int
    candidates: tuple[str, ...]
    on: datetime.date


@event_type("livelihood.voted")
@attrs.frozen(kw_only=True)
class ProjectsVoted:
    """One counted round: the first vote, or a re-vote (``revote``) among projects tied at the cut-off."""

    session_id: str
    on: datetime.date
    revote: bool
    total_deputies: int
    ballots_issued: int
    ballots_returned: int
    votes: Mapping[str, int]
    valid: bool
    chosen: tuple[str, ...]
    tied: tuple[str, ...]


@event_type("livelihood.progress_reported")
@attrs.frozen(kw_only=True)
class ProgressReported:
    project_id: str
    on: datetime.date
    percent: int
    note: str


@event_type("livelihood.project_visited")
@attrs.frozen(kw_only=True)
class ProjectVisited:
    """A deputy group 代表小组 inspects a project and records its findings."""

    project_id: str
    on: datetime.date
    group: str
    deputies: tuple[str, ...]
    findings: str


@event_type("livelihood.evaluated")
@attrs.frozen(kw_only=True)
class ProjectsEvaluated:
    """The year-end evaluation 评议 with the deputies' satisfaction ratings."""

    on: datetime.date
    ratings: Mapping[str, SatisfactionCount]


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
