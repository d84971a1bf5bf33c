"""The audit of a record's reports on the handling of deputies' suggestions (DL 51 ¶3, CQ 16 ¶2, HN 4 ¶1 (7)) and
of its standing rules (ZJ 18 ¶1, 32 ¶1), with the procedures' own checks
(:mod:`npcproc.procedures.suggestion.handling_reports`, :mod:`npcproc.procedures.standing_rules.commands`)."""

from __future__ import annotations

import datetime

from npcproc.model.session import AgendaItemKind
from npcproc.procedures.budget.commands import BudgetApproval
from npcproc.procedures.standing_rules.commands import SUPERVISED, RulesLog, standing_rules_checks
from npcproc.procedures.standing_rules.events import RulesAdopted
from npcproc.procedures.suggestion.handling_reports import REPORTED, distribution_checks, publication_checks
from npcproc.record.findings import Findings, Roll, year_rules
from npcproc.record.model import CongressYear
from npcproc.rules.ruleset import RuleSet

__all__ = ["audit_reports", "audit_standing_rules", "record_approvals"]


def audit_reports(
    year: CongressYear, rules: RuleSet, findings: Findings, where: str, as_of: datetime.date | None
) -> None:
    """Each handling report: made public by the end of its year, and where the province says so, among the
    documents of the next session the record holds (judged by the rules in force on the day of the report)."""
    roll = Roll(year.deputies)
    sessions = [(s.id, s.opens_on, any(i.kind is AgendaItemKind.SUGGESTION_HANDLING_REPORT for i in s.agenda))
                for s in year.sessions if s.present]  # fmt: skip
    seen: set[str] = set()
    for index, report in enumerate(year.handling_reports):
        at = f"{where}.handling_reports[{index}]"
        if report.id in seen:
            findings.fact(at, "suggestion.handling_report_exists", REPORTED, report=report.id, on=report.on.isoformat())
            continue
        seen.add(report.id)
        if report.published_on is not None and report.published_on < report.on:
            findings.fact(at, "suggestion.handling_report_before", REPORTED, report=report.id,
                          on=report.published_on.isoformat(), reported=report.on.isoformat())  # fmt: skip
            continue
        day_rules = year_rules(year, rules, roll, report.on)
        findings.check(at, *publication_checks(day_rules, report.id, report.on, report.published_on, as_of))
        findings.check(at, *distribution_checks(day_rules, report.id, report.on, sessions, as_of))


def record_approvals(
    year: CongressYear, kind: AgendaItemKind = AgendaItemKind.BUDGET
) -> dict[tuple[str, str], BudgetApproval]:
    """Each item of ``kind`` (the budget, or a budget adjustment) a session's vote approved (the first vote on it
    that passed), by (session, item)."""
    approved: dict[tuple[str, str], BudgetApproval] = {}
    for session in sorted(year.sessions, key=lambda s: s.opens_on):
        budgets = {item.id for item in session.agenda if item.kind is kind}
        for vote in sorted(session.votes, key=lambda v: v.on):
            if vote.subject in budgets and vote.passed and (session.id, vote.subject) not in approved:
                approved[session.id, vote.subject] = BudgetApproval(session_id=session.id, item_id=vote.subject,
                                                                    vote_id=vote.id, on=vote.on)  # fmt: skip
    return approved


def audit_standing_rules(
    year: CongressYear, rules: RuleSet, findings: Findings, where: str, as_of: datetime.date | None
) -> None:
    """ZJ 18 ¶1, 32 ¶1 and 33 ¶1: each closed session under rules of procedure, each approved budget under the
    presidium's budget review procedure, each session hearing the budget execution or final accounts under its
    supervision system, adopted on or before that day (``standing_rules``)."""
    roll = Roll(year.deputies)
    log = RulesLog(adopted=tuple(RulesAdopted(kind=r.kind, on=r.adopted_on) for r in year.standing_rules))
    index = {s.id: i for i, s in enumerate(year.sessions)}

    def rules_on(day: datetime.date) -> RuleSet:
        return year_rules(year, rules, roll, day)

    for session in year.sessions:
        if session.closed_on is not None:
            closed = [(session.id, session.closed_on)]
            findings.check(f"{where}.sessions[{index[session.id]}]", *standing_rules_checks(rules_on, closed, [], log))
    for approval in record_approvals(year).values():
        at = f"{where}.sessions[{index[approval.session_id]}]"
        findings.check(at, *standing_rules_checks(rules_on, [], [approval], log))
    for session in year.sessions:
        if session.present and any(item.kind in SUPERVISED for item in session.agenda):
            heard = [(session.id, session.opens_on)]
            findings.check(f"{where}.sessions[{index[session.id]}]", *standing_rules_checks(rules_on, [], [], log,
                                                                                            heard))  # fmt: skip


def audit_budget_adjustments(year: CongressYear, rules: RuleSet, findings: Findings, where: str) -> None:
    """ZJ 33 ¶2: each budget adjustment a session approved reached the presidium in writing, and the deputies were
    heard on it, on or before the day of approval (``budget_adjustments``)."""
    from npcproc.procedures.budget.adjustment import adjustment_checks
    from npcproc.procedures.budget.events import AdjustmentSubmitted

    approved = record_approvals(year, AgendaItemKind.BUDGET_ADJUSTMENT)
    recorded = {(record.session, record.item): record for record in year.budget_adjustments}
    for key, approval in approved.items():
        index = next(i for i, s in enumerate(year.sessions) if s.id == approval.session_id)
        record = recorded.get(key)
        submitted = None if record is None else AdjustmentSubmitted(
            session_id=record.session, item_id=record.item, on=record.submitted_on, in_writing=record.in_writing
        )  # fmt: skip
        heard = None if record is None else record.opinions_heard_on
        day_rules = year_rules(year, rules, Roll(year.deputies), approval.on)
        findings.check(f"{where}.sessions[{index}]", *adjustment_checks(day_rules, approval, submitted, heard))
