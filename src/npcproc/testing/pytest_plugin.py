"""The pytest plugin for plugin authors (entry point ``pytest11``: ``npcproc``).

Fixtures:

``npcproc_plugin_manager``
    a factory: ``npcproc_plugin_manager(plugin, ...)`` gives an isolated plugin manager with
    the built-ins and the given plugins, and none installed on the machine.
``npcproc_rules``
    a factory: ``npcproc_rules("浙江", plugin, ...)`` gives the rules in force for a province.
``npcproc_conformance``
    ``npcproc_conformance(plugin)`` fails the test with every way the plugin breaks the
    floor principle, misses its province, or cites an article that does not exist.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from npcproc.plugins import PluginManager, create_plugin_manager, load_rules
from npcproc.rules.ruleset import RuleSet
from npcproc.testing.conformance import assert_conformant

__all__ = ["npcproc_conformance", "npcproc_plugin_manager", "npcproc_rules"]


@pytest.fixture
def npcproc_plugin_manager() -> Callable[..., PluginManager]:
    def make(*plugins: object) -> PluginManager:
        return create_plugin_manager(autoload=False, plugins=plugins)

    return make


@pytest.fixture
def npcproc_rules(npcproc_plugin_manager: Callable[..., PluginManager]) -> Callable[..., RuleSet]:
    def rules(province: str | None, *plugins: object) -> RuleSet:
        return load_rules(province, pm=npcproc_plugin_manager(*plugins))

    return rules


@pytest.fixture
def npcproc_conformance() -> Callable[[object], None]:
    return assert_conformant
