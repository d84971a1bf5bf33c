"""The logic of the statutory rules, over any source of parameter values.

:mod:`npcproc.statute` binds these functions to the national values and
:class:`~npcproc.rules.RuleSet` to the values in force for a province, so each rule is
written once. Arithmetic is exact: ``以上`` includes the number itself and ``过半数`` is
strictly more than half. Impossible input raises
:class:`~npcproc.errors.InvalidArgumentError` naming the argument.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from npcproc.errors import InvalidArgumentError
from npcproc.model.levels import Level, Post
from npcproc.rules import national as _national
from npcproc.rules.decision import Binding, Citation, Decision, Reason
from npcproc.rules.parameters import Value

if TYPE_CHECKING:
    from npcproc.calendar import Period

__all__ = [
    "ElectionOutcome",
    "Rule",
    "Rules",
    "at_least",
    "candidate_range",
    "check_level",
    "direct_election_outcome",
    "election_outcome",
    "fraction_threshold",
    "majority_of_all",
    "more_than",
    "national_rule",
    "quota_cap",
    "reply_deadline",
    "session_quorum",
    "sponsor_threshold",
]


@attrs.frozen(kw_only=True)
class Rule:
    """A parameter's value and the provision it comes from, as a rule evaluation sees it."""

    value: Value
    citation: Citation
    relaxation: Citation | None = None
    binding: Binding = Binding.SHALL
    session_kinds: frozenset[str] | None = None  # None: every kind of session

    def covers(self, session_kind: object) -> bool:
        """Whether the rule covers a session of ``session_kind`` (a SessionKind or its value)."""
        return self.session_kinds is None or str(getattr(session_kind, "value", session_kind)) in self.session_kinds


#: Where an evaluation gets its numbers: parameter name -> Rule.
Rules = Callable[[str], Rule]


def national_rule(name: str) -> Rule:
    return Rule(value=_national.national(name), citation=_national.citation(name))


@attrs.frozen(kw_only=True)
class ElectionOutcome:
    """The count of one round of an election.

    ``elected`` holds the winners, highest votes first. ``tied`` holds the candidates tied
    at the cut-off, who go to a re-vote for the seats that are neither elected nor
    ``shortfall``; ``shortfall`` seats go to a further election (另行选举). ``valid`` is
    false when the round is void; then nobody is elected.
    """

    valid: bool
    elected: tuple[str, ...]
    tied: tuple[str, ...]
    shortfall: int
    decision: Decision


# -- checks on input ---------------------------------------------------------------------------


def _require(condition: bool, argument: str, message: str) -> None:
    if not condition:
        raise InvalidArgumentError(argument, message)


def _count(value: int, argument: str, *, positive: bool = False) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgumentError(argument, f"must be an integer, got {value!r}")
    if positive:
        _require(value > 0, argument, f"must be positive, got {value}")
    else:
        _require(value >= 0, argument, f"must not be negative, got {value}")


def check_level(level: Level, argument: str = "level") -> None:
    _require(isinstance(level, Level), argument, f"must be a Level, got {level!r}")


def at_least(fraction: Value, total: int) -> int:
    """The fewest of ``total`` that make ``fraction`` or more (以上)."""
    return math.ceil(Fraction(fraction) * total)


def more_than(fraction: Value, total: int) -> int:
    """The fewest of ``total`` that make strictly more than ``fraction`` (过半数 for 1/2)."""
    return math.floor(Fraction(fraction) * total) + 1


def _reason(ok: bool, code: str, rule: Rule, **values: int | Fraction | str) -> Reason:
    return Reason(
        ok=ok, code=code, citation=rule.citation, values=values, relaxation=rule.relaxation, binding=rule.binding
    )


# -- the rules --------------------------------------------------------------------------------


def quota_cap(rules: Rules, level: Level, population: int) -> int:
    check_level(level)
    _count(population, "population", positive=True)
    prefix = f"quota.{level.value}"
    base = int(rules(f"{prefix}.base").value)
    per = int(rules(f"{prefix}.people_per_deputy").value)
    return min(base + population // per, int(rules(f"{prefix}.max").value))


def session_quorum(rules: Rules, total_deputies: int, present: int) -> Decision:
    _count(total_deputies, "total_deputies", positive=True)
    _count(present, "present")
    _require(present <= total_deputies, "present", f"{present} present exceeds {total_deputies} deputies")
    rule = rules("session.quorum")
    required = at_least(rule.value, total_deputies)
    return Decision.of(
        _reason(
            present >= required,
            "session.quorum",
            rule,
            present=present,
            total=total_deputies,
            required=required,
            fraction=Fraction(rule.value),
        )
    )


def majority_of_all(rules: Rules, total_deputies: int, yes: int, name: str = "vote.majority_of_all") -> Decision:
    """More than the fraction ``name`` of all deputies vote yes (OL 25; EL 55 ¶2 for a deputy's resignation)."""
    _count(total_deputies, "total_deputies", positive=True)
    _count(yes, "yes")
    _require(yes <= total_deputies, "yes", f"{yes} yes votes exceed {total_deputies} deputies")
    rule = rules(name)
    required = more_than(rule.value, total_deputies)
    return Decision.of(
        _reason(yes >= required, "vote.majority_of_all", rule, yes=yes, total=total_deputies, required=required)
    )


def fraction_threshold(rules: Rules, name: str, total_deputies: int) -> int:
    _count(total_deputies, "total_deputies", positive=True)
    return at_least(rules(name).value, total_deputies)


def sponsor_threshold(rules: Rules, kind: str, level: Level) -> int:
    check_level(level)
    return int(rules(f"{kind}.sponsors.{level.value}").value)


def candidate_range(rules: Rules, post: Post, seats: int) -> tuple[int, int]:
    _require(isinstance(post, Post), "post", f"must be a Post, got {post!r}")
    _count(seats, "seats", positive=True)
    if post is Post.PRINCIPAL:
        return seats, seats + int(rules("candidates.principal.extra_max").value)
    if post is Post.DEPUTY_POST:
        return seats + int(rules("candidates.vice.extra_min").value), seats + int(
            rules("candidates.vice.extra_max").value
        )
    fewest = seats + at_least(rules("candidates.committee.extra_min").value, seats)
    most = seats + math.floor(Fraction(rules("candidates.committee.extra_max").value) * seats)
    _require(
        fewest <= most,
        "seats",
        f"{seats} seats admit no whole number of extra candidates between 1/10 and 1/5 of the seats (OL 27 ¶1)",
    )
    return fewest, most


def reply_deadline(rules: Rules, referred_on: datetime.date, complex: bool, period: Period) -> datetime.date:
    """DL 51 ¶2: the last day to reply, the period in force counted by ``period`` (CC 201-203)."""
    _require(isinstance(referred_on, datetime.date), "referred_on", f"must be a date, got {referred_on!r}")
    name = "suggestion.reply_months_complex" if complex else "suggestion.reply_months"
    return period(referred_on, months=int(rules(name).value)).date


def _check_votes(votes: Mapping[str, int], seats: int, ballots_returned: int) -> None:
    for candidate, count in votes.items():
        _count(count, f"votes[{candidate!r}]")
        _require(
            count <= ballots_returned,
            f"votes[{candidate!r}]",
            f"{count} votes exceed the {ballots_returned} ballots returned",
        )
    marks = sum(votes.values())
    _require(
        marks <= ballots_returned * seats,
        "votes",
        f"{marks} marks exceed {ballots_returned} ballots x {seats} seats",
    )


def _checked_round(
    rules: Rules, electorate: tuple[str, str, int], seats: int, votes: Mapping[str, int], ballots_issued: int,
    ballots_returned: int,
) -> Reason:  # fmt: skip
    """Refuse impossible counts; then whether the round stands (EL 44 ¶1). ``electorate`` is (argument, noun, size)."""
    argument, noun, size = electorate
    _count(size, argument, positive=True)
    _count(seats, "seats", positive=True)
    _count(ballots_issued, "ballots_issued")
    _count(ballots_returned, "ballots_returned")
    _require(ballots_issued <= size, "ballots_issued", f"{ballots_issued} ballots issued exceed {size} {noun}")
    _check_votes(votes, seats, ballots_returned)
    return _void_round(rules, ballots_issued, ballots_returned)


def _void_round(rules: Rules, ballots_issued: int, ballots_returned: int) -> Reason:
    """EL 44 ¶1 (mirrored for congress elections by BJ 25, CQ 24): more ballots back than out voids the round."""
    rule = Rule(value=1, citation=Citation(law="EL", article=44, paragraph=1))
    return _reason(
        ballots_returned <= ballots_issued, "ballots.returned", rule, issued=ballots_issued, returned=ballots_returned
    )


def _rank(
    votes: Mapping[str, int],
    seats: int,
    eligible: Callable[[int], bool],
    majority_rule: Rule,
    code: str,
    required: int,
    tie_citation: Citation,
) -> tuple[tuple[str, ...], tuple[str, ...], int, list[Reason]]:
    """Most votes first among the eligible; a tie across the cut-off goes to a re-vote (OL 29, EL 45)."""
    ranked = sorted((c for c in votes if eligible(votes[c])), key=lambda c: (-votes[c], c))
    reasons: list[Reason] = []
    elected: tuple[str, ...]
    tied: tuple[str, ...]
    if len(ranked) <= seats:
        elected, tied = tuple(ranked), ()
    else:
        cut = votes[ranked[seats - 1]]
        elected = tuple(c for c in ranked if votes[c] > cut)
        tied = tuple(c for c in ranked if votes[c] == cut) if votes[ranked[seats]] == cut else ()
        if not tied:
            elected = tuple(ranked[:seats])
    for candidate in elected:
        reasons.append(
            _reason(True, code, majority_rule, candidate=candidate, votes=votes[candidate], required=required)
        )
    if tied:
        tie_rule = Rule(value=1, citation=tie_citation)
        reasons.append(
            _reason(
                False,
                "election.tie",
                tie_rule,
                candidates=", ".join(tied),
                votes=votes[tied[0]],
                open_seats=seats - len(elected),
            )
        )
    shortfall = 0 if tied else seats - len(elected)
    return elected, tied, shortfall, reasons


def election_outcome(
    rules: Rules,
    *,
    total_deputies: int,
    seats: int,
    votes: Mapping[str, int],
    ballots_issued: int,
    ballots_returned: int,
) -> ElectionOutcome:
    ballots = _checked_round(rules, ("total_deputies", "deputies", total_deputies), seats, votes, ballots_issued,
                             ballots_returned)  # fmt: skip
    if not ballots.ok:
        return ElectionOutcome(valid=False, elected=(), tied=(), shortfall=0, decision=Decision.of(ballots))
    rule = rules("vote.majority_of_all")
    required = more_than(rule.value, total_deputies)
    elected, tied, shortfall, reasons = _rank(
        votes,
        seats,
        lambda v: v >= required,
        rule,
        "election.elected",
        required,
        Citation(law="OL", article=29, paragraph=1),
    )
    if shortfall:
        shortfall_rule = Rule(value=1, citation=Citation(law="OL", article=29, paragraph=2))
        reasons.append(
            _reason(False, "election.shortfall", shortfall_rule, shortfall=shortfall, seats=seats, required=required)
        )
    return ElectionOutcome(
        valid=True, elected=elected, tied=tied, shortfall=shortfall, decision=Decision.of(ballots, *reasons)
    )


def direct_election_outcome(
    rules: Rules,
    *,
    registered_voters: int,
    seats: int,
    votes: Mapping[str, int],
    ballots_issued: int,
    ballots_returned: int,
    runoff: bool,
    voters: int,
) -> ElectionOutcome:
    ballots = _checked_round(
        rules, ("registered_voters", "registered voters", registered_voters), seats, votes, ballots_issued,
        ballots_returned,
    )  # fmt: skip
    _count(voters, "voters")
    _require(voters <= registered_voters, "voters", f"{voters} voters exceed {registered_voters} registered voters")
    if not ballots.ok:
        return ElectionOutcome(valid=False, elected=(), tied=(), shortfall=0, decision=Decision.of(ballots))
    # EL 45 ¶1 counts 参加投票的选民, the voters who voted: its own figure, not the ballots issued.
    turnout_rule = rules("direct_election.turnout")
    needed_turnout = more_than(turnout_rule.value, registered_voters)
    turnout = _reason(
        voters >= needed_turnout,
        "direct_election.turnout",
        turnout_rule,
        voted=voters,
        registered=registered_voters,
        required=needed_turnout,
    )
    if not turnout.ok:
        return ElectionOutcome(valid=False, elected=(), tied=(), shortfall=0, decision=Decision.of(ballots, turnout))
    if runoff:
        rule = rules("direct_election.runoff_floor")
        required = at_least(rule.value, ballots_returned)
    else:
        rule = rules("direct_election.majority")
        required = more_than(rule.value, voters)
    elected, tied, shortfall, reasons = _rank(
        votes,
        seats,
        lambda v: v >= required,
        rule,
        "direct_election.elected",
        required,
        Citation(law="EL", article=45, paragraph=3),
    )
    if shortfall:
        # A runoff that leaves seats open does so under the 1/3 floor of EL 45 ¶5.
        shortfall_rule = Rule(value=1, citation=Citation(law="EL", article=45, paragraph=5 if runoff else 4))
        reasons.append(
            _reason(False, "election.shortfall", shortfall_rule, shortfall=shortfall, seats=seats, required=required)
        )
    return ElectionOutcome(
        valid=True, elected=elected, tied=tied, shortfall=shortfall, decision=Decision.of(ballots, turnout, *reasons)
    )
