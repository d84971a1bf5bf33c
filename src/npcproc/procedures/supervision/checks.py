"""The checks of supervision: referral windows, deadlines, satisfaction ratings, lead times, and the values
explanations name.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from fractions import Fraction

from npcproc.procedures.base import cite, reason, ruled
from npcproc.procedures.supervision.events import (
    LeadTimes,
    LinkKind,
    Step,
)
from npcproc.procedures.supervision.messages import KIND_LABELS, STEP_LABELS
from npcproc.rules.decision import Citation, Decision, Reason, ReasonValue
from npcproc.rules.ruleset import RuleSet

__all__ = [
    "AUDIT_RECTIFICATION_MONTHS",
    "COMMITTEE_DAYS",
    "MEMBERS_DAYS",
    "STANDING_COMMITTEE_DAYS",
    "Window",
    "deadline_checks",
    "kind_values",
    "lead_times",
    "rating_publication_checks",
    "referral_windows",
    "satisfaction",
    "step_values",
]


#: SL 15: days before the standing committee's meeting by which a special work report is sent.
COMMITTEE_DAYS, STANDING_COMMITTEE_DAYS, MEMBERS_DAYS = 20, 10, 7
#: SL 27 ¶2: the audit rectification report is heard within six months of the audit work report.
AUDIT_RECTIFICATION_MONTHS = 6

Window = tuple[datetime.date, Citation, str, str]


def referral_windows(rules: RuleSet, kind: LinkKind, held_on: datetime.date | None, on: datetime.date) -> list[Window]:
    """The latest deadlines a referral on ``on`` may set: SL 27 ¶2 for audits, the provincial period (last day,
    provision, what in English and Chinese)."""
    windows: list[Window] = []
    if kind is LinkKind.AUDIT_REPORT and held_on is not None:
        months = AUDIT_RECTIFICATION_MONTHS
        windows.append((rules.period(held_on, months=months).date, cite("SL", 27, 2),
                        f"{months} months after the audit work report was heard",
                        f"审计工作报告听取后{months}个月内"))  # fmt: skip
    rule = rules.optional("supervision.rectification_months")
    if rule is not None:
        months = int(rule.value)
        windows.append((rules.period(on, months=months).date, rule.citation, f"{months} months after the referral",
                        f"交办后{months}个月内"))  # fmt: skip
    return windows


def deadline_checks(law: Citation, on: datetime.date, due: datetime.date, windows: Sequence[Window]) -> list[Reason]:
    """A referral's deadline falls after the referral and within every window in force."""
    checks = [reason(due > on, "supervision.deadline_after", law, due=due.isoformat(), on=on.isoformat())]
    return checks + [
        reason(due <= limit, "supervision.deadline_window", citation, due=due.isoformat(), limit=limit.isoformat(),
               what=what, what_zh=what_zh)
        for limit, citation, what, what_zh in windows
    ]  # fmt: skip


def satisfaction(rules: RuleSet, law: Citation, satisfied: int, raters: int) -> tuple[Reason, Fraction | None]:
    """A satisfaction rating against the provincial threshold, or more than half of the raters by default."""
    rule = rules.optional("supervision.satisfaction_threshold")
    if rule is None:
        required = raters // 2 + 1
        return reason(satisfied >= required, "supervision.satisfaction_default", law, satisfied=satisfied,
                      raters=raters, required=required), None  # fmt: skip
    threshold = Fraction(rule.value)
    required = math.ceil(threshold * raters)
    return reason(satisfied >= required, "supervision.satisfaction", rule.citation, satisfied=satisfied,
                  raters=raters, threshold=threshold, required=required), threshold  # fmt: skip


def rating_publication_checks(
    rules: RuleSet,
    case_id: str,
    link: int,
    kind: LinkKind,
    rated_on: datetime.date,
    published_on: datetime.date | None,
    as_of: datetime.date | None,
) -> list[Reason]:
    """HN 4 ¶1 (4) for one rating, by ``rules`` in force on the day of the rating: its result made public by the
    end of its year; not yet published, unpublished once ``as_of`` is past 31 December. No rule, no check."""
    rule = rules.optional("supervision.ratings_published")
    if rule is None or not rule.value:
        return []
    due = datetime.date(rated_on.year, 12, 31)
    values: dict[str, ReasonValue] = {"case_id": case_id, "number": link + 1, **kind_values(kind),
                                      "rated": rated_on.isoformat(), "due": due.isoformat()}  # fmt: skip
    if published_on is not None:
        return [ruled(published_on <= due, "supervision.rating_published", rule, published=published_on.isoformat(),
                      **values)]  # fmt: skip
    if as_of is not None and as_of > due:
        return [ruled(False, "supervision.rating_unpublished", rule, as_of=as_of.isoformat(), **values)]
    return []


def lead_times(meeting: datetime.date, lead: LeadTimes | None) -> Decision:
    """SL 15: the report to the committee 20 days, to the standing committee 10 days, to its members 7 days
    before the meeting; a day counts as before when the meeting is that many days later."""
    if lead is None:
        return Decision.of(reason(False, "supervision.lead_missing", cite("SL", 15)))
    sent = (
        (lead.to_committee_on, COMMITTEE_DAYS, cite("SL", 15, 1), "report went to the committee for comments",
         "送交有关专门委员会或者常务委员会有关工作机构征求意见"),
        (lead.to_standing_committee_on, STANDING_COMMITTEE_DAYS, cite("SL", 15, 1),
         "revised report went to the standing committee", "修改后送交常务委员会"),
        (lead.to_members_on, MEMBERS_DAYS, cite("SL", 15, 2), "report went to the standing committee's members",
         "发给常务委员会组成人员"),
    )  # fmt: skip
    return Decision.of(*(
        reason((meeting - on).days >= days, "supervision.lead_time", law, document=en, document_zh=zh,
               sent=on.isoformat(), given=(meeting - on).days, required=days)
        for on, days, law, en, zh in sent
    ))  # fmt: skip


def kind_values(kind: LinkKind) -> dict[str, ReasonValue]:
    """A link kind's labels, as the values of a reason."""
    en, zh = KIND_LABELS[kind]
    return {"kind": en, "kind_zh": zh}


def step_values(step: Step) -> dict[str, ReasonValue]:
    """A step's labels, as the values of a reason."""
    en, zh = STEP_LABELS[step]
    return {"step": en, "step_zh": zh}
