"""What a township regulation adds to a session's preparation, as pure functions of the facts.

The township head and deputy heads who are not deputies attend every session (列席; CQ 13 ¶1, SD 13); the
result of each plenary vote is announced on the spot by an executive chair (SD 26 ¶3).

The deadline for deputies' bills (代表议案截止日期): the presidium fixes it (SD 9 (3)), and a deputies' bill
comes in from the presidium's decision to convene the session (CQ 14 ¶4) or before the session is held
(SD 14 ¶2) up to that day. :class:`~npcproc.procedures.Sessions` applies these checks before it records a
bill; :mod:`npcproc.record.checks` applies the same functions to a record file.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Sequence

from npcproc.model.session import SessionKind
from npcproc.procedures.base import ruled
from npcproc.procedures.session import messages  # noqa: F401 - defines the message codes used below
from npcproc.rules.decision import Reason
from npcproc.rules.ruleset import RuleSet

__all__ = [
    "admission_checks",
    "announcement_checks",
    "bill_deadline_checks",
    "bills_before_session",
    "heads_attend_checks",
]


def bills_before_session(rules: RuleSet) -> bool:
    """Whether deputies' bills may be submitted before the preparatory meeting, once the session is planned
    (parameter ``bill.before_session``, a permission):
    CQ 14 ¶4 "自大会主席团作出召开…会议的决定之日起", SD 14 ¶2 "也可以在乡镇人民代表大会会议举行前提出".
    Nationally a bill is submitted while the congress is sitting (OL 22 "举行会议的时候")."""
    rule = rules.optional("bill.before_session")
    return rule is not None and bool(rule.value)


def bill_deadline_checks(
    rules: RuleSet, bill_id: str, deadline: datetime.date | None, on: datetime.date | None
) -> list[Reason]:
    """A deputies' bill submitted on ``on`` against the last day for bills the presidium fixed (``deadline``),
    where the province says so (parameter ``bill.by_deadline``; CQ 14 ¶4 "应当…至代表议案截止时间之前提出",
    SD 14 ¶2 "须在大会规定的截止日期前提出"). The deadline is a day: a bill submitted on it is in time (a day ends
    at midnight, CC 203 ¶2), one on the next day is late. No rule, or no deadline fixed, no check; a bill with no
    day cannot be judged and fails."""
    rule = rules.optional("bill.by_deadline")
    if rule is None or not rule.value or deadline is None:
        return []
    if on is None:
        return [ruled(False, "bill.undated", rule, bill_id=bill_id, deadline=deadline.isoformat())]
    return [ruled(on <= deadline, "bill.deadline", rule, on=on.isoformat(), deadline=deadline.isoformat())]


def heads_attend_checks(
    rules: RuleSet, kind: SessionKind, heads: Sequence[str], attending: Sequence[str], in_office: Collection[str]
) -> list[Reason]:
    """The township head and deputy heads in office on the opening day (``heads``) attend the session (parameter
    ``session.heads_attend``: OL 21 "乡级的人民政府领导人员，列席本级人民代表大会会议", restated by CQ 13 ¶1
    "不是本级人民代表大会代表的乡长、副乡长，镇长、副镇长列席本级人民代表大会会议",
    SD 13 "乡长、副乡长，镇长、副镇长列席乡镇人民代表大会会议"): each who is not a deputy in office is among the
    non-deputies ``attending``. One who is a deputy attends as a deputy (OL 21 bars him from the list): the roll
    and the absences judge him (DL 13, DL 62), not this check. No rule, or no heads on record, no check."""
    rule = rules.optional("session.heads_attend")
    if rule is None or not rule.value or not rule.covers(kind):
        return []
    listed = set(attending)
    return [ruled(head in listed, "session.head_attends", rule, head=head)
            for head in dict.fromkeys(heads) if head not in in_office]  # fmt: skip


def admission_checks(
    rules: RuleSet, kind: SessionKind, attending: Sequence[str], heads: Collection[str], admitted: Collection[str]
) -> list[Reason]:
    """The others who attend do so by the presidium's decision (parameter ``session.attendees_admitted``: CQ 13 ¶1
    "其他有关机关、团体、和企业事业单位的负责人，经主席团决定，可以列席", SD 13, BJ 16 ¶1): each of ``attending``
    who is not a township head or deputy head in office (``heads``, who attend as of right) is among those the
    presidium ``admitted``. No rule, no check."""
    rule = rules.optional("session.attendees_admitted")
    if rule is None or not rule.value or not rule.covers(kind):
        return []
    return [ruled(name in admitted, "session.attendee_admitted", rule, name=name)
            for name in dict.fromkeys(attending) if name not in heads]  # fmt: skip


def announcement_checks(rules: RuleSet, announced_by: str | None, presidium: Collection[str]) -> list[Reason]:
    """SD 26 ¶3 "表决结果由会议执行主席当场宣布", where the province says so (parameter ``vote.result_announced``):
    a vote's result is announced when it closes (当场, the same act) by ``announced_by``, an executive chair. The
    presidium chooses the executive chairs from its members (SD 9 "在其成员中推选"); who they are is not recorded, so
    the announcer is checked to be a member of the session's ``presidium``. No rule, no check."""
    rule = rules.optional("vote.result_announced")
    if rule is None or not rule.value:
        return []
    if announced_by is None:
        return [ruled(False, "vote.announced", rule)]
    if announced_by not in presidium:
        return [ruled(False, "vote.announcer", rule, announced_by=announced_by)]
    return [ruled(True, "vote.announced", rule, announced_by=announced_by)]
