"""The one registry of domain event type names.

An event is a frozen attrs value; each procedure defines its own in its package's ``events``
module (``npcproc.procedures.session.events``, ...). An event type is registered with
:func:`event_type`; its name is what the store records in the envelope's ``type`` and what
:mod:`npcproc.serialization` reads back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

E = TypeVar("E")

#: type name -> event class; the only registry of event types.
EVENT_TYPES: dict[str, type[Any]] = {}
_NAMES: dict[type[Any], str] = {}


def attendance(names: Iterable[str]) -> tuple[str, ...]:
    """Who was present (or attended), sorted: a list in order of arrival would tell who came when."""
    return tuple(sorted(names))


def event_type(name: str) -> Callable[[type[E]], type[E]]:
    """Register the decorated frozen attrs class as the event type ``name``."""

    def decorate(cls: type[E]) -> type[E]:
        if not attrs.has(cls):
            raise TypeError(f"{cls.__name__} must be an attrs class to be an event type")
        if EVENT_TYPES.get(name, cls) is not cls:
            raise ValueError(f"event type {name!r} is already registered to {EVENT_TYPES[name].__name__}")
        attrs.resolve_types(cls)  # real types for cattrs and Hypothesis, despite postponed annotations
        EVENT_TYPES[name] = cls
        _NAMES[cls] = name
        return cls

    return decorate


def type_name(event: object) -> str:
    """The registered name of an event's type."""
    try:
        return _NAMES[type(event)]
    except KeyError:
        raise TypeError(f"{type(event).__name__} is not a registered event type") from None
