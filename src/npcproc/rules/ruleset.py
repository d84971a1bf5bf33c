"""RuleSet: the national rules composed with one province's plugins.

Each Decision-returning method runs the same logic as :mod:`npcproc.statute` with the
values in force, then every check plugins added to that topic; the result is their
conjunction, so a plugin can turn a pass into a fail and never the reverse.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from npcproc.model.levels import Level, Post

if TYPE_CHECKING:
    from npcproc.calendar import Deadline
from npcproc.model.suggestion import Classification
from npcproc.provinces import Province
from npcproc.rules import logic
from npcproc.rules.decision import Binding, Decision
from npcproc.rules.facts import TOPICS, MajorityFacts, QuorumFacts
from npcproc.rules.parameters import CongressFacts, Effective, Parameter, Setting, Value, compose, lookup, resolve

#: A plugin check: (the topic's facts, the rules in force) -> Decision.
Check = Callable[[Any, "RuleSet"], Decision]

__all__ = ["RuleSet"]


@attrs.frozen(kw_only=True)
class RuleSet:
    """The rules in force for one province (or national law alone when ``province`` is None).

    ``parameters`` holds the "shall" values and ``advisory`` the "normally" (一般) ones, both
    resolved for ``facts``: the congress the rules judge. :meth:`for_congress` resolves them
    for another congress, so a township regulation leaves a county congress untouched and a
    conditional value (a larger presidium in populous townships) applies where its condition
    holds. Without facts, the province's unconditional rules are listed as written.
    """

    province: Province | None
    parameters: Mapping[str, Effective]
    advisory: Mapping[str, Effective] = attrs.field(factory=dict)
    facts: CongressFacts | None = None
    #: every registered parameter and every (plugin, setting) that serves this province
    registry: Mapping[str, Parameter] = attrs.field(factory=dict, repr=False)
    settings: tuple[tuple[str, Setting], ...] = attrs.field(default=(), repr=False)
    checks: Mapping[str, tuple[tuple[str, Check], ...]] = attrs.field(factory=dict)
    #: (workflow, scheme, value) -> the classification a practice plugin adds to a workflow
    classifications: Mapping[tuple[str, str, str], Classification] = attrs.field(factory=dict)
    #: the plugin manager the rules came from: it supplies the holiday calendar for periods
    plugin_manager: Any = attrs.field(default=None, eq=False, repr=False)
    _resolved: dict[tuple[CongressFacts, frozenset[datetime.date]], RuleSet] = attrs.field(
        factory=dict, eq=False, repr=False
    )

    @classmethod
    def compose(
        cls, *, province: Province | None, registry: Mapping[str, Parameter], settings: Iterable[tuple[str, Setting]],
        facts: CongressFacts | None = None, **rest: Any,
    ) -> RuleSet:  # fmt: skip
        """National law and ``settings`` resolved for ``facts`` (see :func:`~npcproc.rules.compose`)."""
        pairs = tuple(settings)
        return cls(
            province=province,
            parameters=compose(registry, pairs, facts=facts),
            advisory=resolve(registry, pairs, facts=facts, binding=Binding.NORMALLY),
            facts=facts,
            registry=registry,
            settings=pairs,
            **rest,
        )

    def for_congress(self, facts: CongressFacts) -> RuleSet:
        """These rules resolved for the congress with ``facts`` (level, population, deputies in office).

        ``facts.on`` is the day the rules are applied: a setting whose text is not yet in force that
        day (:attr:`~npcproc.rules.Setting.in_force_from`) leaves the national value in place.

        Resolved once per distinct facts and set of settings in force: every rule set derived from one
        province's shares the cache, so a procedure that resolves its congress on each command does not
        re-compose the rules.
        """
        if facts == self.facts:
            return self
        started = frozenset(s.in_force_from for _p, s in self.settings if s.in_force_from and s.in_force(facts.on))
        key = (attrs.evolve(facts, on=None), started)
        found = self._resolved.get(key)
        if found is None:
            found = self._resolved[key] = attrs.evolve(
                self,
                parameters=resolve(self.registry, self.settings, facts=facts),
                advisory=resolve(self.registry, self.settings, facts=facts, binding=Binding.NORMALLY),
                facts=facts,
            )
        return found

    def effective(self, name: str) -> Effective:
        """The value in force for parameter ``name``, with its source and citation."""
        return lookup(self.parameters, name)

    def value(self, name: str) -> Value:
        """The number in force for parameter ``name``."""
        return self.rule(name).value

    def rule(self, name: str) -> logic.Rule:
        found = self.optional(name)
        if found is None:
            raise LookupError(f"parameter {name!r} has no value in force (no national value, no provincial one)")
        return found

    def optional(self, name: str) -> logic.Rule | None:
        """The "shall" rule in force for a parameter, or None where no law sets one for this congress."""
        return _rule(self.effective(name))

    def advised(self, name: str) -> logic.Rule | None:
        """The "normally" (一般) value for a parameter, or None where no text advises one."""
        lookup(self.parameters, name)  # an unknown name is an error, not silence
        entry = self.advisory.get(name)
        return None if entry is None else _rule(entry)

    def period(self, start: datetime.date, *, months: int = 0, days: int = 0) -> Deadline:
        """The last day of a statutory period that starts on ``start``: the one place periods are computed.

        CC 201-202 count it (the start day not counted, months to the corresponding day) and
        CC 203 moves a last day that falls on a rest day to the next working day, by the holiday
        calendar of :attr:`plugin_manager`. Where the calendar has no data for the year of the
        last day, the day is not moved and the result says it is provisional.
        """
        from npcproc.calendar import deadline, holiday_calendar

        calendar = holiday_calendar(self.plugin_manager)
        return deadline(start, months=months, days=days, calendar=calendar, uncovered="provisional")

    def relaxations(self) -> tuple[Effective, ...]:
        """Every relaxation of the national floor in force for this congress, whatever parameter it touches."""
        return tuple(e for e in self.parameters.values() if e.relaxed)

    def with_checks(self, topic: str, base: Decision, facts: object) -> Decision:
        """``base`` and every plugin check of ``topic`` over ``facts`` (an instance of ``TOPICS[topic]``), conjoined."""
        if not isinstance(facts, TOPICS[topic]):
            raise TypeError(f"topic {topic!r} takes {TOPICS[topic].__name__}, not {type(facts).__name__}")
        extra = [check(facts, self) for _plugin, check in self.checks.get(topic, ())]
        return Decision.all([base, *extra]) if extra else base

    # -- the same rules as npcproc.statute, with the values in force --------------------------

    def session_quorum(self, total_deputies: int, present: int) -> Decision:
        base = logic.session_quorum(self.rule, total_deputies, present)
        return self.with_checks("session_quorum", base, QuorumFacts(total_deputies=total_deputies, present=present))

    def resolution_passes(self, total_deputies: int, yes: int) -> Decision:
        base = logic.majority_of_all(self.rule, total_deputies, yes)
        return self.with_checks("resolution_passes", base, MajorityFacts(total_deputies=total_deputies, yes=yes))

    def deputy_resignation_passes(self, total_deputies: int, yes: int) -> Decision:
        """A township congress accepts a deputy's resignation with more than half of its deputies (EL 55 ¶2)."""
        return logic.majority_of_all(self.rule, total_deputies, yes, "resignation.deputy_majority.township")

    def deputy_quota_cap(self, level: Level, population: int) -> int:
        return logic.quota_cap(self.rule, level, population)

    def extraordinary_session_threshold(self, total_deputies: int) -> int:
        return logic.fraction_threshold(self.rule, "session.extraordinary_proposal", total_deputies)

    def bill_sponsor_threshold(self, level: Level) -> int:
        return logic.sponsor_threshold(self.rule, "bill", level)

    def inquiry_sponsor_threshold(self, level: Level) -> int:
        return logic.sponsor_threshold(self.rule, "inquiry", level)

    def nomination_sponsor_threshold(self, level: Level) -> int:
        return logic.sponsor_threshold(self.rule, "nomination", level)

    def recall_sponsor_threshold(self, level: Level, total_deputies: int) -> int:
        logic.check_level(level)
        return logic.fraction_threshold(self.rule, f"recall.sponsors.{level.value}", total_deputies)

    def candidate_range(self, post: Post, seats: int) -> tuple[int, int]:
        return logic.candidate_range(self.rule, post, seats)

    def suggestion_reply_deadline(self, referred_on: datetime.date, *, complex: bool = False) -> datetime.date:
        return logic.reply_deadline(self.rule, referred_on, complex, self.period)

    def election_outcome(
        self, *, total_deputies: int, seats: int, votes: Mapping[str, int], ballots_issued: int, ballots_returned: int
    ) -> logic.ElectionOutcome:
        return logic.election_outcome(
            self.rule,
            total_deputies=total_deputies,
            seats=seats,
            votes=votes,
            ballots_issued=ballots_issued,
            ballots_returned=ballots_returned,
        )


def _rule(entry: Effective) -> logic.Rule | None:
    if entry.value is None or entry.citation is None:
        return None
    return logic.Rule(
        value=entry.value, citation=entry.citation, relaxation=entry.relaxation, binding=entry.binding,
        session_kinds=entry.session_kinds,
    )  # fmt: skip
