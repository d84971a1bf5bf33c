"""A session's deliberation groups 代表团（组） and the meetings held around them (DL 14; SD 10-12).

Stream ``session-groups-<session>``. The deputies of a session meet in plenary and in groups (DL 14 ¶2
"参加大会全体会议、代表团全体会议、小组会议"; SD 10). A group is formed for one session, while it sits: its
members are deputies of the session's congress in office that day (DL 14 ¶1 "组成代表团"). Its meetings fall
within the session's sitting days and deliberate items of the session (agenda items or bills, DL 14 ¶2).

What a province adds, checked by the rules resolved for the congress (a township regulation never binds a
county congress):

* SD 11 "由各代表团（组）推选的一至二名召集人主持": one or two conveners per group
  (``session_group.conveners.min`` / ``.max``; a group with none or three is refused), and a group meeting
  presided over by one of them where the record names who presided (``session_group.presided_by_convener``);
* SD 11 "代表团（组）会议对议案或者有关报告进行审议的时候，乡镇人民政府应当派人到会": a group meeting that
  deliberates an item has someone the government sent (``session_group.government_attends``);
* SD 12: the chair and vice-chairs **may** meet the groups' conveners (召集人会议), or the deputies the groups
  choose on a major special question (专门性问题); at the latter "乡镇人民政府应当派人参加会议"
  (``session_group.special_meeting_government``). What the meeting found is reported to the presidium
  ("应当向主席团报告"); the text sets no time, so an unreported meeting is listed
  (:meth:`SessionGroups.unreported`), never a violation.

A meeting is a fact: it is recorded even where a province's rule was not followed, and the command returns the
Decision with the failing reason (as :meth:`SessionGroups.check` and ``npcproc check`` report it). Forming a
group is an act of the session: a group the rules do not allow is refused and nothing is recorded.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Mapping, Sequence

import attrs

from npcproc.procedures.base import Procedure, cite, reason, refuse, require, ruled
from npcproc.procedures.congress.commands import Congresses
from npcproc.procedures.folded import fold_log
from npcproc.procedures.session.commands import Sessions
from npcproc.procedures.session.state import SessionState
from npcproc.procedures.session_groups import messages  # noqa: F401 - defines the message codes used below
from npcproc.procedures.session_groups.events import (
    ConvenersMeetingHeld,
    GroupMeetingHeld,
    MeetingKind,
    SessionGroupFormed,
)
from npcproc.rules.decision import Decision, Reason
from npcproc.rules.logic import Rule
from npcproc.rules.ruleset import RuleSet

__all__ = [
    "SessionGroups",
    "SessionGroupsState",
    "conveners_meeting_checks",
    "formation_checks",
    "meeting_checks",
]

#: DL 14 ¶1: deputies form delegations (代表团).
GROUPS = cite("DL", 14, 1)
#: DL 14 ¶2: deputies attend the plenary, delegation and group meetings and deliberate the session's items.
MEETINGS = cite("DL", 14, 2)


# -- events --------------------------------------------------------------------------------------


# -- state ---------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SessionGroupsState:
    """The groups of one session, their meetings and the conveners' meetings."""

    groups: Mapping[str, SessionGroupFormed] = attrs.field(factory=dict)
    meetings: Mapping[str, GroupMeetingHeld] = attrs.field(factory=dict)
    conveners_meetings: Mapping[str, ConvenersMeetingHeld] = attrs.field(factory=dict)

    def apply(self, event: object) -> SessionGroupsState:
        match event:
            case SessionGroupFormed(group_id=group_id):
                return attrs.evolve(self, groups={**self.groups, group_id: event})
            case GroupMeetingHeld(meeting_id=meeting_id):
                return attrs.evolve(self, meetings={**self.meetings, meeting_id: event})
            case ConvenersMeetingHeld(meeting_id=meeting_id):
                return attrs.evolve(self, conveners_meetings={**self.conveners_meetings, meeting_id: event})
        raise TypeError(f"a session-groups stream cannot hold {type(event).__name__}")

    @property
    def conveners(self) -> frozenset[str]:
        return frozenset(c for g in self.groups.values() for c in g.conveners)

    @property
    def members(self) -> frozenset[str]:
        return frozenset(m for g in self.groups.values() for m in g.members)


#: The fold of the stream, from an empty SessionGroupsState.
_fold = fold_log(SessionGroupsState)


# -- the checks, shared by the procedure and the audit of a record -----------------------------------


def _flag(rules: RuleSet, name: str) -> Rule | None:
    rule = rules.optional(name)
    return rule if rule is not None and rule.value else None


def formation_checks(rules: RuleSet, *, group_id: str, conveners: Sequence[str]) -> list[Reason]:
    """SD 11 一至二名召集人: as many conveners as the province allows (nothing to judge where none says)."""
    checks: list[Reason] = []
    for name, code, least in (
        ("session_group.conveners.min", "session_group.conveners_min", True),
        ("session_group.conveners.max", "session_group.conveners_max", False),
    ):
        if (rule := rules.optional(name)) is not None:
            held = len(conveners)
            ok = held >= rule.value if least else held <= rule.value
            checks.append(ruled(ok, code, rule, group_id=group_id, held=held, required=rule.value))
    return checks


def meeting_checks(
    rules: RuleSet, *, meeting_id: str, conveners: Collection[str], presided_by: str, items: Sequence[str],
    government: Sequence[str],
) -> list[Reason]:  # fmt: skip
    """SD 11: the meeting is presided over by one of the group's conveners (judged where ``presided_by`` names who
    presided), and one that deliberates an item has someone the township government sent."""
    checks: list[Reason] = []
    if presided_by and (rule := _flag(rules, "session_group.presided_by_convener")) is not None:
        checks.append(ruled(presided_by in conveners, "session_group.presided_by", rule, meeting_id=meeting_id,
                            person=presided_by))  # fmt: skip
    if items and (rule := _flag(rules, "session_group.government_attends")) is not None:
        checks.append(ruled(bool(government), "session_group.government", rule, meeting_id=meeting_id,
                            items="、".join(items)))  # fmt: skip
    return checks


def conveners_meeting_checks(
    rules: RuleSet, *, meeting_id: str, kind: MeetingKind, government: Sequence[str]
) -> list[Reason]:
    """SD 12: at a meeting on a special question the township government sends someone."""
    if kind is not MeetingKind.SPECIAL or (rule := _flag(rules, "session_group.special_meeting_government")) is None:
        return []
    return [ruled(bool(government), "session_group.special_government", rule, meeting_id=meeting_id)]


def sitting(session: SessionState, on: datetime.date) -> bool:
    """Whether ``session`` sits on ``on``: opened by then and not closed before."""
    opened, closed = session.opened_on, session.closed_on
    return opened is not None and opened <= on and (closed is None or on <= closed)


def deliberable(session: SessionState) -> frozenset[str]:
    """What a group may deliberate (DL 14 ¶2 列入会议议程的各项议案、报告): the agenda items and the bills."""
    return session.agenda_ids | frozenset(session.bills)


# -- the procedure -------------------------------------------------------------------------------


class SessionGroups(Procedure):
    """Form a session's deliberation groups and record their meetings and the conveners' meetings."""

    def state(self, session_id: str) -> SessionGroupsState:
        return self._current(session_id)[0]

    def _current(self, session_id: str) -> tuple[SessionGroupsState, int]:
        return self._load(f"session-groups-{session_id}", _fold)

    def _session(self, session_id: str, on: datetime.date) -> SessionState:
        session = Sessions(self.store, self.rules).state(session_id)  # refuses an unknown session
        if not sitting(session, on):
            refuse("session_group.sitting", MEETINGS, session_id=session_id, on=on.isoformat())
        return session

    def form(
        self, session_id: str, group_id: str, *, on: datetime.date, members: Sequence[str],
        conveners: Sequence[str] = (), name: str = "",
    ) -> Decision:  # fmt: skip
        """Form a group of the session on a day it sits; refused, recording nothing, for a known group, no member,
        a member who is not a deputy of the congress in office on ``on``, a convener named twice, or conveners the
        province does not allow (SD 11: one or two)."""
        state, version = self._current(session_id)
        session = self._session(session_id, on)
        if group_id in state.groups:
            refuse("session_group.exists", GROUPS, group_id=group_id)
        members = tuple(dict.fromkeys(members))
        if not members:
            refuse("session_group.empty", GROUPS, group_id=group_id)
        in_office = set(Congresses(self.store, self.rules).state(session.congress_id).in_office(on, session.term))
        require(Decision.of(*(reason(False, "deputy.not_in_office", GROUPS, deputy_id=m, on=on.isoformat())
                              for m in members if m not in in_office)))  # fmt: skip
        if len(set(conveners)) != len(conveners):
            refuse("session_group.convener_twice", GROUPS, group_id=group_id, people="、".join(conveners))
        rules = self.rules_for(session.congress_id, on)
        decision = Decision.of(*formation_checks(rules, group_id=group_id, conveners=conveners))
        require(decision)
        event = SessionGroupFormed(session_id=session_id, group_id=group_id, name=name or group_id, on=on,
                                   members=members, conveners=tuple(conveners))  # fmt: skip
        self._append(f"session-groups-{session_id}", version, event)
        return decision

    def hold_meeting(
        self, session_id: str, group_id: str, meeting_id: str, *, on: datetime.date, presided_by: str = "",
        items: Sequence[str] = (), present: Sequence[str] = (), government: Sequence[str] = (),
    ) -> Decision:  # fmt: skip
        """Record a group meeting on a day the session sits. Refused, recording nothing, for an unknown group or
        a known meeting, a day before the group was formed, one present who is not a member, or an item that is
        neither on the agenda nor a bill of the session (DL 14 ¶2). Recorded otherwise, and the Decision returned
        says whether SD 11 was followed (presided over by a convener; the government present for a deliberation)."""
        state, version = self._current(session_id)
        session = self._session(session_id, on)
        group = state.groups.get(group_id)
        if group is None:
            refuse("session_group.unknown", GROUPS, group_id=group_id)
        if meeting_id in state.meetings or meeting_id in state.conveners_meetings:
            refuse("session_group.meeting_exists", MEETINGS, meeting_id=meeting_id)
        if on < group.on:
            refuse("session_group.meeting_date", MEETINGS, on=on.isoformat(), formed=group.on.isoformat())
        present = tuple(dict.fromkeys(present))
        for person in present:
            if person not in group.members:
                refuse("session_group.not_member", MEETINGS, person=person, group_id=group_id)
        self._items(session, items)
        decision = Decision.of(*meeting_checks(
            self.rules_for(session.congress_id, on), meeting_id=meeting_id, conveners=group.conveners,
            presided_by=presided_by, items=items, government=government,
        ))  # fmt: skip
        event = GroupMeetingHeld(session_id=session_id, group_id=group_id, meeting_id=meeting_id, on=on,
                                 presided_by=presided_by, items=tuple(items), present=present,
                                 government=tuple(government))  # fmt: skip
        self._append(f"session-groups-{session_id}", version, event)
        return decision

    def _items(self, session: SessionState, items: Sequence[str]) -> None:
        known = deliberable(session)
        for item in items:
            if item not in known:
                refuse("session_group.item", MEETINGS, item=item, session_id=session.id)

    def hold_conveners_meeting(
        self, session_id: str, meeting_id: str, *, on: datetime.date, kind: MeetingKind, convened_by: str,
        attendees: Sequence[str], items: Sequence[str] = (), government: Sequence[str] = (),
        reported_on: datetime.date | None = None,
    ) -> Decision:  # fmt: skip
        """Record a meeting the chair or a vice-chair called (SD 12) on a day the session sits. Refused, recording
        nothing, for a known meeting, no attendee, an attendee who is not a convener of the session's groups
        (``CONVENERS``) or not a member of one (``SPECIAL``), an item unknown to the session, or a report to the
        presidium dated before the meeting. The Decision returned says whether the government attended a
        meeting on a special question where the province requires it."""
        state, version = self._current(session_id)
        session = self._session(session_id, on)
        if meeting_id in state.meetings or meeting_id in state.conveners_meetings:
            refuse("session_group.meeting_exists", MEETINGS, meeting_id=meeting_id)
        attendees = tuple(dict.fromkeys(attendees))
        if not attendees:
            refuse("session_group.no_attendees", MEETINGS, meeting_id=meeting_id)
        allowed = state.conveners if kind is MeetingKind.CONVENERS else state.members
        for person in attendees:
            if person not in allowed:
                refuse(f"session_group.not_{kind.value}", MEETINGS, person=person, session_id=session_id)
        self._items(session, items)
        if reported_on is not None and reported_on < on:
            refuse("session_group.report_date", MEETINGS, meeting_id=meeting_id, on=on.isoformat(),
                   reported=reported_on.isoformat())  # fmt: skip
        decision = Decision.of(
            *conveners_meeting_checks(
                self.rules_for(session.congress_id, on), meeting_id=meeting_id, kind=kind, government=government
            )
        )
        event = ConvenersMeetingHeld(session_id=session_id, meeting_id=meeting_id, on=on, kind=kind,
                                     convened_by=convened_by, attendees=attendees, items=tuple(items),
                                     government=tuple(government), reported_on=reported_on)  # fmt: skip
        self._append(f"session-groups-{session_id}", version, event)
        return decision

    def check(self, session_id: str) -> Decision:
        """Every group and meeting of the session judged again by the rules in force on its day (SD 11, SD 12)."""
        state = self.state(session_id)
        congress_id = Sessions(self.store, self.rules).state(session_id).congress_id
        reasons: list[Reason] = []
        for group in state.groups.values():
            reasons += formation_checks(self.rules_for(congress_id, group.on), group_id=group.group_id,
                                        conveners=group.conveners)  # fmt: skip
        for meeting in state.meetings.values():
            reasons += meeting_checks(
                self.rules_for(congress_id, meeting.on), meeting_id=meeting.meeting_id,
                conveners=state.groups[meeting.group_id].conveners, presided_by=meeting.presided_by,
                items=meeting.items, government=meeting.government,
            )  # fmt: skip
        for held in state.conveners_meetings.values():
            reasons += conveners_meeting_checks(self.rules_for(congress_id, held.on), meeting_id=held.meeting_id,
                                                kind=held.kind, government=held.government)  # fmt: skip
        if not reasons:
            return Decision.of(reason(True, "session_group.not_judged", MEETINGS, session_id=session_id))
        return Decision.of(*reasons)

    def unreported(self, session_id: str) -> tuple[str, ...]:
        """The SD 12 meetings not yet reported to the presidium ("应当向主席团报告"; no period is set, so this
        lists work outstanding, never a violation)."""
        return tuple(m for m, held in self.state(session_id).conveners_meetings.items() if held.reported_on is None)
