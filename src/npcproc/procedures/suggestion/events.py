"""Events of deputies' suggestions: stream ``suggestions-<congress id>``."""

from __future__ import annotations

import datetime

import attrs

from npcproc.events import event_type
from npcproc.model.suggestion import Rating, ReplyCategory

__all__ = [
    "HandlingReportPublished",
    "HandlingReported",
    "RehandlingOrdered",
    "StageCompleted",
    "SuggestionClassified",
    "SuggestionClosed",
    "SuggestionDeadlineExtended",
    "SuggestionRated",
    "SuggestionReferred",
    "SuggestionReplied",
    "SuggestionSubmitted",
]


@event_type("suggestion.submitted")
@attrs.frozen(kw_only=True)
class SuggestionSubmitted:
    suggestion_id: str
    congress_id: str
    deputies: tuple[str, ...]
    subject: str
    content: str
    on: datetime.date
    session_id: str | None = None
    from_bill: str | None = None  # an unlisted bill that became a suggestion (CQ 14 ¶2)


@event_type("suggestion.referred")
@attrs.frozen(kw_only=True)
class SuggestionReferred:
    """交办 to a handling unit, with the reply deadline (DL 51 ¶2, tightened by provinces). An ``urgent`` one
    (迫切需要办理又有条件办理的, CQ 16 ¶1, BJ 14) is due by the close of its session where the province says so."""

    suggestion_id: str
    unit: str
    on: datetime.date
    complex: bool
    due: datetime.date
    urgent: bool = False
    at_close: bool = False  # ``due`` is the session's close (its planned last day while it is still open)


@event_type("suggestion.replied")
@attrs.frozen(kw_only=True)
class SuggestionReplied:
    suggestion_id: str
    on: datetime.date
    category: ReplyCategory
    reasons: str = ""


@event_type("suggestion.rated")
@attrs.frozen(kw_only=True)
class SuggestionRated:
    suggestion_id: str
    on: datetime.date
    rating: Rating


@event_type("suggestion.deadline_extended")
@attrs.frozen(kw_only=True)
class SuggestionDeadlineExtended:
    """The handling period extended to ``due``, never beyond the cap in force (CQ 16 ¶1, SD 15: four months)."""

    suggestion_id: str
    on: datetime.date
    due: datetime.date


@event_type("suggestion.rehandling_ordered")
@attrs.frozen(kw_only=True)
class RehandlingOrdered:
    """A dissatisfied rating sends the suggestion back, with a new deadline never earlier than the old."""

    suggestion_id: str
    on: datetime.date
    due: datetime.date


@event_type("suggestion.classified")
@attrs.frozen(kw_only=True)
class SuggestionClassified:
    suggestion_id: str
    scheme: str
    value: str
    on: datetime.date


@event_type("suggestion.stage_completed")
@attrs.frozen(kw_only=True)
class StageCompleted:
    suggestion_id: str
    stage: str
    on: datetime.date


@event_type("suggestion.closed")
@attrs.frozen(kw_only=True)
class SuggestionClosed:
    """限时销号: replied, rated satisfied or basically satisfied, every added stage done."""

    suggestion_id: str
    on: datetime.date


@event_type("suggestion.handling_reported")
@attrs.frozen(kw_only=True)
class HandlingReported:
    """The report ``report_id`` on the handling of deputies' suggestions was made on ``on``."""

    report_id: str
    on: datetime.date


@event_type("suggestion.handling_report_published")
@attrs.frozen(kw_only=True)
class HandlingReportPublished:
    """The handling report ``report_id`` was made public on ``on``."""

    report_id: str
    on: datetime.date
