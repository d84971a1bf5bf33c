"""The national floor as a plugin: registers every parameter of :mod:`npcproc.rules.national`."""

from __future__ import annotations

from collections.abc import Callable

from npcproc.hookspecs import hookimpl
from npcproc.rules.national import PARAMETERS
from npcproc.rules.parameters import Parameter


@hookimpl
def npcproc_register_parameters(register: Callable[[Parameter], None]) -> None:
    for parameter in PARAMETERS.values():
        register(parameter)
