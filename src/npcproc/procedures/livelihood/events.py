"""Events of livelihood projects 民生实事项目 decided by deputies' vote.

Stream ``livelihood-<congress>-<year>``.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping

import attrs

from npcproc.events import event_type

__all__ = [
    "CollectionOpened",
    "ProgressReported",
    "ProjectProposed",
    "ProjectReviewed",
    "ProjectSource",
    "ProjectVisited",
    "ProjectsEvaluated",
    "ProjectsListed",
    "ProjectsVoted",
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
