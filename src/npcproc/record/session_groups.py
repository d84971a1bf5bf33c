"""The audit of a record's session groups 代表团（组） and the chairs' meetings with them (DL 14; SD 10-12), with
the procedure's own checks (:mod:`npcproc.procedures.session_groups.commands`)."""

from __future__ import annotations

import datetime

from npcproc.procedures.session_groups.commands import (
    GROUPS,
    MEETINGS,
    conveners_meeting_checks,
    formation_checks,
    meeting_checks,
)
from npcproc.procedures.session_groups.events import MeetingKind
from npcproc.record.findings import Findings, Roll, year_rules
from npcproc.record.model import CongressYear, SessionRecord
from npcproc.rules.ruleset import RuleSet

__all__ = ["audit_session_groups"]


def audit_session_groups(year: CongressYear, rules: RuleSet, findings: Findings, where: str) -> None:
    """Each session's groups (members deputies in office, formed and meeting while the session sits, SD 11's
    conveners) and the SD 12 meetings, judged by the rules resolved for the congress on each day."""
    roll = Roll(year.deputies)
    for index, session in enumerate(year.sessions):
        _session(year, rules, roll, findings, f"{where}.sessions[{index}]", session)


def _sits(session: SessionRecord, on: datetime.date) -> bool:
    return bool(session.present) and session.opens_on <= on and (session.closed_on is None or on <= session.closed_on)


def _session(
    year: CongressYear, rules: RuleSet, roll: Roll, findings: Findings, at: str, session: SessionRecord
) -> None:
    items = {item.id for item in session.agenda} | {bill.id for bill in session.bills}
    conveners: set[str] = set()
    members: set[str] = set()

    def sitting(here: str, on: datetime.date) -> None:
        if not _sits(session, on):
            findings.fact(here, "session_group.sitting", MEETINGS, session_id=session.id, on=on.isoformat())

    def known(here: str, deliberated: tuple[str, ...]) -> None:
        for item in deliberated:
            if item not in items:
                findings.fact(here, "session_group.item", MEETINGS, item=item, session_id=session.id)

    for index, group in enumerate(session.groups):
        here, on = f"{at}.groups[{index}]", group.on or session.opens_on
        sitting(here, on)
        in_office = roll.in_office(on)
        for member in group.members:
            if member not in in_office:
                findings.fact(here, "deputy.not_in_office", GROUPS, deputy_id=member, on=on.isoformat())
        findings.check(here, *formation_checks(year_rules(year, rules, roll, on), group_id=group.id,
                                               conveners=group.conveners))  # fmt: skip
        conveners |= set(group.conveners)
        members |= set(group.members)
        for number, meeting in enumerate(group.meetings):
            there = f"{here}.meetings[{number}]"
            sitting(there, meeting.on)
            if meeting.on < on:
                findings.fact(there, "session_group.meeting_date", MEETINGS, on=meeting.on.isoformat(),
                              formed=on.isoformat())  # fmt: skip
            for person in meeting.present:
                if person not in group.members:
                    findings.fact(there, "session_group.not_member", MEETINGS, person=person, group_id=group.id)
            known(there, meeting.items)
            findings.check(there, *meeting_checks(
                year_rules(year, rules, roll, meeting.on), meeting_id=meeting.id, conveners=group.conveners,
                presided_by=meeting.presided_by, items=meeting.items, government=meeting.government,
            ))  # fmt: skip
    for index, held in enumerate(session.conveners_meetings):
        here = f"{at}.conveners_meetings[{index}]"
        sitting(here, held.on)
        allowed = conveners if held.kind is MeetingKind.CONVENERS else members
        for person in held.attendees:
            if person not in allowed:
                findings.fact(here, f"session_group.not_{held.kind.value}", MEETINGS, person=person,
                              session_id=session.id)  # fmt: skip
        known(here, held.items)
        if held.reported_on is not None and held.reported_on < held.on:
            findings.fact(here, "session_group.report_date", MEETINGS, meeting_id=held.id, on=held.on.isoformat(),
                          reported=held.reported_on.isoformat())  # fmt: skip
        findings.check(here, *conveners_meeting_checks(year_rules(year, rules, roll, held.on), meeting_id=held.id,
                                                       kind=held.kind, government=held.government))  # fmt: skip
