"""The HTML report in a real headless browser (Debian's chromium): it renders every section and its
charts without a script error, its table filter works, and tools/screenshot_report.py saves a PNG.

Skipped only on a machine without /usr/bin/chromium (or Playwright) when CI is unset; under CI
the missing browser is a failure.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from npcproc.plugins import reset_plugin_manager
from npcproc.report.html import SECTIONS

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _tool():
    spec = importlib.util.spec_from_file_location("screenshot_report", ROOT / "tools" / "screenshot_report.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


tool = _tool()


def _need_browser() -> None:
    missing = []
    if not tool.CHROMIUM.exists():
        missing.append(f"no Chromium at {tool.CHROMIUM} (apt-get install chromium)")
    if importlib.util.find_spec("playwright") is None:
        missing.append("Playwright is not installed (the test dependency group)")
    if missing:
        if os.environ.get("CI"):
            pytest.fail("; ".join(missing) + " — CI must run the browser test")
        pytest.skip("; ".join(missing))


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    _need_browser()
    scratch = tmp_path_factory.mktemp("browser")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NPCPROC_DISABLE_PLUGIN_AUTOLOAD", "1")
        reset_plugin_manager()
        return {lang: tool.sample_report(scratch / f"report-{lang}.html", lang=lang) for lang in ("en", "zh")}


@pytest.fixture(scope="module")
def browser():
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(tool.CHROMIUM), args=tool.CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_report_renders_every_section_and_chart_without_script_errors(browser, reports, lang):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(reports[lang].as_uri())
    page.wait_for_load_state("load")
    for section in SECTIONS:
        located = page.locator(f"section#{section}")
        assert located.count() == 1
        located.scroll_into_view_if_needed()
        assert located.is_visible(), section
        box = located.bounding_box()
        assert box is not None, section
        assert box["height"] > 20, section
    charts = page.locator("svg.chart")
    assert charts.count() >= 10
    for n in range(charts.count()):
        box = charts.nth(n).bounding_box()
        assert box is not None, n
        assert min(box["width"], box["height"]) > 0, n
    for section in ("timeline", "votes", "elections", "suggestions", "supervision", "livelihood"):
        assert page.locator(f"section#{section} svg.chart").count() >= 1, section
    rows = page.locator("#suggestions-table tbody tr")
    total = rows.count()
    page.fill('input[data-filter="suggestions-table"]', "养老")
    visible = [rows.nth(n).is_visible() for n in range(total)]
    assert sum(visible) == 1
    assert total == 5
    assert errors == []
    assert requests == [reports[lang].as_uri()]  # self-contained: nothing else is fetched
    page.close()


def test_the_screenshot_tool_writes_a_full_page_png(tmp_path):
    _need_browser()
    png, html = tmp_path / "docs" / "shot.png", tmp_path / "report.html"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NPCPROC_")} | {
        "NPCPROC_DISABLE_PLUGIN_AUTOLOAD": "1"
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "screenshot_report.py"), "--out", str(png), "--html", str(html)],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert str(png) in done.stdout
    assert 'id="supervision"' in html.read_text(encoding="utf-8")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width == 1200
    assert height > 3000
