"""Every pluggy hook npcproc calls, grouped by what it extends.

Implement a hook by decorating a function of the same name with :data:`npcproc.hookimpl`
in a module registered under the ``npcproc`` entry-point group. The ``register_*`` hooks
hand the plugin a callback so that npcproc validates what it registers, names the plugin
in any error, and refuses duplicates.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from typing import Any

    from npcproc.calendar import HolidayCalendar
    from npcproc.i18n import Messages
    from npcproc.model.suggestion import Classification
    from npcproc.provinces import Province
    from npcproc.rules.laws import LawText
    from npcproc.rules.parameters import Parameter, Setting
    from npcproc.rules.topics import Check
    from npcproc.store.base import CommitCallback, EventStore, Record

__all__ = [
    "hookimpl",
    "hookspec",
    "npcproc_holiday_calendar",
    "npcproc_open_store",
    "npcproc_province",
    "npcproc_records_committed",
    "npcproc_register_checks",
    "npcproc_register_event_types",
    "npcproc_register_laws",
    "npcproc_register_messages",
    "npcproc_register_parameters",
    "npcproc_register_settings",
    "npcproc_store_schemes",
    "npcproc_workflow_classifications",
]

hookspec = pluggy.HookspecMarker("npcproc")
hookimpl = pluggy.HookimplMarker("npcproc")


# -- rules ----------------------------------------------------------------------------------------


@hookspec
def npcproc_province() -> Province | None:
    """Declare the province whose regulations this plugin encodes.

    A plugin that encodes a province's rules returns its :class:`~npcproc.provinces.Province`
    (GB/T 2260 code, Chinese and English names, law key); its settings and checks apply
    only when that province is chosen. National and practice plugins do not implement it.

    npcproc asks each plugin on its own, through a subset hook caller of the plugin manager,
    so that each declaration is known to come from its plugin.

    :return: the province served, or ``None``.

    .. versionadded:: 0.1
    .. versionchanged:: 0.2
       No longer ``firstresult``: every plugin's declaration counts.
    """


@hookspec
def npcproc_register_laws(register: Callable[[LawText], None]) -> None:
    """Register the texts of the laws this plugin cites, so its citations show their clauses.

    The built-in national plugin registers national law (OL, EL, DL, SL, CC); a province
    plugin registers its own regulations, read from a JSON file it ships with
    :func:`npcproc.rules.laws.read_law_texts` (the format ``tools/build_law_data.py`` writes).
    A law key registered by two plugins is an error naming both. A citation's text and
    Chinese label come from the law registered under its key
    (:func:`npcproc.rules.laws.clause_text`), and the conformance kit refuses a plugin whose
    citations do not resolve.

    :param register: call ``register(LawText(...))`` once per law.

    .. versionadded:: 0.2
    """


@hookspec
def npcproc_register_parameters(register: Callable[[Parameter], None]) -> None:
    """Register rule parameters: named numbers with a national value, direction and citation.

    The built-in national plugin registers every number of national law here. A province
    registers only parameters that national law lacks (``national=None``), such as notice
    days or presidium size; registering a name twice is an error naming both plugins.

    :param register: call ``register(Parameter(...))`` once per parameter.

    .. versionadded:: 0.1
    """


@hookspec
def npcproc_register_settings(register: Callable[[Setting], None]) -> None:
    """Set provincial values for registered parameters, each with its article.

    A value looser than the national one is refused when the rules are loaded, with an
    error naming the plugin, the parameter, both values and both citations, unless the
    setting declares ``relaxation=True`` and cites the provision that allows it. A fixed
    parameter may not be set to another value.

    :param register: call ``register(Setting(parameter=..., value=..., citation=...))``.

    .. versionadded:: 0.1
    """


@hookspec
def npcproc_register_checks(register: Callable[[str, Check], None]) -> None:
    """Add checks to a rule topic; they compose with the national rule by conjunction.

    A check is ``check(facts, rules)``: it receives the topic's typed facts
    (:data:`npcproc.rules.TOPICS` maps ``session_quorum`` to
    :class:`~npcproc.rules.QuorumFacts`, ``resolution_passes`` to
    :class:`~npcproc.rules.MajorityFacts`, ``annual_agenda`` to
    :class:`~npcproc.rules.AgendaFacts`) and the :class:`~npcproc.rules.RuleSet` in force,
    and returns a :class:`~npcproc.rules.Decision`. It can turn a pass into a fail, never
    the reverse.

    :param register: call ``register(topic, check)`` once per check.

    .. versionadded:: 0.1
    """


# -- procedures -----------------------------------------------------------------------------------


@hookspec
def npcproc_workflow_classifications() -> list[Classification]:
    """Add classifications, with the stages they bring, to a workflow.

    A practice plugin (three-colour handling of suggestions: green, act at once; yellow,
    verify by a deadline; red, leadership supervision) returns one
    :class:`~npcproc.model.suggestion.Classification` per class. An item classified so
    must complete every stage of its class before it closes; a stage with ``due_days``
    is overdue that many days after classification. Two plugins defining the same
    workflow, scheme and value is an error naming both.

    :return: the classifications this plugin adds.

    .. versionadded:: 0.1
    """


@hookspec
def npcproc_register_event_types(register: Callable[[type[Any]], None]) -> None:
    """Register the event types this plugin's procedures record, so stored events of those types read back.

    Each class declares its type name with :func:`npcproc.events.event_type`; the name is what
    the store records. The built-in plugin :mod:`npcproc.builtin.core` registers the core's
    types; a plugin registers the classes of its own modules with
    ``for cls in declared_event_types(__name__): register(cls)``
    (:func:`npcproc.events.declared_event_types`). :func:`npcproc.serialization.event_from_data`
    reads only registered types (looked up with :func:`npcproc.events.event_types`), whatever
    modules are imported. A name registered for two classes is an error naming both plugins.

    :param register: call ``register(cls)`` once per event class.

    .. versionadded:: 0.2
    """


@hookspec
def npcproc_register_messages(register: Callable[[Messages], None]) -> None:
    """Register the message templates that explain this plugin's reasons, in Chinese and English.

    A :class:`~npcproc.rules.Reason` names its message by ``code``; its explanation is
    rendered from the templates registered under that code (:func:`npcproc.i18n.render`).
    The built-in plugin :mod:`npcproc.builtin.core` registers the core's codes; a province
    plugin registers its own, prefixed with its key (``zj.main_item``), either as
    ``register(Messages(code=..., zh_ok=..., zh_fail=..., en_ok=..., en_fail=...))`` or, for
    codes its modules define with :func:`npcproc.i18n.define`,
    ``for m in defined_in(__name__): register(m)``. A code registered twice is an error naming
    both plugins; explaining a code no plugin registers is an
    :class:`~npcproc.errors.UnknownMessageError`.

    :param register: call ``register(Messages(...))`` once per code.

    .. versionadded:: 0.2
    """


# -- storage --------------------------------------------------------------------------------------


@hookspec
def npcproc_store_schemes() -> list[str]:
    """List the URL schemes this plugin can open (``["memory"]``, ``["postgresql"]``).

    Used to tell a caller which schemes are installed when a URL names none of them.

    :return: the schemes, without ``://``.

    .. versionadded:: 0.1
    """


@hookspec(firstresult=True)
def npcproc_open_store(url: str, on_commit: CommitCallback) -> EventStore | None:
    """Open an event store for ``url`` if this plugin handles its scheme.

    The store must call ``on_commit(records)`` after each append commits, in the
    appending thread, and not when an append replays earlier records (same event ids);
    npcproc turns that into the ``npcproc_records_committed`` hook.

    :param url: the store URL, such as ``memory://`` or ``sqlite:///var/npc/county.db``.
    :param on_commit: the callback for committed appends.
    :return: an open :class:`~npcproc.store.EventStore`, or ``None`` for another scheme.

    Stops at first non-None result.

    .. versionadded:: 0.1
    """


# -- calendar -------------------------------------------------------------------------------------


@hookspec(firstresult=True)
def npcproc_holiday_calendar() -> HolidayCalendar | None:
    """Supply the holiday calendar: statutory rest days and adjusted working days 调休, year by year.

    Deadlines move off rest days by it (CC 203) and periods in working days 工作日 are
    counted by it; :func:`npcproc.calendar.holiday_calendar` returns the first one supplied.
    The built-in plugin reads the ``chinesecalendar`` package. A province or operator
    plugin returns its own (a newer State Council notice, local days off); plugins
    registered later are asked first, so it overrides the built-in one. The calendar must
    raise :class:`~npcproc.calendar.YearNotCoveredError` for a year it has no official data
    for, never guess.

    :return: a :class:`~npcproc.calendar.HolidayCalendar` (``covers``, ``is_workday``,
        ``is_rest_day``), or ``None`` to leave it to another plugin.

    Stops at first non-None result.

    .. versionadded:: 0.1
    """


# -- lifecycle ------------------------------------------------------------------------------------


@hookspec
def npcproc_records_committed(url: str, records: tuple[Record, ...]) -> None:
    """Called after each append to a store opened with :func:`npcproc.open_store` has committed.

    For embedding systems that send notifications (a new suggestion to its handling unit,
    a deadline to a deputy). Called in the appending thread after the transaction
    commits, so the records are durable; an exception here propagates to the caller of
    ``append`` but does not undo the append. An append that replays earlier records
    (same event ids) commits nothing and calls nothing.

    :param url: the URL the store was opened with, its password masked (``user:***@``), as in every message.
    :param records: the records just committed, in position order.

    .. versionadded:: 0.1
    """
