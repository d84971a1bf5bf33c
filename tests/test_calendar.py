"""Periods under CC 201-203, the holiday calendar plugin, working days, the annual plan and its .ics file."""

from __future__ import annotations

import datetime
import itertools
import sys
from datetime import date, timedelta

import attrs
import chinese_calendar
import icalendar
import pluggy
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given
from hypothesis import strategies as st

from npcproc import hookspecs, plugins, statute
from npcproc.builtin import holidays as builtin_holidays
from npcproc.calendar import (
    CalendarEvent,
    Deadline,
    HolidayCalendar,
    NoHolidayCalendarError,
    TableCalendar,
    YearNotCoveredError,
    add_working_days,
    annual_plan,
    deadline,
    holiday_calendar,
    period_end,
    to_ics,
)
from npcproc.errors import InvalidArgumentError, NpcprocError, PluginError
from npcproc.hookspecs import hookimpl
from npcproc.rules import Citation

CC_201, CC_202, CC_203 = Citation.parse("CC 201 ¶1"), Citation.parse("CC 202"), Citation.parse("CC 203 ¶1")
CAL = builtin_holidays._chinesecalendar()

# The State Council's notices (国务院办公厅关于…部分节假日安排的通知) as published, independent of the
# package: each year's runs of days off, and the weekend days worked 调休上班.
OFFICIAL = {
    2024: (  # 国办发明电〔2023〕7号
        "01-01..01-01 02-10..02-17 04-04..04-06 05-01..05-05 06-10..06-10 09-15..09-17 10-01..10-07",
        "02-04 02-18 04-07 04-28 05-11 09-14 09-29 10-12",
    ),
    2025: (  # 国办发明电〔2024〕12号
        "01-01..01-01 01-28..02-04 04-04..04-06 05-01..05-05 05-31..06-02 10-01..10-08",
        "01-26 02-08 04-27 09-28 10-11",
    ),
    2026: (  # 国办发明电〔2025〕7号
        "01-01..01-03 02-15..02-23 04-04..04-06 05-01..05-05 06-19..06-21 09-25..09-27 10-01..10-07",
        "01-04 02-14 02-28 05-09 09-20 10-10",
    ),
}


def d(year: int, month_day: str) -> date:
    return date.fromisoformat(f"{year}-{month_day}")


def days_between(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


# -- CC 201-202 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 31), 3, date(2025, 4, 30)),  # no 31 April: the month's last day
        (date(2028, 2, 29), 6, date(2028, 8, 29)),  # leap day: the corresponding day
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),  # into a leap February
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2025, 3, 15), 3, date(2025, 6, 15)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
    ],
)
def test_months_end_on_the_corresponding_day_or_the_month_end(start, months, expected):
    result = deadline(start, months=months, calendar=None)
    assert result == Deadline(date=expected, raw=expected, citations=(CC_201, CC_202))
    assert period_end(start, months=months, calendar=None) == expected


def test_the_start_day_is_not_counted():
    assert period_end(date(2025, 3, 1), days=3, calendar=None) == date(2025, 3, 4)
    assert period_end(date(2025, 12, 31), days=1, calendar=None) == date(2026, 1, 1)
    assert deadline(date(2025, 3, 1), days=3, calendar=None).citations == (CC_201,)


def test_months_are_added_before_days():
    assert period_end(date(2025, 1, 31), months=1, days=1, calendar=None) == date(2025, 3, 1)


def test_without_a_calendar_it_agrees_with_the_statute_reply_deadline():
    for start in days_between(date(2024, 1, 1), date(2025, 12, 31)):
        assert period_end(start, months=3, calendar=None) == statute.suggestion_reply_deadline(start)
        assert period_end(start, months=6, calendar=None) == statute.suggestion_reply_deadline(start, complex=True)


def test_cited_articles_exist_in_the_shipped_law_data():
    assert "开始的当日不计入" in CC_201.text()
    assert "月末日为期间的最后一日" in CC_202.text()
    assert "法定休假日结束的次日" in CC_203.text()
    for citation in deadline(date(2025, 7, 1), months=3, calendar=CAL).citations:
        assert citation.text()


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"start": datetime.datetime(2025, 1, 1, 9), "months": 1}, "start"),
        ({"start": "2025-01-01", "months": 1}, "start"),
        ({"start": date(2025, 1, 1), "months": -1}, "months"),
        ({"start": date(2025, 1, 1), "days": -1}, "days"),
        ({"start": date(2025, 1, 1), "months": True}, "months"),
        ({"start": date(2025, 1, 1)}, "months"),
    ],
)
def test_impossible_periods_are_refused(kwargs, argument):
    with pytest.raises(InvalidArgumentError) as caught:
        deadline(**kwargs, calendar=None)
    assert caught.value.argument == argument


# -- CC 203 on the official calendar --------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "raw", "expected"),
    [
        # 2025 Spring Festival: off 28 Jan-4 Feb; Sun 26 Jan and Sat 8 Feb worked.
        (date(2024, 10, 28), 3, date(2025, 1, 28), date(2025, 2, 5)),
        (date(2024, 11, 1), 3, date(2025, 2, 1), date(2025, 2, 5)),
        (date(2024, 11, 4), 3, date(2025, 2, 4), date(2025, 2, 5)),
        (date(2024, 10, 26), 3, date(2025, 1, 26), date(2025, 1, 26)),  # adjusted working Sunday: stays
        (date(2024, 11, 8), 3, date(2025, 2, 8), date(2025, 2, 8)),  # adjusted working Saturday: stays
        (date(2024, 11, 9), 3, date(2025, 2, 9), date(2025, 2, 10)),  # ordinary Sunday after it
        # 2025 National Day and Mid-Autumn: off 1-8 Oct; Sun 28 Sep and Sat 11 Oct worked.
        (date(2025, 7, 1), 3, date(2025, 10, 1), date(2025, 10, 9)),
        (date(2025, 4, 8), 6, date(2025, 10, 8), date(2025, 10, 9)),
        (date(2025, 6, 28), 3, date(2025, 9, 28), date(2025, 9, 28)),
        (date(2025, 7, 11), 3, date(2025, 10, 11), date(2025, 10, 11)),
        (date(2025, 7, 12), 3, date(2025, 10, 12), date(2025, 10, 13)),
        # 2024 Spring Festival: off 10-17 Feb, and the day after is Sun 18 Feb, a working day.
        (date(2023, 11, 10), 3, date(2024, 2, 10), date(2024, 2, 18)),
        # 2026 Spring Festival: off 15-23 Feb.
        (date(2025, 11, 15), 3, date(2026, 2, 15), date(2026, 2, 24)),
        # An ordinary weekend moves to Monday.
        (date(2024, 12, 15), 3, date(2025, 3, 15), date(2025, 3, 17)),
        (date(2024, 12, 16), 3, date(2025, 3, 16), date(2025, 3, 17)),
    ],
)
def test_a_last_day_on_a_rest_day_moves_to_the_next_working_day(start, months, raw, expected):
    result = deadline(start, months=months, calendar=CAL)
    assert (result.raw, result.date) == (raw, expected)
    assert result.moved == (raw != expected)
    assert result.citations == ((CC_201, CC_202, CC_203) if result.moved else (CC_201, CC_202))


def test_a_period_in_days_moves_too():
    assert deadline(date(2025, 9, 26), days=5, calendar=CAL) == Deadline(
        date=date(2025, 10, 9), raw=date(2025, 10, 1), citations=(CC_201, CC_203)
    )


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_the_builtin_calendar_matches_the_state_council_notices(year):
    runs = [run.split("..") for run in OFFICIAL[year][0].split()]
    worked = OFFICIAL[year][1].split()
    for first, last in runs:
        for day in days_between(d(year, first), d(year, last)):
            assert CAL.is_rest_day(day), day
            assert not CAL.is_workday(day), day
        after = d(year, last) + timedelta(days=1)
        assert CAL.is_workday(after), after
    for day in (d(year, md) for md in worked):
        assert day.weekday() >= 5, day
        assert CAL.is_workday(day), day
        assert not CAL.is_rest_day(day), day
    assert {day for day in CAL.workdays if day.year == year} == {d(year, md) for md in worked}
    official_off = {day for first, last in runs for day in days_between(d(year, first), d(year, last))}
    for day in days_between(date(year, 1, 1), date(year, 12, 31)):
        expected = day in official_off or (day.weekday() >= 5 and day.strftime("%m-%d") not in worked)
        assert CAL.is_rest_day(day) == expected, day


def test_the_builtin_calendar_agrees_with_the_package_on_every_covered_day():
    first, last = date(min(CAL.years), 1, 1), date(max(CAL.years), 12, 31)
    assert first.year <= 2004
    assert last.year >= 2026
    for day in days_between(first, last):
        assert CAL.is_workday(day) == chinese_calendar.is_workday(day), day


def test_an_uncovered_year_is_refused_not_guessed():
    year = max(CAL.years) + 1
    assert not CAL.covers(date(year, 3, 1))
    with pytest.raises(YearNotCoveredError) as caught:
        CAL.is_workday(date(year, 3, 1))
    assert isinstance(caught.value, NpcprocError)
    assert isinstance(caught.value, LookupError)
    assert caught.value.year == year
    assert f"{min(CAL.years)}-{max(CAL.years)}" in str(caught.value)
    with pytest.raises(YearNotCoveredError):
        period_end(date(year, 1, 10), months=2, calendar=CAL)
    with pytest.raises(YearNotCoveredError):
        add_working_days(date(year - 1, 12, 30), 5, CAL)
    assert period_end(date(year, 1, 10), months=2, calendar=None) == date(year, 3, 10)


def test_moving_past_the_end_of_the_data_is_refused():
    one_year = TableCalendar(name="test", years={2030}, rest_days={date(2030, 12, 31)}, workdays=())
    with pytest.raises(YearNotCoveredError):
        period_end(date(2030, 12, 1), days=30, calendar=one_year)


def test_a_plugin_calendar_that_forgets_to_refuse_a_year_is_still_refused():
    class Lenient:
        def covers(self, day):
            return day.year == 2030

        def is_workday(self, day):
            return True

        def is_rest_day(self, day):
            return False

    assert isinstance(Lenient(), HolidayCalendar)
    assert period_end(date(2030, 1, 1), months=1, calendar=Lenient()) == date(2030, 2, 1)
    with pytest.raises(YearNotCoveredError, match="Lenient"):
        period_end(date(2030, 12, 1), months=1, calendar=Lenient())


# -- properties -----------------------------------------------------------------------------------

starts = st.dates(min_value=date(2004, 1, 1), max_value=date(2025, 6, 30))
periods = st.tuples(st.integers(0, 12), st.integers(0, 120)).filter(lambda p: p != (0, 0))


@given(start=starts, period=periods)
def test_period_end_is_the_first_working_day_on_or_after_the_cc_202_date(start, period):
    months, days = period
    raw = start + relativedelta(months=months, days=days)
    end = period_end(start, months=months, days=days, calendar=CAL)
    assert end >= raw
    assert CAL.is_workday(end)
    assert all(CAL.is_rest_day(day) for day in days_between(raw, end - timedelta(days=1)))


@given(first=starts, second=starts, period=periods)
def test_period_end_is_monotone_in_the_start_date(first, second, period):
    first, second = sorted((first, second))
    months, days = period
    assert period_end(first, months=months, days=days, calendar=CAL) <= period_end(
        second, months=months, days=days, calendar=CAL
    )


@given(start=st.dates(date(2004, 1, 1), date(2024, 6, 30)), fewer=st.integers(1, 24), more=st.integers(1, 24))
def test_more_months_never_end_earlier(start, fewer, more):
    fewer, more = sorted((fewer, more))
    assert period_end(start, months=fewer, calendar=CAL) <= period_end(start, months=more, calendar=CAL)
    assert period_end(start, months=fewer, calendar=None) <= period_end(start, months=more, calendar=None)


@given(start=starts, n=st.integers(0, 60))
def test_add_working_days_counts_only_working_days(start, n):
    end = add_working_days(start, n, CAL)
    counted = [day for day in days_between(start + timedelta(days=1), end) if CAL.is_workday(day)]
    assert len(counted) == n
    assert n == 0 or CAL.is_workday(end)


def test_add_working_days_across_the_2025_spring_festival():
    # Fri 24 Jan; then Sun 26 Jan (worked), Mon 27 Jan, off until Tue 4 Feb, Wed 5 Feb ...
    assert add_working_days(date(2025, 1, 24), 1, CAL) == date(2025, 1, 26)
    assert add_working_days(date(2025, 1, 24), 2, CAL) == date(2025, 1, 27)
    assert add_working_days(date(2025, 1, 24), 3, CAL) == date(2025, 2, 5)
    assert add_working_days(date(2025, 1, 24), 5, CAL) == date(2025, 2, 7)
    assert add_working_days(date(2025, 1, 24), 6, CAL) == date(2025, 2, 8)  # worked Saturday
    assert add_working_days(date(2025, 1, 24), 0, CAL) == date(2025, 1, 24)
    with pytest.raises(InvalidArgumentError):
        add_working_days(date(2025, 1, 24), -1, CAL)


# -- the plugin hook ------------------------------------------------------------------------------


def _manager(*extra: object) -> pluggy.PluginManager:
    pm = plugins.PluginManager()
    pm.add_hookspecs(hookspecs)
    pm.register(builtin_holidays, name="npcproc.builtin.holidays")
    for i, plugin in enumerate(extra):
        pm.register(plugin, name=f"extra{i}")
    return pm


def test_the_builtin_plugin_supplies_the_chinesecalendar_calendar():
    calendar = holiday_calendar(_manager())
    assert calendar is CAL
    assert calendar.name == f"chinesecalendar {chinese_calendar.__version__}"
    assert {2024, 2025, 2026} <= calendar.years


def test_a_later_plugin_overrides_the_builtin_calendar():
    mine = TableCalendar(name="operator", years={2027}, rest_days={date(2027, 10, 1)}, workdays=())

    class Operator:
        @hookimpl
        def npcproc_holiday_calendar(self):
            return mine

    class Abstains:
        @hookimpl
        def npcproc_holiday_calendar(self):
            return None

    assert holiday_calendar(_manager(Operator(), Abstains())) is mine


def test_a_plugin_returning_something_else_is_named():
    class Broken:
        @hookimpl
        def npcproc_holiday_calendar(self):
            return {"2025-10-01": "rest"}

    with pytest.raises(PluginError) as caught:
        holiday_calendar(_manager(Broken()))
    assert caught.value.plugin == "extra0"
    assert caught.value.hook == "npcproc_holiday_calendar"


def test_without_the_package_the_builtin_abstains_and_the_error_names_the_fix(monkeypatch):
    builtin_holidays._chinesecalendar.cache_clear()
    monkeypatch.setitem(sys.modules, "chinese_calendar", None)
    try:
        assert builtin_holidays.npcproc_holiday_calendar() is None
        with pytest.raises(NoHolidayCalendarError, match="pip install chinesecalendar"):
            holiday_calendar(_manager())
    finally:
        builtin_holidays._chinesecalendar.cache_clear()


def test_the_process_wide_manager_supplies_the_calendar():
    assert "npcproc.builtin.holidays" in plugins.BUILTIN_PLUGINS
    plugins.reset_plugin_manager()
    try:
        assert holiday_calendar() == CAL
    finally:
        plugins.reset_plugin_manager()


# -- the annual plan ------------------------------------------------------------------------------


@given(year=st.integers(2004, 2026), every=st.integers(1, 6), use_calendar=st.booleans())
def test_presidium_meetings_are_never_more_than_the_interval_apart(year, every, use_calendar):
    calendar = CAL if use_calendar else None
    meetings = [e.start for e in annual_plan(year, presidium_every_months=every, calendar=calendar)]
    assert all(e.year == year for e in meetings)
    assert meetings[0] <= date(year, 1, 1) + relativedelta(months=every)
    for earlier, later in itertools.pairwise(meetings):
        assert earlier < later <= earlier + relativedelta(months=every)
    assert meetings[-1] + relativedelta(months=every) > date(year, 12, 31)
    if use_calendar:
        assert all(CAL.is_workday(day) for day in meetings)


def test_quarterly_meetings_without_a_calendar():
    plan = annual_plan(2025)
    assert [e.start for e in plan] == [date(2025, 1, 1), date(2025, 4, 1), date(2025, 7, 1), date(2025, 10, 1)]
    assert {e.category for e in plan} == {"presidium"}


def test_meetings_step_back_off_the_national_day_holiday():
    starts = [e.start for e in annual_plan(2025, calendar=CAL)]
    assert starts == [date(2025, 1, 2), date(2025, 4, 2), date(2025, 7, 2), date(2025, 9, 30), date(2025, 12, 30)]


def test_the_plan_holds_sessions_presidium_meetings_and_deadlines_in_date_order():
    reply = deadline(date(2025, 7, 1), months=3, calendar=CAL)
    plan = annual_plan(
        2025,
        congress="某镇人民代表大会",
        sessions={
            "第十八届第五次会议": (date(2025, 2, 20), date(2025, 2, 21)),
            "第十八届第六次会议": date(2025, 12, 26),
        },
        deadlines={"代表建议答复期限": reply},
        presidium_every_months=None,
    )
    assert [(e.category, e.summary, e.start, e.end) for e in plan] == [
        ("session", "第十八届第五次会议", date(2025, 2, 20), date(2025, 2, 21)),
        ("deadline", "代表建议答复期限", date(2025, 10, 9), date(2025, 10, 9)),
        ("session", "第十八届第六次会议", date(2025, 12, 26), date(2025, 12, 26)),
    ]
    assert "CC 203 ¶1" in plan[1].description
    assert "2025-10-01" in plan[1].description
    assert annual_plan(2025, congress="某镇人民代表大会")[0].summary == "某镇人民代表大会主席团会议"


def test_uids_are_unique_stable_and_differ_between_congresses():
    one = annual_plan(2025, congress="甲镇人民代表大会", sessions={"会议": date(2025, 2, 20)}, calendar=CAL)
    assert one == annual_plan(2025, congress="甲镇人民代表大会", sessions={"会议": date(2025, 2, 20)}, calendar=CAL)
    assert len({e.uid for e in one}) == len(one)
    other = annual_plan(2025, congress="乙镇人民代表大会", sessions={"会议": date(2025, 2, 20)}, calendar=CAL)
    assert not {e.uid for e in one} & {e.uid for e in other}


def test_bad_plans_are_refused():
    with pytest.raises(InvalidArgumentError):
        annual_plan(2025, presidium_every_months=0)
    with pytest.raises(InvalidArgumentError):
        CalendarEvent(uid="x", summary="x", start=date(2025, 2, 2), end=date(2025, 2, 1), category="session")
    with pytest.raises(YearNotCoveredError):
        annual_plan(max(CAL.years) + 1, calendar=CAL)


# -- iCalendar ------------------------------------------------------------------------------------

STAMP = datetime.datetime(2025, 11, 22, 8, 30, tzinfo=datetime.UTC)
text = st.text(
    alphabet=st.one_of(
        st.characters(categories=("L", "N", "P", "S")),
        st.sampled_from(",;:\\\n\t \"'，；：、。代表大会主席团"),
    ),
    max_size=120,
)
events = st.builds(
    CalendarEvent,
    uid=st.text(st.characters(categories=("L", "N"), include_characters="-@.,;\\"), min_size=1, max_size=60),
    summary=text.filter(lambda s: s.strip() == s and s),
    start=st.dates(date(2000, 1, 1), date(2099, 12, 1)),
    description=text.filter(lambda s: s.strip() == s),
    category=st.sampled_from(["session", "presidium", "deadline", "会议,特别;类"]),
).map(lambda e: attrs.evolve(e, end=e.start + timedelta(days=len(e.summary) % 3)))


def _round_trip(plan, name="某镇人民代表大会 2025 年度工作计划，含会议；期限"):
    data = to_ics(plan, calendar_name=name, stamp=STAMP)
    parsed = icalendar.Calendar.from_ical(data)
    return data, parsed, parsed.walk("VEVENT")


def _assert_same(event: CalendarEvent, vevent) -> None:
    assert str(vevent["UID"]) == event.uid
    assert str(vevent["SUMMARY"]) == event.summary
    assert str(vevent.get("DESCRIPTION", "")) == event.description
    assert [str(c) for c in vevent["CATEGORIES"].cats] == [event.category]
    assert vevent["DTSTART"].dt == event.start
    assert vevent["DTEND"].dt == event.end + timedelta(days=1)
    assert type(vevent["DTSTART"].dt) is date
    assert type(vevent["DTEND"].dt) is date
    assert vevent["DTSTART"].params["VALUE"] == "DATE"
    assert vevent["DTSTAMP"].dt == STAMP


def _assert_well_formed(data: bytes) -> None:
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    for line in data.split(b"\r\n")[:-1]:
        assert len(line) <= 75, line
        line.decode("utf-8")  # never folded inside a character


@given(plan=st.lists(events, max_size=5))
@example(
    plan=[
        CalendarEvent(
            uid="a\\n,b;c",
            summary="目录 C:\\new\\table；x,y;z\\",
            start=date(2025, 1, 2),
            description="第一行\n第二行\\n第三行,\\,\\;",
            category="a\\b",
        )
    ]
)
def test_ics_round_trips_through_icalendar(plan):
    data, parsed, vevents = _round_trip(plan)
    _assert_well_formed(data)
    assert str(parsed["X-WR-CALNAME"]) == "某镇人民代表大会 2025 年度工作计划，含会议；期限"
    assert len(vevents) == len(plan)
    for event, vevent in zip(plan, vevents, strict=True):
        _assert_same(event, vevent)


def test_ics_of_an_annual_plan_with_long_chinese_text():
    summary = "某某县某某镇第十八届人民代表大会第五次会议（听取和审议政府工作报告，选举镇长、副镇长；审查预算）"
    assert len(summary.encode()) > 75
    plan = annual_plan(
        2025,
        congress="某某县某某镇人民代表大会",
        sessions={summary: (date(2025, 2, 20), date(2025, 2, 21))},
        deadlines={"代表建议答复期限，第1号；“议案”\\附件\n第二行": deadline(date(2025, 7, 1), months=3, calendar=CAL)},
        calendar=CAL,
    )
    data, _parsed, vevents = _round_trip(plan)
    _assert_well_formed(data)
    assert b"\r\n " in data  # something was folded
    assert b"DTSTART;VALUE=DATE:20250220\r\nDTEND;VALUE=DATE:20250222\r\n" in data
    assert b"CC 201 \xc2\xb61\\, CC 202\\, CC 203 \xc2\xb61\\;" in data
    assert [str(v["SUMMARY"]) for v in vevents] == [e.summary for e in plan]
    for event, vevent in zip(plan, vevents, strict=True):
        _assert_same(event, vevent)


def test_folding_splits_at_75_octets_exactly():
    event = CalendarEvent(uid="u", summary="a" * 67 + "中" * 10, start=date(2025, 1, 2), category="session")
    lines = to_ics([event], calendar_name="c", stamp=STAMP).split(b"\r\n")
    summary = next(i for i, line in enumerate(lines) if line.startswith(b"SUMMARY:"))
    assert len(lines[summary]) == 75  # "SUMMARY:" + 67 ASCII
    assert lines[summary + 1] == b" " + ("中" * 10).encode()


def test_ics_refuses_what_it_cannot_write():
    event = CalendarEvent(uid="u", summary="bell\x07", start=date(2025, 1, 2), category="session")
    with pytest.raises(InvalidArgumentError):
        to_ics([event], calendar_name="c", stamp=STAMP)
    with pytest.raises(InvalidArgumentError):
        to_ics([], calendar_name="c", stamp=datetime.datetime(2025, 1, 1, 9))
    assert to_ics([], calendar_name="c").startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
