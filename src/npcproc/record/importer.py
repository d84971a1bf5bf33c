# Over 400 lines: one player: each kind of record entry played through its procedure, in the record's order.
"""Import a record into an event store by playing it through the procedures.

The store ends up holding the events the live API would have written for the same steps. The
record is audited first and any violation refuses the import. The steps are played into a
:class:`~npcproc.store.MemoryStore`; only when every step was accepted, and the target holds
none of the streams the record makes, are the events copied into the target, in log order,
keeping their event ids. A refused import writes nothing.

An election round is recorded as counts; its anonymous ballots are rebuilt from them (each
candidate's yes marks spread over the returned ballots, void ballots as over-marked ones), so
the round's stored batch gives the same count. A vote by show of hands or electronic voting
is imported from each deputy's choice; given only as counts it is refused, since the procedure
records who voted how.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import groupby
from typing import Any

import attrs

from npcproc.errors import NpcprocError, ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.congress import StatusChange
from npcproc.model.election import Candidate, ElectionBallot, FurtherCandidates, FurtherSession, Office, RoundKind
from npcproc.model.session import Bill, BillStatus, Choice, VoteCount, VoteMethod
from npcproc.procedures import (
    BudgetAdjustments,
    Budgets,
    Congresses,
    CredentialsCommittee,
    DeputyGroups,
    Elections,
    HandlingReports,
    Inquiries,
    Preparations,
    SessionCommittees,
    SessionGroups,
    Sessions,
    StandingRules,
    Suggestions,
    Supervision,
)
from npcproc.procedures.supervision.commands import link
from npcproc.procedures.supervision.events import Step
from npcproc.record.audit import Audit, audit, heads_after
from npcproc.record.model import (
    AdjustmentRecord,
    CaseRecord,
    CongressRecord,
    CongressYear,
    CountRecord,
    CredentialsReportRecord,
    DeputyGroupRecord,
    ElectionRecord,
    HandlingReportRecord,
    RatingRecord,
    ReplyRecord,
    SessionRecord,
    SuggestionRecord,
)
from npcproc.rules.ruleset import RuleSet
from npcproc.serialization import event_from_data
from npcproc.store.base import Append, EventStore, Record
from npcproc.store.memory import MemoryStore

__all__ = ["ImportRefusedError", "ImportResult", "StagedRecord", "import_record", "stage_record", "write_staged"]

#: ``progress(items, total)`` yields the items while showing how far the work has got.
Progress = Callable[[list[Any], int], Iterable[Any]]


class ImportRefusedError(NpcprocError):
    """The record was not imported (nothing was written); ``audit`` holds the findings when it had violations."""

    def __init__(self, message: str, *, zh: str, audit: Audit | None = None) -> None:
        self.zh, self.audit = zh, audit
        super().__init__(message)

    def message(self, lang: str = "en") -> str:
        return self.zh if lang == "zh" else str(self)


@attrs.frozen(kw_only=True)
class ImportResult:
    """What an import wrote: how many events, to which streams, and the target's head afterwards."""

    events: int
    streams: tuple[str, ...]
    head: str


def _plain(items: list[Any], total: int) -> Iterable[Any]:
    return items


def import_record(
    record: CongressRecord, store: EventStore, rules: RuleSet, *, progress: Progress | None = None
) -> ImportResult:
    """Audit ``record``, play it through the procedures, and copy the events into ``store`` in one transaction.

    ``progress(items, total)`` wraps the congress years as they are played and the streams as
    they are prepared (e.g. a progress bar). Raises :class:`ImportRefusedError` and writes
    nothing when the record has violations, a procedure refuses a step, or ``store`` already
    holds a stream the record makes. The events are written by one ``append_many``: an import
    interrupted at any point leaves the store as it was.
    """
    return write_staged(stage_record(record, rules, progress=progress), store, progress=progress)


@attrs.frozen(kw_only=True)
class StagedRecord:
    """A record audited and played through the procedures, its events ready to be written."""

    records: tuple[Record, ...]


def stage_record(record: CongressRecord, rules: RuleSet, *, progress: Progress | None = None) -> StagedRecord:
    """The first half of :func:`import_record`, which touches no store: audit and play ``record``.

    A command can stage first and open (or create) the store only for a record that plays.
    """
    show = progress or _plain
    found = audit(record, rules)
    if not found.ok:
        count = len(found.violations)
        raise ImportRefusedError(
            f"the record has {count} violation(s) (see npcproc check); nothing was imported",
            zh=f"记录有{count}处违规（见 npcproc check），未导入任何内容", audit=found,
        )  # fmt: skip
    staging = MemoryStore()
    for index, year in show(list(enumerate(record.congresses)), len(record.congresses)):
        _Player(year, staging, rules, f"congresses[{index}]").play()
    return StagedRecord(records=tuple(staging.read_all()))


def write_staged(staged: StagedRecord, store: EventStore, *, progress: Progress | None = None) -> ImportResult:
    """The second half of :func:`import_record`: every stream of ``staged`` written in one transaction."""
    show = progress or _plain
    records = staged.records
    streams = tuple(dict.fromkeys(r.stream for r in records))
    taken = [s for s in streams if store.stream_version(s)]
    if taken:
        raise ImportRefusedError(
            f"the store already holds {len(taken)} of the record's streams (first: {taken[0]}); nothing was imported",
            zh=f"存储中已有本记录的{len(taken)}个事件流（第一个：{taken[0]}），未导入任何内容",
        )
    by_stream: dict[str, list[Record]] = {}
    for r in records:
        by_stream.setdefault(r.stream, []).append(r)
    appends = [
        Append(stream=stream, events=[event_from_data(r.type, r.data) for r in batch], expected_version=0,
               event_ids=[r.event_id for r in batch])
        for stream, batch in show(list(by_stream.items()), len(by_stream))
    ]  # fmt: skip
    store.append_many(appends)
    return ImportResult(events=len(records), streams=streams, head=store.head().hash)


class _Player:
    """Plays one congress year through the procedures."""

    def __init__(self, year: CongressYear, store: EventStore, rules: RuleSet, where: str) -> None:
        self.year, self.where = year, where
        self.congresses, self.sessions = Congresses(store, rules), Sessions(store, rules)
        self.elections, self.inquiries = Elections(store, rules), Inquiries(store, rules)
        self.suggestions, self.supervision = Suggestions(store, rules), Supervision(store, rules)
        self.budgets, self.preparations = Budgets(store, rules), Preparations(store, rules)
        self.heads = {
            Office.TOWNSHIP_HEAD: year.township_heads,
            Office.DEPUTY_TOWNSHIP_HEAD: year.deputy_township_heads,
        }
        self.budgets, self.handling = Budgets(store, rules), HandlingReports(store, rules)
        self.standing_rules = StandingRules(store, rules)
        self.credentials, self.groups = CredentialsCommittee(store, rules), DeputyGroups(store, rules)
        self.session_groups = SessionGroups(store, rules)
        self.session_committees = SessionCommittees(store, rules)

    def play(self) -> None:
        self._step(self.where, self._congress)
        for index, session in sorted(enumerate(self.year.sessions), key=lambda pair: pair[1].opens_on):
            self._step(f"{self.where}.sessions[{index}]", functools.partial(self._session, session))
        for index, suggestion in enumerate(self.year.suggestions):
            self._step(f"{self.where}.suggestions[{index}]", functools.partial(self._suggestion, suggestion))
        for index, case in enumerate(self.year.supervision):
            self._step(f"{self.where}.supervision[{index}]", functools.partial(self._case, case))
        for index, published in enumerate(self.year.budget_publications):
            self._step(f"{self.where}.budget_publications[{index}]", functools.partial(
                self.budgets.publish, self.year.id, published.session, published.item, on=published.on))  # fmt: skip
        for index, adjustment in enumerate(self.year.budget_adjustments):
            self._step(f"{self.where}.budget_adjustments[{index}]", functools.partial(self._adjustment, adjustment))
        for index, adopted in enumerate(self.year.standing_rules):
            self._step(f"{self.where}.standing_rules[{index}]", functools.partial(
                self.standing_rules.adopt, self.year.id, adopted.kind, on=adopted.adopted_on))  # fmt: skip
        for index, handling in enumerate(self.year.handling_reports):
            self._step(f"{self.where}.handling_reports[{index}]", functools.partial(self._handling, handling))
        for index, report in enumerate(self.year.credentials_reports):
            self._step(f"{self.where}.credentials_reports[{index}]", functools.partial(self._report, report))
        for index, group in enumerate(self.year.deputy_groups):
            self._step(f"{self.where}.deputy_groups[{index}]", functools.partial(self._group, group))

    def _handling(self, report: HandlingReportRecord) -> None:
        self.handling.report(self.year.id, report.id, on=report.on)
        if report.published_on is not None:
            self.handling.publish(self.year.id, report.id, on=report.published_on)

    @staticmethod
    def _step(where: str, action: Callable[[], object]) -> None:
        try:
            action()
        except ProcedureError as refusal:
            raise ImportRefusedError(f"{where}: refused: {refusal.decision.explain('en')}; nothing was imported",
                                     zh=f"{where}：不予记录：{refusal.decision.explain('zh')}；未导入任何内容",
                                     ) from refusal  # fmt: skip

    def _adjustment(self, record: AdjustmentRecord) -> None:
        adjustments = BudgetAdjustments(self.budgets.store, self.budgets.rules)
        adjustments.submit(self.year.id, record.session, record.item, on=record.submitted_on,
                           in_writing=record.in_writing)  # fmt: skip
        if record.opinions_heard_on is not None:
            adjustments.hear_opinions(self.year.id, record.session, record.item, on=record.opinions_heard_on)

    def _congress(self) -> None:
        year, congresses = self.year, self.congresses
        congresses.establish(Congress(id=year.id, name=year.name, level=year.level, division_code=year.division_code,
                                      population=year.population, deputy_quota=year.deputy_quota,
                                      designations=year.designations,
                                      ethnic_minority=year.ethnic_minority))  # fmt: skip
        for term in range(1, year.term + 1):  # earlier terms are on record only as numbers
            congresses.begin_term(year.id, term, elections_completed_on=year.elections_completed_on)
        for day, group in groupby(sorted(year.deputies, key=lambda d: d.elected_on), key=lambda d: d.elected_on):
            congresses.elect_deputies(year.id, {d.id: d.name for d in group}, term=year.term, on=day)
        if year.level is Level.TOWNSHIP and (year.township_heads or year.deputy_township_heads):
            congresses.record_heads(year.id, heads=year.township_heads, deputy_heads=year.deputy_township_heads,
                                    on=year.elections_completed_on)  # fmt: skip
        if year.upper_deputies:
            congresses.record_upper_deputies(year.id, year.upper_deputies, on=year.elections_completed_on)
        for deputy in year.deputies:
            if deputy.administrative_post:
                congresses.record_administrative_post(year.id, deputy.id, holds=True, on=deputy.elected_on)
            for change in deputy.changes:
                congresses.record_past_status(year.id, deputy.id, StatusChange(status=change.status, on=change.on,
                                                                               note=change.note))  # fmt: skip

    def _session(self, s: SessionRecord) -> None:
        self._play_session(s)
        # A term's first session elects the government anew: the outgoing heads leave the posts on record, as
        # npcproc check follows them (the store would otherwise keep every holder an election seated).
        heads = heads_after(self.heads, s)
        if self.year.level is Level.TOWNSHIP and any(not set(self.heads[o]) <= set(heads[o]) for o in heads):
            self.congresses.record_heads(self.year.id, heads=heads[Office.TOWNSHIP_HEAD],
                                         deputy_heads=heads[Office.DEPUTY_TOWNSHIP_HEAD],
                                         on=s.closed_on or s.opens_on)  # fmt: skip
        self.heads = heads

    def _play_session(self, s: SessionRecord) -> None:
        sessions, sid, day = self.sessions, s.id, s.opens_on
        sessions.plan(sid, congress_id=self.year.id, opens_on=day, kind=s.kind, convened_by=s.convened_by,
                      days=s.days, proposers=s.proposers)  # fmt: skip
        if s.bill_deadline is not None:
            sessions.fix_bill_deadline(sid, deadline=s.bill_deadline)
        for made in s.preparations:
            self.preparations.record(sid, made.step, on=made.on)
        if s.notice_on is not None:
            sessions.give_notice(sid, on=s.notice_on, materials_on=s.materials_on or s.notice_on)
        prep = s.preparatory
        if prep is None and s.present:
            raise ImportRefusedError(
                f"{self.where}: session {sid} gives no preparatory meeting (its roll and the votes on the presidium "
                "and the agenda, OL 14 ¶4, OL 25); the import needs them (preparatory); nothing was imported",
                zh=f"{self.where}：会议{sid}没有预备会议的出席名单和主席团、议程的表决票数（preparatory）；未导入任何内容",
            )  # fmt: skip
        if prep is not None:
            sessions.hold_preparatory_meeting(
                sid, on=day, present=s.present if prep.present is None else prep.present, presidium=s.presidium,
                presidium_vote=_count(prep.presidium_vote), agenda=s.agenda, agenda_vote=_count(prep.agenda_vote),
                presided_by=prep.presided_by,
            )  # fmt: skip
        for deputy in s.on_leave:
            sessions.grant_leave(sid, deputy)
        if s.admitted:
            sessions.admit_attendees(sid, s.admitted)
        if not s.present:
            return
        sessions.open(sid, on=day, present=s.present, attending=s.attending, invited=s.invited)
        for bill in s.bills:
            sessions.submit_bill(sid, Bill(id=bill.id, subject=bill.subject, grounds=bill.grounds,
                                           proposal=bill.proposal, sponsors=bill.sponsors,
                                           sponsor_body=bill.sponsor_body, status=BillStatus.SUBMITTED),
                                on=bill.submitted_on)  # fmt: skip
            sessions.decide_listing(sid, bill.id, listed=bill.listed)
        for election in s.elections:
            self._election(sid, election, s.present)
        for vote in s.votes:
            sessions.open_vote(sid, vote.id, subject=vote.subject, method=vote.method, on=vote.on,
                               present=vote.present if vote.present is not None else s.present)  # fmt: skip
            if vote.choices:
                for deputy, choice in vote.choices.items():
                    sessions.cast(sid, vote.id, deputy, choice)
            elif vote.method is VoteMethod.SECRET_BALLOT:
                sessions.count_ballots(sid, vote.id, yes=vote.yes or 0, no=vote.no or 0, abstain=vote.abstain or 0)
            else:
                raise ImportRefusedError(
                    f"{self.where}: vote {vote.id} by {vote.method.value} gives only counts; the import needs each "
                    "deputy's choice (choices = {{deputy = \"yes\"}}); nothing was imported",
                    zh=f"{self.where}：表决{vote.id}只有票数；导入需要每位代表的表决意见（choices）；未导入任何内容",
                )  # fmt: skip
            sessions.close_vote(sid, vote.id, announced_by=vote.announced_by)
        for item in s.agenda:
            sessions.handle_item(sid, item.id)
        for inquiry in s.inquiries:
            self.inquiries.file(inquiry.id, session_id=sid, sponsors=inquiry.sponsors, target=inquiry.target,
                                questions=inquiry.questions)  # fmt: skip
            self.inquiries.decide_answer_form(inquiry.id, form=inquiry.form, complex=inquiry.complex)
            for answer in inquiry.answers:
                self.inquiries.answer(inquiry.id, answered_by=answer.answered_by, on=answer.on)
                self.inquiries.rate(inquiry.id, dissatisfied=answer.dissatisfied)
        if (committee := s.credentials_committee) is not None:
            self.credentials.set_up(self.year.id, sid, on=committee.on or day, chair=committee.chair,
                                    vice_chairs=committee.vice_chairs, members=committee.members,
                                    nominated_by=committee.nominated_by)  # fmt: skip
        self._groups(s)
        self._committees(s)
        if s.closed_on is not None:
            sessions.close(sid, on=s.closed_on)

    def _committees(self, s: SessionRecord) -> None:
        """The session's committees (SD 7) and their reports (SD 18 ¶2)."""
        for committee in s.committees:
            self.session_committees.adopt(s.id, committee.kind, on=committee.on or s.opens_on,
                                          members=committee.members, chair=committee.chair)  # fmt: skip
        for committee in s.committees:
            for report in committee.reports:
                self.session_committees.report(s.id, report.id, kind=committee.kind, on=report.on,
                                               items=report.items)  # fmt: skip

    def _groups(self, s: SessionRecord) -> None:
        """The session's groups and their meetings (DL 14; SD 10-12): played before it closes."""
        for group in s.groups:
            self.session_groups.form(s.id, group.id, on=group.on or s.opens_on, members=group.members,
                                     conveners=group.conveners, name=group.name)  # fmt: skip
            for meeting in group.meetings:
                self.session_groups.hold_meeting(s.id, group.id, meeting.id, on=meeting.on,
                                                 presided_by=meeting.presided_by, items=meeting.items,
                                                 present=meeting.present, government=meeting.government)  # fmt: skip
        for held in s.conveners_meetings:
            self.session_groups.hold_conveners_meeting(
                s.id, held.id, on=held.on, kind=held.kind, convened_by=held.convened_by, attendees=held.attendees,
                items=held.items, government=held.government, reported_on=held.reported_on,
            )  # fmt: skip

    def _election(self, session_id: str, e: ElectionRecord, present: Sequence[str]) -> None:
        """One election; a round without its own roll was held before the session's roll (``present``)."""
        elections = self.elections
        elections.open(e.id, session_id=session_id, office=e.office, seats=e.seats,
                       extra_candidates=e.extra_candidates, by_election=e.by_election)  # fmt: skip
        for nomination in e.nominations:
            candidates = [Candidate(id=c, name=c, full_time=c in nomination.full_time,
                                    ethnicity=nomination.ethnicity.get(c, ""))
                          for c in nomination.candidates]  # fmt: skip
            elections.nominate(e.id, candidates, by=nomination.by, nominators=nomination.nominators)
        # A record does not date the formal list: it was fixed by the first round at the latest (OL 27 ¶2).
        listed_on = e.rounds[0].on if e.rounds else None
        elections.list_candidates(e.id, preliminary_votes=dict(e.preliminary_votes) or None, on=listed_on)
        for counted in e.rounds:
            roll = present if counted.present is None else counted.present
            if counted.kind is RoundKind.FIRST:
                number = elections.open_round(e.id, on=counted.on, present=roll)
            elif counted.kind is RoundKind.REVOTE:
                number = elections.revote(e.id, on=counted.on, present=roll)
            else:  # a record's further round at the same session: the congress decided to hold it there
                elections.decide_further_election(e.id, on=counted.on, at=FurtherSession.THIS_SESSION, present=roll)
                number = elections.further_election(e.id, session_id=session_id, on=counted.on, present=roll,
                                                    candidates_by=FurtherCandidates.NOMINATED,
                                                    nominated=counted.candidates)  # fmt: skip
            open_seats = elections.state(e.id).current.seats  # type: ignore[union-attr]
            ballots = list(rebuild_ballots(e.id, number, counted.votes, counted.ballots_returned,
                                           counted.void_ballots, open_seats))  # fmt: skip
            elections.count(e.id, ballots, ballots_issued=counted.ballots_issued)

    def _suggestion(self, s: SuggestionRecord) -> None:
        suggestions, cid = self.suggestions, self.year.id
        suggestions.submit(cid, s.id, deputies=s.deputies, subject=s.subject, content=s.content, on=s.submitted_on,
                           session_id=s.session)  # fmt: skip
        if s.referred_on is None:
            return
        suggestions.refer(cid, s.id, unit=s.unit or "—", on=s.referred_on, complex=s.complex, urgent=s.urgent)
        steps: list[ReplyRecord | RatingRecord] = sorted([*s.replies, *s.ratings],
                                                         key=lambda r: (r.on, isinstance(r, RatingRecord)))  # fmt: skip
        for step in steps:
            if isinstance(step, ReplyRecord):
                suggestions.reply(cid, s.id, on=step.on, category=step.category, reasons=step.reasons)
            else:
                suggestions.rate(cid, s.id, on=step.on, rating=step.rating)

    def _report(self, report: CredentialsReportRecord) -> None:
        self.credentials.report(self.year.id, report.id, on=report.on, deputies=report.deputies, invalid=report.invalid)
        if report.confirmed_on is not None:
            self.credentials.confirm(self.year.id, report.id, on=report.confirmed_on)

    def _group(self, group: DeputyGroupRecord) -> None:
        self.groups.form(self.year.id, group.id, on=group.formed_on, members=group.members, leader=group.leader,
                         vice_leaders=group.vice_leaders, name=group.name)  # fmt: skip
        for activity in group.activities:
            self.groups.record_activity(self.year.id, group.id, activity.id, on=activity.on, present=activity.present,
                                        subject=activity.subject, guests=activity.guests)  # fmt: skip

    def _case(self, case: CaseRecord) -> None:
        cid = self.year.id
        specs = [link(record.kind, record.body, rated=record.rated) for record in case.links]
        self.supervision.open_case(case.id, congress_id=cid, subject=case.subject, links=specs)
        for index, record in enumerate(case.links):
            for step in record.steps:
                if step.step is Step.RATED:
                    self.supervision.rate(case.id, index, congress_id=cid, on=step.on, satisfied=step.satisfied or 0,
                                          raters=step.raters or 0, new_due=step.due)  # fmt: skip
                    if step.published_on is not None:
                        self.supervision.publish_rating(case.id, index, congress_id=cid, on=step.published_on,
                                                        rated_on=step.on)  # fmt: skip
                else:
                    self.supervision.record(case.id, index, step.step, congress_id=cid, on=step.on,
                                            due=step.due if step.step is Step.REFERRED else None, lead=step.lead,
                                            note=step.note)  # fmt: skip


def _count(record: CountRecord) -> VoteCount:
    return VoteCount(yes=record.yes, no=record.no, abstain=record.abstain)


def rebuild_ballots(
    election_id: str, number: int, votes: Mapping[str, int], returned: int, void: int, seats: int
) -> Iterator[ElectionBallot]:
    """Anonymous ballots giving ``votes``: yes marks laid round the valid ballots in turn, so no ballot
    marks one candidate twice or more people than ``seats``; ``void`` ballots mark one more than ``seats``."""
    valid = max(returned - void, 0)
    marks: list[dict[str, Choice]] = [{} for _ in range(valid)]
    at = 0
    for candidate, count in votes.items():
        for _ in range(count):
            marks[at % valid][candidate] = Choice.YES
            at += 1
    for ballot in marks:
        yield ElectionBallot(election_id=election_id, round=number, marks=ballot)
    for n in range(returned - valid):
        spoilt = tuple(f"void-{n}-{k}" for k in range(seats + 1))
        yield ElectionBallot(election_id=election_id, round=number, write_ins=spoilt)
