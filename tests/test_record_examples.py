"""`npcproc check` on the example records gives exactly the findings docs/record-format.md lists."""

from __future__ import annotations

import json
import re

from test_record_support import CLEAN, DOCS, FAULTY, cli


def documented_findings() -> list[tuple[str, str, str, str]]:
    page = (DOCS / "record-format.md").read_text(encoding="utf-8")
    table = page.split("<!-- findings: township-year-violations.json -->")[1].split("<!-- end findings -->")[0]
    rows = []
    for line in table.strip().splitlines()[2:]:
        cells = [cell.strip().strip("`") for cell in line.strip("|").split("|")]
        rows.append((cells[0], cells[1], cells[2], cells[3]))
    return rows


def test_the_page_lists_findings_at_all():
    assert len(documented_findings()) >= 5


def test_the_faulty_example_gives_exactly_the_documented_findings(capsys):
    code, out, _err = cli(capsys, "check", str(FAULTY), "--format", "json", "--lang", "en")
    assert code == 1
    found = json.loads(out)["findings"]
    got = [(f["severity"], f["where"], f["code"], f["citation"]["label"]) for f in found]
    assert got == documented_findings()


def test_the_clean_example_has_no_finding(capsys):
    code, out, _err = cli(capsys, "check", str(CLEAN), "--lang", "en")
    assert code == 0
    assert re.search(r"0 violation\(s\), 0 notice\(s\)", out)


def test_the_page_says_how_many_events_the_clean_example_imports(capsys, tmp_path):
    page = (DOCS / "record-format.md").read_text(encoding="utf-8")
    said = int(re.search(r"`npcproc import` writes (\d+) events", page).group(1))
    code, out, _err = cli(capsys, "import", str(CLEAN), "--store", f"sqlite:///{tmp_path / 'qx.db'}", "--lang", "en")
    assert code == 0
    assert f"imported {said} events" in out
