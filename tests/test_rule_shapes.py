"""The floor principle over rules with a shape: scope, conditions on the congress, binding force.

Whatever a province's settings and whatever the congress (level, population, deputies in
office, designations), the rules in force are at least as strict as national law except the
declared relaxations, and every relaxation in force is listed.
"""

from __future__ import annotations

from fractions import Fraction

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from npcproc.errors import PluginError
from npcproc.model.levels import Level
from npcproc.plugins import create_plugin_manager, load_rules
from npcproc.provinces import Province
from npcproc.rules import Citation, Setting
from npcproc.rules.decision import Binding
from npcproc.rules.national import PARAMETERS
from npcproc.rules.parameters import Condition, CongressFacts
from npcproc.testing import settings_plugin
from npcproc.testing.strategies import COMMENCEMENTS, congress_facts, provinces, provincial_settings

SAMPLE = Province(code="990000", name_zh="样例省", name_en="Sampleland", key="SP")
SHAPED = provincial_settings(looser=True, relaxation=True, shaped=True)


def rules_for(province, settings, facts):
    pm = create_plugin_manager(autoload=False, plugins=(settings_plugin(settings, province=province),))
    try:
        return load_rules(province, pm=pm).for_congress(facts)
    except PluginError as refused:
        # Two different relaxations of one parameter binding one congress contradict each other: refused loudly.
        assume("two relaxations of" not in str(refused))
        raise


@given(provinces(), SHAPED, congress_facts())
def test_rules_in_force_are_at_least_national_except_listed_relaxations(province, settings, facts):
    rules = rules_for(province, settings, facts)
    listed = {entry.parameter.name for entry in rules.relaxations()}
    for name, entry in rules.parameters.items():
        national = PARAMETERS[name].national if name in PARAMETERS else None
        if national is None or entry.value is None:
            continue
        if entry.parameter.stricter(national, entry.value):
            assert entry.relaxed, f"{name}: {entry.value} looser than {national} without a relaxation"
            assert name in listed
    # Every relaxation that binds this congress and decides the value in force is listed, whatever it touches.
    for setting in settings:
        binds = setting.applies(facts) and setting.binding is Binding.SHALL
        national = PARAMETERS[setting.parameter].national
        in_force = rules.parameters[setting.parameter].value
        if binds and setting.relaxation and national != setting.value and in_force == setting.value:
            assert setting.parameter in listed


@given(provinces(), SHAPED, congress_facts())
def test_a_rule_binds_only_the_congresses_its_scope_and_condition_name(province, settings, facts):
    rules = rules_for(province, settings, facts)
    for name, entry in rules.parameters.items():
        if entry.source == "national":
            continue
        assert facts.level in entry.levels
        assert entry.when is None or entry.when.holds(facts)
        assert entry.binding is Binding.SHALL  # "normally" is advice and never replaces a "shall" value
        assert name in {s.parameter for s in settings}
        # ... and a setting whose text is not yet in force on the day decides nothing
        assert any(s.parameter == name and s.value == entry.value and s.in_force(facts.on) for s in settings)


@given(provinces(), SHAPED, congress_facts(), st.sampled_from(COMMENCEMENTS))
def test_the_rules_of_a_day_are_those_of_the_settings_then_in_force(province, settings, facts, other_day):
    """Resolving on a day is resolving with only the settings in force that day, even after the shared
    cache holds the same congress on another day."""
    dated = rules_for(province, settings, attrs.evolve(facts, on=other_day))
    try:
        dated = dated.for_congress(facts)
    except PluginError as refused:
        assume("two relaxations of" not in str(refused))
        raise
    in_force = [s for s in settings if s.in_force(facts.on)]
    undated = rules_for(province, in_force, attrs.evolve(facts, on=None))
    assert dated.parameters == undated.parameters
    assert dated.advisory == undated.advisory


@given(provinces(), SHAPED, congress_facts())
def test_advice_never_changes_what_the_law_requires(province, settings, facts):
    shall_only = [s for s in settings if s.binding is Binding.SHALL]
    with_advice = rules_for(province, settings, facts)
    without = rules_for(province, shall_only, facts)
    assert {n: e.value for n, e in with_advice.parameters.items()} == {
        n: e.value for n, e in without.parameters.items()
    }


POPULOUS = Condition(fact="population", at_least=90_000, zh="九万人以上的", en="90,000 people or more")
CAP = [
    Setting(parameter="presidium.max_size", value=11, citation=Citation(law="CQ", article=30, paragraph=1),
            levels={Level.TOWNSHIP}),
    Setting(parameter="presidium.max_size", value=13, citation=Citation(law="CQ", article=30, paragraph=1),
            levels={Level.TOWNSHIP}, when=POPULOUS),
]  # fmt: skip


@given(provinces(), st.integers(min_value=1, max_value=300_000), st.sampled_from(list(Level)))
def test_a_conditional_cap_holds_from_its_threshold_and_only_for_its_level(province, population, level):
    rules = rules_for(province, CAP, CongressFacts(level=level, population=population))
    cap = rules.optional("presidium.max_size")
    if level is Level.COUNTY:
        assert cap is None  # a township regulation never binds a county congress
    else:
        assert cap is not None
        assert cap.value == (13 if population >= 90_000 else 11)


def test_a_relaxation_of_a_provincial_only_parameter_is_listed():
    """BJ 12 ¶1 relaxes a number national law does not name (1/5 of a small congress); it is still listed."""
    small = Setting(parameter="inquiry.small_congress_fraction", value=Fraction(1, 5), relaxation=True,
                    citation=Citation(law="BJ", article=12, paragraph=1), levels={Level.TOWNSHIP})  # fmt: skip
    township = rules_for(SAMPLE, [small], CongressFacts(level=Level.TOWNSHIP, deputies=35))
    county = rules_for(SAMPLE, [small], CongressFacts(level=Level.COUNTY, deputies=35))
    assert [e.parameter.name for e in township.relaxations()] == ["inquiry.small_congress_fraction"]
    assert county.relaxations() == ()
    assert county.optional("inquiry.small_congress_fraction") is None


def test_a_condition_describes_itself_as_the_text_words_it():
    assert POPULOUS.describe("zh") == "九万人以上的"
    assert POPULOUS.describe() == POPULOUS.describe("en") == "90,000 people or more"
