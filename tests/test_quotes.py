"""Citations that say what they claim: every citation the core can produce carries a quote found in its text.

The citations are collected statically: every ``cite("OL", 14, 4)`` and ``Citation(law=..., article=...)``
in ``src/npcproc`` (both arms of a conditional argument), every national parameter and every national
advisory setting. Each must have a quote in ``npcproc/rules/quotes.py`` that stands, whitespace removed, in
the shipped text of exactly the cited article, paragraph or item. A practice source (``Citation.practice``)
has no law text: it is never looked up, and it is shown as practice in both languages.
"""

from __future__ import annotations

import ast
import itertools
import re
from pathlib import Path

import pytest

import npcproc
from npcproc.plugins import create_plugin_manager
from npcproc.rules import Citation
from npcproc.rules.decision import Reason
from npcproc.rules.laws import clause_text
from npcproc.rules.national import ADVICE, PARAMETERS
from npcproc.rules.quotes import QUOTES

SRC = Path(npcproc.__file__).parent
FIELDS = ("law", "article", "paragraph", "item")
#: Calls that build a citation from variables, whose values the parameters table gives instead.
BUILDERS = {"procedures/base.py", "rules/national.py"}
#: Samples for tests of plugins, not citations of the core.
SAMPLES = {"testing/strategies.py"}


def _values(node: ast.expr, where: str) -> list[object]:
    if isinstance(node, ast.Constant):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _values(node.body, where) + _values(node.orelse, where)
    raise AssertionError(f"{where}: a citation argument the scan cannot read: {ast.unparse(node)}")


def _calls() -> dict[Citation, list[str]]:
    found: dict[Citation, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        if name in BUILDERS | SAMPLES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if func not in ("cite", "Citation"):
                continue
            where = f"{name}:{node.lineno}"
            given: dict[str, ast.expr] = dict(zip(FIELDS, node.args, strict=False))
            given.update({k.arg: k.value for k in node.keywords if k.arg})
            options = [_values(given[f], where) if f in given else [None] for f in FIELDS]
            for combo in itertools.product(*options):
                citation = Citation(**dict(zip(FIELDS, combo, strict=True)))  # type: ignore[arg-type]
                found.setdefault(citation, []).append(where)
    return found


def all_citations() -> dict[Citation, list[str]]:
    found = _calls()
    for parameter in PARAMETERS.values():
        if parameter.citation is not None:
            found.setdefault(parameter.citation, []).append(f"parameter {parameter.name}")
    for setting in ADVICE:
        found.setdefault(setting.citation, []).append(f"advice {setting.parameter}")
    return found


CITATIONS = all_citations()
STATUTE = sorted((c for c in CITATIONS if not c.is_practice), key=str)
PM = create_plugin_manager(autoload=False)


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_scan_finds_the_core_citations():
    assert Citation(law="OL", article=14, paragraph=4) in CITATIONS
    assert Citation(law="EL", article=12, paragraph=1, item=4) in CITATIONS  # a parameter's
    assert len(STATUTE) > 100


@pytest.mark.parametrize("citation", STATUTE, ids=str)
def test_every_citation_quotes_its_paragraph(citation: Citation):
    where = ", ".join(CITATIONS[citation][:3])
    quote = citation.quote
    assert quote, f"{citation} ({where}) has no quote in rules/quotes.py"
    text = clause_text(citation.law, citation.article, citation.paragraph, citation.item, pm=PM)
    assert _bare(quote) in _bare(text), f"{citation} ({where}): {quote!r} is not in its text {text!r}"


def test_no_quote_is_left_without_a_citation():
    cited = {str(c) for c in CITATIONS}
    assert sorted(set(QUOTES) - cited) == []


def test_a_quote_from_another_paragraph_does_not_stand():
    # OL 14 ¶4's words are not in OL 14 ¶1: the check compares with the cited paragraph only
    text = clause_text("OL", 14, 1, pm=PM)
    assert _bare(QUOTES["OL 14 ¶4"]) not in _bare(text)


def test_a_practice_source_is_never_looked_up_and_says_so():
    seed, practice = Citation.practice(3), Citation.practice()
    assert (str(seed), str(practice)) == ("practice (seed 003)", "practice")
    assert Citation.parse(str(seed)) == seed
    assert Citation.parse(str(practice)) == practice
    assert (seed.label("zh"), practice.label("zh")) == ("实践做法（调研材料003）", "实践做法")
    assert seed.is_practice
    assert not Citation(law="OL", article=14).is_practice
    assert seed.quote is None
    assert seed.text() == "实践做法（调研材料003）"  # named, never looked up in the law texts
    reason = Reason(ok=False, code="supervision.satisfaction_default", citation=seed,
                    values={"satisfied": 5, "raters": 10, "required": 6})  # fmt: skip
    assert "(practice (seed 003))" in reason.message("en")
    assert "(实践做法（调研材料003）)" in reason.message("zh")


def test_npcproc_rules_shows_a_practice_source_as_practice():
    """A setting citing seed 003 shows as practice in both languages, and ``--format json`` marks it."""
    import json

    from npcproc.cli.rules_table import render_rules
    from npcproc.plugins import load_rules
    from npcproc.provinces import Province
    from npcproc.rules import Setting
    from npcproc.testing import settings_plugin

    henan = Province(code="410000", name_zh="河南省", name_en="Henan", key="HN")
    rating = Setting(parameter="supervision.satisfaction_threshold", value="2/3", citation=Citation.practice(3))
    pm = create_plugin_manager(autoload=False, plugins=(settings_plugin([rating], province=henan),))
    rules = load_rules(henan, pm=pm)
    assert any(line.endswith("practice (seed 003)") for line in render_rules(rules, "en").splitlines())
    assert any(line.endswith("实践做法（调研材料003）") for line in render_rules(rules, "zh").splitlines())
    rows = json.loads(render_rules(rules, "en", fmt="json"))["rules"]
    assert [r["practice"] for r in rows if r["parameter"] == "supervision.satisfaction_threshold"] == [True]
    assert not any(r["practice"] for r in rows if r["source"] == "national")
