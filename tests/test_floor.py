"""Property tests: the floor principle, monotonicity and conservation of votes."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from npcproc import statute
from npcproc.errors import FloorViolationError
from npcproc.plugins import create_plugin_manager, load_rules
from npcproc.rules import Citation, Decision, Direction, Reason, Setting, compose
from npcproc.rules.national import PARAMETERS
from npcproc.testing import settings_plugin
from npcproc.testing.strategies import attendance, levels, provinces, provincial_settings, tallies

ADJUSTABLE = [p for p in PARAMETERS.values() if p.direction is not Direction.FIXED and p.national is not None]


@given(attendance())
def test_quorum_is_monotone_in_attendance(counts):
    total, present = counts
    if statute.session_quorum(total, present) and present < total:
        assert statute.session_quorum(total, present + 1)


@given(attendance(), st.integers(min_value=1, max_value=50))
def test_quorum_never_easier_in_a_larger_congress(counts, more):
    total, present = counts
    if statute.session_quorum(total + more, present):
        assert statute.session_quorum(total, present)


@given(attendance())
def test_quorum_floor_is_two_thirds_inclusive(counts):
    total, present = counts
    assert bool(statute.session_quorum(total, present)) == (3 * present >= 2 * total)


@given(attendance())
def test_resolution_is_monotone_in_yes_votes(counts):
    total, yes = counts
    if statute.resolution_passes(total, yes) and yes < total:
        assert statute.resolution_passes(total, yes + 1)


@given(attendance())
def test_resolution_needs_more_than_half_of_all(counts):
    total, yes = counts
    assert bool(statute.resolution_passes(total, yes)) == (2 * yes > total)


@given(st.integers(min_value=1, max_value=3).flatmap(lambda n: st.tuples(st.just(n), tallies(seats=n, candidates=5))))
def test_election_conserves_seats_and_votes(drawn):
    seats, (total, ballots, votes) = drawn
    outcome = statute.election_outcome(
        total_deputies=total, seats=seats, votes=votes, ballots_issued=ballots, ballots_returned=ballots
    )
    assert outcome.valid
    assert len(outcome.elected) <= seats
    assert not set(outcome.elected) & set(outcome.tied)
    for winner in outcome.elected:
        assert 2 * votes[winner] > total
    assert [votes[c] for c in outcome.elected] == sorted((votes[c] for c in outcome.elected), reverse=True)
    if outcome.tied:
        assert outcome.shortfall == 0
        assert len({votes[c] for c in outcome.tied}) == 1
        assert len(outcome.tied) > seats - len(outcome.elected) > 0
    else:
        assert len(outcome.elected) + outcome.shortfall == seats
    losers = set(votes) - set(outcome.elected) - set(outcome.tied)
    for loser in losers:
        assert all(votes[loser] < votes[w] for w in outcome.elected) or 2 * votes[loser] <= total


@given(tallies(seats=1, candidates=3), st.integers(min_value=1, max_value=5))
def test_extra_returned_ballots_void_the_round(count, extra):
    total, ballots, votes = count
    outcome = statute.election_outcome(
        total_deputies=total, seats=1, votes=votes, ballots_issued=ballots, ballots_returned=ballots + extra
    )
    assert not outcome.valid
    assert outcome.elected == outcome.tied == ()
    assert Citation(law="EL", article=44, paragraph=1) in outcome.decision.citations


@given(provincial_settings())
def test_settings_never_loosen_the_floor(settings):
    effective = compose(PARAMETERS, [("province", s) for s in settings])
    for name, entry in effective.items():
        parameter = PARAMETERS[name]
        if parameter.national is None:
            continue  # only provincial law sets it: there is no floor to keep
        assert entry.value is not None
        assert not parameter.stricter(parameter.national, entry.value)
        assert not entry.relaxed


@given(provinces(), provincial_settings(), attendance(), levels())
def test_a_province_never_turns_a_national_fail_into_a_pass(province, settings, counts, level):
    pm = create_plugin_manager(autoload=False, plugins=(settings_plugin(settings, province=province),))
    rules = load_rules(province, pm=pm)
    total, count = counts
    if not statute.session_quorum(total, count):
        assert not rules.session_quorum(total, count)
    if not statute.resolution_passes(total, count):
        assert not rules.resolution_passes(total, count)
    assert rules.extraordinary_session_threshold(total) >= statute.extraordinary_session_threshold(total)
    assert rules.recall_sponsor_threshold(level, total) >= statute.recall_sponsor_threshold(level, total)
    assert rules.bill_sponsor_threshold(level) >= statute.bill_sponsor_threshold(level)


@given(st.lists(st.booleans(), min_size=1, max_size=4), attendance())
def test_added_checks_only_turn_passes_into_fails(verdicts, counts):
    def check_returning(ok):
        def check(facts, rules):
            return Decision.of(Reason(ok=ok, code="sample.check", citation=Citation(law="ZJ", article=20)))

        return check

    checks = [("session_quorum", check_returning(ok)) for ok in verdicts]
    rules = load_rules(None, pm=create_plugin_manager(autoload=False, plugins=(settings_plugin(checks=checks),)))
    total, present = counts
    composed = rules.session_quorum(total, present)
    national = statute.session_quorum(total, present)
    assert composed.ok == (national.ok and all(verdicts))
    assert composed.reasons[0] == national.reasons[0]


@given(st.data())
def test_looser_value_is_refused_naming_plugin_parameter_values_and_citations(data):
    parameter = data.draw(st.sampled_from([p for p in ADJUSTABLE if p.name != "session.min_per_year"]))
    [setting] = data.draw(provincial_settings(parameters={parameter.name: parameter}, looser=True).filter(
        lambda found: len(found) == 1 and parameter.stricter(parameter.national, found[0].value)
    ))  # fmt: skip
    with pytest.raises(FloorViolationError) as caught:
        compose(PARAMETERS, [("npcproc-sample", setting)])
    message = str(caught.value)
    for expected in ("npcproc-sample", parameter.name, str(setting.value), str(parameter.national)):
        assert expected in message
    assert str(setting.citation) in message
    assert str(parameter.citation) in message
    assert caught.value.plugin == "npcproc-sample"


@given(st.data())
def test_declared_relaxation_is_applied_and_flagged(data):
    parameter = data.draw(st.sampled_from([p for p in ADJUSTABLE if p.name != "session.min_per_year"]))
    [setting] = data.draw(
        provincial_settings(parameters={parameter.name: parameter}, looser=True, relaxation=True).filter(
            lambda found: len(found) == 1 and parameter.stricter(parameter.national, found[0].value)
        )
    )
    entry = compose(PARAMETERS, [("npcproc-sample", setting)])[parameter.name]
    assert entry.value == setting.value
    assert entry.relaxed
    assert entry.relaxation == setting.citation


def test_relaxation_is_flagged_in_explanations(make_pm):
    relaxed = Setting(
        parameter="session.quorum", value=Fraction(1, 2), citation=Citation(law="BJ", article=12), relaxation=True
    )
    rules = load_rules(None, pm=make_pm(settings_plugin([relaxed])))
    decision = rules.session_quorum(60, 30)
    assert decision.ok
    assert decision.relaxed
    assert "provincial relaxation: BJ 12" in decision.explain("en")
    assert "放宽" in decision.explain("zh")
    assert not statute.session_quorum(60, 30)


def test_fixed_parameter_cannot_change():
    setting = Setting(parameter="term.years", value=4, citation=Citation(law="ZJ", article=1))
    with pytest.raises(FloorViolationError, match=r"term\.years"):
        compose(PARAMETERS, [("npcproc-sample", setting)])
