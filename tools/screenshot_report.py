"""Screenshot the HTML report of the sample year in headless Chromium (Debian's package).

    python tools/screenshot_report.py [--out docs/report-screenshot.png] [--lang zh|en] [--html PATH]

Builds the sample year (:mod:`npcproc.report.sample`) in a temporary SQLite file, renders
its 2022 report, opens it in /usr/bin/chromium through Playwright (no browser download:
Playwright drives the system's Chromium) and saves a full-page PNG. The report's browser
test runs :func:`screenshot` too, into a temporary directory.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

CHROMIUM = Path(os.environ.get("NPCPROC_CHROMIUM", "/usr/bin/chromium"))
#: Flags for a headless Chromium that makes no network request of its own.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def sample_report(html: Path, *, lang: str = "zh", year: int = 2022) -> Path:
    """Write the sample year's report to ``html`` and return it."""
    from npcproc.report import read_year, render_html
    from npcproc.report.sample import sample_year
    from npcproc.store.sqlite import SQLiteStore

    with tempfile.TemporaryDirectory() as scratch:
        store = SQLiteStore(str(sample_year(Path(scratch) / "year.db")))
        try:
            view = read_year(store, year=year)
        finally:
            store.close()
    html.write_text(render_html(view, "zh" if lang == "zh" else "en"), encoding="utf-8")
    return html


def screenshot(html: Path, png: Path, *, width: int = 1200) -> Path:
    """Open ``html`` in headless Chromium and save a full-page screenshot to ``png``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(html.resolve().as_uri())
            page.wait_for_load_state("load")
            png.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(png), full_page=True)
        finally:
            browser.close()
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/report-screenshot.png"), help="PNG to write")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the report")
    parser.add_argument("--html", type=Path, help="also keep the report's HTML here")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"no Chromium at {CHROMIUM}: apt-get install chromium", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as scratch:
        html = sample_report(args.html or Path(scratch) / "report.html", lang=args.lang)
        print(f"wrote {screenshot(html, args.out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
