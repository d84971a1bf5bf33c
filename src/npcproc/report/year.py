"""A congress year read out of an event store: the one place that does so.

:func:`read_year` walks the store's global log once, groups the records by stream, and folds
each stream with the fold of the procedure that wrote it (the same folds the procedures use
to decide). The result, a :class:`YearView`, holds those procedure states, per congress,
filtered to one year and one congress when asked::

    with closing(open_store("sqlite:///qingxi.db")) as store:
        view = read_year(store, year=2022)
    for congress in view.congresses:
        print(congress.name, len(congress.sessions), len(congress.overdue_suggestions()))

It backs ``npcproc report`` and is meant for every reader of a whole year (exports,
calendars). Any :class:`~npcproc.store.backend.EventStore` will do: memory, SQLite, PostgreSQL.

What belongs to a year: sessions that open in it, and the elections, inquiries and
questions of those sessions; suggestions and supervision cases active in it (begun by its
end and not closed before its start); livelihood projects of that year; presidium meetings
held in it. States are folded from every record, so "overdue" means overdue on ``as_of`` as
the records now stand.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

import attrs

from npcproc.errors import NpcprocError
from npcproc.events import declared_name
from npcproc.model.levels import Level
from npcproc.model.suggestion import SuggestionStatus
from npcproc.procedures.congress.events import CongressEstablished
from npcproc.procedures.congress.state import CongressState, fold_congress
from npcproc.procedures.election.events import ElectionOpened
from npcproc.procedures.election.state import ElectionState, fold_election
from npcproc.procedures.inquiry.commands import InquiryState, fold_inquiry
from npcproc.procedures.inquiry.events import InquiryFiled, QuestionAsked
from npcproc.procedures.livelihood.events import CollectionOpened
from npcproc.procedures.livelihood.state import LivelihoodState, fold_livelihood
from npcproc.procedures.presidium.commands import MeetingState, PresidiumMeetings, fold_presidium
from npcproc.procedures.presidium.events import MeetingHeld, MemberResigned
from npcproc.procedures.session.agenda import annual_agenda, elected_at, first_sessions
from npcproc.procedures.session.events import SessionPlanned
from npcproc.procedures.session.state import SessionState, fold_session
from npcproc.procedures.suggestion.events import SuggestionSubmitted
from npcproc.procedures.suggestion.state import SuggestionState, at_session_close, fold_suggestions
from npcproc.procedures.supervision.events import CaseOpened
from npcproc.procedures.supervision.state import CaseState, Overdue, fold_supervision
from npcproc.rules.decision import Decision
from npcproc.rules.ruleset import RuleSet
from npcproc.serialization import event_from_data
from npcproc.store.base import EventStore, Record

__all__ = ["CongressYear", "NothingToReportError", "Progress", "YearView", "read_year"]

#: Wraps the records as they are read, given how many there are (e.g. to show a progress bar).
Progress = Callable[[Iterable[Record], int], Iterable[Record]]

#: The streams a year is made of, known by the type of their first event.
_KINDS = {
    declared_name(CongressEstablished): "congress",
    declared_name(SessionPlanned): "session",
    declared_name(ElectionOpened): "election",
    declared_name(InquiryFiled): "inquiry",
    declared_name(QuestionAsked): "questions",
    declared_name(SuggestionSubmitted): "suggestions",
    declared_name(CaseOpened): "supervision",
    declared_name(CollectionOpened): "livelihood",
    declared_name(MeetingHeld): "presidium",
    declared_name(MemberResigned): "presidium",  # a member may resign before the presidium's first meeting (HN 2 ¶4)
}
_QUESTIONS_PREFIX = "questions-"
S = TypeVar("S")


class NothingToReportError(NpcprocError, LookupError):
    """The store holds no congress, or none with the id asked for."""


@attrs.frozen(kw_only=True)
class CongressYear:
    """One congress over the period read: the states its procedures fold from the store.

    Sequences are in date order. ``agenda`` holds the annual completeness check (OL 11/12,
    OL 14 ¶1 and provincial rules) for each year a session opened in, ``presidium_frequency``
    a township presidium's meetings against the province's rule for each of those years,
    ``quorum`` each opened session's attendance against the quorum in force (OL 14 ¶4).
    """

    state: CongressState
    as_of: datetime.date
    sessions: tuple[SessionState, ...] = ()
    questions: Mapping[str, tuple[QuestionAsked, ...]] = attrs.field(factory=dict)  # session id -> questions
    elections: tuple[ElectionState, ...] = ()
    inquiries: tuple[InquiryState, ...] = ()
    suggestions: tuple[SuggestionState, ...] = ()
    supervision: tuple[CaseState, ...] = ()
    livelihood: tuple[LivelihoodState, ...] = ()
    presidium: tuple[MeetingState, ...] = ()
    agenda: Mapping[int, Decision] = attrs.field(factory=dict)
    presidium_frequency: Mapping[int, Decision] = attrs.field(factory=dict)
    quorum: Mapping[str, Decision] = attrs.field(factory=dict)  # session id -> its attendance against the quorum

    @property
    def id(self) -> str:
        return self.state.congress.id

    @property
    def name(self) -> str:
        return self.state.congress.name

    def deputy_name(self, deputy_id: str) -> str:
        """The deputy's name, or the id itself for someone who is not a deputy of this congress."""
        deputy = self.state.deputies.get(deputy_id)
        return deputy.name if deputy is not None else deputy_id

    def in_office(self, on: datetime.date, term: int | None = None) -> int:
        """How many deputies were in office on ``on``."""
        return len(self.state.in_office(on, term))

    def session(self, session_id: str) -> SessionState | None:
        return next((s for s in self.sessions if s.id == session_id), None)

    def overdue_suggestions(self) -> tuple[SuggestionState, ...]:
        """Suggestions awaiting a reply after their deadline, on ``as_of`` (DL 51 ¶2)."""
        return tuple(s for s in self.suggestions if s.overdue(self.as_of))

    def suggestions_by_status(self) -> Mapping[SuggestionStatus, int]:
        """How many suggestions stand at each status, every status listed."""
        return {status: sum(1 for s in self.suggestions if s.status is status) for status in SuggestionStatus}

    def overdue_links(self) -> tuple[Overdue, ...]:
        """Links of supervision cases whose deadline passed before ``as_of`` without the awaited step."""
        return tuple(
            Overdue(case_id=case.case_id, link=i, kind=link.spec.kind, step=link.awaiting, due=link.due)
            for case in self.supervision
            for i, link in enumerate(case.links)
            if link.awaiting is not None and link.due is not None and link.due < self.as_of
        )


@attrs.frozen(kw_only=True)
class YearView:
    """What a store says about a year (``year`` None: about everything it holds), congress by congress.

    ``records`` is how many records were read and ``head`` the hash of the last one, so a
    reader can tell which state of the hash-chained log the view shows.
    """

    year: int | None
    as_of: datetime.date
    congresses: tuple[CongressYear, ...]
    records: int
    head: str


def read_year(
    store: EventStore,
    *,
    year: int | None = None,
    congress_id: str | None = None,
    as_of: datetime.date | None = None,
    rules: RuleSet | None = None,
    progress: Progress | None = None,
) -> YearView:
    """Read ``year`` (default: everything) of every congress, or of ``congress_id``, out of ``store``.

    ``as_of`` is the day overdue items are counted on: by default the year's last day, or
    today when that is later. ``rules`` are those the annual agenda check applies (default
    national law). Raises :class:`NothingToReportError` when the store holds no congress or
    not ``congress_id``.
    """
    if rules is None:
        from npcproc.plugins import load_rules

        rules = load_rules()
    today = datetime.date.today()
    if as_of is None:
        as_of = min(today, datetime.date(year, 12, 31)) if year is not None else today
    with store.snapshot() as snapshot:
        records: Iterable[Record] = snapshot.records()
        if progress is not None:
            records = progress(records, snapshot.head.position)
        folded, count, last = _Folded.read(records)
    congresses = {c.congress.id: c for c in folded.congresses if congress_id in (None, c.congress.id)}
    if not congresses:
        found = ", ".join(sorted(c.congress.id for c in folded.congresses)) or "none"
        wanted = f"no congress {congress_id!r}" if congress_id is not None else "no congress"
        raise NothingToReportError(f"congress: the store holds {wanted}; congresses found: {found}")
    chosen = tuple(
        _with_frequency(store, rules, folded.congress_year(state, year, as_of, rules)) for state in congresses.values()
    )
    return YearView(year=year, as_of=as_of, congresses=chosen, records=count, head=last)


@attrs.frozen(kw_only=True)
class _Folded:
    """Every stream a year is made of, folded once."""

    congresses: tuple[CongressState, ...]
    sessions: tuple[SessionState, ...]
    questions: Mapping[str, tuple[QuestionAsked, ...]]
    elections: tuple[ElectionState, ...]
    inquiries: tuple[InquiryState, ...]
    suggestions: tuple[SuggestionState, ...]
    cases: tuple[CaseState, ...]
    livelihood: tuple[LivelihoodState, ...]
    meetings: tuple[MeetingState, ...]

    @classmethod
    def read(cls, records: Iterable[Record]) -> tuple[_Folded, int, str]:
        """Fold the records; also how many were read and the hash of the last."""
        kinds: dict[str, str | None] = {}
        grouped: dict[str, dict[str, list[object]]] = defaultdict(dict)
        count, last = 0, ""
        for record in records:
            count, last = count + 1, record.hash
            kind = kinds.setdefault(record.stream, _KINDS.get(record.type))
            if kind is not None:
                grouped[kind].setdefault(record.stream, []).append(event_from_data(record.type, record.data))

        def fold(kind: str, fold: Callable[[Sequence[object]], S | None]) -> list[S]:
            found = (fold(events) for events in grouped[kind].values())
            return [state for state in found if state is not None]

        questions = {
            name.removeprefix(_QUESTIONS_PREFIX): tuple(e for e in events if isinstance(e, QuestionAsked))
            for name, events in grouped["questions"].items()
        }
        folded = cls(
            congresses=tuple(fold("congress", fold_congress)), sessions=tuple(fold("session", fold_session)),
            questions=questions, elections=tuple(fold("election", fold_election)),
            inquiries=tuple(fold("inquiry", fold_inquiry)),
            suggestions=tuple(s for ledger in fold("suggestions", fold_suggestions) for s in ledger.values()),
            cases=tuple(c for log in fold("supervision", fold_supervision) for c in log.cases.values()),
            livelihood=tuple(fold("livelihood", fold_livelihood)),
            meetings=tuple(m for p in fold("presidium", fold_presidium) for m in p.meetings.values()),
        )  # fmt: skip
        return folded, count, last

    def congress_year(
        self, state: CongressState, year: int | None, as_of: datetime.date, rules: RuleSet
    ) -> CongressYear:
        cid = state.congress.id
        start = datetime.date(year, 1, 1) if year is not None else datetime.date.min
        end = datetime.date(year, 12, 31) if year is not None else datetime.date.max
        own = [s for s in self.sessions if s.congress_id == cid]
        scheduled = {s.session_id: index for index, s in enumerate(state.sessions)}
        first_of_term = first_sessions(sorted(own, key=lambda s: scheduled.get(s.id, len(scheduled))))
        sessions = sorted((s for s in own if start <= _day(s) <= end), key=_day)
        held = {s.id for s in sessions}
        elections = [e for e in self.elections if e.session_id in held]
        closed_on = {s.id: s.closed_on for s in own}
        suggestions = [
            at_session_close(s, closed_on.get(s.submitted.session_id or ""))
            for s in self.suggestions
            if s.submitted.congress_id == cid and _active(s.submitted.on, s.closed_on, start, end)
        ]  # fmt: skip
        cases = [c for c in self.cases if c.opened.congress_id == cid and _case_active(c, start, end)]
        livelihood = [y for y in self.livelihood if y.congress_id == cid and start.year <= y.year <= end.year]
        of_congress = {s.id for s in own}
        meetings = [m for m in self.meetings if m.held.session_id in of_congress and start <= m.held.on <= end]
        years = {s.opened_on.year for s in sessions if s.opened_on is not None} | ({year} if year else set())
        return CongressYear(
            state=state, as_of=as_of, sessions=tuple(sessions),
            questions={k: v for k, v in self.questions.items() if k in held},
            elections=tuple(sorted(elections, key=lambda e: (_first_round(e), e.id))),
            inquiries=tuple(i for i in self.inquiries if i.filed.session_id in held),
            suggestions=tuple(sorted(suggestions, key=lambda s: (s.submitted.on, s.id))),
            supervision=tuple(sorted(cases, key=lambda c: ((_case_dates(c) or [datetime.date.max])[0], c.case_id))),
            livelihood=tuple(sorted(livelihood, key=lambda y: y.year)),
            presidium=tuple(sorted(meetings, key=lambda m: m.held.on)),
            agenda={y: annual_agenda(rules, state.congress.level, own, y, first_of_term=first_of_term,
                                     elected=elected_at(self.elections),
                                     suggestions_before=[s.id for s in self.suggestions
                                                         if s.submitted.congress_id == cid
                                                         and s.submitted.on.year == y - 1])
                    for y in sorted(years)},
            quorum={
                s.id: rules.session_quorum(len(state.in_office(s.opened_on, s.term)), len(set(s.present)))
                for s in sessions if s.opened_on is not None
            },
        )  # fmt: skip


def _with_frequency(store: EventStore, rules: RuleSet, found: CongressYear) -> CongressYear:
    if found.state.congress.level is not Level.TOWNSHIP:
        return found
    meetings = PresidiumMeetings(store, rules)
    checks = {y: meetings.frequency_check(found.id, y, as_of=found.as_of) for y in found.agenda}
    return attrs.evolve(found, presidium_frequency=checks)


def _day(session: SessionState) -> datetime.date:
    return session.opened_on or session.opens_on


def _first_round(election: ElectionState) -> datetime.date:
    return election.rounds[0].on if election.rounds else datetime.date.max


def _active(began: datetime.date, ended: datetime.date | None, start: datetime.date, end: datetime.date) -> bool:
    """Begun by the period's end and not ended before its start."""
    return began <= end and (ended is None or ended >= start)


def _case_dates(case: CaseState) -> list[datetime.date]:
    return sorted(event.on for link in case.links for event in link.history)


def _case_active(case: CaseState, start: datetime.date, end: datetime.date) -> bool:
    """A case with no step yet has no date, and counts as active in every period."""
    dates = _case_dates(case)
    return not dates or _active(dates[0], case.closed_on, start, end)
