"""The presidium's preparations before a session (筹备工作, SD 29), as recorded steps of the session.

SD 29 "乡镇人民代表大会主席团在决定召集本级人民代表大会会议前，应做下列筹备工作": (1) the date, which is the session's
plan (:meth:`Sessions.plan <npcproc.procedures.Sessions.plan>`); (2) the draft agenda, the draft list of attendees
and the draft lists of the bill and budget committees; (3) the draft list of the session's presidium; (4) approving
the credentials committee's report; (5) urging the government and (6) the logistics, which no record shows.

npcproc records a session from its plan, so a preparation is recorded on the session from then on and is due by the
day the session opens (its preparatory meeting adopts what was drafted, SD 7): the "decision to convene" after the
date is fixed (SD 29 puts fixing the date among the preparations that precede it) is no separate act here. Where the
province says so (``session.preparations``), each of (2) and (3) is required for every session; (4) is recorded when
there is a report to approve and is not required, as a session may come with no deputies to review. A missing
preparation is a violation found by :meth:`Preparations.check` and ``npcproc check``; it does not stop the congress
from sitting (the preparatory meeting is the congress's act, the preparations the presidium's duty).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from npcproc.errors import InvalidArgumentError
from npcproc.model.session import PreparationStep, SessionKind, SessionStatus
from npcproc.procedures.base import Procedure, cite, refuse, ruled
from npcproc.procedures.congress.commands import Congresses
from npcproc.procedures.session import messages  # noqa: F401 - defines the message codes used below
from npcproc.procedures.session.commands import Sessions, session_stream
from npcproc.procedures.session.events import PreparationRecorded
from npcproc.rules.decision import Decision, Reason
from npcproc.rules.ruleset import RuleSet

__all__ = ["REQUIRED", "Preparations", "preparation_checks"]

#: the preparations SD 29 requires before every session: (2) the drafts of the agenda, the attendees and the two
#: committees, (3) the draft list of the presidium
REQUIRED = (PreparationStep.DRAFT_AGENDA, PreparationStep.DRAFT_ATTENDEES, PreparationStep.DRAFT_COMMITTEES,
            PreparationStep.DRAFT_PRESIDIUM)  # fmt: skip

_ZH = {
    PreparationStep.DRAFT_AGENDA: "拟定会议议程草案",
    PreparationStep.DRAFT_ATTENDEES: "拟定列席会议人员名单草案",
    PreparationStep.DRAFT_COMMITTEES: "提出议案审查委员会和财政预算审查委员会名单草案",
    PreparationStep.DRAFT_PRESIDIUM: "提出下次会议主席团名单草案",
    PreparationStep.CREDENTIALS_REPORT_APPROVED: "批准代表资格审查委员会的审查报告",
}


def preparation_checks(
    rules: RuleSet, kind: SessionKind, made: Mapping[PreparationStep, datetime.date], opens_on: datetime.date
) -> list[Reason]:
    """SD 29: where the rule covers the session, each required preparation (:data:`REQUIRED`) made on or before
    the day the session opens. No rule, no check."""
    rule = rules.optional("session.preparations")
    if rule is None or not rule.value or not rule.covers(kind):
        return []
    checks = []
    for step in REQUIRED:
        on = made.get(step)
        ok = on is not None and on <= opens_on
        checks.append(ruled(ok, "session.preparation", rule, step=step.value.replace("_", " "), step_zh=_ZH[step],
                            on=on.isoformat() if on else "", opens_on=opens_on.isoformat()))  # fmt: skip
    return checks


class Preparations(Procedure):
    """Record the presidium's preparations of a session and judge them (SD 29)."""

    def record(self, session_id: str, step: PreparationStep, *, on: datetime.date) -> None:
        """The presidium made ``step`` on ``on``: from the session's plan until its preparatory meeting, and no
        later than the day it opens (a step made again replaces the day). A step after the preparatory meeting is
        refused (``session.wrong_stage``), one dated after the opening day is an invalid argument."""
        sessions = Sessions(self.store, self.rules)
        state, version = sessions._current(session_id)
        if state.status not in (SessionStatus.PLANNED, SessionStatus.NOTICED):
            refuse("session.wrong_stage", cite("OL", 14), status=state.status.value, action="prepare it")
        if on > state.opens_on:
            raise InvalidArgumentError("on", f"a preparation on {on} comes after the session opens ({state.opens_on})")
        self._append(session_stream(session_id), version, PreparationRecorded(step=step, on=on))

    def check(self, session_id: str) -> Decision:
        """The preparations the province requires of the session (SD 29), by the rules in force on its opening day:
        a failing reason for each not recorded."""
        state = Sessions(self.store, self.rules).state(session_id)
        rules = Congresses(self.store, self.rules).state(state.congress_id).rules(self.rules, state.opens_on)
        return Decision.of(*preparation_checks(rules, state.kind, state.preparations, state.opens_on))
