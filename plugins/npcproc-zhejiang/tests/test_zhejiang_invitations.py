"""ZJ 21 ¶2 "乡镇人民代表大会举行会议时，应当邀请本行政区域内上级人民代表大会代表列席": a township session invites
the upper-level deputies elected in the area, where any are on record (procedure and ``npcproc check``)."""

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
from npcproc.model.session import SessionKind
from npcproc.procedures import Congresses, Sessions
from npcproc.record.audit import audit
from npcproc.record.load import parse_record
from npcproc.rules import Citation
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
DEPUTIES = {f"d{n:02}": f"代表{n}" for n in range(1, 61)}
EVERYONE = list(DEPUTIES)
OPENS = D(2022, 1, 5)
UPPER = ["县代表甲", "县代表乙"]
ZJ_21_2 = Citation(law="ZJ", article=21, paragraph=2)
EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "township-year.toml"


@pytest.fixture
def zhejiang(npcproc_rules):
    return npcproc_rules("浙江", npcproc_zhejiang)


def ready(rules, *, level=Level.TOWNSHIP, upper=UPPER, kind=SessionKind.REGULAR):
    """A congress of 60 deputies with ``upper`` on record and session "s" prepared, ready to open."""
    store = MemoryStore()
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="c", name="某人民代表大会", level=level,
                                  division_code="330110001" if level is Level.TOWNSHIP else "330110",
                                  population=30_000, deputy_quota=65 if level is Level.TOWNSHIP else 200))  # fmt: skip
    congresses.begin_term("c", 1, elections_completed_on=D(2021, 11, 10))
    congresses.elect_deputies("c", DEPUTIES, term=1, on=D(2021, 11, 10))
    if upper:
        congresses.record_upper_deputies("c", upper, on=D(2021, 11, 10))
    sessions = Sessions(store, rules)
    sessions.plan("s", congress_id="c", opens_on=OPENS, kind=kind)
    sessions.give_notice("s", on=OPENS - datetime.timedelta(days=10), materials_on=OPENS - datetime.timedelta(days=3))
    prepare(sessions, "s", on=OPENS, presidium=EVERYONE[:9], agenda=[])
    return sessions


def test_zj_21_2_a_session_inviting_one_upper_level_deputy_opens(zhejiang):
    sessions = ready(zhejiang)
    decision = sessions.open("s", on=OPENS, present=EVERYONE, invited=UPPER[:1])
    assert [(r.code, r.ok, r.citation) for r in decision.reasons if r.code.startswith("session.upper")] == [
        ("session.upper_deputies_invited", True, ZJ_21_2)
    ]
    assert sessions.state("s").invited == ("县代表甲",)


@pytest.mark.parametrize("kind", [SessionKind.REGULAR, SessionKind.EXTRAORDINARY])
def test_zj_21_2_a_session_inviting_none_is_refused_and_records_nothing(zhejiang, kind):
    sessions = ready(zhejiang, kind=kind)
    with pytest.raises(ProcedureError) as caught:
        sessions.open("s", on=OPENS, present=EVERYONE)
    assert [(r.code, r.citation) for r in caught.value.decision.failing] == [
        ("session.upper_deputies_invited", ZJ_21_2)
    ]
    assert sessions.state("s").opened_on is None


def test_zj_21_2_without_upper_level_deputies_on_record_nothing_is_required(zhejiang):
    sessions = ready(zhejiang, upper=[])
    assert sessions.open("s", on=OPENS, present=EVERYONE).ok


def test_zj_21_2_a_county_session_is_untouched(zhejiang):
    sessions = ready(zhejiang, level=Level.COUNTY)
    decision = sessions.open("s", on=OPENS, present=EVERYONE)
    assert decision.ok
    assert not [r for r in decision.reasons if r.code.startswith("session.upper")]


def test_zj_21_2_national_law_alone_requires_no_invitation(npcproc_rules):
    assert ready(npcproc_rules(None)).open("s", on=OPENS, present=EVERYONE).ok


def checked(rules, *, upper, invited):
    tree = copy.deepcopy(tomllib.loads(EXAMPLE.read_text(encoding="utf-8")))
    year = tree["congresses"][0]
    year["upper_deputies"] = upper
    for session in year["sessions"]:
        session["invited"] = invited
    data = json.dumps(tree, ensure_ascii=False, default=str).encode()
    found = audit(parse_record(data, name="zj21.json", toml=False), rules).findings
    return [(f.severity, f.where, str(f.citation)) for f in found if f.code == "session.upper_deputies_invited"]


@pytest.mark.skipif(not EXAMPLE.exists(), reason="needs npcproc's example record (a source checkout)")
@pytest.mark.parametrize(
    ("upper", "invited", "expected"),
    [
        (UPPER, UPPER[:1], []),
        (UPPER, [], [("violation", f"congresses[0].sessions[{i}].invited", "ZJ 21 ¶2") for i in (0, 1)]),
        ([], [], []),
    ],
)
def test_zj_21_2_through_npcproc_check(zhejiang, upper, invited, expected):
    assert checked(zhejiang, upper=upper, invited=invited) == expected
