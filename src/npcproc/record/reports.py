"""The audit of a record's reports on the handling of deputies' suggestions (DL 51 ¶3, CQ 16 ¶2, HN 4 ¶1 (7)),
with the procedure's own checks (:mod:`npcproc.procedures.handling_reports`)."""

from __future__ import annotations

import datetime

from npcproc.model.session import AgendaItemKind
from npcproc.procedures.handling_reports import REPORTED, distribution_checks, publication_checks
from npcproc.record.audit import Findings, Roll, year_rules
from npcproc.record.model import CongressYear
from npcproc.rules.ruleset import RuleSet

__all__ = ["audit_reports"]


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
