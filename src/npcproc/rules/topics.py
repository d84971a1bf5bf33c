"""The rule topics a plugin check may join, and the typed facts each topic hands its checks.

A check is ``check(facts, rules) -> Decision``; ``facts`` is an instance of the topic's class
below, so a check reads ``facts.present`` or ``facts.sessions`` and a misspelt name fails
under mypy and at once at run time, not as a ``KeyError`` deep in an evaluation.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from typing import Any

from npcproc.rules.decision import Decision
from npcproc.rules.facts import TOPICS, AgendaFacts, MajorityFacts, QuorumFacts
from npcproc.rules.ruleset import Check, RuleSet

__all__ = ["TOPICS", "AgendaFacts", "Check", "MajorityFacts", "QuorumFacts", "in_force_from"]


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
