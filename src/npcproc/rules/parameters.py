"""Named rule parameters and their composition under the floor principle.

National law is the floor. Each :class:`Parameter` knows its national value and which way
is stricter; a plugin's :class:`Setting` may tighten it, may loosen it only when it
declares a relaxation with the citation that allows it, and may never touch a fixed one.

A rule has a shape: a setting declares the levels of congress it binds (a township
regulation never binds a county), the kinds of session it covers, a :class:`Condition` on
the congress's facts under which its value holds (ZJ 8 ¶2's larger presidium in populous
townships), its :class:`~npcproc.rules.decision.Binding` (shall / normally / may) and, for a
period, the event it starts from. :func:`compose` resolves all of that for one congress's
:class:`CongressFacts`.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Literal

import attrs

from npcproc.errors import FloorViolationError, PluginError, UnknownParameterError
from npcproc.model.levels import Level
from npcproc.rules.decision import Binding, Citation

__all__ = [
    "ALL_LEVELS",
    "SESSION_KINDS",
    "Condition",
    "CongressFacts",
    "Direction",
    "Effective",
    "Parameter",
    "Setting",
    "Value",
    "check_setting",
    "compose",
    "lookup",
    "resolve",
]

Value = int | Fraction
ALL_LEVELS: frozenset[Level] = frozenset(Level)
#: The kinds of session (values of :class:`~npcproc.model.session.SessionKind`).
SESSION_KINDS = frozenset({"regular", "extraordinary"})


def _levels(value: Iterable[Level]) -> frozenset[Level]:
    return frozenset(value)


def _names(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _kinds(value: Iterable[object] | None) -> frozenset[str] | None:
    if value is None:
        return None
    kinds = frozenset(str(getattr(kind, "value", kind)) for kind in value)
    unknown = kinds - SESSION_KINDS
    if unknown:
        raise ValueError(f"session_kinds: unknown kind(s) {sorted(unknown)}; known: {sorted(SESSION_KINDS)}")
    return kinds


@attrs.frozen(kw_only=True)
class CongressFacts:
    """What a rule's scope and value may depend on: the congress's level and size, and the day.

    ``deputies`` counts the deputies in office; ``designations`` holds the qualities a text
    names without a number (``"populous"``, ``"developed"`` for ZJ 8 ¶2's 经济比较发达或者人口较多的乡镇),
    as the congress records them. An unknown fact (``None``) satisfies no condition.
    ``on`` is the day the rules are applied: a setting not yet in force that day
    (:attr:`Setting.in_force_from`) does not bind; ``None`` takes every setting as in force.
    """

    level: Level
    population: int | None = None
    deputies: int | None = None
    designations: frozenset[str] = attrs.field(factory=frozenset, converter=_names)
    on: datetime.date | None = None


@attrs.frozen(kw_only=True)
class Condition:
    """When a setting's value holds, as the text words it: a population or deputy count, or a designation.

    ``Condition(fact="population", at_least=90_000, zh="九万人以上的", en="90,000 people or more")``.
    """

    fact: Literal["population", "deputies", "designation"]
    at_least: int | None = None
    at_most: int | None = None
    designation: str | None = None
    zh: str
    en: str

    def __attrs_post_init__(self) -> None:
        if self.fact == "designation":
            if self.designation is None or self.at_least is not None or self.at_most is not None:
                raise ValueError("a designation condition names a designation and no bounds")
        elif self.designation is not None or (self.at_least is None and self.at_most is None):
            raise ValueError(f"a {self.fact} condition needs at_least or at_most, and no designation")

    def holds(self, facts: CongressFacts) -> bool:
        if self.fact == "designation":
            return self.designation in facts.designations
        known = facts.population if self.fact == "population" else facts.deputies
        if known is None:
            return False
        return (self.at_least is None or known >= self.at_least) and (self.at_most is None or known <= self.at_most)

    def describe(self, lang: str = "en") -> str:
        return self.zh if lang == "zh" else self.en


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
    ``starts`` names the event a period counts from (``"referral"``, ``"session_closed"``).
    """

    name: str
    national: Value | None
    direction: Direction
    citation: Citation | None
    unit: str
    en: str
    zh: str
    starts: str | None = None

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

    The shape of the rule: ``levels`` it binds (a township regulation: ``{Level.TOWNSHIP}``),
    ``session_kinds`` it covers (``None``: every kind), ``when`` its value holds (a
    :class:`Condition`; a plugin's conditional setting replaces its plain one for a congress
    that meets the condition), its ``binding`` (a ``NORMALLY`` value is advice and never
    replaces a "shall" one) and ``starts``, the event a period counts from where the text
    changes it (SD 15: from the close of the session).

    ``in_force_from`` is the day its text took effect (HN 11: 自2017年1月1日起施行); on an earlier
    day the setting does not bind, and the national value (or none) holds.
    """

    parameter: str
    value: Value
    citation: Citation
    relaxation: bool = False
    levels: frozenset[Level] = attrs.field(default=ALL_LEVELS, converter=_levels)
    session_kinds: frozenset[str] | None = attrs.field(default=None, converter=_kinds)
    when: Condition | None = None
    binding: Binding = Binding.SHALL
    starts: str | None = None
    in_force_from: datetime.date | None = None

    def relaxes(self, parameter: Parameter) -> bool:
        """Whether this is a declared relaxation that loosens ``parameter``'s national value (or one only
        provincial law sets)."""
        national = parameter.national
        return self.relaxation and (national is None or parameter.stricter(national, self.value))

    def applies(self, facts: CongressFacts | None) -> bool:
        """Whether this setting binds a congress with ``facts``.

        ``None`` (no particular congress: the province's rules as listed) takes every
        setting without a condition.
        """
        if facts is None:
            return self.when is None
        return facts.level in self.levels and (self.when is None or self.when.holds(facts)) and self.in_force(facts.on)

    def in_force(self, on: datetime.date | None) -> bool:
        """Whether the setting's text is in force on ``on`` (``None``: as written, so yes)."""
        return on is None or self.in_force_from is None or on >= self.in_force_from


@attrs.frozen(kw_only=True)
class Effective:
    """The value in force for a parameter, where it came from, and the shape of its rule."""

    parameter: Parameter
    value: Value | None
    source: str  # "national" or the plugin name
    citation: Citation | None
    relaxed: bool = False
    levels: frozenset[Level] = ALL_LEVELS
    session_kinds: frozenset[str] | None = None
    when: Condition | None = None
    binding: Binding = Binding.SHALL
    starts: str | None = None

    @property
    def relaxation(self) -> Citation | None:
        return self.citation if self.relaxed else None

    @classmethod
    def national_of(cls, parameter: Parameter) -> Effective:
        return cls(parameter=parameter, value=parameter.national, source="national", citation=parameter.citation,
                   starts=parameter.starts)  # fmt: skip

    @classmethod
    def of_setting(cls, parameter: Parameter, setting: Setting, plugin: str, relaxed: bool) -> Effective:
        return cls(
            parameter=parameter, value=setting.value, source=plugin, citation=setting.citation, relaxed=relaxed,
            levels=setting.levels, session_kinds=setting.session_kinds, when=setting.when, binding=setting.binding,
            starts=setting.starts or parameter.starts,
        )  # fmt: skip


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
    facts: CongressFacts | None = None,
    binding: Binding = Binding.SHALL,
    hook: str = "npcproc_register_settings",
) -> dict[str, Effective]:
    """The value in force for every parameter, given ``(plugin, setting)`` pairs, for a congress with ``facts``.

    Every setting is checked against the floor (:func:`resolve` does the rest). Of the settings that bind the congress
    (:meth:`Setting.applies`) and have the given ``binding``, a plugin's conditional ones
    replace its plain ones; a relaxation replaces the national floor; among the rest the
    strictest value wins, so adding a non-relaxing setting can only make a rule harder to
    satisfy; an equal value from a plugin replaces the national one, its article being the more
    specific source. With ``binding=NORMALLY`` the result holds only the advisory values ("一般").
    """
    pairs = list(settings)
    for plugin, setting in pairs:
        _check_known(parameters, plugin, setting, hook)
        check_setting(parameters[setting.parameter], setting, plugin=plugin, hook=hook)
    return resolve(parameters, pairs, facts=facts, binding=binding, hook=hook)


def resolve(
    parameters: Mapping[str, Parameter],
    settings: Iterable[tuple[str, Setting]],
    *,
    facts: CongressFacts | None = None,
    binding: Binding = Binding.SHALL,
    hook: str = "npcproc_register_settings",
) -> dict[str, Effective]:
    """:func:`compose` for settings already checked against the floor: what a rule set does per congress."""
    chosen: dict[tuple[str, str], list[Setting]] = {}
    for plugin, setting in settings:
        if setting.binding is binding and setting.applies(facts):
            chosen.setdefault((plugin, setting.parameter), []).append(setting)
    for key, found in chosen.items():
        conditional = [s for s in found if s.when is not None]
        chosen[key] = conditional[-1:] if conditional else found
    effective = {
        name: Effective.national_of(p) if binding is Binding.SHALL else _unset(p) for name, p in parameters.items()
    }
    floors: dict[str, Effective] = {}
    tightenings: dict[str, list[tuple[Effective, Value]]] = {}
    for (plugin, name), found in chosen.items():
        parameter = parameters[name]
        for setting in found:
            relaxed = setting.relaxes(parameter)
            entry = Effective.of_setting(parameter, setting, plugin, relaxed)
            if not relaxed:
                tightenings.setdefault(name, []).append((entry, setting.value))
                continue
            current = floors.get(name)
            if current is not None and current.value != setting.value:
                raise PluginError(
                    f"two relaxations of {name}: {current.value} from {current.source} and {setting.value}",
                    plugin=plugin,
                    hook=hook,
                    fix="load only one province's plugins at a time",
                )
            floors[name] = entry
    effective.update(floors)
    for name, entries in tightenings.items():
        for entry, value in entries:
            current = effective[name]
            # A province's equal value replaces the national one: its article is the more specific source.
            if (
                current.value is None
                or entry.parameter.stricter(value, current.value)
                or (value == current.value and current.source == "national")
            ):
                effective[name] = entry
    return effective


def _unset(parameter: Parameter) -> Effective:
    return Effective(parameter=parameter, value=None, source="national", citation=None, binding=Binding.NORMALLY)


def _check_known(parameters: Mapping[str, Parameter], plugin: str, setting: Setting, hook: str) -> None:
    if setting.parameter not in parameters:
        raise PluginError(
            f"unknown parameter {setting.parameter!r}",
            plugin=plugin,
            hook=hook,
            fix="check the spelling against `npcproc rules`, or register the parameter in npcproc_register_parameters",
        )


def lookup(effective: Mapping[str, Effective], name: str) -> Effective:
    try:
        return effective[name]
    except KeyError:
        raise UnknownParameterError(f"no rule parameter named {name!r}") from None
