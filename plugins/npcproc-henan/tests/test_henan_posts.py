"""HN 6 ¶1 (a full-time chair) and HN 2 ¶4 (a presidium member who takes up a township-government post
resigns from the presidium), through the procedures and through `npcproc check`.

"乡镇的人民代表大会设专职主席，并可以设副主席一人至二人。"
"主席团成员不得担任乡镇人民政府职务，如果担任，必须向乡镇人民代表大会辞去主席团成员职务。"
"""

from __future__ import annotations

import copy
import datetime
import json
import tomllib
from pathlib import Path

import npcproc_henan
import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.election import Candidate, ElectionBallot, Nominator, Office
from npcproc.model.session import Choice
from npcproc.procedures import Congresses, Elections, PresidiumMeetings, Sessions
from npcproc.record.audit import audit
from npcproc.record.load import parse_record
from npcproc.report.year import read_year
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
DAY = D(2022, 1, 5)
IDS = [f"d{n:02}" for n in range(1, 61)]
DIVISION = "410102001"
EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "township-year.toml"
pytestmark = pytest.mark.skipif(not EXAMPLE.exists(), reason="needs npcproc's example record (a source checkout)")


@pytest.fixture
def rules(npcproc_rules):
    return npcproc_rules("HN", npcproc_henan)


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


# -- HN 6 ¶1: 设专职主席 -----------------------------------------------------------------------------


def test_hn_6_1_a_chair_nominated_full_time_is_elected(rules):
    township = Township(rules)
    assert township.elect("chair", Office.TOWNSHIP_CHAIR, ["d01"], full_time=["d01"]).posts.ok


def test_hn_6_1_a_chair_candidate_not_nominated_full_time_is_refused(rules):
    with pytest.raises(ProcedureError) as caught:
        Township(rules).nominate("chair", Office.TOWNSHIP_CHAIR, ["d01"])
    assert failing(caught.value.decision) == [("election.chair_full_time", "HN 6 ¶1")]


def test_hn_6_1_a_part_time_vice_chair_and_no_vice_chair_are_lawful(rules):
    # "可以设副主席一人至二人": the vice-chairs are a permission, and HN asks none of them to be full-time
    assert found(record(chair_full_time=True), rules) == []
    assert found(record(chair_full_time=True, vice=False), rules) == []


def test_hn_6_1_check_finds_a_chair_not_nominated_full_time(rules):
    assert found(record(), rules) == [
        ("congresses[0].sessions[0].elections[1].nominations[0]", "election.chair_full_time", "HN 6 ¶1"),
        ("congresses[0].sessions[0].elections", "posts.chair_full_time", "HN 6 ¶1"),
    ]


# -- HN 2 ¶4: 如果担任，必须向乡镇人民代表大会辞去主席团成员职务 ---------------------------------------------


def in_recess(rules):
    """The township after its session closed on 5 January; its presidium is d01-d09."""
    township = Township(rules)
    township.sessions.close("s1", on=DAY)
    return township, PresidiumMeetings(township.store, rules)


def test_hn_2_4_a_member_without_an_administrative_post_meets(rules):
    township, presidium = in_recess(rules)
    township.congresses.record_administrative_post("t", "d03", holds=True, on=D(2022, 3, 2))
    assert presidium.hold_meeting("t", "m1", on=D(2022, 3, 1), present=IDS[:9]).ok  # the day before


def test_hn_2_4_a_member_who_takes_up_a_post_must_resign_before_the_presidium_meets(rules, national):
    township, presidium = in_recess(rules)
    township.congresses.record_administrative_post("t", "d03", holds=True, on=D(2022, 3, 1))
    with pytest.raises(ProcedureError) as caught:
        presidium.hold_meeting("t", "m1", on=D(2022, 3, 1), present=IDS[:9])
    assert failing(caught.value.decision) == [("presidium.admin_post_resign", "HN 2 ¶4")]
    assert presidium.state("t").meetings == {}  # a refusal records nothing
    presidium.resign_member("t", "d03", on=D(2022, 3, 2))
    assert presidium.members("t", D(2022, 3, 2)) == ("s1", tuple(m for m in IDS[:9] if m != "d03"))
    with pytest.raises(ProcedureError) as caught:  # a resigned member is not at the meeting
        presidium.hold_meeting("t", "m1", on=D(2022, 3, 2), present=IDS[:9])
    assert failing(caught.value.decision) == [("presidium.not_member", "OL 19 ¶1")]
    quorum = presidium.hold_meeting("t", "m1", on=D(2022, 3, 2), present=["d01", "d02", "d04", "d05", "d06"])
    assert [dict(r.values) for r in quorum.reasons] == [{"present": 5, "members": 8, "required": 5}]
    # without a province's bar the national presidium meets as it is (OL 18 ¶2 binds the chairs only)
    township, presidium = in_recess(national)
    township.congresses.record_administrative_post("t", "d03", holds=True, on=D(2022, 3, 1))
    assert presidium.hold_meeting("t", "m1", on=D(2022, 3, 1), present=IDS[:9]).ok


def test_hn_2_4_a_member_who_left_the_post_meets_again(rules):
    township, presidium = in_recess(rules)
    township.congresses.record_administrative_post("t", "d03", holds=True, on=D(2022, 3, 1))
    township.congresses.record_administrative_post("t", "d03", holds=False, on=D(2022, 4, 1))
    assert presidium.hold_meeting("t", "m1", on=D(2022, 4, 1), present=IDS[:9]).ok


def test_hn_2_4_only_a_member_may_resign_from_the_presidium(rules):
    _township, presidium = in_recess(rules)
    with pytest.raises(ProcedureError) as caught:
        presidium.resign_member("t", "d30", on=D(2022, 3, 1))
    assert failing(caught.value.decision) == [("presidium.not_member", "OL 19 ¶1")]


def test_hn_2_4_the_year_report_keeps_meetings_held_after_a_resignation(rules):
    township, presidium = in_recess(rules)
    township.congresses.record_administrative_post("t", "d03", holds=True, on=D(2022, 3, 1))
    presidium.resign_member("t", "d03", on=D(2022, 3, 1))  # the presidium stream's first event
    presidium.hold_meeting("t", "m1", on=D(2022, 3, 2), present=["d01", "d02", "d04", "d05", "d06"])
    (year,) = read_year(township.store, year=2022, rules=rules).congresses
    assert [m.held.meeting_id for m in year.presidium] == ["m1"]
