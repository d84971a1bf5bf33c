"""What ``npcproc rules`` prints: every rule with its value, scope, condition, binding force and citation.

One row per national parameter and one per provincial (or national advisory) setting, so a
rule that holds only for townships, only for regular sessions, only above a population, only
"normally" (一般), or only from the day its text took effect shows that shape next to its
article. ``--level`` keeps the rows that bind a congress of that level; ``--format json`` gives
the same rows with both languages.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from typing import Any

from npcproc.i18n import Lang
from npcproc.model.levels import Level
from npcproc.rules.decision import Binding, Citation
from npcproc.rules.parameters import ALL_LEVELS, Parameter, Setting
from npcproc.rules.ruleset import RuleSet

__all__ = ["BINDING_NAMES", "KIND_NAMES", "LEVEL_NAMES", "NATIONAL_PLUGIN", "STARTS", "render_rules", "rule_rows"]

NATIONAL_PLUGIN = "npcproc.builtin.national"
LEVEL_NAMES = {Level.TOWNSHIP: ("township", "乡镇"), Level.COUNTY: ("county", "县级")}
BINDING_NAMES = {Binding.SHALL: ("shall", "应当"), Binding.NORMALLY: ("normally", "一般"), Binding.MAY: ("may", "可以")}
KIND_NAMES = {"regular": ("regular sessions", "例会"), "extraordinary": ("extraordinary sessions", "临时会议")}
STARTS = {
    "referral": ("from referral", "自交办之日起"),
    "session_closed": ("from the close of the session", "自闭会之日起"),
    "elections_completed": ("from the deputy elections", "自代表选举完成起"),
    "budget_approved": ("from the approval of the budget", "自预算批准之日起"),
}


def rule_rows(ruleset: RuleSet, level: Level | None = None) -> list[dict[str, Any]]:
    """Every national parameter and every setting serving the province, as plain data in both languages."""
    rows = []
    for name in sorted(ruleset.registry):
        parameter = ruleset.registry[name]
        if parameter.national is not None and parameter.citation is not None:
            rows.append(_row(parameter, parameter.national, parameter.citation, source="national"))
        for plugin, setting in ruleset.settings:
            if setting.parameter == name and (level is None or level in setting.levels):
                rows.append(_setting_row(parameter, plugin, setting))
    return rows


def _setting_row(parameter: Parameter, plugin: str, setting: Setting) -> dict[str, Any]:
    row = _row(
        parameter, setting.value, setting.citation, source="national" if plugin == NATIONAL_PLUGIN else plugin,
        binding=setting.binding, levels=setting.levels, kinds=setting.session_kinds,
        starts=setting.starts or parameter.starts, relaxation=setting.relaxes(parameter),
        in_force_from=setting.in_force_from,
    )  # fmt: skip
    if setting.when is not None:
        row["condition"] = {"en": setting.when.describe("en"), "zh": setting.when.describe("zh")}
    if plugin != NATIONAL_PLUGIN and parameter.citation is not None:
        row["national_citation"] = str(parameter.citation)
    return row


def _row(
    parameter: Parameter, value: object, citation: Citation, *, source: str, binding: Binding = Binding.SHALL,
    levels: frozenset[Level] = ALL_LEVELS, kinds: frozenset[str] | None = None, starts: str | None = None,
    relaxation: bool = False, in_force_from: datetime.date | None = None,
) -> dict[str, Any]:  # fmt: skip
    scope_en, scope_zh = _scope(levels, kinds, starts or parameter.starts, in_force_from)
    return {
        "parameter": parameter.name,
        "meaning": {"en": parameter.en, "zh": parameter.zh},
        "unit": parameter.unit,
        "value": str(value),
        "national": None if parameter.national is None else str(parameter.national),
        "binding": binding.value,
        "scope": {"en": scope_en, "zh": scope_zh},
        "condition": None,
        "source": source,
        "citation": str(citation),
        "practice": citation.is_practice,  # a practice source (seed report or practice), not a law text
        "relaxation": relaxation,
        "in_force_from": in_force_from.isoformat() if in_force_from else None,
    }


def _scope(
    levels: frozenset[Level], kinds: frozenset[str] | None, starts: str | None, in_force_from: datetime.date | None
) -> tuple[str, str]:
    parts: list[tuple[str, str]] = []
    if levels != ALL_LEVELS:
        parts.append((" and ".join(LEVEL_NAMES[lv][0] for lv in Level if lv in levels),
                      "、".join(LEVEL_NAMES[lv][1] for lv in Level if lv in levels)))  # fmt: skip
    if kinds is not None:
        parts.append((" and ".join(KIND_NAMES[k][0] for k in sorted(kinds, reverse=True)),
                      "、".join(KIND_NAMES[k][1] for k in sorted(kinds, reverse=True))))  # fmt: skip
    if starts is not None:
        parts.append(STARTS.get(starts, (starts, starts)))
    if in_force_from is not None:
        day = in_force_from
        parts.append((f"in force from {day.isoformat()}", f"自{day.year}年{day.month}月{day.day}日起施行"))
    if not parts:
        return "all", "全部"
    return "; ".join(p[0] for p in parts), "；".join(p[1] for p in parts)


def render_rules(ruleset: RuleSet, lang: Lang, *, level: Level | None = None, fmt: str = "text") -> str:
    """The ``npcproc rules`` output for ``ruleset``: a table in ``lang``, or JSON with both languages."""
    rows = rule_rows(ruleset, level)
    checks = [(topic, plugin, check) for topic, found in sorted(ruleset.checks.items()) for plugin, check in found]
    if fmt == "json":
        document = {
            "province": ruleset.province.key if ruleset.province else None,
            "level": level.value if level else None,
            "rules": rows,
            "relaxations": [row for row in rows if row["relaxation"]],
            "checks": [
                {"topic": topic, "plugin": plugin, "summary": _summary(check), "in_force_from": _dated(check)}
                for topic, plugin, check in checks
            ],
        }
        return json.dumps(document, ensure_ascii=False, indent=2)
    return _text(ruleset, rows, checks, lang, level)


def _text(ruleset: RuleSet, rows: list[dict[str, Any]], checks: Sequence[tuple[str, str, object]], lang: Lang,
          level: Level | None) -> str:  # fmt: skip
    zh = lang == "zh"
    header = (
        ("参数", "说明", "值", "约束力", "适用范围", "条件", "来源", "依据")
        if zh
        else ("parameter", "meaning", "value", "binding", "scope", "condition", "source", "citation")
    )
    table = [header]
    for row in rows:
        binding = BINDING_NAMES[Binding(row["binding"])][1 if zh else 0]
        source = ("国家法律" if zh else "national") if row["source"] == "national" else row["source"]
        cited = Citation.parse(row["citation"]).label(lang) if row["practice"] else row["citation"]
        if row["relaxation"]:
            cited += " [放宽]" if zh else " [RELAXATION]"
        elif "national_citation" in row:
            cited += f" ({'国家' if zh else 'national'}: {row['national_citation']})"
        condition = row["condition"][lang] if row["condition"] else "—"
        table.append((row["parameter"], row["meaning"][lang], row["value"], binding, row["scope"][lang], condition,
                      source, cited))  # fmt: skip
    widths = [max(_width(line[i]) for line in table) for i in range(len(header))]
    where = (ruleset.province.name_zh if zh else ruleset.province.name_en) if ruleset.province else None
    title = f"现行规则：{where or '国家法律'}" if zh else f"Rules in force: {where or 'national law'}"
    if level is not None:
        title += f"（{LEVEL_NAMES[level][1]}人大）" if zh else f" ({LEVEL_NAMES[level][0]} congresses)"
    lines = [title, ""]
    for line in table:
        lines.append("  ".join(c + " " * (w - _width(c)) for c, w in zip(line, widths, strict=True)).rstrip())
    if checks:
        lines += ["", "附加检查（与国家规则同时适用）" if zh else "Checks added to the national rules"]
        for topic, plugin, check in checks:
            day = getattr(check, "in_force_from", None)
            since = (
                ""
                if day is None
                else f"（自{day.year}年{day.month}月{day.day}日起施行）"
                if zh
                else f" (in force from {day})"
            )
            lines.append(f"{topic}  {plugin}{since}  {_summary(check)}")
    return "\n".join(lines)


def _dated(check: object) -> str | None:
    """The commencement of a check dated by :func:`npcproc.rules.in_force_from`, as an ISO date."""
    day = getattr(check, "in_force_from", None)
    return day.isoformat() if isinstance(day, datetime.date) else None


def _summary(check: object) -> str:
    return str(getattr(check, "__doc__", None) or getattr(check, "__name__", "check")).strip().splitlines()[0]


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if "\u2e80" <= char <= "\ufaff" or "\uff00" <= char <= "\uffef" else 1 for char in text)
