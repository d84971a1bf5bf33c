"""BJ 20 ¶1, the chair's and vice-chairs' posts, through the procedures and through `npcproc check`.

"乡、民族乡、镇人民代表大会主席、副主席中至少有一人为专职。" One full-time holder at least among them.
"""

from __future__ import annotations

import copy
import datetime
import json
import tomllib
from pathlib import Path

import npcproc_beijing
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
DIVISION = "110111001"
EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "township-year.toml"
pytestmark = pytest.mark.skipif(not EXAMPLE.exists(), reason="needs npcproc's example record (a source checkout)")


@pytest.fixture
def rules(npcproc_rules):
    return npcproc_rules("BJ", npcproc_beijing)


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


def test_bj_20_1_a_part_time_chair_with_a_full_time_vice_chair_passes(rules):
    township = Township(rules)
    chair = township.elect("chair", Office.TOWNSHIP_CHAIR, ["d01"])
    # After the chair's count alone nobody holds a post full-time: reported, not refused, since the
    # session may still elect a full-time vice-chair.
    assert chair.elected == ("d01",)
    assert failing(chair.posts) == [("posts.chairs_full_time", "BJ 20 ¶1")]
    vice = township.elect("vice", Office.TOWNSHIP_VICE_CHAIR, ["d02"], others=["d03"], full_time=["d02"])
    assert vice.posts.ok
    assert township.congresses.posts_check("t", on=DAY).ok


def test_bj_20_1_a_full_time_chair_alone_passes(rules):
    township = Township(rules)
    assert township.elect("chair", Office.TOWNSHIP_CHAIR, ["d01"], full_time=["d01"]).posts.ok


def test_bj_20_1_no_full_time_holder_among_chair_and_vice_chair_fails(rules, national):
    township = Township(rules)
    township.elect("chair", Office.TOWNSHIP_CHAIR, ["d01"])
    vice = township.elect("vice", Office.TOWNSHIP_VICE_CHAIR, ["d02"], others=["d03"], full_time=["d03"])
    assert vice.elected == ("d02",)
    assert failing(vice.posts) == [("posts.chairs_full_time", "BJ 20 ¶1")]
    assert [dict(r.values) for r in vice.posts.failing] == [{"full_time": 0, "held": 2, "required": 1}]
    under_national = Township(national)
    under_national.elect("chair", Office.TOWNSHIP_CHAIR, ["d01"])
    assert under_national.congresses.posts_check("t", on=DAY).ok


def test_bj_20_1_the_flag_is_only_for_the_chair_and_vice_chairs(rules):
    township = Township(rules)
    with pytest.raises(ProcedureError) as caught:
        township.nominate("head", Office.TOWNSHIP_HEAD, ["王芳"], full_time=["王芳"])
    assert failing(caught.value.decision) == [("election.full_time_office", "practice")]


# -- through `npcproc check` ---------------------------------------------------------------------


def test_bj_20_1_check_one_full_time_holder_suffices(rules):
    assert found(record(vice_full_time=True), rules) == []
    assert found(record(chair_full_time=True), rules) == []


def test_bj_20_1_check_finds_no_full_time_holder(rules, national):
    assert found(record(), rules) == [("congresses[0].sessions[0].elections", "posts.chairs_full_time", "BJ 20 ¶1")]
    assert found(record(), national) == []


def test_bj_20_1_check_leaves_a_county_record_alone(rules, national):
    tree = record()
    congress = tree["congresses"][0]
    congress["level"], congress["division_code"] = "county", DIVISION[:6]
    assert found(tree, rules) == found(tree, national)
    assert "posts.chairs_full_time" not in {code for _, code, _ in found(tree, rules)}
