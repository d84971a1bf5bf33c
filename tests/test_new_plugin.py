"""`npcproc new-plugin` writes a plugin that passes its own tests straight away."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from npcproc.cli import main
from npcproc.cli.scaffold import ScaffoldError, new_plugin


@pytest.mark.parametrize("province", ["340000", None])
def test_scaffolded_plugin_passes_its_tests(tmp_path, monkeypatch, capsys, province):
    monkeypatch.chdir(tmp_path)
    assert main(["new-plugin", "anhui", *(["--province", province] if province else [])]) == 0
    root = tmp_path / "npcproc-anhui"
    assert capsys.readouterr().out.strip() == f"wrote {root}"
    assert (root / "pyproject.toml").read_text(encoding="utf-8").count('anhui = "npcproc_anhui"') == 1
    source = (root / "src" / "npcproc_anhui" / "__init__.py").read_text(encoding="utf-8")
    assert ('name_zh="安徽省"' in source) == (province is not None)
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
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
