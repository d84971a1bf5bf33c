"""A session's committees (议案审查委员会, 财政预算审查委员会) under national law: recorded and kept consistent, never
required (SD 7 and SD 18 ¶2 are tested with the Shandong plugin); through the procedure, the record and its import."""

from __future__ import annotations

import datetime
import json

import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.session import AgendaItem, AgendaItemKind, VoteMethod
from npcproc.plugins import load_rules
from npcproc.procedures import Congresses, SessionCommittees, Sessions
from npcproc.procedures.session_committees.events import CommitteeKind
from npcproc.record.audit import audit
from npcproc.record.importer import import_record
from npcproc.record.load import parse_record
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
DAY = D(2022, 1, 5)
IDS = [f"d{n:02}" for n in range(1, 41)]
BUDGET = CommitteeKind.BUDGET


@pytest.fixture(scope="module")
def national():
    return load_rules(None)


def session(rules):
    store = MemoryStore()
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t", name="某镇人民代表大会", level=Level.TOWNSHIP, division_code="500101001",
                                  population=30_000, deputy_quota=45))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("t", {i: i for i in IDS}, term=1, on=D(2021, 11, 20))
    sessions = Sessions(store, rules)
    sessions.plan("s1", congress_id="t", opens_on=DAY, days=2)
    sessions.give_notice("s1", on=D(2021, 12, 20), materials_on=D(2022, 1, 1))
    return sessions, SessionCommittees(store, rules)


def refused(call):
    with pytest.raises(ProcedureError) as raised:
        call()
    return [(r.code, str(r.citation)) for r in raised.value.decision.failing]


def test_a_committee_list_is_adopted_by_the_preparatory_meeting_before_the_opening(national):
    sessions, committees = session(national)
    assert refused(lambda: committees.adopt("s1", BUDGET, on=DAY, members=IDS[:3])) == [
        ("session_committee.preparatory", "practice")]  # fmt: skip
    prepare(sessions, "s1", on=DAY, presidium=IDS[:9], agenda=[AgendaItem(id="e2", kind=AgendaItemKind.BUDGET,
                                                                          title="预算")])  # fmt: skip
    sessions.open("s1", on=DAY, present=IDS)
    assert refused(lambda: committees.adopt("s1", BUDGET, on=D(2022, 1, 6), members=IDS[:3])) == [
        ("session_committee.preparatory", "practice")]  # fmt: skip
    assert refused(lambda: committees.adopt("s1", BUDGET, on=DAY, members=[])) == [("session_committee.empty",
                                                                                    "practice")]  # fmt: skip
    committees.adopt("s1", BUDGET, on=DAY, members=IDS[:3])
    assert refused(lambda: committees.adopt("s1", BUDGET, on=DAY, members=IDS[3:6])) == [
        ("session_committee.exists", "practice")]  # fmt: skip
    assert refused(lambda: committees.report("s1", "r1", kind=CommitteeKind.BILLS, on=DAY, items=["e2"])) == [
        ("session_committee.no_committee", "practice")]  # fmt: skip
    assert refused(lambda: committees.report("s1", "r1", kind=BUDGET, on=DAY, items=["e9"])) == [
        ("session_committee.item", "practice")]  # fmt: skip
    sessions.open_vote("s1", "v", subject="e2", method=VoteMethod.SECRET_BALLOT, on=DAY, present=IDS)
    sessions.count_ballots("s1", "v", yes=30, no=5, abstain=5)
    sessions.close_vote("s1", "v")
    # national law requires neither the lists nor a report before the budget vote
    assert committees.check("s1").reasons[0].code == "session_committee.not_judged"
    committees.report("s1", "r1", kind=BUDGET, on=DAY, items=["e2"])
    assert committees.state("s1").reports["r1"].items == ("e2",)


def record(committees, votes=()):
    deputies = [{"id": i, "name": i, "elected_on": "2021-11-20"} for i in IDS]
    base = {"id": "t", "name": "某镇人民代表大会", "level": "township", "division_code": "500101001",
            "population": 30000, "deputy_quota": 45, "term": 1, "elections_completed_on": "2021-11-20",
            "deputies": deputies,
            "sessions": [{"id": "s1", "opens_on": "2022-01-05", "first_of_term": True, "presidium": IDS[:9],
                          "notice_on": "2021-12-20", "materials_on": "2022-01-01", "present": IDS,
                          "closed_on": "2022-01-05", "agenda": [{"id": "e2", "kind": "budget", "title": "预算"}],
                          "preparatory": {"presidium_vote": {"yes": len(IDS)}, "agenda_vote": {"yes": len(IDS)}},
                          "committees": committees, "votes": list(votes)}]}  # fmt: skip
    data = {"format_version": 1, "as_of": "2022-01-31", "congresses": [base]}
    return parse_record(json.dumps(data).encode(), name="r.json", toml=False)


def test_record_committees_are_imported_and_a_second_list_is_a_finding(national):
    listed = [{"kind": "budget", "members": ["d01", "d02"], "reports": [{"id": "r1", "on": "2022-01-05",
                                                                          "items": ["e2"]}]}]  # fmt: skip
    rec = record(listed)
    assert [f.code for f in audit(rec, national).findings if f.code.startswith("session_committee")] == []
    store = MemoryStore()
    import_record(rec, store, national)
    assert set(SessionCommittees(store, national).state("s1").reports) == {"r1"}
    twice = record([*listed[:1], {"kind": "budget", "members": ["d03"], "on": "2022-01-06"}])
    assert [(f.where.split(".", 2)[-1], f.code) for f in audit(twice, national).violations] == [
        ("committees[1]", "session_committee.preparatory"), ("committees[1]", "session_committee.exists")]  # fmt: skip


def test_a_records_votes_reach_the_annual_facts_as_it_states_them(national):
    """The annual facts (``AgendaFacts.sessions``) carry a record's votes with their subject and recorded outcome,
    as the procedures' states do, so a province's check on ``annual_agenda`` can ask what was voted (SD 16 ¶1)."""
    from npcproc.record.audit import session_states

    assert session_states(record([]).congresses[0])[0].votes == {}
    passed = {"id": "v1", "subject": "e2", "method": "secret_ballot", "on": "2022-01-05", "yes": 30, "no": 10,
              "abstain": 0, "passed": True}  # fmt: skip
    failed = {"id": "v2", "subject": "e2", "method": "show_of_hands", "on": "2022-01-05", "passed": False,
              "choices": {"d01": "yes", "d02": "no"}}  # fmt: skip
    votes = session_states(record([], votes=[passed, failed]).congresses[0])[0].votes
    assert [(v.subject, v.counts(), v.tally.passed if v.tally else None) for v in votes.values()] == [
        ("e2", (30, 10, 0), True), ("e2", (1, 1, 0), False)]  # fmt: skip
