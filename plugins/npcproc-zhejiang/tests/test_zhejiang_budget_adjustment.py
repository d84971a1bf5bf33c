"""ZJ 33 ¶2: a budget adjustment reaches the presidium in writing, the presidium hears the deputies on it, and only
then does the congress approve it: through the procedure and through `npcproc check`, a county untouched."""

from __future__ import annotations

import copy
import datetime
import json
import tomllib
from pathlib import Path

import npcproc_zhejiang
import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.session import AgendaItem, AgendaItemKind, VoteMethod
from npcproc.procedures import BudgetAdjustments, Congresses, Sessions
from npcproc.record.audit import audit
from npcproc.record.load import parse_record
from npcproc.store import MemoryStore
from npcproc.testing import prepare

D = datetime.date
IDS = [f"d{n:02}" for n in range(1, 61)]
VOTED = D(2022, 7, 6)
EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "township-year.toml"


@pytest.fixture
def zhejiang(npcproc_rules):
    return npcproc_rules("浙江", npcproc_zhejiang)


def adjusted(rules, *, level=Level.TOWNSHIP):
    """A session on 6 July 2022 whose agenda item ``adj`` (a budget adjustment) a vote approves that day."""
    store = MemoryStore()
    code, quota = ("330110001", 65) if level is Level.TOWNSHIP else ("330110", 200)
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="c", name="某人民代表大会", level=level, division_code=code, population=30_000,
                                  deputy_quota=quota))  # fmt: skip
    congresses.begin_term("c", 1, elections_completed_on=D(2022, 6, 1))  # the term's first session follows
    congresses.elect_deputies("c", {d: d for d in IDS}, term=1, on=D(2022, 6, 1))
    sessions = Sessions(store, rules)
    sessions.plan("s", congress_id="c", opens_on=VOTED)
    sessions.give_notice("s", on=D(2022, 6, 26), materials_on=D(2022, 7, 3))
    agenda = [AgendaItem(id="adj", kind=AgendaItemKind.BUDGET_ADJUSTMENT, title="预算调整方案")]
    prepare(sessions, "s", on=VOTED, presidium=IDS[:9], agenda=agenda)
    sessions.open("s", on=VOTED, present=IDS)
    return BudgetAdjustments(store, rules), sessions


def approve(sessions):
    sessions.open_vote("s", "v", subject="adj", method=VoteMethod.SECRET_BALLOT, on=VOTED, present=IDS)
    sessions.count_ballots("s", "v", yes=50, no=10, abstain=0)
    sessions.close_vote("s", "v")


def codes(decision) -> list[tuple[bool, str, str]]:
    return [(r.ok, r.code, str(r.citation)) for r in decision.reasons]


def refusal(call) -> list[tuple[str, str]]:
    with pytest.raises(ProcedureError) as caught:
        call()
    return [(r.code, str(r.citation)) for r in caught.value.decision.failing]


@pytest.mark.parametrize(("submitted", "heard", "ok"), [
    (D(2022, 6, 20), D(2022, 6, 28), (True, True)),
    (VOTED, VOTED, (True, True)),  # on the day of the vote itself: still before the congress approves
    (D(2022, 7, 7), None, (False, False)),  # the day after the vote: too late, and nothing heard before it
    (D(2022, 6, 20), D(2022, 7, 7), (True, False)),
])  # fmt: skip
def test_zj_33_2_the_plan_goes_to_the_presidium_and_the_deputies_are_heard_before_the_vote(
    zhejiang, submitted, heard, ok
):
    adjustments, sessions = adjusted(zhejiang)
    adjustments.submit("c", "s", "adj", on=submitted)
    if heard is not None:
        adjustments.hear_opinions("c", "s", "adj", on=heard)
    approve(sessions)
    assert codes(adjustments.check("c")) == [
        (ok[0], "budget.adjustment_submitted", "ZJ 33 ¶2"), (ok[1], "budget.adjustment_opinions", "ZJ 33 ¶2"),
    ]  # fmt: skip


def test_zj_33_2_a_plan_not_in_writing_or_never_submitted_fails(zhejiang):
    adjustments, sessions = adjusted(zhejiang)
    adjustments.submit("c", "s", "adj", on=D(2022, 6, 20), in_writing=False)
    adjustments.hear_opinions("c", "s", "adj", on=D(2022, 6, 28))
    approve(sessions)
    assert codes(adjustments.check("c"))[0] == (False, "budget.adjustment_submitted", "ZJ 33 ¶2")
    unsubmitted, sessions = adjusted(zhejiang)
    approve(sessions)
    assert [ok for ok, _, _ in codes(unsubmitted.check("c"))] == [False, False]
    assert "had not reached the presidium in writing" in unsubmitted.check("c").explain("en")


def test_zj_33_2_an_adjustment_not_yet_approved_is_not_judged(zhejiang):
    adjustments, _ = adjusted(zhejiang)
    assert codes(adjustments.check("c")) == []


def test_zj_33_2_refusals_record_nothing(zhejiang):
    adjustments, _ = adjusted(zhejiang)
    store = adjustments.store
    before = list(store.read_all())
    assert refusal(lambda: adjustments.hear_opinions("c", "s", "adj", on=D(2022, 6, 28))) == [
        ("budget.adjustment_not_submitted", "OL 12 ¶1 (4)")
    ]
    assert refusal(lambda: adjustments.submit("c", "s", "budget", on=D(2022, 6, 20))) == [
        ("budget.adjustment_not_listed", "OL 12 ¶1 (4)")
    ]
    assert list(store.read_all()) == before
    adjustments.submit("c", "s", "adj", on=D(2022, 6, 20))
    assert refusal(lambda: adjustments.submit("c", "s", "adj", on=D(2022, 6, 21))) == [
        ("budget.adjustment_resubmitted", "OL 12 ¶1 (4)")
    ]
    assert refusal(lambda: adjustments.hear_opinions("c", "s", "adj", on=D(2022, 6, 19))) == [
        ("budget.adjustment_not_submitted", "OL 12 ¶1 (4)")
    ]


def test_zj_33_2_leaves_a_county_congress_and_national_law_alone(zhejiang, npcproc_rules):
    county, sessions = adjusted(zhejiang, level=Level.COUNTY)
    approve(sessions)
    assert codes(county.check("c")) == []
    national, sessions = adjusted(npcproc_rules(None))
    approve(sessions)
    assert codes(national.check("c")) == []


# -- through `npcproc check` ------------------------------------------------------------------------------------


def with_adjustment(**record) -> dict:
    """The example year, its mid-year session (6 July) approving a budget adjustment ``m9`` by a secret ballot."""
    tree = copy.deepcopy(tomllib.loads(EXAMPLE.read_text(encoding="utf-8")))
    congress = tree["congresses"][0]
    session = next(s for s in congress["sessions"] if s["id"] == "2022-2")
    session["agenda"].append({"id": "m9", "kind": "budget_adjustment", "title": "预算调整方案"})
    session.setdefault("votes", []).append({"id": "adj", "subject": "m9", "method": "secret_ballot",
                                            "on": VOTED, "passed": True, "yes": 50, "no": 5, "abstain": 3})  # fmt: skip
    if record:
        congress["budget_adjustments"] = [{"session": "2022-2", "item": "m9", **record}]
    return tree


def found(tree: dict, rules) -> list[tuple[str, str, str, str]]:
    data = json.dumps(tree, ensure_ascii=False, default=str).encode()
    result = audit(parse_record(data, name="zj.json", toml=False), rules)
    return [(f.severity, f.where, f.code, str(f.citation)) for f in result.findings if "adjustment" in f.code]


@pytest.mark.skipif(not EXAMPLE.exists(), reason="needs npcproc's example record (a source checkout)")
def test_zj_33_2_through_npcproc_check(zhejiang, npcproc_rules):
    at = "congresses[0].sessions[1]"
    assert found(with_adjustment(submitted_on="2022-06-20", opinions_heard_on="2022-06-28"), zhejiang) == []
    assert found(with_adjustment(submitted_on="2022-06-20", opinions_heard_on="2022-07-07"), zhejiang) == [
        ("violation", at, "budget.adjustment_opinions", "ZJ 33 ¶2")
    ]
    assert found(with_adjustment(), zhejiang) == [
        ("violation", at, "budget.adjustment_submitted", "ZJ 33 ¶2"),
        ("violation", at, "budget.adjustment_opinions", "ZJ 33 ¶2"),
    ]
    assert found(with_adjustment(), npcproc_rules(None)) == []
