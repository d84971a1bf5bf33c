"""ZJ 11 ¶1, the chair's and vice-chairs' posts, through the procedures and through `npcproc check`.

"乡镇人民代表大会设专职主席，并可以设副主席一人至二人；经济比较发达或者人口较多的乡镇应当配备专职副主席。"
The chair is a full-time post; a developed or populous township has a full-time vice-chair too.
"""

from __future__ import annotations

import copy
import datetime
import json
import tomllib
from pathlib import Path

import npcproc_zhejiang
import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.election import Candidate, ElectionBallot, Nominator, Office
from npcproc.model.session import Choice
from npcproc.procedures import Congresses, Elections, Sessions
from npcproc.record.audit import audit
from npcproc.record.load import parse_record
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
DAY = D(2022, 1, 5)
IDS = [f"d{n:02}" for n in range(1, 61)]
DIVISION = "330110001"
EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "township-year.toml"
pytestmark = pytest.mark.skipif(not EXAMPLE.exists(), reason="needs npcproc's example record (a source checkout)")


@pytest.fixture
def rules(npcproc_rules):
    return npcproc_rules("浙江", npcproc_zhejiang)


@pytest.fixture
def national(npcproc_rules):
    return npcproc_rules(None)


class Township:
    """A township congress of 60 deputies in its term's first session, open on 5 January 2022."""

    def __init__(self, rules, *, designations=()):
        self.store = MemoryStore()
        self.congresses = Congresses(self.store, rules)
        self.congresses.establish(Congress(id="t", name="某镇人民代表大会", level=Level.TOWNSHIP,
                                           division_code=DIVISION, population=30_000, deputy_quota=65,
                                           designations=designations))  # fmt: skip
        self.congresses.begin_term("t", 1, elections_completed_on=D(2021, 11, 20))
        self.congresses.elect_deputies("t", {i: i for i in IDS}, term=1, on=DAY)
        self.sessions = Sessions(self.store, rules)
        self.sessions.plan("s1", congress_id="t", opens_on=DAY)
        self.sessions.give_notice("s1", on=D(2021, 12, 20), materials_on=D(2022, 1, 1))
        prepare(self.sessions, "s1", on=DAY, presidium=IDS[:9], agenda=[])
        self.sessions.open("s1", on=DAY, present=IDS)
        self.elections = Elections(self.store, rules)

    def nominate(self, eid, office, winners, others=(), full_time=()):
        self.elections.open(eid, session_id="s1", office=office, seats=len(winners), extra_candidates=len(others))
        for names, by, nominators in ((winners, Nominator.PRESIDIUM, ()), (others, Nominator.DEPUTIES, IDS[20:30])):
            if names:
                candidates = [Candidate(id=c, name=c, full_time=c in full_time) for c in names]
                self.elections.nominate(eid, candidates, by=by, nominators=nominators)

    def elect(self, eid, office, winners, others=(), full_time=()):
        """Nominate, list and count: each winner gets 40 of 60 votes."""
        self.nominate(eid, office, winners, others, full_time)
        self.elections.list_candidates(eid)
        self.elections.open_round(eid, on=DAY, present=IDS)
        ballots = [ElectionBallot(election_id=eid, round=1, marks=dict.fromkeys(winners, Choice.YES))] * 40
        return self.elections.count(eid, ballots, ballots_issued=60)


def failing(decision):
    return [(r.code, str(r.citation)) for r in decision.failing]


def record(*, chair_full_time=False, vice_full_time=False, vice=True, designations=()):
    """The example year, whose first session also elects chair d01 and (``vice``) vice-chair d02 over d03."""
    tree = copy.deepcopy(tomllib.loads(EXAMPLE.read_text(encoding="utf-8")))
    congress = tree["congresses"][0]
    congress["designations"] = list(designations)
    session = congress["sessions"][0]
    present = len(session["present"])

    def election(eid, office, candidates, full_time):
        nominations = [
            {"by": "presidium", "candidates": candidates[:1], "full_time": full_time},
            *(
                [{"by": "deputies", "candidates": candidates[1:], "nominators": IDS[20:30]}]
                if len(candidates) > 1
                else []
            ),
        ]
        return {"id": eid, "office": office, "seats": 1, "extra_candidates": len(candidates) - 1,
                "nominations": nominations,
                "rounds": [{"on": session["opens_on"], "candidates": candidates, "ballots_issued": present,
                            "ballots_returned": present, "votes": {c: 50 - 45 * n for n, c in enumerate(candidates)},
                            "elected": candidates[:1]}]}  # fmt: skip

    session["elections"] = [
        *session.get("elections", []),
        election("chair", "township_chair", ["d01"], ["d01"] if chair_full_time else []),
        *([election("vice", "township_vice_chair", ["d02", "d03"], ["d02"] if vice_full_time else [])]
          if vice else []),
    ]  # fmt: skip
    return tree


def found(tree, rules):
    """The violations `npcproc check` finds in the elections of ``tree``'s sessions: where, code, citation."""
    data = json.dumps(tree, ensure_ascii=False, default=str).encode()
    result = audit(parse_record(data, name="record.json", toml=False), rules)
    return [(f.where, f.code, str(f.citation)) for f in result.violations if ".elections" in f.where]


# -- through the procedures -------------------------------------------------------------------


def test_zj_11_1_a_chair_nominated_full_time_is_elected(rules):
    township = Township(rules)
    result = township.elect("chair", Office.TOWNSHIP_CHAIR, ["d01"], full_time=["d01"])
    assert result.elected == ("d01",)
    assert result.posts.ok
    assert township.congresses.state("t").full_time_holders(Office.TOWNSHIP_CHAIR, DAY) == {"d01": True}


def test_zj_11_1_a_chair_candidate_not_nominated_full_time_is_refused(rules, national):
    township = Township(rules)
    with pytest.raises(ProcedureError) as caught:
        township.nominate("chair", Office.TOWNSHIP_CHAIR, ["d01"])
    assert failing(caught.value.decision) == [("election.chair_full_time", "ZJ 11 ¶1")]
    assert township.elections.state("chair").nominees == {}  # a refusal records nothing
    Township(national).nominate("chair", Office.TOWNSHIP_CHAIR, ["d01"])  # OL 18 ¶1 asks no full-time chair


def test_zj_11_1_a_part_time_vice_chair_is_allowed_in_an_ordinary_township(rules):
    township = Township(rules)
    township.elect("chair", Office.TOWNSHIP_CHAIR, ["d01"], full_time=["d01"])
    result = township.elect("vice", Office.TOWNSHIP_VICE_CHAIR, ["d02"], others=["d03"])
    assert result.posts.ok
    assert township.congresses.posts_check("t", on=DAY).ok


@pytest.mark.parametrize("designation", ["developed", "populous"])
def test_zj_11_1_a_developed_or_populous_township_with_a_full_time_vice_chair_passes(rules, designation):
    township = Township(rules, designations=(designation,))
    township.elect("chair", Office.TOWNSHIP_CHAIR, ["d01"], full_time=["d01"])
    result = township.elect("vice", Office.TOWNSHIP_VICE_CHAIR, ["d02"], others=["d03"], full_time=["d02"])
    assert [(r.code, r.ok) for r in result.posts.reasons if r.code == "posts.vice_chairs_full_time"] == [
        ("posts.vice_chairs_full_time", True)
    ]
    assert result.posts.ok


@pytest.mark.parametrize("designation", ["developed", "populous"])
def test_zj_11_1_a_developed_or_populous_township_without_a_full_time_vice_chair_fails(rules, designation):
    township = Township(rules, designations=(designation,))
    township.elect("chair", Office.TOWNSHIP_CHAIR, ["d01"], full_time=["d01"])
    # a full-time candidate who lost does not make the post held full-time
    result = township.elect("vice", Office.TOWNSHIP_VICE_CHAIR, ["d02"], others=["d03"], full_time=["d03"])
    assert result.elected == ("d02",)  # the count stands: the votes are never refused
    assert failing(result.posts) == [("posts.vice_chairs_full_time", "ZJ 11 ¶1")]
    assert failing(township.congresses.posts_check("t", on=DAY)) == [("posts.vice_chairs_full_time", "ZJ 11 ¶1")]


def test_zj_11_1_a_chair_elected_by_write_in_does_not_hold_the_post_full_time(rules):
    township = Township(rules)
    township.nominate("chair", Office.TOWNSHIP_CHAIR, ["d01"], full_time=["d01"])
    township.elections.list_candidates("chair")
    township.elections.open_round("chair", on=DAY, present=IDS)
    township.congresses.elect_deputies("t", {"x01": "王五"}, term=1, on=DAY)
    ballots = [ElectionBallot(election_id="chair", round=1, marks={"d01": Choice.NO}, write_ins=("王五",))] * 40
    result = township.elections.count("chair", ballots, ballots_issued=60)
    assert result.elected == ("x01",)  # the deputy of that name
    assert failing(result.posts) == [("posts.chair_full_time", "ZJ 11 ¶1")]


# -- through `npcproc check` ---------------------------------------------------------------------


def test_zj_11_1_check_passes_a_full_time_chair(rules):
    assert found(record(chair_full_time=True), rules) == []


def test_zj_11_1_check_finds_a_chair_not_nominated_full_time(rules, national):
    assert found(record(chair_full_time=False), rules) == [
        ("congresses[0].sessions[0].elections[1].nominations[0]", "election.chair_full_time", "ZJ 11 ¶1"),
        ("congresses[0].sessions[0].elections", "posts.chair_full_time", "ZJ 11 ¶1"),
    ]
    assert found(record(chair_full_time=False), national) == []


@pytest.mark.parametrize("designation", ["developed", "populous"])
def test_zj_11_1_check_a_developed_or_populous_township_needs_a_full_time_vice_chair(rules, designation):
    assert found(record(chair_full_time=True, vice_full_time=True, designations=(designation,)), rules) == []
    assert found(record(chair_full_time=True, designations=(designation,)), rules) == [
        ("congresses[0].sessions[0].elections", "posts.vice_chairs_full_time", "ZJ 11 ¶1"),
    ]
    assert found(record(chair_full_time=True, vice=False, designations=(designation,)), rules) == [
        ("congresses[0].sessions[0].elections", "posts.vice_chairs_full_time", "ZJ 11 ¶1"),
    ]


def test_zj_2_a_county_congress_has_no_chair_posts_to_judge(rules):
    county = Congresses(MemoryStore(), rules)
    county.establish(Congress(id="c", name="某县人民代表大会", level=Level.COUNTY, division_code=DIVISION[:6],
                              population=600_000, deputy_quota=200, designations=("populous",)))  # fmt: skip
    decision = county.posts_check("c", on=DAY)
    assert decision.ok
    assert [r.code for r in decision.reasons] == ["posts.not_township"]
