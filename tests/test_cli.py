"""The `npcproc` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from npcproc.cli import main

TESTS = Path(__file__).parent
LAW_SOURCE = "sample_plugins.provincial_laws"  # as in conftest.py: the provincial texts the samples cite


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "npcproc", *args],
        capture_output=True, text=True, check=False, env={**os.environ, **(env or {})},
    )  # fmt: skip


def test_rules_lists_every_parameter_with_value_binding_scope_and_citation(capsys):
    assert main(["rules", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Rules in force: national law")
    line = next(line for line in out.splitlines() if line.startswith("session.quorum "))
    assert line.split()[-8:] == ["2/3", "shall", "all", "—", "national", "OL", "14", "¶4"]
    # OL 14 ¶1: at least one session a year (shall); a township's congress normally meets twice (一般).
    per_year = [line.split()[-7:] for line in out.splitlines() if line.startswith("session.min_per_year ")]
    assert per_year == [
        ["shall", "all", "—", "national", "OL", "14", "¶1"],
        ["normally", "township", "—", "national", "OL", "14", "¶1"],
    ]


def test_rules_as_json_carry_both_languages_and_the_shape_of_each_rule(capsys):
    assert main(["rules", "--format", "json", "--level", "county"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["level"] == "county"
    per_year = [r for r in document["rules"] if r["parameter"] == "session.min_per_year"]
    assert [(r["value"], r["binding"]) for r in per_year] == [("1", "shall")]  # the township advice is left out
    quorum = next(r for r in document["rules"] if r["parameter"] == "session.quorum")
    assert quorum["meaning"] == {"en": "deputies present for a session to be held", "zh": "会议出席代表比例（以上）"}
    assert quorum["scope"] == {"en": "all", "zh": "全部"}


def test_rules_show_the_day_a_provincial_text_took_effect_in_both_languages():
    """HN 11 "本条例自2017年1月1日起施行": the scope of HN's rows says so; national rows have no such day."""
    import datetime

    from npcproc.cli.rules_table import render_rules
    from npcproc.model.levels import Level
    from npcproc.plugins import create_plugin_manager, load_rules
    from npcproc.provinces import Province
    from npcproc.rules import Citation, Setting
    from npcproc.testing import settings_plugin

    henan = Province(code="410000", name_zh="河南省", name_en="Henan", key="HN")
    gap = Setting(parameter="presidium.max_months_between_meetings", value=3, levels={Level.TOWNSHIP},
                  citation=Citation(law="HN", article=5, paragraph=1),
                  in_force_from=datetime.date(2017, 1, 1))  # fmt: skip
    pm = create_plugin_manager(autoload=False, plugins=(settings_plugin([gap], province=henan),))
    rules = load_rules(henan, pm=pm)

    def row(lang):
        return next(line for line in render_rules(rules, lang).splitlines() if line.endswith("HN 5 ¶1"))

    assert "township; in force from 2017-01-01" in row("en")
    assert "乡镇；自2017年1月1日起施行" in row("zh")
    rows = json.loads(render_rules(rules, "en", fmt="json"))["rules"]
    assert {(r["source"] == "national", r["in_force_from"]) for r in rows} == {(True, None), (False, "2017-01-01")}


def test_rules_in_chinese(capsys):
    assert main(["rules", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("现行规则：国家法律")
    assert "会议出席代表比例" in out


def test_rules_for_a_province_flags_relaxations_and_sources():
    env = {"NPCPROC_LOAD_PLUGINS": f"{LAW_SOURCE},sample_plugins.relaxed_province", "PYTHONPATH": str(TESTS)}
    result = run("rules", "--province", "样例省", env=env)
    assert result.returncode == 0, result.stderr
    lines = {line.split()[0]: line for line in result.stdout.splitlines()[2:]}
    assert "[RELAXATION]" in lines["recall.sponsors.township"]
    assert "1/6" in lines["recall.sponsors.township"]
    reply = lines["suggestion.reply_months"]
    assert "sample_plugins.relaxed_province" in reply
    assert "CQ 16 ¶1" in reply
    assert "national: DL 51 ¶2" in reply


def test_unknown_province_is_a_clear_error_with_exit_2():
    result = run("rules", "--province", "浙江")
    assert result.returncode == 2
    assert "no installed plugin serves province '浙江'" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_language_is_a_usage_error(capsys):
    assert main(["rules", "--lang", "fr"]) == 2
    assert "Invalid value for '--lang'" in capsys.readouterr().err


def make_store(tmp_path: Path) -> str:
    from npcproc.store.sqlite import SQLiteStore
    from npcproc.testing.backends import noted

    path = tmp_path / "npc.db"
    store = SQLiteStore(str(path))
    for n in range(3):
        store.append("a", noted(n), expected_version=n)
    store.close()
    return f"sqlite:///{path}"


def test_verify_reports_ok_and_head(tmp_path, capsys):
    url = make_store(tmp_path)
    assert main(["verify", "--store", url]) == 0
    assert capsys.readouterr().out.startswith("ok: 3 records, head ")
    assert main(["verify", "--store", url, "--head"]) == 0
    head = capsys.readouterr().out.strip()
    assert len(head) == 64
    assert main(["verify", "--store", url, "--against", head]) == 0


def test_verify_fails_on_an_edited_record(tmp_path, capsys):
    import sqlite3

    url = make_store(tmp_path)
    db = sqlite3.connect(tmp_path / "npc.db")
    db.execute("""UPDATE events SET data = '{"n":9,"text":"改"}' WHERE position = 2""")
    db.commit()
    db.close()
    assert main(["verify", "--store", url]) == 1
    assert "chain broken at position 2" in capsys.readouterr().err


def test_verify_fails_against_an_unknown_head(tmp_path, capsys):
    url = make_store(tmp_path)
    assert main(["verify", "--store", url, "--against", "f" * 64]) == 1
    assert "rewritten" in capsys.readouterr().err


def test_verify_with_an_unknown_scheme_is_exit_2(capsys):
    assert main(["verify", "--store", "nosuch://x"]) == 2
    assert "installed schemes" in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_demo_records_a_year_in_sqlite_and_explains_it(tmp_path, capsys, lang):
    from npcproc.store.sqlite import SQLiteStore

    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db), "--lang", lang]) == 0
    out = capsys.readouterr().out
    if lang == "en":
        assert "quorum not met: 38 of 60 present, at least 2/3 (40) required (OL 14 ¶4)" in out
        assert "4 deputies in office sponsor the bill, at least 5 required (OL 22 ¶2)" in out
        assert "hash chain intact: True" in out
    else:
        assert "不足三分之二以上（40人）的法定人数" in out
        assert "哈希链完整：True" in out
    store = SQLiteStore(str(db))
    try:
        assert store.verify().ok
        types = {record.type for record in store.read_all()}
        assert {"session.closed", "election.round_counted", "suggestion.closed", "inquiry.rated"} <= types
    finally:
        store.close()
    assert main(["demo", "--db", str(db), "--lang", lang]) == 0  # a second run replaces the file


def test_plugins_lists_builtins_and_loaded_plugins_with_hooks():
    env = {"NPCPROC_LOAD_PLUGINS": f"{LAW_SOURCE},sample_plugins.relaxed_province", "PYTHONPATH": str(TESTS)}
    result = run("plugins", env=env)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "npcproc.builtin.sqlite_store  [npcproc " in out
    assert "npcproc_open_store, npcproc_store_schemes" in out
    assert "sample_plugins.relaxed_province  [not installed]  province: Sampleland 样例省 (990000)" in out
    assert "npcproc_province, npcproc_register_settings" in out


def test_rules_lists_the_checks_a_province_adds(capsys, monkeypatch):
    from npcproc.plugins import create_plugin_manager
    from npcproc.testing import settings_plugin
    from sample_plugins.relaxed_province import npcproc_province

    def placement(facts, rules):
        """Sample placement rule: the budget early in the year."""

    plugin = settings_plugin(province=npcproc_province(), checks=[("annual_agenda", placement)])
    monkeypatch.setattr("npcproc.plugins._default", create_plugin_manager(autoload=False, plugins=(plugin,)))
    assert main(["rules", "--province", "SP"]) == 0
    out = capsys.readouterr().out
    assert "Checks added to the national rules" in out
    assert "annual_agenda" in out
    assert "Sample placement rule: the budget early in the year." in out


def test_lang_may_come_before_the_verb_and_defaults_to_the_locale(capsys, monkeypatch):
    assert main(["--lang", "zh", "rules"]) == 0
    assert capsys.readouterr().out.startswith("现行规则：国家法律")
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert main(["rules"]) == 0
    assert capsys.readouterr().out.startswith("现行规则：国家法律")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert main(["rules"]) == 0
    assert capsys.readouterr().out.startswith("Rules in force: national law")


def test_errors_show_a_traceback_only_with_debug():
    plain = run("rules", "--province", "nowhere")
    assert plain.returncode == 2
    assert "Traceback" not in plain.stderr
    debug = run("--debug", "rules", "--province", "nowhere")
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr
    assert "no installed plugin serves province 'nowhere'" in debug.stderr


def test_every_verb_has_help():
    from npcproc.cli import cli

    for name in cli.commands:
        result = run(name, "--help")
        assert result.returncode == 0, (name, result.stderr)
        assert "--lang" in result.stdout, name


def test_verify_of_a_missing_sqlite_file_is_exit_2_and_creates_nothing(tmp_path, capsys):
    missing = tmp_path / "nowhere.db"
    assert main(["verify", "--store", f"sqlite:///{missing}"]) == 2
    assert f"no SQLite file at {missing}" in capsys.readouterr().err
    assert not missing.exists()
