"""Every installed province plugin, against national law, over generated congresses.

The five provincial regulations bind township congresses only (ZJ 2, CQ 2, SD 2, HN 1,
BJ 1): a county congress is judged by national law alone, whichever province is chosen. And
for every congress the rules in force are at least as strict as national law except the
relaxations the plugin declares, each of which is listed. Runs in `nox -s plugins`.
"""

from __future__ import annotations

import pytest
from hypothesis import given

from npcproc.model.levels import Level
from npcproc.plugins import create_plugin_manager, load_rules, provinces
from npcproc.rules.national import PARAMETERS
from npcproc.testing.strategies import congress_facts

PM = create_plugin_manager(autoload=True)
PROVINCES = sorted({province.key for province in provinces(PM).values()})


def test_the_five_township_regulations_are_installed():
    assert {"ZJ", "CQ", "SD", "HN", "BJ"} <= set(PROVINCES)


@pytest.mark.parametrize("key", PROVINCES)
@given(facts=congress_facts(level=Level.COUNTY))
def test_a_county_congress_is_judged_by_national_law_alone(key, facts):
    national = load_rules(None, pm=PM).for_congress(facts)
    provincial = load_rules(key, pm=PM).for_congress(facts)
    assert {n: (e.value, e.source) for n, e in provincial.parameters.items()} == {
        n: (e.value, e.source) for n, e in national.parameters.items()
    }
    assert provincial.relaxations() == ()


@pytest.mark.parametrize("key", PROVINCES)
@given(facts=congress_facts())
def test_in_force_is_at_least_national_except_listed_relaxations(key, facts):
    rules = load_rules(key, pm=PM).for_congress(facts)
    listed = {entry.parameter.name for entry in rules.relaxations()}
    for name, entry in rules.parameters.items():
        national = PARAMETERS[name].national if name in PARAMETERS else None
        if national is not None and entry.value is not None and entry.parameter.stricter(national, entry.value):
            assert name in listed, f"{key}: {name} = {entry.value} looser than {national} and not listed"
    for entry in rules.relaxations():
        assert entry.source != "national"
        assert entry.citation is not None
        assert entry.citation.law == key
