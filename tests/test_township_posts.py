"""The township chair's and vice-chairs' posts under national law (OL 18), and the full-time flag (专职)
from nomination to the post, the record, its import, its schema and the Popolo export.

The provincial rules on these posts (ZJ 11 ¶1, BJ 20 ¶1, SD 5 ¶1, HN 6 ¶1) are tested with each plugin.
"""

from __future__ import annotations

import datetime
import json

import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.election import Candidate, ElectionBallot, Nominator, Office
from npcproc.model.session import Choice
from npcproc.plugins import load_rules
from npcproc.popolo import popolo_from_store
from npcproc.procedures import Congresses, Elections, Sessions
from npcproc.procedures.congress.events import PostTaken, PostVacated
from npcproc.record.audit import audit
from npcproc.record.importer import import_record
from npcproc.record.load import parse_record
from npcproc.record.schema import json_schema
from npcproc.serialization import event_from_data, event_to_data
from npcproc.store import MemoryStore
from npcproc.testing import prepare
from test_record_support import clean_tree

D = datetime.date
DAY = D(2022, 1, 5)
IDS = [f"d{n:02}" for n in range(1, 61)]


@pytest.fixture(scope="module")
def national():
    return load_rules(None)


def township(rules):
    store = MemoryStore()
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t", name="某镇人民代表大会", level=Level.TOWNSHIP, division_code="110111001",
                                  population=30_000, deputy_quota=65))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("t", {i: i for i in IDS}, term=1, on=DAY)
    sessions = Sessions(store, rules)
    sessions.plan("s1", congress_id="t", opens_on=DAY)
    sessions.give_notice("s1", on=D(2021, 12, 20), materials_on=D(2022, 1, 1))
    prepare(sessions, "s1", on=DAY, presidium=IDS[:9], agenda=[])
    sessions.open("s1", on=DAY, present=IDS)
    return store


def elect_chair(store, rules, *, full_time):
    elections = Elections(store, rules)
    elections.open("chair", session_id="s1", office=Office.TOWNSHIP_CHAIR, seats=1, extra_candidates=0)
    elections.nominate("chair", [Candidate(id="d01", name="d01", full_time=full_time)], by=Nominator.PRESIDIUM)
    elections.list_candidates("chair")
    elections.open_round("chair", on=DAY, present=IDS)
    ballots = [ElectionBallot(election_id="chair", round=1, marks={"d01": Choice.YES})] * 40
    return elections.count("chair", ballots, ballots_issued=60)


def test_ol_18_1_a_chair_without_vice_chairs_is_lawful(national):
    store = township(national)
    result = elect_chair(store, national, full_time=False)
    assert result.posts.ok
    assert [(r.code, r.ok, str(r.citation), r.values["required"]) for r in result.posts.reasons] == [
        ("posts.vice_chairs", True, "OL 18 ¶1", 0)
    ]


def test_ol_18_1_the_post_remembers_that_it_is_held_full_time(national):
    store = township(national)
    elect_chair(store, national, full_time=True)
    state = Congresses(store, national).state("t")
    assert state.full_time_holders(Office.TOWNSHIP_CHAIR, DAY) == {"d01": True}
    vacated = state.apply(PostVacated(congress_id="t", office=Office.TOWNSHIP_CHAIR, holder_id="d01", on=DAY,
                                      reason="resigned"))  # fmt: skip
    assert vacated.full_time == frozenset()
    assert popolo_memberships(store) == {"t/township_chair/d01": True}


def test_ol_18_1_a_part_time_chair_is_exported_as_such(national):
    store = township(national)
    elect_chair(store, national, full_time=False)
    assert Congresses(store, national).state("t").full_time_holders(Office.TOWNSHIP_CHAIR, DAY) == {"d01": False}
    assert popolo_memberships(store) == {"t/township_chair/d01": False}


def popolo_memberships(store):
    memberships = popolo_from_store(store)["memberships"]
    return {m["id"]: m["npcproc:full_time"] for m in memberships if "npcproc:full_time" in m}


def test_ol_18_1_only_a_chair_or_vice_chair_candidate_may_be_full_time(national):
    store = township(national)
    elections = Elections(store, national)
    elections.open("head", session_id="s1", office=Office.TOWNSHIP_HEAD, seats=1, extra_candidates=0)
    with pytest.raises(ProcedureError) as caught:
        elections.nominate("head", [Candidate(id="王芳", name="王芳", full_time=True)], by=Nominator.PRESIDIUM)
    assert [(r.code, str(r.citation)) for r in caught.value.decision.failing] == [
        ("election.full_time_office", "practice")  # OL 18 ¶1 says nothing of full-time posts
    ]
    elections.nominate("head", [Candidate(id="王芳", name="王芳")], by=Nominator.PRESIDIUM)


def test_a_post_taken_before_the_full_time_flag_existed_reads_as_not_full_time():
    type_, data = event_to_data(PostTaken(congress_id="t", office=Office.TOWNSHIP_CHAIR, holder_id="d01", on=DAY,
                                          source="chair"))  # fmt: skip
    del data["full_time"]
    event = event_from_data(type_, data)
    assert isinstance(event, PostTaken)
    assert event.full_time is False


def test_holding_an_administrative_post_is_read_on_a_day(national):
    store = township(national)
    congresses = Congresses(store, national)
    congresses.record_administrative_post("t", "d03", holds=True, on=D(2022, 3, 1))
    congresses.record_administrative_post("t", "d03", holds=False, on=D(2022, 6, 1))
    state = congresses.state("t")
    assert [state.holds_administrative_post("d03", d) for d in (D(2022, 2, 28), D(2022, 3, 1), D(2022, 6, 1))] == [
        False, True, False,
    ]  # fmt: skip


# -- the record: nominations[].full_time ----------------------------------------------------------


def with_chair(full_time, office="township_chair"):
    tree = clean_tree()
    session = tree["congresses"][0]["sessions"][0]
    present = len(session["present"])
    session["elections"].append({
        "id": "chair", "office": office, "seats": 1, "extra_candidates": 0,
        "nominations": [{"by": "presidium", "candidates": ["d01"], "full_time": full_time}],
        "rounds": [{"on": session["opens_on"], "candidates": ["d01"], "ballots_issued": present,
                    "ballots_returned": present, "votes": {"d01": 50}, "elected": ["d01"]}],
    })  # fmt: skip
    return tree


def record_of(tree):
    return parse_record(json.dumps(tree, ensure_ascii=False).encode(), name="r.json", toml=False)


def violations(tree, rules):
    return [(f.where, f.code, str(f.citation)) for f in audit(record_of(tree), rules).violations]


def test_the_record_names_as_full_time_only_candidates_of_the_nomination(national):
    assert violations(with_chair(["d01"]), national) == []
    assert violations(with_chair(["d02"]), national) == [
        ("congresses[0].sessions[0].elections[1].nominations[0]", "record.full_time_not_nominated", "OL 26")
    ]


def test_the_record_marks_full_time_only_a_chair_or_vice_chair(national):
    tree = with_chair(["d01"], office="deputy_township_head")
    found = violations(tree, national)
    assert ("congresses[0].sessions[0].elections[1].nominations[0]", "election.full_time_office", "practice") in found


def test_import_carries_the_full_time_flag_to_the_post(national):
    store = MemoryStore()
    import_record(record_of(with_chair(["d01"])), store, national)
    state = Congresses(store, national).state("qx")
    assert state.full_time_holders(Office.TOWNSHIP_CHAIR, DAY) == {"d01": True}


def test_the_schema_knows_the_full_time_field():
    nomination = json_schema()["$defs"]["NominationRecord"]
    assert nomination["properties"]["full_time"] == {"type": "array", "items": {"type": "string"}}
    assert "full_time" not in nomination.get("required", [])
