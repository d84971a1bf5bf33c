"""The national floor as a plugin: every parameter of :mod:`npcproc.rules.national`, and national law's advice."""

from __future__ import annotations

from collections.abc import Callable

from npcproc.hookspecs import hookimpl
from npcproc.rules.national import ADVICE, PARAMETERS
from npcproc.rules.parameters import Parameter, Setting


@hookimpl
def npcproc_register_settings(register: Callable[[Setting], None]) -> None:
    for setting in ADVICE:
        register(setting)


@hookimpl
def npcproc_register_parameters(register: Callable[[Parameter], None]) -> None:
    for parameter in PARAMETERS.values():
        register(parameter)
