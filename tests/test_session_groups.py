"""A session's deliberation groups 代表团（组） (DL 14 ¶1-¶2) under national law, through the procedure, the record
(npcproc check) and its import. SD 11-12's conveners and the government's attendance are tested with the plugin."""

from __future__ import annotations

import datetime
import json

import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.session import AgendaItem, AgendaItemKind
from npcproc.plugins import load_rules
from npcproc.procedures import Congresses, SessionGroups, Sessions
from npcproc.procedures.session_groups.events import MeetingKind
from npcproc.record.audit import audit
from npcproc.record.importer import ImportRefusedError, import_record
from npcproc.record.load import parse_record
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
DAY, CLOSED = D(2022, 1, 5), D(2022, 1, 6)
IDS = [f"d{n:02}" for n in range(1, 41)]
AGENDA = [AgendaItem(id="e2", kind=AgendaItemKind.BUDGET, title="2022年财政预算")]


@pytest.fixture(scope="module")
def national():
    return load_rules(None)


def groups_of(rules, *, opened=True):
    """A township of 40 deputies; session s1 (agenda: the budget e2) sits from 5 to 6 January 2022."""
    store = MemoryStore()
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t", name="某镇人民代表大会", level=Level.TOWNSHIP, division_code="500101001",
                                  population=30_000, deputy_quota=45))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("t", {i: i for i in IDS}, term=1, on=D(2021, 11, 20))
    sessions = Sessions(store, rules)
    sessions.plan("s1", congress_id="t", opens_on=DAY, days=2)
    sessions.give_notice("s1", on=D(2021, 12, 20), materials_on=D(2022, 1, 1))
    prepare(sessions, "s1", on=DAY, presidium=IDS[:9], agenda=AGENDA)
    if opened:
        sessions.open("s1", on=DAY, present=IDS)
    return SessionGroups(store, rules), sessions


def refused(call):
    with pytest.raises(ProcedureError) as raised:
        call()
    return [(r.code, str(r.citation)) for r in raised.value.decision.failing]


def test_dl_14_1_a_group_of_deputies_in_office_is_formed_and_national_law_sets_no_conveners(national):
    groups, _ = groups_of(national)
    assert groups.form("s1", "g1", on=DAY, members=IDS[:20], conveners=IDS[:3]).reasons == ()
    assert groups.check("s1").reasons[0].code == "session_group.not_judged"


def test_dl_14_1_a_member_who_is_not_a_deputy_is_refused(national):
    groups, _ = groups_of(national)
    assert refused(lambda: groups.form("s1", "g1", on=DAY, members=["d01", "x"])) == [
        ("deputy.not_in_office", "DL 14 ¶1")]  # fmt: skip
    assert refused(lambda: groups.form("s1", "g1", on=DAY, members=[])) == [("session_group.empty", "DL 14 ¶1")]
    assert groups.state("s1").groups == {}


def test_dl_14_2_a_group_is_formed_while_the_session_sits(national):
    groups, sessions = groups_of(national, opened=False)
    assert refused(lambda: groups.form("s1", "g1", on=DAY, members=IDS[:3])) == [("session_group.sitting", "DL 14 ¶2")]
    sessions.open("s1", on=DAY, present=IDS)
    assert refused(lambda: groups.form("s1", "g1", on=D(2022, 1, 4), members=IDS[:3])) == [
        ("session_group.sitting", "DL 14 ¶2")]  # fmt: skip
    groups.form("s1", "g1", on=DAY, members=IDS[:3])
    sessions.close("s1", on=CLOSED)
    groups.hold_meeting("s1", "g1", "m1", on=CLOSED, present=IDS[:3])  # the last day still sits
    assert refused(lambda: groups.hold_meeting("s1", "g1", "m2", on=D(2022, 1, 7), present=IDS[:3])) == [
        ("session_group.sitting", "DL 14 ¶2")]  # fmt: skip


def test_dl_14_2_a_meeting_deliberates_the_sessions_items_with_its_own_members(national):
    groups, _ = groups_of(national)
    groups.form("s1", "g1", on=DAY, members=IDS[:3], conveners=["d01"])
    assert refused(lambda: groups.hold_meeting("s1", "g1", "m1", on=DAY, items=["e9"])) == [
        ("session_group.item", "DL 14 ¶2")]  # fmt: skip
    assert refused(lambda: groups.hold_meeting("s1", "g1", "m1", on=DAY, present=["d04"])) == [
        ("session_group.not_member", "DL 14 ¶2")]  # fmt: skip
    assert groups.hold_meeting("s1", "g1", "m1", on=DAY, items=["e2"], present=["d01"]).ok
    assert refused(lambda: groups.hold_meeting("s1", "g1", "m1", on=DAY)) == [
        ("session_group.meeting_exists", "DL 14 ¶2")]  # fmt: skip


def test_dl_14_2_a_chairs_meeting_with_conveners_and_its_report(national):
    groups, _ = groups_of(national)
    groups.form("s1", "g1", on=DAY, members=IDS[:3], conveners=["d01"])
    assert refused(lambda: groups.hold_conveners_meeting("s1", "c1", on=DAY, kind=MeetingKind.CONVENERS,
                                                         convened_by="主席", attendees=["d02"])) == [
        ("session_group.not_conveners", "DL 14 ¶2")]  # fmt: skip
    assert refused(lambda: groups.hold_conveners_meeting("s1", "c1", on=CLOSED, kind=MeetingKind.SPECIAL,
                                                         convened_by="主席", attendees=["d02"], reported_on=DAY)) == [
        ("session_group.report_date", "DL 14 ¶2")]  # fmt: skip
    assert groups.hold_conveners_meeting("s1", "c1", on=DAY, kind=MeetingKind.SPECIAL, convened_by="主席",
                                         attendees=["d02"], reported_on=DAY).reasons == ()  # fmt: skip
    assert groups.unreported("s1") == ()


def record(session):
    deputies = [{"id": i, "name": i, "elected_on": "2021-11-20"} for i in IDS]
    base = {"id": "t", "name": "某镇人民代表大会", "level": "township", "division_code": "500101001",
            "population": 30000, "deputy_quota": 45, "term": 1, "elections_completed_on": "2021-11-20",
            "deputies": deputies,
            "sessions": [{"id": "s1", "opens_on": "2022-01-05", "first_of_term": True, "presidium": IDS[:9],
                          "notice_on": "2021-12-20", "materials_on": "2022-01-01", "present": IDS,
                          "closed_on": "2022-01-06", "agenda": [{"id": "e2", "kind": "budget", "title": "预算"}],
                          "preparatory": {"presidium_vote": {"yes": len(IDS)}, "agenda_vote": {"yes": len(IDS)}},
                          **session}]}  # fmt: skip
    data = {"format_version": 1, "as_of": "2022-01-31", "congresses": [base]}
    return parse_record(json.dumps(data).encode(), name="r.json", toml=False)


def test_dl_14_record_groups_are_checked_and_imported(national):
    session = {"groups": [{"id": "g1", "members": IDS[:20], "conveners": ["d01"],
                           "meetings": [{"id": "m1", "on": "2022-01-06", "items": ["e2"], "present": ["d01"]}]}],
               "conveners_meetings": [{"id": "c1", "on": "2022-01-06", "kind": "conveners", "convened_by": "主席",
                                       "attendees": ["d01"], "reported_on": "2022-01-06"}]}  # fmt: skip
    rec = record(session)
    assert [f.code for f in audit(rec, national).findings if f.code.startswith("session_group")] == []
    store = MemoryStore()
    import_record(rec, store, national)
    state = SessionGroups(store, national).state("s1")
    assert (set(state.groups), set(state.meetings), set(state.conveners_meetings)) == ({"g1"}, {"m1"}, {"c1"})


def test_dl_14_record_a_meeting_after_the_close_and_a_stranger_are_violations_and_refused_on_import(national):
    session = {"groups": [{"id": "g1", "members": ["d01", "x"],
                           "meetings": [{"id": "m1", "on": "2022-01-07", "present": ["d02"]}]}]}  # fmt: skip
    rec = record(session)
    found = [(f.where.split(".", 2)[-1], f.code) for f in audit(rec, national).violations]
    assert found == [("groups[0]", "deputy.not_in_office"), ("groups[0].meetings[0]", "session_group.sitting"),
                     ("groups[0].meetings[0]", "session_group.not_member")]  # fmt: skip
    with pytest.raises(ImportRefusedError):
        import_record(rec, MemoryStore(), national)
