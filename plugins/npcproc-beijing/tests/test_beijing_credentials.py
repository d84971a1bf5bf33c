"""BJ 15 ¶1: the first session of a township term sets up the credentials committee, through the procedure; a county
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
    return load_rules("北京")


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


def test_bj_credentials_first_session_with_a_committee_passes(rules):
    store = first_session(rules)
    CredentialsCommittee(store, rules).set_up("t", "s1", on=DAY, chair="d01", members=["d10", "d11", "d12"])
    assert checked(store, rules) == [("credentials.set_up", True, "BJ 15 ¶1")]


def test_bj_credentials_first_session_without_a_committee_fails(rules):
    store = first_session(rules)
    assert checked(store, rules) == [("credentials.set_up", False, "BJ 15 ¶1")]


def test_bj_credentials_nominated_by_deputies_is_refused(rules):
    store = first_session(rules)
    with pytest.raises(ProcedureError) as refused:
        CredentialsCommittee(store, rules).set_up("t", "s1", on=DAY, chair="d01", nominated_by=Nominator.DEPUTIES)
    assert refused.value.decision.failing[0].code == "credentials.nominator"


def test_bj_credentials_a_county_congress_is_untouched(rules):
    store = first_session(rules, Level.COUNTY)
    assert checked(store, rules) == [("credentials.not_judged", True, "OL 37")]


def test_bj_15_1_members_nominated_from_the_deputies(rules):
    store = first_session(rules)
    committees = CredentialsCommittee(store, rules)
    with pytest.raises(ProcedureError) as refused:
        committees.set_up("t", "s1", on=DAY, chair="d01", members=["d10", "某干部"])
    assert (refused.value.decision.failing[0].code, str(refused.value.decision.failing[0].citation)) == (
        "credentials.deputy", "BJ 15 ¶1")  # fmt: skip
    assert committees.set_up("t", "s1", on=DAY, chair="d01", members=["d10", "d11"]).ok


# -- BJ 15 ¶2: 由上届代表资格审查委员会进行审查……在新的一届人民代表大会第一次会议的预备会议上宣布 ------------


@pytest.mark.parametrize(("confirmed", "ok"), [(True, True), (False, False)])
def test_bj_15_2_the_outgoing_committee_reviews_the_new_deputies_before_the_first_session(rules, confirmed, ok):
    from npcproc.procedures import NextTermReview

    store = first_session(rules)
    CredentialsCommittee(store, rules).set_up("t", "s1", on=DAY, chair="d01", members=["d10", "d11"])
    sessions = Sessions(store, rules)
    sessions.close("s1", on=DAY)
    new = [f"n{n:02}" for n in range(1, 41)]
    Congresses(store, rules).begin_term("t", 2, elections_completed_on=D(2026, 11, 20))
    Congresses(store, rules).elect_deputies("t", {i: i for i in new}, term=2, on=D(2026, 11, 20))
    review = NextTermReview(store, rules)
    review.report("t", "n-1", on=D(2026, 12, 1), deputies=new)
    if confirmed:  # 经主席团审议通过 before the preparatory meeting of 5 January 2027
        review.confirm("t", "n-1", on=D(2027, 1, 4))
    sessions.plan("s2", congress_id="t", opens_on=D(2027, 1, 5))
    sessions.give_notice("s2", on=D(2026, 12, 20), materials_on=D(2027, 1, 1))
    prepare(sessions, "s2", on=D(2027, 1, 5), presidium=new[:9], agenda=[])
    sessions.open("s2", on=D(2027, 1, 5), present=new)
    found = {(r.ok, r.code, str(r.citation)) for r in review.check("t", 2).reasons}
    assert found == {(ok, "credentials.next_term_reviewed", "BJ 15 ¶2")}


def test_bj_15_2_leaves_a_county_to_national_law(rules):
    from npcproc.rules.parameters import CongressFacts

    assert rules.for_congress(CongressFacts(level=Level.COUNTY)).optional("credentials.reviews_next_term") is None
    assert rules.for_congress(CongressFacts(level=Level.TOWNSHIP)).optional("credentials.reviews_next_term")
