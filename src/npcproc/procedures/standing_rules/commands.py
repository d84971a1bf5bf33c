"""A congress's own standing rules: its rules of procedure and its presidium's budget review procedure.

ZJ 18 ¶1 "乡镇人民代表大会应当制定大会议事规则": the congress adopts rules of procedure for its sessions;
ZJ 32 ¶1 "主席团应当……制定财政预算审查批准工作制度": the presidium adopts a procedure for reviewing and
approving the budget. Neither text gives a date, so npcproc anchors each to the act the rules govern:

- the rules of procedure govern a session's deliberation and votes (ZJ 22 ¶2 "按照大会议事规则"), so a
  session that closes without rules of procedure adopted on or before its last day breaks
  ``session.rules_of_procedure`` (a congress may adopt them at that very session);
- the budget review procedure governs the review and approval of the budget, so a budget approved
  (the first vote that passed on an agenda item of kind ``budget``, as :mod:`npcproc.procedures.budget.commands`
  reads it) without the procedure adopted on or before the day of approval breaks
  ``budget.review_procedure``;
- ZJ 33 ¶1 "主席团应当制定财政预算执行监督和决算监督制度，组织代表听取本级预算执行和决算情况的报告": the
  supervision system governs the deputies' hearing of the budget execution and final accounts reports, so a
  session that opens with an agenda item of kind ``budget_execution`` or ``final_accounts`` without the system
  adopted on or before its opening day breaks ``budget.supervision_system``.

These anchors are readings, stated as such. What the rules say (ZJ 18 ¶1's list of contents) is not
checked. Stream ``standing-rules-<congress>`` holds every adoption (:class:`RulesAdopted`); a later
adoption amends the rules, the earliest one is the day they first existed.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

import attrs

from npcproc.i18n import define
from npcproc.model.congress import RulesKind
from npcproc.model.session import AgendaItemKind
from npcproc.procedures.base import Procedure, ruled
from npcproc.procedures.budget.commands import BudgetApproval, approvals
from npcproc.procedures.congress.commands import Congresses
from npcproc.procedures.folded import fold_log
from npcproc.procedures.session.commands import Sessions
from npcproc.procedures.standing_rules.events import RulesAdopted
from npcproc.rules.decision import Decision, Reason
from npcproc.rules.ruleset import RuleSet

__all__ = ["SUPERVISED", "RulesKind", "StandingRules", "budget_review_checks", "budget_supervision_checks",
           "rules_of_procedure_checks", "standing_rules_checks"]  # fmt: skip


def standing_rules_stream(congress_id: str) -> str:
    return f"standing-rules-{congress_id}"


@attrs.frozen(kw_only=True)
class RulesLog:
    adopted: tuple[RulesAdopted, ...] = ()

    def apply(self, event: object) -> RulesLog:
        if isinstance(event, RulesAdopted):
            return RulesLog(adopted=(*self.adopted, event))
        raise TypeError(f"a standing-rules stream cannot hold {type(event).__name__}")

    def first(self, kind: RulesKind) -> datetime.date | None:
        """The day rules of ``kind`` were first adopted, or None."""
        return min((a.on for a in self.adopted if a.kind is kind), default=None)


#: The fold of the stream, from an empty RulesLog.
fold_rules = fold_log(RulesLog)


def rules_of_procedure_checks(
    rules: RuleSet, session_id: str, closed_on: datetime.date, adopted_on: datetime.date | None
) -> list[Reason]:
    """ZJ 18 ¶1, by ``rules`` in force on the session's last day: rules of procedure adopted by then."""
    rule = rules.optional("session.rules_of_procedure")
    if rule is None or not rule.value:
        return []
    ok = adopted_on is not None and adopted_on <= closed_on
    return [ruled(ok, "session.rules_of_procedure", rule, session=session_id, closed=closed_on.isoformat(),
                  adopted=adopted_on.isoformat() if adopted_on else "—")]  # fmt: skip


def budget_review_checks(rules: RuleSet, approval: BudgetApproval, adopted_on: datetime.date | None) -> list[Reason]:
    """ZJ 32 ¶1, by ``rules`` in force on the day of approval: the presidium's budget review procedure adopted by
    then."""
    rule = rules.optional("budget.review_procedure")
    if rule is None or not rule.value:
        return []
    ok = adopted_on is not None and adopted_on <= approval.on
    return [ruled(ok, "budget.review_procedure", rule, session=approval.session_id, item=approval.item_id,
                  approved=approval.on.isoformat(), adopted=adopted_on.isoformat() if adopted_on else "—")]  # fmt: skip


def budget_supervision_checks(
    rules: RuleSet, session_id: str, opened_on: datetime.date, adopted_on: datetime.date | None
) -> list[Reason]:
    """ZJ 33 ¶1, by ``rules`` in force on the day a session opens to hear the budget execution or final accounts
    report: the presidium's supervision system adopted by then."""
    rule = rules.optional("budget.supervision_system")
    if rule is None or not rule.value:
        return []
    ok = adopted_on is not None and adopted_on <= opened_on
    return [ruled(ok, "budget.supervision_system", rule, session=session_id, opened=opened_on.isoformat(),
                  adopted=adopted_on.isoformat() if adopted_on else "—")]  # fmt: skip


#: The agenda items whose hearing ZJ 33 ¶1's supervision system governs.
SUPERVISED = frozenset({AgendaItemKind.BUDGET_EXECUTION, AgendaItemKind.FINAL_ACCOUNTS})


def standing_rules_checks(
    rules_on: Callable[[datetime.date], RuleSet],
    closed: Iterable[tuple[str, datetime.date]],
    approved: Iterable[BudgetApproval],
    log: RulesLog,
    heard: Iterable[tuple[str, datetime.date]] = (),
) -> list[Reason]:
    """The checks over the sessions closed (id, last day), the budgets approved and the sessions that heard the
    budget execution or final accounts (id, opening day), by the rules of each day."""
    procedure, review = log.first(RulesKind.RULES_OF_PROCEDURE), log.first(RulesKind.BUDGET_REVIEW)
    supervision = log.first(RulesKind.BUDGET_SUPERVISION)
    found = [r for session_id, day in closed for r in rules_of_procedure_checks(rules_on(day), session_id, day,
                                                                                 procedure)]  # fmt: skip
    found += [r for approval in approved for r in budget_review_checks(rules_on(approval.on), approval, review)]
    found += [r for session_id, day in heard for r in budget_supervision_checks(rules_on(day), session_id, day,
                                                                                 supervision)]  # fmt: skip
    return found


class StandingRules(Procedure):
    """Record the adoption of a congress's standing rules and judge sessions and budgets by them (ZJ 18 ¶1, 32 ¶1)."""

    def log(self, congress_id: str) -> RulesLog:
        return self._congress_log(congress_id, standing_rules_stream(congress_id), fold_rules)[0]

    def adopt(self, congress_id: str, kind: RulesKind, *, on: datetime.date) -> None:
        """Rules of ``kind`` adopted (or amended) on ``on``: the rules of procedure by the congress, the budget
        review procedure by its presidium."""
        Congresses(self.store, self.rules).state(congress_id)
        _log, version = self._load(standing_rules_stream(congress_id), fold_rules)
        self._append(standing_rules_stream(congress_id), version, RulesAdopted(kind=RulesKind(kind), on=on))

    def check(self, congress_id: str) -> Decision:
        """Every closed session under rules of procedure, every approved budget under a review procedure, where
        the province requires them. Holds with no reasons where no rule applies."""
        sessions = Sessions(self.store, self.rules).of_congress(congress_id)
        closed = [(s.id, s.closed_on) for s in sessions if s.closed_on is not None]
        heard = [(s.id, s.opened_on) for s in sessions
                 if s.opened_on is not None and any(item.kind in SUPERVISED for item in s.agenda)]  # fmt: skip
        return Decision.of(*standing_rules_checks(lambda day: self.rules_for(congress_id, day), closed,
                                                  approvals(sessions), self.log(congress_id), heard))  # fmt: skip


define(
    "session.rules_of_procedure",
    zh_ok="会议{session}闭会（{closed}）时，大会议事规则已于{adopted}制定",
    zh_fail="会议{session}于{closed}闭会，乡镇人民代表大会应当制定大会议事规则，尚未制定",
    en_ok="session {session} closed on {closed} under rules of procedure adopted on {adopted}",
    en_fail="session {session} closed on {closed} and the congress has adopted no rules of procedure",
)
define(
    "budget.supervision_system",
    zh_ok="会议{session}于{opened}听取预算执行或决算报告时，主席团已于{adopted}制定财政预算执行监督和决算监督制度",
    zh_fail="会议{session}于{opened}听取预算执行或决算报告，主席团应当制定财政预算执行监督和决算监督制度，尚未制定",
    en_ok="session {session} heard the budget execution or final accounts report on {opened} under the "
    "presidium's supervision system of {adopted}",
    en_fail="session {session} heard the budget execution or final accounts report on {opened} and the presidium "
    "has adopted no budget execution and final accounts supervision system",
)
define(
    "budget.review_procedure",
    zh_ok="会议{session}于{approved}批准预算（{item}）时，主席团已于{adopted}制定财政预算审查批准工作制度",
    zh_fail="会议{session}于{approved}批准预算（{item}），主席团应当制定财政预算审查批准工作制度，尚未制定",
    en_ok="the budget ({item}) approved at session {session} on {approved} was reviewed under the presidium's "
    "budget review procedure of {adopted}",
    en_fail="the budget ({item}) was approved at session {session} on {approved} and the presidium has adopted no "
    "budget review procedure",
)
