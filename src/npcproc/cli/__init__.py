"""The ``npcproc`` command: one click group, the same ``--lang``/``--debug`` on every verb."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from npcproc.cli.options import Options, common_options, options_of, pass_options, province_option
from npcproc.errors import NpcprocError
from npcproc.model.levels import Level
from npcproc.store.urls import mask_secrets
from npcproc.text import terminal_safe

__all__ = ["cli", "demo", "main", "new_plugin", "plugins", "render_plugins", "rules"]


class _Group(click.Group):
    """Turns npcproc's own errors into one line on stderr and exit status 2 (a traceback only with --debug)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (NpcprocError, ValueError, OSError) as exc:
            options = options_of(ctx)
            if options.debug:
                raise
            click.echo(f"npcproc: error: {terminal_safe(mask_secrets(str(exc)))}", err=True)
            raise SystemExit(2) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="npcproc")
@common_options
def cli() -> None:
    """Procedures of China's grassroots people's congresses, every decision explained with its legal source."""


@cli.command()
@common_options
@province_option
@click.option("--db", "db", metavar="PATH", default="npcproc-demo.db", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="SQLite file to write (an earlier demo's store is replaced)")  # fmt: skip
@click.option("--force", is_flag=True, help="replace --db even when it is not an npcproc store")
@pass_options
def demo(options: Options, province: str | None, db: Path, force: bool) -> None:
    """Run a township congress's year on SQLite, every decision explained."""
    from npcproc.cli.demo import run

    raise SystemExit(run(db, province=province, lang=options.lang, out=options.console, force=force))


@cli.command()
@common_options
@province_option
@click.option("--level", type=click.Choice([level.value for level in Level]), default=None,
              help="only the rules that bind a congress of this level")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_options
def rules(options: Options, province: str | None, level: str | None, fmt: str) -> None:
    """List every rule: value, binding force, scope, condition, source and citation."""
    from npcproc.cli.rules_table import render_rules
    from npcproc.plugins import load_rules

    click.echo(render_rules(load_rules(province), options.lang, level=Level(level) if level else None, fmt=fmt))


@cli.command()
@common_options
def plugins() -> None:
    """List installed plugins, their versions and the hooks they implement."""
    click.echo(render_plugins())


@cli.command("new-plugin")
@common_options
@click.argument("name")
@click.option("--province", metavar="CODE", help="GB/T 2260 province-level code, e.g. 340000")
@click.option(
    "--law-text",
    type=click.Path(dir_okay=False, path_type=Path),
    help="the regulation's text (one 第…条 per article), shipped in the plugin's laws.json",
)
def new_plugin(name: str, province: str | None, law_text: Path | None) -> None:
    """Write a new rule plugin NAME (e.g. anhui makes npcproc-anhui/) that passes its own tests."""
    from npcproc.cli.scaffold import new_plugin as scaffold

    click.echo(f"wrote {scaffold(name, province=province, into=Path.cwd(), law_text=law_text)}")


def _register_optional_commands() -> None:
    """Commands that live in their own modules, each exporting ``COMMANDS``."""
    import importlib

    for module in (
        "npcproc.cli.chain_commands",
        "npcproc.cli.exports",
        "npcproc.cli.record_commands",
        "npcproc.cli.output_commands",
    ):
        try:
            found = importlib.import_module(module)
        except ModuleNotFoundError as missing:
            if missing.name != module:
                raise
            continue
        for command in found.COMMANDS:
            cli.add_command(command)


_register_optional_commands()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status instead of exiting."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="npcproc", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as usage:
        usage.show()
        return usage.exit_code
    except click.exceptions.Abort:
        click.echo("npcproc: aborted", err=True)
        return 1
    except SystemExit as exited:
        return exited.code if isinstance(exited.code, int) else (0 if exited.code is None else 1)
    return 0


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
