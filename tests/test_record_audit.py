"""The audit of records: each rule's finding with its citation, and properties over generated years."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from npcproc.plugins import load_rules
from npcproc.record.audit import audit
from npcproc.record.load import parse_record
from test_record_support import clean_tree


def audited(tree):
    record = parse_record(json.dumps(tree, ensure_ascii=False).encode(), name="t.json", toml=False)
    return audit(record, load_rules())


def varied(change):
    tree = copy.deepcopy(clean_tree())
    change(tree)
    return audited(tree)


def session(tree, n):
    return tree["congresses"][0]["sessions"][n]


def codes(found):
    return [(f.where, f.code, str(f.citation)) for f in found.violations]


def test_the_clean_year_has_no_finding():
    assert audited(clean_tree()).findings == ()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda t: session(t, 1).update(present=[f"d{n:02}" for n in range(1, 40)]),
         ("congresses[0].sessions[1].present", "session.quorum", "OL 14 ¶4")),
        (lambda t: session(t, 0)["bills"][0].update(sponsors=["d21", "d22", "d23", "d24"]),
         ("congresses[0].sessions[0].bills[0]", "bill.sponsors", "OL 22 ¶2")),
        (lambda t: session(t, 0)["votes"][1].update(yes=30, abstain=24),
         ("congresses[0].sessions[0].votes[1]", "record.vote_result", "OL 25 ¶1")),
        (lambda t: session(t, 0)["elections"][0].update(extra_candidates=3),
         ("congresses[0].sessions[0].elections[0]", "election.margin", "OL 27 ¶1")),
        (lambda t: session(t, 0)["elections"][0]["rounds"][0].update(elected=["吴海燕"]),
         ("congresses[0].sessions[0].elections[0].rounds[0]", "record.election_result", "OL 29 ¶1")),
        (lambda t: session(t, 1)["inquiries"][0].update(sponsors=[f"d{n}" for n in range(41, 50)]),
         ("congresses[0].sessions[1].inquiries[0]", "inquiry.sponsors", "OL 24 ¶1")),
        (lambda t: session(t, 1)["inquiries"][0].update(answers=session(t, 1)["inquiries"][0]["answers"][:1]),
         ("congresses[0].sessions[1].inquiries[0].answers[0]", "record.second_answer", "DL 20 ¶5")),
        (lambda t: session(t, 0).update(presidium=[*session(t, 0)["presidium"], "x99"]),
         ("congresses[0].sessions[0].presidium", "deputy.not_in_office", "OL 19")),
        (lambda t: session(t, 0).update(present=[*session(t, 0)["present"], "d60"]),
         ("congresses[0].sessions[0].present", "attendance.on_leave", "DL 13")),
        (lambda t: session(t, 0).update(attending=["镇长周志远", "d01"]),
         ("congresses[0].sessions[0].attending", "attendance.attendee_is_deputy", "OL 21")),
        # due 30 April 2022 + CC 203 past the Labour Day holiday: 5 May
        (lambda t: t["congresses"][0]["suggestions"][0]["replies"][0].update(on="2022-05-06"),
         ("congresses[0].suggestions[0].replies[0]", "record.reply_late", "DL 51 ¶2")),
        (lambda t: t["congresses"][0]["suggestions"][3]["replies"][1].update(on="2022-06-11"),
         ("congresses[0].suggestions[3].replies[1]", "record.reply_late", "DL 51 ¶2")),
        (lambda t: t["congresses"][0]["supervision"][0]["links"][0]["steps"][2].update(on="2022-07-01"),
         ("congresses[0].supervision[0].links[0].steps[2]", "record.supervision_late", "DL 31 ¶1")),
        (lambda t: t["congresses"][0]["supervision"][0]["links"][1]["steps"][1].update(satisfied=26),
         ("congresses[0].supervision[0].links[1].steps[1]", "supervision.satisfaction_default",
          "practice (seed 003)")),
        (lambda t: session(t, 1).update(agenda=session(t, 1)["agenda"][:2]),
         ("congresses[0].year[2022]", "agenda.required_item", "OL 12 ¶1 (4)")),
        (lambda t: session(t, 0).update(opens_on="2022-02-05"),
         ("congresses[0].sessions[0]", "session.first_of_term", "OL 20 ¶1")),
        (lambda t: t["congresses"][0].update(deputy_quota=70, population=10000),
         ("congresses[0]", "record.quota", "EL 12 ¶1 (4)")),
        (lambda t: session(t, 1).update(present=[d for d in session(t, 1)["present"] if d not in ("d58", "d59")]),
         ("congresses[0].deputies", "record.absences", "DL 62 ¶1 (3)")),
    ],
)  # fmt: skip
def test_each_rule_gives_its_finding_and_citation(change, expected):
    found = varied(change)
    assert expected in codes(found)
    finding = next(f for f in found.violations if (f.where, f.code) == expected[:2])
    assert str(finding.citation) in finding.en
    assert finding.zh != finding.en


def test_a_failed_vote_recorded_as_failed_is_a_notice_not_a_violation():
    found = varied(lambda t: session(t, 0)["votes"][1].update(yes=30, abstain=24, passed=False))
    assert found.ok
    assert [(f.severity, f.code) for f in found.findings] == [("notice", "vote.majority_of_all")]


def test_an_unfinished_year_is_not_checked_for_completeness():
    def change(tree):
        tree["as_of"] = "2022-08-01"
        session(tree, 1)["agenda"] = session(tree, 1)["agenda"][:2]

    assert varied(change).ok


@given(st.sets(st.integers(1, 60), min_size=1, max_size=60), st.sets(st.integers(1, 60), max_size=60))
def test_adding_attendance_never_creates_a_quorum_violation(first, more):
    """An empty roll means the session was not held; any roll recorded can only gain from more present."""

    def with_present(ids):
        def change(tree):
            session(tree, 1)["present"] = [f"d{n:02}" for n in sorted(ids)]

        return sum(f.code == "session.quorum" for f in varied(change).violations)

    assert with_present(first | more) <= with_present(first)


@st.composite
def legal_years(draw):
    """A township year generated within the law: sizes, rolls and counts vary, every rule holds."""
    total = draw(st.integers(10, 160))
    ids = [f"p{n:03}" for n in range(total)]
    quorum = -(-2 * total // 3)
    majority = total // 2 + 1
    present_1 = draw(st.integers(quorum, total))
    present_2 = draw(st.integers(quorum, total))
    yes = draw(st.integers(majority, present_1))
    kinds_1 = ["government_report", "presidium_report", "budget", "construction_plan", "civil_affairs_plan"]
    kinds_2 = ["budget_execution", "final_accounts"]
    sponsors = draw(st.integers(5, min(total, 20)))
    days = draw(st.integers(0, 89))
    return {
        "format_version": 1, "as_of": "2023-06-30",
        "congresses": [{
            "id": "g", "name": "生成镇人民代表大会", "level": "township", "division_code": "330110009",
            "population": 1500 * total, "deputy_quota": total, "term": 1, "elections_completed_on": "2021-12-01",
            "deputies": [{"id": d, "name": d, "elected_on": "2022-01-10"} for d in ids],
            "sessions": [
                {"id": "s1", "opens_on": "2022-01-10", "first_of_term": True, "presidium": ids[:7],
                 "present": ids[:present_1], "agenda": [{"id": k, "kind": k, "title": k} for k in kinds_1],
                 "bills": [{"id": "b", "subject": "s", "grounds": "g", "proposal": "p", "sponsors": ids[:sponsors]}],
                 "votes": [{"id": "v", "subject": "b", "method": "electronic", "on": "2022-01-10", "yes": yes,
                            "no": present_1 - yes, "passed": True}]},
                {"id": "s2", "opens_on": "2022-07-10", "presidium": ids[:7], "present": ids[total - present_2:],
                 "agenda": [{"id": k, "kind": k, "title": k} for k in kinds_2]},
            ],
            "suggestions": [{"id": "x", "deputies": [ids[0]], "subject": "s", "content": "c",
                             "submitted_on": "2022-01-10", "referred_on": "2022-02-01",
                             "replies": [{"on": f"2022-{2 + days // 30:02}-{1 + days % 28:02}",
                                          "category": "resolved"}]}],
        }],
    }  # fmt: skip


@given(legal_years())
def test_a_legal_generated_year_has_no_violation(tree):
    found = audited(tree)
    assert found.ok, [f.en for f in found.violations]


def test_the_audit_covers_many_congresses_in_one_file():
    tree = clean_tree()
    year = tree["congresses"][0]
    tree["congresses"] = [dict(copy.deepcopy(year), id=f"qx{n}") for n in range(30)]
    tree["congresses"][17]["sessions"][1]["present"] = year["sessions"][1]["present"][:30]
    found = audited(tree)
    assert {f.where.split(".")[0] for f in found.violations} == {"congresses[17]"}


# -- OL 14 ¶1 "会议每年至少举行一次": a year the record spans without any session ----------------------------


EVERY_YEAR = ["government_report", "presidium_report", "budget", "construction_plan", "civil_affairs_plan",
              "budget_execution", "final_accounts"]  # fmt: skip


def sessions_on(*days, as_of=None, suggestions=()):
    """A township of 60 deputies (elections completed 2021-11-20) with a session on each of ``days``,
    each hearing every item OL 12 asks for each year."""
    everyone = [f"d{n:02}" for n in range(1, 61)]
    tree = {
        "format_version": 1,
        "congresses": [{
            "id": "t", "name": "某镇人民代表大会", "level": "township", "division_code": "330110001",
            "population": 30_000, "deputy_quota": 65, "term": 1, "elections_completed_on": "2021-11-20",
            "deputies": [{"id": d, "name": d, "elected_on": "2021-11-20"} for d in everyone],
            "sessions": [{"id": f"s{n}", "opens_on": day, "closed_on": day, "first_of_term": n == 0,
                          "presidium": everyone[:9], "present": everyone,
                          "agenda": [{"id": k, "kind": k, "title": k} for k in EVERY_YEAR]}
                         for n, day in enumerate(days)],
            "suggestions": [{"id": f"x{n}", "deputies": ["d01"], "subject": "s", "content": "c", "submitted_on": day}
                            for n, day in enumerate(suggestions)],
        }],
    }  # fmt: skip
    if as_of is not None:
        tree["as_of"] = as_of
    return audited(tree)


def judged_years(found):
    """{year: sorted (code, citation)} of the violations of each calendar year's annual check."""
    years = {}
    for f in found.violations:
        if ".year[" in f.where:
            years.setdefault(int(f.where.split("[")[-1].rstrip("]")), set()).add((f.code, str(f.citation)))
    return {year: sorted(found) for year, found in years.items()}


NO_SESSION = [("agenda.required_item", f"OL 12 ¶1 ({item})") for item in (3, 4, 5, 8, 9)] + [
    ("agenda.sessions_per_year", "OL 14 ¶1")
]


def test_ol_14_1_a_year_between_two_sessions_without_one_is_a_violation():
    assert judged_years(sessions_on("2022-01-05", "2024-01-10")) == {2023: NO_SESSION}
    assert judged_years(sessions_on("2022-01-05", "2023-12-31")) == {}


def test_ol_14_1_a_year_after_the_last_session_is_judged_once_the_record_says_it_is_over():
    assert judged_years(sessions_on("2022-01-05", as_of="2023-12-31")) == {2023: NO_SESSION}
    assert judged_years(sessions_on("2022-01-05", as_of="2023-12-30")) == {}


def test_ol_14_1_only_the_years_wholly_within_the_term_are_judged_without_a_session():
    # OL 9 ¶1: a five-year term from elections completed in November 2021; 2026 holds the next elections,
    # and its sessions may be the next term's.
    assert judged_years(sessions_on("2022-01-05", as_of="2027-12-31")) == {2023: NO_SESSION, 2024: NO_SESSION,
                                                                          2025: NO_SESSION}  # fmt: skip


def test_ol_14_1_a_congress_year_with_no_session_at_all_is_judged():
    # No session recorded; a suggestion in 2022 opens the stretch the record covers, up to as_of.
    assert judged_years(sessions_on(suggestions=["2022-03-01"], as_of="2023-12-31")) == {2023: NO_SESSION}
    assert judged_years(sessions_on(suggestions=["2022-03-01"], as_of="2023-12-30")) == {}


@pytest.mark.parametrize(("present", "broken"), [(39, True), (40, False)])
def test_ol_14_4_a_recorded_round_needs_two_thirds_present(present, broken):
    """A round records its own roll (``present``); 39 of the 60 deputies in office is short of 2/3, 40 is not."""
    roll = [f"d{n:02}" for n in range(1, present + 1)]
    found = varied(lambda t: session(t, 0)["elections"][0]["rounds"][0].update(present=roll))
    quorum = ("congresses[0].sessions[0].elections[0].rounds[0].present", "session.quorum", "OL 14 ¶4")
    assert (quorum in codes(found)) is broken


def test_ol_14_4_a_round_without_its_own_roll_is_judged_by_the_session_roll():
    found = varied(lambda t: session(t, 0).update(present=[f"d{n:02}" for n in range(1, 40)]))
    where = {f.where for f in found.violations if f.code == "session.quorum"}
    assert "congresses[0].sessions[0].elections[0].rounds[0].present" in where


@pytest.mark.parametrize(("designations", "broken"), [((), True), (("quota_allowance",), False)])
def test_el_12_3_the_five_percent_allowance_needs_the_provincial_decision(designations, broken):
    """EL 12 ¶1 (4): 45 + 10,000 / 1,500 = 51 deputies at most for 10,000 people; a quota of 53 is within the
    5 % more of EL 12 ¶3 only where the provincial standing committee so decided."""
    found = varied(lambda t: t["congresses"][0].update(population=10_000, deputy_quota=53,
                                                        designations=list(designations)))  # fmt: skip
    assert (("congresses[0]", "record.quota", "EL 12 ¶1 (4)") in codes(found)) is broken


# -- OL 27 ¶2: a county general election's list after two days of nominating -------------------------------


def county_election(round_on, *, by_election=False, level="county"):
    """The OL 27 ¶2 violations of :func:`county_tree`."""
    found = audited(county_tree(round_on, by_election=by_election, level=level))
    return [(f.where, f.code, str(f.citation)) for f in found.violations if f.code == "election.nomination_time"]


def county_tree(round_on, *, by_election=False, level="county"):
    """A congress of 60 deputies whose session opens on 5 January 2022 and elects its head; the record does
    not date the formal list, so the first round's day is the latest it was fixed."""
    everyone = [f"d{n:02}" for n in range(1, 61)]
    county = level == "county"
    tree = {
        "format_version": 1, "as_of": "2022-01-31",
        "congresses": [{
            "id": "c", "name": "某县人民代表大会" if county else "某镇人民代表大会", "level": level,
            "division_code": "330110" if county else "330110001", "population": 500_000 if county else 30_000,
            "deputy_quota": 240 if county else 65, "term": 1, "elections_completed_on": "2021-11-20",
            "deputies": [{"id": d, "name": d, "elected_on": "2021-11-20"} for d in everyone],
            "sessions": [{
                "id": "s1", "opens_on": "2022-01-05", "closed_on": "2022-01-09", "first_of_term": True,
                "notice_on": "2021-12-01",
                "presidium": everyone[:9], "present": everyone,
                "preparatory": {"presidium_vote": {"yes": 60}, "agenda_vote": {"yes": 60}},
                "agenda": [{"id": "e", "kind": "election", "title": "选举"}],
                "elections": [{
                    "id": "head", "office": "county_head" if county else "township_head", "seats": 1,
                    "extra_candidates": 0 if by_election else 1, "by_election": by_election,
                    "nominations": [{"by": "presidium", "candidates": ["王芳"]}] + ([] if by_election else [
                        {"by": "deputies", "candidates": ["李明"], "nominators": everyone[10:20]}]),
                    "rounds": [{"on": round_on, "candidates": ["王芳"] if by_election else ["王芳", "李明"],
                                "ballots_issued": 60, "ballots_returned": 60,
                                "votes": {"王芳": 40} if by_election else {"王芳": 40, "李明": 20},
                                "elected": ["王芳"]}],
                }],
            }],
        }],
    }  # fmt: skip
    return tree


def test_ol_27_2_county_general_election_voted_two_days_after_opening_is_a_violation():
    found = county_election("2022-01-07")
    assert found == [("congresses[0].sessions[0].elections[0]", "election.nomination_time", "OL 27 ¶2")]


def test_ol_27_2_county_general_election_voted_after_two_whole_days_is_not():
    assert county_election("2022-01-08") == []


def test_ol_27_2_binds_no_county_by_election_nor_township_in_a_record():
    assert county_election("2022-01-05", by_election=True) == []
    assert county_election("2022-01-05", level="township") == []
