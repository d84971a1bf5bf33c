"""Bodies of deputies a township congress records: its credentials committee and its deputy groups.

**The credentials committee 代表资格审查委员会** (stream ``credentials-<congress>``). The first session of
each term adopts it and it serves for the term (OL 37). Where the province says so, the presidium
nominates it (ZJ 9 (3), CQ 20 ¶2, BJ 15 ¶1, HN 3 (4)), its members are deputies (BJ 15 ¶1, CQ 20 ¶2),
its chair and vice-chair are presidium members (CQ 20 ¶2), it has a chair, a vice-chair and three to
five members (CQ 20 ¶2: ``credentials.*`` parameters), and the term's first session must set one up
(ZJ 13, CQ 20 ¶1, BJ 15 ¶1: ``credentials.committee_required``). It reviews the deputies elected in
by-elections during the term (EL 57 ¶5 by EL 47, CQ 20 ¶1) and reports to the presidium, which confirms
the report (EL 47 ¶2). A deputy is taken as elected in a by-election when the mandate began after the
term's first session opened (the term begins with that session, OL 38); the texts give the review no
period, so a by-elected deputy without a confirmed report is listed (:meth:`CredentialsCommittee.pending`),
never a violation. A county congress's credentials committee is its standing committee's (OL 56): not here.

**Deputy groups 代表小组** (stream ``groups-<congress>``). Where three deputies or more live or work
in one area, they may form a group (OL 43 ¶3: ``deputy_group.min_members``, 以上 inclusive). Where the
province says so, the group's deputies choose a leader from among themselves (CQ 43:
``deputy_group.leader``) and the group is active in every calendar quarter (CQ 43:
``deputy_group.min_activities_per_quarter``), judged by :meth:`DeputyGroups.activity_check`.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

import attrs

from npcproc.model.election import Nominator
from npcproc.model.levels import Level
from npcproc.procedures.base import Procedure, cite, reason, refuse, require
from npcproc.procedures.bodies import messages  # noqa: F401 - defines the message codes used below
from npcproc.procedures.bodies.checks import (
    _QUARTERS,
    by_elected,
    committee_checks,
    first_session_check,
    group_checks,
    quarter_checks,
)
from npcproc.procedures.bodies.events import (
    ActivityHeld,
    CommitteeSetUp,
    CredentialsConfirmed,
    CredentialsReported,
    GroupFormed,
)
from npcproc.procedures.congress.commands import Congresses
from npcproc.procedures.congress.state import CongressState
from npcproc.procedures.folded import fold_log
from npcproc.procedures.session.commands import Sessions
from npcproc.rules.decision import Decision, Reason

__all__ = [
    "CredentialsCommittee",
    "CredentialsState",
    "DeputyGroups",
    "GroupState",
]

#: OL 37: the committee adopted at each term's first session serves for the term.
COMMITTEE = cite("OL", 37)
#: EL 57 ¶5: deputies elected in by-elections are reviewed as EL 47 says.
BY_ELECTION_REVIEW = cite("EL", 57, 5)
#: EL 47 ¶2: the township presidium confirms the deputies' credentials on the committee's report.
CONFIRMATION = cite("EL", 47, 2)
#: OL 43 ¶3: deputy groups of three or more deputies.
GROUPS = cite("OL", 43, 3)


# -- events --------------------------------------------------------------------------------------


# -- states --------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CredentialsState:
    """The credentials committees of a congress by term, and their reports."""

    committees: Mapping[int, CommitteeSetUp] = attrs.field(factory=dict)
    reports: Mapping[str, CredentialsReported] = attrs.field(factory=dict)
    confirmed: Mapping[str, datetime.date] = attrs.field(factory=dict)

    def apply(self, event: object) -> CredentialsState:
        match event:
            case CommitteeSetUp(term=term):
                return attrs.evolve(self, committees={**self.committees, term: event})
            case CredentialsReported(report_id=report_id):
                return attrs.evolve(self, reports={**self.reports, report_id: event})
            case CredentialsConfirmed(report_id=report_id, on=on):
                return attrs.evolve(self, confirmed={**self.confirmed, report_id: on})
        raise TypeError(f"a credentials stream cannot hold {type(event).__name__}")

    def reviewed(self, on: datetime.date) -> frozenset[str]:
        """The deputies a report confirmed by ``on`` covers."""
        return frozenset(d for rid, r in self.reports.items() if self.confirmed.get(rid, on + _DAY) <= on
                         for d in r.deputies)  # fmt: skip


_DAY = datetime.timedelta(days=1)


@attrs.frozen(kw_only=True)
class GroupState:
    """A deputy group and its activities."""

    formed: GroupFormed
    activities: Mapping[str, ActivityHeld] = attrs.field(factory=dict)


#: The fold of the stream, from an empty CredentialsState.
_fold = fold_log(CredentialsState)


def _fold_groups(events: Sequence[object]) -> dict[str, GroupState]:
    groups: dict[str, GroupState] = {}
    for event in events:
        match event:
            case GroupFormed(group_id=group_id):
                groups[group_id] = GroupState(formed=event)
            case ActivityHeld(group_id=group_id, activity_id=activity_id):
                group = groups[group_id]
                groups[group_id] = attrs.evolve(group, activities={**group.activities, activity_id: event})
            case _:
                raise TypeError(f"a deputy-group stream cannot hold {type(event).__name__}")
    return groups


# -- the checks, shared by the procedures and the audit of a record ----------------------------------


# -- the procedures ------------------------------------------------------------------------------


class CredentialsCommittee(Procedure):
    """Set up a township congress's credentials committee at its term's first session, and record its reports."""

    def state(self, congress_id: str) -> CredentialsState:
        return self._current(congress_id)[0]

    def _current(self, congress_id: str) -> tuple[CredentialsState, int]:
        return self._congress_log(congress_id, f"credentials-{congress_id}", _fold)

    def _first_session(self, congress: CongressState, term: int) -> str | None:
        return next((s.session_id for s in congress.sessions if s.term == term), None)

    def set_up(
        self, congress_id: str, session_id: str, *, on: datetime.date, chair: str = "",
        vice_chairs: Sequence[str] = (), members: Sequence[str] = (), nominated_by: Nominator = Nominator.PRESIDIUM,
    ) -> Decision:  # fmt: skip
        """The session adopts the credentials committee (OL 37); refused, recording nothing, at a county congress
        (OL 56 ¶1: the standing committee's), at a session that is not open on ``on`` or not the term's first, a
        second time in a term, or where the committee breaks the province's rules (:func:`committee_checks`)."""
        state, version = self._current(congress_id)
        congress = Congresses(self.store, self.rules).state(congress_id)
        if congress.congress.level is not Level.TOWNSHIP:
            refuse("credentials.township", cite("OL", 56, 1), level=congress.congress.level.value)
        session = Sessions(self.store, self.rules).state(session_id)
        if (
            session.congress_id != congress_id
            or session.opened_on is None
            or not (session.opened_on <= on and (session.closed_on is None or on <= session.closed_on))
        ):
            refuse("credentials.session_open", COMMITTEE, session_id=session_id, on=on.isoformat())
        if self._first_session(congress, session.term) != session_id:
            refuse("credentials.first_session", COMMITTEE, session_id=session_id, term=session.term)
        if session.term in state.committees:
            refuse("credentials.exists", COMMITTEE, term=session.term)
        everyone = [p for p in (chair, *vice_chairs, *members) if p]
        if len(set(everyone)) != len(everyone):
            refuse("credentials.twice", COMMITTEE, people="、".join(everyone))
        rules = self.rules_for(congress_id, on)
        decision = Decision.of(*committee_checks(
            rules, chair=chair, vice_chairs=vice_chairs, members=members, nominated_by=nominated_by,
            in_office=congress.in_office(on, session.term), presidium=session.presidium, on=on,
        ))  # fmt: skip
        require(decision)
        event = CommitteeSetUp(congress_id=congress_id, term=session.term, session_id=session_id, on=on,
                               nominated_by=nominated_by, chair=chair, vice_chairs=tuple(vice_chairs),
                               members=tuple(members))  # fmt: skip
        self._append(f"credentials-{congress_id}", version, event)
        return decision

    def first_session_check(self, congress_id: str, term: int | None = None) -> Decision:
        """Whether the term's first session set up the committee where the province requires it (ZJ 13, CQ 20 ¶1,
        BJ 15 ¶1), judged by the rules in force on the session's close; nothing to judge before it closed."""
        congress = Congresses(self.store, self.rules).state(congress_id)
        term = congress.current_term if term is None else term
        first = self._first_session(congress, term)
        closed_on = None if first is None else Sessions(self.store, self.rules).state(first).closed_on
        if first is None or closed_on is None or congress.congress.level is not Level.TOWNSHIP:
            return Decision.of(reason(True, "credentials.not_judged", COMMITTEE, term=term))
        set_up = term in self.state(congress_id).committees
        checks = first_session_check(self.rules_for(congress_id, closed_on), session_id=first, term=term,
                                     set_up=set_up)  # fmt: skip
        return Decision.of(*checks) if checks else Decision.of(reason(True, "credentials.not_judged", COMMITTEE,
                                                                      term=term))  # fmt: skip

    def report(
        self, congress_id: str, report_id: str, *, on: datetime.date, deputies: Sequence[str],
        invalid: Sequence[str] = (),
    ) -> None:  # fmt: skip
        """The committee reports to the presidium on deputies elected in by-elections during its term (EL 57 ¶5,
        CQ 20 ¶1); refused without a committee of the current term, for a deputy not elected in a by-election of
        the term, and for an invalid election of a deputy the report does not cover."""
        state, version = self._current(congress_id)
        congress = Congresses(self.store, self.rules).state(congress_id)
        term = congress.current_term
        committee = state.committees.get(term)
        if committee is None or on < committee.on:
            refuse("credentials.no_committee", COMMITTEE, term=term, on=on.isoformat())
        if report_id in state.reports:
            refuse("credentials.report_exists", BY_ELECTION_REVIEW, report_id=report_id)
        if not deputies:
            refuse("credentials.report_empty", BY_ELECTION_REVIEW, report_id=report_id)
        elected = set(self.by_elected(congress_id, term))
        for deputy in deputies:
            if deputy not in elected or congress.deputies[deputy].status_history[0].on > on:
                refuse("credentials.not_by_elected", BY_ELECTION_REVIEW, deputy_id=deputy, term=term)
        for deputy in invalid:
            if deputy not in deputies:
                refuse("credentials.invalid_not_reviewed", BY_ELECTION_REVIEW, deputy_id=deputy)
        event = CredentialsReported(report_id=report_id, term=term, on=on, deputies=tuple(deputies),
                                    invalid=tuple(invalid))  # fmt: skip
        self._append(f"credentials-{congress_id}", version, event)

    def confirm(self, congress_id: str, report_id: str, *, on: datetime.date) -> None:
        """The presidium confirms the committee's report (EL 47 ¶2): refused for an unknown report, one already
        confirmed, or a day before the report."""
        state, version = self._current(congress_id)
        found = state.reports.get(report_id)
        if found is None:
            refuse("credentials.report_unknown", CONFIRMATION, report_id=report_id)
        if report_id in state.confirmed:
            refuse("credentials.confirmed_twice", CONFIRMATION, report_id=report_id)
        if on < found.on:
            refuse("credentials.confirm_date", CONFIRMATION, report_id=report_id, on=on.isoformat(),
                   reported=found.on.isoformat())  # fmt: skip
        self._append(f"credentials-{congress_id}", version, CredentialsConfirmed(report_id=report_id, on=on))

    def by_elected(self, congress_id: str, term: int | None = None) -> tuple[str, ...]:
        """The deputies of ``term`` (default: the current one) elected in by-elections during it."""
        congress = Congresses(self.store, self.rules).state(congress_id)
        term = congress.current_term if term is None else term
        first = self._first_session(congress, term)
        opened = None if first is None else Sessions(self.store, self.rules).state(first).opened_on
        return by_elected(congress, term, opened)

    def pending(self, congress_id: str, *, on: datetime.date) -> tuple[str, ...]:
        """The deputies elected in by-elections of the current term by ``on`` whose credentials no confirmed
        report covers yet. The texts set no period, so this is a list of work outstanding, not a violation."""
        congress = Congresses(self.store, self.rules).state(congress_id)
        reviewed = self.state(congress_id).reviewed(on)
        return tuple(d for d in self.by_elected(congress_id)
                     if congress.deputies[d].status_history[0].on <= on and d not in reviewed)  # fmt: skip


class DeputyGroups(Procedure):
    """Form deputy groups 代表小组, record their activities, and check how often they are active."""

    def groups(self, congress_id: str) -> dict[str, GroupState]:
        return self._current(congress_id)[0]

    def _current(self, congress_id: str) -> tuple[dict[str, GroupState], int]:
        return self._congress_log(congress_id, f"groups-{congress_id}", _fold_groups)

    def form(
        self, congress_id: str, group_id: str, *, on: datetime.date, members: Sequence[str], leader: str = "",
        vice_leaders: Sequence[str] = (), name: str = "",
    ) -> Decision:  # fmt: skip
        """Record a group of deputies in office on ``on``; refused, recording nothing, for a known group, a member
        who is not a deputy in office, fewer members than OL 43 ¶3 allows, or, where the province says so, no leader
        chosen from among the members (CQ 43)."""
        groups, version = self._current(congress_id)
        if group_id in groups:
            refuse("deputy_group.exists", GROUPS, group_id=group_id)
        congress = Congresses(self.store, self.rules).state(congress_id)
        in_office = set(congress.in_office(on))
        members = tuple(dict.fromkeys(members))
        require(Decision.of(*(reason(False, "deputy.not_in_office", GROUPS, deputy_id=m, on=on.isoformat())
                              for m in members if m not in in_office)))  # fmt: skip
        decision = Decision.of(*group_checks(self.rules_for(congress_id, on), members=members, leader=leader,
                                             vice_leaders=vice_leaders))  # fmt: skip
        require(decision)
        event = GroupFormed(congress_id=congress_id, group_id=group_id, name=name or group_id, on=on, members=members,
                            leader=leader, vice_leaders=tuple(vice_leaders))  # fmt: skip
        self._append(f"groups-{congress_id}", version, event)
        return decision

    def record_activity(
        self, congress_id: str, group_id: str, activity_id: str, *, on: datetime.date, present: Sequence[str],
        subject: str = "", guests: Sequence[str] = (),
    ) -> None:  # fmt: skip
        """An activity of the group with the members who took part (one at least) and any guests; refused for an
        unknown group or activity already recorded, a day before the group was formed, or a participant who is not
        a member (a guest is named among ``guests``)."""
        groups, version = self._current(congress_id)
        group = groups.get(group_id)
        if group is None:
            refuse("deputy_group.unknown", GROUPS, group_id=group_id)
        if activity_id in group.activities:
            refuse("deputy_group.activity_exists", GROUPS, activity_id=activity_id)
        if on < group.formed.on:
            refuse("deputy_group.activity_date", GROUPS, on=on.isoformat(), formed=group.formed.on.isoformat())
        present = tuple(dict.fromkeys(present))
        for person in present:
            if person not in group.formed.members:
                refuse("deputy_group.not_member", GROUPS, person=person, group_id=group_id)
        if not present:
            refuse("deputy_group.activity_empty", GROUPS, activity_id=activity_id)
        event = ActivityHeld(group_id=group_id, activity_id=activity_id, on=on, subject=subject, present=present,
                             guests=tuple(guests))  # fmt: skip
        self._append(f"groups-{congress_id}", version, event)

    def activity_check(self, congress_id: str, year: int, *, as_of: datetime.date | None = None) -> Decision:
        """Whether each group was active as often as the province requires (CQ 43: once every calendar quarter)
        in each quarter of ``year`` over by ``as_of`` and begun after it was formed, by the rules in force at the
        quarter's end. Nothing to judge where no province says how often."""
        end = min(as_of or datetime.date(year, 12, 31), datetime.date(year, 12, 31))
        reasons: list[Reason] = []
        for group in self.groups(congress_id).values():
            for quarter, (month, day) in enumerate(_QUARTERS, start=1):
                last = datetime.date(year, month, day)
                rule = self.rules_for(congress_id, last).optional("deputy_group.min_activities_per_quarter")
                if rule is None or last > end:
                    continue
                found = quarter_checks(
                    rule,
                    group_id=group.formed.group_id,
                    formed_on=group.formed.on,
                    activities=[a.on for a in group.activities.values()],
                    year=year,
                    end=end,
                )
                reasons += [r for r in found if r.values["quarter"] == quarter]  # fmt: skip
        return Decision.of(*reasons) if reasons else Decision.of(reason(True, "deputy_group.not_judged", GROUPS,
                                                                        year=year))  # fmt: skip
