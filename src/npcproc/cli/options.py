"""What every ``npcproc`` command shares: language, debug switch, consoles, progress bars.

A command takes the shared :class:`Options` with ``@pass_options`` and reports bad input by
raising an :class:`~npcproc.errors.NpcprocError`; ``npcproc.cli.main`` prints it as one line
(exit status 2) and shows the traceback only under ``--debug``.
"""

from __future__ import annotations

import functools
import locale
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import attrs
import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from npcproc.errors import NpcprocError
from npcproc.i18n import Lang
from npcproc.store.base import EventStore
from npcproc.text import terminal_safe

__all__ = [
    "Options",
    "StoreNotFoundError",
    "common_options",
    "default_lang",
    "open_existing_store",
    "options_of",
    "pass_options",
    "province_option",
    "store_option",
]

T = TypeVar("T")


def default_lang() -> Lang:
    """Chinese where the locale is Chinese (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), English otherwise."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    found = locale.getlocale()[0] or ""
    return "zh" if found.lower().startswith("zh") else "en"


@attrs.frozen(kw_only=True)
class Options:
    """The group's options, passed to every command."""

    lang: Lang
    debug: bool = False
    # No markup: a name like "[bold]" is printed as written. Styled output passes rich Text.
    console: Console = attrs.field(factory=lambda: Console(highlight=False, soft_wrap=True, markup=False))
    err_console: Console = attrs.field(
        factory=lambda: Console(stderr=True, highlight=False, soft_wrap=True, markup=False)
    )

    def text(self, en: str, zh: str) -> str:
        """The message in the chosen language, safe for a terminal (:func:`npcproc.text.terminal_safe`)."""
        return terminal_safe(zh if self.lang == "zh" else en)

    def progress(self, items: Iterable[T], *, total: int | None, en: str, zh: str) -> Iterator[T]:
        """Yield ``items`` while a progress bar on stderr counts them (hidden when stderr is no terminal)."""
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with Progress(*columns, console=self.err_console, transient=True) as bar:
            task = bar.add_task(self.text(en, zh), total=total)
            for item in items:
                yield item
                bar.advance(task)


F = TypeVar("F", bound=Callable[..., Any])


def _remember(ctx: click.Context, param: click.Parameter, value: object) -> object:
    if value is not None and value is not False:
        ctx.meta[f"npcproc.{param.name}"] = value
    return value


def common_options(command: F) -> F:
    """``--lang`` and ``--debug``, accepted before the verb (``npcproc --lang zh rules``) or after it."""
    command = click.option(
        "--lang", type=click.Choice(["zh", "en"]), expose_value=False, callback=_remember, is_eager=True,
        help="language of messages (default: from the locale)",
    )(command)  # fmt: skip
    return click.option(
        "--debug", is_flag=True, default=None, expose_value=False, callback=_remember, is_eager=True,
        help="show the traceback of an error",
    )(command)  # fmt: skip


def options_of(ctx: click.Context) -> Options:
    return Options(lang=ctx.meta.get("npcproc.lang") or default_lang(), debug=bool(ctx.meta.get("npcproc.debug")))


def pass_options(command: F) -> F:
    """Call the command with :class:`Options` as its first argument."""

    @functools.wraps(command)
    def with_options(*args: Any, **kwargs: Any) -> Any:
        return command(options_of(click.get_current_context()), *args, **kwargs)

    return with_options  # type: ignore[return-value]


store_option = click.option(
    "--store", "store_url", metavar="URL", required=True, help="store URL: sqlite:///path.db, memory://, postgresql://…"
)
province_option = click.option(
    "--province", metavar="P", help="province code, key or name (default: national law only)"
)


class StoreNotFoundError(NpcprocError, FileNotFoundError):
    """A command that reads a store was given an SQLite file that does not exist."""


def open_existing_store(url: str, *, read_only: bool = True) -> EventStore:
    """Open ``url`` for a command that reads it: a missing SQLite file is an error, not a new empty store.

    A read-only command (``read_only``, the default) opens an SQLite or PostgreSQL store with ``?mode=ro``:
    nothing is created, written or migrated (an SQLite file is not switched to WAL), and what is not an
    npcproc store is refused unchanged.
    """
    from urllib.parse import urlsplit

    from npcproc.store import open_store

    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = Path(parts.path[1:] if parts.path.startswith("/") else parts.path)
        if not path.is_file():
            raise StoreNotFoundError(
                f"--store: no SQLite file at {path} (a command that reads a store never creates one)"
            )
    if read_only and parts.scheme in ("sqlite", "postgresql", "postgres") and "mode=" not in parts.query:
        url = f"{url}{'&' if parts.query else '?'}mode=ro"
    return open_store(url)
