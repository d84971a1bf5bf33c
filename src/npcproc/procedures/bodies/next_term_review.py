"""The outgoing credentials committee reviews the deputies elected for the next term (CQ 20 ¶1, BJ 15 ¶2).

A township's credentials committee serves until its term ends (OL 37 "行使职权至本届人民代表大会任期届满为止"), and a
term ends with the next term's first session (DL 2). Between the general election of the next term's deputies
(:meth:`~npcproc.procedures.Congresses.begin_term` and ``elect_deputies`` for that term) and that first session,
the outgoing committee reviews the new deputies and reports to the outgoing presidium, which confirms the report:

- CQ 20 ¶1 "代表资格审查委员会负责审查……换届时选出的下一届代表的代表资格，并向本级人民代表大会主席团报告代表资格审查
  情况，经主席团确认后，将审查通过的代表名单予以公告";
- BJ 15 ¶2 "新的一届……代表选出后，由上届代表资格审查委员会进行审查并向上届人民代表大会主席团提出报告，经主席团审议通过
  后，在新的一届人民代表大会第一次会议的预备会议上宣布".

:meth:`NextTermReview.report` and :meth:`NextTermReview.confirm` record them (stream ``credentials-next-<congress>``);
where the province says so (``credentials.reviews_next_term``) :meth:`NextTermReview.check` requires every deputy of
the new term in office when its first session opens to be covered by a report of the outgoing committee confirmed
by that day (BJ: announced at the first session's preparatory meeting, so confirmed before it). EL 47 ¶2 asks the
presidium to publish the list "在每届人民代表大会第一次会议前" for every congress; npcproc does not read it as a
duty of the outgoing committee nationally, so no national value is set. A record file holds one term, so
``npcproc check`` cannot audit this: the procedures can, as one store holds both terms.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

import attrs

from npcproc.i18n import define, define_fact
from npcproc.model.levels import Level
from npcproc.procedures.base import Procedure, cite, refuse, ruled
from npcproc.procedures.bodies.commands import CredentialsCommittee
from npcproc.procedures.bodies.events import NextTermConfirmed, NextTermReported
from npcproc.procedures.congress.commands import Congresses
from npcproc.procedures.congress.state import CongressState
from npcproc.procedures.folded import fold_log
from npcproc.procedures.session.commands import Sessions
from npcproc.rules.decision import Decision, Reason

__all__ = [
    "NextTermReview",
]

#: OL 37: the committee serves until the term ends.
SERVES = cite("OL", 37)
#: EL 47 ¶2: the township presidium confirms the deputies' credentials on the committee's report.
CONFIRMATION = cite("EL", 47, 2)


@attrs.frozen(kw_only=True)
class NextTermLog:
    reports: Mapping[str, NextTermReported] = attrs.field(factory=dict)
    confirmed: Mapping[str, datetime.date] = attrs.field(factory=dict)

    def apply(self, event: object) -> NextTermLog:
        match event:
            case NextTermReported(report_id=rid):
                return attrs.evolve(self, reports={**self.reports, rid: event})
            case NextTermConfirmed(report_id=rid, on=on):
                return attrs.evolve(self, confirmed={**self.confirmed, rid: on})
        raise TypeError(f"a next-term credentials stream cannot hold {type(event).__name__}")

    def covered(self, committee_term: int, before: datetime.date) -> frozenset[str]:
        """The deputies reports of ``committee_term``'s committee confirmed before ``before`` cover."""
        return frozenset(d for rid, r in self.reports.items() if r.committee_term == committee_term
                         and rid in self.confirmed and self.confirmed[rid] < before for d in r.deputies)  # fmt: skip


#: The fold of the stream, from an empty NextTermLog.
_fold = fold_log(NextTermLog)


class NextTermReview(Procedure):
    """The outgoing credentials committee's review of the next term's deputies (CQ 20 ¶1, BJ 15 ¶2)."""

    def _stream(self, congress_id: str) -> str:
        return f"credentials-next-{congress_id}"

    def log(self, congress_id: str) -> NextTermLog:
        return self._congress_log(congress_id, self._stream(congress_id), _fold)[0]

    def _first_opened(self, congress: CongressState, term: int) -> datetime.date | None:
        first = next((s.session_id for s in congress.sessions if s.term == term), None)
        return None if first is None else Sessions(self.store, self.rules).state(first).opened_on

    def report(
        self, congress_id: str, report_id: str, *, on: datetime.date, deputies: Sequence[str],
        invalid: Sequence[str] = (),
    ) -> None:  # fmt: skip
        """The outgoing committee reports on deputies of the new term: refused (nothing recorded) unless a new term's
        deputies have been elected, its first session has not opened by ``on`` (the outgoing committee's term has
        not ended), the outgoing term set up a committee by ``on``, and each deputy is one of the new term's."""
        log, version = self._load(self._stream(congress_id), _fold)
        congress = Congresses(self.store, self.rules).state(congress_id)
        new_term = congress.current_term
        outgoing = new_term - 1
        opened = self._first_opened(congress, new_term)
        committee = CredentialsCommittee(self.store, self.rules).state(congress_id).committees.get(outgoing)
        if congress.congress.level is not Level.TOWNSHIP or outgoing < 1 or committee is None or on < committee.on:
            refuse("credentials.no_outgoing_committee", SERVES, term=new_term, on=on.isoformat())
        if opened is not None and opened <= on:
            refuse("credentials.term_over", SERVES, term=outgoing, on=on.isoformat(), opened=opened.isoformat())
        if report_id in log.reports:
            refuse("credentials.report_exists", CONFIRMATION, report_id=report_id)
        for deputy in (*deputies, *invalid):
            found = congress.deputies.get(deputy)
            if found is None or found.term != new_term or deputy not in deputies:
                refuse("credentials.not_next_term", CONFIRMATION, deputy_id=deputy, term=new_term)
        event = NextTermReported(report_id=report_id, committee_term=outgoing, on=on, deputies=tuple(deputies),
                                 invalid=tuple(invalid))  # fmt: skip
        self._append(self._stream(congress_id), version, event)

    def confirm(self, congress_id: str, report_id: str, *, on: datetime.date) -> None:
        """The outgoing presidium confirms the report: refused for an unknown report, a second time, a day before the
        report or once the new term's first session has opened."""
        log, version = self._load(self._stream(congress_id), _fold)
        found = log.reports.get(report_id)
        if found is None:
            refuse("credentials.report_unknown", CONFIRMATION, report_id=report_id)
        if report_id in log.confirmed:
            refuse("credentials.confirmed_twice", CONFIRMATION, report_id=report_id)
        if on < found.on:
            refuse("credentials.confirm_date", CONFIRMATION, report_id=report_id, on=on.isoformat(),
                   reported=found.on.isoformat())  # fmt: skip
        congress = Congresses(self.store, self.rules).state(congress_id)
        opened = self._first_opened(congress, found.committee_term + 1)
        if opened is not None and opened <= on:
            refuse("credentials.term_over", SERVES, term=found.committee_term, on=on.isoformat(),
                   opened=opened.isoformat())  # fmt: skip
        self._append(self._stream(congress_id), version, NextTermConfirmed(report_id=report_id, on=on))

    def check(self, congress_id: str, term: int) -> Decision:
        """Where the province says so, every deputy of ``term`` in office when its first session opened is covered by
        a report of the outgoing committee confirmed before that day. Nothing is judged before that session opens,
        for a first term, or where no rule applies."""
        congress = Congresses(self.store, self.rules).state(congress_id)
        opened = self._first_opened(congress, term)
        if opened is None or term < 2:
            return Decision.of()
        rule = self.rules_for(congress_id, opened).optional("credentials.reviews_next_term")
        if rule is None or not rule.value:
            return Decision.of()
        covered = self.log(congress_id).covered(term - 1, opened)
        reasons: list[Reason] = [
            ruled(d in covered, "credentials.next_term_reviewed", rule, deputy_id=d, term=term,
                  opened=opened.isoformat())
            for d in congress.in_office(opened, term)
        ]  # fmt: skip
        return Decision.of(*reasons)


define(
    "credentials.next_term_reviewed",
    zh_ok="第{term}届代表{deputy_id}的代表资格经上届代表资格审查委员会审查、主席团确认",
    zh_fail="第{term}届代表{deputy_id}的代表资格，应当在第一次会议（{opened}）前由上届代表资格审查委员会审查并经主席团确认",
    en_ok="deputy {deputy_id} of term {term} was reviewed by the outgoing credentials committee and confirmed",
    en_fail="deputy {deputy_id} of term {term} was to be reviewed by the outgoing credentials committee and confirmed "
    "by the presidium before the term's first session ({opened})",
)
define_fact("credentials.no_outgoing_committee", "第{term}届代表选出时，没有上届代表资格审查委员会（{on}）",
            "no outgoing credentials committee for the deputies of term {term} on {on}")  # fmt: skip
define_fact("credentials.term_over", "第{term}届已于{opened}届满（新一届第一次会议），不能在{on}审查或确认",
            "term {term} ended when the next term's first session opened on {opened}: nothing on {on}")  # fmt: skip
define_fact("credentials.not_next_term", "{deputy_id}不是第{term}届当选的代表，或不在报告审查的代表中",
            "{deputy_id} is not a deputy elected for term {term}, or not among those the report reviews")  # fmt: skip
