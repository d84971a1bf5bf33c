"""Events of standing rules adopted: stream ``standing-rules-<congress>``."""

from __future__ import annotations

import datetime

import attrs

from npcproc.events import event_type
from npcproc.model.congress import RulesKind

__all__ = [
    "RulesAdopted",
]


@event_type("congress.rules_adopted")
@attrs.frozen(kw_only=True)
class RulesAdopted:
    """Standing rules of ``kind`` adopted (or amended) on ``on``."""

    kind: RulesKind
    on: datetime.date
