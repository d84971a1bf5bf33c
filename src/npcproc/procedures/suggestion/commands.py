"""Deputies' suggestions 建议、批评和意见 (DL 51, 52): submission, referral with a deadline, reply,
the deputy's rating, re-handling when dissatisfied, and time-limited closure 限时销号.

All suggestions of a congress live in one stream, ``suggestions-<congress id>``: its fold
is the ledger 台账. Practice plugins add classifications and stages (three-colour handling)
through ``npcproc_workflow_classifications``.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from collections.abc import Sequence

from npcproc.model.session import BillStatus
from npcproc.model.suggestion import Classification, Rating, ReplyCategory, SuggestionStatus
from npcproc.procedures.base import Procedure, cite, reason, refuse, require, ruled
from npcproc.procedures.congress.commands import Congresses
from npcproc.procedures.folded import present
from npcproc.procedures.session.commands import Sessions
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
from npcproc.procedures.suggestion.state import (
    HandlingReport,
    Ledger,
    LedgerRow,
    SuggestionState,
    at_session_close,
    fold_suggestions,
    suggestions_stream,
)
from npcproc.rules.decision import Citation, Decision, Reason
from npcproc.rules.logic import Rule
from npcproc.rules.ruleset import RuleSet

__all__ = [
    "Suggestions",
    "urgent_reply_check",
]  # fmt: skip

WORKFLOW = "suggestion"


def urgent_reply_check(rule: Rule, closed_on: datetime.date, replied_on: datetime.date) -> Reason:
    """An urgent suggestion is handled, or a handling plan given, by the close of its session (CQ 16 ¶1, BJ 14)."""
    return ruled(replied_on <= closed_on, "suggestion.urgent_in_time", rule, due=closed_on.isoformat(),
                 replied=replied_on.isoformat())  # fmt: skip


class Suggestions(Procedure):
    """Record and follow up deputies' suggestions."""

    def ledger(self, congress_id: str) -> Ledger:
        ledger = Ledger(self._load(suggestions_stream(congress_id), fold_suggestions)[0])  # a copy: the fold is cached
        return Ledger((sid, self._closing(state)) for sid, state in ledger.items())

    def state(self, congress_id: str, suggestion_id: str) -> SuggestionState:
        return self._current(congress_id, suggestion_id)[0]

    def _current(self, congress_id: str, suggestion_id: str) -> tuple[SuggestionState, int]:
        ledger, version = self._load(suggestions_stream(congress_id), fold_suggestions)
        found = ledger.get(suggestion_id)
        if found is None:
            refuse("suggestion.unknown", cite("DL", 51), suggestion_id=suggestion_id)
        return self._closing(found), version

    def _closing(self, state: SuggestionState) -> SuggestionState:
        session_id = state.submitted.session_id
        if not state.at_close or session_id is None:
            return state
        return at_session_close(state, Sessions(self.store, self.rules).state(session_id).closed_on)

    def submit(
        self, congress_id: str, suggestion_id: str, *, deputies: Sequence[str], subject: str, content: str,
        on: datetime.date, session_id: str | None = None,
    ) -> None:  # fmt: skip
        """A suggestion from one or several deputies in office, during a session or between sessions."""
        in_office = set(Congresses(self.store, self.rules).state(congress_id).in_office(on))
        outsiders = [d for d in deputies if d not in in_office]
        if not deputies or outsiders:
            refuse("deputy.not_in_office", cite("DL", 51, 1), deputy_id=", ".join(outsiders) or "—", on=on.isoformat())
        if not subject.strip() or not content.strip():
            refuse("suggestion.empty", cite("DL", 51, 1))
        self._submit(SuggestionSubmitted(
            suggestion_id=suggestion_id, congress_id=congress_id, deputies=tuple(deputies), subject=subject,
            content=content, on=on, session_id=session_id,
        ))  # fmt: skip

    def submit_unlisted_bill(self, session_id: str, bill_id: str, *, on: datetime.date) -> str:
        """A bill the presidium did not list becomes a suggestion where the province says so (CQ 14 ¶2)."""
        session = Sessions(self.store, self.rules).state(session_id)
        bill = session.bills.get(bill_id)
        if bill is None or bill.status is not BillStatus.CONVERTED_TO_SUGGESTION:
            refuse("suggestion.not_converted", cite("OL", 22, 2), bill_id=bill_id)
        suggestion_id = f"{session_id}-{bill_id}"
        self._submit(SuggestionSubmitted(
            suggestion_id=suggestion_id, congress_id=session.congress_id, deputies=bill.sponsors,
            subject=bill.subject, content=f"{bill.grounds}\n{bill.proposal}", on=on, session_id=session_id,
            from_bill=bill_id,
        ))  # fmt: skip
        return suggestion_id

    def _submit(self, event: SuggestionSubmitted) -> None:
        ledger, version = self._load(suggestions_stream(event.congress_id), fold_suggestions)
        if event.suggestion_id in ledger:
            refuse("suggestion.exists", cite("DL", 51), suggestion_id=event.suggestion_id)
        self._append(suggestions_stream(event.congress_id), version, event)

    def refer(
        self, congress_id: str, suggestion_id: str, *, unit: str, on: datetime.date, complex: bool = False,
        urgent: bool = False,
    ) -> datetime.date:  # fmt: skip
        """交办 to ``unit``: the reply is due in 3 months, 6 for broad or hard cases (DL 51 ¶2), or the province's,
        counted from the referral or, where the province says so, from the close of the session (SD 15).

        An ``urgent`` suggestion (迫切需要办理又有条件办理的) made at a session is due by the session's close
        where the province says so (CQ 16 ¶1, BJ 14): its planned last day while it is open, then the day it
        closed. Elsewhere the flag is recorded and the ordinary period runs."""
        state, version = self._current(congress_id, suggestion_id)
        self._status(state, "refer", SuggestionStatus.SUBMITTED)
        rules = self.rules_for(congress_id, on)
        at_close = urgent and rules.optional("suggestion.urgent_due_at_session_close") is not None
        if at_close:
            due = self._session_close(rules, state, on, complex)
        else:
            due = rules.suggestion_reply_deadline(self._start(rules, state, on), complex=complex)
        event = SuggestionReferred(suggestion_id=suggestion_id, unit=unit, on=on, complex=complex, due=due,
                                   urgent=urgent, at_close=at_close)  # fmt: skip
        self._append(suggestions_stream(congress_id), version, event)
        return due

    def _session_close(self, rules: RuleSet, state: SuggestionState, on: datetime.date, complex: bool) -> datetime.date:
        """The close of the session an urgent suggestion was made at: the day it closed, or its planned last day.
        Refused for a suggestion made between sessions, one referred after its session closed, or a complex one."""
        from npcproc.calendar import deadline

        rule = rules.rule("suggestion.urgent_due_at_session_close")
        session_id = state.submitted.session_id
        session = Sessions(self.store, self.rules).state(session_id) if session_id is not None else None
        close = None
        if session is not None:
            opened = session.opened_on or session.opens_on
            length = math.ceil(session.days) - 1  # consecutive days after the first: a session's days never move
            close = session.closed_on or (deadline(opened, days=length, calendar=None).date if length else opened)
        require(Decision.of(
            ruled(close is not None and on <= close, "suggestion.urgent_session", rule, suggestion_id=state.id,
                  session=session_id or "—", on=on.isoformat()),
            ruled(not complex, "suggestion.urgent_complex", rule, suggestion_id=state.id),
        ))  # fmt: skip
        return present(close, "close")

    def extend(self, congress_id: str, suggestion_id: str, *, to: datetime.date, on: datetime.date) -> datetime.date:
        """Extend the handling period to ``to``: later than the deadline now, and never beyond the longest period
        in force from the same start (DL 51 ¶2: six months; CQ 16 ¶1 "最迟不得超过四个月", SD 15 likewise)."""
        state, version = self._current(congress_id, suggestion_id)
        self._status(state, "extend", SuggestionStatus.REFERRED)
        due, referred_on = state.due, state.referred_on
        if due is None or referred_on is None:
            raise TypeError(f"suggestion {suggestion_id!r} is referred but has no deadline")  # a broken fold
        rules = self.rules_for(congress_id, on)
        if state.at_close:  # "应当在会议期间办理": no extension of an urgent suggestion's period
            urgent = rules.rule("suggestion.urgent_due_at_session_close")
            require(Decision.of(ruled(False, "suggestion.urgent_extension", urgent, suggestion_id=suggestion_id,
                                      due=due.isoformat())))  # fmt: skip
        cap_rule = rules.rule("suggestion.reply_months_complex")
        start = self._start(rules, state, referred_on)
        cap = rules.period(start, months=int(cap_rule.value)).date
        require(Decision.of(
            reason(to > due, "suggestion.extension_later", cite("DL", 51, 2), to=to.isoformat(), due=due.isoformat()),
            ruled(to <= cap, "suggestion.extension_cap", cap_rule, to=to.isoformat(), cap=cap.isoformat(),
                  months=cap_rule.value, start=start.isoformat()),
        ))  # fmt: skip
        event = SuggestionDeadlineExtended(suggestion_id=suggestion_id, on=on, due=to)
        self._append(suggestions_stream(congress_id), version, event)
        return to

    def _start(self, rules: RuleSet, state: SuggestionState, referred_on: datetime.date) -> datetime.date:
        """The day the reply period counts from: the referral (DL 51 ¶2), or the close of the session the
        suggestion was made in where the province counts from there (SD 15 "在大会闭会之日起")."""
        session_id = state.submitted.session_id
        if rules.effective("suggestion.reply_months").starts != "session_closed" or session_id is None:
            return referred_on
        closed_on = Sessions(self.store, self.rules).state(session_id).closed_on
        return closed_on if closed_on is not None and closed_on <= referred_on else referred_on

    def reply(
        self, congress_id: str, suggestion_id: str, *, on: datetime.date, category: ReplyCategory, reasons: str = ""
    ) -> Decision:
        """The handling unit replies; "cannot be resolved now" must give its reasons, and a handling plan
        (``PLAN``) answers an urgent suggestion only (CQ 16 ¶1, BJ 14). Recorded even when late; the Decision
        says whether an urgent suggestion was answered by its session's close."""
        state, version = self._current(congress_id, suggestion_id)
        self._status(state, "reply", SuggestionStatus.REFERRED)
        if category is ReplyCategory.CANNOT_NOW and not reasons.strip():
            refuse("suggestion.reasons", Citation.practice())
        if category is ReplyCategory.PLAN and not state.urgent:
            refuse("suggestion.plan_not_urgent", Citation.practice(), suggestion_id=suggestion_id)
        decision = Decision.of()
        if state.at_close and state.due is not None:
            rule = self.rules_for(congress_id, state.referred_on).rule("suggestion.urgent_due_at_session_close")
            decision = Decision.of(urgent_reply_check(rule, state.due, on))
        event = SuggestionReplied(suggestion_id=suggestion_id, on=on, category=category, reasons=reasons)
        self._append(suggestions_stream(congress_id), version, event)
        return decision

    def rate(self, congress_id: str, suggestion_id: str, *, on: datetime.date, rating: Rating) -> SuggestionState:
        """The deputy rates the reply: dissatisfied sends it back for re-handling with a new deadline, never an
        earlier one; otherwise it closes once every stage its classes add is done (限时销号)."""
        state, version = self._current(congress_id, suggestion_id)
        self._status(state, "be rated", SuggestionStatus.REPLIED)
        events: list[object] = [SuggestionRated(suggestion_id=suggestion_id, on=on, rating=rating)]
        if rating is Rating.DISSATISFIED:
            due = max(present(state.due, "due"), self.rules_for(congress_id, on).suggestion_reply_deadline(on))
            events.append(RehandlingOrdered(suggestion_id=suggestion_id, on=on, due=due))
        elif not self._stages_pending(state):
            events.append(SuggestionClosed(suggestion_id=suggestion_id, on=on))
        self._append(suggestions_stream(congress_id), version, *events)
        return self.state(congress_id, suggestion_id)

    def classify(self, congress_id: str, suggestion_id: str, *, scheme: str, value: str, on: datetime.date) -> None:
        """Give the suggestion a class a practice plugin defines (e.g. scheme "colour", value "red")."""
        state, version = self._current(congress_id, suggestion_id)
        if state.status is SuggestionStatus.CLOSED:
            refuse(
                "suggestion.wrong_stage",
                cite("DL", 52),
                suggestion_id=suggestion_id,
                status="closed",
                action="classify",
            )
        if (WORKFLOW, scheme, value) not in self.rules.classifications:
            known = ", ".join(sorted(f"{s}/{v}" for w, s, v in self.rules.classifications if w == WORKFLOW)) or "none"
            refuse("suggestion.unknown_class", Citation.practice(), scheme=scheme, value=value, known=known)
        event = SuggestionClassified(suggestion_id=suggestion_id, scheme=scheme, value=value, on=on)
        self._append(suggestions_stream(congress_id), version, event)

    def complete_stage(self, congress_id: str, suggestion_id: str, stage: str, *, on: datetime.date) -> None:
        """Record a stage of the suggestion's classes as done; closes it if it was only waiting for this."""
        state, version = self._current(congress_id, suggestion_id)
        if stage not in self._stages_pending(state):
            refuse("suggestion.no_such_stage", Citation.practice(), suggestion_id=suggestion_id, stage=stage)
        events: list[object] = [StageCompleted(suggestion_id=suggestion_id, stage=stage, on=on)]
        satisfied = state.ratings and state.ratings[-1].rating is not Rating.DISSATISFIED
        if satisfied and state.status is SuggestionStatus.REPLIED and self._stages_pending(state) == {stage}:
            events.append(SuggestionClosed(suggestion_id=suggestion_id, on=on))
        self._append(suggestions_stream(congress_id), version, *events)

    def _classes(self, state: SuggestionState) -> list[Classification]:
        return [self.rules.classifications[(WORKFLOW, c.scheme, c.value)] for c in state.classes.values()]

    def _stages_pending(self, state: SuggestionState) -> set[str]:
        return {s.name for c in self._classes(state) for s in c.stages if s.name not in state.stages_done}

    def _status(self, state: SuggestionState, action: str, *allowed: SuggestionStatus) -> None:
        if state.status not in allowed:
            refuse("suggestion.wrong_stage", cite("DL", 51, 2), suggestion_id=state.id, status=state.status.value,
                   action=action)  # fmt: skip

    def rows(self, congress_id: str, *, on: datetime.date) -> list[LedgerRow]:
        """The ledger 台账 on ``on``: every suggestion with its unit, deadline, status, and what is overdue."""
        rows = []
        for state in self.ledger(congress_id).values():
            stages = [
                (stage.name, self._stage_due(c.on, stage.due_days))
                for c in state.classes.values()
                for stage in self.rules.classifications[(WORKFLOW, c.scheme, c.value)].stages
                if stage.name not in state.stages_done
            ]
            rows.append(LedgerRow(
                suggestion_id=state.id, subject=state.submitted.subject, deputies=state.submitted.deputies,
                unit=state.unit, due=state.due, status=state.status, overdue=state.overdue(on),
                classes=tuple(f"{c.scheme}/{c.value}" for c in state.classes.values()), stages_due=tuple(stages),
            ))  # fmt: skip
        return rows

    def _stage_due(self, classified_on: datetime.date, days: int | None) -> datetime.date | None:
        """A practice stage is due ``days`` after the classification, counted per CC 201-203 like any period."""
        if days is None:
            return None
        return self.rules.period(classified_on, days=days).date if days else classified_on

    def handling_report(self, congress_id: str, *, on: datetime.date) -> HandlingReport:
        """Counts for the handling report to the congress (DL 51 ¶3)."""
        states = list(self.ledger(congress_id).values())
        last_reply = Counter(s.replies[-1].category.value for s in states if s.replies)
        last_rating = Counter(s.ratings[-1].rating.value for s in states if s.ratings)
        return HandlingReport(
            submitted=len(states), replied=sum(1 for s in states if s.replies),
            closed=sum(1 for s in states if s.status is SuggestionStatus.CLOSED),
            overdue=sum(1 for s in states if s.overdue(on)), by_category=dict(last_reply), by_rating=dict(last_rating),
        )  # fmt: skip
