"""A township deputy tried, arrested or otherwise deprived of liberty, and the reports it calls for.

DL 39 ¶4 (2025): "乡、民族乡、镇的人民代表大会代表，如果被逮捕、受刑事审判、或者被采取法律规定的其他限制人身自由
的措施，执行机关应当立即报告乡、民族乡、镇的人民代表大会". CQ 47 says how: "立即书面报告乡、民族乡、镇人民代表大会；
在乡、民族乡、镇人民代表大会闭会期间，书面报告乡、民族乡、镇人民代表大会主席团，由主席团报告下一次人民代表大会
会议" (``restraint.presidium_reports_to_next_session``, provincial).

:meth:`Restraints.record` records the measure (:class:`Measure`) taken against a deputy in office;
:meth:`Restraints.report` the executing organ's report, addressed to the congress when one of its
sessions is open that day and to its presidium otherwise (recorded as such); :meth:`Restraints.report_to_session`
the presidium's report to a session. "立即" has no number: a report is never late, and a measure
still unreported is a notice (:meth:`Restraints.check`), not a violation. What is checked:

- a report comes on or after the measure, once (refused otherwise, nothing recorded);
- where CQ 47 is in force, the report is in writing (书面), and a report made to the presidium
  between sessions reaches the next session: the first session that opens on or after the report
  (by ``as_of``) has the presidium's report, else a violation.

A county deputy's measures need the presidium's or standing committee's permission (DL 39 ¶1-2),
not a report: not modelled here. Stream ``restraints-<congress>``.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import attrs

from npcproc.i18n import define, define_fact
from npcproc.model.levels import Level
from npcproc.procedures.base import Procedure, cite, reason, refuse, ruled
from npcproc.procedures.congress.commands import Congresses
from npcproc.procedures.folded import fold_log
from npcproc.procedures.restraints.events import Measure, Restrained, RestraintReported, SessionInformed
from npcproc.procedures.session.commands import Sessions
from npcproc.rules.decision import Binding, Decision, Reason

__all__ = [
    "RestraintState",
    "Restraints",
]

#: DL 39 ¶4: the executing organ reports a township deputy's arrest, trial or other measure to the congress.
REPORT = cite("DL", 39, 4)


def restraints_stream(congress_id: str) -> str:
    return f"restraints-{congress_id}"


@attrs.frozen(kw_only=True)
class RestraintState:
    measure: Restrained
    report: RestraintReported | None = None
    sessions: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class RestraintLog:
    cases: Mapping[str, RestraintState] = attrs.field(factory=dict)

    def apply(self, event: object) -> RestraintLog:
        match event:
            case Restrained(restraint_id=rid):
                return RestraintLog(cases={**self.cases, rid: RestraintState(measure=event)})
            case RestraintReported(restraint_id=rid):
                return RestraintLog(cases={**self.cases, rid: attrs.evolve(self.cases[rid], report=event)})
            case SessionInformed(restraint_id=rid, session_id=sid):
                case = self.cases[rid]
                return RestraintLog(cases={**self.cases, rid: attrs.evolve(case, sessions=(*case.sessions, sid))})
        raise TypeError(f"a restraints stream cannot hold {type(event).__name__}")


#: The fold of the stream, from an empty RestraintLog.
fold_restraints = fold_log(RestraintLog)


class Restraints(Procedure):
    """Record measures against township deputies and the reports on them (DL 39 ¶4, CQ 47)."""

    def log(self, congress_id: str) -> RestraintLog:
        return self._current(congress_id)[0]

    def _current(self, congress_id: str) -> tuple[RestraintLog, int]:
        return self._congress_log(congress_id, restraints_stream(congress_id), fold_restraints)

    def record(
        self, congress_id: str, restraint_id: str, deputy_id: str, *, measure: Measure, on: datetime.date,
        organ: str = "",
    ) -> None:  # fmt: skip
        """The measure taken against a township deputy in office on ``on``; refused for a known id, another level's
        congress (DL 39 ¶1-2 ask permission there, not a report) or a person not in office that day."""
        log, version = self._current(congress_id)
        congress = Congresses(self.store, self.rules).state(congress_id)
        if restraint_id in log.cases:
            refuse("restraint.exists", REPORT, restraint=restraint_id)
        if congress.congress.level is not Level.TOWNSHIP:
            refuse("restraint.township_only", REPORT, congress_id=congress_id)
        if deputy_id not in congress.in_office(on):
            refuse("restraint.not_in_office", REPORT, deputy_id=deputy_id, on=on.isoformat())
        event = Restrained(restraint_id=restraint_id, deputy_id=deputy_id, measure=Measure(measure), on=on,
                           organ=organ)  # fmt: skip
        self._append(restraints_stream(congress_id), version, event)

    def report(self, congress_id: str, restraint_id: str, *, on: datetime.date, written: bool = True) -> Decision:
        """The executing organ's report on ``on``: to the congress when one of its sessions is open that day, else to
        its presidium. Refused before the measure or a second time; where CQ 47 is in force an oral report is
        recorded and the Decision says it should have been in writing."""
        log, version = self._current(congress_id)
        case = self._case(log, restraint_id)
        if on < case.measure.on:
            refuse("restraint.report_before_measure", REPORT, restraint=restraint_id, on=on.isoformat(),
                   measured=case.measure.on.isoformat())  # fmt: skip
        if case.report is not None:
            refuse("restraint.already_reported", REPORT, restraint=restraint_id, on=case.report.on.isoformat())
        in_session = any(s.opened_on is not None and s.opened_on <= on and (s.closed_on is None or on <= s.closed_on)
                         for s in Sessions(self.store, self.rules).of_congress(congress_id))  # fmt: skip
        rule = self.rules_for(congress_id, on).optional("restraint.presidium_reports_to_next_session")
        reasons = [reason(True, "restraint.reported", REPORT, restraint=restraint_id, on=on.isoformat())]
        if rule is not None and rule.value:
            reasons.append(ruled(written, "restraint.written", rule, restraint=restraint_id))
        event = RestraintReported(restraint_id=restraint_id, on=on, to_presidium=not in_session, written=written)
        self._append(restraints_stream(congress_id), version, event)
        return Decision.of(*reasons)

    def report_to_session(self, congress_id: str, restraint_id: str, *, session_id: str) -> None:
        """The presidium reported the measure to ``session_id`` (CQ 47); refused before the organ's report reached
        the presidium, or for a session not opened on or after that report."""
        log, version = self._current(congress_id)
        case = self._case(log, restraint_id)
        session = Sessions(self.store, self.rules).state(session_id)
        if case.report is None or not case.report.to_presidium:
            refuse("restraint.not_with_presidium", REPORT, restraint=restraint_id)
        if session.congress_id != congress_id or session.opened_on is None or session.opened_on < case.report.on:
            refuse("restraint.session_before_report", REPORT, restraint=restraint_id, session=session_id,
                   reported=case.report.on.isoformat())  # fmt: skip
        self._append(restraints_stream(congress_id), version,
                     SessionInformed(restraint_id=restraint_id, session_id=session_id))  # fmt: skip

    def check(self, congress_id: str, *, as_of: datetime.date) -> Decision:
        """Every measure: reported (a notice while not: "立即" has no number), and where CQ 47 is in force, a report
        to the presidium reported by it to the next session opened on or after it (by ``as_of``)."""
        sessions = sorted((s for s in Sessions(self.store, self.rules).of_congress(congress_id)
                           if s.opened_on is not None and s.opened_on <= as_of),
                          key=lambda s: s.opened_on or datetime.date.min)  # fmt: skip
        reasons: list[Reason] = []
        for rid, case in self.log(congress_id).cases.items():
            report = case.report
            if report is None:
                # "立即" has no number: the missing report is a notice and the decision still holds.
                reasons.append(Reason(ok=False, code="restraint.unreported", citation=REPORT, binding=Binding.NORMALLY,
                                      values={"restraint": rid, "deputy_id": case.measure.deputy_id,
                                              "on": case.measure.on.isoformat()}))  # fmt: skip
                continue
            rule = self.rules_for(congress_id, report.on).optional("restraint.presidium_reports_to_next_session")
            if rule is None or not rule.value or not report.to_presidium:
                continue
            following = [s for s in sessions if s.opened_on is not None and s.opened_on >= report.on]
            if following:
                reasons.append(ruled(following[0].id in case.sessions, "restraint.next_session", rule, restraint=rid,
                                     session=following[0].id, reported=report.on.isoformat()))  # fmt: skip
        return Decision.of(*reasons)

    @staticmethod
    def _case(log: RestraintLog, restraint_id: str) -> RestraintState:
        case = log.cases.get(restraint_id)
        if case is None:
            refuse("restraint.unknown", REPORT, restraint=restraint_id)
        return case


define(
    "restraint.reported",
    zh_ok="执行机关已于{on}报告对代表采取的措施（{restraint}）",
    zh_fail="执行机关未报告对代表采取的措施（{restraint}）",
    en_ok="the executing organ reported the measure {restraint} on {on}",
    en_fail="the executing organ did not report the measure {restraint}",
)
define(
    "restraint.unreported",
    zh_ok="对代表{deputy_id}的措施（{restraint}）已报告",
    zh_fail="{on}对代表{deputy_id}采取的措施（{restraint}），执行机关应当立即报告乡镇人民代表大会，尚无报告",
    en_ok="the measure {restraint} against deputy {deputy_id} was reported",
    en_fail="the measure {restraint} taken on {on} against deputy {deputy_id} is to be reported to the township "
    "congress at once and has not been",
)
define(
    "restraint.written",
    zh_ok="执行机关书面报告了措施（{restraint}）",
    zh_fail="执行机关应当书面报告措施（{restraint}），报告不是书面的",
    en_ok="the measure {restraint} was reported in writing",
    en_fail="the measure {restraint} was to be reported in writing and was not",
)
define(
    "restraint.next_session",
    zh_ok="主席团已将{reported}收到的报告（{restraint}）报告下一次会议{session}",
    zh_fail="主席团应当将{reported}收到的报告（{restraint}）报告下一次人民代表大会会议，会议{session}没有",
    en_ok="the presidium reported the measure {restraint} (reported to it on {reported}) to the next session {session}",
    en_fail="the presidium was to report the measure {restraint} (reported to it on {reported}) to the next session, "
    "and session {session} had no such report",
)
define_fact("restraint.exists", "措施{restraint}已有记录", "measure {restraint} is already recorded")
define_fact("restraint.unknown", "没有措施{restraint}的记录", "no record of measure {restraint}")
define_fact("restraint.township_only", "{congress_id}不是乡镇人民代表大会，县级以上代表适用许可而非报告",
            "{congress_id} is not a township congress: a county deputy's measures need permission")  # fmt: skip
define_fact("restraint.not_in_office", "{deputy_id}在{on}不是在任代表", "{deputy_id} is not a deputy in office on {on}")
define_fact("restraint.report_before_measure", "措施{restraint}于{measured}采取，不能在{on}报告",
            "measure {restraint} was taken on {measured}; it cannot have been reported on {on}")  # fmt: skip
define_fact("restraint.already_reported", "措施{restraint}已于{on}报告", "measure {restraint} was reported on {on}")
define_fact("restraint.not_with_presidium", "措施{restraint}没有在闭会期间报告主席团",
            "measure {restraint} was not reported to the presidium between sessions")  # fmt: skip
define_fact("restraint.session_before_report", "会议{session}不在主席团收到报告（{reported}）之后",
            "session {session} did not open on or after the report to the presidium ({reported})")  # fmt: skip
