"""The report on the handling of deputies' suggestions, made public and sent to the next session.

DL 51 ¶3 (2025): "代表建议、批评和意见办理情况的报告，应当予以公开" for every congress; township
regulations say it again (CQ 16 ¶2 "代表建议、批评和意见及其办理情况，应当予以公开", HN 4 ¶1 (7)
"办理情况的报告应当予以公开"). :meth:`HandlingReports.report` records the day a handling report was made
(to the presidium or the standing committee, or heard by the presidium), :meth:`HandlingReports.publish`
the day it was made public. The texts give no period: a report is judged unpublished once the year it
was made in is over (the last day is 31 December, not moved for a rest day, as it is no period counted
under CC 201-203), and a later publication late: the same reading as HN 4 ¶1 (4)'s ratings.

HN 4 ¶1 (7) also has the report "印发下一次人民代表大会会议" (``suggestion.handling_report_to_next_session``,
provincial only): the first session that opens on or after the day of the report has it among its
documents. npcproc records a session's documents as its agenda, so the report is an agenda item of kind
``suggestion_handling_report`` (as for CQ 16 ¶2's check). DL 51 ¶3 says the same of a county's report;
the core does not set it nationally (see the glossary).

Stream ``handling-reports-<congress>``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping

import attrs

from npcproc.i18n import define, define_fact
from npcproc.model.session import AgendaItemKind
from npcproc.procedures.base import Procedure, cite, refuse, ruled
from npcproc.procedures.folded import fold_log
from npcproc.procedures.session.commands import Sessions
from npcproc.procedures.suggestion.events import HandlingReported, HandlingReportPublished
from npcproc.rules.decision import Decision, Reason, ReasonValue
from npcproc.rules.ruleset import RuleSet

__all__ = [
    "HandlingReports",
    "distribution_checks",
    "handling_reports_stream",
    "publication_checks",
]

#: DL 51 ¶3: the handling of suggestions is reported (and the report made public).
REPORTED = cite("DL", 51, 3)


def handling_reports_stream(congress_id: str) -> str:
    return f"handling-reports-{congress_id}"


@attrs.frozen(kw_only=True)
class HandlingReportLog:
    """The reports on record: id -> the day made, and id -> the day made public."""

    reported: Mapping[str, datetime.date] = attrs.field(factory=dict)
    published: Mapping[str, datetime.date] = attrs.field(factory=dict)

    def apply(self, event: object) -> HandlingReportLog:
        match event:
            case HandlingReported(report_id=report_id, on=on):
                return attrs.evolve(self, reported={**self.reported, report_id: on})
            case HandlingReportPublished(report_id=report_id, on=on):
                return attrs.evolve(self, published={**self.published, report_id: on})
        raise TypeError(f"a handling-report stream cannot hold {type(event).__name__}")


#: The fold of the stream, from an empty HandlingReportLog.
fold_reports = fold_log(HandlingReportLog)


def publication_checks(
    rules: RuleSet,
    report_id: str,
    reported_on: datetime.date,
    published_on: datetime.date | None,
    as_of: datetime.date | None,
) -> list[Reason]:
    """DL 51 ¶3 (CQ 16 ¶2, HN 4 ¶1 (7)) for one report, by ``rules`` in force on the day it was made: made public
    by the end of its year; not yet published, unpublished once ``as_of`` is past 31 December. No rule, no check."""
    rule = rules.optional("suggestion.handling_report_published")
    if rule is None or not rule.value:
        return []
    due = datetime.date(reported_on.year, 12, 31)
    values: dict[str, ReasonValue] = {"report": report_id, "reported": reported_on.isoformat(), "due": due.isoformat()}
    if published_on is not None:
        return [ruled(published_on <= due, "suggestion.handling_report_published", rule,
                      published=published_on.isoformat(), **values)]  # fmt: skip
    if as_of is not None and as_of > due:
        return [ruled(False, "suggestion.handling_report_unpublished", rule, as_of=as_of.isoformat(), **values)]
    return []


def distribution_checks(
    rules: RuleSet,
    report_id: str,
    reported_on: datetime.date,
    sessions: Iterable[tuple[str, datetime.date, bool]],
    as_of: datetime.date | None,
) -> list[Reason]:
    """HN 4 ¶1 (7) "印发下一次人民代表大会会议": the first of ``sessions`` (id, opening day, whether its agenda has a
    ``suggestion_handling_report`` item) that opens on or after ``reported_on`` (and by ``as_of``) has the report.
    Nothing is judged before that session opens, nor where no rule says so."""
    rule = rules.optional("suggestion.handling_report_to_next_session")
    if rule is None or not rule.value:
        return []
    following = sorted((s for s in sessions if s[1] >= reported_on and (as_of is None or s[1] <= as_of)),
                       key=lambda s: s[1])  # fmt: skip
    if not following:
        return []
    session_id, opens_on, has_report = following[0]
    return [ruled(has_report, "suggestion.handling_report_distributed", rule, report=report_id,
                  reported=reported_on.isoformat(), session=session_id, opens=opens_on.isoformat())]  # fmt: skip


class HandlingReports(Procedure):
    """Record handling reports and their publication; judge both (DL 51 ¶3, CQ 16 ¶2, HN 4 ¶1 (7))."""

    def log(self, congress_id: str) -> HandlingReportLog:
        return self._current(congress_id)[0]

    def _current(self, congress_id: str) -> tuple[HandlingReportLog, int]:
        return self._congress_log(congress_id, handling_reports_stream(congress_id), fold_reports)

    def report(self, congress_id: str, report_id: str, *, on: datetime.date) -> None:
        """The report ``report_id`` on the handling of suggestions was made on ``on``; refused for a known id."""
        log, version = self._current(congress_id)
        if report_id in log.reported:
            refuse("suggestion.handling_report_exists", REPORTED, report=report_id,
                   on=log.reported[report_id].isoformat())  # fmt: skip
        self._append(handling_reports_stream(congress_id), version, HandlingReported(report_id=report_id, on=on))

    def publish(self, congress_id: str, report_id: str, *, on: datetime.date) -> Decision:
        """The report was made public on ``on``. Refused (nothing recorded) for an unknown report, a day before it
        was made, or a second publication; a late publication is recorded and the Decision says it was late."""
        log, version = self._current(congress_id)
        reported = log.reported.get(report_id)
        if reported is None:
            refuse("suggestion.handling_report_unknown", REPORTED, report=report_id)
        if on < reported:
            refuse("suggestion.handling_report_before", REPORTED, report=report_id, on=on.isoformat(),
                   reported=reported.isoformat())  # fmt: skip
        if report_id in log.published:
            refuse("suggestion.handling_report_already_published", REPORTED, report=report_id,
                   on=log.published[report_id].isoformat())  # fmt: skip
        decision = Decision.of(*publication_checks(self.rules_for(congress_id, reported), report_id, reported, on,
                                                   None))  # fmt: skip
        self._append(handling_reports_stream(congress_id), version, HandlingReportPublished(report_id=report_id,
                                                                                            on=on))  # fmt: skip
        return decision

    def check(self, congress_id: str, *, as_of: datetime.date) -> Decision:
        """Every report: made public in its year (or late, or unpublished once its year is over), and where the
        province says so, among the documents of the next session opened by ``as_of``. Holds with no reasons
        where no rule applies."""
        log = self.log(congress_id)
        sessions = [(s.id, s.opens_on, any(i.kind is AgendaItemKind.SUGGESTION_HANDLING_REPORT for i in s.agenda))
                    for s in Sessions(self.store, self.rules).of_congress(congress_id)
                    if s.opened_on is not None]  # fmt: skip
        reasons: list[Reason] = []
        for report_id, on in log.reported.items():
            rules = self.rules_for(congress_id, on)
            reasons += publication_checks(rules, report_id, on, log.published.get(report_id), as_of)
            reasons += distribution_checks(rules, report_id, on, sessions, as_of)
        return Decision.of(*reasons)


define(
    "suggestion.handling_report_published",
    zh_ok="{reported}的代表建议办理情况报告（{report}）于{published}予以公开，在当年内",
    zh_fail="{reported}的代表建议办理情况报告（{report}）{published}才予以公开，晚于当年年底（{due}）",
    en_ok="the suggestion-handling report {report} of {reported} was made public on {published}, within its year",
    en_fail="the suggestion-handling report {report} of {reported} was made public only on {published}, after the "
    "end of its year ({due})",
)
define(
    "suggestion.handling_report_unpublished",
    zh_ok="{reported}的代表建议办理情况报告（{report}）尚未到公开期限（{due}）",
    zh_fail="{reported}的代表建议办理情况报告（{report}）应当予以公开，截至{as_of}当年（{due}前）仍未公开",
    en_ok="the suggestion-handling report {report} of {reported} is not yet due to be made public ({due})",
    en_fail="the suggestion-handling report {report} of {reported} was to be made public by the end of its year "
    "({due}) and is not public as of {as_of}",
)
define(
    "suggestion.handling_report_distributed",
    zh_ok="{reported}的代表建议办理情况报告（{report}）已印发下一次会议{session}（{opens}）",
    zh_fail="{reported}的代表建议办理情况报告（{report}）应当印发下一次会议，{opens}举行的会议{session}的文件中没有",
    en_ok="the suggestion-handling report {report} of {reported} went to the next session, {session} ({opens})",
    en_fail="the suggestion-handling report {report} of {reported} was to go to the next session; session {session} "
    "({opens}) does not have it among its documents",
)
define_fact("suggestion.handling_report_exists", "代表建议办理情况报告{report}已于{on}记录",
            "suggestion-handling report {report} is already recorded, made on {on}")  # fmt: skip
define_fact("suggestion.handling_report_unknown", "没有代表建议办理情况报告{report}的记录",
            "no record of suggestion-handling report {report}")  # fmt: skip
define_fact("suggestion.handling_report_before", "代表建议办理情况报告{report}于{reported}作出，不能在{on}公开",
            "suggestion-handling report {report} was made on {reported}; not made public on {on}")  # fmt: skip
define_fact("suggestion.handling_report_already_published", "代表建议办理情况报告{report}已于{on}予以公开",
            "suggestion-handling report {report} was made public on {on}")  # fmt: skip
