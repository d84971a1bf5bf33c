"""A budget adjustment reaches the congress through the presidium (ZJ 33 ¶2).

ZJ 33 ¶2 "在预算执行中，乡镇人民政府对必须进行的预算调整，应当编制预算调整方案，以书面形式报主席团。主席团组织听取
代表对预算调整方案的意见，并将预算调整方案提请乡镇人民代表大会会议审查和批准。" Where the province says so (parameter
``budget.adjustment_through_presidium``), an adjustment the congress approves (the first vote that passed on an
agenda item of kind ``budget_adjustment``, as :func:`~npcproc.procedures.budget.commands.approvals` reads it) must have
reached the presidium in writing (:meth:`BudgetAdjustments.submit`) and the presidium must have heard the
deputies' opinions on it (:meth:`BudgetAdjustments.hear_opinions`), each on or before the day of that vote. The
vote is a fact of the session and is recorded either way; :meth:`BudgetAdjustments.check` and ``npcproc check``
judge it. Stream ``budget-adjustment-<congress>``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping

import attrs

from npcproc.i18n import define, define_fact
from npcproc.model.session import AgendaItemKind
from npcproc.procedures.base import Procedure, cite, refuse, ruled
from npcproc.procedures.budget.commands import BudgetApproval, approvals
from npcproc.procedures.budget.events import AdjustmentSubmitted, OpinionsHeard
from npcproc.procedures.congress.commands import Congresses
from npcproc.procedures.folded import fold_log
from npcproc.procedures.session.commands import Sessions
from npcproc.rules.decision import Decision, Reason
from npcproc.rules.ruleset import RuleSet

__all__ = [
    "BudgetAdjustments",
    "adjustment_checks",
]

#: OL 12 ¶1 (4): the township congress approves the budget and its adjustments.
APPROVAL = cite("OL", 12, 1, 4)


def adjustment_stream(congress_id: str) -> str:
    return f"budget-adjustment-{congress_id}"


@attrs.frozen(kw_only=True)
class AdjustmentLog:
    submitted: Mapping[tuple[str, str], AdjustmentSubmitted] = attrs.field(factory=dict)
    heard: Mapping[tuple[str, str], datetime.date] = attrs.field(factory=dict)

    def apply(self, event: object) -> AdjustmentLog:
        if isinstance(event, AdjustmentSubmitted):
            return attrs.evolve(self, submitted={**self.submitted, (event.session_id, event.item_id): event})
        if isinstance(event, OpinionsHeard):
            return attrs.evolve(self, heard={**self.heard, (event.session_id, event.item_id): event.on})
        raise TypeError(f"a budget adjustment stream cannot hold {type(event).__name__}")


#: The fold of the stream, from an empty AdjustmentLog.
fold_adjustments = fold_log(AdjustmentLog)


def adjustment_checks(
    rules: RuleSet, approval: BudgetApproval, submitted: AdjustmentSubmitted | None, heard: datetime.date | None
) -> list[Reason]:
    """ZJ 33 ¶2 for one approved adjustment, by ``rules`` in force on the day of approval: submitted to the
    presidium in writing, and the deputies' opinions heard, each on or before that day. No rule, no check."""
    rule = rules.optional("budget.adjustment_through_presidium")
    if rule is None or not rule.value:
        return []
    values = {"session": approval.session_id, "item": approval.item_id, "approved": approval.on.isoformat()}
    in_time = submitted is not None and submitted.in_writing and submitted.on <= approval.on
    heard_in_time = heard is not None and submitted is not None and submitted.on <= heard <= approval.on
    return [
        ruled(in_time, "budget.adjustment_submitted", rule, **values),
        ruled(heard_in_time, "budget.adjustment_opinions", rule, **values),
    ]


class BudgetAdjustments(Procedure):
    """Record a budget adjustment's way through the presidium and judge it (ZJ 33 ¶2)."""

    def submit(
        self, congress_id: str, session_id: str, item_id: str, *, on: datetime.date, in_writing: bool = True
    ) -> None:
        """The government's adjustment plan, to be put to ``session_id`` as its item ``item_id``, reached the
        presidium on ``on`` (``in_writing`` as ZJ 33 ¶2 requires). Refused for an item the session does not
        list as a budget adjustment, or a second submission of it."""
        self._item(congress_id, session_id, item_id)
        log, version = self._load(adjustment_stream(congress_id), fold_adjustments)
        if (session_id, item_id) in log.submitted:
            refuse("budget.adjustment_resubmitted", APPROVAL, item=item_id)
        event = AdjustmentSubmitted(session_id=session_id, item_id=item_id, on=on, in_writing=in_writing)
        self._append(adjustment_stream(congress_id), version, event)

    def hear_opinions(self, congress_id: str, session_id: str, item_id: str, *, on: datetime.date) -> None:
        """The presidium heard the deputies' opinions on the plan on ``on``. Refused before the plan reached it,
        or a second time."""
        self._item(congress_id, session_id, item_id)
        log, version = self._load(adjustment_stream(congress_id), fold_adjustments)
        submitted = log.submitted.get((session_id, item_id))
        if submitted is None or on < submitted.on:
            refuse("budget.adjustment_not_submitted", APPROVAL, item=item_id, on=on.isoformat())
        if (session_id, item_id) in log.heard:
            refuse("budget.adjustment_heard_twice", APPROVAL, item=item_id)
        self._append(adjustment_stream(congress_id), version, OpinionsHeard(session_id=session_id, item_id=item_id,
                                                                            on=on))  # fmt: skip

    def check(self, congress_id: str) -> Decision:
        """Every adjustment the congress approved, judged by ZJ 33 ¶2 where it binds."""
        log = self._load(adjustment_stream(congress_id), fold_adjustments)[0]
        sessions = Sessions(self.store, self.rules).of_congress(congress_id)
        return Decision.of(*(
            reason
            for approval in approvals(sessions, AgendaItemKind.BUDGET_ADJUSTMENT)
            for reason in adjustment_checks(self.rules_for(congress_id, approval.on), approval,
                                            log.submitted.get((approval.session_id, approval.item_id)),
                                            log.heard.get((approval.session_id, approval.item_id)))
        ))  # fmt: skip

    def _item(self, congress_id: str, session_id: str, item_id: str) -> None:
        Congresses(self.store, self.rules).state(congress_id)  # refuses an unknown congress
        session = Sessions(self.store, self.rules).state(session_id)
        kinds: Iterable[AgendaItemKind] = (item.kind for item in session.agenda if item.id == item_id)
        if session.congress_id != congress_id or AgendaItemKind.BUDGET_ADJUSTMENT not in set(kinds):
            refuse("budget.adjustment_not_listed", APPROVAL, session=session_id, item=item_id)


define(
    "budget.adjustment_submitted",
    zh_ok="会议{session}于{approved}批准的预算调整方案（{item}）此前已以书面形式报主席团",
    zh_fail="会议{session}于{approved}批准的预算调整方案（{item}）此前没有以书面形式报主席团",
    en_ok="the budget adjustment ({item}) approved at session {session} on {approved} reached the presidium in "
    "writing before",
    en_fail="the budget adjustment ({item}) approved at session {session} on {approved} had not reached the "
    "presidium in writing before",
)
define(
    "budget.adjustment_opinions",
    zh_ok="主席团在会议{session}于{approved}批准预算调整方案（{item}）前组织听取了代表的意见",
    zh_fail="主席团没有在会议{session}于{approved}批准预算调整方案（{item}）前组织听取代表的意见",
    en_ok="the presidium heard the deputies' opinions on the budget adjustment ({item}) before session {session} "
    "approved it on {approved}",
    en_fail="the presidium did not hear the deputies' opinions on the budget adjustment ({item}) before session "
    "{session} approved it on {approved}",
)
define_fact("budget.adjustment_not_listed", "会议{session}的议程没有预算调整方案事项{item}",
            "session {session} lists no budget adjustment item {item}")  # fmt: skip
define_fact("budget.adjustment_resubmitted", "预算调整方案（{item}）已报主席团",
            "the budget adjustment ({item}) has already reached the presidium")  # fmt: skip
define_fact("budget.adjustment_not_submitted", "预算调整方案（{item}）在{on}尚未报主席团，不能听取代表意见",
            "the budget adjustment ({item}) had not reached the presidium on {on}: no opinion heard")  # fmt: skip
define_fact("budget.adjustment_heard_twice", "已就预算调整方案（{item}）组织听取代表意见",
            "the deputies' opinions on the budget adjustment ({item}) were heard already")  # fmt: skip
