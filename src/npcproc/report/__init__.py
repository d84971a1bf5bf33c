"""Reports of a congress year: :func:`read_year` reads a store into a :class:`YearView`;
:func:`render_html` turns it into one self-contained HTML file."""

from npcproc.report.html import render_html
from npcproc.report.year import CongressYear, NothingToReportError, YearView, read_year

__all__ = ["CongressYear", "NothingToReportError", "YearView", "read_year", "render_html"]
