"""ZJ 13: the first session of a township term sets up the credentials committee, through the procedure; a county
congress is untouched."""

from __future__ import annotations

import datetime

import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.election import Nominator
from npcproc.plugins import load_rules
from npcproc.procedures import Congresses, CredentialsCommittee, Sessions
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
DAY = D(2022, 1, 5)
IDS = [f"d{n:02}" for n in range(1, 41)]


@pytest.fixture(scope="module")
def rules():
    return load_rules("浙江")


def first_session(rules, level=Level.TOWNSHIP):
    store = MemoryStore()
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t", name="某镇人民代表大会", level=level, division_code="330101001",
                                  population=30_000, deputy_quota=45 if level is Level.TOWNSHIP else 160))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("t", {i: i for i in IDS}, term=1, on=DAY)
    sessions = Sessions(store, rules)
    sessions.plan("s1", congress_id="t", opens_on=DAY)
    sessions.give_notice("s1", on=D(2021, 12, 20), materials_on=D(2022, 1, 1))
    prepare(sessions, "s1", on=DAY, presidium=IDS[:9], agenda=[])
    sessions.open("s1", on=DAY, present=IDS)
    return store


def checked(store, rules):
    Sessions(store, rules).close("s1", on=DAY)
    return [
        (r.code, r.ok, str(r.citation)) for r in CredentialsCommittee(store, rules).first_session_check("t").reasons
    ]


def test_zj_credentials_first_session_with_a_committee_passes(rules):
    store = first_session(rules)
    CredentialsCommittee(store, rules).set_up("t", "s1", on=DAY, chair="d01", members=["d10", "d11", "d12"])
    assert checked(store, rules) == [("credentials.set_up", True, "ZJ 13")]


def test_zj_credentials_first_session_without_a_committee_fails(rules):
    store = first_session(rules)
    assert checked(store, rules) == [("credentials.set_up", False, "ZJ 13")]


def test_zj_credentials_nominated_by_deputies_is_refused(rules):
    store = first_session(rules)
    with pytest.raises(ProcedureError) as refused:
        CredentialsCommittee(store, rules).set_up("t", "s1", on=DAY, chair="d01", nominated_by=Nominator.DEPUTIES)
    assert refused.value.decision.failing[0].code == "credentials.nominator"


def test_zj_credentials_a_county_congress_is_untouched(rules):
    store = first_session(rules, Level.COUNTY)
    assert checked(store, rules) == [("credentials.not_judged", True, "OL 37")]
