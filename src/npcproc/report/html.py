"""The congress year as one self-contained HTML page: inline CSS, inline SVG charts, one small script.

:func:`render_html` needs nothing but a :class:`~npcproc.report.year.YearView`: no CDN, no
external file, so the page can be mailed, archived or printed as it is. Every text that
comes from the store is escaped. Sections carry stable ids (``timeline``, ``agenda``,
``votes``, ``inquiries``, ``elections``, ``suggestions``, ``supervision``, ``livelihood``,
``presidium``); with several congresses, those of the second and later are prefixed
``c2-``, ``c3-``, ….
"""

from __future__ import annotations

import datetime

from npcproc import __version__
from npcproc.i18n import Lang
from npcproc.report import sections
from npcproc.report.labels import t
from npcproc.report.year import YearView
from npcproc.text import html_safe as escape

__all__ = ["SECTIONS", "render_html"]

#: The ids of the sections of each congress, in page order.
SECTIONS = sections.SECTIONS

_CSS = """
:root { --ok:#2e7d32; --bad:#c62828; --warn:#ef8f00; --muted:#9e9e9e; --s0:#1565c0; --s1:#6a1b9a;
  --s2:#00838f; --s3:#8d6e63; --line:#d0d7de; --bg:#fff; --fg:#1f2328; --soft:#f6f8fa; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
  color:var(--fg); background:var(--bg); }
header.page { padding:24px 32px 12px; border-bottom:3px solid var(--s0); }
header.page h1 { margin:0 0 4px; font-size:26px; }
.meta { color:#57606a; font-size:13px; margin:2px 0; }
.meta code { font-size:12px; }
nav.toc { padding:8px 32px; background:var(--soft); border-bottom:1px solid var(--line);
  position:sticky; top:0; z-index:2; }
nav.toc a { margin-right:14px; color:var(--s0); text-decoration:none; white-space:nowrap; }
main { padding:0 32px 40px; max-width:1100px; }
h2.congress { margin:28px 0 6px; font-size:22px; }
section { margin:22px 0; padding-top:4px; border-top:1px solid var(--line); }
section h3 { font-size:19px; margin:14px 0 8px; }
h4 { font-size:15px; margin:14px 0 6px; }
.cards { display:flex; flex-wrap:wrap; gap:10px; margin:10px 0; }
.card { border:1px solid var(--line); border-radius:8px; padding:8px 14px; min-width:150px; background:var(--soft); }
.card b { display:block; font-size:24px; }
.card.alert b { color:var(--bad); }
table { border-collapse:collapse; width:100%; margin:8px 0 12px; font-size:13.5px; }
th, td { border-bottom:1px solid var(--line); padding:5px 8px; text-align:left; vertical-align:top; }
th { background:var(--soft); font-weight:600; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
.ok { color:var(--ok); } .bad { color:var(--bad); } .warn { color:var(--warn); } .muted { color:var(--muted); }
.tag { display:inline-block; padding:0 6px; border-radius:10px; font-size:12px; border:1px solid currentColor; }
.cite { display:inline-block; font-size:12px; color:#57606a; background:var(--soft); border:1px solid var(--line);
  border-radius:4px; padding:0 4px; margin:1px 2px; white-space:nowrap; }
ul.reasons { margin:6px 0 10px; padding-left:20px; font-size:13.5px; }
ul.reasons li.ok::marker { content:"✓ "; } ul.reasons li.bad::marker { content:"✗ "; }
.matrix td.cell { text-align:center; font-weight:700; }
svg.chart { display:block; max-width:100%; height:auto; margin:6px 0 10px; font-size:12px; }
svg.chart text { fill:var(--fg); } svg.chart text.tick { fill:#57606a; font-size:11px; }
svg .ok { fill:var(--ok); } svg .bad { fill:var(--bad); }
svg .warn { fill:var(--warn); } svg .muted { fill:var(--muted); }
svg .s0 { fill:var(--s0); } svg .s1 { fill:var(--s1); } svg .s2 { fill:var(--s2); } svg .s3 { fill:var(--s3); }
svg .track { fill:var(--soft); stroke:var(--line); } svg .grid { stroke:var(--line); }
svg .lane { stroke:#afb8c1; stroke-width:2; }
.filter { margin:6px 0; } .filter input { font:inherit; padding:3px 8px; width:260px; }
.case, .project-year, .election { border:1px solid var(--line); border-radius:8px; padding:4px 14px 8px;
  margin:10px 0; }
footer { color:#57606a; font-size:12px; padding:16px 32px; border-top:1px solid var(--line); }
@media print {
  nav.toc, .filter { display:none; }
  body { font-size:11pt; } main, header.page, footer { padding-left:0; padding-right:0; }
  section, .case, .project-year, .election, svg.chart, tr { break-inside:avoid; }
  h2.congress { break-before:page; } h2.congress:first-of-type { break-before:auto; }
  a { color:inherit; text-decoration:none; }
  * { -webkit-print-color-adjust:exact; print-color-adjust:exact; }
}
"""

# Filters the rows of a table as one types; a table without a filter box is left alone.
_SCRIPT = """
document.querySelectorAll("input[data-filter]").forEach(function (box) {
  var table = document.getElementById(box.getAttribute("data-filter"));
  if (!table) { return; }
  box.addEventListener("input", function () {
    var wanted = box.value.trim().toLowerCase();
    table.querySelectorAll("tbody tr").forEach(function (row) {
      row.hidden = wanted !== "" && row.textContent.toLowerCase().indexOf(wanted) === -1;
    });
  });
});
"""


def render_html(view: YearView, lang: Lang) -> str:
    """The whole report as one HTML document in ``lang`` ("zh" or "en")."""
    period = str(view.year) if view.year is not None else t("all_years", lang)
    names = "、".join(c.name for c in view.congresses) if lang == "zh" else ", ".join(c.name for c in view.congresses)
    title = f"{t('title', lang)} {period} — {names}"
    body = [
        f'<header class="page"><h1>{escape(title)}</h1>',
        f'<p class="meta">{escape(t("as_of", lang))}: {view.as_of.isoformat()} · {escape(t("records", lang))}: '
        f"{view.records} · {escape(t('head', lang))}: <code>{escape(view.head)}</code></p>",
        f'<p class="meta">{escape(t("generated", lang))} {escape(__version__)} · '
        f"{datetime.date.today().isoformat()}</p></header>",
        _toc(view, lang),
        "<main>",
    ]
    for n, congress in enumerate(view.congresses):
        prefix = "" if n == 0 else f"c{n + 1}-"
        body.append(sections.render_congress(congress, view, lang, prefix))
    body.append("</main>")
    body.append(f"<footer>{escape(t('generated', lang))} {escape(__version__)}</footer>")
    html_lang = "zh-Hans" if lang == "zh" else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head>"
        f"<body>{''.join(body)}<script>{_SCRIPT}</script></body></html>\n"
    )


def _toc(view: YearView, lang: Lang) -> str:
    links = [f'<a href="#{section}">{escape(t(section, lang))}</a>' for section in SECTIONS]
    return f'<nav class="toc" aria-label="{escape(t("contents", lang))}">{"".join(links)}</nav>'
