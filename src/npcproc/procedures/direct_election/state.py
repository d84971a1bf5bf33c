"""The state of a direct election of deputies in a constituency: the fold of its stream."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping

import attrs

from npcproc.model.levels import Level
from npcproc.procedures.direct_election.events import (
    CandidateNominated,
    ConstituencySetUp,
    FinalListPublished,
    FurtherElectionCalled,
    PreliminaryListPublished,
    ProxiesAuthorised,
    RecallRequested,
    RecallVoted,
    RoundCounted,
    RoundKind,
    VoterListPublished,
)
from npcproc.procedures.folded import fold_opened

__all__ = ["DirectElectionState", "PendingRound", "Recall", "Stage", "fold_direct_election"]


class Stage(enum.Enum):
    """Where an election stands."""

    SET_UP = "set_up"  # waiting for the voter list
    VOTERS_LISTED = "voters_listed"  # nominations open
    CANDIDATES_LISTED = "candidates_listed"  # preliminary list out, for the voter groups' discussion
    VOTING = "voting"  # a round awaits its count: see ``DirectElectionState.pending``
    SHORTFALL = "shortfall"  # seats unfilled: a further election must be called
    COMPLETE = "complete"  # every seat filled


@attrs.frozen(kw_only=True)
class PendingRound:
    """The next round to count: its kind, seats and candidates, and whether the 1/3 floor applies."""

    kind: RoundKind
    runoff: bool
    seats: int
    candidates: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Recall:
    """A recall request by voters and, once held, its vote."""

    id: str
    deputy_id: str
    requested_on: datetime.date
    requesters: int
    reason: str
    vote: RecallVoted | None = None

    @property
    def passed(self) -> bool:
        return self.vote is not None and self.vote.passed


@attrs.frozen(kw_only=True)
class DirectElectionState:
    """What the records say about one constituency's election."""

    id: str
    name: str
    level: Level
    seats: int
    election_day: datetime.date
    voter_list_on: datetime.date | None = None
    registered_voters: int = 0
    nominations: Mapping[str, CandidateNominated] = attrs.field(factory=dict)
    preliminary_on: datetime.date | None = None
    preliminary: tuple[str, ...] = ()
    final_on: datetime.date | None = None
    final: tuple[str, ...] = ()
    proxies: Mapping[str, int] = attrs.field(factory=dict)  # holder -> proxies held
    rounds: tuple[RoundCounted, ...] = ()
    pending: PendingRound | None = None
    elected: tuple[str, ...] = ()  # in order of election
    recalls: Mapping[str, Recall] = attrs.field(factory=dict)

    @property
    def stage(self) -> Stage:
        if self.final_on is None:
            if self.preliminary_on is not None:
                return Stage.CANDIDATES_LISTED
            return Stage.VOTERS_LISTED if self.voter_list_on is not None else Stage.SET_UP
        if len(self.elected) == self.seats:
            return Stage.COMPLETE
        return Stage.VOTING if self.pending is not None else Stage.SHORTFALL

    @property
    def open_seats(self) -> int:
        return self.seats - len(self.elected)

    @property
    def first_vote(self) -> Mapping[str, int]:
        """The votes of the valid first vote (第一次投票), which rank a further election's candidates."""
        return next((r.votes for r in self.rounds if r.kind is RoundKind.FIRST and r.valid), {})

    def further_ranking(self) -> tuple[str, ...]:
        """Who may stand in a further election: not yet elected, most first-vote votes first (EL 45 ¶4)."""
        people = (set(self.final) | set(self.first_vote)) - set(self.elected)
        return tuple(sorted(people, key=lambda p: (-self.first_vote.get(p, 0), p)))

    @property
    def in_office(self) -> tuple[str, ...]:
        """The elected deputies not recalled."""
        recalled = {r.deputy_id for r in self.recalls.values() if r.passed}
        return tuple(d for d in self.elected if d not in recalled)

    def apply(self, event: object) -> DirectElectionState:
        match event:
            case VoterListPublished(on=on, registered_voters=registered):
                return attrs.evolve(self, voter_list_on=on, registered_voters=registered)
            case CandidateNominated(candidate_id=candidate_id):
                return attrs.evolve(self, nominations={**self.nominations, candidate_id: event})
            case PreliminaryListPublished(on=on, candidates=candidates):
                return attrs.evolve(self, preliminary_on=on, preliminary=candidates)
            case FinalListPublished(on=on, candidates=candidates):
                first = PendingRound(kind=RoundKind.FIRST, runoff=False, seats=self.seats, candidates=candidates)
                return attrs.evolve(self, final_on=on, final=candidates, pending=first)
            case ProxiesAuthorised(holder_id=holder, count=count):
                return attrs.evolve(self, proxies={**self.proxies, holder: self.proxies.get(holder, 0) + count})
            case RoundCounted():
                return self._counted(event)
            case FurtherElectionCalled(seats=seats, candidates=candidates):
                further = PendingRound(kind=RoundKind.FURTHER, runoff=True, seats=seats, candidates=candidates)
                return attrs.evolve(self, pending=further)
            case RecallRequested(recall_id=recall_id, deputy_id=deputy_id, requesters=requesters, on=on):
                recall = Recall(id=recall_id, deputy_id=deputy_id, requested_on=on, requesters=requesters,
                                reason=event.reason)  # fmt: skip
                return attrs.evolve(self, recalls={**self.recalls, recall_id: recall})
            case RecallVoted(recall_id=recall_id):
                recall = attrs.evolve(self.recalls[recall_id], vote=event)
                return attrs.evolve(self, recalls={**self.recalls, recall_id: recall})
        raise TypeError(f"a direct-election stream cannot hold {type(event).__name__}")

    def _counted(self, counted: RoundCounted) -> DirectElectionState:
        state = attrs.evolve(self, rounds=(*self.rounds, counted))
        if not counted.valid:
            return state  # a void or invalid round is held again
        elected = (*self.elected, *counted.elected)
        pending = None
        if counted.tied:
            open_seats = counted.seats - len(counted.elected)
            pending = PendingRound(kind=RoundKind.REVOTE, runoff=counted.runoff, seats=open_seats,
                                   candidates=counted.tied)  # fmt: skip
        return attrs.evolve(state, elected=elected, pending=pending)


def _start_fold_direct_election(first: ConstituencySetUp) -> DirectElectionState:
    return DirectElectionState(
        id=first.election_id, name=first.name, level=first.level, seats=first.seats, election_day=first.election_day
    )


#: The fold of the stream: None until ConstituencySetUp opens it.
fold_direct_election = fold_opened(ConstituencySetUp, _start_fold_direct_election)
