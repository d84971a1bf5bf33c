"""A congress and its terms: deputies in office, their status, posts and absences.

Stream ``congress-<id>``. The state is the fold of its events; commands check the law,
then append.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

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
    StandingCommitteeMembersSet,
    TermBegan,
    UpperDeputiesRecorded,
)
from npcproc.procedures.congress.posts import township_posts_checks
from npcproc.procedures.congress.state import CongressState, congress_stream
from npcproc.rules.decision import Decision

if TYPE_CHECKING:
    from npcproc.calendar import Period

__all__ = [
    "Congresses",
]


class Congresses(Procedure):
    """Record congresses, terms, deputies and their status."""

    def state(self, congress_id: str) -> CongressState:
        state, _version = self._current(congress_id)
        return state

    def _current(self, congress_id: str) -> tuple[CongressState, int]:
        return self._congress(congress_id)

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
