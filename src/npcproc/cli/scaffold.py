"""``npcproc new-plugin NAME [--province CODE] [--law-text FILE]``: a rule plugin that passes its own tests at once.

A province plugin carries its own regulation (``laws.json`` in its package, registered by
``npcproc_register_laws``): nothing in npcproc itself needs to change for its citations to resolve.
"""

from __future__ import annotations

import json
import keyword
import re
from pathlib import Path

from npcproc.errors import NpcprocError
from npcproc.rules.laws import parse_articles

__all__ = ["PROVINCES", "ScaffoldError", "new_plugin"]

#: GB/T 2260 province-level codes -> (Chinese name, English name).
PROVINCES = {
    "110000": ("北京市", "Beijing"), "120000": ("天津市", "Tianjin"), "130000": ("河北省", "Hebei"),
    "140000": ("山西省", "Shanxi"), "150000": ("内蒙古自治区", "Inner Mongolia"), "210000": ("辽宁省", "Liaoning"),
    "220000": ("吉林省", "Jilin"), "230000": ("黑龙江省", "Heilongjiang"), "310000": ("上海市", "Shanghai"),
    "320000": ("江苏省", "Jiangsu"), "330000": ("浙江省", "Zhejiang"), "340000": ("安徽省", "Anhui"),
    "350000": ("福建省", "Fujian"), "360000": ("江西省", "Jiangxi"), "370000": ("山东省", "Shandong"),
    "410000": ("河南省", "Henan"), "420000": ("湖北省", "Hubei"), "430000": ("湖南省", "Hunan"),
    "440000": ("广东省", "Guangdong"), "450000": ("广西壮族自治区", "Guangxi"), "460000": ("海南省", "Hainan"),
    "500000": ("重庆市", "Chongqing"), "510000": ("四川省", "Sichuan"), "520000": ("贵州省", "Guizhou"),
    "530000": ("云南省", "Yunnan"), "540000": ("西藏自治区", "Tibet"), "610000": ("陕西省", "Shaanxi"),
    "620000": ("甘肃省", "Gansu"), "630000": ("青海省", "Qinghai"), "640000": ("宁夏回族自治区", "Ningxia"),
    "650000": ("新疆维吾尔自治区", "Xinjiang"),
}  # fmt: skip


class ScaffoldError(NpcprocError, ValueError):
    """The plugin name or province code cannot make a plugin."""


def new_plugin(name: str, *, province: str | None, into: Path, law_text: Path | None = None) -> Path:
    """Write ``npcproc-NAME/`` under ``into``: pyproject with its entry point, a sample rule, tests, README.

    A province plugin gets ``laws.json`` for its regulation, filled from ``law_text`` (the
    regulation's text, one 第…条 per article) when given, else empty for the author to fill.
    """
    slug = name.lower().removeprefix("npcproc-")
    module = "npcproc_" + slug.replace("-", "_")
    if not re.fullmatch(r"[a-z][a-z0-9-]*", slug) or keyword.iskeyword(slug):
        raise ScaffoldError(f"name: {name!r} must be lower-case letters, digits and hyphens, starting with a letter")
    if province is not None and province not in PROVINCES:
        raise ScaffoldError(f"province: {province!r} is not a GB/T 2260 province-level code (e.g. 330000)")
    if law_text is not None and province is None:
        raise ScaffoldError("law_text: a regulation's text belongs to a province plugin; give --province too")
    laws = _law_data(slug, province, law_text) if province is not None else None
    root = into / f"npcproc-{slug}"
    if root.exists():
        raise ScaffoldError(f"name: {root} already exists")
    files = {
        "pyproject.toml": _PYPROJECT.format(slug=slug, module=module),
        "README.md": _README.format(slug=slug),
        f"src/{module}/__init__.py": _module(slug, province),
        f"src/{module}/py.typed": "",
        f"tests/test_{module}.py": (_TESTS if province else _PRACTICE_TESTS).format(module=module),
    }
    if laws is not None:
        files[f"src/{module}/laws.json"] = laws
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _law_key(slug: str) -> str:
    return slug.upper().replace("-", "_")


def _law_data(slug: str, province: str, law_text: Path | None) -> str:
    """The plugin's ``laws.json``: its regulation under the province's law key, as npcproc reads it."""
    zh, en = PROVINCES[province]
    title, articles = f"{zh}（条例名称）", {}
    if law_text is not None:
        try:
            text = law_text.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ScaffoldError(f"law_text: {law_text} cannot be read as UTF-8 text: {exc}") from exc
        articles = parse_articles(text)
        if not articles:
            raise ScaffoldError(f"law_text: {law_text} has no article (a line starting 第一条)")
        heading = next((line.lstrip("# ").strip() for line in text.splitlines() if line.startswith("# ")), None)
        title = heading or law_text.stem
    data = {_law_key(slug): {"title": title, "title_en": f"{en} regulation", "articles": articles}}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _module(slug: str, province: str | None) -> str:
    # Values need a province to apply to; a plugin for every province adds checks instead.
    if province is None:
        return _PRACTICE_MODULE.format(slug=slug)
    zh, en = PROVINCES[province]
    declaration = _PROVINCE.format(code=province, zh=zh, en=en, key=_law_key(slug))
    return _MODULE.format(slug=slug, declaration=declaration)


_PYPROJECT = """[build-system]
requires = ["hatchling>=1.26"]
build-backend = "hatchling.build"

[project]
name = "npcproc-{slug}"
version = "0.1.0"
description = "npcproc rules for {slug}."
readme = "README.md"
requires-python = ">=3.11"
dependencies = ["npcproc"]

[project.entry-points.npcproc]
{slug} = "{module}"

[tool.hatch.build.targets.wheel]
packages = ["src/{module}"]
"""

_README = """# npcproc-{slug}

An npcproc rule plugin. Each rule is a `Setting` (or a check) citing the article it comes
from; npcproc refuses a value looser than national law unless it is declared a relaxation
with the provision that allows it. The sample rule below restates the national reply
deadline for deputies' suggestions (DL 51 ¶2): replace it with your regulation's rules and
articles.

A province plugin ships its regulation's text in `laws.json` beside its `__init__.py`
(`npcproc new-plugin NAME --province CODE --law-text REGULATION.md` fills it; otherwise
fill `articles` yourself: article number -> paragraphs, each `{{"text": ..., "items": [...]}}`).
The plugin registers it (`npcproc_register_laws`), so its citations resolve and its
explanations name the regulation without any change to npcproc.

```console
python -m pip install -e . && python -m pytest tests
```
"""

_PROVINCE = """

@hookimpl
def npcproc_province() -> Province:
    return Province(code="{code}", name_zh="{zh}", name_en="{en}", key="{key}")
"""

_MODULE = '''"""npcproc rules for {slug}."""

from __future__ import annotations

from collections.abc import Callable

from npcproc import hookimpl
from npcproc.provinces import Province
from npcproc.rules import Citation, Setting
from npcproc.rules.laws import LawText, read_law_texts

SETTINGS = (
    # A sample rule: replace it with your regulation's, citing its article.
    Setting(parameter="suggestion.reply_months", value=3, citation=Citation(law="DL", article=51, paragraph=2)),
)
{declaration}

@hookimpl
def npcproc_register_laws(register: Callable[[LawText], None]) -> None:
    """The regulation this plugin cites, from its own laws.json."""
    for law in read_law_texts(__name__):
        register(law)


@hookimpl
def npcproc_register_settings(register: Callable[[Setting], None]) -> None:
    for setting in SETTINGS:
        register(setting)
'''

_TESTS = '''"""The plugin conforms and its rules are in force."""

import {module}


def test_the_plugin_conforms(npcproc_conformance):
    npcproc_conformance({module})


def test_its_settings_are_in_force(npcproc_plugin_manager):
    from npcproc.plugins import load_rules, provinces

    pm = npcproc_plugin_manager({module})
    province = provinces(pm).get(pm.get_name({module}))
    rules = load_rules(province, pm=pm)
    for setting in {module}.SETTINGS:
        assert rules.value(setting.parameter) == setting.value
'''

_PRACTICE_MODULE = '''"""npcproc practice rules for {slug}, for every province: checks added to national rules."""

from __future__ import annotations

from collections.abc import Callable

from npcproc import hookimpl
from npcproc.rules import Citation, Decision, MajorityFacts, Reason, RuleSet
from npcproc.rules.topics import Check


def yes_votes_recorded(facts: MajorityFacts, rules: RuleSet) -> Decision:
    """A sample check: a resolution's yes votes must have been counted (DL 23). Replace it with yours."""
    reason = Reason(ok=facts.yes >= 0, code="{slug}.yes_votes", citation=Citation(law="DL", article=23),
                    values={{"yes": facts.yes}})
    return Decision.of(reason)


@hookimpl
def npcproc_register_checks(register: Callable[[str, Check], None]) -> None:
    register("resolution_passes", yes_votes_recorded)
'''

_PRACTICE_TESTS = '''"""The plugin conforms and its check joins the national rule."""

import {module}


def test_the_plugin_conforms(npcproc_conformance):
    npcproc_conformance({module})


def test_its_check_joins_the_national_rule(npcproc_rules):
    decision = npcproc_rules(None, {module}).resolution_passes(60, 31)
    assert decision
    assert [reason.citation.law for reason in decision.reasons] == ["OL", "DL"]
'''
