"""The suggestion ledger 台账, folded from the stream ``suggestions-<congress id>``."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

import attrs

from npcproc.errors import ConversionError
from npcproc.model.suggestion import SuggestionStatus
from npcproc.procedures.suggestion.events import (
    RehandlingOrdered,
    StageCompleted,
    SuggestionClassified,
    SuggestionClosed,
    SuggestionDeadlineExtended,
    SuggestionRated,
    SuggestionReferred,
    SuggestionReplied,
    SuggestionSubmitted,
)

__all__ = [
    "HandlingReport",
    "Ledger",
    "LedgerRow",
    "SuggestionState",
    "at_session_close",
    "fold_suggestions",
    "suggestions_stream",
]


def suggestions_stream(congress_id: str) -> str:
    return f"suggestions-{congress_id}"


def at_session_close(state: SuggestionState, closed_on: datetime.date | None) -> SuggestionState:
    """An urgent suggestion due "在会议期间" (CQ 16 ¶1, BJ 14) is due on the day its session closed, once it
    has closed (until then, on the session's planned last day, as referred)."""
    if not state.at_close or closed_on is None or closed_on == state.due:
        return state
    return attrs.evolve(state, due=closed_on)


@attrs.frozen(kw_only=True)
class SuggestionState:
    submitted: SuggestionSubmitted
    status: SuggestionStatus = SuggestionStatus.SUBMITTED
    unit: str | None = None
    referred_on: datetime.date | None = None
    due: datetime.date | None = None
    replies: tuple[SuggestionReplied, ...] = ()
    ratings: tuple[SuggestionRated, ...] = ()
    classes: Mapping[str, SuggestionClassified] = attrs.field(factory=dict)
    stages_done: Mapping[str, datetime.date] = attrs.field(factory=dict)
    closed_on: datetime.date | None = None
    urgent: bool = False  # 迫切需要办理又有条件办理的 (CQ 16 ¶1, BJ 14)
    at_close: bool = False  # the deadline in force is the close of the session the suggestion was made at

    @property
    def id(self) -> str:
        return self.submitted.suggestion_id

    def overdue(self, on: datetime.date) -> bool:
        """Awaiting a reply after its deadline has passed; a closed suggestion is never overdue."""
        return self.status is SuggestionStatus.REFERRED and self.due is not None and on > self.due


class Ledger(dict[str, SuggestionState]):
    """suggestion id -> state: the 台账 of one congress."""

    def apply(self, event: object) -> Ledger:
        """A new ledger with ``event`` applied (this one is left as it was)."""
        ledger = Ledger(self)
        ledger._apply(event)
        return ledger

    def _apply(self, event: object) -> None:
        sid = getattr(event, "suggestion_id", None)
        if not isinstance(sid, str):
            raise ConversionError("suggestion_id", f"{type(event).__name__} names no suggestion")
        match event:
            case SuggestionSubmitted():
                self[sid] = SuggestionState(submitted=event)
                return
            case SuggestionReferred(unit=unit, due=due, on=on, urgent=urgent, at_close=at_close):
                changes: dict[str, object] = {"status": SuggestionStatus.REFERRED, "unit": unit, "due": due,
                                              "referred_on": on, "urgent": urgent, "at_close": at_close}  # fmt: skip
            case SuggestionReplied():
                changes = {"status": SuggestionStatus.REPLIED, "replies": (*self[sid].replies, event)}
            case SuggestionRated():
                changes = {"ratings": (*self[sid].ratings, event)}
            case RehandlingOrdered(due=due) | SuggestionDeadlineExtended(due=due):
                changes = {"status": SuggestionStatus.REFERRED, "due": due, "at_close": False}
            case SuggestionClassified(scheme=scheme):
                changes = {"classes": {**self[sid].classes, scheme: event}}
            case StageCompleted(stage=stage, on=on):
                changes = {"stages_done": {**self[sid].stages_done, stage: on}}
            case SuggestionClosed(on=on):
                changes = {"status": SuggestionStatus.CLOSED, "closed_on": on}
            case _:
                raise TypeError(f"a suggestions stream cannot hold {type(event).__name__}")
        self[sid] = attrs.evolve(self[sid], **changes)  # type: ignore[arg-type]


def fold_suggestions(events: Sequence[object]) -> Ledger:
    ledger = Ledger()
    for event in events:
        ledger._apply(event)
    return ledger


@attrs.frozen(kw_only=True)
class LedgerRow:
    """One line of the 台账."""

    suggestion_id: str
    subject: str
    deputies: tuple[str, ...]
    unit: str | None
    due: datetime.date | None
    status: SuggestionStatus
    overdue: bool
    classes: tuple[str, ...]
    stages_due: tuple[tuple[str, datetime.date | None], ...]


@attrs.frozen(kw_only=True)
class HandlingReport:
    """The handling report presented to the congress (DL 51 ¶3): counts that are made public."""

    submitted: int
    replied: int
    closed: int
    overdue: int
    by_category: Mapping[str, int]
    by_rating: Mapping[str, int]
