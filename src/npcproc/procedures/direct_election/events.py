"""Events of a direct election of township or county deputies in one constituency.

Stream ``direct-election-<id>``. Votes are recorded as counts only: no event names who
voted how (EL 40, EL 52). Nominators are opaque voter ids, needed to check EL 30 ¶3.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping

import attrs

from npcproc.events import event_type
from npcproc.model.levels import Level

__all__ = [
    "CandidateNominated",
    "ConstituencySetUp",
    "FinalListPublished",
    "FurtherElectionCalled",
    "PreliminaryListPublished",
    "ProxiesAuthorised",
    "RecallRequested",
    "RecallVoted",
    "RoundCounted",
    "RoundKind",
    "VoterListPublished",
]


class RoundKind(enum.Enum):
    """What a round of voting is for."""

    FIRST = "first"  # the vote over the final candidate list, repeated while void or invalid
    REVOTE = "revote"  # 再次投票 among candidates tied at the cut-off (EL 45 ¶3)
    FURTHER = "further"  # 另行选举 for seats left unfilled (EL 45 ¶4-5)


@event_type("direct_election.set_up")
@attrs.frozen(kw_only=True)
class ConstituencySetUp:
    """A constituency's election of ``seats`` deputies to a ``level`` congress on ``election_day``."""

    election_id: str
    name: str
    level: Level
    seats: int
    election_day: datetime.date


@event_type("direct_election.voter_list_published")
@attrs.frozen(kw_only=True)
class VoterListPublished:
    """The voter list is published (EL 28); ``registered_voters`` is its length."""

    on: datetime.date
    registered_voters: int


@event_type("direct_election.candidate_nominated")
@attrs.frozen(kw_only=True)
class CandidateNominated:
    """A candidate recommended by parties or organisations (``bodies``) or by voters jointly (EL 30 ¶2)."""

    candidate_id: str
    name: str
    on: datetime.date
    bodies: tuple[str, ...] = ()
    voters: tuple[str, ...] = ()


@event_type("direct_election.preliminary_list_published")
@attrs.frozen(kw_only=True)
class PreliminaryListPublished:
    """The election committee's list of all nominees, for discussion by voter groups (EL 32 ¶1)."""

    on: datetime.date
    candidates: tuple[str, ...]


@event_type("direct_election.final_list_published")
@attrs.frozen(kw_only=True)
class FinalListPublished:
    """正式代表候选人名单 (EL 32 ¶1); ``primary_votes`` holds a 预选's counts when one was held."""

    on: datetime.date
    candidates: tuple[str, ...]
    primary_votes: Mapping[str, int] = attrs.field(factory=dict)


@event_type("direct_election.proxies_authorised")
@attrs.frozen(kw_only=True)
class ProxiesAuthorised:
    """The election committee lets ``count`` more absent voters entrust their vote to one voter (EL 42)."""

    holder_id: str
    count: int
    on: datetime.date


@event_type("direct_election.round_counted")
@attrs.frozen(kw_only=True)
class RoundCounted:
    """The count of one round: the numbers checked after voting (EL 43 ¶1) and what they decide.

    ``spoiled`` ballots named more people than seats and count for nobody (EL 44 ¶2);
    ``runoff`` is true when the 1/3 floor of EL 45 ¶5 applied instead of a majority.
    ``voters`` is 参加投票的选民 (EL 45 ¶1), the voters who voted; ``None`` on events recorded
    before it was its own figure, when the ballots issued stood for it.
    """

    number: int
    kind: RoundKind
    runoff: bool
    on: datetime.date
    seats: int
    candidates: tuple[str, ...]
    ballots_issued: int
    ballots_returned: int
    spoiled: int
    votes: Mapping[str, int]
    valid: bool
    elected: tuple[str, ...]
    tied: tuple[str, ...]
    shortfall: int
    voters: int | None = None


@event_type("direct_election.further_election_called")
@attrs.frozen(kw_only=True)
class FurtherElectionCalled:
    """另行选举 for ``seats`` unfilled seats among ``candidates`` (EL 45 ¶4)."""

    on: datetime.date
    seats: int
    candidates: tuple[str, ...]


@event_type("direct_election.recall_requested")
@attrs.frozen(kw_only=True)
class RecallRequested:
    """Voters of the constituency ask in writing to recall a deputy they elected (EL 50 ¶1-2)."""

    recall_id: str
    deputy_id: str
    requesters: int
    reason: str
    on: datetime.date


@event_type("direct_election.recall_voted")
@attrs.frozen(kw_only=True)
class RecallVoted:
    """The constituency's secret vote on a recall (EL 52), counts only, and its result (EL 53 ¶1)."""

    recall_id: str
    on: datetime.date
    registered_voters: int
    yes: int
    no: int
    spoiled: int
    passed: bool
