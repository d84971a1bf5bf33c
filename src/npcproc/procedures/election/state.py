"""The state of an election at a congress: the fold of its stream."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import attrs

from npcproc.model.election import BallotMethod, Candidate, Nominator, Office, RoundKind
from npcproc.procedures.election.events import (
    CandidatesListed,
    CandidatesNominated,
    ElectionOpened,
    FurtherElectionDecided,
    PreliminaryTied,
    RoundCounted,
    RoundOpened,
)
from npcproc.procedures.folded import fold_opened

__all__ = [
    "ElectionState",
    "RoundState",
    "election_stream",
    "fold_election",
]


@attrs.frozen(kw_only=True)
class RoundState:
    number: int
    kind: RoundKind
    session_id: str
    on: datetime.date
    seats: int
    candidates: tuple[str, ...]
    count: RoundCounted | None = None


@attrs.frozen(kw_only=True)
class ElectionState:
    """What the records say about one election."""

    id: str
    congress_id: str
    session_id: str
    office: Office
    seats: int
    extra_candidates: int
    by_election: bool
    ballot_method: BallotMethod
    #: the day the election opened and nomination began (OL 27 ¶2); None on streams recorded before it was kept
    opened_on: datetime.date | None = None
    nominees: Mapping[str, Candidate] = attrs.field(factory=dict)
    nominations: tuple[CandidatesNominated, ...] = ()
    listed: tuple[str, ...] | None = None
    rounds: tuple[RoundState, ...] = ()
    #: a preliminary vote tied at the cut-off, waiting for its re-vote among the tied
    preliminary_tie: PreliminaryTied | None = None
    #: the congress's decision on where to fill the seats left short, until a further round opens on it
    further_decided: FurtherElectionDecided | None = None

    @property
    def elected(self) -> tuple[str, ...]:
        """Everyone elected so far, in the order of the rounds."""
        return tuple(c for r in self.rounds if r.count is not None for c in r.count.elected)

    @property
    def open_seats(self) -> int:
        return self.seats - len(self.elected)

    @property
    def current(self) -> RoundState | None:
        return self.rounds[-1] if self.rounds else None

    @property
    def first_round_votes(self) -> Mapping[str, int]:
        first = next((r for r in self.rounds if r.kind is RoundKind.FIRST and r.count and r.count.valid), None)
        return first.count.votes if first is not None and first.count is not None else {}

    def nominated_by(self, deputy: str) -> int:
        """How many candidates ``deputy`` has joined in nominating (at most the seats, OL 26 ¶3)."""
        return sum(len(n.candidates) for n in self.nominations if deputy in n.nominators)

    @property
    def presidium_nominated(self) -> int:
        return sum(len(n.candidates) for n in self.nominations if n.nominator is Nominator.PRESIDIUM)

    def apply(self, event: object) -> ElectionState:
        match event:
            case CandidatesNominated(candidates=candidates):
                nominees = {**self.nominees, **{c.id: c for c in candidates}}
                return attrs.evolve(self, nominees=nominees, nominations=(*self.nominations, event))
            case CandidatesListed(candidates=candidates):
                return attrs.evolve(self, listed=candidates, preliminary_tie=None)
            case PreliminaryTied():
                return attrs.evolve(self, preliminary_tie=event)
            case FurtherElectionDecided():
                return attrs.evolve(self, further_decided=event)
            case RoundOpened(round=number, kind=kind, session_id=session_id, on=on, seats=seats, candidates=names):
                opened = RoundState(
                    number=number, kind=kind, session_id=session_id, on=on, seats=seats, candidates=names
                )
                return attrs.evolve(self, rounds=(*self.rounds, opened), further_decided=None)
            case RoundCounted(round=number):
                rounds = tuple(attrs.evolve(r, count=event) if r.number == number else r for r in self.rounds)
                return attrs.evolve(self, rounds=rounds)
        raise TypeError(f"an election stream cannot hold {type(event).__name__}")


def _start_fold_election(first: ElectionOpened) -> ElectionState:
    return ElectionState(
        id=first.election_id, congress_id=first.congress_id, session_id=first.session_id, office=first.office,
        seats=first.seats, extra_candidates=first.extra_candidates, by_election=first.by_election,
        ballot_method=first.ballot_method, opened_on=first.on,
    )  # fmt: skip


#: The fold of the stream: None until ElectionOpened opens it.
fold_election = fold_opened(ElectionOpened, _start_fold_election)


def election_stream(election_id: str) -> str:
    return f"election-{election_id}"
