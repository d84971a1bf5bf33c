"""The default holiday calendar, from the ``chinesecalendar`` package, as a plugin.

The package encodes each year's State Council notice on public holidays: the days off
(including days off in lieu) and the weekend days worked 调休上班. It raises for a year
it has no notice for, and so does the calendar built from it. It is imported only when a
calendar is first asked for, so ``import npcproc`` stays cheap.
"""

from __future__ import annotations

import functools

from npcproc.calendar import HolidayCalendar, TableCalendar
from npcproc.hookspecs import hookimpl

__all__ = ["npcproc_holiday_calendar"]


@hookimpl
def npcproc_holiday_calendar() -> HolidayCalendar | None:
    try:
        return _chinesecalendar()
    except ImportError:
        return None  # not installed: leave it to another plugin, or to the error naming the fix


@functools.cache
def _chinesecalendar() -> TableCalendar:
    import chinese_calendar  # type: ignore[import-untyped]  # the package ships no type information

    # The package supports every year from its first to its last notice (chinese_calendar.utils._validate_date).
    years: set[int] = {day.year for day in chinese_calendar.holidays}
    return TableCalendar(
        name=f"chinesecalendar {chinese_calendar.__version__}",
        years=frozenset(range(min(years), max(years) + 1)),
        rest_days=frozenset(chinese_calendar.holidays),
        workdays=frozenset(chinese_calendar.workdays),
    )
