"""OL 70 ¶3 "民族乡的乡长由建立民族乡的少数民族公民担任": an ethnic township (``Congress.ethnic_minority``) nominates
only citizens of its minority for township head (``Candidate.ethnicity``). Through the procedure, the record, its
import and `npcproc check`. BJ 22 ¶2 and CQ 21 ¶2 repeat it for their townships (tested with each plugin)."""

from __future__ import annotations

import copy
import datetime
import json

import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.election import Candidate, Nominator, Office
from npcproc.model.levels import Post
from npcproc.plugins import load_rules
from npcproc.procedures import Congresses, Elections, Sessions
from npcproc.record.audit import audit
from npcproc.record.importer import import_record
from npcproc.record.load import parse_record
from npcproc.store import MemoryStore
from npcproc.testing import prepare
from test_record_support import clean_tree

D = datetime.date
DAY = D(2022, 1, 5)
IDS = [f"d{n:02}" for n in range(1, 61)]


@pytest.fixture(scope="module")
def national():
    return load_rules(None)


def elections_in(rules, minority: str, office: Office = Office.TOWNSHIP_HEAD) -> Elections:
    store = MemoryStore()
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t", name="某民族乡人民代表大会", level=Level.TOWNSHIP, division_code="110111001",
                                  population=30_000, deputy_quota=65, ethnic_minority=minority))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("t", {i: i for i in IDS}, term=1, on=DAY)
    sessions = Sessions(store, rules)
    sessions.plan("s1", congress_id="t", opens_on=DAY)
    sessions.give_notice("s1", on=D(2021, 12, 20), materials_on=D(2022, 1, 1))
    prepare(sessions, "s1", on=DAY, presidium=IDS[:9], agenda=[])
    sessions.open("s1", on=DAY, present=IDS)
    elections = Elections(store, rules)
    elections.open(
        "e", session_id="s1", office=office, seats=1, extra_candidates=int(office.post is not Post.PRINCIPAL)
    )
    return elections


@pytest.mark.parametrize(("ethnicity", "ok"), [("回族", True), ("汉族", False), ("", False)])
def test_ol_70_3_an_ethnic_townships_head_is_of_its_minority(national, ethnicity, ok):
    elections = elections_in(national, "回族")
    nominate = lambda: elections.nominate("e", [Candidate(id="马丽", name="马丽", ethnicity=ethnicity)],  # noqa: E731
                                          by=Nominator.PRESIDIUM)  # fmt: skip
    if ok:
        nominate()
        assert elections.state("e").nominees["马丽"].ethnicity == "回族"
    else:
        with pytest.raises(ProcedureError) as caught:
            nominate()
        assert [(r.code, str(r.citation)) for r in caught.value.decision.failing] == [
            ("election.ethnic_township_head", "OL 70 ¶3")]  # fmt: skip
        assert elections.state("e").nominees == {}


@pytest.mark.parametrize(("minority", "office"), [("", Office.TOWNSHIP_HEAD), ("回族", Office.DEPUTY_TOWNSHIP_HEAD)])
# a township that is not ethnic; an ethnic township's deputy heads (OL 70 ¶3 names the head alone)
def test_ol_70_3_binds_only_the_head_of_an_ethnic_township(national, minority, office):
    elections = elections_in(national, minority, office)
    elections.nominate("e", [Candidate(id="王芳", name="王芳", ethnicity="汉族")], by=Nominator.PRESIDIUM)
    elections.nominate("e", [Candidate(id="李明", name="李明", ethnicity="汉族")], by=Nominator.DEPUTIES,
                       nominators=IDS[10:20])  # fmt: skip
    assert list(elections.state("e").nominees) == ["王芳", "李明"]


# -- the record and `npcproc check` -------------------------------------------------------------------------------


def ethnic_year(ethnicity: dict[str, str], minority: str = "回族"):
    tree = copy.deepcopy(clean_tree())
    year = tree["congresses"][0]
    year["ethnic_minority"] = minority
    (head,) = [e for s in year["sessions"] for e in s.get("elections", []) if e["office"] == "township_head"]
    for nomination in head["nominations"]:
        nomination["ethnicity"] = {c: ethnicity[c] for c in nomination["candidates"] if c in ethnicity}
    return parse_record(json.dumps(tree, ensure_ascii=False).encode(), name="r.json", toml=False)


def test_ol_70_3_record_judges_each_nominee_for_head(national):
    both = ethnic_year({"周志远": "回族", "吴海燕": "回族"})
    assert audit(both, national).violations == ()
    one = ethnic_year({"周志远": "回族", "吴海燕": "汉族"})
    assert [(f.where, f.code, str(f.citation)) for f in audit(one, national).violations] == [
        ("congresses[0].sessions[0].elections[0].nominations[1]", "election.ethnic_township_head", "OL 70 ¶3")
    ]
    assert audit(ethnic_year({}, minority=""), national).violations == ()


def test_ol_70_3_record_is_imported_with_the_minority_and_ethnicities(national):
    store = MemoryStore()
    import_record(ethnic_year({"周志远": "回族", "吴海燕": "回族"}), store, national)
    assert Congresses(store, national).state("qx").congress.ethnic_minority == "回族"
    assert Elections(store, national).state("head").nominees["周志远"].ethnicity == "回族"
