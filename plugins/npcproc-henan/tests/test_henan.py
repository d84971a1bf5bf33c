"""Henan's rules, article by article, at each boundary (the law text is the oracle).

Tests are named after the article and paragraph they read: ``test_hn_2_3_...`` is HN 2 ¶3.
"""

from __future__ import annotations

import copy
import datetime
import json
import tomllib
from fractions import Fraction
from pathlib import Path

import npcproc_henan
import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.election import Office
from npcproc.model.session import AgendaItem, AgendaItemKind, SessionKind, VoteCount
from npcproc.procedures import Congresses, HandlingReports, PresidiumMeetings, Recalls, Sessions, Supervision
from npcproc.procedures.congress.events import PostTaken
from npcproc.procedures.congress.state import congress_stream
from npcproc.procedures.session.agenda import REQUIRED_EACH_YEAR
from npcproc.procedures.supervision.commands import LinkKind, Step, link
from npcproc.record.audit import audit
from npcproc.record.load import _iso_dates, parse_record
from npcproc.rules import Citation
from npcproc.rules.decision import Binding
from npcproc.rules.parameters import CongressFacts
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
DEPUTIES = {f"d{n:02}": f"代表{n}" for n in range(1, 61)}
IDS = list(DEPUTIES)
PRESIDIUM = IDS[:9]
ELECTIONS, ELECTED = D(2021, 11, 20), D(2022, 1, 5)
EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "township-year.toml"


def hn(article, paragraph=None):
    return Citation(law="HN", article=article, paragraph=paragraph)


@pytest.fixture
def henan(npcproc_rules):
    return npcproc_rules("HN", npcproc_henan)


@pytest.fixture
def national(npcproc_rules):
    return npcproc_rules(None)


def test_the_plugin_conforms(npcproc_conformance):
    npcproc_conformance(npcproc_henan)


#: The words of the cited clause each setting relies on (the law text is the oracle).
WORDS = {
    ("session.min_per_year", 2): "一般每年举行两次",
    ("session.min_days", 1): "没有选举事项时，会期不少于一天",
    ("presidium.min_size", 7): "主席团一般由七至十三人组成",
    ("presidium.max_size", 13): "主席团一般由七至十三人组成",
    ("presidium.max_size", 15): "人口特别多的乡镇不超过十五人",
    ("presidium.members_no_admin_post", 1): "主席团成员不得担任乡镇人民政府职务",
    ("township.chair.full_time", 1): "设专职主席",
    ("presidium.max_months_between_meetings", 3): "主席团会议每三个月至少举行一次",
    ("presidium.extra_meeting_proposers", 3): "经主席团成员三人以上联名提议，可以临时召集",
    ("presidium.meeting_quorum", Fraction(1, 2)): "须主席团全体组成人员的过半数出席",
    ("presidium.decision_majority", Fraction(1, 2)): "须由全体组成人员的过半数通过",
    ("supervision.ratings_published", 1): "评议、测评结果向社会公开",
    ("suggestion.handling_report_to_next_session", 1): "并印发下一次人民代表大会会议",
    ("suggestion.handling_report_published", 1): "办理情况的报告应当予以公开",
    ("credentials.nominated_by_presidium", 1): "代表资格审查委员会成员建议名单",
}


def test_every_setting_binds_townships_only_and_its_clause_says_it():
    assert {(s.parameter, s.value) for s in npcproc_henan.SETTINGS} == set(WORDS)
    for setting in npcproc_henan.SETTINGS:
        assert setting.levels == frozenset({Level.TOWNSHIP}), setting
        assert setting.citation.law == "HN"
        assert WORDS[(setting.parameter, setting.value)] in setting.citation.text(), setting


# -- a congress driven through the procedures -------------------------------------------------


class Township:
    """A congress (township unless told otherwise) with 60 deputies, and the procedures over one store."""

    def __init__(self, rules, *, level=Level.TOWNSHIP, designations=(), population=30_000, elections=ELECTIONS,
                 elected=ELECTED):  # fmt: skip
        self.store = MemoryStore()
        self.rules = rules
        self.congresses = Congresses(self.store, rules)
        self.congresses.establish(Congress(
            id="t", name="某镇人民代表大会" if level is Level.TOWNSHIP else "某县人民代表大会", level=level,
            division_code="410102001" if level is Level.TOWNSHIP else "410102", population=population,
            deputy_quota=65 if level is Level.TOWNSHIP else 200, designations=designations,
        ))  # fmt: skip
        self.congresses.begin_term("t", 1, elections_completed_on=elections)
        self.congresses.elect_deputies("t", DEPUTIES, term=1, on=elected)
        self.sessions = Sessions(self.store, rules)

    def take_post(self, office, holder, on=None):
        on = on or D(2022, 1, 5)
        stream = congress_stream("t")
        event = PostTaken(congress_id="t", office=office, holder_id=holder, on=on, source="test")
        self.store.append(stream, [event], expected_version=self.store.stream_version(stream))

    def hold(self, session_id, opens_on, *, presidium=PRESIDIUM, agenda=(), close=True, kind=SessionKind.REGULAR):
        """A session from plan to close (one day, notice ten days ahead, everyone present)."""
        self.sessions.plan(session_id, congress_id="t", opens_on=opens_on, kind=kind)
        self.sessions.give_notice(session_id, on=opens_on - datetime.timedelta(days=10), materials_on=opens_on)
        prepare(self.sessions, session_id, on=opens_on, presidium=presidium, agenda=list(agenda))
        self.sessions.open(session_id, on=opens_on, present=IDS)
        if close:
            self.sessions.close(session_id, on=opens_on)


def failing(caught):
    return [(r.code, r.citation) for r in caught.value.decision.failing]


# -- HN 1: scope — the regulation binds township congresses only --------------------------------


def test_hn_1_every_setting_binds_township_congresses_only():
    assert npcproc_henan.SETTINGS
    assert {s.levels for s in npcproc_henan.SETTINGS} == {frozenset({Level.TOWNSHIP})}


def test_hn_1_a_county_congress_in_henan_has_exactly_the_national_rules(henan, national):
    county = CongressFacts(level=Level.COUNTY, population=900_000, deputies=200, designations=("populous",))
    ours, floor = henan.for_congress(county), national.for_congress(county)
    for name in ours.registry:
        assert ours.optional(name) == floor.optional(name), name
        assert ours.advised(name) == floor.advised(name), name


def test_hn_1_a_county_session_is_untouched_by_hn(henan):
    """Half a day, one day's notice, a 20-member presidium with an administrative post on it: lawful for a county."""
    county = Township(henan, level=Level.COUNTY, population=600_000)
    county.congresses.record_administrative_post("t", "d03", holds=True, on=D(2022, 1, 1))
    county.sessions.plan("s", congress_id="t", opens_on=D(2022, 1, 5), days=Fraction(1, 2))
    county.sessions.give_notice("s", on=D(2022, 1, 4), materials_on=D(2022, 1, 4))
    prepare(county.sessions, "s", on=D(2022, 1, 5), presidium=IDS[:20], agenda=[])
    assert county.sessions.state("s").presidium == tuple(IDS[:20])


# -- HN 2 ¶1: sessions normally twice a year; at least one day ----------------------------------


def test_hn_2_1_a_session_of_one_day_passes_and_of_half_a_day_is_refused(henan, national):
    assert Township(henan).sessions.plan("s", congress_id="t", opens_on=D(2022, 1, 5), days=Fraction(1))
    assert Township(national).sessions.plan("s", congress_id="t", opens_on=D(2022, 1, 5), days=Fraction(1, 2))
    with pytest.raises(ProcedureError) as caught:
        Township(henan).sessions.plan("s", congress_id="t", opens_on=D(2022, 1, 5), days=Fraction(1, 2))
    assert failing(caught) == [("session.length", hn(2, 1))]


def test_hn_2_1_the_least_length_covers_extraordinary_sessions_too(henan):
    # HN 2 ¶1 speaks of 会议 without exception (unlike ZJ 16 ¶2): an extraordinary session lasts a day too.
    township = Township(henan)
    township.sessions.plan("x1", congress_id="t", opens_on=D(2022, 1, 5), kind=SessionKind.EXTRAORDINARY)
    with pytest.raises(ProcedureError) as caught:
        township.sessions.plan(
            "x2", congress_id="t", opens_on=D(2022, 3, 5), kind=SessionKind.EXTRAORDINARY, days=Fraction(1, 2)
        )
    assert failing(caught) == [("session.length", hn(2, 1))]


ALL_ITEMS = [AgendaItem(id=k.value, kind=k, title=k.value) for k, _ in REQUIRED_EACH_YEAR[Level.TOWNSHIP]]


def test_hn_2_1_one_session_a_year_is_a_notice_not_a_violation(henan):
    township = Township(henan)
    township.hold("s1", D(2022, 1, 5), agenda=ALL_ITEMS)
    year = township.sessions.year_check("t", 2022)
    assert year.ok
    notices = [(r.code, r.citation, r.binding) for r in year.reasons if r.severity is not None]
    assert notices == [("agenda.sessions_per_year", hn(2, 1), Binding.NORMALLY)]


def test_hn_2_1_two_sessions_a_year_give_no_notice(henan):
    township = Township(henan)
    township.hold("s1", D(2022, 1, 5), agenda=ALL_ITEMS)
    township.hold("s2", D(2022, 7, 6))
    year = township.sessions.year_check("t", 2022)
    assert year.ok
    assert [r for r in year.reasons if r.severity is not None] == []
    assert hn(2, 1) in {r.citation for r in year.reasons}


def test_hn_2_1_no_session_in_a_year_breaks_the_national_shall_not_hn(henan):
    township = Township(henan)
    township.hold("s1", D(2022, 1, 5), agenda=ALL_ITEMS)
    year = township.sessions.year_check("t", 2023)
    broken = {(r.code, r.citation) for r in year.reasons if r.breaks}
    assert ("agenda.sessions_per_year", Citation(law="OL", article=14, paragraph=1)) in broken
    assert all(r.citation.law != "HN" for r in year.reasons if r.breaks)


# -- HN 2 ¶3: presidium normally 7 to 13; in especially populous townships at most 15 ------------


def example_audit(henan, presidium_size, designations=()):
    """``npcproc check`` of the shipped township year under Henan's rules, both presidiums resized."""
    tree = _iso_dates(tomllib.loads(EXAMPLE.read_text(encoding="utf-8")))
    tree = copy.deepcopy(tree)
    year = tree["congresses"][0]
    year["designations"] = list(designations)
    for session in year["sessions"]:
        session["presidium"] = [f"d{n:02}" for n in range(1, presidium_size + 1)]
    record = parse_record(json.dumps(tree, ensure_ascii=False).encode(), name="hn.json", toml=False)
    return audit(record, henan)


def size_findings(found):
    return sorted({(f.severity, f.code, str(f.citation)) for f in found.findings if f.code.startswith("presidium.")})


@pytest.mark.parametrize(
    ("size", "designations", "expected"),
    [
        (7, (), []),
        (6, (), [("notice", "presidium.min_size", "HN 2 ¶3")]),
        (13, (), []),
        (14, (), [("notice", "presidium.max_size", "HN 2 ¶3")]),
        (15, (), [("notice", "presidium.max_size", "HN 2 ¶3")]),
        (16, (), [("notice", "presidium.max_size", "HN 2 ¶3"), ("violation", "presidium.max_size", "HN 2 ¶3")]),
        (14, ("populous",), []),
        (15, ("populous",), []),
        (16, ("populous",), [("notice", "presidium.max_size", "HN 2 ¶3"),
                             ("violation", "presidium.max_size", "HN 2 ¶3")]),
        (6, ("populous",), [("notice", "presidium.min_size", "HN 2 ¶3")]),
    ],
)  # fmt: skip
def test_hn_2_3_presidium_size_through_npcproc_check(henan, size, designations, expected):
    found = example_audit(henan, size, designations)
    assert size_findings(found) == expected
    assert found.ok is (size <= 15)


def test_hn_2_3_the_example_is_clean_under_henan(henan):
    assert example_audit(henan, 9).findings == ()


def test_hn_2_3_a_fifteen_member_presidium_is_held_and_sixteen_refused(henan):
    for designations in ((), ("populous",)):
        Township(henan, designations=designations).hold("s", D(2022, 1, 5), presidium=IDS[:15])
        with pytest.raises(ProcedureError) as caught:
            Township(henan, designations=designations).hold("s", D(2022, 1, 5), presidium=IDS[:16])
        assert failing(caught) == [("presidium.max_size", hn(2, 3))]


def test_hn_2_3_a_small_presidium_is_held(henan):
    # "一般由七至十三人组成": below seven departs from the normal size, which is no refusal.
    Township(henan).hold("s", D(2022, 1, 5), presidium=IDS[:6])


def test_hn_2_3_the_populous_cap_is_the_texts_own_condition(henan):
    township = CongressFacts(level=Level.TOWNSHIP, population=30_000)
    populous = CongressFacts(level=Level.TOWNSHIP, population=30_000, designations=("populous",))
    ordinary, large = henan.for_congress(township), henan.for_congress(populous)
    assert (ordinary.advised("presidium.max_size").value, large.advised("presidium.max_size").value) == (13, 15)
    assert large.effective("presidium.max_size").when == npcproc_henan.POPULOUS
    assert ordinary.effective("presidium.max_size").when is None
    assert (ordinary.value("presidium.max_size"), large.value("presidium.max_size")) == (15, 15)
    assert ordinary.optional("presidium.min_size") is None  # seven is "normally", never "shall"
    assert ordinary.advised("presidium.min_size").value == 7


# -- HN 2 ¶4: no presidium member holds a post in the township government -------------------------


def test_hn_2_4_an_administrative_post_on_a_township_presidium_is_refused(henan, national):
    for rules, refused in ((national, False), (henan, True)):
        township = Township(rules)
        township.congresses.record_administrative_post("t", "d03", holds=True, on=D(2022, 1, 1))
        if not refused:
            township.hold("s", D(2022, 1, 5))
            continue
        with pytest.raises(ProcedureError) as caught:
            township.hold("s", D(2022, 1, 5))
        assert failing(caught) == [("presidium.admin_post", hn(2, 4))]


def test_hn_2_4_a_deputy_who_left_the_post_may_sit(henan):
    township = Township(henan)
    township.congresses.record_administrative_post("t", "d03", holds=True, on=D(2021, 12, 1))
    township.congresses.record_administrative_post("t", "d03", holds=False, on=D(2022, 1, 1))
    township.hold("s", D(2022, 1, 5))


# -- HN 5 ¶1: presidium meetings at least every three months of the recess ------------------------


def meetings_after_a_session(rules, *meeting_days):
    township = Township(rules)
    township.hold("s1", D(2022, 1, 5))
    meetings = PresidiumMeetings(township.store, rules)
    for n, day in enumerate(meeting_days):
        meetings.hold_meeting("t", f"m{n}", on=day, present=PRESIDIUM)
    return meetings


def test_hn_5_1_a_meeting_on_the_last_day_of_three_months_is_in_time(henan):
    # The session closed on 2022-01-05; three months end on 2022-04-05, in the Qingming holiday
    # (3-5 April 2022), so under CC 203 the period ends on the next working day, 2022-04-06.
    found = meetings_after_a_session(henan, D(2022, 4, 6)).frequency_check("t", 2022, as_of=D(2022, 4, 30))
    assert found.ok
    assert {r.citation for r in found.reasons} == {hn(5, 1)}


def test_hn_5_1_a_meeting_one_day_later_is_too_late(henan):
    found = meetings_after_a_session(henan, D(2022, 4, 7)).frequency_check("t", 2022, as_of=D(2022, 4, 30))
    assert not found.ok
    assert [(r.code, r.citation, r.values["deadline"]) for r in found.failing] == [
        ("presidium.meeting_gap", hn(5, 1), "2022-04-06")
    ]


def test_hn_5_1_an_extra_meeting_between_the_regular_ones_is_lawful(henan):
    # "可以临时召集": a permission; a meeting a week after the last one is recorded and breaks nothing.
    found = meetings_after_a_session(henan, D(2022, 3, 1), D(2022, 3, 8)).frequency_check(
        "t", 2022, as_of=D(2022, 3, 31)
    )
    assert found.ok


@pytest.mark.parametrize(("proposers", "ok"), [(3, True), (2, False)])
def test_hn_5_1_an_extra_meeting_is_proposed_by_three_members_or_more(henan, proposers, ok):
    # "经主席团成员三人以上联名提议，可以临时召集": 以上 includes three; two members cannot call a meeting.
    meetings = meetings_after_a_session(henan)
    hold = lambda: meetings.hold_meeting("t", "x", on=D(2022, 2, 1), present=PRESIDIUM,  # noqa: E731
                                         proposed_by=PRESIDIUM[:proposers])  # fmt: skip
    if ok:
        decision = hold()
        assert ("presidium.extra_meeting_proposers", hn(5, 1)) in [(r.code, r.citation) for r in decision.reasons]
        assert meetings.state("t").meetings["x"].held.proposed_by == tuple(PRESIDIUM[:3])
    else:
        with pytest.raises(ProcedureError) as caught:
            hold()
        assert failing(caught) == [("presidium.extra_meeting_proposers", hn(5, 1))]
        assert "x" not in meetings.state("t").meetings


@pytest.mark.parametrize(("proposer", "ok"), [(PRESIDIUM[3], True), (IDS[20], False)])
def test_hn_5_1_the_proposers_are_members_of_the_presidium(henan, proposer, ok):
    # "主席团成员…联名提议": a deputy outside the presidium does not count, and is not one of the proposers.
    meetings = meetings_after_a_session(henan)
    hold = lambda: meetings.hold_meeting("t", "x", on=D(2022, 2, 1), present=PRESIDIUM,  # noqa: E731
                                         proposed_by=[*PRESIDIUM[:2], proposer])  # fmt: skip
    if ok:
        assert hold().ok
    else:
        with pytest.raises(ProcedureError) as caught:
            hold()
        assert failing(caught) == [("presidium.proposer_not_member", hn(5, 1))]


def test_hn_5_1_a_member_who_resigned_from_the_presidium_proposes_no_more(henan):
    meetings = meetings_after_a_session(henan)
    meetings.resign_member("t", PRESIDIUM[2], on=D(2022, 1, 20))
    with pytest.raises(ProcedureError) as caught:
        meetings.hold_meeting("t", "x", on=D(2022, 2, 1), present=PRESIDIUM[3:], proposed_by=PRESIDIUM[:3])
    assert failing(caught) == [("presidium.proposer_not_member", hn(5, 1))]


@pytest.mark.parametrize("level", [Level.COUNTY, Level.TOWNSHIP])
def test_hn_5_1_a_county_and_national_law_leave_two_proposers_alone(henan, national, level):
    # HN binds townships only; national law sets no number for an extra presidium meeting.
    rules = henan if level is Level.COUNTY else national
    township = Township(rules, level=level, population=600_000 if level is Level.COUNTY else 30_000)
    township.hold("s1", D(2022, 1, 5))
    meetings = PresidiumMeetings(township.store, rules)
    decision = meetings.hold_meeting("t", "x", on=D(2022, 2, 1), present=PRESIDIUM, proposed_by=PRESIDIUM[:2])
    assert decision.ok
    assert all(r.citation.law != "HN" for r in decision.reasons)
    assert meetings.state("t").meetings["x"].held.proposed_by == tuple(PRESIDIUM[:2])


def test_hn_5_1_national_law_alone_sets_no_interval(national):
    found = meetings_after_a_session(national, D(2022, 11, 1)).frequency_check("t", 2022)
    assert found.ok
    assert all(r.citation.law != "HN" for r in found.reasons)


# -- HN 5 ¶2: quorum and decisions, more than half of all members ---------------------------------


def test_hn_5_2_five_of_nine_members_hold_a_meeting_and_four_do_not(henan):
    meetings = meetings_after_a_session(henan)
    assert meetings.hold_meeting("t", "m1", on=D(2022, 2, 1), present=PRESIDIUM[:5])
    with pytest.raises(ProcedureError) as caught:
        meetings.hold_meeting("t", "m2", on=D(2022, 3, 1), present=PRESIDIUM[:4])
    assert failing(caught) == [("presidium.meeting_quorum", hn(5, 2))]


def test_hn_5_2_a_decision_passes_with_five_of_nine_and_fails_with_four(henan):
    meetings = meetings_after_a_session(henan, D(2022, 2, 1))
    passed = meetings.decide("t", "m0", "a", subject="代表视察安排", yes=5, no=4)
    assert passed.ok
    assert [r.citation for r in passed.reasons] == [hn(5, 2)]
    failed = meetings.decide("t", "m0", "b", subject="代表视察安排", yes=4, no=2, abstain=3)
    assert [(r.code, r.citation) for r in failed.failing] == [("presidium.decision_majority", hn(5, 2))]


# -- HN 6 ¶3: the chair and vice-chairs sit on the presidium (enforced under OL 19 ¶1) --------------


def test_hn_6_3_a_presidium_without_the_chair_is_refused(henan):
    township = Township(henan)
    township.take_post(Office.TOWNSHIP_CHAIR, "d01")
    with pytest.raises(ProcedureError) as caught:
        township.hold("s", D(2022, 1, 6), presidium=IDS[1:10])
    assert failing(caught) == [("presidium.chair_member", Citation(law="OL", article=19, paragraph=1))]
    prepare(township.sessions, "s", on=D(2022, 1, 6), presidium=PRESIDIUM, agenda=[])


# -- HN 9: the congress decides on a chair's resignation, not the presidium -------------------------


def test_hn_9_the_presidium_may_not_accept_a_chairs_resignation_and_the_congress_may(henan):
    township = Township(henan)
    township.take_post(Office.TOWNSHIP_CHAIR, "d01")
    township.hold("s1", D(2022, 1, 6))
    recalls = Recalls(township.store, henan)
    with pytest.raises(ProcedureError) as caught:
        recalls.accept_resignation("t", office=Office.TOWNSHIP_CHAIR, holder_id="d01", on=D(2022, 3, 1),
                                   accepted_by="presidium")  # fmt: skip
    assert [r.code for r in caught.value.decision.failing] == ["resignation.presidium"]
    township.hold("s2", D(2022, 7, 6), close=False)
    recalls.accept_resignation("t", office=Office.TOWNSHIP_CHAIR, holder_id="d01", on=D(2022, 7, 6),
                               accepted_by="congress", session_id="s2", present=IDS,
                               vote=VoteCount(yes=len(IDS)))  # fmt: skip
    assert township.congresses.state("t").holders(Office.TOWNSHIP_CHAIR, D(2022, 7, 7)) == ()


def test_hn_2_3_is_cited_from_the_law_text_this_plugin_ships():
    """The core ships national law only; this plugin registers its own regulations, so a manager
    holding the core and this plugin alone quotes the clause, and explanations name the regulation."""
    from npcproc.plugins import create_plugin_manager as manager
    from npcproc.rules import Citation as Cite
    from npcproc.rules.laws import clause_text, read_law_texts

    assert not {law.key for law in read_law_texts("npcproc", "data/laws.json")} & {"HN"}
    alone = manager(autoload=False, plugins=(npcproc_henan,))
    assert clause_text("HN", 2, 3, pm=alone).startswith("主席团一般由七至十三人组成，人口特别多的乡镇不超")
    assert Cite(law="HN", article=2, paragraph=3).label("zh") == "《河南省乡镇人民代表大会主席团工作条例》第2条第3款"


# -- HN 11: 本条例自2017年1月1日起施行 -----------------------------------------------------------------


def test_hn_11_every_setting_is_in_force_from_1_january_2017():
    assert {s.in_force_from for s in npcproc_henan.SETTINGS} == {D(2017, 1, 1)}


def late_2016_township(henan):
    return Township(henan, elections=D(2016, 11, 20), elected=D(2016, 11, 20))


def test_hn_11_in_force_from_2017(henan):
    """A presidium of sixteen breaks HN 2 ¶3's cap of fifteen from 1 January 2017; the day before, national
    law alone (which sets no size) judges it."""
    held = late_2016_township(henan)
    held.hold("s", D(2016, 12, 31), presidium=IDS[:16])
    assert held.sessions.state("s").presidium == tuple(IDS[:16])
    with pytest.raises(ProcedureError) as caught:
        late_2016_township(henan).hold("s", D(2017, 1, 1), presidium=IDS[:16])
    assert failing(caught) == [("presidium.max_size", hn(2, 3))]


def test_hn_11_the_normal_size_gives_its_notice_from_2017(henan):
    # HN 2 ¶3 "一般由七至十三人组成": a presidium of fourteen is a notice from the day HN is in force.
    for day, notices in ((D(2016, 12, 31), []), (D(2017, 1, 1), [("presidium.max_size", hn(2, 3))])):
        township = late_2016_township(henan)
        township.sessions.plan("s", congress_id="t", opens_on=day)
        township.sessions.give_notice("s", on=day - datetime.timedelta(days=10), materials_on=day)
        held = prepare(township.sessions, "s", on=day, presidium=IDS[:14], agenda=[])
        assert held.ok
        assert [(r.code, r.citation) for r in held.notices] == notices


def boundary_record(opens_on, presidium_size):
    """A record of a township whose term began in November 2016 and whose first session opens on ``opens_on``."""
    tree = {
        "format_version": 1,
        "congresses": [{
            "id": "t", "name": "某镇人民代表大会", "level": "township", "division_code": "410102001",
            "population": 30_000, "deputy_quota": 65, "term": 1, "elections_completed_on": "2016-11-20",
            "deputies": [{"id": d, "name": DEPUTIES[d], "elected_on": "2016-11-20"} for d in IDS],
            "sessions": [{"id": "s", "opens_on": opens_on.isoformat(), "first_of_term": True, "closed_on":
                          opens_on.isoformat(), "presidium": IDS[:presidium_size], "present": IDS}],
        }],
    }  # fmt: skip
    return parse_record(json.dumps(tree, ensure_ascii=False).encode(), name="hn11.json", toml=False)


def test_hn_11_npcproc_check_judges_a_session_by_hn_from_2017_only(henan):
    before = audit(boundary_record(D(2016, 12, 31), 16), henan)
    on_the_day = audit(boundary_record(D(2017, 1, 1), 16), henan)
    assert size_findings(before) == []
    assert size_findings(on_the_day) == [("notice", "presidium.max_size", "HN 2 ¶3"),
                                         ("violation", "presidium.max_size", "HN 2 ¶3")]  # fmt: skip


# -- HN 4 ¶1 (4): the results of satisfaction ratings made public (no period: by the end of the year) ----

HN_4_1_4 = Citation(law="HN", article=4, paragraph=1, item=4)


RATED_ON = D(2022, 9, 15)


def rated_review(rules, *, level=Level.TOWNSHIP, rated_on=RATED_ON):
    """A township (or county) work review rated on ``rated_on``, its result not yet public."""
    township = Township(rules, level=level, population=30_000 if level is Level.TOWNSHIP else 600_000)
    supervision = Supervision(township.store, rules)
    supervision.open_case("c", congress_id="t", subject="农村饮用水安全", links=[link(LinkKind.WORK_REVIEW, "镇政府")])
    supervision.record("c", 0, Step.HELD, congress_id="t", on=rated_on)
    supervision.rate("c", 0, congress_id="t", on=rated_on, satisfied=40, raters=52)
    return supervision


def publication(decision):
    return [(r.code, r.ok, r.citation) for r in decision.reasons]


def test_hn_4_1_4_a_rating_made_public_on_31_december_is_in_time(henan):
    supervision = rated_review(henan)
    decision = supervision.publish_rating("c", 0, congress_id="t", on=D(2022, 12, 31))
    assert publication(decision) == [("supervision.rating_published", True, HN_4_1_4)]
    assert supervision.publication_check("t", as_of=D(2023, 6, 1)).ok


def test_hn_4_1_4_a_rating_made_public_on_1_january_is_late_but_recorded(henan):
    supervision = rated_review(henan)
    decision = supervision.publish_rating("c", 0, congress_id="t", on=D(2023, 1, 1))
    assert publication(decision) == [("supervision.rating_published", False, HN_4_1_4)]
    assert supervision.state("c", congress_id="t").links[0].published == {D(2022, 9, 15): D(2023, 1, 1)}


def test_hn_4_1_4_unpublished_on_31_december_is_not_yet_a_violation_and_after_it_is(henan):
    supervision = rated_review(henan)
    assert publication(supervision.publication_check("t", as_of=D(2022, 12, 31))) == []
    late = supervision.publication_check("t", as_of=D(2023, 1, 1))
    assert publication(late) == [("supervision.rating_unpublished", False, HN_4_1_4)]
    assert late.failing[0].breaks


def test_hn_4_1_4_a_county_rating_is_untouched(henan):
    supervision = rated_review(henan, level=Level.COUNTY)
    assert supervision.publication_check("t", as_of=D(2024, 1, 1)).reasons == ()
    assert supervision.publish_rating("c", 0, congress_id="t", on=D(2024, 1, 1)).reasons == ()


def test_hn_4_1_4_national_law_alone_requires_no_publication(national):
    assert rated_review(national).publication_check("t", as_of=D(2024, 1, 1)).reasons == ()


def test_hn_4_1_4_a_publication_without_a_rating_before_it_or_twice_is_refused_and_records_nothing(henan):
    supervision = rated_review(henan)
    for on, rated_on, code in ((D(2022, 9, 14), None, "supervision.published_before_rating"),
                               (D(2022, 9, 20), D(2022, 9, 16), "supervision.no_rating")):  # fmt: skip
        with pytest.raises(ProcedureError) as caught:
            supervision.publish_rating("c", 0, congress_id="t", on=on, rated_on=rated_on)
        assert [r.code for r in caught.value.decision.failing] == [code]
    assert supervision.state("c", congress_id="t").links[0].published == {}
    supervision.publish_rating("c", 0, congress_id="t", on=D(2022, 9, 20))
    with pytest.raises(ProcedureError) as caught:
        supervision.publish_rating("c", 0, congress_id="t", on=D(2022, 9, 21))
    assert [r.code for r in caught.value.decision.failing] == ["supervision.rating_already_published"]


def rating_record(published_on, as_of):
    """The example, its work review rated on 15 September 2022 made public on ``published_on`` (or never)."""
    tree = _iso_dates(tomllib.loads(EXAMPLE.read_text(encoding="utf-8")))
    tree["as_of"] = as_of
    (water,) = [case for case in tree["congresses"][0]["supervision"] if case["id"] == "water"]
    (rated,) = [step for record in water["links"] for step in record["steps"] if step["step"] == "rated"]
    assert rated["on"] == "2022-09-15"
    del rated["published_on"]
    if published_on is not None:
        rated["published_on"] = published_on.isoformat()
    return parse_record(json.dumps(tree, ensure_ascii=False).encode(), name="hn4.json", toml=False)


def rating_findings(found):
    return [(f.severity, f.code, str(f.citation)) for f in found.findings if f.code.startswith("supervision.rating_")]


@pytest.mark.parametrize(
    ("published_on", "as_of", "expected"),
    [
        (D(2022, 12, 31), "2023-03-01", []),
        (D(2023, 1, 1), "2023-03-01", [("violation", "supervision.rating_published", "HN 4 ¶1 (4)")]),
        (None, "2022-12-31", []),
        (None, "2023-01-01", [("violation", "supervision.rating_unpublished", "HN 4 ¶1 (4)")]),
    ],
)
def test_hn_4_1_4_publication_of_a_rating_through_npcproc_check(henan, published_on, as_of, expected):
    assert rating_findings(audit(rating_record(published_on, as_of), henan)) == expected


def test_hn_4_1_4_a_publication_date_before_the_rating_is_a_finding(henan):
    found = audit(rating_record(D(2022, 9, 14), "2023-03-01"), henan)
    assert "supervision.published_before_rating" in {f.code for f in found.findings}


# -- HN 4 ¶1 (7): the handling report 印发下一次人民代表大会会议, and made public ------------------------------

HANDLING = AgendaItem(id="h", kind=AgendaItemKind.SUGGESTION_HANDLING_REPORT, title="代表建议办理情况的报告")
HN_4_7 = Citation(law="HN", article=4, paragraph=1, item=7)


MID_YEAR = D(2022, 7, 6)


def handling_year(rules, *, next_on=MID_YEAR, agenda=(HANDLING,), level=Level.TOWNSHIP):
    """A session on 2022-01-05, the handling report heard on 2022-03-01, and the next session on ``next_on``."""
    township = Township(rules, level=level, population=30_000 if level is Level.TOWNSHIP else 600_000)
    township.hold("s1", D(2022, 1, 5), agenda=ALL_ITEMS)
    handling = HandlingReports(township.store, rules)
    handling.report("t", "h2021", on=D(2022, 3, 1))
    township.hold("s2", next_on, agenda=list(agenda))
    return handling


@pytest.mark.parametrize(("agenda", "ok"), [((HANDLING,), True), ((), False)])
def test_hn_4_1_7_the_handling_report_goes_to_the_next_session(henan, agenda, ok):
    # "并印发下一次人民代表大会会议": the session after the report has it among its documents.
    handling = handling_year(henan, agenda=agenda)
    found = [(r.ok, r.code, r.citation) for r in handling.check("t", as_of=D(2022, 7, 31)).reasons
             if r.code == "suggestion.handling_report_distributed"]  # fmt: skip
    assert found == [(ok, "suggestion.handling_report_distributed", HN_4_7)]


@pytest.mark.parametrize(("next_on", "judged"), [(D(2022, 3, 1), True), (D(2022, 2, 28), False)])
def test_hn_4_1_7_the_next_session_is_the_first_to_open_on_or_after_the_report(henan, next_on, judged):
    # A session that opened the day before the report is not its "next" session: nothing is judged yet.
    handling = handling_year(henan, next_on=next_on, agenda=())
    found = [r.code for r in handling.check("t", as_of=D(2022, 3, 31)).failing]
    assert found == (["suggestion.handling_report_distributed"] if judged else [])


@pytest.mark.parametrize(("published", "ok"), [(D(2022, 12, 31), True), (D(2023, 1, 1), False)])
def test_hn_4_1_7_the_handling_report_is_made_public_within_its_year(henan, published, ok):
    # "办理情况的报告应当予以公开": no period in the text, so by the end of the year the report was made.
    decision = handling_year(henan).publish("t", "h2021", on=published)
    assert [(r.ok, r.code, r.citation) for r in decision.reasons] == [
        (ok, "suggestion.handling_report_published", HN_4_7)]  # fmt: skip


def test_hn_4_1_7_leaves_a_county_to_dl_51_3(henan):
    handling = handling_year(henan, agenda=(), level=Level.COUNTY)
    handling.publish("t", "h2021", on=D(2022, 3, 2))
    found = handling.check("t", as_of=D(2022, 7, 31))
    assert [(r.code, str(r.citation)) for r in found.reasons] == [("suggestion.handling_report_published", "DL 51 ¶3")]


@pytest.mark.parametrize(("with_report", "ok"), [(True, True), (False, False)])
def test_hn_4_1_7_check_judges_the_next_session_of_the_record(henan, national, with_report, ok):
    # The example's mid-year session (2022-07-06) is the next one after a report heard on 2022-03-01.
    tree = _iso_dates(tomllib.loads(EXAMPLE.read_text(encoding="utf-8")))
    year = tree["congresses"][0]
    year["handling_reports"] = [{"id": "h2021", "on": "2022-03-01", "published_on": "2022-03-05"}]
    (mid,) = [s for s in year["sessions"] if s["opens_on"] == "2022-07-06"]
    if not with_report:
        mid["agenda"] = [i for i in mid["agenda"] if i["kind"] != "suggestion_handling_report"]
    record = parse_record(json.dumps(tree, ensure_ascii=False).encode(), name="hn7.json", toml=False)
    found = [(f.severity, f.code, str(f.citation)) for f in audit(record, henan).findings
             if f.code.startswith("suggestion.handling")]  # fmt: skip
    assert found == ([] if ok else [("violation", "suggestion.handling_report_distributed", "HN 4 ¶1 (7)")])
    assert not any(f.code.startswith("suggestion.handling") for f in audit(record, national).findings)
