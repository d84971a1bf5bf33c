"""Boundary tests for the national rules in npcproc.statute, checked against the law texts."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from npcproc import statute
from npcproc.errors import InvalidArgumentError, NpcprocError
from npcproc.rules.decision import Citation
from npcproc.statute import Level, Post

OL_14_4 = Citation(law="OL", article=14, paragraph=4)
OL_25_1 = Citation(law="OL", article=25, paragraph=1)
OL_29_1 = Citation(law="OL", article=29, paragraph=1)
OL_29_2 = Citation(law="OL", article=29, paragraph=2)
EL_44_1 = Citation(law="EL", article=44, paragraph=1)
EL_45_1 = Citation(law="EL", article=45, paragraph=1)
EL_45_3 = Citation(law="EL", article=45, paragraph=3)
EL_45_4 = Citation(law="EL", article=45, paragraph=4)
EL_45_5 = Citation(law="EL", article=45, paragraph=5)


def elect(votes, *, total=60, seats=1, issued=None, returned=None):
    issued = total if issued is None else issued
    returned = issued if returned is None else returned
    return statute.election_outcome(
        total_deputies=total, seats=seats, votes=votes, ballots_issued=issued, ballots_returned=returned
    )


def direct(votes, *, registered=100, seats=1, issued=100, returned=None, voters=None, runoff=False):
    returned = issued if returned is None else returned
    voters = issued if voters is None else voters
    return statute.direct_election_outcome(
        registered_voters=registered, seats=seats, votes=votes, ballots_issued=issued, ballots_returned=returned,
        voters=voters, runoff=runoff,
    )  # fmt: skip


# -- OL 14 ¶4: quorum, 2/3 以上 of all deputies --------------------------------------------------


@pytest.mark.parametrize(
    ("total", "present", "ok", "required"),
    [
        (60, 40, True, 40), (60, 39, False, 40), (60, 60, True, 40), (61, 41, True, 41),
        (61, 40, False, 41), (62, 42, True, 42), (62, 41, False, 42), (3, 2, True, 2),
        (3, 1, False, 2), (2, 2, True, 2), (2, 1, False, 2), (1, 1, True, 1),
        (1, 0, False, 1),
    ],
)  # fmt: skip
def test_session_quorum_boundary(total, present, ok, required):
    decision = statute.session_quorum(total, present)
    assert bool(decision) is ok
    assert decision.ok is ok
    (reason,) = decision.reasons
    assert (reason.values["present"], reason.values["total"], reason.values["required"]) == (present, total, required)
    assert OL_14_4 in decision.citations


@pytest.mark.parametrize(("present", "ok"), [(38, False), (40, True)])
def test_session_quorum_messages(present, ok):
    reason = statute.session_quorum(60, present).reasons[0]
    en, zh = reason.message("en"), reason.message("zh")
    assert f"{present} of 60" in en
    assert "(40)" in en
    assert "OL 14 ¶4" in en
    assert f"出席代表{present}人" in zh
    assert "全体代表60人" in zh
    assert "40人" in zh
    assert ("不足" in zh) is not ok
    assert reason.messages == {"en": en, "zh": zh}


@given(st.integers(min_value=1, max_value=10_000))
def test_session_quorum_is_two_thirds_inclusive(total):
    required = statute.session_quorum(total, 0).reasons[0].values["required"]
    assert Fraction(required, total) >= Fraction(2, 3) > Fraction(required - 1, total)
    assert statute.session_quorum(total, required)
    assert not statute.session_quorum(total, required - 1)


# -- OL 25: more than half of ALL deputies ----------------------------------------------------


@pytest.mark.parametrize(
    ("total", "yes", "ok"),
    [
        (60, 31, True), (60, 30, False), (60, 60, True), (60, 0, False), (61, 31, True),
        (61, 30, False), (2, 2, True), (2, 1, False), (1, 1, True), (1, 0, False),
    ],
)  # fmt: skip
def test_resolution_passes_boundary(total, yes, ok):
    decision = statute.resolution_passes(total, yes)
    assert bool(decision) is ok
    assert decision.ok is ok
    (reason,) = decision.reasons
    assert reason.values == {"yes": yes, "total": total, "required": total // 2 + 1}
    assert OL_25_1 in decision.citations
    assert f"{yes} yes of {total}" in reason.message("en")
    assert f"赞成{yes}票" in reason.message("zh")


@given(st.integers(min_value=1, max_value=10_000))
def test_resolution_is_strictly_more_than_half(total):
    required = statute.resolution_passes(total, 0).reasons[0].values["required"]
    assert 2 * required > total >= 2 * (required - 1)
    assert statute.resolution_passes(total, required)
    assert not statute.resolution_passes(total, required - 1)


# -- thresholds: OL 14 ¶3, 22 ¶2, 24 ¶1, 26 ¶2, 31 --------------------------------------------


@pytest.mark.parametrize(
    ("total", "expected"), [(60, 12), (61, 13), (59, 12), (10, 2), (11, 3), (5, 1), (4, 1), (1, 1)]
)
def test_extraordinary_session_threshold(total, expected):
    assert statute.extraordinary_session_threshold(total) == expected


@pytest.mark.parametrize(
    ("function", "township", "county"),
    [
        (statute.bill_sponsor_threshold, 5, 10),
        (statute.inquiry_sponsor_threshold, 10, 10),
        (statute.nomination_sponsor_threshold, 10, 10),
    ],
)
def test_sponsor_thresholds(function, township, county):
    assert function(Level.TOWNSHIP) == township
    assert function(Level.COUNTY) == county


@pytest.mark.parametrize(
    ("level", "total", "expected"),
    [
        (Level.TOWNSHIP, 60, 12), (Level.TOWNSHIP, 61, 13), (Level.TOWNSHIP, 5, 1), (Level.TOWNSHIP, 1, 1),
        (Level.COUNTY, 300, 30), (Level.COUNTY, 301, 31), (Level.COUNTY, 299, 30), (Level.COUNTY, 10, 1),
        (Level.COUNTY, 1, 1),
    ],
)  # fmt: skip
def test_recall_sponsor_threshold(level, total, expected):
    assert statute.recall_sponsor_threshold(level, total) == expected


# -- OL 27 ¶1: candidate margins --------------------------------------------------------------


@pytest.mark.parametrize(
    ("post", "seats", "expected"),
    [
        (Post.PRINCIPAL, 1, (1, 2)), (Post.PRINCIPAL, 2, (2, 3)), (Post.DEPUTY_POST, 1, (2, 4)),
        (Post.DEPUTY_POST, 2, (3, 5)), (Post.COMMITTEE_MEMBER, 30, (33, 36)), (Post.COMMITTEE_MEMBER, 25, (28, 30)),
        (Post.COMMITTEE_MEMBER, 10, (11, 12)), (Post.COMMITTEE_MEMBER, 5, (6, 6)), (Post.COMMITTEE_MEMBER, 9, (10, 10)),
        (Post.COMMITTEE_MEMBER, 11, (13, 13)),
    ],
)  # fmt: skip
def test_candidate_range(post, seats, expected):
    assert statute.candidate_range(post, seats) == expected


@pytest.mark.parametrize("seats", [1, 2, 3, 4])
def test_candidate_range_committee_too_few_seats(seats):
    with pytest.raises(InvalidArgumentError) as caught:
        statute.candidate_range(Post.COMMITTEE_MEMBER, seats)
    assert caught.value.argument == "seats"


# -- EL 12: deputy quota cap ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "population", "expected"),
    [
        (Level.TOWNSHIP, 1, 45), (Level.TOWNSHIP, 1499, 45), (Level.TOWNSHIP, 1500, 46), (Level.TOWNSHIP, 30_000, 65),
        (Level.TOWNSHIP, 172_499, 159), (Level.TOWNSHIP, 172_500, 160), (Level.TOWNSHIP, 200_000, 160),
        (Level.COUNTY, 4999, 140), (Level.COUNTY, 49_999, 149), (Level.COUNTY, 50_000, 150),
        (Level.COUNTY, 1_549_999, 449), (Level.COUNTY, 1_550_000, 450), (Level.COUNTY, 2_000_000, 450),
    ],
)  # fmt: skip
def test_deputy_quota_cap(level, population, expected):
    assert statute.deputy_quota_cap(level, population) == expected


# -- DL 51 ¶2 with CC 201-202: reply deadline -------------------------------------------------


@pytest.mark.parametrize(
    ("referred_on", "complex_", "expected"),
    [
        ("2025-01-31", False, "2025-04-30"), ("2025-01-31", True, "2025-07-31"), ("2024-08-31", True, "2025-02-28"),
        ("2023-11-30", False, "2024-02-29"), ("2024-11-30", False, "2025-02-28"), ("2025-03-15", False, "2025-06-15"),
        ("2025-03-15", True, "2025-09-15"), ("2024-12-31", False, "2025-03-31"),
    ],
)  # fmt: skip
def test_suggestion_reply_deadline(referred_on, complex_, expected):
    got = statute.suggestion_reply_deadline(datetime.date.fromisoformat(referred_on), complex=complex_)
    assert got == datetime.date.fromisoformat(expected)


def test_suggestion_reply_deadline_defaults_to_three_months():
    assert statute.suggestion_reply_deadline(datetime.date(2025, 5, 31)) == datetime.date(2025, 8, 31)


# -- OL 25, 29: elections at a congress -------------------------------------------------------


@pytest.mark.parametrize(
    ("votes", "seats", "elected"),
    [
        ({"b": 40, "a": 50, "c": 35, "d": 10}, 3, ("a", "b", "c")),
        ({"c": 35, "a": 45, "b": 40}, 2, ("a", "b")),
    ],
)
def test_election_elected_highest_first(votes, seats, elected):
    outcome = elect(votes, seats=seats)
    assert outcome.valid
    assert outcome.elected == elected
    assert (outcome.tied, outcome.shortfall) == ((), 0)
    assert outcome.decision.ok
    assert OL_25_1 in outcome.decision.citations


@pytest.mark.parametrize(
    ("votes", "seats", "elected", "tied"),
    [
        ({"a": 45, "b": 35, "c": 35}, 2, ("a",), ("b", "c")),
        ({"a": 40, "b": 40, "c": 40}, 2, (), ("a", "b", "c")),
        ({"a": 45, "b": 40, "c": 31, "d": 31, "e": 31}, 3, ("a", "b"), ("c", "d", "e")),
    ],
)
def test_election_tie_at_cut_off(votes, seats, elected, tied):
    outcome = elect(votes, seats=seats)
    assert outcome.valid
    assert outcome.elected == elected
    assert outcome.tied == tied
    assert outcome.shortfall == 0
    assert not outcome.decision
    assert OL_29_1 in outcome.decision.citations
    (tie,) = [r for r in outcome.decision.reasons if r.code == "election.tie"]
    assert tie.values["open_seats"] == seats - len(elected)


def test_election_equal_votes_within_seats_is_no_tie():
    outcome = elect({"a": 40, "b": 40, "c": 20}, seats=2)
    assert set(outcome.elected) == {"a", "b"}
    assert (outcome.tied, outcome.shortfall) == ((), 0)


@pytest.mark.parametrize(
    ("total", "votes", "elected", "shortfall"),
    [
        (60, {"a": 31, "b": 29}, ("a",), 0), (60, {"a": 30, "b": 30}, (), 1),
        (61, {"a": 31, "b": 30}, ("a",), 0), (61, {"a": 30, "b": 30}, (), 1),
        (1, {"a": 1}, ("a",), 0), (1, {"a": 0}, (), 1),
    ],
)  # fmt: skip
def test_election_single_seat_majority_of_all(total, votes, elected, shortfall):
    outcome = elect(votes, total=total)
    assert outcome.elected == elected
    assert outcome.shortfall == shortfall
    assert outcome.decision.ok is (shortfall == 0)


def test_election_majority_is_of_all_deputies_not_of_those_present():
    outcome = elect({"a": 30, "b": 15}, total=60, issued=45)
    assert outcome.valid
    assert outcome.elected == ()
    assert outcome.shortfall == 1
    (short,) = [r for r in outcome.decision.reasons if r.code == "election.shortfall"]
    assert short.values["required"] == 31
    assert OL_29_2 in outcome.decision.citations


def test_election_shortfall_counts_unfilled_seats():
    outcome = elect({"a": 40, "b": 31, "c": 30, "d": 20}, seats=3)
    assert outcome.elected == ("a", "b")
    assert outcome.tied == ()
    assert outcome.shortfall == 1
    assert {OL_25_1, OL_29_2} <= set(outcome.decision.citations)


@pytest.mark.parametrize(("issued", "returned", "valid"), [(50, 51, False), (50, 50, True), (50, 49, True)])
def test_election_more_ballots_returned_than_issued_voids_round(issued, returned, valid):
    outcome = elect({"a": 40}, issued=issued, returned=returned)
    assert outcome.valid is valid
    assert outcome.elected == (() if not valid else ("a",))
    assert EL_44_1 in outcome.decision.citations
    if not valid:
        assert (outcome.tied, outcome.shortfall) == ((), 0)
        assert outcome.decision.citations == (EL_44_1,)
        assert not outcome.decision


# -- EL 44, 45: direct elections --------------------------------------------------------------


@pytest.mark.parametrize(
    ("registered", "issued", "valid"),
    [(100, 50, False), (100, 51, True), (100, 100, True), (100, 0, False), (101, 50, False), (101, 51, True)],
)
def test_direct_election_turnout_more_than_half(registered, issued, valid):
    outcome = direct({"a": issued}, registered=registered, issued=issued)
    assert outcome.valid is valid
    assert outcome.elected == (("a",) if valid else ())
    assert EL_45_1 in outcome.decision.citations
    assert outcome.decision.ok is valid


@pytest.mark.parametrize(
    ("issued", "returned", "votes", "elected"),
    [
        (51, 51, 26, ("a",)), (51, 51, 25, ()), (51, 40, 26, ("a",)), (51, 40, 25, ()),
        (100, 100, 51, ("a",)), (100, 100, 50, ()),
    ],
)  # fmt: skip
def test_direct_election_majority_of_voters(issued, returned, votes, elected):
    outcome = direct({"a": votes}, issued=issued, returned=returned)
    assert outcome.valid
    assert outcome.elected == elected
    assert outcome.shortfall == 1 - len(elected)
    if not elected:
        assert EL_45_4 in outcome.decision.citations


@pytest.mark.parametrize(
    ("issued", "returned", "votes", "elected"),
    [(90, 90, 30, ("a",)), (90, 90, 29, ()), (95, 90, 30, ("a",)), (91, 91, 31, ("a",)), (91, 91, 30, ())],
)
def test_direct_election_runoff_floor_one_third(issued, returned, votes, elected):
    outcome = direct({"a": votes, "b": 10}, issued=issued, returned=returned, runoff=True)
    assert outcome.valid
    assert outcome.elected == elected
    assert outcome.shortfall == 1 - len(elected)
    (last,) = outcome.decision.reasons[-1:]
    assert last.values["required"] == -(-returned // 3)
    if elected:
        assert last.citation == EL_45_5


def test_direct_election_runoff_still_needs_turnout():
    outcome = direct({"a": 50}, issued=50, runoff=True)
    assert not outcome.valid
    assert outcome.elected == ()


@pytest.mark.parametrize(
    ("votes", "seats", "runoff", "elected", "tied"),
    [
        ({"a": 60, "b": 50, "c": 50}, 2, False, ("a",), ("b", "c")),
        ({"a": 40, "b": 40, "c": 10}, 1, True, (), ("a", "b")),
    ],
)
def test_direct_election_tie_at_cut_off(votes, seats, runoff, elected, tied):
    outcome = direct(votes, seats=seats, issued=90, runoff=runoff)
    assert outcome.elected == elected
    assert outcome.tied == tied
    assert outcome.shortfall == 0
    assert EL_45_3 in outcome.decision.citations


def test_direct_election_void_round():
    outcome = direct({"a": 60}, issued=80, returned=81)
    assert not outcome.valid
    assert outcome.elected == ()
    assert outcome.decision.citations == (EL_44_1,)


# -- impossible input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        pytest.param(lambda: statute.session_quorum(-1, 0), "total_deputies", id="quorum-negative-total"),
        pytest.param(lambda: statute.session_quorum(0, 0), "total_deputies", id="quorum-zero-total"),
        pytest.param(lambda: statute.session_quorum(60, -1), "present", id="quorum-negative-present"),
        pytest.param(lambda: statute.session_quorum(60, 61), "present", id="quorum-present-over-total"),
        pytest.param(lambda: statute.session_quorum(60.0, 40), "total_deputies", id="quorum-float-total"),
        pytest.param(lambda: statute.session_quorum(60, 2.5), "present", id="quorum-float-present"),
        pytest.param(lambda: statute.session_quorum(60, True), "present", id="quorum-bool-present"),
        pytest.param(lambda: statute.resolution_passes(0, 0), "total_deputies", id="resolution-zero-total"),
        pytest.param(lambda: statute.resolution_passes(-5, 0), "total_deputies", id="resolution-negative-total"),
        pytest.param(lambda: statute.resolution_passes(60, -1), "yes", id="resolution-negative-yes"),
        pytest.param(lambda: statute.resolution_passes(60, 61), "yes", id="resolution-yes-over-total"),
        pytest.param(lambda: statute.resolution_passes(True, 1), "total_deputies", id="resolution-bool-total"),
        pytest.param(lambda: statute.extraordinary_session_threshold(0), "total_deputies", id="extra-zero"),
        pytest.param(lambda: statute.extraordinary_session_threshold(2.5), "total_deputies", id="extra-float"),
        pytest.param(lambda: statute.bill_sponsor_threshold("township"), "level", id="bill-str-level"),
        pytest.param(lambda: statute.inquiry_sponsor_threshold(None), "level", id="inquiry-none-level"),
        pytest.param(lambda: statute.nomination_sponsor_threshold(Post.PRINCIPAL), "level", id="nomination-post"),
        pytest.param(lambda: statute.recall_sponsor_threshold("county", 60), "level", id="recall-str-level"),
        pytest.param(lambda: statute.recall_sponsor_threshold(Level.COUNTY, 0), "total_deputies", id="recall-zero"),
        pytest.param(lambda: statute.recall_sponsor_threshold(Level.COUNTY, -1), "total_deputies", id="recall-neg"),
        pytest.param(lambda: statute.candidate_range("principal", 1), "post", id="range-str-post"),
        pytest.param(lambda: statute.candidate_range(Level.COUNTY, 1), "post", id="range-level-post"),
        pytest.param(lambda: statute.candidate_range(Post.PRINCIPAL, 0), "seats", id="range-zero-seats"),
        pytest.param(lambda: statute.candidate_range(Post.DEPUTY_POST, -1), "seats", id="range-negative-seats"),
        pytest.param(lambda: statute.candidate_range(Post.DEPUTY_POST, True), "seats", id="range-bool-seats"),
        pytest.param(lambda: statute.deputy_quota_cap(Level.TOWNSHIP, -1), "population", id="quota-negative"),
        pytest.param(lambda: statute.deputy_quota_cap(Level.TOWNSHIP, 0), "population", id="quota-zero"),
        pytest.param(lambda: statute.deputy_quota_cap(Level.COUNTY, 2.5), "population", id="quota-float"),
        pytest.param(lambda: statute.deputy_quota_cap("county", 1000), "level", id="quota-str-level"),
        pytest.param(lambda: statute.suggestion_reply_deadline("2025-01-31"), "referred_on", id="deadline-str"),
        pytest.param(lambda: statute.suggestion_reply_deadline(None), "referred_on", id="deadline-none"),
        pytest.param(lambda: elect({"a": 1}, total=0, issued=0), "total_deputies", id="elect-zero-total"),
        pytest.param(lambda: elect({"a": 1}, total=-1, issued=0), "total_deputies", id="elect-negative-total"),
        pytest.param(lambda: elect({"a": 1}, seats=0), "seats", id="elect-zero-seats"),
        pytest.param(lambda: elect({"a": 1}, seats=1.5), "seats", id="elect-float-seats"),
        pytest.param(lambda: elect({"a": 1}, issued=61), "ballots_issued", id="elect-issued-over-total"),
        pytest.param(lambda: elect({"a": 1}, issued=-1, returned=0), "ballots_issued", id="elect-negative-issued"),
        pytest.param(lambda: elect({"a": 1}, returned=-1), "ballots_returned", id="elect-negative-returned"),
        pytest.param(lambda: elect({"a": 1}, returned=2.5), "ballots_returned", id="elect-float-returned"),
        pytest.param(lambda: elect({"a": 51}, issued=50), "votes['a']", id="elect-votes-over-returned"),
        pytest.param(lambda: elect({"a": -1}), "votes['a']", id="elect-negative-votes"),
        pytest.param(lambda: elect({"a": 2.5}), "votes['a']", id="elect-float-votes"),
        pytest.param(lambda: elect({"a": True}), "votes['a']", id="elect-bool-votes"),
        pytest.param(lambda: elect({"a": 30, "b": 30}, issued=50), "votes", id="elect-marks-over-ballots"),
        pytest.param(lambda: elect({"a": 40, "b": 40, "c": 41}, seats=2), "votes", id="elect-marks-two-seats"),
        pytest.param(lambda: direct({"a": 1}, registered=0, issued=0), "registered_voters", id="direct-zero-reg"),
        pytest.param(lambda: direct({"a": 1}, registered=-1, issued=0), "registered_voters", id="direct-neg-reg"),
        pytest.param(lambda: direct({"a": 1}, seats=0), "seats", id="direct-zero-seats"),
        pytest.param(lambda: direct({"a": 1}, issued=101), "ballots_issued", id="direct-issued-over-registered"),
        pytest.param(lambda: direct({"a": 1}, issued=True), "ballots_issued", id="direct-bool-issued"),
        pytest.param(lambda: direct({"a": 1}, returned=-1), "ballots_returned", id="direct-negative-returned"),
        pytest.param(lambda: direct({"a": 61}, issued=60), "votes['a']", id="direct-votes-over-returned"),
        pytest.param(lambda: direct({"a": 60, "b": 41}), "votes", id="direct-marks-over-ballots"),
    ],
)
def test_impossible_input_raises(call, argument):
    with pytest.raises(InvalidArgumentError) as caught:
        call()
    error = caught.value
    assert isinstance(error, NpcprocError)
    assert isinstance(error, ValueError)
    assert error.argument == argument
    assert str(error).startswith(f"{argument}: ")
