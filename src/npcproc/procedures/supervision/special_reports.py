"""Special work reports the presidium has deputies hear between sessions (ZJ 26 ¶1, ZJ 27).

ZJ 10 ¶1 (1) lists "安排代表听取和讨论本级人民政府的专项工作报告" among the presidium's duties
在人民代表大会闭会期间, and OL 19 ¶2 puts the same words in the recess: so these hearings are the
``special_report`` links of township supervision cases (:mod:`npcproc.procedures.supervision.commands`),
not agenda items of a session. A link's hearing is its ``held`` step.

- ``supervision.special_reports_per_year`` (ZJ 26 ¶1 每年…若干: one at least): hearings held in each
  calendar year, judged once the year is over, where the rule is in force on the year's first day
  (a year the text governs in full).
- ``supervision.visit_before_special_report`` (ZJ 27 在…前): each hearing follows an inspection
  (视察) or research (专题调查研究) link of the same case, held on or before the hearing's day (the
  records give days, not hours: a visit on the morning of the hearing is before it), by the rules in
  force on the day of the hearing.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

import attrs

from npcproc.i18n import define
from npcproc.procedures.base import Procedure, ruled
from npcproc.procedures.supervision.commands import Supervision
from npcproc.procedures.supervision.events import LinkKind, Step
from npcproc.rules.decision import Decision, Reason
from npcproc.rules.ruleset import RuleSet

__all__ = ["Hearing", "SpecialReports", "hearing_checks", "hearings", "year_checks"]

VISITS = frozenset({LinkKind.INSPECTION, LinkKind.RESEARCH})


@attrs.frozen(kw_only=True)
class Hearing:
    """A special work report heard on ``on`` in case ``case_id`` (link ``link``, 0-based), and the days the
    case's inspections and research were held."""

    case_id: str
    link: int
    on: datetime.date
    visits: tuple[datetime.date, ...]


def hearings(cases: Iterable[tuple[str, Sequence[tuple[LinkKind, datetime.date | None]]]]) -> list[Hearing]:
    """The hearings of ``cases``, each given as its id and its links' kinds and ``held`` days (None: not held)."""
    found = []
    for case_id, links in cases:
        visits = tuple(sorted(on for kind, on in links if kind in VISITS and on is not None))
        found += [
            Hearing(case_id=case_id, link=index, on=on, visits=visits)
            for index, (kind, on) in enumerate(links)
            if kind is LinkKind.SPECIAL_REPORT and on is not None
        ]
    return found


def hearing_checks(rules: RuleSet, hearing: Hearing) -> list[Reason]:
    """ZJ 27 for one hearing, by ``rules`` in force on its day: an inspection or research of the case before it."""
    rule = rules.optional("supervision.visit_before_special_report")
    if rule is None or not rule.value:
        return []
    before = [day for day in hearing.visits if day <= hearing.on]
    return [ruled(bool(before), "supervision.visit_before_report", rule, case=hearing.case_id, number=hearing.link + 1,
                  heard=hearing.on.isoformat(), visited=before[-1].isoformat() if before else "—")]  # fmt: skip


def year_checks(rules: RuleSet, found: Sequence[Hearing], year: int) -> list[Reason]:
    """ZJ 26 ¶1 for a year that is over, by ``rules`` in force on its first day: hearings held in it."""
    rule = rules.optional("supervision.special_reports_per_year")
    if rule is None:
        return []
    required = int(rule.value)
    heard = sum(h.on.year == year for h in found)
    return [ruled(heard >= required, "supervision.special_reports_per_year", rule, year=year, heard=heard,
                  required=required)]  # fmt: skip


class SpecialReports(Procedure):
    """ZJ 26 ¶1 and ZJ 27 over a congress's supervision cases."""

    def hearings(self, congress_id: str) -> list[Hearing]:
        cases = Supervision(self.store, self.rules).cases(congress_id)
        return hearings((c.case_id, [(s.spec.kind, s.on(Step.HELD)) for s in c.links]) for c in cases)

    def year_check(self, congress_id: str, year: int, *, as_of: datetime.date | None = None) -> Decision:
        """The hearings held in ``year`` up to ``as_of`` (ZJ 27) and, once the year is over by ``as_of``,
        their number (ZJ 26 ¶1). Holds with no reasons where neither rule is in force."""
        end = datetime.date(year, 12, 31)
        found = self.hearings(congress_id)
        reasons = [r for h in found if h.on.year == year and (as_of is None or h.on <= as_of)
                   for r in hearing_checks(self.rules_for(congress_id, h.on), h)]  # fmt: skip
        if as_of is None or as_of >= end:
            reasons += year_checks(self.rules_for(congress_id, datetime.date(year, 1, 1)), found, year)
        return Decision.of(*reasons)


define(
    "supervision.visit_before_report",
    zh_ok="案件{case}第{number}环节的专项工作报告（{heard}）前，组织代表进行了视察或者专题调查研究（{visited}）",
    zh_fail="案件{case}第{number}环节的专项工作报告于{heard}听取，此前没有组织代表对有关工作进行视察或者专题调查研究",
    en_ok="the special work report of case {case}, link {number} ({heard}) followed an inspection or research "
    "({visited})",
    en_fail="the special work report of case {case}, link {number} was heard on {heard} with no inspection or "
    "research of the work before it",
)
define(
    "supervision.special_reports_per_year",
    zh_ok="{year}年主席团安排代表听取和讨论专项工作报告{heard}次（至少{required}次）",
    zh_fail="{year}年主席团安排代表听取和讨论专项工作报告{heard}次，每年至少应当{required}次",
    en_ok="in {year} deputies heard {heard} special work report(s) between sessions ({required} at least)",
    en_fail="in {year} deputies heard {heard} special work report(s) between sessions; at least {required} "
    "are required each year",
)
