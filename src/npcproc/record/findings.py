"""What an audit finds and the helpers its checks share: findings, who is in office, the rules for a year.

:mod:`npcproc.record.audit` runs the checks (:mod:`~npcproc.record.checks`, :mod:`~npcproc.record.bodies`,
:mod:`~npcproc.record.reports`, ...); each of them imports what it shares from here, below them all, so
no check module imports the audit that calls it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from npcproc.i18n import Lang
from npcproc.model.congress import DeputyStatus
from npcproc.model.election import Office
from npcproc.model.session import Choice, SessionStatus, Tally
from npcproc.procedures import messages  # noqa: F401 - defines the message codes reused here
from npcproc.procedures.session.checks import CONVENER
from npcproc.procedures.session.state import SessionState, VoteState
from npcproc.record import messages as _record_messages  # noqa: F401 - defines the record's own codes
from npcproc.record.model import CongressYear, DeputyRecord, SessionRecord, VoteRecord
from npcproc.rules.decision import Citation, Reason, ReasonValue
from npcproc.rules.parameters import CongressFacts
from npcproc.rules.ruleset import RuleSet

__all__ = [
    "HEAD_POSTS", "Audit", "Finding", "Findings", "Roll", "Severity", "covered_years", "heads_after",
    "session_states", "year_rules",
]  # fmt: skip

#: a rule broken; a "normally" rule not followed; a provincial relaxation relied on
Severity = Literal["violation", "notice", "relaxation"]


@attrs.frozen(kw_only=True)
class Finding:
    """One finding: where, how serious, which rule (``code`` and ``citation``), and the message in both languages."""

    where: str
    severity: Severity
    code: str
    citation: Citation
    en: str
    zh: str
    values: Mapping[str, ReasonValue] = attrs.field(factory=dict)
    relaxation: Citation | None = None

    @classmethod
    def of(cls, where: str, found: Reason, severity: Severity = "violation", *, prefix: tuple[str, str] = ("", ""))\
            -> Finding:  # fmt: skip
        return cls(
            where=where, severity=severity, code=found.code, citation=found.citation,
            en=prefix[0] + found.message("en"), zh=prefix[1] + found.message("zh"), values=dict(found.values),
            relaxation=found.relaxation,
        )  # fmt: skip

    def message(self, lang: Lang = "en") -> str:
        return self.zh if lang == "zh" else self.en

    def to_json(self) -> dict[str, Any]:
        """The finding as stable plain data: the citation as law/article/paragraph/item plus its label and text."""
        return {
            "where": self.where,
            "severity": self.severity,
            "code": self.code,
            "citation": _citation_json(self.citation),
            "relaxation": _citation_json(self.relaxation) if self.relaxation else None,
            "message": {"en": self.en, "zh": self.zh},
        }


def _citation_json(citation: Citation) -> dict[str, Any]:
    try:
        text = citation.text()
    except Exception:  # a provision the shipped law data lacks still has its label
        text = None
    return {
        "law": citation.law, "article": citation.article, "paragraph": citation.paragraph, "item": citation.item,
        "label": str(citation), "label_zh": citation.label("zh"), "text": text,
    }  # fmt: skip


@attrs.frozen(kw_only=True)
class Audit:
    """Every finding of an audit, in the record's order."""

    findings: tuple[Finding, ...]

    @property
    def violations(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "violation")

    @property
    def notices(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "notice")

    @property
    def relaxations(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "relaxation")

    @property
    def ok(self) -> bool:
        """True when there is no violation (notices do not count)."""
        return not self.violations

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "violations": len(self.violations),
            "notices": len(self.notices),
            "relaxations": len(self.relaxations),
            "findings": [finding.to_json() for finding in self.findings],
        }


class Roll:
    """Who is a deputy of one congress on a given day, from the record's deputies and their changes."""

    def __init__(self, deputies: tuple[DeputyRecord, ...]) -> None:
        self.deputies = {d.id: d for d in deputies}
        self.administrative_posts = frozenset(d.id for d in deputies if d.administrative_post)
        self._cache: dict[datetime.date, frozenset[str]] = {}

    def in_office(self, on: datetime.date) -> frozenset[str]:
        found = self._cache.get(on)
        if found is None:
            found = self._cache[on] = frozenset(d.id for d in self.deputies.values() if _in_office(d, on))
        return found


def _in_office(deputy: DeputyRecord, on: datetime.date) -> bool:
    if on < deputy.elected_on:
        return False
    status = DeputyStatus.ACTIVE
    for change in deputy.changes:
        if change.on > on:
            break
        status = change.status
    return status.in_office


class Findings:
    """The findings gathered so far; checks add failing reasons as violations, and notices."""

    def __init__(self) -> None:
        self.found: list[Finding] = []

    def check(self, where: str, *reasons: Reason) -> None:
        """Each reason with a severity becomes a finding: a failing "shall" one a violation, a failing
        "normally" one a notice, a passing one decided by a provincial relaxation a relaxation used."""
        for found in reasons:
            if found.severity is not None:
                self.found.append(Finding.of(where, found, found.severity.value))

    def add(self, where: str, found: Reason, severity: Severity = "violation") -> None:
        self.found.append(Finding.of(where, found, severity))

    def fact(self, where: str, code: str, citation: Citation, **values: ReasonValue) -> None:
        """A violation stated as a fact: ``code``'s message filled with ``values``."""
        self.add(where, Reason(ok=False, code=code, citation=citation, values=values))


#: the township government's posts whose holders attend each session where the province says so (CQ 13 ¶1, SD 13)
HEAD_POSTS = (Office.TOWNSHIP_HEAD, Office.DEPUTY_TOWNSHIP_HEAD)


def heads_after(heads: Mapping[Office, tuple[str, ...]], session: SessionRecord) -> dict[Office, tuple[str, ...]]:
    """The township head and deputy heads in office once ``session``'s elections are counted: a term's first
    session elects the government anew, so its first general election of a post replaces the holders known
    before; any other election adds its elected to them. ``npcproc check`` and ``npcproc import`` follow the posts
    of a record this way."""
    after = {office: list(heads.get(office, ())) for office in HEAD_POSTS}
    replaced: set[Office] = set()
    for election in session.elections:
        holders = after.get(election.office)
        if holders is None:
            continue
        if session.first_of_term and not election.by_election and election.office not in replaced:
            holders.clear()
            replaced.add(election.office)
        holders += [name for counted in election.rounds for name in counted.elected if name not in holders]
    return {office: tuple(holders) for office, holders in after.items()}


def year_rules(year: CongressYear, rules: RuleSet, roll: Roll, on: datetime.date | None = None) -> RuleSet:
    """``rules`` resolved for the record's congress: its level, population, designations and, on ``on``
    (default: its last session), the deputies in office by ``roll`` and the settings in force."""
    days = [s.opens_on for s in year.sessions]
    day = on or (max(days) if days else year.elections_completed_on)
    facts = CongressFacts(level=year.level, population=year.population, deputies=len(roll.in_office(day)),
                          designations=year.designations, on=day)  # fmt: skip
    return rules.for_congress(facts)


def session_states(year: CongressYear) -> list[SessionState]:
    """The record's sessions as the procedures' SessionState, for the annual check and the plugins' checks on it."""
    states = []
    for session in year.sessions:
        held = bool(session.present)
        status = SessionStatus.CLOSED if session.closed_on else SessionStatus.OPEN if held else SessionStatus.PLANNED
        states.append(SessionState(
            id=session.id, congress_id=year.id, term=year.term, kind=session.kind,
            convened_by=session.convened_by or CONVENER[year.level], opens_on=session.opens_on, days=session.days,
            proposers=session.proposers, status=status, notice_on=session.notice_on,
            materials_on=session.materials_on, presidium=session.presidium, agenda=session.agenda,
            on_leave=frozenset(session.on_leave), opened_on=session.opens_on if held else None,
            present=session.present, attending=session.attending, invited=session.invited,
            closed_on=session.closed_on, votes={vote.id: _vote_state(session, vote) for vote in session.votes},
        ))  # fmt: skip
    return states


def _vote_state(session: SessionRecord, vote: VoteRecord) -> VoteState:
    """A recorded vote as the procedures' VoteState, closed with the outcome the record states (``passed``, which
    the record's own checks judge against OL 25), so a plugin's check on ``annual_agenda`` sees what was voted."""
    entitled = tuple(sorted(set(session.present if vote.present is None else vote.present)))
    choices = list(vote.choices.values())
    yes, no, abstain = ((choices.count(Choice.YES), choices.count(Choice.NO), choices.count(Choice.ABSTAIN))
                        if vote.choices else (vote.yes or 0, vote.no or 0, vote.abstain or 0))  # fmt: skip
    tally = Tally(entitled=len(entitled), yes=yes, no=no, abstain=abstain,
                  not_voting=max(len(entitled) - yes - no - abstain, 0), passed=vote.passed)  # fmt: skip
    return VoteState(id=vote.id, subject=vote.subject, method=vote.method, opened_on=vote.on, entitled=entitled,
                     ballots=dict(vote.choices), counted=None if vote.choices else (yes, no, abstain),
                     tally=tally)  # fmt: skip


def covered_years(year: CongressYear, term_years: int, as_of: datetime.date | None) -> list[int]:
    """The calendar years the annual check judges: each year in which a session opened, and each year with
    no session that the record spans (after the year of its first session, suggestion or supervision step,
    before the year of its last one or up to ``as_of``) and that lies wholly within the term (OL 14 ¶1: 每年)."""
    held = {s.opens_on.year for s in year.sessions}
    days = [s.opens_on for s in year.sessions] + [s.submitted_on for s in year.suggestions]
    days += [step.on for case in year.supervision for link in case.links for step in link.steps]
    if not days:
        return sorted(held)
    elected = year.elections_completed_on.year
    last = as_of.year + 1 if as_of is not None else max(days).year
    return sorted(held | set(range(max(min(days).year, elected) + 1, min(last, elected + term_years))))
