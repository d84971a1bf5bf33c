"""Named rule parameters and their composition under the floor principle.

National law is the floor. Each :class:`Parameter` knows its national value and which way
is stricter; a plugin's :class:`Setting` may tighten it, may loosen it only when it
declares a relaxation with the citation that allows it, and may never touch a fixed one.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from fractions import Fraction

import attrs

from npcproc.errors import FloorViolationError, PluginError, UnknownParameterError
from npcproc.rules.decision import Citation

Value = int | Fraction


class Direction(enum.Enum):
    """Which way a parameter's value makes the rule harder to satisfy."""

    HIGHER_IS_STRICTER = "higher"
    LOWER_IS_STRICTER = "lower"
    FIXED = "fixed"  # structural numbers (term length, quota formula) that no province may change


@attrs.frozen(kw_only=True)
class Parameter:
    """A number the law fixes, with the direction in which a province may tighten it.

    ``national`` is ``None`` for parameters that only provincial law sets (notice days,
    presidium size); any value is then accepted and the national column shows "—".
    """

    name: str
    national: Value | None
    direction: Direction
    citation: Citation | None
    unit: str
    en: str
    zh: str

    def stricter(self, a: Value, b: Value) -> bool:
        """True when ``a`` is strictly stricter than ``b``."""
        if self.direction is Direction.HIGHER_IS_STRICTER:
            return a > b
        if self.direction is Direction.LOWER_IS_STRICTER:
            return a < b
        return False


@attrs.frozen(kw_only=True)
class Setting:
    """A plugin's value for a parameter, with the provincial article it comes from.

    ``relaxation=True`` declares that the value is looser than the national one and that
    ``citation`` is the provision allowing it (BJ 12: 1/5 of a congress of 40 or fewer
    deputies may file an inquiry).
    """

    parameter: str
    value: Value
    citation: Citation
    relaxation: bool = False


@attrs.frozen(kw_only=True)
class Effective:
    """The value in force for a parameter, and where it came from."""

    parameter: Parameter
    value: Value | None
    source: str  # "national" or the plugin name
    citation: Citation | None
    relaxed: bool = False

    @property
    def relaxation(self) -> Citation | None:
        return self.citation if self.relaxed else None


def check_setting(parameter: Parameter, setting: Setting, *, plugin: str, hook: str) -> None:
    """Refuse a setting that breaks the floor principle, naming plugin, parameter, values and citations."""
    if parameter.direction is Direction.FIXED and setting.value != parameter.national:
        raise FloorViolationError(
            f"parameter {parameter.name} is fixed by {parameter.citation} at {parameter.national}; "
            f"the plugin sets {setting.value} ({setting.citation})",
            plugin=plugin,
            hook=hook,
            fix=f"remove the setting for {parameter.name}: no province may change it",
        )
    national = parameter.national
    if national is None or setting.relaxation or not parameter.stricter(national, setting.value):
        return
    raise FloorViolationError(
        f"{parameter.name} = {setting.value} ({setting.citation}) is looser than the national "
        f"{national} ({parameter.citation}); the national floor is {parameter.direction.value}-is-stricter",
        plugin=plugin,
        hook=hook,
        fix=f"use a value at least as strict as {national}, or declare relaxation=True "
        "if a provision allows the looser value",
    )


def compose(
    parameters: Mapping[str, Parameter],
    settings: Iterable[tuple[str, Setting]],
    *,
    hook: str = "npcproc_register_settings",
) -> dict[str, Effective]:
    """The value in force for every parameter, given ``(plugin, setting)`` pairs.

    A relaxation replaces the national floor; among the rest the strictest value wins, so
    adding a non-relaxing setting can only make a rule harder to satisfy.
    """
    effective = {
        name: Effective(parameter=p, value=p.national, source="national", citation=p.citation)
        for name, p in parameters.items()
    }
    floors: dict[str, Effective] = {}
    tightenings: dict[str, list[Effective]] = {}
    for plugin, setting in settings:
        parameter = parameters.get(setting.parameter)
        if parameter is None:
            raise PluginError(
                f"unknown parameter {setting.parameter!r}",
                plugin=plugin,
                hook=hook,
                fix="check the spelling against `npcproc rules`, or register the parameter "
                "in npcproc_register_parameters",
            )
        check_setting(parameter, setting, plugin=plugin, hook=hook)
        relaxed = (
            setting.relaxation
            and parameter.national is not None
            and parameter.stricter(parameter.national, setting.value)
        )
        entry = Effective(
            parameter=parameter, value=setting.value, source=plugin, citation=setting.citation, relaxed=relaxed
        )
        if relaxed:
            current = floors.get(parameter.name)
            if current is not None and current.value != setting.value:
                raise PluginError(
                    f"two relaxations of {parameter.name}: {current.value} from {current.source} and {setting.value}",
                    plugin=plugin,
                    hook=hook,
                    fix="load only one province's plugins at a time",
                )
            floors[parameter.name] = entry
        else:
            tightenings.setdefault(parameter.name, []).append(entry)
    for name, floor in floors.items():
        effective[name] = floor
    for name, entries in tightenings.items():
        for entry in entries:
            in_force = effective[name].value
            if in_force is None or (entry.value is not None and entry.parameter.stricter(entry.value, in_force)):
                effective[name] = entry
    return effective


def lookup(effective: Mapping[str, Effective], name: str) -> Effective:
    try:
        return effective[name]
    except KeyError:
        raise UnknownParameterError(f"no rule parameter named {name!r}") from None
