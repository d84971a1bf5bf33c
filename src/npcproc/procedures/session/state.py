"""The state of a session: the fold of its stream's events."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from fractions import Fraction

import attrs

from npcproc.errors import ConversionError
from npcproc.model.session import (
    AgendaItem,
    Bill,
    BillStatus,
    Choice,
    ConveningBody,
    PreparationStep,
    SessionKind,
    SessionStatus,
    Tally,
    VoteMethod,
)
from npcproc.procedures.session.events import (
    AttendeesAdmitted,
    BallotsCounted,
    BillDeadlineFixed,
    BillListingDecided,
    BillSubmitted,
    BillWithdrawn,
    ItemHandled,
    LeaveGranted,
    NoticeGiven,
    PreparationRecorded,
    PreparatoryMeetingHeld,
    SessionClosed,
    SessionOpened,
    SessionPlanned,
    VoteCast,
    VoteClosed,
    VoteOpened,
)

__all__ = ["SessionState", "VoteState", "fold_session"]


@attrs.frozen(kw_only=True)
class VoteState:
    id: str
    subject: str
    method: VoteMethod
    opened_on: datetime.date
    entitled: tuple[str, ...]
    ballots: Mapping[str, Choice] = attrs.field(factory=dict)
    counted: tuple[int, int, int] | None = None  # (yes, no, abstain) of a secret ballot
    tally: Tally | None = None
    #: who announced the result when the vote closed (SD 26 ¶3), where recorded
    announced_by: str | None = None

    def counts(self) -> tuple[int, int, int]:
        if self.counted is not None:
            return self.counted
        choices = list(self.ballots.values())
        return choices.count(Choice.YES), choices.count(Choice.NO), choices.count(Choice.ABSTAIN)


@attrs.frozen(kw_only=True)
class SessionState:
    """What the records say about a session."""

    id: str
    congress_id: str
    term: int
    kind: SessionKind
    convened_by: ConveningBody
    opens_on: datetime.date
    days: Fraction
    proposers: tuple[str, ...] = ()
    status: SessionStatus = SessionStatus.PLANNED
    notice_on: datetime.date | None = None
    materials_on: datetime.date | None = None
    presidium: tuple[str, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    #: the presidium's preparations and the day each was (last) made (筹备工作, SD 29)
    preparations: Mapping[PreparationStep, datetime.date] = attrs.field(factory=dict)
    #: the session whose presidium presided the preparatory meeting (BJ 8 ¶2), where recorded
    presided_by: str | None = None
    on_leave: frozenset[str] = frozenset()
    opened_on: datetime.date | None = None
    present: tuple[str, ...] = ()
    #: non-deputies attending (列席, OL 21): the township's government leaders, others the presidium admits
    attending: tuple[str, ...] = ()
    #: the upper-level deputies elected in the area invited to attend (ZJ 21 ¶2)
    invited: tuple[str, ...] = ()
    bills: Mapping[str, Bill] = attrs.field(factory=dict)
    #: the day each bill was submitted, where given
    bills_on: Mapping[str, datetime.date] = attrs.field(factory=dict)
    #: the last day for deputies' bills the presidium fixed (CQ 14 ¶4, SD 9 (3)), where fixed
    bill_deadline: datetime.date | None = None
    admitted: frozenset[str] = frozenset()  # the non-deputies the presidium admitted to attend (CQ 13 ¶1)
    votes: Mapping[str, VoteState] = attrs.field(factory=dict)
    handled: frozenset[str] = frozenset()
    closed_on: datetime.date | None = None
    absent_without_leave: tuple[str, ...] = ()

    def apply(self, event: object) -> SessionState:
        match event:
            case NoticeGiven(on=on, materials_on=materials_on):
                return attrs.evolve(self, status=SessionStatus.NOTICED, notice_on=on, materials_on=materials_on)
            case PreparatoryMeetingHeld(passed=False):
                return self  # a vote fell short: the meeting votes again (OL 25)
            case PreparatoryMeetingHeld(presidium=presidium, agenda=agenda, presided_by=presided_by):
                return attrs.evolve(self, status=SessionStatus.PREPARED, presidium=presidium, agenda=agenda,
                                    presided_by=presided_by)  # fmt: skip
            case PreparationRecorded(step=step, on=on):
                return attrs.evolve(self, preparations={**self.preparations, step: on})
            case LeaveGranted(deputy_id=deputy_id):
                return attrs.evolve(self, on_leave=self.on_leave | {deputy_id})
            case SessionOpened(on=on, present=present, attending=attending, invited=invited):
                return attrs.evolve(self, status=SessionStatus.OPEN, opened_on=on, present=present, attending=attending,
                                    invited=invited)  # fmt: skip
            case BillSubmitted(bill=bill, on=on):
                dated = {**self.bills_on, bill.id: on} if on is not None else self.bills_on
                return attrs.evolve(self, bills={**self.bills, bill.id: bill}, bills_on=dated)
            case BillDeadlineFixed(deadline=deadline):
                return attrs.evolve(self, bill_deadline=deadline)
            case AttendeesAdmitted(names=names):
                return attrs.evolve(self, admitted=self.admitted | set(names))
            case BillListingDecided(bill_id=bill_id, status=status):
                return self._bill(bill_id, status)
            case BillWithdrawn(bill_id=bill_id):
                return self._bill(bill_id, BillStatus.WITHDRAWN)
            case VoteOpened(vote_id=vote_id, subject=subject, method=method, on=on, entitled=entitled):
                vote = VoteState(id=vote_id, subject=subject, method=method, opened_on=on, entitled=entitled)
                return attrs.evolve(self, votes={**self.votes, vote_id: vote})
            case VoteCast(vote_id=vote_id, deputy_id=deputy_id, choice=choice):
                vote = self.votes[vote_id]
                return self._vote(attrs.evolve(vote, ballots={**vote.ballots, deputy_id: choice}))
            case BallotsCounted(vote_id=vote_id, yes=yes, no=no, abstain=abstain):
                return self._vote(attrs.evolve(self.votes[vote_id], counted=(yes, no, abstain)))
            case VoteClosed(vote_id=vote_id, tally=tally, announced_by=announced_by):
                state = self._vote(attrs.evolve(self.votes[vote_id], tally=tally, announced_by=announced_by))
                subject = self.votes[vote_id].subject
                if subject in self.bills:
                    state = state._bill(subject, BillStatus.PASSED if tally.passed else BillStatus.REJECTED)
                return state
            case ItemHandled(item_id=item_id):
                return attrs.evolve(self, handled=self.handled | {item_id})
            case SessionClosed(on=on, absent_without_leave=absent):
                return attrs.evolve(self, status=SessionStatus.CLOSED, closed_on=on, absent_without_leave=absent)
        raise TypeError(f"a session stream cannot hold {type(event).__name__}")

    def _bill(self, bill_id: str, status: BillStatus) -> SessionState:
        return attrs.evolve(self, bills={**self.bills, bill_id: attrs.evolve(self.bills[bill_id], status=status)})

    def _cast_all(self, vote_id: str, casts: Sequence[object]) -> SessionState:
        """The same state as applying each of ``casts`` (all VoteCast in ``vote_id``) in turn."""
        vote = self.votes[vote_id]
        ballots = dict(vote.ballots)
        for cast in casts:
            if not isinstance(cast, VoteCast):
                raise ConversionError("events", f"a run of casts holds {type(cast).__name__}")
            ballots[cast.deputy_id] = cast.choice
        return self._vote(attrs.evolve(vote, ballots=ballots))

    def _vote(self, vote: VoteState) -> SessionState:
        return attrs.evolve(self, votes={**self.votes, vote.id: vote})

    @property
    def agenda_ids(self) -> frozenset[str]:
        return frozenset(item.id for item in self.agenda)


def fold_session(events: Sequence[object]) -> SessionState | None:
    if not events:
        return None
    first = events[0]
    if not isinstance(first, SessionPlanned):
        raise ConversionError("events[0]", f"the stream begins with {type(first).__name__}, not SessionPlanned")
    state = SessionState(
        id=first.session_id, congress_id=first.congress_id, term=first.term, kind=first.kind,
        convened_by=first.convened_by, opens_on=first.opens_on, days=first.days, proposers=first.proposers,
    )  # fmt: skip
    position, end = 1, len(events)
    while position < end:
        event = events[position]
        if isinstance(event, VoteCast):
            # A run of casts in one vote becomes one new ballots mapping, not a copy per cast.
            run_end = position + 1
            while run_end < end and isinstance(cast := events[run_end], VoteCast) and cast.vote_id == event.vote_id:
                run_end += 1
            state = state._cast_all(event.vote_id, events[position:run_end])
            position = run_end
        else:
            state = state.apply(event)
            position += 1
    return state
