"""The ``npcproc`` command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from npcproc.errors import NpcprocError
from npcproc.i18n import Lang


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="npcproc", description="Procedures of grassroots people's congresses.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    demo = commands.add_parser("demo", help="run a township congress's year on SQLite, every decision explained")
    demo.add_argument("--province", metavar="P", help="province code, key or name (default: national law only)")
    demo.add_argument("--db", metavar="PATH", default="npcproc-demo.db", help="SQLite file to write (replaced)")
    demo.add_argument("--lang", choices=("zh", "en"), default="en", help="language of the narration")
    rules = commands.add_parser("rules", help="list every rule parameter in force, with its citation")
    rules.add_argument("--province", metavar="P", help="province code, key or name (default: national law only)")
    rules.add_argument("--lang", choices=("zh", "en"), default="en", help="language of the listing")
    commands.add_parser("plugins", help="list installed plugins, their versions and the hooks they implement")
    scaffold = commands.add_parser("new-plugin", help="write a new rule plugin that passes its own tests")
    scaffold.add_argument("name", metavar="NAME", help="the plugin's name, e.g. anhui (makes npcproc-anhui/)")
    scaffold.add_argument("--province", metavar="CODE", help="GB/T 2260 province-level code, e.g. 340000")
    verify = commands.add_parser("verify", help="walk a store's hash chain and report the first bad record")
    verify.add_argument("--store", metavar="URL", required=True, help="store URL, e.g. sqlite:///npc.db")
    shown = verify.add_mutually_exclusive_group()
    shown.add_argument("--head", action="store_true", help="print only the head hash (after verifying)")
    shown.add_argument("--against", metavar="HASH", help="check that a previously published head is still in the chain")
    args = parser.parse_args(argv)
    try:
        if args.command == "rules":
            print(render_rules(args.province, args.lang))
            return 0
        if args.command == "new-plugin":
            from pathlib import Path

            from npcproc.cli.scaffold import new_plugin

            print(f"wrote {new_plugin(args.name, province=args.province, into=Path.cwd())}")
            return 0
        if args.command == "plugins":
            print(render_plugins())
            return 0
        if args.command == "demo":
            from pathlib import Path

            from npcproc.cli.demo import run

            return run(Path(args.db), province=args.province, lang=args.lang, out=sys.stdout)
        return run_verify(args.store, head_only=args.head, against=args.against)
    except (NpcprocError, ValueError) as exc:
        print(f"npcproc: error: {exc}", file=sys.stderr)
        return 2


def render_plugins() -> str:
    """``npcproc plugins``: each plugin with its distribution and version, province, and hooks."""
    from importlib.metadata import PackageNotFoundError, version

    from npcproc.plugins import get_plugin_manager, provinces

    pm = get_plugin_manager()
    served = provinces(pm)
    lines = []
    for name, plugin in sorted(pm.list_name_plugin()):
        distribution = pm.distribution_of(name) or ("npcproc" if name.startswith("npcproc.builtin.") else None)
        try:
            release = f"{distribution} {version(distribution)}" if distribution else "not installed"
        except PackageNotFoundError:
            release = f"{distribution} (version unknown)"
        hooks = sorted(caller.name for caller in pm.get_hookcallers(plugin) or ())
        province = f"  province: {served[name]}" if name in served else ""
        lines.append(f"{name}  [{release}]{province}\n    hooks: {', '.join(hooks)}")
    return "\n".join(lines)


def run_verify(url: str, *, head_only: bool, against: str | None) -> int:
    """``npcproc verify``: exit 0 when the chain is intact, 1 at the first bad record."""
    from npcproc.store import open_store

    store = open_store(url)
    try:
        result = store.verify(against=against)
    finally:
        store.close()
    if not result:
        print(f"chain broken at position {result.bad_position}: {result.problem}", file=sys.stderr)
        return 1
    if head_only:
        print(result.head)
    else:
        print(f"ok: {result.checked} records, head {result.head}" + (f", contains {against}" if against else ""))
    return 0


def render_rules(province: str | None, lang: Lang) -> str:
    """The table ``npcproc rules`` prints: every parameter with value, national value, source, citation."""
    from npcproc.plugins import load_rules

    ruleset = load_rules(province)
    zh = lang == "zh"
    header = (
        ("参数", "说明", "现行值", "国家规定", "来源", "依据")
        if zh
        else ("parameter", "meaning", "value", "national", "source", "citation")
    )
    rows = [header]
    for name in sorted(ruleset.parameters):
        entry = ruleset.parameters[name]
        parameter = entry.parameter
        source = ("国家法律" if zh else "national") if entry.source == "national" else entry.source
        cited = str(entry.citation) if entry.citation else "—"
        if entry.relaxed:
            cited += " [放宽]" if zh else " [RELAXATION]"
        elif entry.source != "national" and parameter.citation is not None:
            cited += f" ({'国家' if zh else 'national'}: {parameter.citation})"
        rows.append(
            (name, parameter.zh if zh else parameter.en, _show(entry.value), _show(parameter.national), source, cited)
        )
    widths = [max(_width(row[i]) for row in rows) for i in range(len(header))]
    where = (ruleset.province.name_zh if zh else ruleset.province.name_en) if ruleset.province else None
    title = (f"现行规则：{where or '国家法律'}") if zh else f"Rules in force: {where or 'national law'}"
    lines = [title, ""]
    for row in rows:
        lines.append(
            "  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    checks = [(topic, plugin, check) for topic, found in sorted(ruleset.checks.items()) for plugin, check in found]
    if checks:
        lines += ["", "附加检查（与国家规则同时适用）" if zh else "Checks added to the national rules"]
        for topic, plugin, check in checks:
            summary = str(check.__doc__ or getattr(check, "__name__", "check")).strip().splitlines()[0]
            lines.append(f"{topic}  {plugin}  {summary}")
    return "\n".join(lines)


def _show(value: object) -> str:
    return "—" if value is None else str(value)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if "\u2e80" <= char <= "\ufaff" or "\uff00" <= char <= "\uffef" else 1 for char in text)
