"""CQ 20 (the credentials committee: 主任委员、副主任委员各一人，委员三至五人, nominated by the presidium;
the term's first session sets one up) and CQ 43 (deputy groups: a leader chosen by the group's deputies, an
activity every calendar quarter), through the procedures and npcproc check; a county congress keeps national law."""

from __future__ import annotations

import datetime
import json

import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.election import Nominator
from npcproc.plugins import load_rules
from npcproc.procedures import Congresses, CredentialsCommittee, DeputyGroups, Sessions
from npcproc.record.audit import audit
from npcproc.record.load import parse_record
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
DAY = D(2022, 1, 5)
IDS = [f"d{n:02}" for n in range(1, 41)]
PRESIDIUM = IDS[:9]


@pytest.fixture(scope="module")
def cq():
    return load_rules("重庆")


def congress(rules, level=Level.TOWNSHIP, *, close=False):
    store = MemoryStore()
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t", name="某镇人民代表大会", level=level, division_code="500101001",
                                  population=30_000, deputy_quota=45 if level is Level.TOWNSHIP else 160))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("t", {i: i for i in IDS}, term=1, on=DAY)
    sessions = Sessions(store, rules)
    sessions.plan("s1", congress_id="t", opens_on=DAY)
    sessions.give_notice("s1", on=D(2021, 12, 20), materials_on=D(2022, 1, 1))
    prepare(sessions, "s1", on=DAY, presidium=PRESIDIUM, agenda=[])
    sessions.open("s1", on=DAY, present=IDS)
    if close:
        sessions.close("s1", on=DAY)
    return store


def set_up(store, rules, **committee):
    shape = {"chair": "d01", "vice_chairs": ["d02"], "members": ["d10", "d11", "d12"], **committee}
    return CredentialsCommittee(store, rules).set_up("t", "s1", on=DAY, **shape)


def refused_code(action):
    with pytest.raises(ProcedureError) as refused:
        action()
    failing = refused.value.decision.failing[0]
    return failing.code, str(failing.citation)


# -- CQ 20 ¶2: the committee's composition -------------------------------------------------------------


def test_cq_20_2_three_members_allowed(cq):
    assert set_up(congress(cq), cq).ok


def test_cq_20_2_two_members_refused(cq):
    store = congress(cq)
    assert refused_code(lambda: set_up(store, cq, members=["d10", "d11"])) == ("credentials.members_min", "CQ 20 ¶2")
    assert not CredentialsCommittee(store, cq).state("t").committees


def test_cq_20_2_five_members_allowed(cq):
    assert set_up(congress(cq), cq, members=IDS[9:14]).ok


def test_cq_20_2_six_members_refused(cq):
    store = congress(cq)
    assert refused_code(lambda: set_up(store, cq, members=IDS[9:15])) == ("credentials.members_max", "CQ 20 ¶2")


def test_cq_20_2_one_vice_chair_allowed_two_refused(cq):
    store = congress(cq)
    assert refused_code(lambda: set_up(store, cq, vice_chairs=["d02", "d03"])) == (
        "credentials.vice_chairs_max", "CQ 20 ¶2")  # fmt: skip
    assert refused_code(lambda: set_up(store, cq, vice_chairs=[])) == ("credentials.vice_chairs_min", "CQ 20 ¶2")
    assert set_up(store, cq, vice_chairs=["d03"]).ok


def test_cq_20_2_a_chair_is_required(cq):
    assert refused_code(lambda: set_up(congress(cq), cq, chair="")) == ("credentials.chair", "CQ 20 ¶2")


def test_cq_20_2_the_chair_is_a_presidium_member(cq):
    store = congress(cq)
    assert refused_code(lambda: set_up(store, cq, chair="d20")) == ("credentials.presidium", "CQ 20 ¶2")
    assert set_up(store, cq, chair="d09").ok  # the ninth presidium member


def test_cq_20_2_members_are_deputies_of_the_term(cq):
    store = congress(cq)
    assert refused_code(lambda: set_up(store, cq, members=["d10", "d11", "某干部"])) == (
        "credentials.deputy", "CQ 20 ¶2")  # fmt: skip


def test_cq_20_2_nominated_by_the_presidium_not_by_deputies(cq):
    store = congress(cq)
    assert refused_code(lambda: set_up(store, cq, nominated_by=Nominator.DEPUTIES)) == (
        "credentials.nominator", "CQ 20 ¶2")  # fmt: skip
    assert set_up(store, cq, nominated_by=Nominator.PRESIDIUM).ok


def test_cq_20_2_a_county_congress_keeps_national_law(cq):
    store = congress(cq, Level.COUNTY)
    assert refused_code(lambda: set_up(store, cq)) == ("credentials.township", "OL 56 ¶1")
    county = Congresses(store, cq).state("t").rules(cq, DAY)
    assert county.optional("credentials.members.min") is None


# -- CQ 20 ¶1: the term's first session sets one up --------------------------------------------------


def test_cq_20_1_first_session_with_a_committee_passes(cq):
    store = congress(cq)
    set_up(store, cq)
    Sessions(store, cq).close("s1", on=DAY)
    decision = CredentialsCommittee(store, cq).first_session_check("t")
    assert [(r.code, r.ok, str(r.citation)) for r in decision.reasons] == [("credentials.set_up", True, "CQ 20 ¶1")]


def test_cq_20_1_first_session_without_a_committee_fails(cq):
    store = congress(cq, close=True)
    decision = CredentialsCommittee(store, cq).first_session_check("t")
    assert [(r.code, r.ok, str(r.citation)) for r in decision.reasons] == [("credentials.set_up", False, "CQ 20 ¶1")]


# -- CQ 43: deputy groups ------------------------------------------------------------------------------


def test_cq_43_a_group_with_a_leader_from_its_deputies_is_formed(cq):
    store = congress(cq)
    assert DeputyGroups(store, cq).form("t", "g1", on=D(2022, 2, 1), members=IDS[:3], leader="d01").ok


def test_cq_43_a_group_without_a_leader_is_refused(cq):
    store = congress(cq)
    groups = DeputyGroups(store, cq)
    assert refused_code(lambda: groups.form("t", "g1", on=D(2022, 2, 1), members=IDS[:3])) == (
        "deputy_group.leader", "CQ 43")  # fmt: skip
    assert refused_code(lambda: groups.form("t", "g1", on=D(2022, 2, 1), members=IDS[:3], leader="d04")) == (
        "deputy_group.leader", "CQ 43")  # fmt: skip
    assert groups.groups("t") == {}


def test_cq_43_three_deputies_allowed_two_refused(cq):
    store = congress(cq)
    groups = DeputyGroups(store, cq)
    assert refused_code(lambda: groups.form("t", "g1", on=D(2022, 2, 1), members=IDS[:2], leader="d01")) == (
        "deputy_group.min_members", "OL 43 ¶3")  # fmt: skip
    assert groups.form("t", "g1", on=D(2022, 2, 1), members=IDS[:3], leader="d01").ok


def quarterly(store, rules, *days):
    groups = DeputyGroups(store, rules)
    groups.form("t", "g1", on=D(2022, 3, 20), members=IDS[:3], leader="d01")
    for number, day in enumerate(days):
        groups.record_activity("t", "g1", f"a{number}", on=day, present=["d01", "d02"])
    return groups


def test_cq_43_one_activity_in_the_quarter_passes(cq):
    groups = quarterly(congress(cq), cq, D(2022, 6, 30))
    decision = groups.activity_check("t", 2022, as_of=D(2022, 6, 30))
    assert [(r.code, r.ok, str(r.citation), r.values["quarter"]) for r in decision.reasons] == [
        ("deputy_group.quarter", True, "CQ 43", 2)]  # fmt: skip


def test_cq_43_no_activity_in_the_quarter_fails(cq):
    groups = quarterly(congress(cq), cq, D(2022, 7, 1))
    decision = groups.activity_check("t", 2022, as_of=D(2022, 9, 30))
    assert [(r.ok, r.values["quarter"]) for r in decision.reasons] == [(False, 2), (True, 3)]
    assert not decision.ok


def test_cq_43_a_quarter_not_over_or_begun_before_the_group_is_not_judged(cq):
    store = congress(cq)
    groups = DeputyGroups(store, cq)
    groups.form("t", "g1", on=D(2022, 3, 20), members=IDS[:3], leader="d01")
    assert groups.activity_check("t", 2022, as_of=D(2022, 6, 29)).reasons[0].code == "deputy_group.not_judged"


def test_cq_43_a_county_group_is_not_held_to_cq_43(cq):
    store = congress(cq, Level.COUNTY)
    groups = DeputyGroups(store, cq)
    assert groups.form("t", "g1", on=D(2022, 3, 20), members=IDS[:3]).ok  # no leader needed
    assert groups.activity_check("t", 2022).reasons[0].code == "deputy_group.not_judged"


# -- npcproc check --------------------------------------------------------------------------------------


def record(level="township", **year):
    deputies = [{"id": i, "name": i, "elected_on": "2022-01-05"} for i in IDS]
    base = {
        "id": "t", "name": "某镇人民代表大会", "level": level, "division_code": "500101001",
        "population": 30000, "deputy_quota": 45 if level == "township" else 160, "term": 1,
        "elections_completed_on": "2021-11-20", "deputies": deputies,
        "sessions": [{"id": "s1", "opens_on": "2022-01-05", "first_of_term": True, "presidium": PRESIDIUM,
                      "notice_on": "2021-12-20", "materials_on": "2022-01-01", "present": IDS,
                      "closed_on": "2022-01-05"}],
    }  # fmt: skip
    base.update(year)
    data = {"format_version": 1, "province": "重庆", "as_of": "2022-12-30", "congresses": [base]}
    return parse_record(json.dumps(data).encode(), name="r.json", toml=False)


def ours(found):
    return [(f.severity, f.code, f.where, str(f.citation)) for f in found.findings
            if f.code.startswith(("credentials.", "deputy_group."))]  # fmt: skip


def with_committee(**committee):
    data = {
        "id": "s1",
        "opens_on": "2022-01-05",
        "first_of_term": True,
        "presidium": PRESIDIUM,
        "notice_on": "2021-12-20",
        "materials_on": "2022-01-01",
        "present": IDS,
        "closed_on": "2022-01-05",
    }
    if committee:
        data["credentials_committee"] = committee
    return [data]


def test_cq_20_1_check_a_first_session_without_a_committee_is_a_violation(cq):
    assert ours(audit(record(sessions=with_committee()), cq)) == [
        ("violation", "credentials.set_up", "congresses[0].sessions[0]", "CQ 20 ¶1")]  # fmt: skip


def test_cq_20_check_a_committee_of_the_right_size_passes(cq):
    committee = {"chair": "d01", "vice_chairs": ["d02"], "members": IDS[9:14]}
    assert ours(audit(record(sessions=with_committee(**committee)), cq)) == []


def test_cq_20_2_check_six_members_is_a_violation(cq):
    committee = {"chair": "d01", "vice_chairs": ["d02"], "members": IDS[9:15]}
    assert ours(audit(record(sessions=with_committee(**committee)), cq)) == [
        ("violation", "credentials.members_max", "congresses[0].sessions[0].credentials_committee", "CQ 20 ¶2")
    ]


def test_cq_20_1_check_a_county_record_needs_no_committee(cq):
    assert ours(audit(record("county", sessions=with_committee()), cq)) == []


def group(*days, leader="d01"):
    activities = [{"id": f"a{n}", "on": day, "present": ["d01"]} for n, day in enumerate(days)]
    return [{"id": "g1", "formed_on": "2022-03-20", "members": IDS[:3], "leader": leader, "activities": activities}]


def test_cq_43_check_an_activity_every_quarter_passes(cq):
    days = ["2022-04-10", "2022-09-30"]
    committee = {"chair": "d01", "vice_chairs": ["d02"], "members": IDS[9:12]}
    rec = record(sessions=with_committee(**committee), deputy_groups=group(*days))
    assert ours(audit(rec, cq)) == []  # Q4 is not over on 2022-12-30


def test_cq_43_check_a_quarter_without_activity_is_a_violation(cq):
    days = ["2022-04-10", "2022-10-01"]
    committee = {"chair": "d01", "vice_chairs": ["d02"], "members": IDS[9:12]}
    rec = record(sessions=with_committee(**committee), deputy_groups=group(*days))
    assert ours(audit(rec, cq)) == [
        ("violation", "deputy_group.quarter", "congresses[0].deputy_groups[0].activities", "CQ 43")
    ]


def test_cq_43_check_a_county_group_needs_neither_leader_nor_quarterly_activity(cq):
    assert ours(audit(record("county", deputy_groups=group("2022-04-10", leader="")), cq)) == []


# -- CQ 20 ¶1: 负责审查……换届时选出的下一届代表的代表资格 (the outgoing committee) ------------------------------------

NEW = [f"n{n:02}" for n in range(1, 41)]
NEXT_ELECTED, NEXT_CONFIRMED, NEXT_OPENS = D(2026, 11, 20), D(2026, 12, 5), D(2027, 1, 5)


def next_term(rules, *, confirmed_on=NEXT_CONFIRMED, covered=NEW, level=Level.TOWNSHIP):
    """Term 1 with its committee; term 2's deputies elected on 2026-11-20, reviewed by the outgoing committee on
    2026-12-01 (``covered``) and confirmed on ``confirmed_on`` (or never); term 2's first session opens 2027-01-05."""
    from npcproc.procedures import NextTermReview

    store = congress(rules, level)
    if level is Level.TOWNSHIP:
        set_up(store, rules)
    sessions = Sessions(store, rules)
    sessions.close("s1", on=DAY)
    congresses = Congresses(store, rules)
    congresses.begin_term("t", 2, elections_completed_on=NEXT_ELECTED)
    congresses.elect_deputies("t", {i: i for i in NEW}, term=2, on=NEXT_ELECTED)
    review = NextTermReview(store, rules)
    if level is Level.TOWNSHIP:
        review.report("t", "n-1", on=D(2026, 12, 1), deputies=covered)
        if confirmed_on is not None:
            review.confirm("t", "n-1", on=confirmed_on)
    sessions.plan("s2", congress_id="t", opens_on=NEXT_OPENS)
    sessions.give_notice("s2", on=D(2026, 12, 20), materials_on=D(2027, 1, 1))
    prepare(sessions, "s2", on=NEXT_OPENS, presidium=NEW[:9], agenda=[])
    sessions.open("s2", on=NEXT_OPENS, present=NEW)
    return review


def next_term_failing(review):
    return sorted({(r.code, str(r.citation)) for r in review.check("t", 2).failing})


@pytest.mark.parametrize(("confirmed_on", "ok"), [(D(2027, 1, 4), True), (NEXT_OPENS, False), (None, False)])
def test_cq_20_1_the_outgoing_committee_reviews_the_next_terms_deputies(cq, confirmed_on, ok):
    review = (
        next_term(cq, confirmed_on=confirmed_on) if confirmed_on != NEXT_OPENS else next_term(cq, confirmed_on=None)
    )
    if confirmed_on == NEXT_OPENS:  # the outgoing presidium's term is over once the new term's first session opens
        assert refused_code(lambda: review.confirm("t", "n-1", on=NEXT_OPENS)) == ("credentials.term_over", "OL 37")
    assert next_term_failing(review) == ([] if ok else [("credentials.next_term_reviewed", "CQ 20 ¶1")])


def test_cq_20_1_a_deputy_the_report_leaves_out_is_not_reviewed(cq):
    review = next_term(cq, covered=NEW[:-1])
    assert [r.values["deputy_id"] for r in review.check("t", 2).failing] == [NEW[-1]]


def test_cq_20_1_only_the_next_terms_deputies_before_its_first_session(cq):
    review = next_term(cq)
    assert refused_code(lambda: review.report("t", "n-2", on=NEXT_OPENS, deputies=NEW[:1])) == (
        "credentials.term_over", "OL 37")  # fmt: skip
    store = congress(cq)
    set_up(store, cq)
    Congresses(store, cq).begin_term("t", 2, elections_completed_on=NEXT_ELECTED)
    from npcproc.procedures import NextTermReview

    assert refused_code(lambda: NextTermReview(store, cq).report("t", "n-1", on=D(2026, 12, 1), deputies=["d01"])) == (
        "credentials.not_next_term", "EL 47 ¶2")  # fmt: skip


def test_cq_20_1_leaves_a_county_and_national_law_alone(cq):
    county = next_term(cq, level=Level.COUNTY)
    assert county.check("t", 2).reasons == ()
    national = next_term(load_rules(None), confirmed_on=None)
    assert national.check("t", 2).reasons == ()
