"""The checks of a session's steps as pure functions of the facts.

:class:`~npcproc.procedures.Sessions` applies them to the state in the store before it
records a step; :mod:`npcproc.record.audit` applies the same functions to a record file.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Collection, Sequence
from fractions import Fraction

from npcproc.model.levels import Level
from npcproc.model.session import ConveningBody, SessionKind
from npcproc.procedures.base import cite, reason, ruled
from npcproc.procedures.congress.commands import first_session_deadline
from npcproc.procedures.congress.state import CongressState
from npcproc.rules.decision import Decision, Reason
from npcproc.rules.ruleset import RuleSet

__all__ = [
    "CONVENER",
    "attendee_checks",
    "bill_sponsorship",
    "convener_check",
    "first_session_check",
    "length_checks",
    "notice_checks",
    "presidium_checks",
]
# -- the checks, as pure functions of the facts (the audit of records applies them too) ----------


def first_session_check(rules: RuleSet, elected_on: datetime.date, opens_on: datetime.date) -> Reason:
    """OL 20: a term's first session within two months of the deputy elections."""
    rule = rules.rule("session.first_within_months")
    deadline = first_session_deadline(rules.period, elected_on, int(rule.value))
    return reason(
        elected_on <= opens_on <= deadline, "session.first_of_term", rule.citation,
        opens_on=opens_on.isoformat(), elected_on=elected_on.isoformat(), months=rule.value,
        deadline=deadline.isoformat(),
    )  # fmt: skip


def length_checks(rules: RuleSet, kind: SessionKind, days: Fraction) -> list[Reason]:
    """The provincial least length of a session (ZJ 16 ¶2, CQ 8 ¶1, HN 2 ¶1), for the kinds of session it covers."""
    minimum = rules.optional("session.min_days")
    if minimum is None or not minimum.covers(kind):
        return []
    return [ruled(days >= minimum.value, "session.length", minimum, days=days, required=minimum.value)]


def notice_checks(
    rules: RuleSet, kind: SessionKind, opens_on: datetime.date, notice_on: datetime.date, materials_on: datetime.date
) -> list[Reason]:
    """The provincial lead times of notice and materials (ZJ 20 exempts extraordinary sessions, CQ 11 does not)."""
    checks = []
    for name, code, day in (
        ("session.notice_days", "session.notice", notice_on),
        ("session.materials_days", "session.materials", materials_on),
    ):
        rule = rules.optional(name)
        if rule is not None and rule.covers(kind):
            given = (opens_on - day).days
            checks.append(ruled(given >= rule.value, code, rule, given=given, required=rule.value))
    return checks


def presidium_checks(
    rules: RuleSet, presidium: Sequence[str], on: datetime.date, in_office: Collection[str],
    administrative_posts: Collection[str], chairs: Sequence[str],
) -> list[Reason]:  # fmt: skip
    """The presidium elected at a preparatory meeting: deputies in office (OL 19), the provincial size
    and no administrative posts (ZJ 38, CQ 30, HN 2), and the chair and vice-chairs on it (OL 19 ¶1).

    The size is checked against the "shall" bounds and, as notices, the "normally" ones (SD 8 ¶2:
    一般由七人至十一人组成; at 90 deputies or more, no more than 13)."""
    checks = [
        reason(False, "deputy.not_in_office", cite("OL", 19), deputy_id=d, on=on.isoformat())
        for d in presidium
        if d not in in_office
    ]
    size = len(presidium)
    for bound in (rules.optional, rules.advised):
        low, high = bound("presidium.min_size"), bound("presidium.max_size")
        if low is not None:
            checks.append(ruled(size >= low.value, "presidium.min_size", low, size=size, low=low.value))
        if high is not None:
            checks.append(ruled(size <= high.value, "presidium.max_size", high, size=size, high=high.value))
    no_admin = rules.optional("presidium.members_no_admin_post")
    if no_admin is not None and no_admin.value:
        checks += [
            reason(False, "presidium.admin_post", no_admin.citation, deputy_id=d)
            for d in presidium
            if d in administrative_posts
        ]
    checks += [
        reason(False, "presidium.chair_member", cite("OL", 19, 1), deputy_id=holder)
        for holder in chairs
        if holder not in presidium
    ]
    return checks


def attendee_checks(
    rules: RuleSet, kind: SessionKind, attending: Sequence[str], in_office: Collection[str]
) -> list[Reason]:
    """The non-deputies attending a session (列席, OL 21): no deputy in office among them, and no more of them
    than the provincial fraction of all deputies in office that day allows (BJ 16 ¶2: 不得超过代表总数的二分之一)."""
    checks = [
        reason(False, "attendance.attendee_is_deputy", cite("OL", 21), attendee=name)
        for name in sorted(set(attending))
        if name in in_office
    ]
    cap = rules.optional("session.max_attendees_fraction")
    if cap is not None and cap.covers(kind):
        allowed = math.floor(cap.value * len(in_office))
        attendees = len(set(attending))
        checks.append(ruled(attendees <= allowed, "session.attendees", cap, attending=attendees,
                            total=len(in_office), fraction=Fraction(cap.value), allowed=allowed))  # fmt: skip
    return checks


def preparatory_chair_checks(
    rules: RuleSet, session_id: str, presided_by: str | None, earlier: Sequence[str]
) -> list[Reason]:
    """BJ 8 ¶2 "每届人民代表大会第一次会议的预备会议，由上次人民代表大会主席团主持", for a term's first session
    ``session_id``: ``presided_by`` names the session whose presidium presided, which must be the last of the
    ``earlier`` sessions on record (in the order they opened); with none on record, any session but this one.
    No rule, or no ``presided_by`` given, no check."""
    rule = rules.optional("session.first_preparatory_by_last_presidium")
    if rule is None or not rule.value or presided_by is None:
        return []
    expected = earlier[-1] if earlier else None
    ok = presided_by != session_id and (expected is None or presided_by == expected)
    return [ruled(ok, "session.preparatory_presided_by", rule, session=session_id, presided_by=presided_by,
                  expected=expected or "")]  # fmt: skip


def invitation_checks(
    rules: RuleSet, kind: SessionKind, invited: Sequence[str], upper_deputies: Sequence[str]
) -> list[Reason]:
    """ZJ 21 ¶2 "应当邀请本行政区域内上级人民代表大会代表列席": where the rule covers the session and upper-level
    deputies elected in the area are on record, at least one of them is invited. No rule or none on record, no check."""
    rule = rules.optional("session.invite_upper_deputies")
    if rule is None or not rule.value or not rule.covers(kind) or not upper_deputies:
        return []
    return [ruled(bool(invited), "session.upper_deputies_invited", rule, invited=len(set(invited)),
                  upper_deputies=len(set(upper_deputies)))]  # fmt: skip


def bill_sponsorship(rules: RuleSet, level: Level, backing: int) -> Reason:
    """OL 22 ¶2: 5 (township) or 10 (county) or more deputies in office jointly."""
    required = rules.bill_sponsor_threshold(level)
    return reason(backing >= required, "bill.sponsors", cite("OL", 22, 2), sponsors=backing, required=required)


#: Who convenes the sessions of each level (OL 14 ¶2).
CONVENER = {Level.TOWNSHIP: ConveningBody.PRESIDIUM, Level.COUNTY: ConveningBody.STANDING_COMMITTEE}


def convener_check(
    rules: RuleSet, level: Level, kind: SessionKind, given: ConveningBody, backing: int, total: int
) -> Reason:
    """OL 19 ¶1, OL 15, OL 14 ¶3: the level's convening body, or for an extraordinary session 1/5 or more of
    the ``total`` deputies in office (``backing`` of them proposed it).

    ``rules`` are the congress's resolved rules: a refusal cites the rule in force for it (ZJ 16 ¶1 for a
    Zhejiang township, OL 14 ¶3 for a county)."""
    if given is ConveningBody.DEPUTIES and kind is SessionKind.EXTRAORDINARY:
        required = rules.extraordinary_session_threshold(total)
        cited = rules.rule("session.extraordinary_proposal").citation
        return reason(backing >= required, "session.extraordinary_proposal", cited,
                      proposers=backing, required=required, total=total)  # fmt: skip
    expected = CONVENER[level]
    convenes = cite("OL", 19, 1) if level is Level.TOWNSHIP else cite("OL", 15)
    return reason(given is expected, "session.convener", convenes,
                  level=level.value, expected=expected.value, given=given.value)  # fmt: skip


def roll_call(
    congress: CongressState,
    rules: RuleSet,
    on: datetime.date,
    present: Sequence[str],
    *,
    term: int | None = None,
    on_leave: Collection[str] = (),
) -> Decision:
    """OL 14 ¶4 "会议有三分之二以上的代表出席，始得举行", for every act of a sitting congress.

    The roll names only deputies in office on ``on`` who are not on leave (DL 13); the quorum
    counts them against all deputies in office that day, by the rules resolved for the congress.
    A wrong roll fails on its names alone, so a quorum is never reached by counting strangers.
    """
    in_office = set(congress.in_office(on, term))
    wrong = [reason(False, "attendance.not_in_office", cite("OL", 14, 4), deputy_id=d) for d in present
             if d not in in_office]  # fmt: skip
    wrong += [reason(False, "attendance.on_leave", cite("DL", 13), deputy_id=d) for d in present if d in on_leave]
    if wrong:
        return Decision.of(*wrong)
    return congress.rules(rules, on).session_quorum(len(in_office), len(set(present)))
