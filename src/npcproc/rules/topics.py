"""The rule topics a plugin check may join, and the typed facts each topic hands its checks.

A check is ``check(facts, rules) -> Decision``; ``facts`` is an instance of the topic's class
below, so a check reads ``facts.present`` or ``facts.sessions`` and a misspelt name fails
under mypy and at once at run time, not as a ``KeyError`` deep in an evaluation.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from npcproc.model.levels import Level
from npcproc.rules.decision import Decision

if TYPE_CHECKING:
    from npcproc.model.election import Office
    from npcproc.procedures.session.state import SessionState
    from npcproc.rules.ruleset import RuleSet

__all__ = ["TOPICS", "AgendaFacts", "Check", "MajorityFacts", "QuorumFacts", "in_force_from"]


@attrs.frozen(kw_only=True)
class QuorumFacts:
    """Topic ``session_quorum`` (OL 14 ¶4): a sitting of the congress and who is present."""

    #: deputies in office that day
    total_deputies: int
    #: deputies present
    present: int


@attrs.frozen(kw_only=True)
class MajorityFacts:
    """Topic ``resolution_passes`` (OL 25): a vote that needs more than half of all deputies."""

    #: deputies in office that day
    total_deputies: int
    #: votes in favour
    yes: int


@attrs.frozen(kw_only=True)
class AgendaFacts:
    """Topic ``annual_agenda`` (OL 11, 14 ¶1): one congress's sessions of one calendar year.

    ``sessions`` are those that opened in ``year`` (regular and extraordinary, open or
    closed), each a :class:`~npcproc.procedures.SessionState` with its kind, dates, agenda and votes
    (``votes``: each with its ``subject``, an agenda item or bill id, and its ``tally`` once closed; a record's
    votes as it states them, SD 16 ¶1).
    A year in which no session opened has ``sessions == ()`` and is still judged.

    ``first_of_term`` names those of ``sessions`` that are the first session of their term (OL 20,
    CQ 21 ¶1); ``elected`` gives, for each of ``sessions``, the offices its elections filled (someone
    elected). ``suggestions_before`` names the suggestions submitted in the previous calendar year,
    whose handling report some provinces distribute to this year's first session (CQ 16 ¶2).
    """

    level: Level
    year: int
    sessions: tuple[SessionState, ...]
    first_of_term: frozenset[str] = frozenset()
    elected: Mapping[str, frozenset[Office]] = attrs.field(factory=dict)
    suggestions_before: tuple[str, ...] = ()


#: topic -> the class of facts its checks receive
TOPICS: dict[str, type[Any]] = {
    "session_quorum": QuorumFacts,
    "resolution_passes": MajorityFacts,
    "annual_agenda": AgendaFacts,
}

#: A plugin check: (the topic's facts, the rules in force) -> Decision.
Check = Callable[[Any, "RuleSet"], Decision]


def in_force_from(day: datetime.date) -> Callable[[Check], Check]:
    """Date a check by its text's commencement (ZJ 42 "本条例自2016年10月1日起施行"): facts wholly
    before ``day`` are not judged, and the check gives no reason for them.

    Used as ``register("annual_agenda", in_force_from(IN_FORCE_FROM)(check))``. An ``annual_agenda``
    year is wholly before ``day`` when its 31 December is; a year ``day`` falls in is judged in full.
    Facts that carry no day (a quorum, a vote) are judged as written: the rules a check receives are
    resolved per congress and shared across days, so they do not say the day either. The dated check
    keeps the check's name and docstring and gives ``day`` as its ``in_force_from`` attribute.
    """

    def dated(check: Check) -> Check:
        @functools.wraps(check)
        def judged(facts: Any, rules: RuleSet) -> Decision:
            if isinstance(facts, AgendaFacts) and datetime.date(facts.year, 12, 31) < day:
                return Decision(reasons=())
            return check(facts, rules)

        judged.in_force_from = day  # type: ignore[attr-defined]
        return judged

    return dated
