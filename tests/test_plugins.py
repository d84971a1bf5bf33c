"""The plugin manager: built-ins, entry points, environment switches, errors that name the plugin."""

from __future__ import annotations

import inspect
import re
import types
from fractions import Fraction
from pathlib import Path

import pytest

from npcproc import hookimpl, hookspecs
from npcproc.errors import FloorViolationError, PluginError, UnknownCitationError, UnknownProvinceError
from npcproc.plugins import (
    create_plugin_manager,
    find_province,
    get_plugin_manager,
    load_rules,
    parameters,
)
from npcproc.provinces import Province
from npcproc.rules import Citation, Parameter, Setting
from npcproc.rules.laws import LawText, clause_text, read_law_texts
from npcproc.rules.national import PARAMETERS
from npcproc.rules.parameters import Direction
from npcproc.testing import settings_plugin

HOOKS = sorted(name for name in dir(hookspecs) if name.startswith("npcproc_"))
DOCS = Path(__file__).parent.parent / "docs" / "hooks.md"
SAMPLE = Province(code="990000", name_zh="样例省", name_en="Sampleland", key="SP")


@pytest.fixture
def sample_plugins(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).parent))


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_full_docstring(hook):
    function = getattr(hookspecs, hook)
    doc = inspect.getdoc(function)
    assert doc, f"{hook} has no docstring"
    for argument in inspect.signature(function).parameters:
        assert f":param {argument}:" in doc, f"{hook} does not document {argument}"
    assert "versionadded" in doc
    if function.npcproc_spec.get("firstresult"):
        assert "Stops at first non-None result" in doc


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_docs_entry_headed_by_its_signature(hook):
    signature = f"{hook}{inspect.signature(getattr(hookspecs, hook), eval_str=False)}"
    text = DOCS.read_text(encoding="utf-8")
    headings = re.findall(r"^## `(.+)`$", text, flags=re.MULTILINE)
    assert signature.replace("'", "") in headings, f"docs/hooks.md lacks a section headed `{signature}`"


def test_docs_describe_no_hook_that_does_not_exist():
    text = DOCS.read_text(encoding="utf-8")
    documented = set(re.findall(r"^## `(npcproc_\w+)\(", text, flags=re.MULTILINE))
    assert documented == set(HOOKS)


def test_builtins_register_the_national_floor(make_pm):
    assert parameters(make_pm()) == PARAMETERS


def test_misspelt_hook_fails_loudly_naming_plugin_and_fix(make_pm, sample_plugins):
    from sample_plugins import misspelt

    with pytest.raises(PluginError) as caught:
        make_pm(misspelt)
    assert "npcproc_register_setings" in str(caught.value)
    assert "npcproc_register_settings" in caught.value.fix


def test_disable_autoload_skips_entry_points(monkeypatch):
    loaded = []
    monkeypatch.setattr("npcproc.plugins._load_entry_points", lambda pm: loaded.append(pm))
    create_plugin_manager()
    assert loaded == []
    monkeypatch.delenv("NPCPROC_DISABLE_PLUGIN_AUTOLOAD")
    create_plugin_manager()
    assert len(loaded) == 1


def test_load_plugins_env_registers_modules(monkeypatch, sample_plugins):
    monkeypatch.setenv("NPCPROC_LOAD_PLUGINS", "sample_plugins.relaxed_province")
    pm = get_plugin_manager()
    assert pm.has_plugin("sample_plugins.relaxed_province")
    assert find_province("样例", pm) == SAMPLE


def test_load_plugins_env_with_a_bad_name_says_which(monkeypatch):
    monkeypatch.setenv("NPCPROC_LOAD_PLUGINS", "no_such_module_here")
    with pytest.raises(PluginError, match="no_such_module_here"):
        get_plugin_manager()


def test_trace_env_writes_hook_calls_to_stderr(monkeypatch, capsys):
    monkeypatch.setenv("NPCPROC_TRACE_PLUGINS", "1")
    pm = create_plugin_manager()
    pm.hook.npcproc_store_schemes()
    assert "npcproc_store_schemes" in capsys.readouterr().err


def test_entry_point_that_fails_to_import_names_plugin_and_distribution(monkeypatch):
    class BrokenEntryPoint:
        name = "broken"
        value = "npcproc_broken:plugin"

        class dist:
            name = "npcproc-broken"

        def load(self):
            raise ImportError("No module named 'npcproc_broken'")

    monkeypatch.setattr("npcproc.plugins.entry_points", lambda group: [BrokenEntryPoint()])
    with pytest.raises(PluginError) as caught:
        create_plugin_manager(autoload=True)
    assert caught.value.plugin == "broken"
    assert caught.value.distribution == "npcproc-broken"
    assert "NPCPROC_DISABLE_PLUGIN_AUTOLOAD" in str(caught.value)


@pytest.mark.parametrize("query", ["990000", "SP", "样例省", "样例", "Sampleland", "sampleland"])
def test_province_chosen_by_code_or_name(make_pm, query):
    pm = make_pm(settings_plugin(province=SAMPLE))
    assert find_province(query, pm) == SAMPLE
    assert load_rules(query, pm=pm).province == SAMPLE


def test_unknown_province_lists_installed_ones(make_pm):
    pm = make_pm(settings_plugin(province=SAMPLE))
    with pytest.raises(UnknownProvinceError, match="Sampleland"):
        load_rules("浙江", pm=pm)


def test_settings_apply_only_to_their_province(make_pm):
    stricter = Setting(parameter="suggestion.reply_months", value=2, citation=Citation(law="CQ", article=16))
    pm = make_pm(settings_plugin([stricter], province=SAMPLE))
    assert load_rules(None, pm=pm).value("suggestion.reply_months") == 3
    in_force = load_rules(SAMPLE, pm=pm).effective("suggestion.reply_months")
    assert (in_force.value, in_force.citation) == (2, stricter.citation)


def test_each_province_gets_its_own_settings_though_plugins_share_their_code(make_pm):
    """pluggy calls every implementation at once; npcproc still knows which plugin registered what,
    for plugins made by one factory (one code object) and for modules whose hooks read alike."""
    other = Province(code="980000", name_zh="另一省", name_en="Otherland", key="OP")
    two = Setting(parameter="suggestion.reply_months", value=2, citation=Citation(law="CQ", article=16))
    one = Setting(parameter="suggestion.reply_months", value=1, citation=Citation(law="SD", article=15))
    source = (
        "from npcproc import hookimpl\n"
        "@hookimpl\n"
        "def npcproc_province():\n    return PROVINCE\n"
        "@hookimpl\n"
        "def npcproc_register_settings(register):\n    for setting in SETTINGS:\n        register(setting)\n"
    )
    modules = []
    for name, province, setting in (("alike_a", SAMPLE, two), ("alike_b", other, one)):
        module = types.ModuleType(name)
        module.PROVINCE, module.SETTINGS = province, (setting,)
        exec(compile(source, "<alike>", "exec"), module.__dict__)
        modules.append(module)
    for pm in (make_pm(settings_plugin([two], province=SAMPLE), settings_plugin([one], province=other)),
               make_pm(*modules)):  # fmt: skip
        assert load_rules(SAMPLE, pm=pm).value("suggestion.reply_months") == 2
        assert load_rules(other, pm=pm).value("suggestion.reply_months") == 1
        assert load_rules(None, pm=pm).value("suggestion.reply_months") == 3


def test_a_bad_plugin_fails_even_when_another_province_is_chosen(make_pm, sample_plugins):
    from sample_plugins import too_loose

    pm = make_pm(too_loose, settings_plugin(province=SAMPLE))
    with pytest.raises(FloorViolationError) as caught:
        load_rules(SAMPLE, pm=pm)
    assert "sample_plugins.too_loose" in str(caught.value)
    assert "session.quorum" in str(caught.value)
    assert "OL 14 ¶4" in str(caught.value)
    assert "SD 3" in str(caught.value)


def test_duplicate_parameter_names_both_plugins(make_pm):
    class Duplicate:
        @hookimpl
        def npcproc_register_parameters(self, register):
            register(PARAMETERS["session.quorum"])

    pm = make_pm(Duplicate())
    with pytest.raises(PluginError) as caught:
        parameters(pm)
    duplicate = pm.get_name(next(p for p in pm.get_plugins() if isinstance(p, Duplicate)))
    assert "npcproc.builtin.national" in str(caught.value)
    assert duplicate in str(caught.value)
    assert caught.value.hook == "npcproc_register_parameters"


def test_province_only_parameter_takes_the_provincial_value(make_pm):
    notice = Parameter(
        name="session.summons_days", national=None, direction=Direction.HIGHER_IS_STRICTER,
        citation=None, unit="days", en="notice before a session", zh="会议通知提前天数",
    )  # fmt: skip

    class Province_:
        @hookimpl
        def npcproc_register_parameters(self, register):
            register(notice)

        @hookimpl
        def npcproc_register_settings(self, register):
            register(Setting(parameter="session.summons_days", value=7, citation=Citation(law="ZJ", article=20)))

    rules = load_rules(None, pm=make_pm(Province_()))
    assert rules.value("session.summons_days") == 7


def test_unknown_parameter_in_a_setting_names_plugin_and_fix(make_pm):
    typo = Setting(parameter="session.quorom", value=Fraction(3, 4), citation=Citation(law="ZJ", article=1))
    with pytest.raises(PluginError, match=r"session\.quorom") as caught:
        load_rules(None, pm=make_pm(settings_plugin([typo])))
    assert "npcproc rules" in caught.value.fix


def test_plugin_exception_is_wrapped_with_plugin_and_hook(make_pm):
    class Crashing:
        @hookimpl
        def npcproc_register_settings(self, register):
            raise RuntimeError("boom")

    pm = make_pm(Crashing())
    with pytest.raises(PluginError) as caught:
        load_rules(None, pm=pm)
    assert caught.value.hook == "npcproc_register_settings"
    assert caught.value.plugin == pm.get_name(next(p for p in pm.get_plugins() if isinstance(p, Crashing)))
    assert "boom" in str(caught.value)


def test_check_for_unknown_topic_is_refused(make_pm):
    plugin = settings_plugin(checks=[("quorum", lambda facts, rules: None)])
    with pytest.raises(PluginError, match="session_quorum"):
        load_rules(None, pm=make_pm(plugin))


def test_province_hook_must_return_a_province(make_pm):
    class Wrong:
        @hookimpl
        def npcproc_province(self):
            return "浙江"

    with pytest.raises(PluginError, match="Province"):
        load_rules(None, pm=make_pm(Wrong()))


# -- every hook is called through pm.hook ---------------------------------------------------------


def test_trace_env_traces_every_hook_npcproc_calls_to_load_and_cite(monkeypatch, capsys):
    monkeypatch.setenv("NPCPROC_TRACE_PLUGINS", "1")
    pm = create_plugin_manager(autoload=False, plugins=(settings_plugin([], province=SAMPLE),))
    load_rules(None, pm=pm)
    clause_text("OL", 14, 4, pm=pm)
    traced = capsys.readouterr().err
    for hook in (
        "npcproc_province",
        "npcproc_register_parameters",
        "npcproc_register_settings",
        "npcproc_register_checks",
        "npcproc_register_laws",
    ):
        assert hook in traced, hook  # fmt: skip


def test_a_wrapper_implementation_runs_and_its_registrations_are_its_own(make_pm):
    class Wrapper:
        ran = False

        @hookimpl(wrapper=True)
        def npcproc_register_settings(self, register):
            Wrapper.ran = True
            register(Setting(parameter="suggestion.reply_months", value=2, citation=Citation(law="CQ", article=16)))
            return (yield)

    pm = make_pm(Wrapper())
    rules = load_rules(None, pm=pm)
    assert Wrapper.ran
    name = pm.get_name(next(p for p in pm.get_plugins() if isinstance(p, Wrapper)))
    assert rules.parameters["suggestion.reply_months"].source == name


def test_a_firstresult_hook_stops_at_the_first_answer(make_pm):
    from npcproc.calendar import TableCalendar, holiday_calendar

    class Earlier:
        @hookimpl
        def npcproc_holiday_calendar(self):
            raise AssertionError("asked although a later plugin answered")

    chosen = TableCalendar(name="later", years=[2025], rest_days=[], workdays=[])

    class Later:
        @hookimpl
        def npcproc_holiday_calendar(self):
            return chosen

    assert holiday_calendar(make_pm(Earlier(), Later())) is chosen


def test_a_law_registered_twice_names_both_plugins(make_pm):
    class Again:
        @hookimpl
        def npcproc_register_laws(self, register):
            register(LawText(key="OL", title="重复", title_en="again", articles={}))

    pm = make_pm(Again())
    with pytest.raises(PluginError, match="'OL' is already registered") as caught:
        clause_text("OL", 14, pm=pm)
    assert "npcproc.builtin.national" in str(caught.value)
    assert caught.value.hook == "npcproc_register_laws"


def test_the_core_ships_national_law_only_and_a_province_comes_with_its_plugin(make_pm):
    national = {law.key for law in read_law_texts("npcproc", "data/laws.json")}
    assert national == {"OL", "EL", "DL", "SL", "CC"}
    bare = create_plugin_manager(autoload=False)  # conftest's law source is loaded from the environment
    bare.unregister(name="sample_plugins.provincial_laws")
    with pytest.raises(UnknownCitationError, match="npcproc-zhejiang"):
        clause_text("ZJ", 8, 2, pm=bare)
    assert clause_text("ZJ", 8, 2).startswith("主席团成员的名额")  # from the test law source
