"""Citations, decisions, the shipped law data and the message catalogue."""

from __future__ import annotations

import datetime
from fractions import Fraction

import attrs
import pytest

from npcproc import hookimpl, i18n, statute
from npcproc.errors import UnknownCitationError
from npcproc.plugins import get_plugin_manager
from npcproc.rules import Citation, Decision, Reason
from npcproc.rules.laws import clause_text, law_keys, law_title
from npcproc.rules.national import PARAMETERS

LAW_KEYS = {"OL", "EL", "DL", "SL", "CC", "ZJ", "ZJ-JD", "ZJ-ZD", "CQ", "CQ-JD", "SD", "HN", "BJ"}


def every_statute_citation() -> set[Citation]:
    found = set()
    found |= set(statute.session_quorum(60, 40).citations)
    found |= set(statute.resolution_passes(60, 31).citations)
    for votes, issued, returned in [({"a": 40, "b": 35, "c": 35}, 60, 60), ({"a": 20}, 60, 60), ({"a": 1}, 1, 2)]:
        outcome = statute.election_outcome(
            total_deputies=60, seats=2, votes=votes, ballots_issued=issued, ballots_returned=returned
        )
        found |= set(outcome.decision.citations)
    for runoff in (False, True):
        for votes in ({"a": 30, "b": 30}, {"a": 1}):
            outcome = statute.direct_election_outcome(
                registered_voters=100,
                seats=1,
                votes=votes,
                ballots_issued=60,
                ballots_returned=60,
                voters=60,
                runoff=runoff,
            )
            found |= set(outcome.decision.citations)
    found |= {p.citation for p in PARAMETERS.values() if p.citation is not None}
    return found


def test_shipped_law_data_holds_every_law_key():
    assert set(law_keys()) == LAW_KEYS


@pytest.mark.parametrize("citation", sorted(every_statute_citation()), ids=str)
def test_every_citation_resolves_to_shipped_text(citation):
    text = citation.text()
    assert text.strip()
    assert any("\u4e00" <= char <= "\u9fff" for char in text)


def test_citation_text_is_the_clause():
    assert (
        Citation(law="OL", article=14, paragraph=4).text()
        == "地方各级人民代表大会会议有三分之二以上的代表出席，始得举行。"
    )
    assert Citation(law="OL", article=12, paragraph=1, item=3).text().startswith("（三）根据国家计划")
    assert "第二百零二条" not in Citation(law="CC", article=202).text()
    assert Citation(law="CC", article=202).text().startswith("按照年、月计算期间的")


@pytest.mark.parametrize(
    ("law", "article", "paragraph", "item"),
    [("XX", 1, None, None), ("OL", 999, None, None), ("OL", 14, 9, None), ("OL", 12, 1, 99), ("OL", 12, None, 3)],
)
def test_unresolvable_citation_raises(law, article, paragraph, item):
    with pytest.raises(UnknownCitationError):
        clause_text(law, article, paragraph, item)


@pytest.mark.parametrize("text", ["OL 14", "OL 14 ¶4", "OL 12 ¶1 (3)", "ZJ-JD 5 ¶2"])
def test_citation_string_round_trips(text):
    assert str(Citation.parse(text)) == text


def test_citation_parse_rejects_garbage():
    with pytest.raises(ValueError, match="not a citation"):
        Citation.parse("article fourteen")


def test_chinese_label_names_the_law_and_the_parts():
    label = Citation(law="OL", article=14, paragraph=4).label("zh")
    assert label == f"《{law_title('OL')}》第14条第4款"
    assert law_title("OL", "en").startswith("Organic Law")


class _XY:
    @hookimpl
    def npcproc_register_messages(self, register):
        for code in ("x", "y"):
            register(i18n.Messages(code=code, zh_ok="", zh_fail="", en_ok=f"{code} ok", en_fail=f"{code} failed"))


def test_decision_conjunction_keeps_every_reason():
    get_plugin_manager().register(_XY())
    yes = Reason(ok=True, code="x", citation=Citation(law="OL", article=25))
    no = Reason(ok=False, code="y", citation=Citation(law="OL", article=14, paragraph=4))
    combined = Decision.all([Decision.of(yes), Decision.of(no), Decision.of(yes)])
    assert not combined
    assert combined.reasons == (yes, no, yes)
    assert combined.citations == (yes.citation, no.citation)
    assert combined.explain("en").startswith("y failed")


def test_explain_shows_failures_first_in_both_languages():
    decision = statute.session_quorum(60, 38)
    assert decision.explain("en") == "quorum not met: 38 of 60 present, at least 2/3 (40) required (OL 14 ¶4)"
    assert "三分之二" in decision.explain("zh")
    assert "38" in decision.explain("zh")
    assert "40" in decision.explain("zh")
    [reason] = decision.reasons
    assert set(reason.messages) == {"zh", "en"}


@pytest.mark.parametrize(("n", "zh"), [(0, "零"), (3, "三"), (10, "十"), (12, "十二"), (20, "二十"), (45, "四十五")])
def test_zh_numbers(n, zh):
    assert i18n.zh_number(n) == zh


def test_fractions_render_per_language():
    assert i18n.render(
        "session.quorum", True, {"present": 1, "total": 1, "required": 1, "fraction": Fraction(2, 3)}, "zh"
    )
    assert "三分之二" in i18n.render(
        "session.quorum", True, {"present": 1, "total": 1, "required": 1, "fraction": Fraction(2, 3)}, "zh"
    )


def test_redefining_a_code_with_other_text_is_refused():
    with pytest.raises(ValueError, match="already defined"):
        i18n.define("session.quorum", zh_ok="a", zh_fail="b", en_ok="c", en_fail="d")


def test_every_code_statute_uses_has_both_languages():
    decisions = [
        statute.session_quorum(60, 40),
        statute.resolution_passes(60, 30),
        statute.election_outcome(
            total_deputies=60, seats=2, votes={"a": 40, "b": 35, "c": 35}, ballots_issued=60, ballots_returned=60
        ).decision,
        statute.direct_election_outcome(
            registered_voters=10, seats=1, votes={"a": 6}, ballots_issued=6, ballots_returned=6, voters=6
        ).decision,
    ]
    for decision in decisions:
        for reason in decision.reasons:
            assert i18n.is_defined(reason.code), reason.code


def test_statute_reads_numbers_from_the_registry(monkeypatch):
    months = PARAMETERS["suggestion.reply_months"]
    monkeypatch.setitem(PARAMETERS, months.name, attrs.evolve(months, national=4))
    assert statute.suggestion_reply_deadline(datetime.date(2025, 1, 15)) == datetime.date(2025, 5, 15)


def test_an_unknown_parameter_is_an_error_that_names_it_plainly():
    from npcproc.errors import UnknownParameterError
    from npcproc.plugins import load_rules

    with pytest.raises(UnknownParameterError) as caught:
        load_rules(None).value("no.such.parameter")
    assert str(caught.value) == "no rule parameter named 'no.such.parameter'"  # not KeyError's quoted repr
    assert isinstance(caught.value, KeyError)
