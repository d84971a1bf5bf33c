"""Henan's rules: conformance, and the findings its regulation adds to national law."""

from __future__ import annotations

import datetime
from fractions import Fraction

import npcproc_henan
import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.procedures import Congresses, Sessions
from npcproc.rules import Citation
from npcproc.store import MemoryStore

D = datetime.date
DEPUTIES = {f"d{n:02}": f"代表{n}" for n in range(1, 61)}


def test_the_plugin_conforms(npcproc_conformance):
    npcproc_conformance(npcproc_henan)


def test_rules_in_force(npcproc_rules):
    rules = npcproc_rules("河南", npcproc_henan)
    assert rules.province == npcproc_henan.HENAN
    assert rules.value("presidium.members_no_admin_post") == 1
    assert rules.effective("presidium.members_no_admin_post").citation == Citation(law="HN", article=2, paragraph=4)
    assert rules.value("presidium.max_months_between_meetings") == 3
    assert rules.effective("presidium.max_months_between_meetings").citation == Citation(
        law="HN", article=5, paragraph=1
    )
    assert rules.value("presidium.meeting_quorum") == Fraction(1, 2)
    assert rules.effective("presidium.decision_majority").citation == Citation(law="HN", article=5, paragraph=2)
    assert (rules.value("presidium.min_size"), rules.value("presidium.max_size")) == (7, 13)
    assert rules.effective("session.min_days").citation == Citation(law="HN", article=2, paragraph=1)
    assert rules.value("session.min_per_year") == npcproc_rules(None).value("session.min_per_year")


def congresses_and_sessions(rules) -> tuple[Congresses, Sessions]:
    store = MemoryStore()
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t", name="某镇人民代表大会", level=Level.TOWNSHIP, division_code="410102001",
                                  population=30_000, deputy_quota=65))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("t", DEPUTIES, term=1, on=D(2022, 1, 5))
    return congresses, Sessions(store, rules)


def prepare(rules) -> Sessions:
    congresses, sessions = congresses_and_sessions(rules)
    congresses.record_administrative_post("t", "d03", holds=True, on=D(2022, 1, 1))
    sessions.plan("s", congress_id="t", opens_on=D(2022, 1, 5))
    sessions.give_notice("s", on=D(2021, 12, 25), materials_on=D(2022, 1, 3))
    return sessions


def test_a_presidium_member_with_an_administrative_post_is_refused_under_hn_2(npcproc_rules):
    nine = list(DEPUTIES)[:9]
    prepare(npcproc_rules(None)).hold_preparatory_meeting("s", on=D(2022, 1, 5), presidium=nine, agenda=[])
    henan = prepare(npcproc_rules("HN", npcproc_henan))
    with pytest.raises(ProcedureError) as caught:
        henan.hold_preparatory_meeting("s", on=D(2022, 1, 5), presidium=nine, agenda=[])
    failing = [(r.code, str(r.citation), r.values.get("deputy_id")) for r in caught.value.decision.failing]
    assert failing == [("presidium.admin_post", "HN 2 ¶4", "d03")]


def test_a_half_day_session_passes_nationally_and_fails_under_hn_2(npcproc_rules):
    _, national = congresses_and_sessions(npcproc_rules(None))
    assert national.plan("s", congress_id="t", opens_on=D(2022, 1, 5), days=Fraction(1, 2))
    _, henan = congresses_and_sessions(npcproc_rules("HN", npcproc_henan))
    with pytest.raises(ProcedureError) as caught:
        henan.plan("s", congress_id="t", opens_on=D(2022, 1, 5), days=Fraction(1, 2))
    assert [r.citation for r in caught.value.decision.failing] == [Citation(law="HN", article=2, paragraph=1)]
