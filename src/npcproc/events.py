"""Domain events: frozen attrs values, and the one registry of their type names.

An event type is registered with :func:`event_type`; its name is what the store records
in the envelope's ``type`` and what :mod:`npcproc.serialization` reads back.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from npcproc.model.congress import StatusChange
from npcproc.model.levels import Level

E = TypeVar("E")

#: type name -> event class; the only registry of event types.
EVENT_TYPES: dict[str, type[Any]] = {}
_NAMES: dict[type[Any], str] = {}


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


@event_type("congress.established")
@attrs.frozen(kw_only=True)
class CongressEstablished:
    """A congress enters npcproc's records."""

    congress_id: str
    name: str
    level: Level
    division_code: str
    population: int
    deputy_quota: int


@event_type("term.began")
@attrs.frozen(kw_only=True)
class TermBegan:
    """The deputy elections of a term were completed (OL 20 counts from here)."""

    congress_id: str
    term: int
    elections_completed_on: datetime.date


@event_type("deputy.elected")
@attrs.frozen(kw_only=True)
class DeputyElected:
    """A deputy's mandate for a term begins."""

    congress_id: str
    term: int
    deputy_id: str
    name: str
    on: datetime.date


@event_type("deputy.status_changed")
@attrs.frozen(kw_only=True)
class DeputyStatusChanged:
    """A deputy goes on leave, returns, resigns, is recalled, dies, or loses the mandate."""

    congress_id: str
    deputy_id: str
    change: StatusChange
