"""A sample congress year to report on: the demo year of :mod:`npcproc.samples`, with the work between sessions added.

The demo records Qingxi township's 2022 sessions, elections, bills, suggestions and an
inquiry. :func:`sample_year` adds what the demo leaves out, as the seed reports describe
it: an extraordinary session that votes on the year's livelihood projects, their progress,
a deputy group's visit and the year-end evaluation; quarterly presidium meetings; and two
supervision cases, one whose loop closed and one whose rectification report is overdue.
It backs the report's tests, its screenshot and its documentation.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from npcproc.model.session import AgendaItem, AgendaItemKind, SessionKind, VoteCount
from npcproc.procedures import Congresses, Livelihood, PresidiumMeetings, Sessions, Supervision
from npcproc.procedures.livelihood.events import ProjectSource, ReviewBody, SatisfactionCount
from npcproc.procedures.supervision.commands import link
from npcproc.procedures.supervision.events import LinkKind, Step
from npcproc.samples import DEPUTIES, demo_year
from npcproc.store.sqlite import SQLiteStore

__all__ = ["PROJECTS", "sample_year"]

D = datetime.date
EVERYONE = list(DEPUTIES)
#: The livelihood projects proposed for 2022, with the votes each received at the extraordinary session.
PROJECTS = {"p1": ("青溪村道硬化", 50), "p2": ("老年食堂", 44), "p3": ("农贸市场改造", 38), "p4": ("路灯增设", 20),
            "p5": ("污水管网", 9)}  # fmt: skip


def sample_year(db: Path, *, province: str | None = None) -> Path:
    """Write the sample year to the SQLite file ``db`` (replaced) and return its path."""
    demo_year(db, province=province)
    store = SQLiteStore(str(db))
    try:
        _livelihood_session(store)
        _presidium(store)
        _supervision(store)
    finally:
        store.close()
    return db


def _livelihood_session(store: SQLiteStore) -> None:
    sessions, livelihood = Sessions(store), Livelihood(store)
    livelihood.open_collection("qx", 2022, on=D(2022, 1, 10))
    for n, (project, (title, _votes)) in enumerate(PROJECTS.items()):
        proposers = EVERYONE[n * 3 : n * 3 + 3] if n % 2 == 0 else []
        source = ProjectSource.DEPUTIES if proposers else ProjectSource.PUBLIC
        livelihood.propose("qx", 2022, project, title=title, source=source, on=D(2022, 1, 20), proposers=proposers)
        livelihood.review("qx", 2022, project, accepted=True, by=ReviewBody.PRESIDIUM, on=D(2022, 2, 8))
    livelihood.list_candidates("qx", 2022, quota=3, on=D(2022, 2, 10))
    day = D(2022, 2, 22)
    sessions.plan("2022-x", congress_id="qx", opens_on=day, kind=SessionKind.EXTRAORDINARY)
    vote_item = AgendaItem(id="x0", kind=AgendaItemKind.LIVELIHOOD_VOTE, title="2022年民生实事项目票决")
    in_office = Congresses(store).state("qx").in_office(day)
    present = in_office[:-3]
    sessions.hold_preparatory_meeting("2022-x", on=day, present=present, presidium=EVERYONE[:9],
                                      presidium_vote=VoteCount(yes=len(present)), agenda=[vote_item],
                                      agenda_vote=VoteCount(yes=len(present) - 1, abstain=1))  # fmt: skip
    for deputy in in_office[-3:]:
        sessions.grant_leave("2022-x", deputy)
    sessions.open("2022-x", on=day, present=present, attending=["周志远"])  # the township head elected in January
    livelihood.vote("qx", 2022, session_id="2022-x", on=day, ballots_issued=len(present),
                    votes={project: votes for project, (_title, votes) in PROJECTS.items()})  # fmt: skip
    sessions.handle_item("2022-x", "x0")
    sessions.close("2022-x", on=day)
    for project, steps in {"p1": (35, 80, 100), "p2": (20, 60, 90), "p3": (10, 25, 40)}.items():
        for on, percent in zip((D(2022, 4, 30), D(2022, 8, 31), D(2022, 11, 30)), steps, strict=True):
            livelihood.report_progress("qx", 2022, project, on=on, percent=percent, note=f"完成{percent}%")
    livelihood.visit("qx", 2022, "p3", on=D(2022, 9, 15), group="第二代表小组", deputies=EVERYONE[20:23],
                     findings="市场改造进度滞后，建议加快施工")  # fmt: skip
    ratings = {"p1": SatisfactionCount(satisfied=44, basically_satisfied=9, dissatisfied=2),
               "p2": SatisfactionCount(satisfied=35, basically_satisfied=14, dissatisfied=6),
               "p3": SatisfactionCount(satisfied=12, basically_satisfied=14, dissatisfied=29)}  # fmt: skip
    livelihood.evaluate("qx", 2022, on=D(2022, 12, 20), ratings=ratings)


def _presidium(store: SQLiteStore) -> None:
    presidium = PresidiumMeetings(store)
    subjects = ["安排视察农村饮水安全", "听取民生实事项目进展", "部署执法检查", "研究年末人代会筹备"]
    for n, (day, subject) in enumerate(zip([D(2022, 3, 10), D(2022, 6, 9), D(2022, 9, 8), D(2022, 12, 8)],
                                           subjects, strict=True), start=1):  # fmt: skip
        presidium.hold_meeting("qx", f"pm{n}", on=day, present=EVERYONE[: 9 - n % 3])
        presidium.decide("qx", f"pm{n}", f"pm{n}-1", subject=subject, yes=7 - n % 2, abstain=n % 2)


def _supervision(store: SQLiteStore) -> None:
    supervision = Supervision(store)
    water = [link(LinkKind.INSPECTION, "镇政府"), link(LinkKind.WORK_REVIEW, "镇水利站")]
    supervision.open_case("c1", congress_id="qx", subject="农村饮水安全", links=water)
    supervision.record("c1", 0, Step.HELD, congress_id="qx", on=D(2022, 4, 12), note="视察六个行政村供水点")
    supervision.record("c1", 0, Step.REFERRED, congress_id="qx", on=D(2022, 4, 20), due=D(2022, 6, 20))
    supervision.record("c1", 0, Step.RECTIFIED, congress_id="qx", on=D(2022, 6, 15))
    supervision.record("c1", 1, Step.HELD, congress_id="qx", on=D(2022, 8, 1))
    supervision.rate("c1", 1, congress_id="qx", on=D(2022, 8, 1), satisfied=40, raters=55)
    safety = [link(LinkKind.LAW_ENFORCEMENT, "镇安监站", rated=True)]
    supervision.open_case("c2", congress_id="qx", subject="安全生产法执法检查", links=safety)
    supervision.record("c2", 0, Step.HELD, congress_id="qx", on=D(2022, 9, 5))
    supervision.record("c2", 0, Step.REPORTED, congress_id="qx", on=D(2022, 9, 20))
    supervision.record("c2", 0, Step.REFERRED, congress_id="qx", on=D(2022, 9, 25), due=D(2022, 11, 25))
