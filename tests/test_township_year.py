"""One township congress's year, written to SQLite and read back: sessions, presidium meetings,
suggestions, a supervision chain, a livelihood vote, and the year's calendar as .ics."""

from __future__ import annotations

import datetime

import icalendar

from npcproc.calendar import annual_plan, deadline, holiday_calendar, to_ics
from npcproc.model import Congress, Level
from npcproc.model.session import AgendaItem, AgendaItemKind, SessionStatus
from npcproc.model.suggestion import Rating, ReplyCategory, SuggestionStatus
from npcproc.plugins import create_plugin_manager
from npcproc.procedures import Congresses, Livelihood, PresidiumMeetings, Sessions, Suggestions, Supervision
from npcproc.procedures.livelihood.events import ProjectSource, ReviewBody, SatisfactionCount
from npcproc.procedures.supervision.commands import link
from npcproc.procedures.supervision.events import LinkKind, Step
from npcproc.store.sqlite import SQLiteStore
from npcproc.testing import prepare

D = datetime.date
K = AgendaItemKind
DEPUTIES = {f"d{n:02}": f"代表{n}" for n in range(1, 61)}
EVERYONE = list(DEPUTIES)


def hold_session(sessions: Sessions, session_id: str, day: D, kinds: list[AgendaItemKind]) -> None:
    sessions.plan(session_id, congress_id="qx", opens_on=day)
    sessions.give_notice(
        session_id, on=day - datetime.timedelta(days=10), materials_on=day - datetime.timedelta(days=2)
    )
    agenda = [AgendaItem(id=f"{session_id}-{kind.value}", kind=kind, title=kind.value) for kind in kinds]
    prepare(sessions, session_id, on=day, presidium=EVERYONE[:9], agenda=agenda)
    sessions.open(session_id, on=day, present=EVERYONE[:56])


def test_a_township_year_read_back_from_sqlite(tmp_path):
    path = str(tmp_path / "year.db")
    store = SQLiteStore(path)
    congresses = Congresses(store)
    congresses.establish(Congress(id="qx", name="青溪镇人民代表大会", level=Level.TOWNSHIP, division_code="330110001",
                                  population=30_000, deputy_quota=65))  # fmt: skip
    congresses.begin_term("qx", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("qx", DEPUTIES, term=1, on=D(2022, 1, 6))
    sessions = Sessions(store)

    early, mid = D(2022, 1, 6), D(2022, 7, 7)
    hold_session(sessions, "2022-1", early, [K.GOVERNMENT_REPORT, K.PRESIDIUM_REPORT, K.BUDGET, K.CONSTRUCTION_PLAN,
                                             K.CIVIL_AFFAIRS_PLAN, K.LIVELIHOOD_VOTE])  # fmt: skip
    livelihood = Livelihood(store)
    livelihood.open_collection("qx", 2022, on=D(2021, 11, 25))
    for n, title in enumerate(["村道硬化", "老年食堂", "农贸市场改造", "路灯增设", "污水管网"], start=1):
        livelihood.propose("qx", 2022, f"p{n}", title=title, source=ProjectSource.PUBLIC, on=D(2021, 11, 30))
        livelihood.review("qx", 2022, f"p{n}", accepted=True, by=ReviewBody.PRESIDIUM, on=D(2021, 12, 10))
    livelihood.list_candidates("qx", 2022, quota=3, on=D(2021, 12, 20))
    vote = livelihood.vote("qx", 2022, session_id="2022-1", on=early, ballots_issued=56,
                           votes={"p1": 50, "p2": 44, "p3": 40, "p4": 20, "p5": 10})  # fmt: skip
    assert vote.chosen == ("p1", "p2", "p3")
    sessions.close("2022-1", on=early)

    presidium = PresidiumMeetings(store)
    for n, day in enumerate([D(2022, 3, 10), D(2022, 6, 9), D(2022, 9, 8), D(2022, 12, 8)], start=1):
        assert presidium.hold_meeting("qx", f"pm{n}", on=day, present=EVERYONE[:7])
    assert presidium.frequency_check("qx", 2022)

    suggestions = Suggestions(store)
    for n in range(1, 21):
        suggestions.submit("qx", f"s{n:02}", deputies=[EVERYONE[n]], subject=f"建议{n}", content="内容", on=early)
        suggestions.refer("qx", f"s{n:02}", unit="镇政府", on=D(2022, 1, 31))
    for n in range(1, 21):
        suggestions.reply("qx", f"s{n:02}", on=D(2022, 4, 1), category=ReplyCategory.RESOLVED)
        suggestions.rate("qx", f"s{n:02}", on=D(2022, 4, 8), rating=Rating.DISSATISFIED if n == 7 else Rating.SATISFIED)
    suggestions.reply("qx", "s07", on=D(2022, 6, 1), category=ReplyCategory.IN_PLAN)
    suggestions.rate("qx", "s07", on=D(2022, 6, 8), rating=Rating.BASICALLY_SATISFIED)

    supervision = Supervision(store)
    chain = [link(LinkKind.INSPECTION, "镇政府"), link(LinkKind.WORK_REVIEW, "镇政府"),
             link(LinkKind.LAW_ENFORCEMENT, "镇政府", rated=True)]  # fmt: skip
    supervision.open_case("c1", congress_id="qx", subject="农村饮水安全", links=chain)
    supervision.record("c1", 0, Step.HELD, congress_id="qx", on=D(2022, 4, 12))
    supervision.record("c1", 0, Step.REFERRED, congress_id="qx", on=D(2022, 4, 20), due=D(2022, 6, 20))
    supervision.record("c1", 0, Step.RECTIFIED, congress_id="qx", on=D(2022, 6, 15))
    supervision.record("c1", 1, Step.HELD, congress_id="qx", on=D(2022, 8, 1))
    supervision.rate("c1", 1, congress_id="qx", on=D(2022, 8, 1), satisfied=40, raters=55)
    for step, day in ((Step.HELD, D(2022, 9, 5)), (Step.REPORTED, D(2022, 9, 20))):
        supervision.record("c1", 2, step, congress_id="qx", on=day)
    supervision.record("c1", 2, Step.REFERRED, congress_id="qx", on=D(2022, 9, 25), due=D(2022, 11, 25))
    supervision.record("c1", 2, Step.RECTIFIED, congress_id="qx", on=D(2022, 11, 20))
    assert not supervision.state("c1", congress_id="qx").closed
    supervision.rate("c1", 2, congress_id="qx", on=D(2022, 12, 1), satisfied=45, raters=55)

    for on, percent in ((D(2022, 4, 30), 30), (D(2022, 8, 31), 70), (D(2022, 11, 30), 100)):
        livelihood.report_progress("qx", 2022, "p1", on=on, percent=percent)
    livelihood.visit("qx", 2022, "p1", on=D(2022, 9, 15), group="第一代表小组", deputies=EVERYONE[20:23],
                     findings="道路已基本完工")  # fmt: skip
    hold_session(sessions, "2022-2", mid, [K.GOVERNMENT_REPORT, K.BUDGET_EXECUTION, K.FINAL_ACCOUNTS,
                                           K.SUGGESTION_HANDLING_REPORT])  # fmt: skip
    sessions.close("2022-2", on=mid)
    rating = SatisfactionCount(satisfied=40, basically_satisfied=10, dissatisfied=5)
    evaluation = livelihood.evaluate("qx", 2022, on=D(2022, 12, 20), ratings=dict.fromkeys(vote.chosen, rating))
    assert evaluation
    store.close()

    again = SQLiteStore(path)
    assert again.verify().ok
    sessions, suggestions = Sessions(again), Suggestions(again)
    assert [s.status for s in sessions.of_congress("qx")] == [SessionStatus.CLOSED] * 2
    assert sessions.year_check("qx", 2022)
    assert len(PresidiumMeetings(again).state("qx").dates()) == 4
    ledger = suggestions.ledger("qx")
    assert len(ledger) == 20
    assert all(s.status is SuggestionStatus.CLOSED for s in ledger.values())
    assert [r.rating for r in ledger["s07"].ratings] == [Rating.DISSATISFIED, Rating.BASICALLY_SATISFIED]
    assert Supervision(again).state("c1", congress_id="qx").closed
    year = Livelihood(again).state("qx", 2022)
    assert year.chosen == ("p1", "p2", "p3")
    report = suggestions.handling_report("qx", on=D(2022, 12, 31))
    assert (report.submitted, report.closed, report.overdue) == (20, 20, 0)

    holidays = holiday_calendar(create_plugin_manager(autoload=False))
    due = {f"建议{s.id}答复期限": deadline(D(2022, 1, 31), months=3, calendar=holidays) for s in ledger.values()}
    plan = annual_plan(2022, congress="青溪镇人民代表大会", calendar=holidays,
                       sessions={s.id: s.opened_on for s in sessions.of_congress("qx")}, deadlines=due)  # fmt: skip
    ics = to_ics(plan, calendar_name="青溪镇人大2022年工作日历")
    parsed = icalendar.Calendar.from_ical(ics)
    events = list(parsed.walk("VEVENT"))
    assert len(events) == len(plan)
    starts = {str(e["SUMMARY"]): e["DTSTART"].dt for e in events}
    assert starts["2022-1"] == early
    assert starts["2022-2"] == mid
    assert starts["建议s01答复期限"] == D(2022, 5, 5)  # 30 April falls in the Labour Day holiday (CC 203)
    again.close()
