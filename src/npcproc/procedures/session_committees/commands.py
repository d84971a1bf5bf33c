"""A session's committees: the bills review committee 议案审查委员会 and the budget review committee
财政预算审查委员会 (SD 7, SD 18 ¶2).

Stream ``session-committees-<session>``. The preparatory meeting adopts the lists of a session's committees with
its other preparatory decisions (OL 17 "其他准备事项的决定" at a county; SD 7 names the two lists for a Shandong
township), so a committee is recorded once the session's preparatory meeting has been held, on a day up to the
session's opening. A committee reports to the session on the items it reviewed (agenda items or bills).

What a province adds, checked by the rules resolved for the congress on the day (a township regulation never
binds a county congress), never refusing what the session did:

* SD 7 "每次会议举行预备会议，……通过会议议程、议案审查委员会和财政预算审查委员会人员名单": each session, once
  opened, has both lists (``session_committee.lists_required``);
* SD 18 ¶2 "财政预算审查委员会……向大会提出审查结果的报告，并由主席团将预算及预算调整方案和预算执行情况的决议草案
  提请大会全体会议表决": a vote on a budget, budget adjustment or budget execution item
  (:data:`BUDGET_KINDS`; final accounts are not named) comes after the budget committee's report on that item, on
  the vote's day at the latest (``session_committee.budget_report_before_vote``).

Both are judged by :meth:`SessionCommittees.check` and by ``npcproc check``. A vote is recorded by
:class:`~npcproc.procedures.session.commands.Sessions`, which does not consult this stream: a vote without the report is
reported as a violation, not refused.

The structural refusals (a second list of one kind, a report by a committee not set up, an unknown item) keep the
record consistent; no text states them, so they cite practice.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Mapping, Sequence

import attrs

from npcproc.model.session import AgendaItem, AgendaItemKind, SessionStatus
from npcproc.procedures.base import Procedure, reason, refuse, ruled
from npcproc.procedures.folded import fold_log
from npcproc.procedures.session.commands import Sessions
from npcproc.procedures.session_committees import messages  # noqa: F401 - defines the message codes used below
from npcproc.procedures.session_committees.events import CommitteeKind, CommitteeListAdopted, CommitteeReported
from npcproc.rules.decision import Citation, Decision, Reason
from npcproc.rules.logic import Rule
from npcproc.rules.ruleset import RuleSet

__all__ = [
    "BUDGET_KINDS",
    "SessionCommittees",
    "SessionCommitteesState",
    "budget_vote_check",
    "lists_check",
]

#: The record's consistency: no text states it.
PRACTICE = Citation.practice()
#: SD 18 ¶2 "财政预算及预算调整方案和预算执行情况的报告": what the budget committee reviews before the vote.
BUDGET_KINDS = frozenset({AgendaItemKind.BUDGET, AgendaItemKind.BUDGET_ADJUSTMENT, AgendaItemKind.BUDGET_EXECUTION})


# -- events --------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SessionCommitteesState:
    """The committees of one session and their reports."""

    committees: Mapping[CommitteeKind, CommitteeListAdopted] = attrs.field(factory=dict)
    reports: Mapping[str, CommitteeReported] = attrs.field(factory=dict)

    def apply(self, event: object) -> SessionCommitteesState:
        match event:
            case CommitteeListAdopted(kind=kind):
                return attrs.evolve(self, committees={**self.committees, kind: event})
            case CommitteeReported(report_id=report_id):
                return attrs.evolve(self, reports={**self.reports, report_id: event})
        raise TypeError(f"a session-committees stream cannot hold {type(event).__name__}")


#: The fold of the stream, from an empty SessionCommitteesState.
_fold = fold_log(SessionCommitteesState)


# -- the checks, shared by the procedure and the audit of a record -----------------------------------


def _flag(rules: RuleSet, name: str) -> Rule | None:
    rule = rules.optional(name)
    return rule if rule is not None and rule.value else None


def lists_check(rules: RuleSet, *, session_id: str, adopted: Collection[CommitteeKind]) -> list[Reason]:
    """SD 7: the session's preparatory meeting adopted the list of each committee (nothing where no province
    says so)."""
    rule = _flag(rules, "session_committee.lists_required")
    if rule is None:
        return []
    return [ruled(kind in adopted, "session_committee.list", rule, session_id=session_id, committee=kind.value,
                  name=kind.zh) for kind in CommitteeKind]  # fmt: skip


def budget_vote_check(
    rules: RuleSet, *, vote_id: str, subject: str, on: datetime.date, agenda: Sequence[AgendaItem],
    reports: Collection[tuple[datetime.date, Collection[str]]],
) -> list[Reason]:  # fmt: skip
    """SD 18 ¶2: a vote on a budget item (:data:`BUDGET_KINDS`) comes after the budget committee's report on it
    (``reports``: its reports' days and items), on the vote's day at the latest. Nothing for other votes."""
    kind = next((item.kind for item in agenda if item.id == subject), None)
    if kind not in BUDGET_KINDS or (rule := _flag(rules, "session_committee.budget_report_before_vote")) is None:
        return []
    reported = any(day <= on and subject in items for day, items in reports)
    return [ruled(reported, "session_committee.budget_report", rule, vote_id=vote_id, item=subject,
                  on=on.isoformat())]  # fmt: skip


# -- the procedure -------------------------------------------------------------------------------


class SessionCommittees(Procedure):
    """Record a session's committees and their reports; judge them by the province's rules."""

    def state(self, session_id: str) -> SessionCommitteesState:
        return self._load(f"session-committees-{session_id}", _fold)[0]

    def adopt(
        self, session_id: str, kind: CommitteeKind, *, on: datetime.date, members: Sequence[str], chair: str = ""
    ) -> None:
        """Record the list the preparatory meeting adopted (SD 7). Refused, recording nothing, before the
        preparatory meeting was held, on a day after the session opened, for a second list of the same kind, or
        for a list without members."""
        state, version = self._load(f"session-committees-{session_id}", _fold)
        session = Sessions(self.store, self.rules).state(session_id)  # refuses an unknown session
        if session.status in (SessionStatus.PLANNED, SessionStatus.NOTICED) or (
            session.opened_on is not None and on > session.opened_on
        ):
            refuse("session_committee.preparatory", PRACTICE, session_id=session_id, on=on.isoformat())
        if kind in state.committees:
            refuse("session_committee.exists", PRACTICE, session_id=session_id, committee=kind.value, name=kind.zh)
        members = tuple(dict.fromkeys(members))
        if not members:
            refuse("session_committee.empty", PRACTICE, committee=kind.value, name=kind.zh)
        event = CommitteeListAdopted(session_id=session_id, kind=kind, on=on, members=members, chair=chair)
        self._append(f"session-committees-{session_id}", version, event)

    def report(
        self, session_id: str, report_id: str, *, kind: CommitteeKind, on: datetime.date, items: Sequence[str]
    ) -> None:
        """Record a committee's report to the session on ``items``. Refused, recording nothing, without that
        committee, before it was adopted or after the session closed, for a known report, no item, or an item that
        is neither on the agenda nor a bill of the session."""
        state, version = self._load(f"session-committees-{session_id}", _fold)
        session = Sessions(self.store, self.rules).state(session_id)
        committee = state.committees.get(kind)
        if committee is None or on < committee.on or (session.closed_on is not None and on > session.closed_on):
            refuse("session_committee.no_committee", PRACTICE, session_id=session_id, committee=kind.value,
                   name=kind.zh, on=on.isoformat())  # fmt: skip
        if report_id in state.reports:
            refuse("session_committee.report_exists", PRACTICE, report_id=report_id)
        if not items:
            refuse("session_committee.report_empty", PRACTICE, report_id=report_id)
        known = session.agenda_ids | frozenset(session.bills)
        for item in items:
            if item not in known:
                refuse("session_committee.item", PRACTICE, item=item, session_id=session_id)
        event = CommitteeReported(session_id=session_id, kind=kind, report_id=report_id, on=on, items=tuple(items))
        self._append(f"session-committees-{session_id}", version, event)

    def check(self, session_id: str) -> Decision:
        """SD 7 once the session has opened (by the rules of its opening day) and SD 18 ¶2 for each of its votes
        (by the rules of the vote's day); nothing to judge where no province says so."""
        session = Sessions(self.store, self.rules).state(session_id)
        state = self.state(session_id)
        reasons: list[Reason] = []
        if session.opened_on is not None:
            reasons += lists_check(self.rules_for(session.congress_id, session.opened_on), session_id=session_id,
                                   adopted=state.committees.keys())  # fmt: skip
        reports = _budget_reports(state)
        for vote in session.votes.values():
            reasons += budget_vote_check(self.rules_for(session.congress_id, vote.opened_on), vote_id=vote.id,
                                         subject=vote.subject, on=vote.opened_on, agenda=session.agenda,
                                         reports=reports)  # fmt: skip
        if not reasons:
            return Decision.of(reason(True, "session_committee.not_judged", PRACTICE, session_id=session_id))
        return Decision.of(*reasons)


def _budget_reports(state: SessionCommitteesState) -> list[tuple[datetime.date, Collection[str]]]:
    return [(r.on, r.items) for r in state.reports.values() if r.kind is CommitteeKind.BUDGET]
