"""Inline SVG charts for the HTML report, drawn in Python: no script, no external file.

Each function returns one ``<svg>`` element sized by its ``viewBox`` (it scales to the
width of its container) with a ``<title>`` for screen readers. Colours come from CSS
classes (``ok``, ``bad``, ``warn``, ``muted``, ``s0``-``s3``) that the report's stylesheet
defines, so charts print and follow the page's theme. Every text is escaped here.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import attrs

from npcproc.text import html_safe as escape

__all__ = ["Bar", "Mark", "Segment", "Step", "bars", "chain", "stacked", "timeline"]


@attrs.frozen
class Segment:
    """A part of a stacked bar: its value, CSS class and label."""

    value: float
    css: str
    label: str


@attrs.frozen
class Bar:
    """One bar of a bar chart; ``css`` colours it, ``note`` is written after its value."""

    label: str
    value: float
    css: str = "s0"
    note: str = ""


@attrs.frozen
class Mark:
    """An event on a timeline lane."""

    on: datetime.date
    label: str
    css: str = "s0"
    big: bool = False


@attrs.frozen
class Step:
    """A step of a supervision link: its label, date or deadline, and state (``ok``, ``bad``, ``muted``)."""

    label: str
    when: str
    css: str


def _svg(width: int, height: int, title: str, body: str, css: str = "chart") -> str:
    return (
        f'<svg class="{css}" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>{body}</svg>'
    )


def _num(value: float) -> str:
    return f"{value:g}"


def stacked(segments: Sequence[Segment], *, title: str, width: int = 640) -> str:
    """One horizontal bar split into ``segments``, with a legend of their labels and values below."""
    total = sum(s.value for s in segments) or 1
    x, parts, legend = 0.0, [], []
    for n, segment in enumerate(segments):
        w = width * segment.value / total
        if w > 0:
            parts.append(
                f'<rect class="{segment.css}" x="{x:.1f}" y="0" width="{w:.1f}" height="22">'
                f"<title>{escape(segment.label)}: {_num(segment.value)}</title></rect>"
            )
        x += w
        lx = (n % 4) * (width / 4)
        ly = 40 + (n // 4) * 18
        legend.append(
            f'<rect class="{segment.css}" x="{lx:.1f}" y="{ly - 10}" width="10" height="10"/>'
            f'<text x="{lx + 14:.1f}" y="{ly}">{escape(segment.label)} {_num(segment.value)}</text>'
        )
    height = 40 + ((len(segments) - 1) // 4 + 1) * 18
    return _svg(width, height, title, "".join(parts + legend))


def bars(items: Sequence[Bar], *, title: str, width: int = 640, maximum: float | None = None,
         unit: str = "") -> str:  # fmt: skip
    """Horizontal bars, one per item, labelled on the left, scaled to ``maximum`` (default the largest)."""
    top = maximum or max((b.value for b in items), default=1) or 1
    label_w, row = 190, 24
    room = width - label_w - 120
    body = []
    for n, item in enumerate(items):
        y = n * row
        w = max(room * item.value / top, 0)
        note = f" {escape(item.note)}" if item.note else ""
        body.append(
            f'<text class="label" x="{label_w - 8}" y="{y + 16}" text-anchor="end">{escape(_clip(item.label))}'
            f"<title>{escape(item.label)}</title></text>"
            f'<rect class="track" x="{label_w}" y="{y + 4}" width="{room}" height="16"/>'
            f'<rect class="{item.css}" x="{label_w}" y="{y + 4}" width="{w:.1f}" height="16"/>'
            f'<text x="{label_w + room + 6}" y="{y + 16}">{_num(item.value)}{escape(unit)}{note}</text>'
        )
    return _svg(width, max(len(items), 1) * row + 4, title, "".join(body))


def _clip(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def timeline(
    lanes: Sequence[tuple[str, Sequence[Mark]]], *, start: datetime.date, end: datetime.date, title: str,
    months: Sequence[str], width: int = 900,
) -> str:  # fmt: skip
    """Lanes of dated marks between ``start`` and ``end``, with a tick at the start of each month.

    ``months`` names the twelve months (January first). A mark outside the period is drawn
    at its edge.
    """
    label_w, lane_h, top = 150, 34, 24
    span = max((end - start).days, 1)
    room = width - label_w - 16

    def x_of(day: datetime.date) -> float:
        offset = min(max((day - start).days, 0), span)
        return label_w + room * offset / span

    body = []
    tick = datetime.date(start.year, start.month, 1)
    while tick <= end:
        if tick >= start:
            x = x_of(tick)
            body.append(
                f'<line class="grid" x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{top + lane_h * len(lanes)}"/>'
            )
            name = months[tick.month - 1] + (f" {tick.year}" if tick.month == 1 else "")
            body.append(f'<text class="tick" x="{x + 3:.1f}" y="{top - 10}">{escape(name)}</text>')
        tick = datetime.date(tick.year + tick.month // 12, tick.month % 12 + 1, 1)
    for n, (lane, marks) in enumerate(lanes):
        y = top + n * lane_h + lane_h / 2
        body.append(f'<text class="label" x="{label_w - 8}" y="{y + 4:.1f}" text-anchor="end">{escape(lane)}</text>')
        body.append(f'<line class="lane" x1="{label_w}" y1="{y:.1f}" x2="{width - 16}" y2="{y:.1f}"/>')
        for mark in marks:
            r = 8 if mark.big else 5
            body.append(
                f'<circle class="{mark.css}" cx="{x_of(mark.on):.1f}" cy="{y:.1f}" r="{r}">'
                f"<title>{mark.on.isoformat()} {escape(mark.label)}</title></circle>"
            )
    return _svg(width, top + lane_h * max(len(lanes), 1) + 6, title, "".join(body))


def chain(steps: Sequence[Step], *, title: str, width: int = 640) -> str:
    """A supervision link's steps as a row of circles joined by a line, each with its label and date."""
    count = max(len(steps), 1)
    gap = width / count
    body = [f'<line class="lane" x1="{gap / 2:.1f}" y1="16" x2="{width - gap / 2:.1f}" y2="16"/>'] if count > 1 else []
    for n, step in enumerate(steps):
        x = gap * n + gap / 2
        body.append(
            f'<circle class="{step.css}" cx="{x:.1f}" cy="16" r="10"><title>{escape(step.label)}</title></circle>'
            f'<text x="{x:.1f}" y="44" text-anchor="middle">{escape(_clip(step.label, 14))}</text>'
            f'<text class="tick" x="{x:.1f}" y="60" text-anchor="middle">{escape(step.when)}</text>'
        )
    return _svg(width, 66, title, "".join(body))
