"""The core's vocabulary as a plugin: the event types its procedures record and the message codes
that explain its decisions, registered through ``npcproc_register_event_types`` and
``npcproc_register_messages`` like any plugin's.

The modules below are imported when the registries are first read, not when the plugin is
loaded. They are the one place that says where the core declares its event types
(:func:`npcproc.events.event_type`) and defines its messages (:func:`npcproc.i18n.define`):
when a module moves, update its path here (``tests/test_registries.py`` fails on a module
that declares event types or messages and is missing).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from npcproc.events import declared_event_types
from npcproc.hookspecs import hookimpl
from npcproc.i18n import Messages, defined_in

__all__ = ["EVENT_MODULES", "MESSAGE_MODULES", "npcproc_register_event_types", "npcproc_register_messages"]

#: The modules that declare the core's event types.
EVENT_MODULES = (
    "npcproc.events",
    "npcproc.procedures.between_sessions_events",
    "npcproc.procedures.bodies",
    "npcproc.procedures.budget",
    "npcproc.procedures.budget_adjustment",
    "npcproc.procedures.direct_election_events",
    "npcproc.procedures.handling_reports",
    "npcproc.procedures.next_term_review",
    "npcproc.procedures.restraints",
    "npcproc.procedures.session_committees",
    "npcproc.procedures.session_groups",
    "npcproc.procedures.standing_rules",
    "npcproc.procedures.supervision_events",
    "npcproc.store.signing",
)

#: The modules that define the core's message codes.
MESSAGE_MODULES = (
    "npcproc.i18n",
    "npcproc.procedures.between_sessions_messages",
    "npcproc.procedures.bodies_messages",
    "npcproc.procedures.budget",
    "npcproc.procedures.budget_adjustment",
    "npcproc.procedures.direct_election_messages",
    "npcproc.procedures.handling_reports",
    "npcproc.procedures.messages",
    "npcproc.procedures.next_term_review",
    "npcproc.procedures.restraints",
    "npcproc.procedures.session_committees_messages",
    "npcproc.procedures.session_groups_messages",
    "npcproc.procedures.session_prep_messages",
    "npcproc.procedures.special_reports",
    "npcproc.procedures.standing_rules",
    "npcproc.procedures.supervision_messages",
    "npcproc.record.messages",
)


@hookimpl
def npcproc_register_event_types(register: Callable[[type[Any]], None]) -> None:
    for name in EVENT_MODULES:
        for cls in declared_event_types(importlib.import_module(name).__name__):
            register(cls)


@hookimpl
def npcproc_register_messages(register: Callable[[Messages], None]) -> None:
    for name in MESSAGE_MODULES:
        for messages in defined_in(importlib.import_module(name).__name__):
            register(messages)
