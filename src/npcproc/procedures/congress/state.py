"""The state of a congress, folded from its stream ``congress-<id>``."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import attrs

from npcproc.model.congress import Congress, Deputy
from npcproc.model.election import Office
from npcproc.procedures.congress.events import (
    AbsenceRecorded,
    AdministrativePostRecorded,
    CongressEstablished,
    DeputyElected,
    DeputyStatusChanged,
    HeadsRecorded,
    PostTaken,
    PostVacated,
    ResignationAccepted,
    ResignationVoted,
    SessionScheduled,
    StandingCommitteeMembersSet,
    TermBegan,
    UpperDeputiesRecorded,
)
from npcproc.procedures.folded import fold_opened
from npcproc.rules.parameters import CongressFacts
from npcproc.rules.ruleset import RuleSet

__all__ = [
    "CongressState",
    "congress_stream",
    "fold_congress",
]


def congress_stream(congress_id: str) -> str:
    return f"congress-{congress_id}"


@attrs.frozen(kw_only=True)
class CongressState:
    """What the records say about a congress."""

    congress: Congress
    terms: Mapping[int, datetime.date] = attrs.field(factory=dict)  # term -> deputy elections completed
    deputies: Mapping[str, Deputy] = attrs.field(factory=dict)
    administrative_posts: frozenset[str] = frozenset()
    administrative_history: Mapping[str, tuple[tuple[datetime.date, bool], ...]] = attrs.field(factory=dict)
    standing_committee: Mapping[int, tuple[str, ...]] = attrs.field(factory=dict)
    absences: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)  # deputy -> sessions missed without leave
    sessions: tuple[SessionScheduled, ...] = ()
    posts: Mapping[Office, tuple[str, ...]] = attrs.field(factory=dict)
    full_time: frozenset[tuple[Office, str]] = frozenset()  # posts held full-time 专职 (ZJ 11 ¶1, BJ 20 ¶1)
    #: resignations the presidium accepted between sessions, not yet put to the congress (CQ 32 (10))
    unconfirmed_resignations: frozenset[tuple[Office, str]] = frozenset()
    resignation_votes: tuple[ResignationVoted, ...] = ()
    #: the deputies to upper-level congresses elected in the area, as last recorded (ZJ 21 ¶2)
    upper_deputies: tuple[str, ...] = ()

    def holders(self, office: Office, on: datetime.date) -> tuple[str, ...]:
        """Who holds ``office`` on ``on``; a post held from among the deputies ends with the mandate (EL 54, 56)."""
        held = self.posts.get(office, ())
        if not office.deputies_only:
            return held
        return tuple(h for h in held if h in self.deputies and self.deputies[h].in_office_on(on))

    def township_heads(self, on: datetime.date) -> tuple[str, ...]:
        """The township head and deputy heads (乡长、副乡长，镇长、副镇长) in office on ``on``, who attend every
        session of the congress (OL 21)."""
        return (*self.holders(Office.TOWNSHIP_HEAD, on), *self.holders(Office.DEPUTY_TOWNSHIP_HEAD, on))

    def full_time_holders(self, office: Office, on: datetime.date) -> dict[str, bool]:
        """Who holds ``office`` on ``on``, each mapped to whether the post is held full-time 专职."""
        return {holder: (office, holder) in self.full_time for holder in self.holders(office, on)}

    def holds_administrative_post(self, deputy_id: str, on: datetime.date) -> bool:
        """Whether the deputy held a post in a state administrative organ on ``on`` (OL 18 ¶2), by the latest
        record of taking up or leaving one dated on or before that day."""
        held = False
        for day, holds in sorted(self.administrative_history.get(deputy_id, ()), key=lambda change: change[0]):
            if day <= on:
                held = holds
        return held

    @property
    def current_term(self) -> int:
        return max(self.terms, default=0)

    def facts(self, on: datetime.date | None = None) -> CongressFacts:
        """What the rules of this congress depend on: level, population, designations and, on ``on``,
        the deputies in office and the settings in force (unknown without a day)."""
        congress = self.congress
        deputies = None if on is None else len(self.in_office(on))
        return CongressFacts(level=congress.level, population=congress.population, deputies=deputies,
                             designations=congress.designations, on=on)  # fmt: skip

    def rules(self, rules: RuleSet, on: datetime.date | None = None) -> RuleSet:
        """``rules`` resolved for this congress (on ``on``, for rules that depend on the deputies in office)."""
        return rules.for_congress(self.facts(on))

    def in_office(self, on: datetime.date, term: int | None = None) -> tuple[str, ...]:
        """Ids of the deputies in office on ``on`` (of ``term``, default the current one)."""
        wanted = self.current_term if term is None else term
        return tuple(d.id for d in self.deputies.values() if d.term == wanted and d.in_office_on(on))

    def apply(self, event: object) -> CongressState:
        match event:
            case TermBegan(term=term, elections_completed_on=on):
                return attrs.evolve(self, terms={**self.terms, term: on})
            case DeputyElected(deputy_id=deputy_id, name=name, term=term, on=on):
                deputy = Deputy.elected(id=deputy_id, name=name, congress_id=self.congress.id, term=term, on=on)
                return attrs.evolve(self, deputies={**self.deputies, deputy_id: deputy})
            case DeputyStatusChanged(deputy_id=deputy_id, change=change):
                deputy = self.deputies[deputy_id].with_status(change)
                return attrs.evolve(self, deputies={**self.deputies, deputy_id: deputy})
            case AdministrativePostRecorded(deputy_id=deputy_id, holds=holds, on=on):
                posts = self.administrative_posts | {deputy_id} if holds else self.administrative_posts - {deputy_id}
                history = (*self.administrative_history.get(deputy_id, ()), (on, holds))
                return attrs.evolve(
                    self,
                    administrative_posts=posts,
                    administrative_history={**self.administrative_history, deputy_id: history},
                )
            case HeadsRecorded(heads=heads, deputy_heads=deputy_heads):
                replaced = {Office.TOWNSHIP_HEAD: heads, Office.DEPUTY_TOWNSHIP_HEAD: deputy_heads}
                return attrs.evolve(self, posts={**self.posts, **replaced})
            case UpperDeputiesRecorded(names=names):
                return attrs.evolve(self, upper_deputies=names)
            case StandingCommitteeMembersSet(term=term, members=members):
                return attrs.evolve(self, standing_committee={**self.standing_committee, term: members})
            case PostTaken(office=office, holder_id=holder, full_time=full_time):
                held = self.full_time | {(office, holder)} if full_time else self.full_time - {(office, holder)}
                taken = {**self.posts, office: (*self.posts.get(office, ()), holder)}
                return attrs.evolve(self, posts=taken, full_time=held)
            case ResignationAccepted(accepted_by="presidium", office=office, holder_id=holder):
                return attrs.evolve(self, unconfirmed_resignations=self.unconfirmed_resignations | {(office, holder)})
            case ResignationAccepted():
                return self
            case ResignationVoted(confirming=confirming, office=office, holder_id=holder):
                pending = self.unconfirmed_resignations
                if confirming and office is not None:
                    pending = pending - {(office, holder)}
                return attrs.evolve(
                    self, unconfirmed_resignations=pending, resignation_votes=(*self.resignation_votes, event)
                )
            case PostVacated(office=office, holder_id=holder):
                remaining = tuple(h for h in self.posts.get(office, ()) if h != holder)
                return attrs.evolve(
                    self, posts={**self.posts, office: remaining}, full_time=self.full_time - {(office, holder)}
                )
            case SessionScheduled():
                return attrs.evolve(self, sessions=(*self.sessions, event))
            case AbsenceRecorded(deputy_id=deputy_id, session_id=session_id):
                missed = (*self.absences.get(deputy_id, ()), session_id)
                return attrs.evolve(self, absences={**self.absences, deputy_id: missed})
        raise TypeError(f"a congress stream cannot hold {type(event).__name__}")


def _start(first: CongressEstablished) -> CongressState:
    congress = Congress(
        id=first.congress_id, name=first.name, level=first.level, division_code=first.division_code,
        population=first.population, deputy_quota=first.deputy_quota, designations=first.designations,
        ethnic_minority=first.ethnic_minority,
    )  # fmt: skip
    return CongressState(congress=congress)


#: The state of a congress stream: None while nothing is recorded.
fold_congress = fold_opened(CongressEstablished, _start)
