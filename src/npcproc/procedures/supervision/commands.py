"""Supervision cases 监督事项: chains of links that close the loop of supervision.

Stream ``supervision-<congress id>`` holds every case of one congress. A case chains links
such as inspection + work review, special report + special inquiry, or law-enforcement
inspection + satisfaction rating (seed 003: "各环节相贯通、全流程成闭环"; SL 63 ¶1), and
closes only when every link has closed. Each kind of link has its ordered steps
(:data:`~npcproc.procedures.supervision.state.STEPS`); a step out of order, on a closed link, or
dated before the link's previous step is refused, citing the provision for that step.

A county congress's standing committee supervises under the Supervision Law; a township
congress's presidium organises deputies between sessions (OL 19 ¶2, DL 29-31, DL 33 ¶2).
Audit reports and special inquiries belong to a standing committee (SL 27, SL 47). A county
special work report is checked against the lead times of SL 15 when it is heard.

A referral sets the deadline for the body's report on its handling: given per case, as a
resolution sets it (SL 17 ¶1, SL 37 ¶1), no later than the provincial
``supervision.rectification_months`` after the referral where a province sets it, and for an
audit report within six months of hearing it (SL 27 ¶2); without a given deadline the
earliest of these applies. Periods of months are counted as CC 201-203 count them
(:meth:`~npcproc.rules.RuleSet.period`): a last day on a rest day moves to the next working day.

No national law sets the threshold of a satisfaction rating 满意度测评 (HN 4 ¶1 (4) requires
ratings in Henan). The provincial ``supervision.satisfaction_threshold`` (a fraction of the
raters, inclusive, "以上") applies where set; elsewhere npcproc's default is more than half of
the raters, cited to the article the link is followed up under. A failed rating reopens the
link at rectification with a new deadline never earlier than the last one.

Where the province has ratings' results made public (HN 4 ¶1 (4) "测评结果向社会公开", the
provincial ``supervision.ratings_published``), :meth:`Supervision.publish_rating` records the day
a rating's result was made public (:class:`RatingPublished`). The text gives no period: a rating
is judged unpublished once the year it was held in is over (the last day is 31 December, not
moved for a rest day, as it is no period counted under CC 201-203), and a later publication late.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

from npcproc.errors import InvalidArgumentError
from npcproc.model.levels import Level
from npcproc.procedures.base import Procedure, cite, reason, refuse, require
from npcproc.procedures.congress.commands import Congresses
from npcproc.procedures.supervision.checks import (
    deadline_checks,
    kind_values,
    lead_times,
    rating_publication_checks,
    referral_windows,
    satisfaction,
    step_values,
)
from npcproc.procedures.supervision.events import (
    CaseOpened,
    LeadTimes,
    LinkKind,
    LinkSpec,
    Rated,
    RatingPublished,
    Step,
    StepRecorded,
)
from npcproc.procedures.supervision.messages import STEP_LABELS
from npcproc.procedures.supervision.state import CaseState, LinkState, Overdue, fold_supervision
from npcproc.rules.decision import Citation, Decision, Reason, ReasonValue
from npcproc.rules.ruleset import RuleSet

__all__ = [
    "LeadTimes",
    "LinkKind",
    "LinkSpec",
    "Step",
    "Supervision",
    "basis",
    "link",
    "supervision_stream",
]  # fmt: skip

_HELD, _REPORTED, _REFERRED, _RECTIFIED, _RATED = Step.HELD, Step.REPORTED, Step.REFERRED, Step.RECTIFIED, Step.RATED

RATED_BY_DEFAULT = frozenset({LinkKind.SPECIAL_REPORT, LinkKind.WORK_REVIEW})
RATING_ALLOWED = RATED_BY_DEFAULT | {LinkKind.AUDIT_REPORT, LinkKind.LAW_ENFORCEMENT}
COUNTY_ONLY: Mapping[LinkKind, Citation] = {
    LinkKind.AUDIT_REPORT: cite("SL", 27, 1),
    LinkKind.SPECIAL_INQUIRY: cite("SL", 47),
}

_SL17, _SL37, _DL31, _OL19 = cite("SL", 17, 1), cite("SL", 37, 1), cite("DL", 31, 1), cite("OL", 19, 2)
#: No statute provides for a satisfaction rating 满意度测评: it is practice (seed 003 "执法检查+满意度测评").
_RATING = Citation.practice(3)
_VISITS: Mapping[LinkKind, Mapping[Step, Citation]] = {
    LinkKind.INSPECTION: {_HELD: cite("DL", 29, 1), _REFERRED: _DL31, _RECTIFIED: _DL31},
    LinkKind.RESEARCH: {_HELD: cite("DL", 30), _REFERRED: _DL31, _RECTIFIED: _DL31},
}
#: The provision for each step, by level and kind of link.
BASIS: Mapping[Level, Mapping[LinkKind, Mapping[Step, Citation]]] = {
    Level.COUNTY: {
        LinkKind.SPECIAL_REPORT: {_HELD: cite("SL", 16, 1), _REFERRED: _SL17, _RECTIFIED: _SL17,
                                  _RATED: _RATING},
        LinkKind.AUDIT_REPORT: {_HELD: cite("SL", 27, 1), _REFERRED: cite("SL", 29, 1), _RECTIFIED: cite("SL", 27, 2),
                                _RATED: _RATING},
        LinkKind.LAW_ENFORCEMENT: {_HELD: cite("SL", 35), _REPORTED: cite("SL", 36, 1), _REFERRED: _SL37,
                                   _RECTIFIED: _SL37, _RATED: _RATING},
        **_VISITS,
        LinkKind.WORK_REVIEW: {**dict.fromkeys((_HELD, _RECTIFIED), cite("OL", 50, 1, 7)), _RATED: _RATING},
        LinkKind.SPECIAL_INQUIRY: {_HELD: cite("SL", 47), _REFERRED: cite("SL", 50), _RECTIFIED: cite("SL", 50)},
    },
    Level.TOWNSHIP: {
        LinkKind.SPECIAL_REPORT: {**dict.fromkeys((_HELD, _REFERRED, _RECTIFIED), _OL19), _RATED: _RATING},
        LinkKind.LAW_ENFORCEMENT: {**dict.fromkeys((_REPORTED, _REFERRED, _RECTIFIED), _OL19),
                                   _HELD: cite("DL", 33, 2), _RATED: _RATING},
        **_VISITS,
        LinkKind.WORK_REVIEW: {**dict.fromkeys((_HELD, _RECTIFIED), _OL19), _RATED: _RATING},
    },
}  # fmt: skip
#: The provision a case as a whole rests on.
GENERAL = {Level.COUNTY: cite("OL", 50, 1, 7), Level.TOWNSHIP: _OL19}


def supervision_stream(congress_id: str) -> str:
    return f"supervision-{congress_id}"


def link(kind: LinkKind, body: str, *, rated: bool | None = None) -> LinkSpec:
    """A link of a case; ``rated`` defaults to a rating for special work reports and work reviews."""
    return LinkSpec(kind=kind, body=body, rated=kind in RATED_BY_DEFAULT if rated is None else rated)


def basis(level: Level, kind: LinkKind, step: Step) -> Citation:
    """The provision for ``step`` of a ``kind`` link; for a step the kind lacks, the link's own provision."""
    steps = BASIS[level].get(kind)
    if steps is None:
        return COUNTY_ONLY[kind]
    return steps.get(step, steps[_HELD])


#: The fold of the stream, from an empty SupervisionLog.


class Supervision(Procedure):
    """Open supervision cases, record their steps and ratings, and list what is overdue."""

    def cases(self, congress_id: str) -> tuple[CaseState, ...]:
        log, _version = self._load(supervision_stream(congress_id), fold_supervision)
        return tuple(log.cases.values())

    def state(self, case_id: str, *, congress_id: str) -> CaseState:
        return self._current(case_id, congress_id)[0]

    def overdue(self, congress_id: str, on: datetime.date) -> tuple[Overdue, ...]:
        """Links whose deadline passed before ``on`` without the awaited report; the last day is still in time."""
        return tuple(
            Overdue(case_id=case.case_id, link=i, kind=state.spec.kind, step=state.awaiting, due=state.due)
            for case in self.cases(congress_id)
            for i, state in enumerate(case.links)
            if state.awaiting is not None and state.due is not None and state.due < on
        )

    def open_case(self, case_id: str, *, congress_id: str, subject: str, links: Sequence[LinkSpec]) -> CaseState:
        """A case on ``subject`` chaining ``links`` (see :func:`link`)."""
        level = Congresses(self.store, self.rules).state(congress_id).congress.level
        general = GENERAL[level]
        stream = supervision_stream(congress_id)
        log, version = self._load(stream, fold_supervision)
        if case_id in log.cases:
            refuse("supervision.exists", general, case_id=case_id)
        checks = [reason(bool(subject.strip()), "supervision.subject", general),
                  reason(bool(links), "supervision.no_links", general)]  # fmt: skip
        for spec in links:
            if level is Level.TOWNSHIP and spec.kind in COUNTY_ONLY:
                checks.append(
                    reason(False, "supervision.county_only", COUNTY_ONLY[spec.kind], **kind_values(spec.kind))
                )
            elif spec.rated and spec.kind not in RATING_ALLOWED:
                law = basis(level, spec.kind, _RECTIFIED)
                checks.append(reason(False, "supervision.rating_not_applicable", law, **kind_values(spec.kind)))
            elif not spec.rated and spec.kind is LinkKind.WORK_REVIEW:
                law = basis(level, spec.kind, _RATED)
                checks.append(reason(False, "supervision.rating_required", law, **kind_values(spec.kind)))
        require(Decision.of(*checks))
        event = CaseOpened(case_id=case_id, congress_id=congress_id, level=level, subject=subject, links=tuple(links))
        self._append(stream, version, event)
        return self.state(case_id, congress_id=congress_id)

    def record(
        self, case_id: str, link: int, step: Step, *, congress_id: str, on: datetime.date,
        due: datetime.date | None = None, lead: LeadTimes | None = None, note: str = "",
    ) -> None:  # fmt: skip
        """Record ``step`` of link number ``link`` (0-based) on ``on``.

        ``due`` is the deadline of a referral (:attr:`Step.REFERRED`); ``lead`` the dates a
        county special work report was sent ahead of the meeting it is heard at (SL 15).
        Ratings are recorded with :meth:`rate`.
        """
        if step is _RATED:
            raise InvalidArgumentError("step", "a satisfaction rating is recorded with rate()")
        if due is not None and step is not _REFERRED:
            raise InvalidArgumentError("due", "only a referral sets a deadline")
        case, version = self._current(case_id, congress_id)
        current = self._in_order(case, link, step, on)
        level, kind = case.opened.level, current.spec.kind
        if lead is not None and not (step is _HELD and kind is LinkKind.SPECIAL_REPORT):
            raise InvalidArgumentError("lead", "only a special work report's hearing has lead times")
        if step is _HELD and kind is LinkKind.SPECIAL_REPORT and level is Level.COUNTY:
            require(lead_times(on, lead))
        if step is _REFERRED:
            due = self._deadline(case, current, on, due)
        event = StepRecorded(case_id=case_id, link=link, step=step, on=on, due=due, lead=lead, note=note)
        self._append(supervision_stream(congress_id), version, event)

    def rate(
        self, case_id: str, link: int, *, congress_id: str, on: datetime.date, satisfied: int, raters: int,
        new_due: datetime.date | None = None,
    ) -> Decision:  # fmt: skip
        """A satisfaction rating: ``satisfied`` of ``raters``. A failed one reopens the link for rectification
        by ``new_due`` (by default the provincial period from ``on``), never earlier than the last deadline;
        ``new_due`` is ignored when the rating passes."""
        case, version = self._current(case_id, congress_id)
        current = self._in_order(case, link, _RATED, on)
        law = basis(case.opened.level, current.spec.kind, _RATED)
        for what, value in (("raters", raters), ("satisfied", satisfied)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                refuse("supervision.count", law, what=what, value=str(value))
        if raters == 0 or satisfied > raters:
            refuse("supervision.count", law, what="satisfied of raters", value=f"{satisfied}/{raters}")
        rules = self.rules_for(congress_id, on)
        rating, threshold = satisfaction(rules, law, satisfied, raters)
        new_due = None if rating.ok else self._new_deadline(rules, current, law, on, new_due)
        event = Rated(case_id=case_id, link=link, on=on, satisfied=satisfied, raters=raters, threshold=threshold,
                      passed=rating.ok, new_due=new_due)  # fmt: skip
        self._append(supervision_stream(congress_id), version, event)
        return Decision.of(rating)

    def publish_rating(
        self, case_id: str, link: int, *, congress_id: str, on: datetime.date, rated_on: datetime.date | None = None
    ) -> Decision:
        """The result of the link's rating held on ``rated_on`` (by default its last) was made public on ``on``.

        Refused (nothing recorded) for a link without that rating, a day before the rating, or a second
        publication. A late publication is recorded; the Decision returned says it was late (HN 4 ¶1 (4)).
        """
        case, version = self._current(case_id, congress_id)
        level = case.opened.level
        if not 0 <= link < len(case.links):
            refuse("supervision.no_such_link", GENERAL[level], case_id=case_id, number=link + 1,
                   links=len(case.links))  # fmt: skip
        current = case.links[link]
        law = basis(level, current.spec.kind, _RATED)
        days = [rating.on for rating in current.ratings]
        if not days or (rated_on is not None and rated_on not in days):
            refuse("supervision.no_rating", law, number=link + 1, **kind_values(current.spec.kind),
                   rated=rated_on.isoformat() if rated_on else "")  # fmt: skip
        rated = days[-1] if rated_on is None else rated_on
        if rated in current.published:
            refuse("supervision.rating_already_published", law, rated=rated.isoformat(),
                   on=current.published[rated].isoformat())  # fmt: skip
        if on < rated:
            refuse("supervision.published_before_rating", law, rated=rated.isoformat(), on=on.isoformat())
        decision = Decision.of(*rating_publication_checks(
            self.rules_for(congress_id, rated), case_id, link, current.spec.kind, rated, on, None))  # fmt: skip
        event = RatingPublished(case_id=case_id, link=link, rated_on=rated, on=on)
        self._append(supervision_stream(congress_id), version, event)
        return decision

    def publication_check(self, congress_id: str, *, as_of: datetime.date) -> Decision:
        """Every rating: made public in its year, late, or unpublished once its year is over (``as_of`` after
        31 December). Holds with no reasons where no rule requires publication."""
        return Decision.of(*(
            found
            for case in self.cases(congress_id)
            for i, state in enumerate(case.links)
            for rating in state.ratings
            for found in rating_publication_checks(self.rules_for(congress_id, rating.on), case.case_id, i,
                                                   state.spec.kind, rating.on, state.published.get(rating.on), as_of)
        ))  # fmt: skip

    def _current(self, case_id: str, congress_id: str) -> tuple[CaseState, int]:
        log, version = self._load(supervision_stream(congress_id), fold_supervision)
        case = log.cases.get(case_id)
        if case is None:
            level = Congresses(self.store, self.rules).state(congress_id).congress.level
            refuse("supervision.unknown", GENERAL[level], case_id=case_id)
        return case, version

    def _in_order(self, case: CaseState, index: int, step: Step, on: datetime.date) -> LinkState:
        """The link, if ``step`` on ``on`` is its next step; refuse otherwise."""
        level = case.opened.level
        if not 0 <= index < len(case.links):
            refuse("supervision.no_such_link", GENERAL[level], case_id=case.case_id, number=index + 1,
                   links=len(case.links))  # fmt: skip
        current = case.links[index]
        law = basis(level, current.spec.kind, step)
        where: dict[str, ReasonValue] = {"number": index + 1, **kind_values(current.spec.kind), **step_values(step)}
        if current.awaiting is None:
            refuse("supervision.link_closed", law, **where)
        if step is not current.awaiting:
            expected, expected_zh = STEP_LABELS[current.awaiting]
            refuse("supervision.out_of_order", law, **where, expected=expected, expected_zh=expected_zh)
        last = current.last_on
        if last is not None and on < last:
            refuse("supervision.date_order", law, **step_values(step), on=on.isoformat(), last=last.isoformat())
        return current

    def _deadline(
        self, case: CaseState, current: LinkState, on: datetime.date, due: datetime.date | None
    ) -> datetime.date:
        """The deadline a referral sets: ``due`` within every window in force, or the earliest window."""
        kind = current.spec.kind
        law = basis(case.opened.level, kind, _REFERRED)
        windows = referral_windows(self.rules_for(case.opened.congress_id, on), kind, current.on(_HELD), on)
        if due is None:
            if not windows:
                refuse("supervision.deadline_needed", law, **kind_values(kind))
            due = min(window[0] for window in windows)
        require(Decision.of(*deadline_checks(law, on, due, windows)))
        return due

    def _new_deadline(
        self, rules: RuleSet, current: LinkState, law: Citation, on: datetime.date, due: datetime.date | None
    ) -> datetime.date:
        if due is None:
            rule = rules.optional("supervision.rectification_months")
            if rule is None:
                refuse("supervision.deadline_needed", law, **kind_values(current.spec.kind))
            due = rules.period(on, months=int(rule.value)).date
        checks: list[Reason] = [
            reason(due > on, "supervision.deadline_after", law, due=due.isoformat(), on=on.isoformat())
        ]
        if current.deadlines:
            previous = current.deadlines[-1]
            checks.append(reason(due >= previous, "supervision.deadline_not_earlier", law, due=due.isoformat(),
                                 previous=previous.isoformat()))  # fmt: skip
        require(Decision.of(*checks))
        return due
