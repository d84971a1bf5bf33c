"""The audit of a record's session committees (SD 7) and the budget committee's report before a budget vote
(SD 18 ¶2), with the procedure's own checks (:mod:`npcproc.procedures.session_committees.commands`)."""

from __future__ import annotations

import datetime
from collections.abc import Collection

from npcproc.procedures.session_committees.commands import PRACTICE, budget_vote_check, lists_check
from npcproc.procedures.session_committees.events import CommitteeKind
from npcproc.record.findings import Findings, Roll, year_rules
from npcproc.record.model import CongressYear, SessionRecord
from npcproc.rules.ruleset import RuleSet

__all__ = ["audit_session_committees"]


def audit_session_committees(year: CongressYear, rules: RuleSet, findings: Findings, where: str) -> None:
    """Each opened session's committee lists (SD 7) and each of its votes on a budget item (SD 18 ¶2), judged by
    the rules resolved for the congress on the opening and the vote's day; a list adopted after the opening, a
    second list of one kind or a report by a committee not on record are facts of the record."""
    roll = Roll(year.deputies)
    for index, session in enumerate(year.sessions):
        _session(year, rules, roll, findings, f"{where}.sessions[{index}]", session)


def _session(
    year: CongressYear, rules: RuleSet, roll: Roll, findings: Findings, at: str, session: SessionRecord
) -> None:
    known = {item.id for item in session.agenda} | {bill.id for bill in session.bills}
    kinds: list[CommitteeKind] = []
    reports: list[tuple[datetime.date, Collection[str]]] = []
    for index, committee in enumerate(session.committees):
        here, on = f"{at}.committees[{index}]", committee.on or session.opens_on
        if on > session.opens_on:
            findings.fact(here, "session_committee.preparatory", PRACTICE, session_id=session.id, on=on.isoformat())
        if committee.kind in kinds:
            findings.fact(here, "session_committee.exists", PRACTICE, session_id=session.id,
                          committee=committee.kind.value, name=committee.kind.zh)  # fmt: skip
        kinds.append(committee.kind)
        for number, report in enumerate(committee.reports):
            there = f"{here}.reports[{number}]"
            if report.on < on or (session.closed_on is not None and report.on > session.closed_on):
                findings.fact(there, "session_committee.no_committee", PRACTICE, session_id=session.id,
                              committee=committee.kind.value, name=committee.kind.zh,
                              on=report.on.isoformat())  # fmt: skip
            for item in report.items:
                if item not in known:
                    findings.fact(there, "session_committee.item", PRACTICE, item=item, session_id=session.id)
            if committee.kind is CommitteeKind.BUDGET:
                reports.append((report.on, report.items))
    if not session.present:
        return  # not opened: SD 7 and the votes are judged once the session sits
    findings.check(at, *lists_check(year_rules(year, rules, roll, session.opens_on), session_id=session.id,
                                    adopted=kinds))  # fmt: skip
    for index, vote in enumerate(session.votes):
        findings.check(f"{at}.votes[{index}]", *budget_vote_check(
            year_rules(year, rules, roll, vote.on), vote_id=vote.id, subject=vote.subject, on=vote.on,
            agenda=session.agenda, reports=reports,
        ))  # fmt: skip
