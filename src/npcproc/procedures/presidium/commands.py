"""Meetings of a township presidium 主席团 between sessions.

Stream ``presidium-<congress>``. The members are those the latest session's preparatory
meeting elected (OL 19 ¶1) who are still deputies in office on the meeting's day. Where the
province says so, a meeting is held only with more than half of all members present and a
decision passes with more than half of all members (ZJ 24 ¶2-3, CQ 34 ¶1, HN 5 ¶2); national
law sets no number, so that majority applies by default, cited to the presidium's work
between sessions (OL 19 ¶2). :meth:`PresidiumMeetings.frequency_check` applies the
province's 季会制: a meeting at least every three months of each recess (ZJ 24 ¶1, HN 5 ¶1),
counted from the session's close or the last meeting, or in every calendar quarter (CQ 34 ¶1,
"每个季度至少召开一次").

Where no presidium member may hold an administrative post (ZJ 38, CQ 30 ¶3, HN 2 ¶4), a member who
takes up one must resign from the presidium (:meth:`PresidiumMeetings.resign_member`); until then
the presidium cannot meet (:meth:`PresidiumMeetings.hold_meeting` refuses, naming the member).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from fractions import Fraction

import attrs

from npcproc.model.election import Office
from npcproc.procedures.base import Procedure, cite, reason, refuse, require, ruled
from npcproc.procedures.congress.commands import Congresses
from npcproc.procedures.folded import fold_log
from npcproc.procedures.presidium import messages  # noqa: F401 - defines the message codes used below
from npcproc.procedures.presidium.events import MeetingHeld, MemberResigned, PresidiumDecided
from npcproc.procedures.session.commands import Sessions
from npcproc.procedures.session.state import SessionState
from npcproc.rules.decision import Citation, Decision, Reason, ReasonValue
from npcproc.rules.logic import Rule, more_than

__all__ = ["MeetingState", "PresidiumMeetings", "PresidiumState", "presidium_stream"]

#: OL 19 ¶2: the presidium's work between sessions.
BETWEEN_SESSIONS = cite("OL", 19, 2)
#: No law gives the presidium's meetings a quorum or majority: the default of more than half is practice.
DEFAULT_MAJORITY = Citation.practice()


def _reason(ok: bool, code: str, rule: Rule, **values: ReasonValue) -> Reason:
    return Reason(ok=ok, code=code, citation=rule.citation, values=values, relaxation=rule.relaxation)


def presidium_stream(congress_id: str) -> str:
    return f"presidium-{congress_id}"


@attrs.frozen(kw_only=True)
class MeetingState:
    held: MeetingHeld
    decisions: Mapping[str, PresidiumDecided] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class PresidiumState:
    """The presidium meetings on record for a congress."""

    meetings: Mapping[str, MeetingState] = attrs.field(factory=dict)
    resignations: tuple[MemberResigned, ...] = ()

    def resigned(self, session_id: str, on: datetime.date) -> frozenset[str]:
        """Who had resigned by ``on`` from the presidium elected at ``session_id``."""
        return frozenset(r.deputy_id for r in self.resignations if r.session_id == session_id and r.on <= on)

    def apply(self, event: object) -> PresidiumState:
        match event:
            case MemberResigned():
                return attrs.evolve(self, resignations=(*self.resignations, event))
            case MeetingHeld(meeting_id=meeting_id):
                return attrs.evolve(self, meetings={**self.meetings, meeting_id: MeetingState(held=event)})
            case PresidiumDecided(meeting_id=meeting_id, decision_id=decision_id):
                meeting = self.meetings[meeting_id]
                decisions = {**meeting.decisions, decision_id: event}
                return attrs.evolve(
                    self, meetings={**self.meetings, meeting_id: attrs.evolve(meeting, decisions=decisions)}
                )
        raise TypeError(f"a presidium stream cannot hold {type(event).__name__}")

    def dates(self) -> list[datetime.date]:
        return sorted(m.held.on for m in self.meetings.values())


#: The fold of the stream, from an empty PresidiumState.
fold_presidium = fold_log(PresidiumState)


class PresidiumMeetings(Procedure):
    """Hold presidium meetings, take decisions, and check how often the presidium meets."""

    def state(self, congress_id: str) -> PresidiumState:
        return self._current(congress_id)[0]

    def _current(self, congress_id: str) -> tuple[PresidiumState, int]:
        return self._congress_log(congress_id, presidium_stream(congress_id), fold_presidium)

    def members(self, congress_id: str, on: datetime.date) -> tuple[str, tuple[str, ...]]:
        """The session whose preparatory meeting elected the presidium in office on ``on``, and its members
        (deputies in office who have not resigned from it)."""
        session = self._presidium_session(congress_id, on)
        in_office = set(Congresses(self.store, self.rules).state(congress_id).in_office(on, session.term))
        resigned = self.state(congress_id).resigned(session.id, on)
        return session.id, tuple(m for m in session.presidium if m in in_office and m not in resigned)

    def resign_member(self, congress_id: str, deputy_id: str, *, on: datetime.date) -> None:
        """A member resigns from the presidium from ``on`` (ZJ 38, CQ 30 ¶3, HN 2 ¶4: one who takes up a post in an
        administrative organ must)."""
        _state, version = self._current(congress_id)
        session_id, members = self.members(congress_id, on)
        if deputy_id not in members:
            refuse("presidium.not_member", cite("OL", 19, 1), deputy_id=deputy_id, on=on.isoformat())
        event = MemberResigned(session_id=session_id, deputy_id=deputy_id, on=on)
        self._append(presidium_stream(congress_id), version, event)

    def _presidium_session(self, congress_id: str, on: datetime.date) -> SessionState:
        elected = [s for s in self._with_presidium(congress_id) if s.opens_on <= on]
        if not elected:
            refuse("presidium.none", cite("OL", 19, 1), congress_id=congress_id, on=on.isoformat())
        return max(elected, key=lambda s: s.opens_on)

    def _with_presidium(self, congress_id: str) -> list[SessionState]:
        return [s for s in Sessions(self.store, self.rules).of_congress(congress_id) if s.presidium]

    def _rule(self, congress_id: str, name: str, on: datetime.date) -> Rule:
        return self.rules_for(congress_id, on).optional(name) or Rule(value=Fraction(1, 2), citation=DEFAULT_MAJORITY)

    def hold_meeting(
        self, congress_id: str, meeting_id: str, *, on: datetime.date, present: Sequence[str], convened_by: str = "",
        proposed_by: Sequence[str] = (),
    ) -> Decision:  # fmt: skip
        """Record a meeting; refused unless more than half of all members are present (ZJ 24 ¶2), while a member
        holds an administrative post without having resigned from the presidium where the province bars it
        (ZJ 38, CQ 30 ¶3, HN 2 ¶4), and, where the province says who convenes it (SD 28 ¶2), unless
        ``convened_by`` names the chair, or a vice-chair when the chair's post is vacant.

        ``proposed_by`` names the members whose joint proposal called the meeting (临时召集), empty for a meeting
        not called on a proposal. Where the province sets ``presidium.extra_meeting_proposers`` (HN 5 ¶1
        "经主席团成员三人以上联名提议，可以临时召集": three, inclusive), each proposer must be a member in office
        that day and there must be that many; otherwise the proposers are recorded as given."""
        state, version = self._current(congress_id)
        if meeting_id in state.meetings:
            refuse("presidium.meeting_exists", BETWEEN_SESSIONS, meeting_id=meeting_id)
        session_id, members = self.members(congress_id, on)
        no_admin = self.rules_for(congress_id).optional("presidium.members_no_admin_post")
        if no_admin is not None and no_admin.value:
            congress = Congresses(self.store, self.rules).state(congress_id)
            require(Decision.of(*(ruled(False, "presidium.admin_post_resign", no_admin, deputy_id=m, on=on.isoformat())
                                  for m in members if congress.holds_administrative_post(m, on))))  # fmt: skip
        attending = tuple(dict.fromkeys(present))
        require(Decision.of(*(reason(False, "presidium.not_member", cite("OL", 19, 1), deputy_id=d, on=on.isoformat())
                              for d in attending if d not in members)))  # fmt: skip
        rule = self._rule(congress_id, "presidium.meeting_quorum", on)
        required = more_than(rule.value, len(members))
        quorum = Decision.of(_reason(len(attending) >= required, "presidium.meeting_quorum", rule,
                                     present=len(attending), members=len(members), required=required))  # fmt: skip
        require(quorum)
        convener = self._convener_check(congress_id, on, convened_by)
        require(Decision.of(*convener))
        proposers = tuple(dict.fromkeys(proposed_by))
        proposal = self._proposal_check(congress_id, on, members, proposers)
        require(Decision.of(*proposal))
        event = MeetingHeld(meeting_id=meeting_id, on=on, session_id=session_id, members=members, present=attending,
                            convened_by=convened_by, proposed_by=proposers)  # fmt: skip
        self._append(presidium_stream(congress_id), version, event)
        extra = (*convener, *proposal)
        return Decision.of(*quorum.reasons, *extra) if extra else quorum

    def _proposal_check(
        self, congress_id: str, on: datetime.date, members: Sequence[str], proposers: Sequence[str]
    ) -> list[Reason]:
        """HN 5 ¶1: a meeting called on a proposal has that many proposers, each a member in office on ``on``."""
        rule = self.rules_for(congress_id, on).optional("presidium.extra_meeting_proposers")
        if rule is None or not proposers:
            return []
        strangers = [_reason(False, "presidium.proposer_not_member", rule, deputy_id=d, on=on.isoformat())
                     for d in proposers if d not in members]  # fmt: skip
        if strangers:
            return strangers
        required = int(rule.value)
        return [_reason(len(proposers) >= required, "presidium.extra_meeting_proposers", rule,
                        proposers=len(proposers), required=required)]  # fmt: skip

    def _convener_check(self, congress_id: str, on: datetime.date, convened_by: str) -> list[Reason]:
        """SD 28 ¶2 "主席团会议由乡镇人民代表大会主席召集，主席缺位时，由副主席召集": the chair in office that day,
        or a vice-chair when the chair's post is vacant. Where neither post is on record, there is no one to
        compare with and nothing is checked."""
        rule = self.rules_for(congress_id, on).optional("presidium.convened_by_chair")
        if rule is None or not rule.value:
            return []
        congress = Congresses(self.store, self.rules).state(congress_id)
        chairs = congress.holders(Office.TOWNSHIP_CHAIR, on)
        vice_chairs = congress.holders(Office.TOWNSHIP_VICE_CHAIR, on)
        expected, post, post_zh = (chairs, "chair", "主席") if chairs else (vice_chairs, "vice-chair", "副主席")
        if not expected:
            return []
        return [_reason(convened_by in expected, "presidium.convener", rule, convener=convened_by or "—",
                        expected="、".join(expected), post=post, post_zh=post_zh)]  # fmt: skip

    def decide(
        self, congress_id: str, meeting_id: str, decision_id: str, *, subject: str, yes: int, no: int = 0,
        abstain: int = 0,
    ) -> Decision:  # fmt: skip
        """Record a decision taken at a meeting: it passes with more than half of ALL members (ZJ 24 ¶3).

        A decision that fails is recorded as failed; the returned Decision says why.
        """
        state, version = self._current(congress_id)
        meeting = state.meetings.get(meeting_id)
        if meeting is None:
            refuse("presidium.meeting_unknown", BETWEEN_SESSIONS, meeting_id=meeting_id)
        if decision_id in meeting.decisions:
            refuse("presidium.decision_exists", BETWEEN_SESSIONS, decision_id=decision_id)
        present = len(meeting.held.present)
        if min(yes, no, abstain) < 0 or yes + no + abstain > present:
            refuse("presidium.vote_count", BETWEEN_SESSIONS, marked=yes + no + abstain, present=present)
        rule = self._rule(congress_id, "presidium.decision_majority", meeting.held.on)
        members = len(meeting.held.members)
        required = more_than(rule.value, members)
        decision = Decision.of(_reason(yes >= required, "presidium.decision_majority", rule, yes=yes,
                                       members=members, required=required, subject=subject))  # fmt: skip
        event = PresidiumDecided(
            meeting_id=meeting_id, decision_id=decision_id, subject=subject, members=members, yes=yes, no=no,
            abstain=abstain, passed=decision.ok,
        )  # fmt: skip
        self._append(presidium_stream(congress_id), version, event)
        return decision

    def frequency_check(self, congress_id: str, year: int, *, as_of: datetime.date | None = None) -> Decision:
        """Whether the presidium met as often as the province requires in ``year`` (up to ``as_of``).

        With ``presidium.max_months_between_meetings`` (ZJ 24 ¶1, HN 5 ¶1: 3) the presidium meets
        during every recess 闭会期间 within that many months: the interval runs from a session's
        close, or from the last meeting since, and ends with the next meeting or the opening of the
        next session (the presidium then meets in the session; its close starts a new interval).
        Its last day is counted per CC 201-203 (:meth:`~npcproc.rules.RuleSet.period`). Every
        interval that runs into ``year`` and overran is reported. With
        ``presidium.min_meetings_per_quarter`` (CQ 34 ¶1: 1) every calendar quarter ended by
        ``as_of`` holds that many, from the quarter in which the first presidium was elected.
        """
        end = min(as_of or datetime.date(year, 12, 31), datetime.date(year, 12, 31))
        elected = min((s.opens_on for s in self._with_presidium(congress_id)), default=None)
        if elected is None or elected > end:
            return Decision.of(reason(True, "presidium.not_yet_elected", cite("OL", 19, 1), year=year))
        dates = self.state(congress_id).dates()
        start = max(datetime.date(year, 1, 1), elected)
        during = [d for d in dates if start <= d <= end]
        reasons: list[Reason] = []
        rules = self.rules_for(congress_id, end)
        gap = rules.optional("presidium.max_months_between_meetings")
        if gap is not None:
            reasons += self._gaps(gap, congress_id, dates, end, year)
        quarterly = rules.optional("presidium.min_meetings_per_quarter")
        if quarterly is not None:
            reasons += self._quarters(quarterly, start, during, end, year)
        if not reasons:
            reasons.append(
                reason(True, "presidium.no_frequency_rule", BETWEEN_SESSIONS, year=year, meetings=len(during))
            )
        return Decision.of(*reasons)

    def _gaps(
        self, rule: Rule, congress_id: str, meetings: list[datetime.date], end: datetime.date, year: int
    ) -> list[Reason]:
        months = int(rule.value)
        # The sessions' openings (0) and closes (1) and the meetings (2) up to ``end``, in order;
        # a one-day session opens and closes on the same day, and a meeting that day follows it.
        timeline: list[tuple[datetime.date, int]] = [(d, 2) for d in meetings if d <= end]
        for session in Sessions(self.store, self.rules).of_congress(congress_id):
            if session.opened_on is not None and session.opened_on <= end:
                timeline.append((session.opened_on, 0))
                if session.closed_on is not None and session.closed_on <= end:
                    timeline.append((session.closed_on, 1))
        found: list[Reason] = []
        since: datetime.date | None = None  # the start of the running interval; None during a session

        def overran(following: datetime.date) -> None:
            if since is None:
                return
            due = self.rules.period(since, months=months).date
            if following > due and following.year >= year:
                found.append(_reason(False, "presidium.meeting_gap", rule, last=since.isoformat(), months=months,
                                     next=following.isoformat(), deadline=due.isoformat()))  # fmt: skip

        for day, kind in sorted(timeline):
            if kind == 1:  # a session closes: the recess begins
                since = day
            elif since is not None:  # a session that ends the recess, or a meeting in it
                overran(day)
                since = day if kind == 2 else None
        overran(end)
        held = sum(d.year == year and d <= end for d in meetings)
        return found or [_reason(True, "presidium.meeting_gap_ok", rule, year=year, meetings=held, months=months)]

    @staticmethod
    def _quarters(
        rule: Rule, start: datetime.date, during: list[datetime.date], end: datetime.date, year: int
    ) -> list[Reason]:
        required = int(rule.value)
        found: list[Reason] = []
        for quarter, (month, day) in enumerate(((3, 31), (6, 30), (9, 30), (12, 31)), start=1):
            first, last = datetime.date(year, month - 2, 1), datetime.date(year, month, day)
            if last > end or first < start:  # not over yet, or begun before the first presidium was elected
                continue
            held = sum(first <= d <= last for d in during)
            found.append(_reason(held >= required, "presidium.quarter", rule, year=year, quarter=quarter,
                                 meetings=held, required=required))  # fmt: skip
        return found or [_reason(True, "presidium.no_quarter_ended", rule, year=year, end=end.isoformat())]
