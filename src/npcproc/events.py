"""Domain events' type names: the declaration and the registry.

An event is a frozen attrs value; each procedure defines its own in its package's ``events`` module
(``npcproc.procedures.session.events``, ...), declaring its type name with :func:`event_type`. The
name is what the store records in the envelope's ``type``. Declaring a name is not
registering it: the event types that can be read back are those plugins register through
``npcproc_register_event_types`` (the core's by the built-in plugin :mod:`npcproc.builtin.core`),
looked up with :func:`event_types`, whatever modules happen to be imported.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

if TYPE_CHECKING:
    import pluggy

__all__ = ["attendance", "declared_event_types", "declared_name", "event_type", "event_types", "type_name"]

E = TypeVar("E")

#: event class -> the type name it declares (a declaration, not a registration), and the module declaring it.
_NAMES: dict[type[Any], str] = {}
_MODULES: dict[type[Any], str] = {}
_DECLARED: dict[str, type[Any]] = {}


def attendance(names: Iterable[str]) -> tuple[str, ...]:
    """Who was present (or attended), sorted: a list in order of arrival would tell who came when."""
    return tuple(sorted(names))


def event_type(name: str) -> Callable[[type[E]], type[E]]:
    """Declare the decorated frozen attrs class as the event type ``name``.

    Events of a declared type can be written; to be read back (:func:`npcproc.serialization.event_from_data`)
    the class must also be registered by a plugin's ``npcproc_register_event_types``. Two classes
    declaring one name is an error.
    """

    def decorate(cls: type[E]) -> type[E]:
        if not attrs.has(cls):
            raise TypeError(f"{cls.__name__} must be an attrs class to be an event type")
        if _DECLARED.get(name, cls) is not cls:
            raise ValueError(f"event type {name!r} is already declared by {_DECLARED[name].__qualname__}")
        attrs.resolve_types(cls)  # real types for cattrs and Hypothesis, despite postponed annotations
        _DECLARED[name] = cls
        _NAMES[cls] = name
        _MODULES[cls] = str(sys._getframe(1).f_globals.get("__name__", "__main__"))  # the module applying the decorator
        return cls

    return decorate


def type_name(event: object) -> str:
    """The declared name of an event's type (what the store records)."""
    return declared_name(type(event))


def declared_name(cls: type[Any]) -> str:
    """The type name ``cls`` declares with :func:`event_type`; a TypeError for a class that declares none."""
    try:
        return _NAMES[cls]
    except (KeyError, TypeError):
        raise TypeError(f"{cls!r} is not a declared event type (decorate it with @event_type)") from None


def declared_event_types(module: str) -> tuple[type[Any], ...]:
    """The event classes the (imported) module ``module`` declares (applies :func:`event_type` to), in order.

    A plugin registers its event types with ``for cls in declared_event_types(__name__): register(cls)``.
    """
    return tuple(cls for cls, declared_in in _MODULES.items() if declared_in == module)


def event_types(pm: pluggy.PluginManager | None = None) -> Mapping[str, type[Any]]:
    """Type name -> event class, for every event type a plugin of ``pm`` (default: the process-wide one) registers."""
    from npcproc.plugins import collect_event_types, get_plugin_manager, registry

    return registry(pm or get_plugin_manager(), "event_types", collect_event_types)
