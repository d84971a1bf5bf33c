"""Public helpers for testing npcproc rules and plugins.

:mod:`npcproc.testing.strategies` holds Hypothesis strategies (install ``npcproc[testing]``);
:func:`settings_plugin` builds a throwaway rule plugin for a test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from npcproc.hookspecs import hookimpl
from npcproc.provinces import Province
from npcproc.rules.parameters import Setting
from npcproc.rules.ruleset import Check

__all__ = ["settings_plugin"]


class _SettingsPlugin:
    def __init__(self, province: Province | None, settings: tuple[Setting, ...], checks: tuple[tuple[str, Check], ...]):
        self.province = province
        self.settings = settings
        self.checks = checks

    @hookimpl
    def npcproc_province(self) -> Province | None:
        return self.province

    @hookimpl
    def npcproc_register_settings(self, register: Callable[[Setting], None]) -> None:
        for setting in self.settings:
            register(setting)

    @hookimpl
    def npcproc_register_checks(self, register: Callable[[str, Check], None]) -> None:
        for topic, check in self.checks:
            register(topic, check)


def settings_plugin(
    settings: Iterable[Setting] = (), *, province: Province | None = None, checks: Iterable[tuple[str, Check]] = ()
) -> object:
    """A plugin object that declares ``province`` and registers ``settings`` and ``checks``.

    Register it with ``create_plugin_manager(autoload=False, plugins=(plugin,))``.
    """
    return _SettingsPlugin(province, tuple(settings), tuple(checks))
