"""A congress and its terms: deputies in office, their status, posts and absences.

Stream ``congress-<id>``. The state is the fold of its events; commands check the law,
then append.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from npcproc.model.congress import Congress, Deputy, DeputyStatus, StatusChange
from npcproc.model.election import Office
from npcproc.model.levels import Level
from npcproc.procedures.base import Procedure, cite, reason, refuse
from npcproc.procedures.congress.events import (
    AbsenceRecorded,
    AdministrativePostRecorded,
    CongressEstablished,
    DeputyElected,
    DeputyStatusChanged,
    HeadsRecorded,
    PostTaken,
    PostVacated,
    ResignationAccepted,
    ResignationVoted,
    SessionScheduled,
    StandingCommitteeMembersSet,
    TermBegan,
    UpperDeputiesRecorded,
)
from npcproc.procedures.congress.posts import township_posts_checks
from npcproc.rules.decision import Decision
from npcproc.rules.parameters import CongressFacts
from npcproc.rules.ruleset import RuleSet

if TYPE_CHECKING:
    from npcproc.calendar import Period

__all__ = ["CongressState", "Congresses", "congress_stream"]


def congress_stream(congress_id: str) -> str:
    return f"congress-{congress_id}"


@attrs.frozen(kw_only=True)
class CongressState:
    """What the records say about a congress."""

    congress: Congress
    terms: Mapping[int, datetime.date] = attrs.field(factory=dict)  # term -> deputy elections completed
    deputies: Mapping[str, Deputy] = attrs.field(factory=dict)
    administrative_posts: frozenset[str] = frozenset()
    administrative_history: Mapping[str, tuple[tuple[datetime.date, bool], ...]] = attrs.field(factory=dict)
    standing_committee: Mapping[int, tuple[str, ...]] = attrs.field(factory=dict)
    absences: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)  # deputy -> sessions missed without leave
    sessions: tuple[SessionScheduled, ...] = ()
    posts: Mapping[Office, tuple[str, ...]] = attrs.field(factory=dict)
    full_time: frozenset[tuple[Office, str]] = frozenset()  # posts held full-time 专职 (ZJ 11 ¶1, BJ 20 ¶1)
    #: resignations the presidium accepted between sessions, not yet put to the congress (CQ 32 (10))
    unconfirmed_resignations: frozenset[tuple[Office, str]] = frozenset()
    resignation_votes: tuple[ResignationVoted, ...] = ()
    #: the deputies to upper-level congresses elected in the area, as last recorded (ZJ 21 ¶2)
    upper_deputies: tuple[str, ...] = ()

    def holders(self, office: Office, on: datetime.date) -> tuple[str, ...]:
        """Who holds ``office`` on ``on``; a post held from among the deputies ends with the mandate (EL 54, 56)."""
        held = self.posts.get(office, ())
        if not office.deputies_only:
            return held
        return tuple(h for h in held if h in self.deputies and self.deputies[h].in_office_on(on))

    def full_time_holders(self, office: Office, on: datetime.date) -> dict[str, bool]:
        """Who holds ``office`` on ``on``, each mapped to whether the post is held full-time 专职."""
        return {holder: (office, holder) in self.full_time for holder in self.holders(office, on)}

    def holds_administrative_post(self, deputy_id: str, on: datetime.date) -> bool:
        """Whether the deputy held a post in a state administrative organ on ``on`` (OL 18 ¶2), by the latest
        record of taking up or leaving one dated on or before that day."""
        held = False
        for day, holds in sorted(self.administrative_history.get(deputy_id, ()), key=lambda change: change[0]):
            if day <= on:
                held = holds
        return held

    @property
    def current_term(self) -> int:
        return max(self.terms, default=0)

    def facts(self, on: datetime.date | None = None) -> CongressFacts:
        """What the rules of this congress depend on: level, population, designations and, on ``on``,
        the deputies in office and the settings in force (unknown without a day)."""
        congress = self.congress
        deputies = None if on is None else len(self.in_office(on))
        return CongressFacts(level=congress.level, population=congress.population, deputies=deputies,
                             designations=congress.designations, on=on)  # fmt: skip

    def rules(self, rules: RuleSet, on: datetime.date | None = None) -> RuleSet:
        """``rules`` resolved for this congress (on ``on``, for rules that depend on the deputies in office)."""
        return rules.for_congress(self.facts(on))

    def in_office(self, on: datetime.date, term: int | None = None) -> tuple[str, ...]:
        """Ids of the deputies in office on ``on`` (of ``term``, default the current one)."""
        wanted = self.current_term if term is None else term
        return tuple(d.id for d in self.deputies.values() if d.term == wanted and d.in_office_on(on))

    def apply(self, event: object) -> CongressState:
        match event:
            case TermBegan(term=term, elections_completed_on=on):
                return attrs.evolve(self, terms={**self.terms, term: on})
            case DeputyElected(deputy_id=deputy_id, name=name, term=term, on=on):
                deputy = Deputy.elected(id=deputy_id, name=name, congress_id=self.congress.id, term=term, on=on)
                return attrs.evolve(self, deputies={**self.deputies, deputy_id: deputy})
            case DeputyStatusChanged(deputy_id=deputy_id, change=change):
                deputy = self.deputies[deputy_id].with_status(change)
                return attrs.evolve(self, deputies={**self.deputies, deputy_id: deputy})
            case AdministrativePostRecorded(deputy_id=deputy_id, holds=holds, on=on):
                posts = self.administrative_posts | {deputy_id} if holds else self.administrative_posts - {deputy_id}
                history = (*self.administrative_history.get(deputy_id, ()), (on, holds))
                return attrs.evolve(
                    self,
                    administrative_posts=posts,
                    administrative_history={**self.administrative_history, deputy_id: history},
                )
            case HeadsRecorded(heads=heads, deputy_heads=deputy_heads):
                replaced = {Office.TOWNSHIP_HEAD: heads, Office.DEPUTY_TOWNSHIP_HEAD: deputy_heads}
                return attrs.evolve(self, posts={**self.posts, **replaced})
            case UpperDeputiesRecorded(names=names):
                return attrs.evolve(self, upper_deputies=names)
            case StandingCommitteeMembersSet(term=term, members=members):
                return attrs.evolve(self, standing_committee={**self.standing_committee, term: members})
            case PostTaken(office=office, holder_id=holder, full_time=full_time):
                held = self.full_time | {(office, holder)} if full_time else self.full_time - {(office, holder)}
                taken = {**self.posts, office: (*self.posts.get(office, ()), holder)}
                return attrs.evolve(self, posts=taken, full_time=held)
            case ResignationAccepted(accepted_by="presidium", office=office, holder_id=holder):
                return attrs.evolve(self, unconfirmed_resignations=self.unconfirmed_resignations | {(office, holder)})
            case ResignationAccepted():
                return self
            case ResignationVoted(confirming=confirming, office=office, holder_id=holder):
                pending = self.unconfirmed_resignations
                if confirming and office is not None:
                    pending = pending - {(office, holder)}
                return attrs.evolve(
                    self, unconfirmed_resignations=pending, resignation_votes=(*self.resignation_votes, event)
                )
            case PostVacated(office=office, holder_id=holder):
                remaining = tuple(h for h in self.posts.get(office, ()) if h != holder)
                return attrs.evolve(
                    self, posts={**self.posts, office: remaining}, full_time=self.full_time - {(office, holder)}
                )
            case SessionScheduled():
                return attrs.evolve(self, sessions=(*self.sessions, event))
            case AbsenceRecorded(deputy_id=deputy_id, session_id=session_id):
                missed = (*self.absences.get(deputy_id, ()), session_id)
                return attrs.evolve(self, absences={**self.absences, deputy_id: missed})
        raise TypeError(f"a congress stream cannot hold {type(event).__name__}")


def fold_congress(events: Sequence[object]) -> CongressState | None:
    if not events:
        return None
    first = events[0]
    assert isinstance(first, CongressEstablished)
    congress = Congress(
        id=first.congress_id, name=first.name, level=first.level, division_code=first.division_code,
        population=first.population, deputy_quota=first.deputy_quota, designations=first.designations,
        ethnic_minority=first.ethnic_minority,
    )  # fmt: skip
    state = CongressState(congress=congress)
    for event in events[1:]:
        state = state.apply(event)
    return state


class Congresses(Procedure):
    """Record congresses, terms, deputies and their status."""

    def state(self, congress_id: str) -> CongressState:
        state, _version = self._current(congress_id)
        return state

    def _current(self, congress_id: str) -> tuple[CongressState, int]:
        state, version = self._load(congress_stream(congress_id), fold_congress)
        if state is None:
            refuse("congress.unknown", cite("OL", 2), congress_id=congress_id)
        return state, version

    def establish(self, congress: Congress) -> CongressState:
        """Record a congress (a township or county people's congress)."""
        stream = congress_stream(congress.id)
        if self.store.stream_version(stream):
            refuse("congress.exists", cite("OL", 2), congress_id=congress.id)
        self._append(
            stream, 0,
            CongressEstablished(
                congress_id=congress.id, name=congress.name, level=congress.level,
                division_code=congress.division_code, population=congress.population,
                deputy_quota=congress.deputy_quota, designations=congress.designations,
                ethnic_minority=congress.ethnic_minority,
            ),
        )  # fmt: skip
        return self.state(congress.id)

    def begin_term(self, congress_id: str, term: int, *, elections_completed_on: datetime.date) -> None:
        """A new term 届: its deputy elections were completed on ``elections_completed_on`` (OL 20 counts from here)."""
        state, version = self._current(congress_id)
        if term != state.current_term + 1:
            refuse("term.unknown", cite("OL", 9), congress_id=congress_id, term=term)
        self._append(
            congress_stream(congress_id), version,
            TermBegan(congress_id=congress_id, term=term, elections_completed_on=elections_completed_on),
        )  # fmt: skip

    def elect_deputies(self, congress_id: str, names: Mapping[str, str], *, term: int, on: datetime.date) -> None:
        """Deputies ``{id: name}`` of ``term`` whose mandate begins ``on`` (DL 2)."""
        state, version = self._current(congress_id)
        if term not in state.terms:
            refuse("term.unknown", cite("OL", 9), congress_id=congress_id, term=term)
        for deputy_id in names:
            if deputy_id in state.deputies:
                refuse("deputy.exists", cite("DL", 2), deputy_id=deputy_id)
        events = [
            DeputyElected(congress_id=congress_id, term=term, deputy_id=deputy_id, name=name, on=on)
            for deputy_id, name in names.items()
        ]
        self._append(congress_stream(congress_id), version, *events)

    def change_status(self, congress_id: str, deputy_id: str, change: StatusChange) -> None:
        """A deputy goes on leave, returns, resigns, is recalled, dies or loses the mandate (DL 62).

        A township deputy's resignation takes effect only when the congress accepts it by vote
        (EL 55 ¶2 "须经人民代表大会过半数的代表通过"): it is refused here, and recorded by
        :meth:`Recalls.accept_deputy_resignation <npcproc.procedures.Recalls.accept_deputy_resignation>`.
        """
        state, version = self._current(congress_id)
        if change.status is DeputyStatus.RESIGNED and state.congress.level is Level.TOWNSHIP:
            refuse("deputy.resignation_by_vote", cite("EL", 55, 2), deputy_id=deputy_id)
        self._record_status(congress_id, deputy_id, change, state, version)

    def record_past_status(self, congress_id: str, deputy_id: str, change: StatusChange) -> None:
        """A status change as a record file reports it, for ``npcproc import``: a township resignation the
        record says took effect is taken as accepted, the record format holding no acceptance vote (EL 55 ¶2)."""
        state, version = self._current(congress_id)
        self._record_status(congress_id, deputy_id, change, state, version)

    def _record_status(
        self, congress_id: str, deputy_id: str, change: StatusChange, state: CongressState, version: int
    ) -> None:
        deputy = self._deputy(state, deputy_id)
        last = deputy.status_history[-1]
        if change.on < last.on or not last.status.in_office:
            refuse("deputy.status_order", cite("DL", 62), deputy_id=deputy_id, last=last.on.isoformat())
        self._append(
            congress_stream(congress_id), version,
            DeputyStatusChanged(congress_id=congress_id, deputy_id=deputy_id, change=change),
        )  # fmt: skip

    def record_administrative_post(self, congress_id: str, deputy_id: str, *, holds: bool, on: datetime.date) -> None:
        """A deputy takes up or leaves a post in a state administrative organ (OL 18 ¶2)."""
        state, version = self._current(congress_id)
        self._deputy(state, deputy_id)
        self._append(
            congress_stream(congress_id), version,
            AdministrativePostRecorded(congress_id=congress_id, deputy_id=deputy_id, holds=holds, on=on),
        )  # fmt: skip

    def record_upper_deputies(self, congress_id: str, names: Sequence[str], *, on: datetime.date) -> None:
        """The deputies to upper-level congresses elected in the congress's area, as known on ``on``; the list
        replaces the last one. A township session invites them to attend where the province says so (ZJ 21 ¶2)."""
        _state, version = self._current(congress_id)
        event = UpperDeputiesRecorded(congress_id=congress_id, names=tuple(dict.fromkeys(names)), on=on)
        self._append(congress_stream(congress_id), version, event)

    def record_heads(
        self, congress_id: str, *, heads: Sequence[str], deputy_heads: Sequence[str], on: datetime.date
    ) -> None:
        """The township head and deputy heads (乡长、副乡长，镇长、副镇长) in office as known on ``on``, such as those a
        congress elected before its records here begin; they replace the holders of those two posts on record.
        Where the province says so, each of them who is not a deputy in office attends every session
        (:meth:`Sessions.open <npcproc.procedures.Sessions.open>`; CQ 13 ¶1, SD 13). An election adds the holders it
        seats to those on record and none leaves the post by it, so once a term's first session has elected the
        government anew, record the heads again to drop the outgoing ones (``npcproc import`` does). A county
        congress has no such posts and is refused."""
        state, version = self._current(congress_id)
        if state.congress.level is not Level.TOWNSHIP:
            refuse("election.office_level", cite("OL", 12), office=Office.TOWNSHIP_HEAD.value,
                   level=state.congress.level.value)  # fmt: skip
        event = HeadsRecorded(congress_id=congress_id, heads=tuple(dict.fromkeys(heads)),
                              deputy_heads=tuple(dict.fromkeys(deputy_heads)), on=on)  # fmt: skip
        self._append(congress_stream(congress_id), version, event)

    def set_standing_committee(self, congress_id: str, *, term: int, members: Sequence[str]) -> None:
        """The members of a county congress's standing committee for ``term`` (OL 11 (4))."""
        state, version = self._current(congress_id)
        for member in members:
            self._deputy(state, member)
        self._append(
            congress_stream(congress_id), version,
            StandingCommitteeMembersSet(congress_id=congress_id, term=term, members=tuple(members)),
        )  # fmt: skip

    def record_absences(self, congress_id: str, session_id: str, absent: Sequence[str], *, on: datetime.date) -> None:
        """Deputies who missed ``session_id`` without leave; a second such absence ends the mandate (DL 62 (3))."""
        state, version = self._current(congress_id)
        limit = int(self.rules.value("deputy.unexcused_absences_end_mandate"))
        events: list[object] = []
        for deputy_id in absent:
            if session_id in state.absences.get(deputy_id, ()):
                continue  # already recorded: closing is retried, not repeated
            events.append(AbsenceRecorded(congress_id=congress_id, deputy_id=deputy_id, session_id=session_id))
            deputy = self._deputy(state, deputy_id)
            if len(state.absences.get(deputy_id, ())) + 1 >= limit and deputy.status_history[-1].status.in_office:
                ended = StatusChange(status=DeputyStatus.ENDED, on=on, note=f"DL 62 (3): absent from {limit} sessions")
                events.append(DeputyStatusChanged(congress_id=congress_id, deputy_id=deputy_id, change=ended))
        if events:
            self._append(congress_stream(congress_id), version, *events)

    def posts_check(self, congress_id: str, *, on: datetime.date) -> Decision:
        """The township chair and vice-chair posts held on ``on``, judged by the rules in force for the congress:
        vice-chairs at least (SD 5 ¶1), a full-time chair (ZJ 11 ¶1, HN 6 ¶1), full-time vice-chairs (ZJ 11 ¶1)
        and full-time holders among them all (BJ 20 ¶1). A county congress has no such posts: nothing to judge.

        :meth:`Elections.count <npcproc.procedures.Elections.count>` gives this decision for the posts it fills.
        """
        state = self.state(congress_id)
        if state.congress.level is not Level.TOWNSHIP:
            return Decision.of(reason(True, "posts.not_township", cite("OL", 18, 1), level=state.congress.level.value))
        chairs = state.full_time_holders(Office.TOWNSHIP_CHAIR, on)
        vice_chairs = state.full_time_holders(Office.TOWNSHIP_VICE_CHAIR, on)
        return Decision.of(*township_posts_checks(state.rules(self.rules, on), chairs, vice_chairs))

    def _deputy(self, state: CongressState, deputy_id: str) -> Deputy:
        deputy = state.deputies.get(deputy_id)
        if deputy is None:
            refuse("deputy.unknown", cite("DL", 2), deputy_id=deputy_id)
        return deputy


def first_session_deadline(period: Period, elections_completed_on: datetime.date, months: int) -> datetime.date:
    """OL 20: the last day for a term's first session, ``months`` after the elections counted by ``period``
    (:meth:`~npcproc.rules.RuleSet.period`: CC 201-203, a last day on a rest day moves to the next working day)."""
    return period(elections_completed_on, months=months).date
