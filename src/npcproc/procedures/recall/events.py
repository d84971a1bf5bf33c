"""Events of a recall: stream ``recall-<id>``."""

from __future__ import annotations

import datetime

import attrs

from npcproc.events import attendance, event_type
from npcproc.model.election import (
    DefenceForm,
    Office,
    RecallProposer,
)

__all__ = ["DefenceCirculated", "DefenceSubmitted", "RecallCounted", "RecallProposed", "RecallReferred"]


@event_type("recall.proposed")
@attrs.frozen(kw_only=True)
class RecallProposed:
    """罢免案 with its written reasons (OL 31 ¶1-3)."""

    recall_id: str
    congress_id: str
    session_id: str
    office: Office
    holder_id: str
    proposed_by: RecallProposer
    proposers: tuple[str, ...]
    reasons: str


@event_type("recall.defence_submitted")
@attrs.frozen(kw_only=True)
class DefenceSubmitted:
    """申辩 at a presidium meeting or plenary, or in writing (OL 31 ¶4)."""

    form: DefenceForm
    statement: str


@event_type("recall.defence_circulated")
@attrs.frozen(kw_only=True)
class DefenceCirculated:
    """The presidium prints and circulates the defence to the session (OL 31 ¶4)."""

    on: datetime.date


@event_type("recall.referred_to_investigation")
@attrs.frozen(kw_only=True)
class RecallReferred:
    """County: an investigation committee reports to the next session, which decides (OL 31 ¶5)."""

    on: datetime.date


@event_type("recall.counted")
@attrs.frozen(kw_only=True)
class RecallCounted:
    """The recall vote at a sitting with the deputies ``present`` (OL 14 ¶4, OL 25)."""

    session_id: str
    on: datetime.date
    total_deputies: int
    ballots_issued: int
    ballots_returned: int
    yes: int
    no: int
    abstain: int
    passed: bool
    present: tuple[str, ...] = attrs.field(default=(), converter=attendance)
