"""Events of an election at a session: stream ``election-<id>``; ballots in ``election-<id>-round-<n>``."""

from __future__ import annotations

import datetime

import attrs

from npcproc.events import attendance, event_type
from npcproc.model.election import (
    BallotMethod,
    Candidate,
    ElectionBallot,
    FurtherSession,
    Nominator,
    Office,
    RoundKind,
)

__all__ = [
    "CandidatesListed",
    "CandidatesNominated",
    "ElectionOpened",
    "FurtherElectionDecided",
    "PreliminaryTied",
    "RoundCounted",
    "RoundOpened",
]

event_type("election.ballot")(ElectionBallot)


@event_type("election.opened")
@attrs.frozen(kw_only=True)
class ElectionOpened:
    """An election of ``seats`` to ``office``; ``extra_candidates`` is the margin the election rules fix (OL 27)."""

    election_id: str
    congress_id: str
    session_id: str
    office: Office
    seats: int
    extra_candidates: int
    by_election: bool = False
    ballot_method: BallotMethod = BallotMethod.PAPER
    #: the day the election opened and nomination began (OL 27 ¶2); None on events recorded before it was kept
    on: datetime.date | None = None


@event_type("election.nominated")
@attrs.frozen(kw_only=True)
class CandidatesNominated:
    """Nomination by the presidium, or by deputies jointly in writing (OL 26)."""

    nominator: Nominator
    nominators: tuple[str, ...]
    candidates: tuple[Candidate, ...]


@event_type("election.candidates_listed")
@attrs.frozen(kw_only=True)
class CandidatesListed:
    """The formal list of candidates, after a preliminary vote (预选) where nominees exceeded the margin."""

    candidates: tuple[str, ...]
    preliminary_votes: dict[str, int] = attrs.field(factory=dict)
    #: the day the list was fixed (OL 27 ¶2); None on events recorded before it was kept
    on: datetime.date | None = None


@event_type("election.preliminary_tied")
@attrs.frozen(kw_only=True)
class PreliminaryTied:
    """A preliminary vote (预选) tied at the cut-off of the formal list: those tied vote again for ``places``."""

    votes: dict[str, int]
    tied: tuple[str, ...]
    places: int
    #: those already sure of a place on the formal list
    listed: tuple[str, ...] = ()
    #: the day of the preliminary vote (OL 27 ¶2); None on events recorded before it was kept
    on: datetime.date | None = None


@event_type("election.further_decided")
@attrs.frozen(kw_only=True)
class FurtherElectionDecided:
    """The congress decided, at a sitting of ``session_id`` with ``present`` deputies, where the seats left
    short are filled: at this session or the next (OL 29 ¶2)."""

    on: datetime.date
    session_id: str
    at: FurtherSession
    present: tuple[str, ...] = attrs.field(converter=attendance)


@event_type("election.round_opened")
@attrs.frozen(kw_only=True)
class RoundOpened:
    """A round of voting opened at a sitting with ``present`` deputies (OL 14 ¶4); () in streams from before 0.2."""

    round: int
    kind: RoundKind
    session_id: str
    on: datetime.date
    seats: int
    candidates: tuple[str, ...]
    present: tuple[str, ...] = attrs.field(default=(), converter=attendance)


@event_type("election.round_counted")
@attrs.frozen(kw_only=True)
class RoundCounted:
    round: int
    total_deputies: int
    ballots_issued: int
    ballots_returned: int
    void_ballots: int
    votes: dict[str, int]
    valid: bool
    elected: tuple[str, ...]
    tied: tuple[str, ...]
    shortfall: int
