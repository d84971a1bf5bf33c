"""Events of supervision cases 监督事项: chains of links that close the loop of supervision.

Stream ``supervision-<congress id>``: every case of one congress, each event naming its case.
"""

from __future__ import annotations

import datetime
import enum
from fractions import Fraction

import attrs

from npcproc.events import event_type
from npcproc.model.levels import Level

__all__ = ["CaseOpened", "LeadTimes", "LinkKind", "LinkSpec", "Rated", "RatingPublished", "Step", "StepRecorded"]


class LinkKind(enum.Enum):
    """The forms of supervision a case chains together (seed 003; SL 63 ¶1)."""

    SPECIAL_REPORT = "special_report"  # 听取和审议专项工作报告 (SL 11-17; OL 19 ¶2)
    AUDIT_REPORT = "audit_report"  # 审计工作报告及审计查出问题整改 (SL 27)
    LAW_ENFORCEMENT = "law_enforcement"  # 执法检查 (SL 31-37; OL 19 ¶2, DL 33 ¶2)
    INSPECTION = "inspection"  # 视察 (DL 29, DL 31)
    RESEARCH = "research"  # 专题调研 (DL 30, DL 31)
    WORK_REVIEW = "work_review"  # 工作评议 with a satisfaction rating (HN 4 ¶1 (4))
    SPECIAL_INQUIRY = "special_inquiry"  # 专题询问 (SL 47-50)


class Step(enum.Enum):
    """A step of a link; which steps a link has, and in what order, depends on its kind."""

    HELD = "held"  # the report heard, the inspection, visit or research made, the review or inquiry held
    REPORTED = "reported"  # the law-enforcement inspection report submitted (SL 36 ¶1)
    REFERRED = "referred"  # opinions or findings referred to the body, with a deadline for its report
    RECTIFIED = "rectified"  # the body's report on its handling or rectification, or its reply, received
    RATED = "rated"  # a satisfaction rating 满意度测评 of that report


@attrs.frozen(kw_only=True)
class LinkSpec:
    """One link of a case: its kind, the body supervised, and whether a satisfaction rating closes it."""

    kind: LinkKind
    body: str
    rated: bool


@attrs.frozen(kw_only=True)
class LeadTimes:
    """When a special work report was sent ahead of the standing committee's meeting (SL 15)."""

    to_committee_on: datetime.date  # to the special committee or working body, for comments (SL 15 ¶1)
    to_standing_committee_on: datetime.date  # revised, to the standing committee (SL 15 ¶1)
    to_members_on: datetime.date  # to the members of the standing committee (SL 15 ¶2)


@event_type("supervision.case_opened")
@attrs.frozen(kw_only=True)
class CaseOpened:
    """A supervision case of a congress on ``subject``, as a chain of ``links``."""

    case_id: str
    congress_id: str
    level: Level
    subject: str
    links: tuple[LinkSpec, ...]


@event_type("supervision.step_recorded")
@attrs.frozen(kw_only=True)
class StepRecorded:
    """A step of link number ``link`` (0-based) of a case; ``due`` is the deadline a referral sets."""

    case_id: str
    link: int
    step: Step
    on: datetime.date
    due: datetime.date | None = None
    lead: LeadTimes | None = None
    note: str = ""


@event_type("supervision.rated")
@attrs.frozen(kw_only=True)
class Rated:
    """A satisfaction rating of a link; a failed one reopens the link with the deadline ``new_due``.

    ``threshold`` is the provincial fraction of raters in force (inclusive), or None for the
    default of more than half.
    """

    case_id: str
    link: int
    on: datetime.date
    satisfied: int
    raters: int
    threshold: Fraction | None
    passed: bool
    new_due: datetime.date | None = None


@event_type("supervision.rating_published")
@attrs.frozen(kw_only=True)
class RatingPublished:
    """The result of the rating of link number ``link`` held on ``rated_on`` was made public on ``on`` (HN 4 ¶1 (4))."""

    case_id: str
    link: int
    rated_on: datetime.date
    on: datetime.date
