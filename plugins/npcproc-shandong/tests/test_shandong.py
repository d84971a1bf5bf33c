"""Shandong's rules: conformance, and the findings its regulation adds to national law."""

from __future__ import annotations

import datetime
from fractions import Fraction

import npcproc_shandong
import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.procedures import Congresses, Sessions
from npcproc.rules import Citation
from npcproc.store import MemoryStore

D = datetime.date
DEPUTIES = {f"d{n:02}": f"代表{n}" for n in range(1, 61)}


def test_the_plugin_conforms(npcproc_conformance):
    npcproc_conformance(npcproc_shandong)


def test_rules_in_force(npcproc_rules):
    rules = npcproc_rules("山东", npcproc_shandong)
    assert rules.province == npcproc_shandong.SHANDONG
    assert rules.value("suggestion.reply_months") == 2
    assert rules.effective("suggestion.reply_months").citation == Citation(law="SD", article=15)
    assert rules.value("presidium.max_size") == 11
    assert rules.effective("presidium.min_size").citation == Citation(law="SD", article=8, paragraph=2)
    assert rules.value("presidium.decision_majority") == Fraction(1, 2)
    assert rules.effective("presidium.decision_majority").citation == Citation(law="SD", article=8, paragraph=4)


def test_sd_yields_to_ol_14_on_sessions_a_year(npcproc_rules):
    rules = npcproc_rules("SD", npcproc_shandong)
    national = npcproc_rules(None)
    assert rules.value("session.min_per_year") == national.value("session.min_per_year")
    assert rules.effective("session.min_per_year").citation.law == "OL"


def test_suggestion_replies_are_due_a_month_earlier_under_sd_15(npcproc_rules):
    assert npcproc_rules("SD", npcproc_shandong).suggestion_reply_deadline(D(2023, 1, 2)) == D(2023, 3, 2)
    assert npcproc_rules(None).suggestion_reply_deadline(D(2023, 1, 2)) == D(2023, 4, 2)


def sessions_under(rules) -> Sessions:
    store = MemoryStore()
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t", name="某镇人民代表大会", level=Level.TOWNSHIP, division_code="370102001",
                                  population=30_000, deputy_quota=65))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("t", DEPUTIES, term=1, on=D(2022, 1, 5))
    sessions = Sessions(store, rules)
    sessions.plan("s", congress_id="t", opens_on=D(2022, 1, 5))
    sessions.give_notice("s", on=D(2021, 12, 25), materials_on=D(2022, 1, 3))
    return sessions


def test_a_presidium_of_twelve_is_refused_under_sd_8(npcproc_rules):
    twelve = list(DEPUTIES)[:12]
    sessions_under(npcproc_rules(None)).hold_preparatory_meeting("s", on=D(2022, 1, 5), presidium=twelve, agenda=[])
    shandong = sessions_under(npcproc_rules("SD", npcproc_shandong))
    with pytest.raises(ProcedureError) as caught:
        shandong.hold_preparatory_meeting("s", on=D(2022, 1, 5), presidium=twelve, agenda=[])
    assert [(r.code, str(r.citation)) for r in caught.value.decision.failing] == [("presidium.size", "SD 8 ¶2")]
