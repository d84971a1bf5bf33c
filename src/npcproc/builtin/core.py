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
    "npcproc.procedures.bodies.events",
    "npcproc.procedures.budget.events",
    "npcproc.procedures.congress.events",
    "npcproc.procedures.direct_election.events",
    "npcproc.procedures.election.events",
    "npcproc.procedures.inquiry.events",
    "npcproc.procedures.liaison.events",
    "npcproc.procedures.livelihood.events",
    "npcproc.procedures.presidium.events",
    "npcproc.procedures.recall.events",
    "npcproc.procedures.restraints.events",
    "npcproc.procedures.session.events",
    "npcproc.procedures.session_committees.events",
    "npcproc.procedures.session_groups.events",
    "npcproc.procedures.standing_rules.events",
    "npcproc.procedures.suggestion.events",
    "npcproc.procedures.supervision.events",
    "npcproc.store.signing",
)

#: The modules that define the core's message codes.
MESSAGE_MODULES = (
    "npcproc.i18n",
    "npcproc.procedures.bodies.messages",
    "npcproc.procedures.bodies.next_term_review",
    "npcproc.procedures.budget.adjustment",
    "npcproc.procedures.budget.commands",
    "npcproc.procedures.congress.messages",
    "npcproc.procedures.direct_election.messages",
    "npcproc.procedures.election.messages",
    "npcproc.procedures.inquiry.messages",
    "npcproc.procedures.liaison.messages",
    "npcproc.procedures.livelihood.messages",
    "npcproc.procedures.presidium.messages",
    "npcproc.procedures.recall.messages",
    "npcproc.procedures.restraints.commands",
    "npcproc.procedures.session.messages",
    "npcproc.procedures.session_committees.messages",
    "npcproc.procedures.session_groups.messages",
    "npcproc.procedures.standing_rules.commands",
    "npcproc.procedures.suggestion.handling_reports",
    "npcproc.procedures.suggestion.messages",
    "npcproc.procedures.supervision.messages",
    "npcproc.procedures.supervision.special_reports",
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
