"""``npcproc check``, ``npcproc schema`` and ``npcproc import``: audit, describe and import record files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.text import Text

from npcproc.cli.options import Options, common_options, pass_options, province_option, store_option
from npcproc.errors import NpcprocError
from npcproc.record.audit import Audit, Finding
from npcproc.record.load import RecordError, load_record
from npcproc.record.model import CongressRecord
from npcproc.rules.ruleset import RuleSet
from npcproc.text import terminal_safe

__all__ = ["COMMANDS", "check", "import_", "schema"]

_RECORD = click.Path(dir_okay=False, path_type=Path)


class RecordInputError(NpcprocError):
    """A record file or import could not be used; the message is in the language asked for."""


def _load(options: Options, path: Path, province: str | None) -> tuple[CongressRecord, RuleSet]:
    from npcproc.plugins import load_rules

    try:
        record = load_record(path)
    except RecordError as exc:
        raise RecordInputError(exc.message(options.lang)) from exc
    return record, load_rules(province or record.province)


@click.command("check")
@common_options
@click.argument("record", type=_RECORD)
@province_option
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="findings as text, or as a JSON document for programs")  # fmt: skip
@pass_options
def check(options: Options, record: Path, province: str | None, output: str) -> None:
    """Audit RECORD (.toml or .json) against the rules in force: exit 1 on any violation, 2 for unusable input."""
    loaded, rules = _load(options, record, province)
    from npcproc.record.audit import audit

    found = audit(loaded, rules)
    if output == "json":
        document = {"format": "npcproc-findings", "version": 1, "record": str(record),
                    "province": rules.province.name_en if rules.province else None, **found.to_json()}  # fmt: skip
        click.echo(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False))
    else:
        _print(options, found, str(record))
    if not found.ok:
        raise SystemExit(1)


def _print(options: Options, found: Audit, name: str) -> None:
    console = options.console
    for finding in found.findings:
        console.print(_line(options, finding))
    violations, notices = len(found.violations), len(found.notices)
    console.print(options.text(
        f"{name}: {violations} violation(s), {notices} notice(s)",
        f"{name}：违规{violations}处，提示{notices}处",
    ))  # fmt: skip


def _line(options: Options, finding: Finding) -> Text:
    line = Text()
    if finding.severity == "violation":
        line.append(options.text("violation", "违规"), style="bold red")
    else:
        line.append(options.text("notice", "提示"), style="yellow")
    line.append(f" {terminal_safe(finding.where)} ")
    line.append(finding.code, style="dim")
    line.append(f": {terminal_safe(finding.message(options.lang))}")
    return line


@click.command("schema")
@common_options
@pass_options
def schema(options: Options) -> None:
    """Print the JSON Schema (2020-12) of record files."""
    from npcproc.record.schema import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@click.command("import")
@common_options
@click.argument("record", type=_RECORD)
@store_option
@province_option
@pass_options
def import_(options: Options, record: Path, store_url: str, province: str | None) -> None:
    """Import RECORD into the store at URL through the procedures; nothing is written unless all of it is."""
    from npcproc.record.importer import ImportRefusedError, stage_record, write_staged
    from npcproc.store import open_store

    if store_url.startswith("memory:") or store_url.split("?")[0] in ("sqlite:///:memory:", "sqlite://:memory:"):
        raise RecordInputError(options.text(
            f"--store: {store_url} holds nothing once the command ends; import into a file or a server",
            f"--store：{store_url}在命令结束后不保存任何内容；请导入文件或数据库服务器",
        ))  # fmt: skip
    loaded, rules = _load(options, record, province)
    try:
        # Staged first: a record that does not play never opens, or creates, the store.
        staged = stage_record(loaded, rules, progress=_progress(options))
        store = open_store(store_url)
        try:
            result = write_staged(staged, store, progress=_progress(options))
        finally:
            store.close()
    except ImportRefusedError as refused:
        if refused.audit is not None:
            for finding in refused.audit.violations:
                options.err_console.print(_line(options, finding))
            options.err_console.print(terminal_safe(refused.message(options.lang)))
            raise SystemExit(1) from None
        raise RecordInputError(refused.message(options.lang)) from refused
    options.console.print(options.text(
        f"imported {result.events} events into {len(result.streams)} streams; head {result.head}",
        f"已导入{result.events}条事件，共{len(result.streams)}个事件流；链头{result.head}",
    ))  # fmt: skip


def _progress(options: Options) -> Any:
    def show(items: list[Any], total: int) -> Any:
        return options.progress(items, total=total, en="importing", zh="正在导入")

    return show


COMMANDS = (check, schema, import_)
