"""The plugin-author kit: fixtures from the pytest11 plugin and the conformance check."""

from __future__ import annotations

from pathlib import Path

import pytest

from npcproc.provinces import Province
from npcproc.rules import Citation, Setting
from npcproc.testing import settings_plugin
from npcproc.testing.conformance import conformance_problems

SAMPLE = Province(code="990000", name_zh="样例省", name_en="Sampleland", key="SP")


@pytest.fixture
def sample_plugins(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).parent))


def test_a_conforming_province_plugin_passes(npcproc_conformance, sample_plugins):
    from sample_plugins import relaxed_province

    npcproc_conformance(relaxed_province)
    assert conformance_problems(relaxed_province) == []


def test_a_looser_value_is_a_conformance_failure(sample_plugins):
    from sample_plugins import too_loose

    problems = conformance_problems(too_loose)
    floor = [p for p in problems if "floor principle" in p]
    assert len(floor) == 1
    assert "session.quorum" in floor[0]


def test_settings_without_a_province_and_citations_that_do_not_exist(npcproc_conformance):
    stray = Setting(parameter="suggestion.reply_months", value=2, citation=Citation(law="ZJ", article=999))
    problems = conformance_problems(settings_plugin([stray]))
    assert any("declares no province" in p for p in problems)
    assert any("ZJ 999" in p for p in problems)
    with pytest.raises(AssertionError, match="does not conform"):
        npcproc_conformance(settings_plugin([stray], province=SAMPLE))


def test_fixtures_give_isolated_managers_and_a_province_s_rules(npcproc_plugin_manager, npcproc_rules):
    tighter = Setting(
        parameter="suggestion.reply_months", value=2, citation=Citation(law="CQ", article=16, paragraph=1)
    )
    plugin = settings_plugin([tighter], province=SAMPLE)
    assert npcproc_plugin_manager(plugin).is_registered(plugin)
    assert npcproc_rules("样例省", plugin).value("suggestion.reply_months") == 2
    assert npcproc_rules(None, plugin).value("suggestion.reply_months") == 3
