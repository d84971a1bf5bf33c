# Over 400 lines: one service, an election from opening to seating; its state, events and checks live beside it.
"""Elections at a session (OL 26-30): nomination, the candidate list, secret ballots, the count,
the re-vote among those tied at the cut-off, and 另行选举 for a shortfall.

Stream ``election-<id>``; each round's ballots are written, once the count closes, to
``election-<id>-round-<n>`` as one canonical batch naming no voter. Those elected take
their posts in the congress's stream.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

import attrs

from npcproc.model.election import (
    BallotMethod,
    Candidate,
    ElectionBallot,
    FurtherCandidates,
    FurtherSession,
    Nominator,
    Office,
    RoundKind,
)
from npcproc.model.levels import Level, Post
from npcproc.model.session import Choice, SessionStatus
from npcproc.procedures.base import Procedure, cite, reason, refuse, require, ruled
from npcproc.procedures.congress.commands import Congresses
from npcproc.procedures.congress.events import PostTaken
from npcproc.procedures.congress.posts import CHAIR_POSTS, ethnic_head_checks
from npcproc.procedures.congress.state import congress_stream
from npcproc.procedures.election.ballots import check_ballots, write_in_resolver
from npcproc.procedures.election.checks import margin_check, nomination_time_check, plurality
from npcproc.procedures.election.events import (
    CandidatesListed,
    CandidatesNominated,
    ElectionOpened,
    FurtherElectionDecided,
    PreliminaryTied,
    RoundCounted,
    RoundOpened,
)
from npcproc.procedures.election.state import ElectionState, RoundState, election_stream, fold_election
from npcproc.procedures.session.commands import Sessions
from npcproc.rules.decision import Citation, Decision, Reason
from npcproc.store.secret import append_secret_ballots

__all__ = [
    "CandidateList",
    "Elections",
    "RoundResult",
]


@attrs.frozen(kw_only=True)
class RoundResult:
    """A counted round: who was elected, who is tied for a re-vote, the shortfall, and why.

    ``posts``: when the round fills a township chair or vice-chair post, those posts as they now stand,
    judged by :meth:`Congresses.posts_check <npcproc.procedures.Congresses.posts_check>` (SD 5 ¶1, ZJ 11 ¶1,
    BJ 20 ¶1, HN 6 ¶1). It never refuses the count (the votes stand), and a post the session has still to
    fill may yet satisfy it: ``npcproc check`` judges the posts at the close of the session.
    """

    round: int
    valid: bool
    elected: tuple[str, ...]
    tied: tuple[str, ...]
    shortfall: int
    void_ballots: int
    votes: Mapping[str, int]
    decision: Decision
    posts: Decision = attrs.field(factory=lambda: Decision(reasons=()))


@attrs.frozen(kw_only=True)
class CandidateList:
    """The formal list of candidates, or the candidates tied in its preliminary vote, and why."""

    candidates: tuple[str, ...]
    decision: Decision
    #: those tied at the cut-off of a preliminary vote, who vote again (:meth:`Elections.revote_preliminary`)
    tied: tuple[str, ...] = ()


class Elections(Procedure):
    """Hold elections at a session of the congress."""

    def state(self, election_id: str) -> ElectionState:
        return self._current(election_id)[0]

    def _current(self, election_id: str) -> tuple[ElectionState, int]:
        return self._opened(
            election_stream(election_id), fold_election, "election.unknown", cite("OL", 26), election_id=election_id
        )

    def open(
        self, election_id: str, *, session_id: str, office: Office, seats: int, extra_candidates: int,
        by_election: bool = False, ballot_method: BallotMethod = BallotMethod.PAPER, on: datetime.date | None = None,
    ) -> ElectionState:  # fmt: skip
        """Open an election; ``extra_candidates`` is the margin fixed in the session's election rules (OL 27 ¶1).

        ``on`` is the day nomination begins, by default the day the session opened; it starts the
        county's minimum time for nominating and discussing candidates (OL 27 ¶2, see
        :meth:`list_candidates`).

        Principal posts may have one more candidate or none; vice posts one to three more;
        standing-committee members 1/10 to 1/5 more. A by-election may have as many
        candidates as seats or more (OL 30).
        """
        session = Sessions(self.store, self.rules).state(session_id)
        if session.status is not SessionStatus.OPEN:
            refuse("session.wrong_stage", cite("OL", 28), status=session.status.value, action="hold an election")
        level = Congresses(self.store, self.rules).state(session.congress_id).congress.level
        if office.level is not level:
            refuse("election.office_level", cite("OL", 12 if level.value == "township" else 11),
                   office=office.value, level=level.value)  # fmt: skip
        if self.store.stream_version(election_stream(election_id)):
            refuse("election.exists", cite("OL", 26), election_id=election_id)
        opened_on = session.opened_on if on is None else on
        if opened_on is not None and session.opened_on is not None and opened_on < session.opened_on:
            refuse("election.before_session", cite("OL", 26), on=opened_on.isoformat(),
                   opened=session.opened_on.isoformat())  # fmt: skip
        require(Decision.of(margin_check(self.rules, office, seats, extra_candidates, by_election)))
        event = ElectionOpened(
            election_id=election_id, congress_id=session.congress_id, session_id=session_id, office=office,
            seats=seats, extra_candidates=extra_candidates, by_election=by_election, ballot_method=ballot_method,
            on=opened_on,
        )  # fmt: skip
        self._append(election_stream(election_id), 0, event)
        return self.state(election_id)

    def _range(self, office: Office, seats: int, by_election: bool) -> tuple[int, int | None]:
        if by_election:
            return seats, None
        return self.rules.candidate_range(office.post, seats)

    def nominate(
        self, election_id: str, candidates: Sequence[Candidate], *, by: Nominator, nominators: Sequence[str] = ()
    ) -> None:
        """Nominate candidates: the presidium, or 10 or more deputies jointly in writing (OL 26 ¶2).

        Neither the presidium nor any deputy may name more candidates than there are seats
        (OL 26 ¶3). Chair and vice-chairs are elected from the deputies (OL 18 ¶1) and may
        hold no administrative post (OL 18 ¶2). Only they may be nominated full-time 专职, and a
        candidate for chair must be where the chair is a full-time post (ZJ 11 ¶1, HN 6 ¶1). In an
        ethnic township (``Congress.ethnic_minority``) a candidate for township head is of its minority
        (``Candidate.ethnicity``; OL 70 ¶3, BJ 22 ¶2, CQ 21 ¶2).
        """
        state, version = self._current(election_id)
        if state.listed is not None:
            refuse("election.listed", cite("OL", 27), election_id=election_id)
        congress = Congresses(self.store, self.rules).state(state.congress_id)
        today = Sessions(self.store, self.rules).state(state.session_id).opened_on or datetime.date.min
        in_office = set(congress.in_office(today))
        day_rules = congress.rules(self.rules, today)
        full_time_chair = day_rules.optional("township.chair.full_time")
        checks = []
        if by is Nominator.DEPUTIES:
            backing = len(set(nominators) & in_office)
            required = self.rules.nomination_sponsor_threshold(congress.congress.level)
            checks.append(reason(backing >= required, "election.nominators", cite("OL", 26, 2),
                                 nominators=backing, required=required))  # fmt: skip
            for deputy in sorted(set(nominators)):
                named = state.nominated_by(deputy) + len(candidates)
                if named > state.seats:
                    checks.append(reason(False, "election.too_many_named", cite("OL", 26, 3),
                                         nominator=deputy, named=named, seats=state.seats))  # fmt: skip
        elif state.presidium_nominated + len(candidates) > state.seats:
            checks.append(reason(False, "election.too_many_named", cite("OL", 26, 3), nominator="presidium",
                                 named=state.presidium_nominated + len(candidates), seats=state.seats))  # fmt: skip
        for candidate in candidates:
            if state.office.deputies_only and candidate.id not in in_office:
                from_deputies = cite("OL", 18, 1) if state.office.level is Level.TOWNSHIP else cite("OL", 47, 2)
                checks.append(reason(False, "election.not_a_deputy", from_deputies, candidate=candidate.id))
            if state.office.no_administrative_post and candidate.id in congress.administrative_posts:
                bar = cite("OL", 47, 3) if state.office.value.startswith("standing") else cite("OL", 18, 2)
                checks.append(reason(False, "election.admin_post", bar, candidate=candidate.id,
                                     office=state.office.value))  # fmt: skip
            if candidate.full_time and state.office not in CHAIR_POSTS:
                checks.append(reason(False, "election.full_time_office", Citation.practice(), candidate=candidate.id,
                                     office=state.office.value))  # fmt: skip
            if state.office is Office.TOWNSHIP_CHAIR and full_time_chair is not None and full_time_chair.value:
                checks.append(ruled(candidate.full_time, "election.chair_full_time", full_time_chair,
                                    candidate=candidate.id))  # fmt: skip
            checks += ethnic_head_checks(day_rules, state.office, congress.congress.ethnic_minority, candidate.id,
                                         candidate.ethnicity)  # fmt: skip
        require(Decision.of(*checks))
        event = CandidatesNominated(nominator=by, nominators=tuple(nominators), candidates=tuple(candidates))
        self._append(election_stream(election_id), version, event)

    def list_candidates(
        self, election_id: str, *, preliminary_votes: Mapping[str, int] | None = None, on: datetime.date | None = None
    ) -> CandidateList:
        """Fix the formal list (OL 27 ¶1) on ``on``, by default the day the election opened.

        At a county congress's general election (换届, not a by-election) "提名、酝酿候选人的时间
        不得少于两天" (OL 27 ¶2): counted from the day the election opened, that day not counted
        (CC 201), two whole days pass before the list is fixed (:func:`nomination_time_check`):
        an election opened on 5 January may fix its list on 8 January, not on 7 January; an
        earlier list is refused and nothing is recorded. Township congresses have no such minimum.

        A principal post "候选人数可以多一人，进行差额选举；如果提名的候选人只有一人，也可以等额选举": a single
        nominee stands alone, two nominees for one seat both stand, and more go to a preliminary vote
        (预选) for one more candidate than seats. Other posts: every nominee when they fit the margin the
        session's election rules fix, more go to a preliminary vote ranked by ``preliminary_votes``.

        A preliminary vote tied at the cut-off is recorded and its tied candidates vote again
        (:meth:`revote_preliminary`): the returned list is then empty, ``tied`` names them and its
        decision says a re-vote is due.
        """
        state, version = self._current(election_id)
        self._listable(state)
        listed_on = state.opened_on if on is None else on
        require(Decision.of(*self._nomination_time(state, listed_on)))
        nominees = sorted(state.nominees)
        wanted = self._wanted(state, len(nominees))
        fewest, _most = self._range(state.office, state.seats, state.by_election)
        if len(nominees) > wanted and not state.by_election:
            if preliminary_votes is None or set(preliminary_votes) != set(nominees):
                refuse("election.preliminary_needed", cite("OL", 27, 1), nominees=len(nominees), wanted=wanted)
            return self._rank(state, version, preliminary_votes, (), wanted, listed_on)
        if len(nominees) < (fewest if state.by_election else wanted):
            refuse("election.too_few_candidates", cite("OL", 27, 1), nominees=len(nominees), wanted=wanted)
        return self._list(state, version, tuple(nominees), {}, listed_on)

    def _nomination_time(self, state: ElectionState, listed_on: datetime.date | None) -> list[Reason]:
        """OL 27 ¶2: a county general election's list comes after the minimum time for nominating."""
        opened = state.opened_on
        if opened is None or listed_on is None:
            return []
        if listed_on < opened:
            return [reason(False, "election.list_before_open", cite("OL", 27, 1), on=listed_on.isoformat(),
                           opened=opened.isoformat())]  # fmt: skip
        congress = Congresses(self.store, self.rules).state(state.congress_id)
        rules = congress.rules(self.rules, opened)
        return nomination_time_check(rules, congress.congress.level, state.by_election, opened, listed_on)

    def revote_preliminary(
        self, election_id: str, *, votes: Mapping[str, int], on: datetime.date | None = None
    ) -> CandidateList:
        """The re-vote among those tied at the cut-off of a preliminary vote, for the places still open.

        ``votes`` are the re-vote's votes of exactly the tied candidates; a new tie is recorded and
        voted again in turn. ``on`` defaults to the day of the tied vote; the list it fixes is
        bound by OL 27 ¶2 as :meth:`list_candidates` is.
        """
        state, version = self._current(election_id)
        tie = state.preliminary_tie
        if tie is None or state.listed is not None:
            refuse("election.round_not_due", cite("OL", 27, 1), election_id=election_id)
        if set(votes) != set(tie.tied):
            refuse("election.preliminary_revote", cite("OL", 27, 1), tied=", ".join(tie.tied))
        on = (tie.on or state.opened_on) if on is None else on
        require(Decision.of(*self._nomination_time(state, on)))
        return self._rank(state, version, votes, tie.listed, len(tie.listed) + tie.places, on)

    def _listable(self, state: ElectionState) -> None:
        if state.listed is not None or state.preliminary_tie is not None:
            refuse("election.listed", cite("OL", 27), election_id=state.id)

    def _wanted(self, state: ElectionState, nominees: int) -> int:
        """How many candidates the formal list holds when there are enough nominees (OL 27 ¶1)."""
        if state.office.post is Post.PRINCIPAL and not state.by_election:
            return state.seats + min(1, max(0, nominees - state.seats))  # 等额 only for a single nominee
        return state.seats + state.extra_candidates

    def _rank(
        self, state: ElectionState, version: int, votes: Mapping[str, int], sure: Sequence[str], wanted: int,
        on: datetime.date | None,
    ) -> CandidateList:  # fmt: skip
        """List the ``wanted`` candidates: those ``sure`` of a place, then the most ``votes`` among the others."""
        places = wanted - len(sure)
        ranked = sorted(votes, key=lambda c: (-votes[c], c))
        cut = votes[ranked[places - 1]]
        if len(ranked) > places and votes[ranked[places]] == cut:
            above = tuple(c for c in ranked if votes[c] > cut)
            tied = tuple(c for c in ranked if votes[c] == cut)
            event = PreliminaryTied(votes=dict(votes), tied=tied, places=places - len(above),
                                    listed=(*sure, *above), on=on)  # fmt: skip
            self._append(election_stream(state.id), version, event)
            due = reason(False, "election.preliminary_tie", cite("OL", 27, 1), votes=cut, candidates=", ".join(tied))
            return CandidateList(candidates=(), decision=Decision.of(due), tied=tied)
        return self._list(state, version, (*sure, *ranked[:places]), votes, on)

    def _list(
        self, state: ElectionState, version: int, listed: Sequence[str], votes: Mapping[str, int],
        on: datetime.date | None,
    ) -> CandidateList:  # fmt: skip
        event = CandidatesListed(candidates=tuple(listed), preliminary_votes=dict(votes), on=on)
        self._append(election_stream(state.id), version, event)
        return CandidateList(candidates=tuple(listed), decision=Decision.of())

    def open_round(self, election_id: str, *, on: datetime.date, present: Sequence[str]) -> int:
        """Open the first round on the formal list, at a sitting with ``present`` deputies (OL 14 ¶4)."""
        state, version = self._current(election_id)
        if state.listed is None or state.rounds:
            refuse("election.round_not_due", cite("OL", 27, 1), election_id=election_id)
        return self._open(state, version, RoundKind.FIRST, state.session_id, on, state.seats, state.listed, present)

    def revote(self, election_id: str, *, on: datetime.date, present: Sequence[str]) -> int:
        """Re-vote among the candidates tied at the cut-off; the most votes win (OL 29 ¶1)."""
        state, version = self._current(election_id)
        last = self._counted(state)
        if last.count is None or not last.count.tied:
            refuse("election.round_not_due", cite("OL", 29, 1), election_id=election_id)
        return self._open(state, version, RoundKind.REVOTE, last.session_id, on, state.open_seats, last.count.tied,
                          present)  # fmt: skip

    def decide_further_election(
        self, election_id: str, *, on: datetime.date, at: FurtherSession, present: Sequence[str]
    ) -> None:
        """The congress decides where the seats left short are filled: "经本级人民代表大会决定，不足的名额的另行选举
        可以在本次人民代表大会会议上进行，也可以在下一次人民代表大会会议上进行" (OL 29 ¶2).

        A decision of the sitting congress, taken at the session whose round left the shortfall, with
        2/3 or more of all deputies present (OL 14 ¶4).
        """
        state, version = self._current(election_id)
        last = self._counted(state)
        if last.count is None or not last.count.shortfall or last.count.tied or state.further_decided is not None:
            refuse("election.round_not_due", cite("OL", 29, 2), election_id=election_id)
        Sessions(self.store, self.rules).quorum(last.session_id, on=on, present=present)
        event = FurtherElectionDecided(on=on, session_id=last.session_id, at=at, present=tuple(dict.fromkeys(present)))
        self._append(election_stream(election_id), version, event)

    def further_election(
        self, election_id: str, *, session_id: str, on: datetime.date, candidates_by: FurtherCandidates,
        present: Sequence[str], nominated: Sequence[str] = (),
    ) -> int:  # fmt: skip
        """另行选举 for the seats left short (OL 29 ¶2), at the session the congress decided
        (:meth:`decide_further_election`): the one that left the shortfall or the congress's next one.

        Candidates by first-round rank, or nominated afresh, never one already elected: it fills only
        the seats still empty. For vice posts the margin of OL 27 ¶1 is kept (OL 29 ¶3). A majority of
        all deputies is needed again, at a sitting with 2/3 present (OL 14 ¶4).
        """
        state, version = self._current(election_id)
        last = self._counted(state)
        if last.count is None or not last.count.shortfall or last.count.tied:
            refuse("election.round_not_due", cite("OL", 29, 2), election_id=election_id)
        decided = state.further_decided
        if decided is None:
            refuse("election.further_not_decided", cite("OL", 29, 2))
        sessions = Sessions(self.store, self.rules)
        session = sessions.state(session_id)
        if session.status is not SessionStatus.OPEN or session.congress_id != state.congress_id:
            refuse("session.wrong_stage", cite("OL", 29, 2), status=session.status.value, action="hold an election")
        if session_id != self._decided_session(sessions, state.congress_id, decided):
            refuse("election.further_session", cite("OL", 29, 2), at=decided.at.value, session_id=session_id)
        seats = state.open_seats
        extra = state.extra_candidates if state.office.post is not Post.PRINCIPAL else 0
        if candidates_by is FurtherCandidates.BY_RANK:
            votes = state.first_round_votes
            ranked = sorted((c for c in votes if c not in state.elected), key=lambda c: (-votes[c], c))
            candidates = tuple(ranked[: seats + extra])
        else:
            candidates = tuple(nominated)
            require(Decision.of(*(reason(False, "election.already_elected", cite("OL", 29, 2), candidate=c)
                                  for c in candidates if c in state.elected)))  # fmt: skip
        fewest, most = self._range(state.office, seats, state.by_election)
        fits = fewest <= len(candidates) and (most is None or len(candidates) <= most)
        if state.office.post is Post.PRINCIPAL:
            fits = seats <= len(candidates) <= seats + 1
        require(Decision.of(reason(fits, "election.margin", cite("OL", 29, 3 if extra else 2), seats=seats,
                                   candidates=len(candidates), fewest=fewest, most=most or "∞")))  # fmt: skip
        return self._open(state, version, RoundKind.FURTHER, session_id, on, seats, candidates, present)

    @staticmethod
    def _decided_session(sessions: Sessions, congress_id: str, decided: FurtherElectionDecided) -> str | None:
        """The session the congress chose: the deciding one, or the first it opened after that one."""
        if decided.at is FurtherSession.THIS_SESSION:
            return decided.session_id
        deciding = sessions.state(decided.session_id)
        later = sorted((s for s in sessions.of_congress(congress_id) if s.opens_on > deciding.opens_on),
                       key=lambda s: s.opens_on)  # fmt: skip
        return later[0].id if later else None

    def _open(
        self, state: ElectionState, version: int, kind: RoundKind, session_id: str, on: datetime.date, seats: int,
        candidates: Sequence[str], present: Sequence[str],
    ) -> int:  # fmt: skip
        """Open a round: an act of the sitting congress, so 2/3 or more of all deputies in office that day must be
        present (OL 14 ¶4); a round refused for its roll records nothing."""
        Sessions(self.store, self.rules).quorum(session_id, on=on, present=present)
        number = len(state.rounds) + 1
        event = RoundOpened(round=number, kind=kind, session_id=session_id, on=on, seats=seats,
                            candidates=tuple(candidates), present=tuple(dict.fromkeys(present)))  # fmt: skip
        self._append(election_stream(state.id), version, event)
        return number

    def _counted(self, state: ElectionState) -> RoundState:
        last = state.current
        if last is None:
            refuse("election.round_not_due", cite("OL", 28), election_id=state.id)
        return last

    def count(self, election_id: str, ballots: Sequence[ElectionBallot], *, ballots_issued: int) -> RoundResult:
        """Close the open round: store its ballots as one secret batch, count them, seat the elected.

        A ballot marking more people than seats is void; more ballots back than issued voids
        the round (EL 44, BJ 25, CQ 24). First rounds and 另行选举 need more than half of all
        deputies in office (OL 25, 29); a re-vote goes to the most votes (OL 29 ¶1).
        """
        state, version = self._current(election_id)
        current = state.current
        if current is None or current.count is not None:
            refuse("election.round_not_due", cite("OL", 28), election_id=election_id)
        congress = Congresses(self.store, self.rules).state(state.congress_id)
        in_office = congress.in_office(current.on)
        eligible = set(in_office) if state.office.deputies_only else None
        elected_before = set(state.elected)  # a further round fills only the seats still empty (OL 29 ¶2)
        check_ballots(election_id, current.number, current.candidates, congress.deputies, ballots)
        written_in = write_in_resolver(state.office.deputies_only, congress.deputies, in_office)
        votes = dict.fromkeys(current.candidates, 0)
        void = 0
        for ballot in ballots:
            if len(ballot.chosen()) > current.seats:
                void += 1
                continue
            marked = [c for c, choice in ballot.marks.items() if choice is Choice.YES]
            for person in (*marked, *map(written_in, ballot.write_ins)):
                if person is None or person in elected_before:
                    continue
                if person in votes or (
                    current.kind is not RoundKind.REVOTE and (eligible is None or person in eligible)
                ):
                    votes[person] = votes.get(person, 0) + 1
        returned = len(ballots)
        if current.kind is RoundKind.REVOTE:
            outcome = plurality(votes, current.seats, ballots_issued, returned)
        else:
            # Void ballots count for nothing, but every ballot returned counts against those issued.
            outcome = self.rules.election_outcome(
                total_deputies=len(in_office), seats=current.seats, votes=votes, ballots_issued=ballots_issued,
                ballots_returned=returned if returned > ballots_issued else returned - void,
            )  # fmt: skip
        if returned:
            append_secret_ballots(self.store, f"{election_stream(election_id)}-round-{current.number}", ballots,
                                  expected_version=0)  # fmt: skip
        counted_event = RoundCounted(
            round=current.number, total_deputies=len(in_office), ballots_issued=ballots_issued,
            ballots_returned=returned, void_ballots=void, votes=votes, valid=outcome.valid,
            elected=outcome.elected, tied=outcome.tied, shortfall=outcome.shortfall,
        )  # fmt: skip
        self._append(election_stream(election_id), version, counted_event)
        self._seat(state, outcome.elected, current.on)
        posts = Decision.of()
        if outcome.elected and state.office in CHAIR_POSTS:
            posts = Congresses(self.store, self.rules).posts_check(state.congress_id, on=current.on)
        return RoundResult(
            round=current.number, valid=outcome.valid, elected=outcome.elected, tied=outcome.tied,
            shortfall=outcome.shortfall, void_ballots=void, votes=votes, decision=outcome.decision, posts=posts,
        )  # fmt: skip

    def _seat(self, state: ElectionState, elected: Sequence[str], on: datetime.date) -> None:
        if not elected:
            return
        congresses = Congresses(self.store, self.rules)
        _congress, version = congresses._current(state.congress_id)
        # A post is held full-time as its holder was nominated; a write-in was nominated as nothing.
        full_time = {c.id for c in state.nominees.values() if c.full_time}
        events = [
            PostTaken(congress_id=state.congress_id, office=state.office, holder_id=h, on=on, source=state.id,
                      full_time=h in full_time)
            for h in elected
        ]  # fmt: skip
        self._append(congress_stream(state.congress_id), version, *events)
