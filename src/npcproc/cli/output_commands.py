"""Commands that turn a store into something to read: ``npcproc report``."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import click

from npcproc.cli.options import (
    Options,
    common_options,
    open_existing_store,
    pass_options,
    province_option,
    store_option,
)
from npcproc.store.base import Record

__all__ = ["COMMANDS", "report"]


@click.command("report")
@common_options
@store_option
@click.option("--html", "html_path", metavar="OUT", required=True,
              type=click.Path(dir_okay=False, writable=True, path_type=Path), help="HTML file to write")  # fmt: skip
@click.option("--year", type=click.IntRange(1949, 9999), help="the year to report (default: every year on record)")
@click.option("--congress", "congress_id", metavar="ID", help="only this congress (default: every congress)")
@province_option
@pass_options
def report(
    options: Options, store_url: str, html_path: Path, year: int | None, congress_id: str | None, province: str | None
) -> None:
    """Write a self-contained HTML report of a congress year: sessions, agendas, votes, elections,
    suggestions, supervision loops and livelihood projects, with charts."""
    from npcproc.plugins import load_rules
    from npcproc.report import read_year, render_html

    rules = load_rules(province)
    store = open_existing_store(store_url)
    try:

        def counted(records: Iterable[Record], total: int) -> Iterable[Record]:
            return options.progress(records, total=total, en="reading the store", zh="读取事件库")

        view = read_year(store, year=year, congress_id=congress_id, rules=rules, progress=counted)
    finally:
        store.close()
    html_path.write_text(render_html(view, options.lang), encoding="utf-8")
    count = len(view.congresses)
    options.console.print(
        options.text(
            f"wrote {html_path}: {count} congress(es), {view.records} records read",
            f"已写入{html_path}：代表大会{count}个，读取记录{view.records}条",
        )
    )


COMMANDS = (report,)
