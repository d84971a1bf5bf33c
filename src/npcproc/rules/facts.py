"""The typed facts each rule topic hands its checks, and the table of topics (``TOPICS``).

A check is ``check(facts, rules) -> Decision``; ``facts`` is an instance of the topic's class
below, so a check reads ``facts.present`` or ``facts.sessions`` and a misspelt name fails
under mypy and at once at run time, not as a ``KeyError`` deep in an evaluation. The facts sit
below :mod:`npcproc.rules.ruleset`, which hands them to checks; :mod:`npcproc.rules.topics` is
the public home of these names and of :data:`~npcproc.rules.topics.Check`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from npcproc.model.levels import Level

if TYPE_CHECKING:
    from npcproc.model.election import Office
    from npcproc.procedures.session.state import SessionState

__all__ = ["TOPICS", "AgendaFacts", "MajorityFacts", "QuorumFacts"]


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
