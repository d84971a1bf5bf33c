"""The conformance check for rule plugins: the floor principle, a declared province, real citations."""

from __future__ import annotations

from npcproc.errors import NpcprocError, UnknownCitationError
from npcproc.plugins import create_plugin_manager, load_rules, parameters, provinces
from npcproc.rules.decision import Citation
from npcproc.rules.laws import clause_text

__all__ = ["assert_conformant", "conformance_problems"]

RULE_HOOKS = ("npcproc_register_settings", "npcproc_register_checks", "npcproc_register_parameters")


def conformance_problems(plugin: object) -> list[str]:
    """Every way ``plugin`` fails npcproc's rules for rule plugins; empty when it conforms.

    A plugin that sets rules must declare its province (national and practice plugins set
    none); its settings load under the floor principle (no looser value without a declared
    relaxation, no fixed number changed, no unknown parameter); and every article it cites
    exists in the law texts registered by the plugin itself or national law
    (``npcproc_register_laws``): a province plugin ships its own regulations.
    """
    try:
        pm = create_plugin_manager(autoload=False, plugins=(plugin,))
    except NpcprocError as exc:
        return [f"does not load: {exc}"]
    name = pm.get_name(plugin) or repr(plugin)
    implemented = {caller.name for caller in pm.get_hookcallers(plugin) or ()}
    problems: list[str] = []
    declared = provinces(pm).get(name)
    sets_values = "npcproc_register_settings" in implemented
    if sets_values and declared is None and "npcproc_register_parameters" not in implemented:
        problems.append("sets rule values but declares no province (implement npcproc_province)")
    try:
        rules = load_rules(declared, pm=pm)
    except NpcprocError as exc:
        return [*problems, f"breaks the floor principle: {exc}"]
    cited: list[tuple[str, Citation]] = []
    for parameter in parameters(pm).values():
        if parameter.citation is not None:
            cited.append((f"parameter {parameter.name}", parameter.citation))
    for source, setting in rules.settings:
        if source == name:
            cited.append((f"setting {setting.parameter}", setting.citation))
    for where, citation in cited:
        if citation.is_practice:  # a seed report or practice: no law text to find
            continue
        try:
            clause_text(citation.law, citation.article, citation.paragraph, citation.item, pm=pm)
        except UnknownCitationError as exc:
            problems.append(
                f"{where} cites {citation}, which the registered law texts lack: {exc} "
                "(a plugin registers the texts it cites with npcproc_register_laws)"
            )
    return problems


def assert_conformant(plugin: object) -> None:
    """Fail with every conformance problem of ``plugin`` (see :func:`conformance_problems`)."""
    problems = conformance_problems(plugin)
    assert not problems, "plugin does not conform:\n- " + "\n- ".join(problems)
