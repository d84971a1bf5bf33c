"""The rule topics a plugin check may join, and the typed facts each topic hands its checks.

A check is ``check(facts, rules) -> Decision``; ``facts`` is an instance of the topic's class
below, so a check reads ``facts.present`` or ``facts.sessions`` and a misspelt name fails
under mypy and at once at run time, not as a ``KeyError`` deep in an evaluation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from npcproc.model.levels import Level

if TYPE_CHECKING:
    from npcproc.procedures.session_state import SessionState
    from npcproc.rules.decision import Decision
    from npcproc.rules.ruleset import RuleSet

__all__ = ["TOPICS", "AgendaFacts", "Check", "MajorityFacts", "QuorumFacts"]


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
    closed), each a :class:`~npcproc.procedures.SessionState` with its kind, dates and agenda.
    A year in which no session opened has ``sessions == ()`` and is still judged.
    """

    level: Level
    year: int
    sessions: tuple[SessionState, ...]


#: topic -> the class of facts its checks receive
TOPICS: dict[str, type[Any]] = {
    "session_quorum": QuorumFacts,
    "resolution_passes": MajorityFacts,
    "annual_agenda": AgendaFacts,
}

#: A plugin check: (the topic's facts, the rules in force) -> Decision.
Check = Callable[[Any, "RuleSet"], "Decision"]
