"""The township chair's and vice-chairs' posts 主席、副主席: how many are held, and which full-time 专职.

OL 18 ¶1 sets up a chair and permits one or two vice-chairs. Provinces ask more of a township
congress: SD 5 ¶1 a vice-chair at least (``township.vice_chairs.min``; national 0); ZJ 11 ¶1 and
HN 6 ¶1 a full-time chair (``township.chair.full_time``) and, ZJ 11 ¶1 in a developed or populous
township, a full-time vice-chair (``township.vice_chairs.min_full_time``); BJ 20 ¶1 one full-time
holder at least among the chair and vice-chairs (``township.chairs.min_full_time``).

Whether a holder serves full-time is fixed when the post is filled: the candidate is nominated
as full-time (:class:`~npcproc.model.election.Candidate` ``full_time``) and the post taken says so.
:func:`township_posts_checks` judges the posts held on one day; the procedures and the audit of a
record call it once a session's elections have filled a chair or vice-chair post.
"""

from __future__ import annotations

from collections.abc import Mapping

from npcproc.model.election import Office
from npcproc.procedures.base import ruled
from npcproc.rules.decision import Reason
from npcproc.rules.ruleset import RuleSet

__all__ = ["CHAIR_POSTS", "ethnic_head_checks", "township_posts_checks"]

#: The posts OL 18 ¶1 sets up: the township chair and vice-chairs, the only ones held full-time or not.
CHAIR_POSTS = frozenset({Office.TOWNSHIP_CHAIR, Office.TOWNSHIP_VICE_CHAIR})


def township_posts_checks(
    rules: RuleSet, chairs: Mapping[str, bool], vice_chairs: Mapping[str, bool], *, complete: bool = True
) -> list[Reason]:
    """The township chair and vice-chairs held on a day, each holder mapped to whether the post is held full-time.

    Each chair must hold the post full-time where ``township.chair.full_time`` is in force (ZJ 11 ¶1,
    HN 6 ¶1: 设专职主席). With ``complete`` (every holder of the term is known) the counts are judged
    too: vice-chairs at least ``township.vice_chairs.min`` (SD 5 ¶1), full-time vice-chairs at least
    ``township.vice_chairs.min_full_time`` (ZJ 11 ¶1), full-time holders among them all at least
    ``township.chairs.min_full_time`` (BJ 20 ¶1).
    """
    checks = []
    chair_rule = rules.optional("township.chair.full_time")
    if chair_rule is not None and chair_rule.value:
        checks += [ruled(full, "posts.chair_full_time", chair_rule, holder=h) for h, full in chairs.items()]
    if not complete:
        return checks
    least = rules.rule("township.vice_chairs.min")
    checks.append(ruled(len(vice_chairs) >= least.value, "posts.vice_chairs", least, held=len(vice_chairs),
                        required=least.value))  # fmt: skip
    for name, code, holders in (
        ("township.vice_chairs.min_full_time", "posts.vice_chairs_full_time", vice_chairs),
        ("township.chairs.min_full_time", "posts.chairs_full_time", {**chairs, **vice_chairs}),
    ):
        rule = rules.optional(name)
        if rule is not None:
            full_time = sum(holders.values())
            checks.append(ruled(full_time >= rule.value, code, rule, full_time=full_time, held=len(holders),
                                required=rule.value))  # fmt: skip
    return checks


def ethnic_head_checks(rules: RuleSet, office: Office, minority: str, candidate: str, ethnicity: str) -> list[Reason]:
    """OL 70 ¶3 (BJ 22 ¶2, CQ 21 ¶2) "民族乡的乡长由建立民族乡的少数民族公民担任": in an ethnic township (``minority``
    names the minority that established it) a candidate for township head is of that minority. A candidate
    whose ethnicity is not recorded is not shown to be, and fails. Any other office or congress: no check."""
    rule = rules.optional("township_head.ethnic_minority")
    if office is not Office.TOWNSHIP_HEAD or not minority or rule is None or not rule.value:
        return []
    return [ruled(ethnicity == minority, "election.ethnic_township_head", rule, candidate=candidate,
                  ethnicity=ethnicity or "—", minority=minority)]  # fmt: skip
