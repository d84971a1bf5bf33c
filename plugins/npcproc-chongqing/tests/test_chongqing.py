"""Chongqing's rules: conformance, and what its regulation adds to national law."""

from __future__ import annotations

import datetime
from fractions import Fraction

import npcproc_chongqing

from npcproc.rules import Citation

D = datetime.date


def test_the_plugin_conforms(npcproc_conformance):
    npcproc_conformance(npcproc_chongqing)


def test_rules_in_force(npcproc_rules):
    rules = npcproc_rules("重庆", npcproc_chongqing)
    assert rules.province == npcproc_chongqing.CHONGQING
    assert rules.value("session.min_per_year") == 2
    assert rules.value("session.notice_days") == 10
    assert rules.effective("session.notice_days").citation == Citation(law="CQ", article=11)
    assert (rules.value("presidium.min_size"), rules.value("presidium.max_size")) == (7, 11)
    assert rules.effective("presidium.max_size").citation == Citation(law="CQ", article=30, paragraph=1)
    assert rules.value("presidium.meeting_quorum") == Fraction(1, 2)
    assert rules.value("presidium.min_meetings_per_quarter") == 1
    assert rules.effective("presidium.decision_majority").citation == Citation(law="CQ", article=34, paragraph=1)
    assert rules.value("bill.unlisted_becomes_suggestion") == 1
    assert rules.effective("resignation.presidium_may_accept").citation == Citation(
        law="CQ", article=32, paragraph=1, item=10
    )
    assert rules.value("inquiry.complex_answer_months") == 2
    assert rules.effective("inquiry.complex_answer_months").citation == Citation(law="CQ", article=18, paragraph=4)


def test_a_suggestion_is_due_in_two_months_under_cq_16(npcproc_rules):
    chongqing = npcproc_rules("CQ", npcproc_chongqing)
    national = npcproc_rules(None)
    assert chongqing.suggestion_reply_deadline(D(2023, 1, 2)) == D(2023, 3, 2)
    assert national.suggestion_reply_deadline(D(2023, 1, 2)) == D(2023, 4, 2)
    assert chongqing.effective("suggestion.reply_months").citation == Citation(law="CQ", article=16, paragraph=1)
    # CQ 16 ¶1's extension "at most four months" is not modelled: complex ones keep the national six.
    assert chongqing.suggestion_reply_deadline(D(2023, 1, 2), complex=True) == D(2023, 7, 2)
