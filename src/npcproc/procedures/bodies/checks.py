"""The checks of the congress's bodies: the credentials committee's make-up and timing, deputy groups and their
quarterly activities.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Sequence

from npcproc.model.election import Nominator
from npcproc.procedures.base import ruled
from npcproc.procedures.bodies import messages  # noqa: F401 - defines the message codes used below
from npcproc.procedures.congress.state import CongressState
from npcproc.rules.decision import Reason
from npcproc.rules.logic import Rule
from npcproc.rules.ruleset import RuleSet

__all__ = [
    "by_elected",
    "committee_checks",
    "first_session_check",
    "group_checks",
    "quarter_checks",
]


def _flag(rules: RuleSet, name: str) -> Rule | None:
    rule = rules.optional(name)
    return rule if rule is not None and rule.value else None


def committee_checks(
    rules: RuleSet, *, chair: str, vice_chairs: Sequence[str], members: Sequence[str], nominated_by: Nominator,
    in_office: Collection[str], presidium: Collection[str], on: datetime.date,
) -> list[Reason]:  # fmt: skip
    """The committee as the province composes it: nominated by the presidium (ZJ 9 (3), CQ 20 ¶2, BJ 15 ¶1,
    HN 3 (4)), its members deputies in office (BJ 15 ¶1, CQ 20 ¶2), its chair and vice-chairs presidium members
    (CQ 20 ¶2), a chair, vice-chairs and members in number (CQ 20 ¶2: 各一人，委员三至五人)."""
    checks: list[Reason] = []
    if (rule := _flag(rules, "credentials.nominated_by_presidium")) is not None:
        checks.append(ruled(nominated_by is Nominator.PRESIDIUM, "credentials.nominator", rule,
                            nominator=nominated_by.value))  # fmt: skip
    everyone = [p for p in (chair, *vice_chairs, *members) if p]
    if (rule := _flag(rules, "credentials.members_from_deputies")) is not None:
        checks += [ruled(p in in_office, "credentials.deputy", rule, person=p, on=on.isoformat()) for p in everyone]
    if (rule := _flag(rules, "credentials.chairs_from_presidium")) is not None:
        checks += [ruled(p in presidium, "credentials.presidium", rule, person=p) for p in (chair, *vice_chairs) if p]
    if (rule := _flag(rules, "credentials.chair")) is not None:
        checks.append(ruled(bool(chair), "credentials.chair", rule))
    for name, code, held, least in (
        ("credentials.vice_chairs.min", "credentials.vice_chairs_min", len(vice_chairs), True),
        ("credentials.vice_chairs.max", "credentials.vice_chairs_max", len(vice_chairs), False),
        ("credentials.members.min", "credentials.members_min", len(members), True),
        ("credentials.members.max", "credentials.members_max", len(members), False),
    ):
        if (rule := rules.optional(name)) is not None:
            ok = held >= rule.value if least else held <= rule.value
            checks.append(ruled(ok, code, rule, held=held, required=rule.value))
    return checks


def first_session_check(rules: RuleSet, *, session_id: str, term: int, set_up: bool) -> list[Reason]:
    """ZJ 13, CQ 20 ¶1, BJ 15 ¶1: the term's first session sets up the credentials committee, where the
    province requires it (nothing to judge elsewhere: OL 37 only says how long it serves)."""
    rule = _flag(rules, "credentials.committee_required")
    if rule is None:
        return []
    return [ruled(set_up, "credentials.set_up", rule, session_id=session_id, term=term)]


def by_elected(state: CongressState, term: int, first_opened: datetime.date | None) -> tuple[str, ...]:
    """The deputies of ``term`` whose mandate began after its first session opened: elected in by-elections
    during the term (OL 38: the term begins with that session). None while the first session is not known."""
    if first_opened is None:
        return ()
    return tuple(d.id for d in state.deputies.values()
                 if d.term == term and d.status_history[0].on > first_opened)  # fmt: skip


def group_checks(rules: RuleSet, *, members: Sequence[str], leader: str, vice_leaders: Sequence[str]) -> list[Reason]:
    """OL 43 ¶3 三人以上 (inclusive), and, where the province says so, a leader the group's deputies chose from
    among themselves (CQ 43 由本小组代表推选组长、副组长)."""
    least = rules.rule("deputy_group.min_members")
    checks = [ruled(len(members) >= least.value, "deputy_group.min_members", least, members=len(members),
                    required=least.value)]  # fmt: skip
    if (rule := _flag(rules, "deputy_group.leader")) is not None:
        checks.append(ruled(bool(leader) and leader in members, "deputy_group.leader", rule, leader=leader or "—"))
        checks += [ruled(v in members, "deputy_group.vice_leader", rule, person=v) for v in vice_leaders]
    return checks


_QUARTERS = ((3, 31), (6, 30), (9, 30), (12, 31))


def quarter_checks(
    rule: Rule, *, group_id: str, formed_on: datetime.date, activities: Collection[datetime.date], year: int,
    end: datetime.date,
) -> list[Reason]:  # fmt: skip
    """CQ 43 每个季度至少开展一次活动: each calendar quarter of ``year`` over by ``end`` and begun on or after the
    group was formed holds ``rule.value`` activities at least."""
    required = int(rule.value)
    found = []
    for quarter, (month, day) in enumerate(_QUARTERS, start=1):
        first, last = datetime.date(year, month - 2, 1), datetime.date(year, month, day)
        if last > end or first < formed_on:
            continue
        held = sum(first <= d <= last for d in activities)
        found.append(ruled(held >= required, "deputy_group.quarter", rule, group_id=group_id, year=year,
                           quarter=quarter, activities=held, required=required))  # fmt: skip
    return found
