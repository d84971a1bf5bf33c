"""The approved budget made public (ZJ 32 ¶2: 在批准后二十日内向社会公开).

A township congress approves its budget 预算 (OL 12 ¶1 (4)) by a vote that passes on an agenda
item of kind ``budget``: the day of that vote is the budget's approval, the event
(``budget_approved``) the province's ``budget.publication_days`` counts from. The period's last
day is computed by :meth:`~npcproc.rules.RuleSet.period` (CC 201-203: the day of approval not
counted, a last day on a rest day moved to the next working day), by the rules in force on the day
of approval. Stream ``budget-<congress>`` holds the publications (:class:`BudgetPublished`).

A publication after the last day is recorded (it happened) and judged late; a budget not published
by the last day is overdue (:meth:`Budgets.publication_check`). Where no rule sets the period
(national law alone, a county congress under a township regulation) nothing is judged.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping

import attrs

from npcproc.i18n import define, define_fact
from npcproc.model.session import AgendaItemKind
from npcproc.procedures.base import Procedure, cite, refuse, ruled
from npcproc.procedures.budget.events import BudgetPublished
from npcproc.procedures.congress.commands import Congresses
from npcproc.procedures.folded import fold_log
from npcproc.procedures.session.commands import Sessions
from npcproc.procedures.session.state import SessionState
from npcproc.rules.decision import Decision, Reason, ReasonValue
from npcproc.rules.ruleset import RuleSet

__all__ = [
    "BudgetApproval",
    "Budgets",
    "approvals",
    "budget_stream",
    "publication_checks",
]

#: OL 12 ¶1 (4): the township congress approves its budget.
APPROVAL = cite("OL", 12, 1, 4)


def budget_stream(congress_id: str) -> str:
    return f"budget-{congress_id}"


@attrs.frozen(kw_only=True)
class BudgetApproval:
    """A budget item approved by the vote ``vote_id`` on ``on`` (the start of the publication period)."""

    session_id: str
    item_id: str
    vote_id: str
    on: datetime.date


def approvals(
    sessions: Iterable[SessionState], kind: AgendaItemKind = AgendaItemKind.BUDGET
) -> tuple[BudgetApproval, ...]:
    """Each item of ``kind`` (the budget, or a budget adjustment) of ``sessions`` with the first vote on it that
    passed."""
    found = []
    for session in sessions:
        budgets = {item.id for item in session.agenda if item.kind is kind}
        seen: set[str] = set()
        for vote in sorted(session.votes.values(), key=lambda v: v.opened_on):
            if vote.subject in budgets and vote.subject not in seen and vote.tally is not None and vote.tally.passed:
                seen.add(vote.subject)
                found.append(BudgetApproval(session_id=session.id, item_id=vote.subject, vote_id=vote.id,
                                            on=vote.opened_on))  # fmt: skip
    return tuple(found)


def publication_checks(
    rules: RuleSet, approval: BudgetApproval, published_on: datetime.date | None, as_of: datetime.date | None
) -> list[Reason]:
    """ZJ 32 ¶2 for one approved budget, by ``rules`` in force on the day of approval: published by the last day
    of ``budget.publication_days``; not yet published, overdue once ``as_of`` is past that day. No rule, no check."""
    rule = rules.optional("budget.publication_days")
    if rule is None:
        return []
    days = int(rule.value)
    due = rules.period(approval.on, days=days).date
    values: dict[str, ReasonValue] = {
        "session": approval.session_id, "item": approval.item_id, "approved": approval.on.isoformat(), "days": days,
        "due": due.isoformat(),
    }  # fmt: skip
    if published_on is not None:
        return [ruled(published_on <= due, "budget.published", rule, published=published_on.isoformat(), **values)]
    if as_of is not None and as_of > due:
        return [ruled(False, "budget.unpublished", rule, as_of=as_of.isoformat(), **values)]
    return []


@attrs.frozen(kw_only=True)
class BudgetLog:
    """The publications on record: (session, item) -> the day made public."""

    published: Mapping[tuple[str, str], datetime.date] = attrs.field(factory=dict)

    def apply(self, event: object) -> BudgetLog:
        if isinstance(event, BudgetPublished):
            return BudgetLog(published={**self.published, (event.session_id, event.item_id): event.on})
        raise TypeError(f"a budget stream cannot hold {type(event).__name__}")


#: The fold of the stream, from an empty BudgetLog.
fold_budget = fold_log(BudgetLog)


class Budgets(Procedure):
    """Record the publication of approved budgets and judge it against the province's period (ZJ 32 ¶2)."""

    def approvals(self, congress_id: str) -> tuple[BudgetApproval, ...]:
        """The budgets the congress's sessions approved, in the order of the sessions."""
        return approvals(Sessions(self.store, self.rules).of_congress(congress_id))

    def published(self, congress_id: str) -> Mapping[tuple[str, str], datetime.date]:
        Congresses(self.store, self.rules).state(congress_id)  # refuses an unknown congress
        return self._load(budget_stream(congress_id), fold_budget)[0].published

    def publish(self, congress_id: str, session_id: str, item_id: str, *, on: datetime.date) -> Decision:
        """The budget approved under ``item_id`` at ``session_id`` was made public on ``on``.

        Refused (nothing recorded) for a budget the session did not approve, a day before its approval, or
        a second publication. A late publication is recorded; the Decision returned says it was late.
        """
        Congresses(self.store, self.rules).state(congress_id)
        log, version = self._load(budget_stream(congress_id), fold_budget)
        approval = next((a for a in self.approvals(congress_id)
                         if (a.session_id, a.item_id) == (session_id, item_id)), None)  # fmt: skip
        if approval is None:
            refuse("budget.not_approved", APPROVAL, session=session_id, item=item_id)
        if on < approval.on:
            refuse("budget.before_approval", APPROVAL, item=item_id, on=on.isoformat(),
                   approved=approval.on.isoformat())  # fmt: skip
        if (session_id, item_id) in log.published:
            refuse("budget.already_published", APPROVAL, item=item_id,
                   on=log.published[(session_id, item_id)].isoformat())  # fmt: skip
        decision = Decision.of(*publication_checks(self.rules_for(congress_id, approval.on), approval, on, None))
        self._append(budget_stream(congress_id), version, BudgetPublished(session_id=session_id, item_id=item_id,
                                                                          on=on))  # fmt: skip
        return decision

    def publication_check(self, congress_id: str, *, as_of: datetime.date) -> Decision:
        """Every approved budget: made public in time, late, or still unpublished after the last day (``as_of``
        past it). Holds with no reasons where no rule sets the period."""
        published = self.published(congress_id)
        return Decision.of(*(
            found
            for approval in self.approvals(congress_id)
            for found in publication_checks(self.rules_for(congress_id, approval.on), approval,
                                            published.get((approval.session_id, approval.item_id)), as_of)
        ))  # fmt: skip


define(
    "budget.published",
    zh_ok="会议{session}批准的预算（{item}）于{approved}批准，{published}向社会公开，在{days}日期限（{due}）内",
    zh_fail="会议{session}批准的预算（{item}）于{approved}批准，{published}才向社会公开，超过{days}日期限（{due}）",
    en_ok="the budget ({item}) approved at session {session} on {approved} was made public on {published}, "
    "within {days} days (by {due})",
    en_fail="the budget ({item}) approved at session {session} on {approved} was made public only on {published}, "
    "after the {days} days (due {due})",
)
define(
    "budget.unpublished",
    zh_ok="会议{session}批准的预算（{item}）尚未到公开期限（{due}）",
    zh_fail="会议{session}于{approved}批准的预算（{item}）应当在{days}日内（{due}前）向社会公开，截至{as_of}仍未公开",
    en_ok="the budget ({item}) approved at session {session} is not yet due to be made public ({due})",
    en_fail="the budget ({item}) approved at session {session} on {approved} was due to be made public within "
    "{days} days (by {due}) and is not public as of {as_of}",
)
define_fact("budget.not_approved", "会议{session}没有表决通过预算事项{item}",
            "session {session} approved no budget item {item}")  # fmt: skip
define_fact("budget.before_approval", "预算（{item}）于{approved}批准，不能在{on}公开",
            "the budget ({item}) was approved on {approved}; it cannot have been made public on {on}")  # fmt: skip
define_fact("budget.already_published", "预算（{item}）已于{on}向社会公开",
            "the budget ({item}) was made public on {on}")  # fmt: skip
