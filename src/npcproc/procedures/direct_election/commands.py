# Over 400 lines: one service, a constituency's election from set-up to recall, each command with its checks.
"""A direct election of township or county deputies in one constituency, and recall by its voters.

Stream ``direct-election-<id>``. The election runs: :meth:`DirectElections.set_up`, the
voter list, nominations, the preliminary and final candidate lists, proxies, then rounds
of voting counted with :func:`npcproc.rules.logic.direct_election_outcome` under the rules
in force: the first vote, re-votes among candidates tied at the cut-off and further
elections (另行选举) for unfilled seats, until every seat is filled. Voters may later
recall a deputy they elected. Every refusal is a :class:`~npcproc.errors.ProcedureError`
whose Decision cites the Election Law (EL); nothing is appended then.

Lead times: "在选举日的二十日以前公布" is read as ``election_day - published_on >= 20 days``:
for an election on 30 November, a list published on 10 November is on time and one
published on 11 November is late. Counting back from election day, which itself is not
counted (CC 201), the 20th day before is still in time.
Votes are stored as counts only; :func:`count_ballots` turns paper ballots into counts.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from fractions import Fraction

import attrs

from npcproc.errors import ConversionError
from npcproc.model.levels import Level
from npcproc.procedures.base import Procedure, cite, reason, refuse, require
from npcproc.procedures.direct_election import messages  # also defines the message codes used below
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
from npcproc.procedures.direct_election.state import (
    DirectElectionState,
    PendingRound,
    Recall,
    Stage,
    fold_direct_election,
)
from npcproc.procedures.folded import present
from npcproc.rules import logic
from npcproc.rules.decision import Citation, Decision, Reason

__all__ = [
    "BallotCount",
    "DirectElectionState",
    "DirectElections",
    "PendingRound",
    "Recall",
    "RoundKind",
    "Stage",
    "candidate_range",
    "count_ballots",
    "direct_election_stream",
    "fold_direct_election",
]

#: EL 25 ¶2: a constituency elects one to three deputies.
SEATS = (1, 3)
#: EL 28, EL 32 ¶1: days from publication to election day, at least.
VOTER_LIST_DAYS, PRELIMINARY_LIST_DAYS, FINAL_LIST_DAYS = 20, 15, 7
#: EL 30 ¶2: voters who may jointly recommend a candidate.
NOMINATORS = 10
#: EL 31 ¶2: candidates exceed the seats by 1/3 to one times the seats.
EXTRA_CANDIDATES = (Fraction(1, 3), Fraction(1))
#: EL 42: proxies one voter may hold.
PROXIES = 3
#: EL 50 ¶1: voters of the constituency who may request a recall.
RECALL_REQUESTERS = {Level.COUNTY: 50, Level.TOWNSHIP: 30}
#: EL 53 ¶1: a recall passes with more than half of all the constituency's voters.
RECALL_MAJORITY = Fraction(1, 2)


def direct_election_stream(election_id: str) -> str:
    return f"direct-election-{election_id}"


def candidate_range(seats: int) -> tuple[int, int]:
    """EL 31 ¶2: the inclusive (fewest, most) number of candidates for ``seats`` seats.

    "多于应选代表名额三分之一至一倍": the extra candidates number at least a third of the
    seats, rounded up to a whole candidate, and at most as many as the seats: 1 seat has 2
    candidates (as EL 45 ¶4 says for one seat), 2 seats 3 or 4, 3 seats 4 to 6.
    """
    if isinstance(seats, bool) or not isinstance(seats, int) or seats < 1:
        raise ValueError(f"seats must be a positive integer, got {seats!r}")
    low, high = EXTRA_CANDIDATES
    return seats + logic.at_least(low, seats), seats + math.floor(high * seats)


@attrs.frozen(kw_only=True)
class BallotCount:
    """Paper ballots turned into counts: ``votes`` per person, over the ``valid`` ballots."""

    votes: Mapping[str, int]
    valid: int
    spoiled: int


def count_ballots(ballots: Iterable[Collection[str]], seats: int) -> BallotCount:
    """Count ballots, each the collection of people it marks for election.

    A ballot marking more people than ``seats`` is spoiled and counts for nobody (EL 44 ¶2);
    a name marked twice on one ballot counts once. The order of the ballots does not matter.
    """
    votes: Counter[str] = Counter()
    valid = spoiled = 0
    for ballot in ballots:
        marked = set(ballot)
        if len(marked) > seats:
            spoiled += 1
        else:
            valid += 1
            votes.update(marked)
    return BallotCount(votes=dict(sorted(votes.items())), valid=valid, spoiled=spoiled)


def _stage(state: DirectElectionState, action: str, citation: Citation, *allowed: Stage) -> None:
    if state.stage not in allowed:
        action_zh, action_en = messages.ACTIONS[action]
        stage_zh = messages.STAGES_ZH[state.stage.value]
        refuse("direct_election.wrong_stage", citation, stage_zh=stage_zh, stage_en=state.stage.value,
               action_zh=action_zh, action_en=action_en)  # fmt: skip


def _counts(citation: Citation, **counts: int) -> None:
    for what, value in counts.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            refuse("direct_election.count", citation, what=what, value=str(value))


def _lead(state: DirectElectionState, on: datetime.date, document: str, required: int, law: Citation) -> Reason:
    given = (state.election_day - on).days
    zh, en = messages.DOCUMENTS[document]
    return reason(given >= required, "direct_election.lead_time", law, document_zh=zh, document_en=en, given=given,
                  required=required)  # fmt: skip


def _listed(candidates: Sequence[str], eligible: Collection[str], law: Citation) -> list[Reason]:
    """Refusals for names listed twice or not eligible for the list."""
    twice = [c for c, n in Counter(candidates).items() if n > 1]
    return [reason(False, "direct_election.duplicate", law, candidate_id=c) for c in twice] + [
        reason(False, "direct_election.not_eligible", law, candidate_id=c) for c in candidates if c not in eligible
    ]


def _size(count: int, seats: int, law: Citation) -> Reason:
    fewest, most = candidate_range(seats)
    ok = fewest <= count <= most
    return reason(ok, "direct_election.candidate_count", law, count=count, seats=seats, fewest=fewest, most=most)


def _rank_order(listed: Sequence[str], pool: Iterable[str], votes: Mapping[str, int], law: Citation) -> list[Reason]:
    """A list drawn by votes leaves no one off who had more votes than someone on it."""
    left_out = [p for p in pool if p not in listed]
    if not listed or not left_out:
        return []
    best_out = max(left_out, key=lambda p: votes.get(p, 0))
    worst_in = min(listed, key=lambda p: votes.get(p, 0))
    if votes.get(best_out, 0) <= votes.get(worst_in, 0):
        return []
    return [reason(False, "direct_election.rank_order", law, left_out=best_out,
                   left_out_votes=votes.get(best_out, 0), included=worst_in,
                   included_votes=votes.get(worst_in, 0))]  # fmt: skip


class DirectElections(Procedure):
    """Run direct elections of deputies by constituency, and recalls by voters.

    ``elections = DirectElections(store, rules)``; every method takes the election's id
    and either records the step or raises ProcedureError explaining, in Chinese and English
    and with the article, why the law forbids it. ``state(id)`` reads where it stands.
    """

    def state(self, election_id: str) -> DirectElectionState:
        """The election as recorded; refuses an unknown id."""
        return self._current(election_id)[0]

    def _current(self, election_id: str) -> tuple[DirectElectionState, int]:
        return self._opened(
            direct_election_stream(election_id),
            fold_direct_election,
            "direct_election.unknown",
            cite("EL", 25, 1),
            election_id=election_id,
        )

    def _record(self, election_id: str, version: int, event: object) -> None:
        self._append(direct_election_stream(election_id), version, event)

    def set_up(
        self, election_id: str, *, name: str, level: Level, seats: int, election_day: datetime.date
    ) -> DirectElectionState:
        """Record a constituency electing ``seats`` (1 to 3, EL 25 ¶2) deputies of a ``level`` congress.

        A ``level`` that is not a :class:`~npcproc.model.Level` raises InvalidArgumentError.
        """
        if self.store.stream_version(direct_election_stream(election_id)):
            refuse("direct_election.exists", cite("EL", 25, 1), election_id=election_id)
        logic.check_level(level)
        _counts(cite("EL", 25, 2), seats=seats)
        require(Decision.of(reason(SEATS[0] <= seats <= SEATS[1], "direct_election.seats", cite("EL", 25, 2),
                                   seats=seats)))  # fmt: skip
        event = ConstituencySetUp(election_id=election_id, name=name, level=level, seats=seats,
                                  election_day=election_day)  # fmt: skip
        self._record(election_id, 0, event)
        return self.state(election_id)

    def publish_voter_list(self, election_id: str, *, on: datetime.date, registered_voters: int) -> None:
        """Publish the voter list of ``registered_voters`` voters, 20 days or more before election day (EL 28)."""
        state, version = self._current(election_id)
        _stage(state, "voters", cite("EL", 28), Stage.SET_UP)
        _counts(cite("EL", 27, 1), registered_voters=registered_voters)
        if registered_voters == 0:
            refuse("direct_election.count", cite("EL", 27, 1), what="registered_voters", value="0")
        require(Decision.of(_lead(state, on, "voters", VOTER_LIST_DAYS, cite("EL", 28))))
        self._record(election_id, version, VoterListPublished(on=on, registered_voters=registered_voters))

    def nominate(
        self, election_id: str, candidate_id: str, *, name: str, on: datetime.date,
        bodies: Sequence[str] = (), voters: Sequence[str] = (),
    ) -> None:  # fmt: skip
        """Recommend a candidate: by parties or people's organisations (``bodies``), alone or jointly,
        or by 10 or more voters jointly (``voters``, opaque ids) (EL 30 ¶2).

        No body or voter may recommend more candidates than there are seats (EL 30 ¶3).
        """
        state, version = self._current(election_id)
        _stage(state, "nominate", cite("EL", 32, 1), Stage.VOTERS_LISTED)
        if candidate_id in state.nominations:
            refuse("direct_election.nominated", cite("EL", 30, 2), candidate_id=candidate_id)
        bodies, voters = tuple(dict.fromkeys(bodies)), tuple(dict.fromkeys(voters))
        if bool(bodies) == bool(voters):
            refuse("direct_election.nominator_kind", cite("EL", 30, 2))
        checks = []
        if voters:
            checks.append(reason(len(voters) >= NOMINATORS, "direct_election.nominators", cite("EL", 30, 2),
                                 nominators=len(voters), required=NOMINATORS))  # fmt: skip
        for sponsor in (*bodies, *voters):
            count = 1 + sum(sponsor in n.bodies or sponsor in n.voters for n in state.nominations.values())
            if count > state.seats:
                checks.append(reason(False, "direct_election.nominations_per_sponsor", cite("EL", 30, 3),
                                     sponsor=sponsor, count=count, seats=state.seats))  # fmt: skip
        require(Decision.of(*checks))
        event = CandidateNominated(candidate_id=candidate_id, name=name, on=on, bodies=bodies, voters=voters)
        self._record(election_id, version, event)

    def publish_preliminary_list(self, election_id: str, *, on: datetime.date) -> tuple[str, ...]:
        """Publish every nominee, 15 days or more before election day (EL 32 ¶1); returns the list.

        Refused when the nominees are already too few for the ratio of EL 31 ¶2.
        """
        state, version = self._current(election_id)
        _stage(state, "candidates", cite("EL", 32, 1), Stage.VOTERS_LISTED)
        candidates = tuple(state.nominations)
        checks = [_lead(state, on, "candidates", PRELIMINARY_LIST_DAYS, cite("EL", 32, 1))]
        if len(candidates) < candidate_range(state.seats)[0]:
            checks.append(_size(len(candidates), state.seats, cite("EL", 31, 2)))
        require(Decision.of(*checks))
        self._record(election_id, version, PreliminaryListPublished(on=on, candidates=candidates))
        return candidates

    def publish_final_list(
        self, election_id: str, *, on: datetime.date, candidates: Sequence[str],
        primary_votes: Mapping[str, int] | None = None,
    ) -> None:  # fmt: skip
        """Publish the final candidate list, 7 days or more before election day (EL 32 ¶1).

        The candidates come from the preliminary list and number 1/3 to twice more than the
        seats (EL 31 ¶2, see :func:`candidate_range`). When a primary (预选) decided the list,
        pass its ``primary_votes``: the list must then follow their order.
        """
        state, version = self._current(election_id)
        _stage(state, "final", cite("EL", 32, 1), Stage.CANDIDATES_LISTED)
        listed = tuple(candidates)
        primary = dict(primary_votes or {})
        _counts(cite("EL", 32, 1), **{f"primary_votes[{c}]": n for c, n in primary.items()})
        if state.preliminary_on is None:
            raise ConversionError("preliminary_on", "missing, though the stream's stage requires it")
        checks = [
            *_listed(listed, state.preliminary, cite("EL", 32, 1)),
            *_listed(tuple(primary), state.preliminary, cite("EL", 32, 1)),
            _size(len(set(listed)), state.seats, cite("EL", 31, 2)),
            _lead(state, on, "final", FINAL_LIST_DAYS, cite("EL", 32, 1)),
            reason(on >= state.preliminary_on, "direct_election.list_order", cite("EL", 32, 1),
                   on=on.isoformat(), preliminary_on=state.preliminary_on.isoformat()),
        ]  # fmt: skip
        if primary:
            checks += _rank_order(listed, state.preliminary, primary, cite("EL", 32, 1))
        require(Decision.of(*checks))
        self._record(election_id, version, FinalListPublished(on=on, candidates=listed, primary_votes=primary))

    def authorise_proxies(self, election_id: str, holder_id: str, *, on: datetime.date, count: int = 1) -> None:
        """Let voter ``holder_id`` (an opaque id) vote for ``count`` more absent voters; 3 at most (EL 42)."""
        state, version = self._current(election_id)
        _stage(state, "proxies", cite("EL", 42), Stage.VOTERS_LISTED, Stage.CANDIDATES_LISTED,
               Stage.VOTING, Stage.SHORTFALL)  # fmt: skip
        _counts(cite("EL", 42), count=count)
        if count == 0:
            refuse("direct_election.count", cite("EL", 42), what="count", value="0")
        held = state.proxies.get(holder_id, 0) + count
        require(Decision.of(reason(held <= PROXIES, "direct_election.proxies", cite("EL", 42), holder_id=holder_id,
                                   count=held, limit=PROXIES)))  # fmt: skip
        self._record(election_id, version, ProxiesAuthorised(holder_id=holder_id, count=count, on=on))

    def count_round(
        self, election_id: str, *, on: datetime.date, voters: int, ballots_issued: int, ballots_returned: int,
        votes: Mapping[str, int], spoiled: int = 0,
    ) -> logic.ElectionOutcome:  # fmt: skip
        """Record the count of the pending round (``state(id).pending``) and return its outcome.

        ``voters`` counts 参加投票的选民, the voters who voted (EL 45 ¶1), a figure of its own
        and not the ``ballots_issued``: more than half of the registered voters voting make
        the round valid, and a candidate needs more than half of ``voters`` (EL 45 ¶1);
        more ballots returned than issued void the round (EL 44 ¶1).
        ``votes`` counts the ``ballots_returned - spoiled`` valid ballots (EL 44 ¶2) and may
        name anyone not yet elected (EL 41), except in a re-vote, held among the tied only
        (EL 45 ¶3). A void or invalid round is held again; a further election (另行选举)
        elects the most votes with at least 1/3 of the ballots (EL 45 ¶5).
        """
        state, version = self._current(election_id)
        _stage(state, "count", cite("EL", 45, 1), Stage.VOTING)
        pending = present(state.pending, "pending")
        votes = dict(votes)
        _counts(cite("EL", 43, 1), voters=voters, ballots_issued=ballots_issued, ballots_returned=ballots_returned,
                spoiled=spoiled, **{f"votes[{c}]": n for c, n in votes.items()})  # fmt: skip
        valid = ballots_returned - spoiled
        if valid < 0:
            refuse("direct_election.votes_exceed", cite("EL", 44, 2), what="spoiled ballots", count=spoiled,
                   limit=ballots_returned)  # fmt: skip
        last = state.rounds[-1].on if state.rounds else state.election_day
        checks = [
            reason(on >= max(last, state.election_day), "direct_election.before_election_day", cite("EL", 32, 1),
                   on=on.isoformat(), election_day=state.election_day.isoformat()),
            reason(ballots_issued <= state.registered_voters, "direct_election.ballots_issued", cite("EL", 5),
                   issued=ballots_issued, registered=state.registered_voters),
            reason(voters <= state.registered_voters, "direct_election.voters", cite("EL", 45, 1),
                   voters=voters, registered=state.registered_voters),
        ]  # fmt: skip
        for person, n in votes.items():
            if pending.kind is RoundKind.REVOTE and person not in pending.candidates:
                checks.append(reason(False, "direct_election.revote_candidate", cite("EL", 45, 3),
                                     tied=", ".join(pending.candidates), candidate_id=person))  # fmt: skip
            if person in state.elected:
                checks.append(reason(False, "direct_election.already_elected", cite("EL", 45, 4), candidate_id=person))
            if n > valid:
                checks.append(reason(False, "direct_election.votes_exceed", cite("EL", 44, 2),
                                     what=f"votes for {person}", count=n, limit=valid))  # fmt: skip
        marks = sum(votes.values())
        if marks > valid * pending.seats:
            checks.append(reason(False, "direct_election.votes_exceed", cite("EL", 44, 2), what="votes in all",
                                 count=marks, limit=valid * pending.seats))  # fmt: skip
        require(Decision.of(*checks))
        outcome = logic.direct_election_outcome(
            self.rules.rule, registered_voters=state.registered_voters, seats=pending.seats, votes=votes,
            ballots_issued=ballots_issued, ballots_returned=ballots_returned, runoff=pending.runoff, voters=voters,
        )  # fmt: skip
        event = RoundCounted(
            number=len(state.rounds) + 1, kind=pending.kind, runoff=pending.runoff, on=on, seats=pending.seats,
            candidates=pending.candidates, ballots_issued=ballots_issued, ballots_returned=ballots_returned,
            spoiled=spoiled, votes=votes, valid=outcome.valid, elected=outcome.elected, tied=outcome.tied,
            shortfall=outcome.shortfall, voters=voters,
        )  # fmt: skip
        self._record(election_id, version, event)
        return outcome

    def call_further_election(self, election_id: str, *, on: datetime.date, candidates: Sequence[str]) -> None:
        """另行选举 for the unfilled seats (EL 45 ¶4).

        The candidates are taken in the order of the first vote (see
        ``DirectElectionState.further_ranking``), as many as EL 31 ¶2 allows for the open
        seats: two when one seat is open.
        """
        state, version = self._current(election_id)
        _stage(state, "further", cite("EL", 45, 4), Stage.SHORTFALL)
        listed = tuple(candidates)
        ranking = state.further_ranking()
        checks = [
            *_listed(listed, ranking, cite("EL", 45, 4)),
            _size(len(set(listed)), state.open_seats, cite("EL", 45, 4)),
            *_rank_order(listed, ranking, state.first_vote, cite("EL", 45, 4)),
        ]
        require(Decision.of(*checks))
        self._record(election_id, version, FurtherElectionCalled(on=on, seats=state.open_seats, candidates=listed))

    def request_recall(
        self, election_id: str, recall_id: str, *, deputy_id: str, requesters: Sequence[str], grounds: str,
        on: datetime.date,
    ) -> None:  # fmt: skip
        """Voters of the constituency (opaque ids) ask in writing to recall a deputy it elected.

        50 or more voters for a county deputy, 30 or more for a township deputy (EL 50 ¶1);
        the request states its reasons (EL 50 ¶2). Only the number of requesters is stored.
        """
        state, version = self._current(election_id)
        if recall_id in state.recalls:
            refuse("direct_election.recall_exists", cite("EL", 50, 1), recall_id=recall_id)
        if deputy_id not in state.in_office:
            refuse("direct_election.recall_target", cite("EL", 49), deputy_id=deputy_id)
        if any(r.deputy_id == deputy_id and r.vote is None for r in state.recalls.values()):
            refuse("direct_election.recall_open", cite("EL", 50, 1), deputy_id=deputy_id)
        backing = len(set(requesters))
        required = RECALL_REQUESTERS[state.level]
        require(Decision.of(
            reason(backing >= required, "direct_election.recall_requesters", cite("EL", 50, 1),
                   requesters=backing, required=required),
            reason(bool(grounds.strip()), "direct_election.recall_reason", cite("EL", 50, 2)),
        ))  # fmt: skip
        event = RecallRequested(recall_id=recall_id, deputy_id=deputy_id, requesters=backing, reason=grounds,
                                on=on)  # fmt: skip
        self._record(election_id, version, event)

    def hold_recall_vote(
        self, election_id: str, recall_id: str, *, on: datetime.date, yes: int, no: int, spoiled: int = 0,
        registered_voters: int | None = None,
    ) -> Decision:  # fmt: skip
        """Record the secret vote on a recall (EL 52) and return whether it passed.

        It passes with more than half of ALL the constituency's voters, not of those voting
        (EL 53 ¶1): ``registered_voters`` defaults to the voter list on record.
        """
        state, version = self._current(election_id)
        recall = state.recalls.get(recall_id)
        if recall is None:
            refuse("direct_election.recall_unknown", cite("EL", 50, 1), recall_id=recall_id)
        if recall.vote is not None:
            refuse("direct_election.recall_closed", cite("EL", 52), recall_id=recall_id)
        registered = state.registered_voters if registered_voters is None else registered_voters
        _counts(cite("EL", 52), yes=yes, no=no, spoiled=spoiled, registered_voters=registered)
        if registered == 0:
            refuse("direct_election.count", cite("EL", 53, 1), what="registered_voters", value="0")
        if yes + no + spoiled > registered:
            refuse("direct_election.ballots_issued", cite("EL", 5), issued=yes + no + spoiled, registered=registered)
        required = logic.more_than(RECALL_MAJORITY, registered)
        decision = Decision.of(reason(yes >= required, "direct_election.recall_vote", cite("EL", 53, 1), yes=yes,
                                      registered=registered, required=required))  # fmt: skip
        event = RecallVoted(recall_id=recall_id, on=on, registered_voters=registered, yes=yes, no=no, spoiled=spoiled,
                            passed=decision.ok)  # fmt: skip
        self._record(election_id, version, event)
        return decision
