"""Zhejiang's rules: conformance, and the findings its regulation adds to national law."""

from __future__ import annotations

import datetime
from fractions import Fraction

import npcproc_zhejiang
import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.session import AgendaItem, AgendaItemKind
from npcproc.procedures import Congresses, Sessions
from npcproc.rules import Citation
from npcproc.store import MemoryStore

D = datetime.date
DEPUTIES = {f"d{n:02}": f"代表{n}" for n in range(1, 61)}


def test_the_plugin_conforms(npcproc_conformance):
    npcproc_conformance(npcproc_zhejiang)


def test_rules_in_force(npcproc_rules):
    rules = npcproc_rules("浙江", npcproc_zhejiang)
    assert rules.province == npcproc_zhejiang.ZHEJIANG
    assert rules.value("session.min_per_year") == 2
    assert rules.effective("session.notice_days").citation == Citation(law="ZJ", article=20)
    assert rules.value("presidium.meeting_quorum") == Fraction(1, 2)


def sessions_under(rules) -> Sessions:
    store = MemoryStore()
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t", name="某镇人民代表大会", level=Level.TOWNSHIP, division_code="330110001",
                                  population=30_000, deputy_quota=65))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("t", DEPUTIES, term=1, on=D(2022, 1, 5))
    return Sessions(store, rules)


def test_a_half_day_session_passes_nationally_and_fails_under_zj_16(npcproc_rules):
    national = sessions_under(npcproc_rules(None))
    assert national.plan("s", congress_id="t", opens_on=D(2022, 1, 5), days=Fraction(1, 2))
    zhejiang = sessions_under(npcproc_rules("ZJ", npcproc_zhejiang))
    with pytest.raises(ProcedureError) as caught:
        zhejiang.plan("s", congress_id="t", opens_on=D(2022, 1, 5), days=Fraction(1, 2))
    assert [r.citation for r in caught.value.decision.failing] == [Citation(law="ZJ", article=16, paragraph=2)]


def test_placement_of_agenda_items(npcproc_rules):
    sessions = sessions_under(npcproc_rules("ZJ", npcproc_zhejiang))
    kinds = [AgendaItemKind.GOVERNMENT_REPORT, AgendaItemKind.FINAL_ACCOUNTS]
    sessions.plan("s", congress_id="t", opens_on=D(2022, 1, 5))
    sessions.give_notice("s", on=D(2021, 12, 25), materials_on=D(2022, 1, 3))
    agenda = [AgendaItem(id=k.value, kind=k, title=k.value) for k in kinds]
    sessions.hold_preparatory_meeting("s", on=D(2022, 1, 5), presidium=list(DEPUTIES)[:9], agenda=agenda)
    sessions.open("s", on=D(2022, 1, 5), present=list(DEPUTIES))
    decision = sessions.year_check("t", 2022)
    placement = [r for r in decision.failing if r.code == "zj.placement"]
    assert [(r.values["item"], str(r.citation)) for r in placement] == [("final_accounts", "ZJ 17 ¶2")]
    assert "ZJ 17" in placement[0].message("en")
