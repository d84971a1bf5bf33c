"""The audit of a record's credentials committee, credentials reports and deputy groups, with the procedures'
own checks (:mod:`npcproc.procedures.bodies.commands`)."""

from __future__ import annotations

import datetime

from npcproc.model.levels import Level
from npcproc.procedures.base import cite
from npcproc.procedures.bodies.checks import (
    _QUARTERS,
    committee_checks,
    first_session_check,
    group_checks,
    quarter_checks,
)
from npcproc.procedures.bodies.commands import BY_ELECTION_REVIEW, COMMITTEE, CONFIRMATION, GROUPS
from npcproc.record.findings import Findings, Roll, year_rules
from npcproc.record.model import CongressYear, DeputyGroupRecord, SessionRecord
from npcproc.rules.decision import Reason
from npcproc.rules.ruleset import RuleSet

__all__ = ["audit_bodies"]


def audit_bodies(
    year: CongressYear, rules: RuleSet, findings: Findings, where: str, as_of: datetime.date | None
) -> None:
    """The committee of each term's first session (set up, and composed as the province says), the credentials
    reports, the deputies elected in by-elections no confirmed report covers (a notice: the law sets no period),
    and the deputy groups with their activities."""
    roll = Roll(year.deputies)
    first: SessionRecord | None = None
    committee_on: datetime.date | None = None
    for index, session in sorted(enumerate(year.sessions), key=lambda pair: pair[1].opens_on):
        at = f"{where}.sessions[{index}]"
        if session.first_of_term and first is None:
            first = session
        committee = session.credentials_committee
        if committee is not None:
            on = committee.on or session.opens_on
            if year.level is not Level.TOWNSHIP:
                findings.fact(at, "credentials.township", cite("OL", 56, 1), level=year.level.value)
                continue
            if not session.first_of_term:
                findings.fact(at, "credentials.first_session", COMMITTEE, session_id=session.id, term=year.term)
                continue
            if on < session.opens_on or (session.closed_on is not None and on > session.closed_on):
                findings.fact(at, "credentials.session_open", COMMITTEE, session_id=session.id, on=on.isoformat())
            checks = committee_checks(
                year_rules(year, rules, roll, on), chair=committee.chair, vice_chairs=committee.vice_chairs,
                members=committee.members, nominated_by=committee.nominated_by, in_office=roll.in_office(on),
                presidium=session.presidium, on=on,
            )  # fmt: skip
            findings.check(f"{at}.credentials_committee", *checks)
            committee_on = on
        if session.first_of_term and session.closed_on is not None and year.level is Level.TOWNSHIP:
            findings.check(at, *first_session_check(year_rules(year, rules, roll, session.closed_on),
                                                    session_id=session.id, term=year.term,
                                                    set_up=committee is not None))  # fmt: skip
    end = as_of or _last_day(year)
    if first is not None:
        _reports(year, roll, findings, where, first.opens_on, committee_on, end)
    for index, group in enumerate(year.deputy_groups):
        _group(year, rules, roll, findings, f"{where}.deputy_groups[{index}]", group, end)


def _last_day(year: CongressYear) -> datetime.date:
    days = [year.elections_completed_on, *(s.closed_on or s.opens_on for s in year.sessions)]
    days += [s.submitted_on for s in year.suggestions]
    days += [a.on for g in year.deputy_groups for a in g.activities]
    days += [r.confirmed_on or r.on for r in year.credentials_reports]
    return max(days)


def _reports(
    year: CongressYear, roll: Roll, findings: Findings, where: str, first_opened: datetime.date,
    committee_on: datetime.date | None, end: datetime.date,
) -> None:  # fmt: skip
    """Reports are judged when the record holds the term's first session, so its by-elections are known."""
    by_elected = {d.id: d.elected_on for d in year.deputies if d.elected_on > first_opened}
    reviewed: set[str] = set()
    for index, report in enumerate(year.credentials_reports):
        at = f"{where}.credentials_reports[{index}]"
        if committee_on is None or report.on < committee_on:
            findings.fact(at, "credentials.no_committee", COMMITTEE, term=year.term, on=report.on.isoformat())
        for deputy in report.deputies:
            if deputy not in by_elected or by_elected[deputy] > report.on:
                findings.fact(at, "credentials.not_by_elected", BY_ELECTION_REVIEW, deputy_id=deputy, term=year.term)
        for deputy in sorted(set(report.invalid) - set(report.deputies)):
            findings.fact(at, "credentials.invalid_not_reviewed", BY_ELECTION_REVIEW, deputy_id=deputy)
        confirmed = report.confirmed_on
        if confirmed is not None and confirmed < report.on:
            findings.fact(at, "credentials.confirm_date", CONFIRMATION, report_id=report.id,
                          on=confirmed.isoformat(), reported=report.on.isoformat())  # fmt: skip
        if confirmed is not None and confirmed <= end:
            reviewed |= set(report.deputies)
    for deputy, elected_on in sorted(by_elected.items()):
        if elected_on <= end and deputy not in reviewed:
            found = Reason(ok=False, code="credentials.pending", citation=BY_ELECTION_REVIEW,
                           values={"deputy_id": deputy, "on": elected_on.isoformat()})  # fmt: skip
            findings.add(f"{where}.deputies", found, "notice")


def _group(
    year: CongressYear, rules: RuleSet, roll: Roll, findings: Findings, at: str, group: DeputyGroupRecord,
    end: datetime.date,
) -> None:  # fmt: skip
    in_office = roll.in_office(group.formed_on)
    for member in group.members:
        if member not in in_office:
            findings.fact(at, "deputy.not_in_office", GROUPS, deputy_id=member, on=group.formed_on.isoformat())
    members = tuple(dict.fromkeys(group.members))
    findings.check(at, *group_checks(year_rules(year, rules, roll, group.formed_on), members=members,
                                     leader=group.leader, vice_leaders=group.vice_leaders))  # fmt: skip
    for index, activity in enumerate(group.activities):
        here = f"{at}.activities[{index}]"
        if activity.on < group.formed_on:
            findings.fact(here, "deputy_group.activity_date", GROUPS, on=activity.on.isoformat(),
                          formed=group.formed_on.isoformat())  # fmt: skip
        for person in activity.present:
            if person not in members:
                findings.fact(here, "deputy_group.not_member", GROUPS, person=person, group_id=group.id)
        if not set(activity.present) & set(members):
            findings.fact(here, "deputy_group.activity_empty", GROUPS, activity_id=activity.id)
    days = [a.on for a in group.activities]
    for calendar_year in range(group.formed_on.year, end.year + 1):
        for quarter, (month, day) in enumerate(_QUARTERS, start=1):
            last = datetime.date(calendar_year, month, day)
            rule = year_rules(year, rules, roll, last).optional("deputy_group.min_activities_per_quarter")
            if rule is None or last > end:
                continue
            found = quarter_checks(rule, group_id=group.id, formed_on=group.formed_on, activities=days,
                                   year=calendar_year, end=end)  # fmt: skip
            findings.check(f"{at}.activities", *(r for r in found if r.values["quarter"] == quarter))
