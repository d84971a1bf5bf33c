"""Liaison-station work 代表联络站: voter reception days and the ledger 台账 of the issues voters raise.

Stream ``liaison-<congress>``. Deputies in office receive voters at a station (OL 43 ¶1);
each issue raised is given a handling unit and a due date, answered, and struck off 销号 —
on time or late (限时销号). The presidium (township, OL 19 ¶2) or the standing committee
(county, OL 60 ¶2) follows the issues through; :meth:`Liaison.ledger` lists those still open
and those overdue on a given day.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

import attrs

from npcproc.model.levels import Level
from npcproc.procedures.base import Procedure, cite, reason, refuse, require
from npcproc.procedures.congress.commands import Congresses
from npcproc.procedures.folded import fold_log
from npcproc.procedures.liaison import messages  # noqa: F401 - defines the message codes used below
from npcproc.procedures.liaison.events import IssueClosed, IssueRaised, IssueReplied, ReceptionHeld
from npcproc.rules.decision import Citation, Decision, Reason

__all__ = ["IssueState", "Ledger", "Liaison", "LiaisonState", "liaison_stream"]

#: OL 43 ¶1: deputies keep close contact with the voters, hear and reflect their views.
CONTACT = cite("OL", 43, 1)


def liaison_stream(congress_id: str) -> str:
    return f"liaison-{congress_id}"


def follow_up(level: Level) -> Citation:
    """Who hears the views deputies and voters raise and follows them up (OL 19 ¶2, OL 60 ¶2)."""
    return cite("OL", 19, 2) if level is Level.TOWNSHIP else cite("OL", 60, 2)


@attrs.frozen(kw_only=True)
class IssueState:
    raised: IssueRaised
    reply: IssueReplied | None = None
    closed: IssueClosed | None = None

    def open_on(self, on: datetime.date) -> bool:
        """Raised by ``on`` and not yet closed that day."""
        return self.raised.on <= on and (self.closed is None or self.closed.on > on)

    def overdue_on(self, on: datetime.date) -> bool:
        return self.open_on(on) and on > self.raised.due


@attrs.frozen(kw_only=True)
class LiaisonState:
    receptions: Mapping[str, ReceptionHeld] = attrs.field(factory=dict)
    issues: Mapping[str, IssueState] = attrs.field(factory=dict)

    def apply(self, event: object) -> LiaisonState:
        match event:
            case ReceptionHeld(reception_id=reception_id):
                return attrs.evolve(self, receptions={**self.receptions, reception_id: event})
            case IssueRaised(issue_id=issue_id):
                return attrs.evolve(self, issues={**self.issues, issue_id: IssueState(raised=event)})
            case IssueReplied(issue_id=issue_id):
                return self._issue(attrs.evolve(self.issues[issue_id], reply=event))
            case IssueClosed(issue_id=issue_id):
                return self._issue(attrs.evolve(self.issues[issue_id], closed=event))
        raise TypeError(f"a liaison stream cannot hold {type(event).__name__}")

    def _issue(self, issue: IssueState) -> LiaisonState:
        return attrs.evolve(self, issues={**self.issues, issue.raised.issue_id: issue})


#: The fold of the stream, from an empty LiaisonState.
fold_liaison = fold_log(LiaisonState)


@attrs.frozen(kw_only=True)
class Ledger:
    """The issues on ``on``: those still open, those of them overdue, and those closed.

    ``decision`` holds when nothing is overdue; each overdue issue is a failing reason.
    """

    on: datetime.date
    open: tuple[IssueState, ...]
    overdue: tuple[IssueState, ...]
    closed: tuple[IssueState, ...]
    decision: Decision


class Liaison(Procedure):
    """Record reception days at liaison stations and follow the issues raised to closure."""

    def state(self, congress_id: str) -> LiaisonState:
        return self._current(congress_id)[0]

    def _current(self, congress_id: str) -> tuple[LiaisonState, int]:
        self._level(congress_id)  # refuses an unknown congress
        return self._load(liaison_stream(congress_id), fold_liaison)

    def _level(self, congress_id: str) -> Level:
        return Congresses(self.store, self.rules).state(congress_id).congress.level

    def receive(
        self, congress_id: str, reception_id: str, *, station: str, on: datetime.date, deputies: Sequence[str],
        voters_received: int,
    ) -> None:  # fmt: skip
        """A reception day 选民接待日: the deputies present, all in office, and how many voters came."""
        state, version = self._current(congress_id)
        if reception_id in state.receptions:
            refuse("liaison.reception_exists", CONTACT, reception_id=reception_id)
        in_office = set(Congresses(self.store, self.rules).state(congress_id).in_office(on))
        checks = [
            reason(bool(station.strip()) and bool(deputies) and voters_received >= 0, "liaison.reception", CONTACT,
                   reception_id=reception_id, voters=voters_received),
            *(reason(False, "deputy.not_in_office", CONTACT, deputy_id=d, on=on.isoformat())
              for d in deputies if d not in in_office),
        ]  # fmt: skip
        require(Decision.of(*checks))
        event = ReceptionHeld(reception_id=reception_id, station=station, on=on, deputies=tuple(deputies),
                              voters_received=voters_received)  # fmt: skip
        self._append(liaison_stream(congress_id), version, event)

    def raise_issue(
        self, congress_id: str, issue_id: str, *, reception_id: str, summary: str, unit: str, due: datetime.date,
        raised_by: str | None = None,
    ) -> None:  # fmt: skip
        """An issue raised at a reception day (``raised_by`` None when anonymous), referred to ``unit`` by ``due``."""
        state, version = self._current(congress_id)
        citation = follow_up(self._level(congress_id))
        if issue_id in state.issues:
            refuse("liaison.issue_exists", citation, issue_id=issue_id)
        reception = state.receptions.get(reception_id)
        if reception is None:
            refuse("liaison.reception_unknown", CONTACT, reception_id=reception_id)
        checks = [
            reason(bool(summary.strip()) and bool(unit.strip()), "liaison.issue", citation, issue_id=issue_id),
            reason(due >= reception.on, "liaison.due", citation, due=due.isoformat(), on=reception.on.isoformat()),
        ]
        require(Decision.of(*checks))
        event = IssueRaised(issue_id=issue_id, reception_id=reception_id, on=reception.on, summary=summary,
                            raised_by=raised_by, unit=unit, due=due)  # fmt: skip
        self._append(liaison_stream(congress_id), version, event)

    def reply(self, congress_id: str, issue_id: str, *, on: datetime.date, reply: str) -> None:
        """The handling unit answers."""
        state, version = self._current(congress_id)
        citation = follow_up(self._level(congress_id))
        issue = self._issue(state, issue_id, citation)
        if issue.reply is not None or issue.closed is not None:
            refuse("liaison.wrong_stage", citation, issue_id=issue_id, action_zh="答复", action_en="reply")
        checks = [
            reason(bool(reply.strip()), "liaison.reply", citation, issue_id=issue_id),
            reason(on >= issue.raised.on, "liaison.date_order", citation, on=on.isoformat(),
                   last=issue.raised.on.isoformat()),
        ]  # fmt: skip
        require(Decision.of(*checks))
        self._append(liaison_stream(congress_id), version, IssueReplied(issue_id=issue_id, on=on, reply=reply))

    def close(self, congress_id: str, issue_id: str, *, on: datetime.date) -> Decision:
        """销号 once answered; the Decision says whether it was closed by the due date (限时销号)."""
        state, version = self._current(congress_id)
        citation = follow_up(self._level(congress_id))
        issue = self._issue(state, issue_id, citation)
        if issue.reply is None or issue.closed is not None:
            refuse("liaison.wrong_stage", citation, issue_id=issue_id, action_zh="销号", action_en="close")
        if on < issue.reply.on:
            refuse("liaison.date_order", citation, on=on.isoformat(), last=issue.reply.on.isoformat())
        self._append(liaison_stream(congress_id), version, IssueClosed(issue_id=issue_id, on=on))
        raised = issue.raised
        return Decision.of(reason(on <= raised.due, "liaison.closed_on_time", citation, issue_id=issue_id,
                                  unit=raised.unit, due=raised.due.isoformat(), on=on.isoformat()))  # fmt: skip

    def ledger(self, congress_id: str, on: datetime.date) -> Ledger:
        """The ledger 台账 on ``on``: open issues, overdue ones, closed ones."""
        state = self.state(congress_id)
        citation = follow_up(self._level(congress_id))
        issues = sorted(state.issues.values(), key=lambda i: (i.raised.due, i.raised.issue_id))
        still_open = tuple(i for i in issues if i.open_on(on))
        overdue = tuple(i for i in still_open if i.overdue_on(on))
        closed = tuple(i for i in issues if i.closed is not None and i.closed.on <= on)
        reasons: list[Reason] = [
            reason(False, "liaison.overdue", citation, issue_id=i.raised.issue_id, unit=i.raised.unit,
                   due=i.raised.due.isoformat(), on=on.isoformat())
            for i in overdue
        ]  # fmt: skip
        if not reasons:
            reasons.append(reason(True, "liaison.none_overdue", citation, open=len(still_open), on=on.isoformat()))
        return Ledger(on=on, open=still_open, overdue=overdue, closed=closed, decision=Decision.of(*reasons))

    @staticmethod
    def _issue(state: LiaisonState, issue_id: str, citation: Citation) -> IssueState:
        issue = state.issues.get(issue_id)
        if issue is None:
            refuse("liaison.issue_unknown", citation, issue_id=issue_id)
        return issue
