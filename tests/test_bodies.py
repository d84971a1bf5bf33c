"""The credentials committee (OL 37, EL 57 ¶5, EL 47 ¶2) and deputy groups (OL 43 ¶3) under national law, through
the procedures, the record (npcproc check) and its import. The provincial rules are tested with each plugin."""

from __future__ import annotations

import datetime

import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.plugins import load_rules
from npcproc.procedures import Congresses, CredentialsCommittee, DeputyGroups, Sessions
from npcproc.record.audit import audit
from npcproc.record.importer import import_record
from npcproc.record.load import parse_record
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
DAY = D(2022, 1, 5)
IDS = [f"d{n:02}" for n in range(1, 41)]


@pytest.fixture(scope="module")
def national():
    return load_rules(None)


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
    prepare(sessions, "s1", on=DAY, presidium=IDS[:9], agenda=[])
    sessions.open("s1", on=DAY, present=IDS)
    if close:
        sessions.close("s1", on=DAY)
    return store


def test_ol_37_the_first_session_adopts_the_committee(national):
    store = congress(national)
    committees = CredentialsCommittee(store, national)
    decision = committees.set_up("t", "s1", on=DAY, chair="d01", members=["d10", "d11"])
    assert decision.ok
    assert committees.state("t").committees[1].members == ("d10", "d11")


def test_ol_37_a_second_committee_in_the_term_is_refused(national):
    store = congress(national)
    committees = CredentialsCommittee(store, national)
    committees.set_up("t", "s1", on=DAY, chair="d01")
    with pytest.raises(ProcedureError) as refused:
        committees.set_up("t", "s1", on=DAY, chair="d02")
    assert refused.value.decision.failing[0].code == "credentials.exists"
    assert committees.state("t").committees[1].chair == "d01"


def test_ol_37_a_later_session_cannot_adopt_it(national):
    store = congress(national, close=True)
    sessions = Sessions(store, national)
    sessions.plan("s2", congress_id="t", opens_on=D(2022, 6, 1))
    sessions.give_notice("s2", on=D(2022, 5, 20), materials_on=D(2022, 5, 25))
    prepare(sessions, "s2", on=D(2022, 6, 1), presidium=IDS[:9], agenda=[])
    sessions.open("s2", on=D(2022, 6, 1), present=IDS)
    with pytest.raises(ProcedureError) as refused:
        CredentialsCommittee(store, national).set_up("t", "s2", on=D(2022, 6, 1), chair="d01")
    assert refused.value.decision.failing[0].code == "credentials.first_session"
    assert not CredentialsCommittee(store, national).state("t").committees


def test_ol_37_not_after_the_first_session_closed(national):
    store = congress(national, close=True)
    with pytest.raises(ProcedureError) as refused:
        CredentialsCommittee(store, national).set_up("t", "s1", on=DAY + datetime.timedelta(days=1), chair="d01")
    assert refused.value.decision.failing[0].code == "credentials.session_open"


def test_ol_56_1_a_county_committee_is_the_standing_committees(national):
    store = congress(national, Level.COUNTY)
    with pytest.raises(ProcedureError) as refused:
        CredentialsCommittee(store, national).set_up("t", "s1", on=DAY, chair="d01")
    assert (refused.value.decision.failing[0].code, str(refused.value.decision.failing[0].citation)) == (
        "credentials.township", "OL 56 ¶1")  # fmt: skip


def test_ol_37_national_law_requires_no_committee(national):
    store = congress(national, close=True)
    assert CredentialsCommittee(store, national).first_session_check("t").reasons[0].code == "credentials.not_judged"


def by_election(store, rules):
    Congresses(store, rules).elect_deputies("t", {"b1": "b1"}, term=1, on=D(2022, 5, 10))


def test_el_57_5_a_by_elected_deputy_is_pending_until_a_report_is_confirmed(national):
    store = congress(national)
    committees = CredentialsCommittee(store, national)
    committees.set_up("t", "s1", on=DAY, chair="d01")
    by_election(store, national)
    assert committees.by_elected("t") == ("b1",)
    assert committees.pending("t", on=D(2022, 5, 9)) == ()
    assert committees.pending("t", on=D(2022, 5, 10)) == ("b1",)
    committees.report("t", "r1", on=D(2022, 5, 20), deputies=["b1"])
    assert committees.pending("t", on=D(2022, 5, 21)) == ("b1",)  # reported, not yet confirmed (EL 47 ¶2)
    committees.confirm("t", "r1", on=D(2022, 5, 22))
    assert committees.pending("t", on=D(2022, 5, 21)) == ("b1",)
    assert committees.pending("t", on=D(2022, 5, 22)) == ()


def test_el_57_5_a_deputy_of_the_general_election_is_not_reviewed_by_the_committee(national):
    store = congress(national)
    committees = CredentialsCommittee(store, national)
    committees.set_up("t", "s1", on=DAY, chair="d01")
    with pytest.raises(ProcedureError) as refused:
        committees.report("t", "r1", on=D(2022, 5, 20), deputies=["d05"])
    assert refused.value.decision.failing[0].code == "credentials.not_by_elected"
    assert not committees.state("t").reports


def test_el_57_5_no_report_without_a_committee(national):
    store = congress(national)
    by_election(store, national)
    with pytest.raises(ProcedureError) as refused:
        CredentialsCommittee(store, national).report("t", "r1", on=D(2022, 5, 20), deputies=["b1"])
    assert refused.value.decision.failing[0].code == "credentials.no_committee"


def test_el_47_2_the_presidium_cannot_confirm_before_the_report(national):
    store = congress(national)
    committees = CredentialsCommittee(store, national)
    committees.set_up("t", "s1", on=DAY, chair="d01")
    by_election(store, national)
    committees.report("t", "r1", on=D(2022, 5, 20), deputies=["b1"])
    with pytest.raises(ProcedureError):
        committees.confirm("t", "r1", on=D(2022, 5, 19))
    committees.confirm("t", "r1", on=D(2022, 5, 20))
    assert committees.state("t").confirmed == {"r1": D(2022, 5, 20)}


# -- deputy groups ---------------------------------------------------------------------------------


def test_ol_43_3_a_group_of_three_deputies_may_be_formed(national):
    store = congress(national)
    groups = DeputyGroups(store, national)
    assert groups.form("t", "g1", on=D(2022, 2, 1), members=["d01", "d02", "d03"]).ok
    assert groups.groups("t")["g1"].formed.members == ("d01", "d02", "d03")


def test_ol_43_3_a_group_of_two_deputies_is_refused(national):
    store = congress(national)
    groups = DeputyGroups(store, national)
    with pytest.raises(ProcedureError) as refused:
        groups.form("t", "g1", on=D(2022, 2, 1), members=["d01", "d02", "d02"])
    reason = refused.value.decision.failing[0]
    assert (reason.code, str(reason.citation), reason.values["members"]) == ("deputy_group.min_members", "OL 43 ¶3", 2)
    assert groups.groups("t") == {}


def test_ol_43_3_a_county_group_needs_three_deputies_too(national):
    store = congress(national, Level.COUNTY)
    with pytest.raises(ProcedureError):
        DeputyGroups(store, national).form("t", "g1", on=D(2022, 2, 1), members=["d01", "d02"])


def test_ol_43_3_members_are_deputies_in_office(national):
    store = congress(national)
    with pytest.raises(ProcedureError) as refused:
        DeputyGroups(store, national).form("t", "g1", on=D(2022, 2, 1), members=["d01", "d02", "x"])
    assert refused.value.decision.failing[0].code == "deputy.not_in_office"


def test_ol_43_3_activities_are_recorded_and_national_law_sets_no_frequency(national):
    store = congress(national)
    groups = DeputyGroups(store, national)
    groups.form("t", "g1", on=D(2022, 2, 1), members=["d01", "d02", "d03"])
    groups.record_activity("t", "g1", "a1", on=D(2022, 2, 10), present=["d01"], guests=["县人大代表甲"])
    with pytest.raises(ProcedureError) as refused:
        groups.record_activity("t", "g1", "a2", on=D(2022, 2, 11), present=["d09"])
    assert refused.value.decision.failing[0].code == "deputy_group.not_member"
    with pytest.raises(ProcedureError):
        groups.record_activity("t", "g1", "a3", on=D(2022, 1, 31), present=["d01"])
    assert list(groups.groups("t")["g1"].activities) == ["a1"]
    assert groups.activity_check("t", 2022).reasons[0].code == "deputy_group.not_judged"


# -- the record --------------------------------------------------------------------------------------


def record(**year):
    import json

    deputies = [{"id": i, "name": i, "elected_on": "2022-01-05"} for i in IDS]
    base = {
        "id": "t", "name": "某镇人民代表大会", "level": "township", "division_code": "500101001",
        "population": 30000, "deputy_quota": 45, "term": 1, "elections_completed_on": "2021-11-20",
        "deputies": deputies,
        "sessions": [{"id": "s1", "opens_on": "2022-01-05", "first_of_term": True, "presidium": IDS[:9],
                      "notice_on": "2021-12-20", "materials_on": "2022-01-01", "present": IDS,
                      "closed_on": "2022-01-05"}],
    }  # fmt: skip
    base.update(year)
    data = {"format_version": 1, "as_of": "2022-12-30", "congresses": [base]}
    return parse_record(json.dumps(data).encode(), name="r.json", toml=False)


def codes(found):
    return [(f.severity, f.code, f.where) for f in found.findings]


def test_el_57_5_record_a_by_elected_deputy_without_a_confirmed_report_is_a_notice(national):
    deputies = [{"id": i, "name": i, "elected_on": "2022-01-05"} for i in IDS] + [
        {"id": "b1", "name": "b1", "elected_on": "2022-05-10"}]  # fmt: skip
    found = audit(record(deputies=deputies), national)
    assert codes(found) == [("notice", "credentials.pending", "congresses[0].deputies")]
    assert found.ok


def test_el_57_5_record_a_confirmed_report_covers_the_deputy_and_is_imported(national):
    deputies = [{"id": i, "name": i, "elected_on": "2022-01-05"} for i in IDS] + [
        {"id": "b1", "name": "b1", "elected_on": "2022-05-10"}]  # fmt: skip
    sessions = [{"id": "s1", "opens_on": "2022-01-05", "first_of_term": True, "presidium": IDS[:9],
                 "notice_on": "2021-12-20", "materials_on": "2022-01-01", "present": IDS, "closed_on": "2022-01-05",
                 "credentials_committee": {"chair": "d01", "members": ["d10", "d11"]},
                 "preparatory": {"presidium_vote": {"yes": len(IDS)}, "agenda_vote": {"yes": len(IDS)}}}]  # fmt: skip
    reports = [{"id": "r1", "on": "2022-05-20", "deputies": ["b1"], "confirmed_on": "2022-05-21"}]
    groups = [{"id": "g1", "formed_on": "2022-02-01", "members": ["d01", "d02", "d03"],
               "activities": [{"id": "a1", "on": "2022-02-10", "present": ["d01", "d02"]}]}]  # fmt: skip
    rec = record(deputies=deputies, sessions=sessions, credentials_reports=reports, deputy_groups=groups)
    assert codes(audit(rec, national)) == []
    store = MemoryStore()
    import_record(rec, store, national)
    assert CredentialsCommittee(store, national).pending("t", on=D(2022, 12, 31)) == ()
    assert DeputyGroups(store, national).groups("t")["g1"].formed.members == ("d01", "d02", "d03")


def test_ol_37_record_a_committee_at_a_later_session_is_a_violation(national):
    sessions = [{"id": "s1", "opens_on": "2022-01-05", "first_of_term": True, "presidium": IDS[:9],
                 "notice_on": "2021-12-20", "materials_on": "2022-01-01", "present": IDS, "closed_on": "2022-01-05"},
                {"id": "s2", "opens_on": "2022-06-01", "presidium": IDS[:9], "notice_on": "2022-05-20",
                 "materials_on": "2022-05-25", "present": IDS, "closed_on": "2022-06-01",
                 "credentials_committee": {"chair": "d01"}}]  # fmt: skip
    assert codes(audit(record(sessions=sessions), national)) == [
        ("violation", "credentials.first_session", "congresses[0].sessions[1]")]  # fmt: skip


def test_ol_43_3_record_a_group_of_two_is_a_violation_and_of_three_is_not(national):
    groups = [{"id": "g1", "formed_on": "2022-02-01", "members": ["d01", "d02"]},
              {"id": "g2", "formed_on": "2022-02-01", "members": ["d01", "d02", "d03"]}]  # fmt: skip
    assert codes(audit(record(deputy_groups=groups), national)) == [
        ("violation", "deputy_group.min_members", "congresses[0].deputy_groups[0]")]  # fmt: skip
