"""ZJ through `npcproc check`: the audit of a record resolves the rules for the record's congress.

The record is npcproc's clean example year (docs/examples/township-year.toml), varied per case.
"""

from __future__ import annotations

import copy
import json
import tomllib
from pathlib import Path

import npcproc_zhejiang
import pytest

from npcproc.record.audit import audit
from npcproc.record.load import parse_record

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "township-year.toml"
pytestmark = pytest.mark.skipif(not EXAMPLE.exists(), reason="needs npcproc's example record (a source checkout)")


def example() -> dict:
    return tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))


def checked(tree: dict, rules):
    data = json.dumps(tree, ensure_ascii=False, default=str).encode()  # dates as ISO strings
    return audit(parse_record(data, name="zj.json", toml=False), rules)


def found(result) -> list[tuple[str, str, str]]:
    return [(f.severity, f.code, str(f.citation)) for f in result.findings]


def with_presidium(size: int, *, designations=(), level="township") -> dict:
    tree = copy.deepcopy(example())
    congress = tree["congresses"][0]
    congress["designations"] = list(designations)
    congress["level"] = level
    if level == "county":
        congress["division_code"] = congress["division_code"][:6]
    for session in congress["sessions"]:
        session["presidium"] = [d["id"] for d in congress["deputies"][:size]]
    return tree


@pytest.fixture
def zhejiang(npcproc_rules):
    return npcproc_rules("浙江", npcproc_zhejiang)


def test_the_example_year_is_clean_under_zj(zhejiang):
    assert found(checked(example(), zhejiang)) == []


@pytest.mark.parametrize(("designations", "size", "violations"), [
    ((), 13, []),
    ((), 14, [("violation", "presidium.max_size", "ZJ 8 ¶2")] * 2),
    (("populous",), 17, []),
    (("developed",), 17, []),
    (("populous",), 18, [("violation", "presidium.max_size", "ZJ 8 ¶2")] * 2),
])  # fmt: skip
def test_zj_8_2_check_reads_the_designations_of_the_record(zhejiang, designations, size, violations):
    assert found(checked(with_presidium(size, designations=designations), zhejiang)) == violations


def test_zj_2_check_leaves_a_county_record_to_national_law(zhejiang, npcproc_rules):
    # A county congress's year with a 20-member presidium and one day's notice: ZJ adds no finding to
    # what national law finds (the example's agenda is a township's, so OL 11 items are missing).
    tree = with_presidium(20, level="county")
    for session in tree["congresses"][0]["sessions"]:
        session["notice_on"] = session["materials_on"] = session["opens_on"]
    national = found(checked(tree, npcproc_rules(None)))
    assert found(checked(tree, zhejiang)) == national
    assert not any(citation.startswith("ZJ") for _, _, citation in national)
    township = copy.deepcopy(tree)
    township["congresses"][0]["level"] = "township"
    township["congresses"][0]["division_code"] = example()["congresses"][0]["division_code"]
    assert {c for _, _, c in found(checked(township, zhejiang))} >= {"ZJ 8 ¶2", "ZJ 20"}


def test_zj_17_check_reports_a_notice_not_a_violation(zhejiang, npcproc_rules):
    tree = copy.deepcopy(example())
    early, mid = tree["congresses"][0]["sessions"][:2]
    # The early-year session's budget item becomes another item (its vote stays valid) and the
    # budget is heard at the mid-year session instead.
    next(item for item in early["agenda"] if item["kind"] == "budget")["kind"] = "other"
    tree["congresses"][0]["budget_publications"] = []  # no budget is approved now, so none is made public (ZJ 32 ¶2)
    mid["agenda"].append({"id": "late-budget", "kind": "budget", "title": "2022年财政预算"})
    result = checked(tree, zhejiang)
    assert found(result) == [("notice", "zj.main_item", "ZJ 17 ¶1")]
    assert result.ok
    assert found(checked(tree, npcproc_rules(None))) == []  # national law: the budget was heard in the year


def test_zj_8_2_through_the_npcproc_check_command(tmp_path, capsys, monkeypatch):
    from npcproc.cli import main

    monkeypatch.delenv("NPCPROC_DISABLE_PLUGIN_AUTOLOAD", raising=False)  # the installed plugin serves 浙江
    results = {}
    for designations in ((), ("populous",)):
        path = tmp_path / f"{'-'.join(designations) or 'plain'}.json"
        path.write_text(json.dumps(with_presidium(15, designations=designations), ensure_ascii=False, default=str))
        code = main(["check", "--province", "浙江", "--format", "json", str(path)])
        out = json.loads(capsys.readouterr().out)
        results[designations] = (code, sorted({(f["code"], f["citation"]["label"]) for f in out["findings"]}))
    assert results == {
        (): (1, [("presidium.max_size", "ZJ 8 ¶2")]),
        ("populous",): (0, []),
    }
