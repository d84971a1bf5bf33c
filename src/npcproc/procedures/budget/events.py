"""Events of the budget's publication: stream ``budget-<congress>``."""

from __future__ import annotations

import datetime

import attrs

from npcproc.events import event_type

__all__ = [
    "AdjustmentSubmitted",
    "BudgetPublished",
    "OpinionsHeard",
]


@event_type("budget.published")
@attrs.frozen(kw_only=True)
class BudgetPublished:
    """The budget approved under agenda item ``item_id`` of ``session_id`` was made public on ``on``."""

    session_id: str
    item_id: str
    on: datetime.date


@event_type("budget.adjustment_submitted")
@attrs.frozen(kw_only=True)
class AdjustmentSubmitted:
    """The government's adjustment plan for the agenda item ``item_id`` of ``session_id`` reached the presidium
    on ``on``, in writing or not."""

    session_id: str
    item_id: str
    on: datetime.date
    in_writing: bool = True


@event_type("budget.adjustment_opinions_heard")
@attrs.frozen(kw_only=True)
class OpinionsHeard:
    """The presidium heard the deputies' opinions on the adjustment plan of ``item_id`` on ``on``."""

    session_id: str
    item_id: str
    on: datetime.date
