# Over 400 lines: one subject, the Civil Code's periods with the holiday calendar, and the plan in iCalendar.
"""Periods and deadlines under the Civil Code (CC 200-204), working days, and an annual plan as iCalendar.

A period in days or months is counted from the day after it starts (CC 201); a period in
months ends on the corresponding day of the final month, or that month's last day where
there is none (CC 202); and when its last day is a statutory rest day it ends on the next
working day after it (CC 203). Which days are rest days follows the State Council's yearly
notice with its adjusted working weekends 调休, so the calendar is a plugin concern
(``npcproc_holiday_calendar``); :func:`holiday_calendar` returns the one in force. A
calendar refuses a year it has no official data for instead of guessing.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable, Mapping
from importlib.metadata import version
from typing import TYPE_CHECKING, Literal, Protocol, runtime_checkable

import attrs
from dateutil.relativedelta import relativedelta

from npcproc.errors import InvalidArgumentError, NpcprocError, PluginError
from npcproc.rules.decision import Citation

if TYPE_CHECKING:
    import pluggy

__all__ = [
    "CalendarEvent",
    "Deadline",
    "HolidayCalendar",
    "NoHolidayCalendarError",
    "Period",
    "TableCalendar",
    "YearNotCoveredError",
    "add_working_days",
    "annual_plan",
    "deadline",
    "holiday_calendar",
    "period_end",
    "to_ics",
]

CC_201 = Citation(law="CC", article=201, paragraph=1)
CC_202 = Citation(law="CC", article=202)
CC_203 = Citation(law="CC", article=203, paragraph=1)


class YearNotCoveredError(NpcprocError, LookupError):
    """A holiday calendar was asked about a year it has no official data for."""

    def __init__(self, year: int, *, calendar: str, covered: str = "") -> None:
        self.year = year
        self.calendar = calendar
        has = f" (it covers {covered})" if covered else ""
        super().__init__(
            f"the {calendar} holiday calendar has no data for {year}{has}; rest days and adjusted working days "
            "change every year, so they are not guessed. Upgrade the calendar package once the State Council "
            "publishes that year's notice, or install a plugin implementing npcproc_holiday_calendar"
        )


class NoHolidayCalendarError(NpcprocError, LookupError):
    """No installed plugin supplies a holiday calendar."""


@runtime_checkable
class HolidayCalendar(Protocol):
    """Which days are statutory rest days and which are working days, year by year.

    Each method raises :class:`YearNotCoveredError` for a day whose year :meth:`covers` denies.
    """

    def covers(self, day: datetime.date) -> bool:
        """Whether the calendar has official data for ``day``'s year."""
        ...

    def is_workday(self, day: datetime.date) -> bool:
        """True on ordinary working days and adjusted working weekends 调休上班."""
        ...

    def is_rest_day(self, day: datetime.date) -> bool:
        """True on weekends that are not adjusted working days and on statutory holidays 法定休假日."""
        ...


def _years(years: Iterable[int]) -> frozenset[int]:
    return frozenset(years)


def _days(days: Iterable[datetime.date]) -> frozenset[datetime.date]:
    return frozenset(days)


@attrs.frozen(kw_only=True)
class TableCalendar:
    """A :class:`HolidayCalendar` from explicit data, for plugins that carry their own tables.

    ``rest_days`` are the official days off (any weekday, including days off in lieu);
    ``workdays`` the weekend days worked 调休上班; any other Saturday or Sunday is a rest day.
    """

    name: str
    years: frozenset[int] = attrs.field(converter=_years)
    rest_days: frozenset[datetime.date] = attrs.field(converter=_days, repr=False)
    workdays: frozenset[datetime.date] = attrs.field(converter=_days, repr=False)

    def covers(self, day: datetime.date) -> bool:
        return day.year in self.years

    def is_workday(self, day: datetime.date) -> bool:
        if not self.covers(day):
            span = f"{min(self.years)}-{max(self.years)}" if self.years else "no year"
            raise YearNotCoveredError(day.year, calendar=self.name, covered=span)
        if day in self.workdays:
            return True
        return day not in self.rest_days and day.weekday() < 5

    def is_rest_day(self, day: datetime.date) -> bool:
        return not self.is_workday(day)


def holiday_calendar(pm: pluggy.PluginManager | None = None) -> HolidayCalendar:
    """The holiday calendar in force: the first one a plugin supplies (``npcproc_holiday_calendar``).

    Plugins registered later are asked first, so an installed province or operator plugin
    overrides the built-in one, which reads the ``chinesecalendar`` package.
    """
    from npcproc.plugins import _ask_each, _distribution, call_hook, get_plugin_manager

    pm = pm or get_plugin_manager()
    hook = "npcproc_holiday_calendar"
    found = call_hook(pm, hook)  # firstresult: the last-registered plugin that supplies one
    if found is not None:
        if not isinstance(found, HolidayCalendar):
            plugin = next((name for name, answer in _ask_each(pm, hook) if answer is not None), "(unknown plugin)")
            raise PluginError(
                f"returned {found!r}",
                plugin=plugin,
                hook=hook,
                fix="return an object with covers, is_workday and is_rest_day (npcproc.calendar.HolidayCalendar)",
                distribution=_distribution(pm, plugin),
            )
        return found
    raise NoHolidayCalendarError(
        "no plugin supplies a holiday calendar: install the chinesecalendar package (pip install chinesecalendar) "
        "or a plugin implementing npcproc_holiday_calendar"
    )


@attrs.frozen(kw_only=True)
class Deadline:
    """The last day of a period, the day CC 201-202 gave before any CC 203 move, and the articles applied.

    ``provisional``: the holiday calendar has no data for that year; the day may move when the
    State Council publishes it (see :func:`deadline`'s ``uncovered``).
    """

    date: datetime.date
    raw: datetime.date
    citations: tuple[Citation, ...]
    provisional: bool = False

    @property
    def moved(self) -> bool:
        """Whether CC 203 moved the last day off a rest day."""
        return self.date != self.raw


class Period(Protocol):
    """A function giving the last day of a statutory period, as :meth:`npcproc.rules.RuleSet.period` does."""

    def __call__(self, start: datetime.date, *, months: int = 0, days: int = 0) -> Deadline: ...


def deadline(
    start: datetime.date,
    *,
    months: int = 0,
    days: int = 0,
    calendar: HolidayCalendar | None,
    uncovered: Literal["raise", "provisional"] = "raise",
) -> Deadline:
    """The period of ``months`` and ``days`` that starts on ``start``, counted per CC 201-203.

    ``start`` itself is not counted (CC 201): 3 days from 1 March end on 4 March. Months
    end on the corresponding day, or the month's last day where there is none (CC 202):
    31 January + 3 months = 30 April. Months are added before days. With a ``calendar``, a
    last day that is a rest day moves to the next working day (CC 203); with ``None`` it
    does not move. When the calendar lacks the year of a day it must look at, ``uncovered``
    decides: ``"raise"`` raises :class:`YearNotCoveredError`; ``"provisional"`` stops on that
    day (the CC 201-202 day itself when its year is not covered) and marks the result
    ``provisional``: the day may move when the State Council publishes that year's notice.
    """
    _date(start, "start")
    _count(months, "months")
    _count(days, "days")
    if months == 0 and days == 0:
        raise InvalidArgumentError("months", "a period needs at least one month or one day", citation=CC_201)
    raw: datetime.date = start + relativedelta(months=months, days=days)
    citations: tuple[Citation, ...] = (CC_201, CC_202) if months else (CC_201,)
    end = raw
    if uncovered not in ("raise", "provisional"):
        raise InvalidArgumentError("uncovered", f"must be 'raise' or 'provisional', got {uncovered!r}")
    provisional = False
    if calendar is not None:
        while True:
            if uncovered == "provisional" and not calendar.covers(end):
                provisional = True
                break
            if _workday(calendar, end):
                break
            end += datetime.timedelta(days=1)
        if end != raw:
            citations += (CC_203,)
    return Deadline(date=end, raw=raw, citations=citations, provisional=provisional)


def period_end(
    start: datetime.date, *, months: int = 0, days: int = 0, calendar: HolidayCalendar | None
) -> datetime.date:
    """The last day of a period per CC 201-203; see :func:`deadline` for the citations too."""
    return deadline(start, months=months, days=days, calendar=calendar).date


def add_working_days(start: datetime.date, n: int, calendar: HolidayCalendar) -> datetime.date:
    """The ``n``-th working day after ``start`` (``start`` not counted), for rules counted in 工作日.

    Adjusted working weekends count; weekends and holidays do not. ``n=0`` gives ``start``.
    """
    _date(start, "start")
    _count(n, "n")
    day = start
    while n:
        day += datetime.timedelta(days=1)
        n -= _workday(calendar, day)
    return day


def _workday(calendar: HolidayCalendar, day: datetime.date) -> bool:
    # Checked here too, so that a plugin calendar that forgets to raise cannot make us guess.
    if not calendar.covers(day):
        raise YearNotCoveredError(day.year, calendar=getattr(calendar, "name", type(calendar).__name__))
    return calendar.is_workday(day)


def _date(value: object, argument: str) -> None:
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise InvalidArgumentError(argument, f"must be a datetime.date, got {value!r}")


def _count(value: object, argument: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidArgumentError(argument, f"must be a non-negative integer, got {value!r}")


# -- the annual plan ------------------------------------------------------------------------------


def _end_default(self: CalendarEvent) -> datetime.date:
    return self.start


@attrs.frozen(kw_only=True)
class CalendarEvent:
    """An all-day entry of a plan: ``start`` to ``end`` inclusive, with a stable ``uid``."""

    uid: str
    summary: str
    start: datetime.date
    end: datetime.date = attrs.field(default=attrs.Factory(_end_default, takes_self=True))
    description: str = ""
    category: str

    def __attrs_post_init__(self) -> None:
        _date(self.start, "start")
        _date(self.end, "end")
        if self.end < self.start:
            raise InvalidArgumentError("end", f"{self.end} is before start {self.start}")


def annual_plan(
    year: int,
    *,
    congress: str = "",
    sessions: Mapping[str, datetime.date | tuple[datetime.date, datetime.date]] | None = None,
    presidium_every_months: int | None = 3,
    deadlines: Mapping[str, Deadline] | None = None,
    calendar: HolidayCalendar | None = None,
) -> tuple[CalendarEvent, ...]:
    """A congress's year as calendar events, ordered by date (category ``session``, ``presidium``, ``deadline``).

    :param year: the calendar year of the presidium meetings.
    :param congress: the congress's name (``某某镇人民代表大会``); prefixes the presidium meetings
        and keeps UIDs apart between congresses.
    :param sessions: summary -> the session's day, or its first and last day.
    :param presidium_every_months: the presidium meets at least this often (季会制, e.g. ZJ 24,
        CQ 34, HN 5: 3): the first meeting falls on the year's first working day and each next
        no later than this many months after the one before; ``None`` plans none.
    :param deadlines: summary -> a :class:`Deadline`; its citations go in the description.
    :param calendar: keeps presidium meetings on working days; without it they are not moved.
    """
    _count(year, "year")
    plan: list[CalendarEvent] = []
    for summary, when in (sessions or {}).items():
        first, last = when if isinstance(when, tuple) else (when, when)
        plan.append(_event(congress, "session", summary, first, last, ""))
    if presidium_every_months is not None:
        if isinstance(presidium_every_months, bool) or not isinstance(presidium_every_months, int):
            raise InvalidArgumentError("presidium_every_months", f"must be an integer, got {presidium_every_months!r}")
        if presidium_every_months < 1:
            raise InvalidArgumentError("presidium_every_months", "must be at least 1")
        note = f"主席团会议至少每{presidium_every_months}个月举行一次 / the presidium meets at least every "
        note += f"{presidium_every_months} months"
        for day in _presidium_days(year, presidium_every_months, calendar):
            plan.append(_event(congress, "presidium", f"{congress}主席团会议", day, day, note))
    for summary, due in (deadlines or {}).items():
        cited = ", ".join(str(c) for c in due.citations)
        note = f"{cited}" + (f"; {due.raw.isoformat()} is a rest day (CC 203)" if due.moved else "")
        plan.append(_event(congress, "deadline", summary, due.date, due.date, note))
    return tuple(sorted(plan, key=lambda e: (e.start, e.category, e.summary)))


def _presidium_days(year: int, every: int, calendar: HolidayCalendar | None) -> list[datetime.date]:
    # Chained with relativedelta rather than a fixed rrule so that no two meetings are ever
    # more than ``every`` months apart: an rrule from 31 January skips April, and moving a
    # meeting off a holiday must not stretch the gap to the next one.
    day = datetime.date(year, 1, 1)
    if calendar is not None:
        while not _workday(calendar, day):
            day += datetime.timedelta(days=1)
    days = []
    while day.year == year:
        days.append(day)
        latest = day + relativedelta(months=every)
        if calendar is not None and latest.year == year:
            while not _workday(calendar, latest):
                latest -= datetime.timedelta(days=1)
            if latest <= day:
                raise InvalidArgumentError("calendar", f"has no working day in the {every} months after {day}")
        day = latest
    return days


def _event(
    congress: str, category: str, summary: str, first: datetime.date, last: datetime.date, description: str
) -> CalendarEvent:
    key = "\n".join((congress, category, summary, first.isoformat()))
    uid = f"{first:%Y%m%d}-{category}-{hashlib.sha256(key.encode()).hexdigest()[:16]}@npcproc"
    return CalendarEvent(uid=uid, summary=summary, start=first, end=last, description=description, category=category)


# -- iCalendar ------------------------------------------------------------------------------------


def to_ics(events: Iterable[CalendarEvent], *, calendar_name: str, stamp: datetime.datetime | None = None) -> bytes:
    """The events as an iCalendar file (RFC 5545): UTF-8, CRLF, lines folded at 75 octets.

    Every event is all-day (``DTSTART;VALUE=DATE``, ``DTEND`` the day after its last day).
    ``stamp`` is the ``DTSTAMP`` (an aware datetime; default now), fixed for reproducible files.
    """
    stamp = stamp or datetime.datetime.now(datetime.UTC)
    if stamp.tzinfo is None:
        raise InvalidArgumentError("stamp", "must be timezone-aware")
    utc = stamp.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//npcproc//npcproc {version('npcproc')}//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{_text(calendar_name)}",
        f"X-WR-CALNAME:{_text(calendar_name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_text(event.uid)}",
            f"DTSTAMP:{utc}",
            f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.end + datetime.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_text(event.summary)}",
            *([f"DESCRIPTION:{_text(event.description)}"] if event.description else []),
            f"CATEGORIES:{_text(event.category)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return b"".join(_fold(line) for line in lines)


def _text(value: str) -> str:
    """RFC 5545 §3.3.11 TEXT: escape backslash, semicolon, comma and line breaks."""
    bad = [c for c in value if (ord(c) < 32 and c not in "\t\r\n") or ord(c) == 127]
    if bad:
        raise InvalidArgumentError("text", f"control character {bad[0]!r} cannot be written to iCalendar: {value!r}")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _fold(line: str) -> bytes:
    """RFC 5545 §3.1: at most 75 octets a line, continued after CRLF and a space, never inside a character."""
    out, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > 75:
            out.append(current)
            current = b" "
        current += encoded
    out.append(current)
    return b"\r\n".join(out) + b"\r\n"
