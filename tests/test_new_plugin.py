"""`npcproc new-plugin` writes a plugin that passes its own tests straight away."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from npcproc.cli import main
from npcproc.cli.scaffold import ScaffoldError, new_plugin


def alone(root):
    """The environment of a new plugin's own test run: npcproc and the plugin, not the core tests' law source."""
    return {**{k: v for k, v in os.environ.items() if k != "NPCPROC_LOAD_PLUGINS"}, "PYTHONPATH": str(root / "src")}


@pytest.mark.parametrize("province", ["340000", None])
def test_scaffolded_plugin_passes_its_tests(tmp_path, monkeypatch, capsys, province):
    monkeypatch.chdir(tmp_path)
    assert main(["new-plugin", "anhui", *(["--province", province] if province else [])]) == 0
    root = tmp_path / "npcproc-anhui"
    assert capsys.readouterr().out.strip() == f"wrote {root}"
    assert (root / "pyproject.toml").read_text(encoding="utf-8").count('anhui = "npcproc_anhui"') == 1
    source = (root / "src" / "npcproc_anhui" / "__init__.py").read_text(encoding="utf-8")
    assert ('name_zh="安徽省"' in source) == (province is not None)
    env = alone(root)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", str(root / "tests"), "-q", "-p", "no:cacheprovider"],
        capture_output=True, text=True, cwd=root, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


@pytest.mark.parametrize(("name", "province", "field"), [("Bad Name", None, "name"), ("ok", "999999", "province")])
def test_bad_names_and_codes_are_refused(tmp_path, name, province, field):
    with pytest.raises(ScaffoldError, match=f"^{field}:"):
        new_plugin(name, province=province, into=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_province_plugin_ships_its_own_regulation_and_cites_it(tmp_path, monkeypatch):
    """--law-text fills the plugin's laws.json; the plugin registers it, so its articles are cited and
    explained with nothing added to npcproc (whose own data holds national law only)."""
    regulation = tmp_path / "regulation.md"
    regulation.write_text(
        "# 安徽省乡镇人民代表大会工作条例\n\n第一条　为了做好乡镇人民代表大会工作，制定本条例。\n\n"
        "第二条　主席团由七至十一人组成。\n主席团成员不得担任国家行政机关的职务。\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["new-plugin", "anhui", "--province", "340000", "--law-text", str(regulation)]) == 0
    root = tmp_path / "npcproc-anhui"
    probe = (
        "from npcproc.plugins import create_plugin_manager\n"
        "from npcproc.rules.laws import clause_text, law_title\n"
        "import npcproc_anhui\n"
        "pm = create_plugin_manager(autoload=False, plugins=(npcproc_anhui,))\n"
        "print(law_title('ANHUI', pm=pm))\n"
        "print(clause_text('ANHUI', 2, 2, pm=pm))\n"
    )
    env = alone(root)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["安徽省乡镇人民代表大会工作条例", "主席团成员不得担任国家行政机关的职务。"]
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", str(root / "tests"), "-q", "-p", "no:cacheprovider"],
        capture_output=True, text=True, cwd=root, env=env, check=False,
    )  # fmt: skip
    assert tests.returncode == 0, tests.stdout + tests.stderr


def test_a_law_text_without_articles_or_province_is_refused(tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("# 标题\n没有条文。\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match=r"^law_text: .* has no article"):
        new_plugin("anhui", province="340000", into=tmp_path, law_text=empty)
    with pytest.raises(ScaffoldError, match=r"^law_text: .*--province"):
        new_plugin("anhui", province=None, into=tmp_path, law_text=empty)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.md"]
