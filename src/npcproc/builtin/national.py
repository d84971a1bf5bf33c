"""The national floor as a plugin: every parameter of :mod:`npcproc.rules.national`, national law's advice,
and the texts of national law (OL, EL, DL, SL and the Civil Code's rules on periods)."""

from __future__ import annotations

from collections.abc import Callable

from npcproc.hookspecs import hookimpl
from npcproc.rules.laws import LawText, read_law_texts
from npcproc.rules.national import ADVICE, PARAMETERS
from npcproc.rules.parameters import Parameter, Setting

__all__ = ["npcproc_register_laws", "npcproc_register_parameters", "npcproc_register_settings"]


@hookimpl
def npcproc_register_laws(register: Callable[[LawText], None]) -> None:
    for law in read_law_texts("npcproc", "data/laws.json"):
        register(law)


@hookimpl
def npcproc_register_settings(register: Callable[[Setting], None]) -> None:
    for setting in ADVICE:
        register(setting)


@hookimpl
def npcproc_register_parameters(register: Callable[[Parameter], None]) -> None:
    for parameter in PARAMETERS.values():
        register(parameter)
