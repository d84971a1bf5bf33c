"""The annual completeness check: over a year, a congress's agendas must cover what it decides.

OL 12 lists what a township congress decides, OL 11 a county congress; OL 14 ¶1 sets the
sessions per year: at least one ("shall"), and for a township normally two ("一般": a notice,
never a violation, when one session covers every statutory item). Elections and budget
adjustments arise only in some years and are not required here. Provinces add placement
rules (ZJ 17: the government report and budget early in the year) as checks on the topic
``annual_agenda``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from npcproc.model.election import Office
from npcproc.model.levels import Level
from npcproc.model.session import AgendaItemKind, SessionStatus
from npcproc.procedures.base import cite, reason, ruled
from npcproc.procedures.election.state import ElectionState
from npcproc.procedures.session.state import SessionState
from npcproc.rules.decision import Citation, Decision
from npcproc.rules.ruleset import RuleSet
from npcproc.rules.topics import AgendaFacts

__all__ = ["REQUIRED_EACH_YEAR", "annual_agenda", "elected_at", "first_sessions"]

K = AgendaItemKind
REQUIRED_EACH_YEAR: dict[Level, tuple[tuple[AgendaItemKind, Citation], ...]] = {
    Level.TOWNSHIP: (
        (K.CONSTRUCTION_PLAN, cite("OL", 12, 1, 3)),
        (K.BUDGET, cite("OL", 12, 1, 4)),
        (K.BUDGET_EXECUTION, cite("OL", 12, 1, 4)),
        (K.FINAL_ACCOUNTS, cite("OL", 12, 1, 4)),
        (K.CIVIL_AFFAIRS_PLAN, cite("OL", 12, 1, 5)),
        (K.GOVERNMENT_REPORT, cite("OL", 12, 1, 8)),
        (K.PRESIDIUM_REPORT, cite("OL", 12, 1, 9)),
    ),
    Level.COUNTY: (
        (K.DEVELOPMENT_PLAN, cite("OL", 11, 1, 2)),
        (K.BUDGET, cite("OL", 11, 1, 2)),
        (K.BUDGET_EXECUTION, cite("OL", 11, 1, 2)),
        (K.STANDING_COMMITTEE_REPORT, cite("OL", 11, 1, 8)),
        (K.GOVERNMENT_REPORT, cite("OL", 11, 1, 9)),
        (K.COURT_REPORT, cite("OL", 11, 1, 9)),
        (K.PROCURATORATE_REPORT, cite("OL", 11, 1, 9)),
    ),
}


def first_sessions(sessions: Iterable[SessionState]) -> frozenset[str]:
    """The first session of each term among ``sessions``, given in the order they were scheduled (OL 20)."""
    first: dict[int, str] = {}
    for session in sessions:
        first.setdefault(session.term, session.id)
    return frozenset(first.values())


def elected_at(elections: Iterable[ElectionState]) -> dict[str, frozenset[Office]]:
    """Session id -> the offices its elections filled: someone was elected (CQ 21 ¶1 "选举产生")."""
    found: dict[str, set[Office]] = {}
    for election in elections:
        if election.elected:
            found.setdefault(election.session_id, set()).add(election.office)
    return {session: frozenset(offices) for session, offices in found.items()}


def annual_agenda(
    rules: RuleSet, level: Level, sessions: Sequence[SessionState], year: int, *,
    first_of_term: Iterable[str] = (), elected: Mapping[str, Iterable[Office]] | None = None,
    suggestions_before: Iterable[str] = (),
) -> Decision:  # fmt: skip
    """Whether the sessions held in ``year`` covered the statutory items and were frequent enough.

    Counts the agendas of sessions that opened in ``year`` (closed or open); plugin
    checks on ``annual_agenda`` receive :class:`~npcproc.rules.topics.AgendaFacts`, with
    which of those sessions opened a term (``first_of_term``: session ids), the offices each
    session's elections filled (``elected``) and the suggestions submitted the year before.
    """
    held = [s for s in sessions if s.opened_on is not None and s.opened_on.year == year]
    covered = {item.kind for s in held for item in s.agenda}
    checks = [
        reason(kind in covered, "agenda.required_item", citation, item=kind.value)
        for kind, citation in REQUIRED_EACH_YEAR[level]
    ]
    # OL 14 ¶1: "会议每年至少举行一次" binds; "乡、民族乡、镇的人民代表大会会议一般每年举行两次" advises.
    # Any session held counts, an extraordinary one too: both sentences speak of 会议.
    sessions_held = sum(1 for s in held if s.status is not SessionStatus.PLANNED)
    for rule in (rules.rule("session.min_per_year"), rules.advised("session.min_per_year")):
        if rule is not None:
            checks.append(ruled(sessions_held >= rule.value, "agenda.sessions_per_year", rule, held=sessions_held,
                                required=rule.value))  # fmt: skip
    ids = {s.id for s in held}
    facts = AgendaFacts(
        level=level, year=year, sessions=tuple(held), first_of_term=frozenset(first_of_term) & ids,
        elected={k: frozenset(v) for k, v in (elected or {}).items() if k in ids},
        suggestions_before=tuple(suggestions_before),
    )  # fmt: skip
    return rules.with_checks("annual_agenda", Decision.of(*checks), facts)
