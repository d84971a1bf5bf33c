"""Beijing's rules: conformance, the small-congress inquiry of BJ 12 and the sessions of BJ 5."""

from __future__ import annotations

import datetime
from fractions import Fraction

import npcproc_beijing
import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.election import AnswerForm, InquiryTarget
from npcproc.model.session import AgendaItem, AgendaItemKind
from npcproc.procedures import Congresses, Inquiries, Sessions
from npcproc.rules import Citation
from npcproc.store import MemoryStore

D = datetime.date
AGENDA = (AgendaItem(id="election", kind=AgendaItemKind.ELECTION, title="选举"),)
OPENS = D(2022, 1, 5)
SMALL = {f"d{n:02}": f"代表{n}" for n in range(1, 36)}  # 35 deputies


def test_the_plugin_conforms(npcproc_conformance):
    npcproc_conformance(npcproc_beijing)


def test_rules_in_force(npcproc_rules):
    rules = npcproc_rules("北京", npcproc_beijing)
    assert rules.province == npcproc_beijing.BEIJING
    assert rules.value("session.min_per_year") == 2
    assert rules.effective("session.min_per_year").citation == Citation(law="BJ", article=5, paragraph=1)
    assert (rules.value("presidium.min_size"), rules.value("presidium.max_size")) == (5, 9)
    assert rules.effective("presidium.max_size").citation == Citation(law="BJ", article=17, paragraph=2)
    assert rules.value("inquiry.small_congress_size") == 40
    assert rules.value("inquiry.small_congress_fraction") == Fraction(1, 5)
    assert rules.effective("inquiry.complex_answer_months").citation == Citation(law="BJ", article=12, paragraph=4)
    # BJ 14's three and six months equal DL 51 ¶2, so national law stays the source.
    assert rules.effective("suggestion.reply_months").citation == Citation(law="DL", article=51, paragraph=2)
    assert rules.suggestion_reply_deadline(D(2023, 1, 2)) == D(2023, 4, 2)


def in_session(rules, store, on=OPENS) -> Inquiries:
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t", name="某乡人民代表大会", level=Level.TOWNSHIP, division_code="110111001",
                                  population=2_000, deputy_quota=46))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=on - datetime.timedelta(days=30))
    congresses.elect_deputies("t", SMALL, term=1, on=on)
    sessions = Sessions(store, rules)
    sessions.plan("s1", congress_id="t", opens_on=on)
    sessions.give_notice("s1", on=on, materials_on=on)
    sessions.hold_preparatory_meeting("s1", on=on, presidium=list(SMALL)[:5], agenda=AGENDA)
    sessions.open("s1", on=on, present=list(SMALL))
    return Inquiries(store, rules)


def file(inquiries: Inquiries, inquiry_id: str, sponsors: int):
    return inquiries.file(inquiry_id, session_id="s1", sponsors=list(SMALL)[:sponsors],
                          target=InquiryTarget.TOWNSHIP_GOVERNMENT, questions="学校何时修缮")  # fmt: skip


def test_seven_of_35_deputies_may_file_an_inquiry_only_under_bj_12(npcproc_rules):
    with pytest.raises(ProcedureError):
        file(in_session(npcproc_rules(None), MemoryStore()), "q", 7)
    store = MemoryStore()
    inquiries = in_session(npcproc_rules("BJ", npcproc_beijing), store)
    decision = file(inquiries, "q", 7)
    assert decision.relaxed
    assert "provincial relaxation: BJ 12 ¶1" in decision.explain("en")
    with pytest.raises(ProcedureError):
        file(inquiries, "q2", 6)  # 6 < 1/5 of 35
    inquiries.decide_answer_form("q", form=AnswerForm.WRITTEN, complex=True)
    Sessions(store, npcproc_rules("BJ", npcproc_beijing)).close("s1", on=D(2022, 1, 5))
    assert inquiries.answer_deadline("q") == D(2022, 4, 5)  # BJ 12 ¶4: three months after the session


def test_sessions_every_half_year_the_first_by_march(npcproc_rules):
    rules = npcproc_rules("BJ", npcproc_beijing)
    store = MemoryStore()
    in_session(rules, store, on=D(2022, 4, 6))
    decision = Sessions(store, rules).year_check("t", 2022)
    failing = {r.code: str(r.citation) for r in decision.failing if r.code.startswith("bj.")}
    assert failing == {"bj.first_by_march": "BJ 5 ¶1", "bj.second_half": "BJ 5 ¶1"}
    assert "did not open by the end of March" in decision.explain("en")
