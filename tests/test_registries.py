"""Event types and message codes come from the plugin manager, not from which modules were imported."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
import textwrap

import attrs
import pytest

import npcproc
from npcproc import hookimpl
from npcproc.builtin import core
from npcproc.errors import ConversionError, PluginError, UnknownMessageError
from npcproc.events import declared_event_types, event_type, event_types
from npcproc.i18n import Messages, catalogue, defined_in, render
from npcproc.plugins import create_plugin_manager, get_plugin_manager
from npcproc.procedures.congress.events import TermBegan
from npcproc.rules import Citation, Reason
from npcproc.serialization import event_from_data, event_to_data

FRESH = textwrap.dedent(
    """
    import string
    import sys

    import npcproc

    assert [m for m in sys.modules if m.startswith("npcproc.procedures")] == [], "import npcproc loaded procedures"
    from hypothesis import HealthCheck, given, settings, strategies as st

    from npcproc.events import event_types
    from npcproc.i18n import catalogue
    from npcproc.rules import Citation, Reason
    from npcproc.serialization import event_from_data, event_to_data

    assert [m for m in sys.modules if m.startswith("npcproc.procedures")] == [], "a lookup module loaded procedures"
    from npcproc.testing.strategies import agenda_items, bills, vote_counts
    from npcproc.model.session import AgendaItem, Bill, VoteCount

    st.register_type_strategy(AgendaItem, agenda_items())
    st.register_type_strategy(Bill, bills())
    st.register_type_strategy(VoteCount, vote_counts())

    types = event_types()
    for name, cls in sorted(types.items()):

        @settings(max_examples=3, database=None, suppress_health_check=list(HealthCheck))
        @given(st.builds(cls))
        def round_trip(event):
            type_, data = event_to_data(event)
            assert type_ == name, (type_, name)
            assert event_from_data(type_, data) == event, name

        round_trip()
    print("events", len(types))

    codes = catalogue()
    for code, messages in sorted(codes.items()):
        fields = {
            field
            for template in (messages.zh_ok, messages.zh_fail, messages.en_ok, messages.en_fail)
            for _text, field, _spec, _conversion in string.Formatter().parse(template)
            if field
        }
        for ok in (True, False):
            reason = Reason(ok=ok, code=code, citation=Citation(law="OL", article=14), values={f: 3 for f in fields})
            for lang in ("zh", "en"):
                assert reason.message(lang).endswith(")"), (code, lang)
    print("messages", len(codes))
    """
)


def test_a_fresh_interpreter_reads_every_registered_event_and_explains_every_code():
    done = subprocess.run([sys.executable, "-c", FRESH], capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    counts = dict(line.split() for line in done.stdout.splitlines())
    assert int(counts["events"]) == len(event_types()) > 100
    assert int(counts["messages"]) == len(catalogue()) > 300


def _core_modules() -> list[str]:
    """Every module of npcproc outside the testing kit, imported."""
    names = [
        info.name
        for info in pkgutil.walk_packages(npcproc.__path__, "npcproc.")
        if not info.name.startswith(("npcproc.testing", "npcproc.__main__"))
    ]
    for name in names:
        importlib.import_module(name)
    return names


def test_every_core_module_that_declares_events_or_messages_is_registered_by_the_builtin_plugin():
    modules = _core_modules()
    assert sorted(m for m in modules if declared_event_types(m)) == sorted(core.EVENT_MODULES)
    assert sorted(m for m in modules if defined_in(m)) == sorted(core.MESSAGE_MODULES)
    declared = {cls for m in modules for cls in declared_event_types(m)}
    assert set(event_types().values()) == declared
    assert set(catalogue()) == {messages.code for m in modules for messages in defined_in(m)}


@event_type("testing.registries.planted")
@attrs.frozen(kw_only=True)
class Planted:
    tree: str


class PlantsTrees:
    @hookimpl
    def npcproc_register_event_types(self, register):
        register(Planted)

    @hookimpl
    def npcproc_register_messages(self, register):
        register(
            Messages(code="testing.planted", zh_ok="种了{n}棵", zh_fail="没种", en_ok="{n} planted", en_fail="none")
        )


def test_a_declared_type_is_written_but_read_back_only_once_a_plugin_registers_it():
    type_, data = event_to_data(Planted(tree="樟树"))
    assert type_ == "testing.registries.planted"
    with pytest.raises(ConversionError, match=r"unknown event type 'testing\.registries\.planted'"):
        event_from_data(type_, data)
    pm = get_plugin_manager()
    pm.register(PlantsTrees())
    assert event_from_data(type_, data) == Planted(tree="樟树")
    assert event_from_data(type_, data, pm=create_plugin_manager(autoload=False, plugins=(PlantsTrees(),))) == Planted(
        tree="樟树"
    )


def test_registries_follow_the_plugins_of_their_manager():
    pm = get_plugin_manager()
    assert "testing.planted" not in catalogue(pm)
    plugin = PlantsTrees()
    pm.register(plugin)
    assert render("testing.planted", True, {"n": 3}, "zh") == "种了3棵"
    pm.unregister(plugin)
    assert "testing.planted" not in catalogue()
    assert "testing.registries.planted" not in event_types()


def test_an_unknown_message_code_is_an_error_naming_it():
    with pytest.raises(UnknownMessageError, match=r"'no\.such\.code'") as caught:
        Reason(ok=False, code="no.such.code", citation=Citation(law="OL", article=14), values={"n": 1}).message("en")
    assert caught.value.code == "no.such.code"
    with pytest.raises(UnknownMessageError):
        render("no.such.code", True, {}, "zh")


def test_a_code_registered_twice_is_an_error_naming_both_plugins():
    class Redefines:
        @hookimpl
        def npcproc_register_messages(self, register):
            register(Messages(code="session.quorum", zh_ok="a", zh_fail="b", en_ok="c", en_fail="d"))

    pm = create_plugin_manager(autoload=False, plugins=(Redefines(),))
    with pytest.raises(PluginError, match=r"'session\.quorum' is already registered by") as caught:
        catalogue(pm)
    assert caught.value.hook == "npcproc_register_messages"
    assert "npcproc.builtin.core" in str(caught.value)
    assert "Redefines" in str(caught.value)


def test_registering_a_class_that_declares_no_event_type_is_an_error_naming_the_plugin():
    class Claims:
        @hookimpl
        def npcproc_register_event_types(self, register):
            register(TermBegan)  # the built-in plugin registers it too: one registration
            register(attrs.evolve)  # not an event class

    pm = create_plugin_manager(autoload=False, plugins=(Claims(),))
    with pytest.raises(PluginError, match="declares no event type") as caught:
        event_types(pm)
    assert caught.value.hook == "npcproc_register_event_types"
    assert "Claims" in caught.value.plugin


def test_a_class_registered_by_two_plugins_is_one_registration():
    class Again:
        @hookimpl
        def npcproc_register_event_types(self, register):
            register(TermBegan)

    assert event_types(create_plugin_manager(autoload=False, plugins=(Again(),)))["term.began"] is TermBegan


def test_a_name_declared_by_two_classes_is_refused_when_declared():
    with pytest.raises(ValueError, match="already declared by TermBegan"):

        @event_type("term.began")
        @attrs.frozen
        class Impostor:
            pass
