# Over 400 lines: the plugin manager and the registries it fills, which must agree on one manager's lifecycle.
"""The plugin manager: hook specs, built-in plugins, entry points and environment switches.

Environment:

``NPCPROC_DISABLE_PLUGIN_AUTOLOAD``
    when set, plugins installed under the ``npcproc`` entry-point group are not loaded.
``NPCPROC_LOAD_PLUGINS``
    comma-separated module names to import and register (also when autoload is off).
``NPCPROC_TRACE_PLUGINS``
    when set, every hook call is traced to standard error.

Plugins are loaded on first use of :func:`get_plugin_manager`, never at import.
"""

from __future__ import annotations

import importlib
import os
import sys
import weakref
from collections.abc import Callable, Iterator
from importlib.metadata import entry_points
from types import CodeType, FrameType, TracebackType
from typing import Any, TypeVar

import pluggy

from npcproc import hookspecs
from npcproc.errors import NpcprocError, PluginError, UnknownProvinceError
from npcproc.events import declared_name
from npcproc.hookspecs import hookimpl
from npcproc.i18n import Messages
from npcproc.model.suggestion import Classification
from npcproc.provinces import Province
from npcproc.rules.laws import LawText
from npcproc.rules.parameters import CongressFacts, Parameter, Setting, compose
from npcproc.rules.ruleset import RuleSet
from npcproc.rules.topics import TOPICS, Check

__all__ = [
    "ENTRY_POINT_GROUP",
    "PluginManager",
    "call_hook",
    "check_pending",
    "classifications",
    "collect_event_types",
    "collect_law_texts",
    "collect_messages",
    "create_plugin_manager",
    "find_province",
    "get_plugin_manager",
    "hookimpl",
    "load_rules",
    "parameters",
    "provinces",
    "registry",
    "reset_plugin_manager",
]

T = TypeVar("T")

ENTRY_POINT_GROUP = "npcproc"
BUILTIN_PLUGINS = (
    "npcproc.builtin.core",
    "npcproc.builtin.national",
    "npcproc.builtin.memory_store",
    "npcproc.builtin.sqlite_store",
    "npcproc.builtin.holidays",
)


class PluginManager(pluggy.PluginManager):
    """A pluggy manager that remembers which distribution each entry-point plugin came from,
    and the registries its plugins fill (see :func:`registry`) until a plugin comes or goes."""

    def __init__(self) -> None:
        super().__init__("npcproc")
        self.distributions: dict[str, str] = {}
        self.registries: dict[str, Any] = {}

    def distribution_of(self, plugin_name: str) -> str | None:
        """The distribution an entry-point plugin was installed with, or None."""
        return self.distributions.get(plugin_name)

    def register(self, plugin: object, name: str | None = None) -> str | None:
        self.registries.clear()
        return super().register(plugin, name)

    def unregister(self, plugin: object | None = None, name: str | None = None) -> Any | None:
        self.registries.clear()
        return super().unregister(plugin, name)


_registries: weakref.WeakKeyDictionary[pluggy.PluginManager, tuple[tuple[str, ...], dict[str, Any]]] = (
    weakref.WeakKeyDictionary()
)


def registry(pm: pluggy.PluginManager, name: str, collect: Callable[[pluggy.PluginManager], T]) -> T:
    """``collect(pm)``, remembered as ``pm``'s registry ``name`` until a plugin is registered or unregistered.

    Event types, message codes and law texts are looked up this way: what a lookup finds
    depends on the plugins of the manager, never on which modules happen to be imported.
    """
    if isinstance(pm, PluginManager):
        found = pm.registries
    else:  # a plain pluggy manager: remembered per set of plugin names
        plugins = tuple(sorted(name for name, _plugin in pm.list_name_plugin()))
        cached = _registries.get(pm)
        if cached is None or cached[0] != plugins:
            cached = _registries[pm] = (plugins, {})
        found = cached[1]
    if name not in found:
        found[name] = collect(pm)
    result: T = found[name]
    return result


def create_plugin_manager(*, autoload: bool | None = None, plugins: tuple[object, ...] = ()) -> PluginManager:
    """A new plugin manager with the built-ins, entry points (unless disabled) and ``plugins``.

    :param autoload: load the ``npcproc`` entry-point group; defaults to true unless
        ``NPCPROC_DISABLE_PLUGIN_AUTOLOAD`` is set.
    :param plugins: extra plugin objects (modules or instances) to register.
    """
    pm = PluginManager()
    pm.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    if autoload is None:
        autoload = not os.environ.get("NPCPROC_DISABLE_PLUGIN_AUTOLOAD")
    if autoload:
        _load_entry_points(pm)
    for name in filter(None, (n.strip() for n in os.environ.get("NPCPROC_LOAD_PLUGINS", "").split(","))):
        module = _import(name, hook="NPCPROC_LOAD_PLUGINS")
        if not pm.has_plugin(name) and not pm.is_registered(module):  # autoload may have loaded it already
            pm.register(module, name=name)
    for plugin in plugins:
        pm.register(plugin, name=_readable_name(pm, plugin))
    if os.environ.get("NPCPROC_TRACE_PLUGINS"):
        from npcproc.store.urls import mask_secrets

        pm.trace.root.setwriter(lambda text: sys.stderr.write(mask_secrets(text)))
        pm.enable_tracing()
    check_pending(pm)
    return pm


_default: PluginManager | None = None


def get_plugin_manager() -> PluginManager:
    """The process-wide plugin manager, created on first call."""
    global _default
    if _default is None:
        _default = create_plugin_manager()
    return _default


def reset_plugin_manager() -> None:
    """Forget the process-wide manager so the next call re-reads plugins and environment."""
    global _default
    _default = None


def check_pending(pm: pluggy.PluginManager) -> None:
    """Fail loudly on a hook implementation that matches no spec (a misspelt hook name)."""
    known = {name for name in dir(hookspecs) if name.startswith("npcproc_")}
    for name, plugin in pm.list_name_plugin():
        for attr in dir(plugin):
            if attr.startswith("npcproc_") and attr not in known and pm.parse_hookimpl_opts(plugin, attr) is not None:
                raise PluginError(
                    f"implements unknown hook {attr!r}",
                    plugin=name,
                    hook=attr,
                    fix=f"rename it to one of: {', '.join(sorted(known))}",
                    distribution=_distribution(pm, name),
                )
    pm.check_pending()


def _load_entry_points(pm: PluginManager) -> None:
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if pm.has_plugin(ep.name) or pm.is_blocked(ep.name):
            continue
        distribution = ep.dist.name if ep.dist is not None else None
        try:
            plugin = ep.load()
        except Exception as exc:
            raise PluginError(
                f"could not be imported: {exc!r}",
                plugin=ep.name,
                hook="(entry point)",
                fix=f"reinstall {distribution or ep.value}, or set NPCPROC_DISABLE_PLUGIN_AUTOLOAD=1",
                distribution=distribution,
            ) from exc
        pm.register(plugin, name=ep.name)
        if distribution:
            pm.distributions[ep.name] = distribution


def _readable_name(pm: pluggy.PluginManager, plugin: object) -> str:
    """A name for errors: the module's, or the class's qualified name (numbered when repeated)."""
    base = getattr(plugin, "__name__", None) or f"{type(plugin).__module__}.{type(plugin).__qualname__}"
    name, n = base, 1
    while pm.has_plugin(name):
        n += 1
        name = f"{base}#{n}"
    return name


def _import(name: str, *, hook: str) -> object:
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise PluginError(
            f"module {name!r} could not be imported: {exc}", plugin=name, hook=hook, fix="check the module name"
        ) from exc


def _distribution(pm: pluggy.PluginManager, name: str) -> str | None:
    return pm.distribution_of(name) if isinstance(pm, PluginManager) else None


def call_hook(pm: pluggy.PluginManager, hook: str, **kwargs: Any) -> Any:
    """Call ``hook`` through ``pm.hook``, the one way npcproc calls a hook.

    So ``NPCPROC_TRACE_PLUGINS`` traces every call, ``wrapper=True`` implementations run and
    ``firstresult`` holds. An exception a plugin raises (other than npcproc's own errors) becomes
    a :class:`~npcproc.errors.PluginError` naming the plugin.
    """
    try:
        return getattr(pm.hook, hook)(**kwargs)
    except NpcprocError:
        raise
    except Exception as exc:
        plugin = _plugin_in_traceback(pm, hook, exc.__traceback__)
        raise PluginError(
            f"raised {exc!r}",
            plugin=plugin,
            hook=hook,
            fix="see the chained exception",
            distribution=_distribution(pm, plugin),
        ) from exc


def _implementations(pm: pluggy.PluginManager, hook: str) -> dict[int, list[tuple[str, Callable[..., Any]]]]:
    """The identity of each implementation's code object -> (plugin name, function) of each that runs it.

    By identity, as two plugins' implementations with the same body have *equal* code objects;
    several plugins made by one factory (``npcproc.testing.settings_plugin``) share one, and
    :func:`_running` tells them apart. The implementations keep the code objects alive.
    """
    found: dict[int, list[tuple[str, Callable[..., Any]]]] = {}
    for impl in getattr(pm.hook, hook).get_hookimpls():
        code = getattr(impl.function, "__code__", None)  # a function's, or a bound method's
        if isinstance(code, CodeType):
            found.setdefault(id(code), []).append((impl.plugin_name, impl.function))
    return found


def _running(frame: FrameType, function: Callable[..., Any]) -> bool:
    """Whether ``frame`` runs ``function``: its code, and the same bound instance and closure values."""
    plain = getattr(function, "__func__", function)
    code: CodeType = plain.__code__
    if frame.f_code is not code:
        return False
    owner = getattr(function, "__self__", None)
    if owner is not None and code.co_argcount and frame.f_locals.get(code.co_varnames[0]) is not owner:
        return False
    cells = getattr(plain, "__closure__", None) or ()
    return all(
        frame.f_locals.get(name) is cell.cell_contents for name, cell in zip(code.co_freevars, cells, strict=True)
    )


def _plugin_of(frame: FrameType | None, codes: dict[int, list[tuple[str, Callable[..., Any]]]]) -> str | None:
    """The plugin whose implementation ``frame`` runs, or None when it runs none."""
    if frame is None:
        return None
    for plugin, function in codes.get(id(frame.f_code), ()):
        if _running(frame, function):
            return plugin
    return None


def _plugin_in_traceback(pm: pluggy.PluginManager, hook: str, tb: TracebackType | None) -> str:
    codes, plugin = _implementations(pm, hook), "(unknown plugin)"
    while tb is not None:
        plugin = _plugin_of(tb.tb_frame, codes) or plugin
        tb = tb.tb_next
    return plugin


class _Registrar:
    """The ``register`` callback of a ``npcproc_register_*`` hook, called through ``pm.hook``.

    It knows which plugin registers each item from the implementation running on the stack,
    so a validation error names the plugin even though pluggy called all of them at once.
    """

    def __init__(self, pm: pluggy.PluginManager, hook: str) -> None:
        self.pm, self.hook = pm, hook
        self.codes = _implementations(pm, hook)

    def plugin(self) -> str:
        frame: FrameType | None = sys._getframe(2)
        while frame is not None:
            found = _plugin_of(frame, self.codes)
            if found is not None:
                return found
            frame = frame.f_back
        return "(unknown plugin)"

    def error(self, plugin: str, problem: str, fix: str) -> PluginError:
        return PluginError(problem, plugin=plugin, hook=self.hook, fix=fix, distribution=_distribution(self.pm, plugin))

    def unique(self, cls: type[T], name: str, kind: str, key: Callable[[T], str], fix: str) -> dict[str, T]:
        """Key -> item for every registration; an item not of ``cls`` or a key registered twice is an error
        naming the plugin (and the plugin that registered the key first)."""
        found: dict[str, tuple[str, T]] = {}

        def accept(plugin: str, item: T) -> None:
            if not isinstance(item, cls):
                raise self.error(plugin, f"registered {item!r}", f"pass {name}(...)")
            if key(item) in found:
                raise self.error(plugin, f"{kind} {key(item)!r} is already registered by {found[key(item)][0]}", fix)
            found[key(item)] = (plugin, item)

        self.collect(accept)
        return {k: item for k, (_plugin, item) in found.items()}

    def collect(self, accept: Callable[..., None]) -> None:
        """Call the hook; ``accept(plugin, *args)`` receives each registration with its plugin's name."""

        def register(*args: Any) -> None:
            accept(self.plugin(), *args)

        call_hook(self.pm, self.hook, register=register)


def _ask_each(pm: pluggy.PluginManager, hook: str) -> Iterator[tuple[str, Any]]:
    """Each plugin implementing ``hook``, in call order, with its answer (a list, or one value for firstresult).

    Asked through a subset hook caller of ``pm`` (traced like ``pm.hook``), for hooks whose
    answers must be known to come from their plugin.
    """
    named = pm.list_name_plugin()
    for impl in reversed(getattr(pm.hook, hook).get_hookimpls()):
        plugin = impl.plugin_name
        others = [other for name, other in named if name != plugin]
        try:
            yield plugin, pm.subset_hook_caller(hook, remove_plugins=others)()
        except NpcprocError:
            raise
        except Exception as exc:
            raise PluginError(
                f"raised {exc!r}", plugin=plugin, hook=hook, fix="see the chained exception",
                distribution=_distribution(pm, plugin),
            ) from exc  # fmt: skip


def provinces(pm: pluggy.PluginManager | None = None) -> dict[str, Province]:
    """Plugin name -> the province it declares, for every plugin that declares one.

    ``npcproc_province`` is asked of each plugin on its own (a subset hook caller of
    ``pm``), so each declaration is known to come from its plugin.
    """
    pm = pm or get_plugin_manager()
    hook = "npcproc_province"
    found = {}
    for name, declared in _ask_each(pm, hook):
        for province in declared:
            if not isinstance(province, Province):
                raise PluginError(
                    f"returned {province!r}",
                    plugin=name,
                    hook=hook,
                    fix="return npcproc.provinces.Province(...) or None",
                    distribution=_distribution(pm, name),
                )
            found[name] = province
    return found


def collect_law_texts(pm: pluggy.PluginManager) -> dict[str, LawText]:
    """Law key -> text, from every plugin's ``npcproc_register_laws``; a key registered twice is an error."""
    registrar = _Registrar(pm, "npcproc_register_laws")
    return registrar.unique(
        LawText, "npcproc.rules.laws.LawText", "law", lambda law: law.key,
        "register each law once: a province's law ships with that province's plugin",
    )  # fmt: skip


def collect_event_types(pm: pluggy.PluginManager) -> dict[str, type[Any]]:
    """Type name -> event class, from every plugin's ``npcproc_register_event_types``.

    A class that declares no name (:func:`npcproc.events.event_type`) is an error naming the
    plugin; a class registered by two plugins is one registration (no two classes declare one
    name). Look the types up with :func:`npcproc.events.event_types`, which remembers them per manager.
    """
    registrar = _Registrar(pm, "npcproc_register_event_types")
    found: dict[str, type[Any]] = {}

    def accept(plugin: str, cls: type[Any]) -> None:
        try:
            found[declared_name(cls)] = cls
        except TypeError:
            raise registrar.error(
                plugin, f"registered {cls!r}, which declares no event type", "decorate the class with @event_type(name)"
            ) from None

    registrar.collect(accept)
    return found


def collect_messages(pm: pluggy.PluginManager) -> dict[str, Messages]:
    """Code -> templates, from every plugin's ``npcproc_register_messages``; a code registered twice is an error.

    Look the codes up with :func:`npcproc.i18n.catalogue`, which remembers them per manager.
    """
    registrar = _Registrar(pm, "npcproc_register_messages")
    return registrar.unique(
        Messages, "npcproc.i18n.Messages", "message code", lambda messages: messages.code,
        "prefix a plugin's codes with its own name (zj.main_item), and register each once",
    )  # fmt: skip


def find_province(query: str, pm: pluggy.PluginManager | None = None) -> Province:
    """The installed province matching a GB/T 2260 code, law key, or Chinese or English name."""
    installed = provinces(pm)
    for province in installed.values():
        if province.matches(query):
            return province
    listed = ", ".join(sorted(str(p) for p in set(installed.values()))) or "none"
    raise UnknownProvinceError(
        f"no installed plugin serves province {query!r}; installed provinces: {listed}. "
        "Install the province's plugin (e.g. pip install npcproc-zhejiang)."
    )


def parameters(pm: pluggy.PluginManager | None = None) -> dict[str, Parameter]:
    """Every registered parameter; a name registered twice is an error naming both plugins."""
    pm = pm or get_plugin_manager()
    registrar = _Registrar(pm, "npcproc_register_parameters")
    return registrar.unique(
        Parameter, "npcproc.rules.Parameter", "parameter", lambda parameter: parameter.name,
        "set a value with npcproc_register_settings instead",
    )  # fmt: skip


def load_rules(
    province: str | Province | None = None,
    *,
    pm: pluggy.PluginManager | None = None,
    congress: CongressFacts | None = None,
) -> RuleSet:
    """The rules in force: national law composed with the plugins serving ``province``.

    ``congress`` resolves scope and conditions for one congress (see
    :meth:`~npcproc.rules.RuleSet.for_congress`); procedures resolve them for the congress they act on.

    ``province`` is a :class:`~npcproc.provinces.Province`, or a code or name to look up
    (``"330000"``, ``"ZJ"``, ``"浙江"``, ``"Zhejiang"``); ``None`` means national law
    plus plugins that declare no province. Every plugin's settings are checked against the
    floor, whichever province is chosen, so a bad plugin fails loudly.
    """
    pm = pm or get_plugin_manager()
    chosen = find_province(province, pm) if isinstance(province, str) else province
    served = provinces(pm)

    def applies(plugin: str) -> bool:
        return served.get(plugin) in (None, chosen)

    settings: list[tuple[str, Setting]] = []
    registrar = _Registrar(pm, "npcproc_register_settings")

    def add_setting(plugin: str, setting: Setting) -> None:
        if not isinstance(setting, Setting):
            raise registrar.error(plugin, f"registered {setting!r}", "pass npcproc.rules.Setting(...)")
        settings.append((plugin, setting))

    registrar.collect(add_setting)
    registered = parameters(pm)
    compose(registered, settings)  # checks every plugin's settings against the floor
    checks: dict[str, list[tuple[str, Check]]] = {}
    checking = _Registrar(pm, "npcproc_register_checks")

    def add_check(plugin: str, topic: str, check: Check) -> None:
        if topic not in TOPICS or not callable(check):
            raise checking.error(
                plugin,
                f"cannot add {check!r} to topic {topic!r}",
                f"register a callable for one of: {', '.join(TOPICS)}",
            )
        if applies(plugin):
            checks.setdefault(topic, []).append((plugin, check))

    checking.collect(add_check)
    return RuleSet.compose(
        province=chosen,
        registry=registered,
        settings=[(plugin, s) for plugin, s in settings if applies(plugin)],
        facts=congress,
        checks={topic: tuple(found) for topic, found in checks.items()},
        classifications={key: found for key, (plugin, found) in classifications(pm).items() if applies(plugin)},
        plugin_manager=pm,
    )


def classifications(pm: pluggy.PluginManager | None = None) -> dict[tuple[str, str, str], tuple[str, Classification]]:
    """(workflow, scheme, value) -> (plugin, classification) for every workflow extension; duplicates are errors."""
    pm = pm or get_plugin_manager()
    hook = "npcproc_workflow_classifications"
    found: dict[tuple[str, str, str], tuple[str, Classification]] = {}
    for plugin, returned in _ask_each(pm, hook):
        for item in (item for items in returned for item in items or ()):
            if not isinstance(item, Classification):
                raise PluginError(
                    f"returned {item!r}",
                    plugin=plugin,
                    hook=hook,
                    fix="return npcproc.model.suggestion.Classification objects",
                    distribution=_distribution(pm, plugin),
                )
            key = (item.workflow, item.scheme, item.value)
            if key in found:
                raise PluginError(
                    f"classification {'/'.join(key)} is already defined by {found[key][0]}", plugin=plugin, hook=hook,
                    fix="give the class another name, or install only one of the two plugins",
                    distribution=_distribution(pm, plugin),
                )  # fmt: skip
            found[key] = (plugin, item)
    return found
