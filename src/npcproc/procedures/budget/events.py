"""Events of the budget's publication: stream ``budget-<congress>``."""

from __future__ import annotations

import datetime

import attrs

from npcproc.events import event_type

__all__ = [
    "BudgetPublished",
]


@event_type("budget.published")
@attrs.frozen(kw_only=True)
class BudgetPublished:
    """The budget approved under agenda item ``item_id`` of ``session_id`` was made public on ``on``."""

    session_id: str
    item_id: str
    on: datetime.date
