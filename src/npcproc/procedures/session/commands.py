# Over 400 lines: one service, a session from plan to close; its state, events and checks live beside it.
"""A session of a congress, from plan to close: notice, preparatory meeting, opening, bills, votes.

Stream ``session-<id>``; the congress's stream lists its sessions. Every command checks
national law and the province's rules in force and either appends or raises
:class:`~npcproc.errors.ProcedureError` with the Decision, leaving the store unchanged.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from fractions import Fraction

import attrs

from npcproc.errors import ConversionError
from npcproc.model.election import Office
from npcproc.model.levels import Level
from npcproc.model.session import (
    AgendaItem,
    Bill,
    BillStatus,
    Choice,
    ConveningBody,
    SessionKind,
    SessionStatus,
    Tally,
    VoteCount,
    VoteMethod,
)
from npcproc.procedures.base import Procedure, cite, refuse, require
from npcproc.procedures.congress.commands import Congresses
from npcproc.procedures.congress.events import PostTaken, SessionScheduled
from npcproc.procedures.congress.state import CongressState, congress_stream
from npcproc.procedures.election.state import ElectionState, election_stream, fold_election
from npcproc.procedures.session.agenda import annual_agenda, elected_at, first_sessions
from npcproc.procedures.session.checks import (
    attendee_checks,
    bill_sponsorship,
    convener_check,
    first_session_check,
    invitation_checks,
    length_checks,
    notice_checks,
    preparatory_chair_checks,
    presidium_checks,
    roll_call,
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
    PreparatoryMeetingHeld,
    SessionClosed,
    SessionOpened,
    SessionPlanned,
    VoteCast,
    VoteClosed,
    VoteOpened,
)
from npcproc.procedures.session.prep import (
    admission_checks,
    announcement_checks,
    bill_deadline_checks,
    bills_before_session,
    heads_attend_checks,
)
from npcproc.procedures.session.state import SessionState, VoteState, fold_session
from npcproc.procedures.suggestion.state import fold_suggestions, suggestions_stream
from npcproc.rules.decision import Decision, Reason
from npcproc.serialization import event_from_data

__all__ = ["SessionState", "Sessions", "VoteState", "session_stream"]

CONVENER = {Level.TOWNSHIP: ConveningBody.PRESIDIUM, Level.COUNTY: ConveningBody.STANDING_COMMITTEE}


def session_stream(session_id: str) -> str:
    return f"session-{session_id}"


def counted(vote: VoteCount, present: Sequence[str], field: str) -> None:
    """Refuse a count with more votes than deputies present (DL 23: each deputy present votes once)."""
    if vote.marked > len(set(present)):
        refuse("vote.count_over_present", cite("DL", 23), field=field, marked=vote.marked, present=len(set(present)))


def _stage(state: SessionState, action: str, *allowed: SessionStatus) -> None:
    if state.status not in allowed:
        refuse("session.wrong_stage", cite("OL", 14), status=state.status.value, action=action)


class Sessions(Procedure):
    """Convene and run sessions. Every method refuses with a ProcedureError explaining why."""

    @property
    def congresses(self) -> Congresses:
        return Congresses(self.store, self.rules)

    def state(self, session_id: str) -> SessionState:
        return self._current(session_id)[0]

    def of_congress(self, congress_id: str) -> list[SessionState]:
        """Every session the congress has scheduled, in the order scheduled."""
        return [self.state(s.session_id) for s in self.congresses.state(congress_id).sessions]

    def year_check(self, congress_id: str, year: int) -> Decision:
        """The annual completeness check (OL 11/12, OL 14 ¶1, provincial rules) over the congress's sessions."""
        congress = self.congresses.state(congress_id)
        rules = congress.rules(self.rules, datetime.date(year, 12, 31))
        sessions = self.of_congress(congress_id)
        events = (event_from_data(r.type, r.data) for r in self.store.read_stream(congress_stream(congress_id)))
        sources = {e.source for e in events if isinstance(e, PostTaken)}
        elected = (self._election(e) for e in sorted(sources))
        before = [s.id for s in self._load(suggestions_stream(congress_id), fold_suggestions)[0].values()
                  if s.submitted.on.year == year - 1]  # fmt: skip
        return annual_agenda(rules, congress.congress.level, sessions, year, first_of_term=first_sessions(sessions),
                             elected=elected_at(elected), suggestions_before=before)  # fmt: skip

    def _election(self, election_id: str) -> ElectionState:
        return self._opened(election_stream(election_id), fold_election, "election.unknown", cite("OL", 26),
                            election_id=election_id)[0]  # fmt: skip

    def _current(self, session_id: str) -> tuple[SessionState, int]:
        return self._opened(
            session_stream(session_id), fold_session, "session.unknown", cite("OL", 14), session_id=session_id
        )

    # -- convening ---------------------------------------------------------------------------

    def plan(
        self,
        session_id: str,
        *,
        congress_id: str,
        opens_on: datetime.date,
        kind: SessionKind = SessionKind.REGULAR,
        convened_by: ConveningBody | None = None,
        days: Fraction = Fraction(1),
        proposers: Sequence[str] = (),
    ) -> SessionState:
        """Decide and publish the date of a session (OL 14 ¶1-3, OL 20).

        ``convened_by`` defaults to the convening body of the congress's level; an
        extraordinary session may instead be proposed by 1/5 or more of the deputies
        (``convened_by=ConveningBody.DEPUTIES`` with ``proposers``).
        """
        congress, congress_version = self.congresses._current(congress_id)
        if self.store.stream_version(session_stream(session_id)):
            refuse("session.exists", cite("OL", 14), session_id=session_id)
        level = congress.congress.level
        expected = CONVENER[level]
        convened_by = convened_by or expected
        term = congress.current_term
        if term == 0:
            refuse("term.unknown", cite("OL", 9), congress_id=congress_id, term=1)
        rules = congress.rules(self.rules, opens_on)
        checks = [self._convener_check(congress, level, kind, convened_by, expected, proposers, opens_on)]
        if not any(s.term == term for s in congress.sessions):
            checks.append(first_session_check(rules, congress.terms[term], opens_on))
        checks += length_checks(rules, kind, days)
        require(Decision.of(*checks))
        scheduled = SessionScheduled(
            congress_id=congress_id, session_id=session_id, term=term, kind=kind, opens_on=opens_on
        )
        self._append(congress_stream(congress_id), congress_version, scheduled)
        planned = SessionPlanned(
            session_id=session_id, congress_id=congress_id, term=term, kind=kind, convened_by=convened_by,
            opens_on=opens_on, days=days, proposers=tuple(proposers),
        )  # fmt: skip
        self._append(session_stream(session_id), 0, planned)
        return self.state(session_id)

    def _convener_check(
        self, congress: CongressState, level: Level, kind: SessionKind, given: ConveningBody,
        expected: ConveningBody, proposers: Sequence[str], on: datetime.date,
    ) -> Reason:  # fmt: skip
        in_office = congress.in_office(on)
        rules = congress.rules(self.rules, on)
        return convener_check(rules, level, kind, given, len(set(proposers) & set(in_office)), len(in_office))

    def give_notice(self, session_id: str, *, on: datetime.date, materials_on: datetime.date) -> None:
        """Notify deputies of the date and matters, and send the materials (provincial lead times, e.g. ZJ 20)."""
        state, version = self._current(session_id)
        _stage(state, "give notice", SessionStatus.PLANNED)
        rules = self.congresses.state(state.congress_id).rules(self.rules, on)
        require(Decision.of(*notice_checks(rules, state.kind, state.opens_on, on, materials_on)))
        self._append(session_stream(session_id), version, NoticeGiven(on=on, materials_on=materials_on))

    def hold_preparatory_meeting(
        self, session_id: str, *, on: datetime.date, present: Sequence[str], presidium: Sequence[str],
        presidium_vote: VoteCount, agenda: Sequence[AgendaItem], agenda_vote: VoteCount,
        presided_by: str | None = None,
    ) -> Decision:  # fmt: skip
        """预备会议: elect the presidium and adopt the agenda (OL 17 ¶1, OL 19 ¶1; CQ 12, BJ 8).

        The meeting is an act of the congress: it sits only with two thirds or more of the deputies in
        office that day ``present`` (OL 14 ¶4), and the presidium and the agenda each pass by a vote
        (``presidium_vote``, ``agenda_vote``) of more than half of all deputies in office (OL 25). A roll
        short of the quorum, or with someone not in office or on leave, is refused and records nothing; a
        vote short of the majority is recorded (``passed`` false), the session stays unprepared and the
        meeting may vote again. The Decision holds the quorum, the presidium's checks, with a notice where
        its size departs from a "normally" size (SD 8 ¶2, HN 2 ¶3, BJ 17 ¶2), and the two votes.

        ``presided_by`` names the session whose presidium presided the meeting: where the province says so,
        at a term's first session it is the last session on record before it (BJ 8 ¶2), or it is refused."""
        state, version = self._current(session_id)
        congress = self.congresses.state(state.congress_id)
        notice = congress.rules(self.rules, on).optional("session.notice_days")
        # An extraordinary session may go without notice unless a rule in force covers it (ZJ 20 exempts it, CQ 11 not).
        unnoticed = state.kind is SessionKind.EXTRAORDINARY and (notice is None or not notice.covers(state.kind))
        allowed = [SessionStatus.NOTICED] + ([SessionStatus.PLANNED] if unnoticed else [])
        _stage(state, "hold the preparatory meeting", *allowed)
        quorum = self._attendance(state, on, present)
        in_office = set(congress.in_office(on, state.term))
        rules = congress.rules(self.rules, on)
        chairs = [
            h for office in (Office.TOWNSHIP_CHAIR, Office.TOWNSHIP_VICE_CHAIR) for h in congress.holders(office, on)
        ]
        from npcproc.procedures.session.agenda import first_sessions

        chaired: list[Reason] = []
        sessions = self.of_congress(state.congress_id)
        if state.id in first_sessions(sessions):
            earlier = [s.id for s in sorted(sessions, key=lambda s: s.opens_on) if s.opens_on < state.opens_on]
            chaired = preparatory_chair_checks(rules, state.id, presided_by, earlier)
        checks = Decision.of(*presidium_checks(rules, presidium, on, in_office, congress.administrative_posts, chairs),
                             *chaired)  # fmt: skip
        require(checks)
        for field, vote in (("presidium_vote", presidium_vote), ("agenda_vote", agenda_vote)):
            counted(vote, present, field)
        votes = [rules.resolution_passes(len(in_office), vote.yes) for vote in (presidium_vote, agenda_vote)]
        passed = all(votes)
        event = PreparatoryMeetingHeld(
            on=on, presidium=tuple(presidium), agenda=tuple(agenda), present=tuple(present),
            presidium_vote=presidium_vote, agenda_vote=agenda_vote, passed=passed, presided_by=presided_by,
        )  # fmt: skip
        self._append(session_stream(session_id), version, event)
        return Decision.of(*quorum.reasons, *checks.reasons, *(r for vote in votes for r in vote.reasons))

    def grant_leave(self, session_id: str, deputy_id: str) -> None:
        """请假: the deputy is excused from this session (DL 13) and is not absent without leave."""
        state, version = self._current(session_id)
        _stage(state, "grant leave", SessionStatus.PLANNED, SessionStatus.NOTICED, SessionStatus.PREPARED)
        if deputy_id not in self.congresses.state(state.congress_id).in_office(state.opens_on, state.term):
            refuse("deputy.not_in_office", cite("DL", 13), deputy_id=deputy_id, on=state.opens_on.isoformat())
        self._append(session_stream(session_id), version, LeaveGranted(deputy_id=deputy_id))

    def open(
        self, session_id: str, *, on: datetime.date, present: Sequence[str], attending: Sequence[str] = (),
        invited: Sequence[str] = (),
    ) -> Decision:  # fmt: skip
        """Open the session when 2/3 or more of all deputies in office that day are present (OL 14 ¶4).

        ``attending`` names the non-deputies who attend (列席, OL 21): the township's government
        leaders and those the presidium admits (BJ 16 ¶1, CQ 13, SD 13). None of them may be a deputy
        in office, and a province may cap their number (BJ 16 ¶2: half of all deputies in office).
        ``invited`` names the upper-level deputies elected in the area invited to attend: where the province
        says so, a session of a congress with such deputies on record (``Congresses.record_upper_deputies``)
        invites at least one of them (ZJ 21 ¶2). Where the province says so, every township head and deputy head
        in office that day who is not a deputy (``Congresses.record_heads``, or elected) is among ``attending``
        (OL 21, CQ 13 ¶1, SD 13), or the opening is refused; and where the province says so, every other
        attendee is one the presidium admitted (:meth:`admit_attendees`; CQ 13 ¶1, SD 13, BJ 16 ¶1).
        """
        state, version = self._current(session_id)
        _stage(state, "open", SessionStatus.PREPARED)
        quorum = self._attendance(state, on, present)
        congress = self.congresses.state(state.congress_id)
        in_office = congress.in_office(on, state.term)
        rules = congress.rules(self.rules, on)
        attendees = attendee_checks(rules, state.kind, attending, in_office)
        attendees += invitation_checks(rules, state.kind, invited, congress.upper_deputies)
        heads = congress.township_heads(on)
        attendees += heads_attend_checks(rules, state.kind, heads, attending, in_office)
        attendees += admission_checks(rules, state.kind, attending, heads, state.admitted)
        require(Decision.of(*attendees))
        opened = SessionOpened(on=on, present=tuple(present), attending=tuple(attending), invited=tuple(invited))
        self._append(session_stream(session_id), version, opened)
        return Decision.of(*quorum.reasons, *attendees) if attendees else quorum

    def admit_attendees(self, session_id: str, names: Sequence[str]) -> None:
        """The presidium decides that ``names``, leaders of other bodies who are not deputies, may attend the
        session (列席: CQ 13 ¶1, SD 13, BJ 16 ¶1 "经主席团决定，可以列席"); recorded before the session opens.
        Where the province says so, :meth:`open` refuses an attendee who is neither a township head or deputy
        head in office nor admitted."""
        state, version = self._current(session_id)
        _stage(state, "admit attendees", SessionStatus.PLANNED, SessionStatus.NOTICED, SessionStatus.PREPARED)
        self._append(session_stream(session_id), version, AttendeesAdmitted(names=tuple(names)))

    def quorum(self, session_id: str, *, on: datetime.date, present: Sequence[str]) -> Decision:
        """The attendance roll of a plenary act of the open session (a recall or resignation vote) checked as
        :meth:`open` checks it: refused unless two thirds or more of the deputies in office on ``on`` are
        ``present``, none of them on leave or out of office (OL 14 ¶4)."""
        state = self.state(session_id)
        _stage(state, "hold a plenary vote", SessionStatus.OPEN)
        return self._attendance(state, on, present)

    def _attendance(self, state: SessionState, on: datetime.date, present: Sequence[str]) -> Decision:
        """The quorum against the deputies in office on ``on``; refuses a roll with others on it."""
        congress = self.congresses.state(state.congress_id)
        quorum = roll_call(congress, self.rules, on, present, term=state.term, on_leave=state.on_leave)
        require(quorum)
        return quorum

    # -- bills -------------------------------------------------------------------------------

    def fix_bill_deadline(self, session_id: str, *, deadline: datetime.date) -> None:
        """The presidium fixes the last day for deputies' bills (代表议案截止日期): the convening presidium once it
        has decided to convene the session (CQ 14 ¶4 counts the bills from that decision), or the session's own
        presidium (SD 9 (3)). Recorded from the plan until the session closes; a later decision replaces it.
        Where the province says so, :meth:`submit_bill` refuses a deputies' bill after that day (CQ 14 ¶4,
        SD 14 ¶2); elsewhere the day is recorded and binds nothing."""
        state, version = self._current(session_id)
        _stage(state, "fix the deadline for bills", SessionStatus.PLANNED, SessionStatus.NOTICED,
               SessionStatus.PREPARED, SessionStatus.OPEN)  # fmt: skip
        self._append(session_stream(session_id), version, BillDeadlineFixed(deadline=deadline))

    def submit_bill(self, session_id: str, bill: Bill, *, on: datetime.date | None = None) -> None:
        """议案 from a body (OL 22 ¶1) or from deputies jointly, 5 (township) or 10 (county) or more (OL 22 ¶2).

        ``on`` is the day the bill was submitted. A deputies' bill is taken from the session's plan (the decision
        to convene it) where the province allows bills before the session (CQ 14 ¶4, SD 14 ¶2), otherwise from
        the preparatory meeting on; where the province binds deputies' bills to the deadline the presidium fixed
        (:meth:`fix_bill_deadline`), one submitted after that day, or with no ``on`` to judge, is refused."""
        state, version = self._current(session_id)
        congress = self.congresses.state(state.congress_id)
        day = on or state.opened_on or state.opens_on
        rules = congress.rules(self.rules, day)
        early = bool(bill.sponsors) and bills_before_session(rules)
        _stage(state, "receive a bill", SessionStatus.PREPARED, SessionStatus.OPEN,
               *((SessionStatus.PLANNED, SessionStatus.NOTICED) if early else ()))  # fmt: skip
        if bill.id in state.bills:
            refuse("bill.exists", cite("OL", 22), bill_id=bill.id)
        if (bill.sponsor_body is None) == (not bill.sponsors):
            refuse("bill.sponsor_kind", cite("OL", 22))
        if bill.sponsors:
            in_office = set(congress.in_office(state.opened_on or state.opens_on, state.term))
            backing = len(set(bill.sponsors) & in_office)
            sponsorship = congress.rules(self.rules, state.opened_on or state.opens_on)
            require(Decision.of(bill_sponsorship(sponsorship, congress.congress.level, backing),
                                *bill_deadline_checks(rules, bill.id, state.bill_deadline, on)))  # fmt: skip
        submitted = attrs.evolve(bill, status=BillStatus.SUBMITTED)
        self._append(session_stream(session_id), version, BillSubmitted(bill=submitted, on=on))

    def decide_listing(self, session_id: str, bill_id: str, *, listed: bool) -> BillStatus:
        """The presidium lists the bill on the agenda or not (OL 22); unlisted, it may become a suggestion (CQ 14)."""
        state, version = self._current(session_id)
        bill = self._bill(state, bill_id, "decide its listing", BillStatus.SUBMITTED)
        rules = self.congresses.state(state.congress_id).rules(self.rules, state.opened_on or state.opens_on)
        converts = rules.optional("bill.unlisted_becomes_suggestion")
        if listed:
            status = BillStatus.LISTED
        elif converts is not None and converts.value:
            status = BillStatus.CONVERTED_TO_SUGGESTION
        else:
            status = BillStatus.NOT_LISTED
        self._append(session_stream(session_id), version, BillListingDecided(bill_id=bill.id, status=status))
        return status

    def withdraw_bill(self, session_id: str, bill_id: str) -> None:
        """The sponsor withdraws a listed bill before the vote, with the presidium's consent (OL 22 ¶3)."""
        state, version = self._current(session_id)
        self._bill(state, bill_id, "withdraw it", BillStatus.SUBMITTED, BillStatus.LISTED)
        if any(v.subject == bill_id for v in state.votes.values()):
            refuse(
                "bill.wrong_stage", cite("OL", 22, 3), bill_id=bill_id, status="put to the vote", action="withdraw it"
            )
        self._append(session_stream(session_id), version, BillWithdrawn(bill_id=bill_id))

    def _bill(self, state: SessionState, bill_id: str, action: str, *allowed: BillStatus) -> Bill:
        _stage(state, action, SessionStatus.PREPARED, SessionStatus.OPEN)
        bill = state.bills.get(bill_id)
        if bill is None:
            refuse("bill.unknown", cite("OL", 22), bill_id=bill_id)
        if bill.status not in allowed:
            refuse("bill.wrong_stage", cite("OL", 22), bill_id=bill_id, status=bill.status.value, action=action)
        return bill

    # -- votes -------------------------------------------------------------------------------

    def open_vote(
        self, session_id: str, vote_id: str, *, subject: str, method: VoteMethod, on: datetime.date,
        present: Sequence[str],
    ) -> Decision:  # fmt: skip
        """Open a vote on a listed bill or an agenda item; the quorum is checked again (OL 14 ¶4).

        The deputies present and in office now are registered as entitled to vote.
        """
        state, version = self._current(session_id)
        _stage(state, "open a vote", SessionStatus.OPEN)
        if vote_id in state.votes:
            refuse("vote.exists", cite("OL", 25), vote_id=vote_id)
        bill = state.bills.get(subject)
        if subject not in state.agenda_ids and (bill is None or bill.status is not BillStatus.LISTED):
            refuse("vote.subject", cite("OL", 22), subject=subject)
        quorum = self._attendance(state, on, present)
        entitled = tuple(sorted(set(present)))
        event = VoteOpened(vote_id=vote_id, subject=subject, method=method, on=on, entitled=entitled)
        self._append(session_stream(session_id), version, event)
        return quorum

    def cast(self, session_id: str, vote_id: str, deputy_id: str, choice: Choice) -> None:
        """An entitled deputy votes yes, no or abstains (DL 23), once, in an open vote."""
        state, version = self._current(session_id)
        vote = self._open_vote(state, vote_id)
        if vote.method is VoteMethod.SECRET_BALLOT:
            refuse("vote.method", cite("OL", 28), method=vote.method.value, action="record who voted how")
        if deputy_id not in vote.entitled:
            refuse("vote.not_entitled", cite("DL", 23), deputy_id=deputy_id)
        if deputy_id in vote.ballots:
            refuse("vote.twice", cite("DL", 23), deputy_id=deputy_id)
        self._append(session_stream(session_id), version, VoteCast(vote_id=vote_id, deputy_id=deputy_id, choice=choice))

    def count_ballots(self, session_id: str, vote_id: str, *, yes: int, no: int, abstain: int) -> None:
        """Record the count of a secret-ballot vote (only counts: nothing links a ballot to a deputy)."""
        state, version = self._current(session_id)
        vote = self._open_vote(state, vote_id)
        if vote.method is not VoteMethod.SECRET_BALLOT or vote.counted is not None:
            refuse("vote.method", cite("OL", 28), method=vote.method.value, action="count ballots")
        if min(yes, no, abstain) < 0 or yes + no + abstain > len(vote.entitled):
            refuse("vote.count", cite("DL", 23), marked=yes + no + abstain, entitled=len(vote.entitled))
        self._append(
            session_stream(session_id), version, BallotsCounted(vote_id=vote_id, yes=yes, no=no, abstain=abstain)
        )

    def close_vote(self, session_id: str, vote_id: str, *, announced_by: str | None = None) -> Tally:
        """Close the vote: it passes with more than half of ALL deputies in office (OL 25) and the province's checks.

        The tally records the outcome: whether it passed, the articles applied and the notices of
        any "normally" rule a province's check found not followed. ``announced_by`` is who announced the result
        on the spot: where the province says so, an executive chair, a member of the session's presidium, or the
        vote stays open and nothing is recorded (SD 26 ¶3)."""
        state, version = self._current(session_id)
        vote = self._open_vote(state, vote_id)
        yes, no, abstain = vote.counts()
        congress = self.congresses.state(state.congress_id)
        total = len(congress.in_office(vote.opened_on, state.term))
        rules = congress.rules(self.rules, vote.opened_on)
        require(Decision.of(*announcement_checks(rules, announced_by, state.presidium)))
        decision = rules.resolution_passes(total, yes)
        tally = Tally(
            entitled=len(vote.entitled), yes=yes, no=no, abstain=abstain,
            not_voting=len(vote.entitled) - yes - no - abstain, passed=decision.ok, citations=decision.citations,
            notices=decision.notices,
        )  # fmt: skip
        closed = VoteClosed(vote_id=vote_id, tally=tally, announced_by=announced_by)
        self._append(session_stream(session_id), version, closed)
        return tally

    def _open_vote(self, state: SessionState, vote_id: str) -> VoteState:
        _stage(state, "vote", SessionStatus.OPEN)
        vote = state.votes.get(vote_id)
        if vote is None:
            refuse("vote.unknown", cite("OL", 25), vote_id=vote_id)
        if vote.tally is not None:
            refuse("vote.closed", cite("OL", 25), vote_id=vote_id)
        return vote

    # -- agenda and close --------------------------------------------------------------------

    def handle_item(self, session_id: str, item_id: str) -> None:
        """Mark an agenda item as heard and deliberated."""
        state, version = self._current(session_id)
        _stage(state, "handle an item", SessionStatus.OPEN)
        if item_id not in state.agenda_ids:
            refuse("vote.subject", cite("OL", 17), subject=item_id)
        self._append(session_stream(session_id), version, ItemHandled(item_id=item_id))

    def close(self, session_id: str, *, on: datetime.date) -> SessionState:
        """Close the session; deputies absent without leave are recorded (two end the mandate, DL 62 (3))."""
        state, version = self._current(session_id)
        _stage(state, "close", SessionStatus.OPEN)
        open_votes = [v.id for v in state.votes.values() if v.tally is None]
        if open_votes:
            refuse("session.wrong_stage", cite("OL", 25), status=f"voting on {open_votes[0]}", action="close")
        if state.opened_on is None:
            raise ConversionError("opened_on", "missing, though the stream's stage requires it")
        congress = self.congresses.state(state.congress_id)
        expected = congress.in_office(state.opened_on, state.term)
        absent = tuple(d for d in expected if d not in state.present and d not in state.on_leave)
        self._append(session_stream(session_id), version, SessionClosed(on=on, absent_without_leave=absent))
        self.congresses.record_absences(state.congress_id, session_id, absent, on=on)
        return self.state(session_id)
