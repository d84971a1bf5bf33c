"""Audit a record: every rule the procedures apply, applied to what the record says happened.

The checks are the procedures' own (:mod:`npcproc.procedures.session.checks`, the inquiry,
election and supervision check functions, :func:`~npcproc.procedures.annual_agenda`) and the
:class:`~npcproc.rules.RuleSet` in force, with the province's plugin checks; so a record is
judged as the live API would judge the same steps. Each finding says where it is (a path like
``congresses[0].sessions[1].votes[2]``), whether it is a violation or a notice, and why, with
its citation. The audit is linear in the size of the record.
"""

from __future__ import annotations

import datetime

from npcproc.procedures.session.agenda import annual_agenda
from npcproc.procedures.supervision.events import Step
from npcproc.procedures.supervision.special_reports import hearings, year_checks
from npcproc.record.bodies import audit_bodies
from npcproc.record.checks import CongressChecks
from npcproc.record.findings import (
    HEAD_POSTS,
    Audit,
    Finding,
    Findings,
    Roll,
    Severity,
    covered_years,
    heads_after,
    session_states,
    year_rules,
)
from npcproc.record.model import CongressRecord, CongressYear
from npcproc.record.reports import audit_budget_adjustments, audit_reports, audit_standing_rules
from npcproc.record.session_committees import audit_session_committees
from npcproc.record.session_groups import audit_session_groups
from npcproc.rules.ruleset import RuleSet

__all__ = [
    "HEAD_POSTS", "Audit", "Finding", "Findings", "Roll", "Severity", "audit", "covered_years", "heads_after",
    "session_states", "year_rules",
]  # fmt: skip


def audit(record: CongressRecord, rules: RuleSet) -> Audit:
    """Every finding about ``record`` under ``rules``."""
    findings = Findings()
    for index, year in enumerate(record.congresses):
        CongressChecks(year, rules, findings, f"congresses[{index}]", record.as_of).run()
        _annual(year, rules, Roll(year.deputies), findings, f"congresses[{index}]", record.as_of)
        audit_bodies(year, rules, findings, f"congresses[{index}]", record.as_of)
        audit_session_groups(year, rules, findings, f"congresses[{index}]")
        audit_session_committees(year, rules, findings, f"congresses[{index}]")
        audit_reports(year, rules, findings, f"congresses[{index}]", record.as_of)
        audit_standing_rules(year, rules, findings, f"congresses[{index}]", record.as_of)
        audit_budget_adjustments(year, rules, findings, f"congresses[{index}]")
    return Audit(findings=tuple(findings.found))


def _annual(year: CongressYear, rules: RuleSet, roll: Roll, findings: Findings, where: str,
            as_of: datetime.date | None) -> None:  # fmt: skip
    """OL 11/12 and OL 14 ¶1 (and the province's placement checks) for each year the record covers in full,
    by the rules in force at the end of that year."""
    states = session_states(year)
    heard = hearings((case.id, [(link.kind, next((s.on for s in link.steps if s.step is Step.HELD), None))
                                for link in case.links]) for case in year.supervision)  # fmt: skip
    first = [s.id for s in year.sessions if s.first_of_term]
    elected = {s.id: {e.office for e in s.elections if any(r.elected for r in e.rounds)} for s in year.sessions}
    for calendar_year in covered_years(year, int(rules.value("term.years")), as_of):
        end = datetime.date(calendar_year, 12, 31)
        if as_of is not None and as_of < end:
            continue  # the year is not over: what it lacks may still come
        before = [s.id for s in year.suggestions if s.submitted_on.year == calendar_year - 1]
        decision = annual_agenda(year_rules(year, rules, roll, end), year.level, states, calendar_year,
                                 first_of_term=first, elected=elected, suggestions_before=before)  # fmt: skip
        findings.check(f"{where}.year[{calendar_year}]", *decision.reasons)
        january = year_rules(year, rules, roll, datetime.date(calendar_year, 1, 1))  # ZJ 26 ¶1: a year governed in full
        findings.check(f"{where}.year[{calendar_year}]", *year_checks(january, heard, calendar_year))
