"""Livelihood projects decided by deputies' vote: a year end to end, refusals, and properties."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from npcproc import hookimpl
from npcproc.errors import ProcedureError
from npcproc.i18n import is_defined
from npcproc.model import Congress, Level
from npcproc.model.session import AgendaItem, AgendaItemKind, SessionStatus
from npcproc.plugins import create_plugin_manager, load_rules
from npcproc.procedures import Congresses, Sessions
from npcproc.procedures.livelihood.commands import Livelihood, LivelihoodStage
from npcproc.procedures.livelihood.events import ProjectSource, ReviewBody, SatisfactionCount
from npcproc.provinces import Province
from npcproc.rules import Citation, Parameter, Setting
from npcproc.rules.decision import Decision
from npcproc.rules.logic import more_than
from npcproc.rules.national import PARAMETERS
from npcproc.rules.parameters import Direction
from npcproc.store import MemoryStore
from npcproc.store.sqlite import SQLiteStore
from npcproc.testing import prepare, settings_plugin

D = datetime.date
STORES = {"memory": MemoryStore, "sqlite": lambda: SQLiteStore(":memory:")}
DEPUTIES = {f"d{n:02}": f"代表{n}" for n in range(1, 61)}
ZJ = Province(code="330000", name_zh="浙江省", name_en="Zhejiang", key="ZJ")
SP = Province(code="990000", name_zh="样例省", name_en="Sampleland", key="SP")
AGENDA = (AgendaItem(id="projects", kind=AgendaItemKind.LIVELIHOOD_VOTE, title="2022年民生实事项目票决"),)
ELECTED = D(2021, 11, 10)
OPENS = D(2022, 1, 5)
POWER = Citation(law="OL", article=12, paragraph=1, item=3)

HIGHER = Direction.HIGHER_IS_STRICTER
NEW_PARAMETERS = [
    Parameter(name=name, national=None, direction=direction, citation=None, unit=unit, en=en, zh=zh)
    for name, direction, unit, en, zh in [
        ("livelihood.candidate_margin", HIGHER, "projects", "candidate projects beyond the number to choose, at least",
         "票决候选项目多于拟票决产生项目数的差额（至少）"),
        ("livelihood.review_by_presidium", HIGHER, "1 = yes",
         "township candidate projects are reviewed by the presidium before the vote",
         "乡镇民生实事候选项目经主席团审议后提请票决"),
        ("livelihood.review_by_standing_committee", HIGHER, "1 = yes",
         "county candidate projects are reviewed by the standing committee before the vote",
         "县级民生实事候选项目经常务委员会审议后提请票决"),
        ("livelihood.performance_evaluation", HIGHER, "1 = yes", "deputies track and evaluate every chosen project",
         "代表对票决项目实施情况跟踪监督和绩效评估"),
    ]
]  # fmt: skip


class NewParameters:
    """Registers the parameters this module needs unless npcproc.rules.national already has them."""

    @hookimpl
    def npcproc_register_parameters(self, register):
        for parameter in NEW_PARAMETERS:
            if parameter.name not in PARAMETERS:
                register(parameter)


def rules_with(settings=(), province=None):
    plugins = (NewParameters(), settings_plugin(settings, province=province))
    return load_rules(province, pm=create_plugin_manager(autoload=False, plugins=plugins))


ZJ_RULES = [
    Setting(parameter="livelihood.review_by_presidium", value=1, citation=Citation(law="ZJ", article=30, paragraph=1)),
    Setting(parameter="livelihood.performance_evaluation", value=1,
            citation=Citation(law="ZJ", article=30, paragraph=2)),
]  # fmt: skip
NATIONAL = rules_with()


@pytest.fixture(params=sorted(STORES))
def store(request):
    store = STORES[request.param]()
    yield store
    store.close()


@pytest.fixture
def zhejiang():
    return rules_with(ZJ_RULES, ZJ)


def township(store, rules, deputies=DEPUTIES, *, open_session=True):
    """A township congress with ``deputies`` and its early-year session, open unless told otherwise."""
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t1", name="某镇人民代表大会", level=Level.TOWNSHIP, division_code="330110001",
                                  population=30_000, deputy_quota=max(len(deputies), 1)))  # fmt: skip
    congresses.begin_term("t1", 1, elections_completed_on=ELECTED)
    congresses.elect_deputies("t1", deputies, term=1, on=ELECTED)
    sessions = Sessions(store, rules)
    sessions.plan("2022-1", congress_id="t1", opens_on=OPENS)
    sessions.give_notice("2022-1", on=D(2021, 12, 27), materials_on=D(2022, 1, 3))
    prepare(sessions, "2022-1", on=OPENS, presidium=list(deputies)[:1], agenda=AGENDA)
    if open_session:
        sessions.open("2022-1", on=OPENS, present=list(deputies))
    return sessions


def listed(store, rules, *, proposals=6, quota=4, by=ReviewBody.PRESIDIUM):
    """A collection of ``proposals`` projects, all accepted, listed for ``quota`` places."""
    livelihood = Livelihood(store, rules)
    livelihood.open_collection("t1", 2022, on=D(2021, 11, 15))
    for n in range(1, proposals + 1):
        livelihood.propose("t1", 2022, f"p{n}", title=f"项目{n}", source=ProjectSource.PUBLIC, on=D(2021, 11, 20))
        livelihood.review("t1", 2022, f"p{n}", accepted=True, by=by, on=D(2021, 12, 10))
    livelihood.list_candidates("t1", 2022, quota=quota, on=D(2021, 12, 20))
    return livelihood


def refused(call) -> Decision:
    with pytest.raises(ProcedureError) as caught:
        call()
    return caught.value.decision


def unchanged(store, call) -> Decision:
    """Run a call that must be refused; return why, after checking nothing was recorded."""
    before = store.head()
    decision = refused(call)
    assert store.head() == before
    assert all(is_defined(r.code) for r in decision.reasons)
    return decision


def test_a_year_end_to_end(store, zhejiang):
    township(store, zhejiang)
    livelihood = Livelihood(store, zhejiang)
    livelihood.open_collection("t1", 2022, on=D(2021, 11, 15))
    sources = [ProjectSource.DEPUTIES, ProjectSource.PUBLIC, ProjectSource.GOVERNMENT, ProjectSource.PUBLIC] * 2
    titles = ["村道硬化", "老年食堂", "农贸市场改造", "路灯增设", "污水管网", "文化礼堂", "游泳池", "高尔夫球场"]
    for n, (title, source) in enumerate(zip(titles, sources, strict=True), start=1):
        proposers = ("d10", "d11") if source is ProjectSource.DEPUTIES else ()
        livelihood.propose("t1", 2022, f"p{n}", title=title, source=source, proposers=proposers, on=D(2021, 11, 20))
    for n in range(1, 7):
        livelihood.review("t1", 2022, f"p{n}", accepted=True, by=ReviewBody.PRESIDIUM, on=D(2021, 12, 10))
    for n in (7, 8):
        livelihood.review("t1", 2022, f"p{n}", accepted=False, by=ReviewBody.PRESIDIUM, on=D(2021, 12, 10),
                          reasons="超出镇级财力")  # fmt: skip
    assert livelihood.list_candidates("t1", 2022, quota=4, on=D(2021, 12, 20)) == tuple(f"p{n}" for n in range(1, 7))

    first = livelihood.vote("t1", 2022, session_id="2022-1", on=OPENS, ballots_issued=58,
                            votes={"p1": 50, "p2": 45, "p3": 42, "p4": 38, "p5": 38, "p6": 12})  # fmt: skip
    assert (first.valid, first.chosen, first.tied) == (True, ("p1", "p2", "p3"), ("p4", "p5"))
    assert not first.decision
    assert [r.code for r in first.decision.reasons] == [
        "ballots.returned",
        *["livelihood.chosen"] * 3,
        "livelihood.tie",
    ]
    assert first.decision.reasons[1].values == {"candidate": "p1", "votes": 50, "required": 31}
    assert first.decision.failing[0].citation == Citation(law="OL", article=29, paragraph=1)
    assert livelihood.state("t1", 2022).stage is LivelihoodStage.REVOTE

    again = livelihood.vote("t1", 2022, session_id="2022-1", on=OPENS, ballots_issued=58, ballots_returned=57,
                            votes={"p4": 30, "p5": 25})  # fmt: skip
    assert (again.revote, again.chosen, again.tied, again.decision.ok) == (True, ("p4",), (), True)
    state = livelihood.state("t1", 2022)
    assert state.chosen == ("p1", "p2", "p3", "p4")
    assert state.stage is LivelihoodStage.IMPLEMENTING

    for on, percent in [(D(2022, 3, 31), 30), (D(2022, 6, 30), 60), (D(2022, 10, 31), 100)]:
        livelihood.report_progress("t1", 2022, "p1", on=on, percent=percent, note="按计划推进")
    for n, project in enumerate(state.chosen):
        livelihood.visit("t1", 2022, project, on=D(2022, 9, 1 + n), group="第一代表小组",
                         deputies=("d20", "d21", "d22"), findings="进度正常，群众反映良好")  # fmt: skip
    ratings = {
        "p1": SatisfactionCount(satisfied=40, basically_satisfied=10, dissatisfied=5),
        "p2": SatisfactionCount(satisfied=14, basically_satisfied=14, dissatisfied=27),  # 28 of 55: just over half
        "p3": SatisfactionCount(satisfied=20, basically_satisfied=20, dissatisfied=15),
        "p4": SatisfactionCount(satisfied=10, basically_satisfied=15, dissatisfied=30),
    }
    evaluation = livelihood.evaluate("t1", 2022, on=D(2022, 12, 20), ratings=ratings)
    assert [r.values["project_id"] for r in evaluation.failing] == ["p4"]
    assert evaluation.failing[0].values == {"project_id": "p4", "content": 25, "raters": 55, "required": 28}
    assert set(evaluation.citations) == {Citation(law="ZJ", article=30, paragraph=2)}
    assert all(is_defined(r.code) and r.message("zh") for r in evaluation.reasons)

    final = Livelihood(store, zhejiang).state("t1", 2022)
    assert final.stage is LivelihoodStage.EVALUATED
    assert [p.percent for p in final.projects.values()] == [100, 0, 0, 0, 0, 0, 0, 0]
    assert final.projects["p7"].review.reasons == "超出镇级财力"
    assert len(final.projects["p1"].visits) == 1


def test_untracked_project_fails_the_evaluation_where_the_province_requires_tracking(store, zhejiang):
    township(store, zhejiang)
    livelihood = listed(store, zhejiang, proposals=2, quota=1)
    livelihood.vote("t1", 2022, session_id="2022-1", on=OPENS, ballots_issued=60, votes={"p1": 40, "p2": 20})
    evaluation = livelihood.evaluate("t1", 2022, on=D(2022, 12, 20),
                                     ratings={"p1": SatisfactionCount(satisfied=50, basically_satisfied=0,
                                                                      dissatisfied=0)})  # fmt: skip
    assert [(r.code, r.citation) for r in evaluation.failing] == [
        ("livelihood.tracked", Citation(law="ZJ", article=30, paragraph=2))
    ]


def test_refusals_cite_the_law_and_record_nothing(store):
    sessions = township(store, NATIONAL, open_session=False)
    livelihood = Livelihood(store, NATIONAL)
    livelihood.open_collection("t1", 2022, on=D(2021, 11, 15))
    livelihood.propose("t1", 2022, "p1", title="村道", source=ProjectSource.PUBLIC, on=D(2021, 11, 20))
    why = unchanged(store, lambda: livelihood.review("t1", 2022, "p1", accepted=False, by=ReviewBody.GOVERNMENT,
                                                     on=D(2021, 12, 1)))  # fmt: skip
    assert (why.failing[0].code, why.citations) == ("livelihood.review_reasons", (POWER,))
    why = unchanged(store, lambda: livelihood.propose("t1", 2022, "p2", title="桥", source=ProjectSource.DEPUTIES,
                                                      proposers=("d99",), on=D(2021, 11, 20)))  # fmt: skip
    assert [r.code for r in why.failing] == ["deputy.not_in_office"]
    for n in range(2, 5):
        livelihood.propose("t1", 2022, f"p{n}", title=f"项目{n}", source=ProjectSource.PUBLIC, on=D(2021, 11, 20))
    for n in range(1, 5):
        livelihood.review("t1", 2022, f"p{n}", accepted=True, by=ReviewBody.GOVERNMENT, on=D(2021, 12, 1))

    why = unchanged(store, lambda: livelihood.list_candidates("t1", 2022, quota=4, on=D(2021, 12, 1)))
    assert why.failing[0].values == {"candidates": 4, "quota": 4, "margin": 1, "required": 5}
    assert why.failing[0].citation == Citation.practice()  # OL 12 ¶1 (3) gives the power, no margin
    livelihood.list_candidates("t1", 2022, quota=3, on=D(2021, 12, 1))
    why = unchanged(store, lambda: livelihood.propose("t1", 2022, "p5", title="晚到", source=ProjectSource.PUBLIC,
                                                      on=D(2021, 12, 2)))  # fmt: skip
    assert (why.failing[0].code, why.failing[0].values["stage_en"]) == ("livelihood.wrong_stage", "listed")
    assert why.explain("zh").startswith("民生实事项目处于“待票决”阶段，不能接收项目建议")

    count = {"session_id": "2022-1", "on": OPENS, "ballots_issued": 50}
    why = unchanged(store, lambda: livelihood.vote("t1", 2022, votes={"p1": 40}, **count))
    assert (why.failing[0].code, why.failing[0].values["status"]) == ("livelihood.session", "prepared")
    sessions.open("2022-1", on=OPENS, present=list(DEPUTIES))
    why = unchanged(store, lambda: livelihood.vote("t1", 2022, votes={"p1": 50, "p2": 50, "p3": 50, "p4": 1}, **count))
    assert why.failing[0].values == {"marks": 151, "ballots": 50, "seats": 3}
    why = unchanged(store, lambda: livelihood.vote("t1", 2022, votes={"p9": 40}, **count))
    assert why.failing[0].code == "livelihood.not_candidate"
    why = unchanged(store, lambda: livelihood.report_progress("t1", 2022, "p1", on=OPENS, percent=10))
    assert why.failing[0].code == "livelihood.wrong_stage"

    result = livelihood.vote("t1", 2022, votes={"p1": 40, "p2": 35, "p3": 20, "p4": 30}, **count)
    assert result.chosen == ("p1", "p2")
    assert [(r.code, r.citation) for r in result.decision.failing] == [("livelihood.shortfall", POWER)]
    why = unchanged(store, lambda: livelihood.report_progress("t1", 2022, "p3", on=OPENS, percent=10))
    assert why.failing[0].code == "livelihood.not_chosen"
    livelihood.report_progress("t1", 2022, "p1", on=D(2022, 5, 1), percent=50)
    why = unchanged(store, lambda: livelihood.report_progress("t1", 2022, "p1", on=D(2022, 6, 1), percent=40))
    assert why.failing[0].values == {"project_id": "p1", "percent": 40, "last": 50}
    assert why.citations == (Citation(law="OL", article=76, paragraph=1, item=1),)
    sessions.close("2022-1", on=OPENS)


def test_a_tie_at_the_re_vote_goes_to_another_re_vote(store):
    township(store, NATIONAL)
    livelihood = listed(store, NATIONAL, proposals=4, quota=2)
    count = {"session_id": "2022-1", "on": OPENS, "ballots_issued": 60}
    first = livelihood.vote("t1", 2022, votes={"p1": 40, "p2": 40, "p3": 40, "p4": 0}, **count)
    assert (first.chosen, first.tied) == ((), ("p1", "p2", "p3"))
    void = livelihood.vote("t1", 2022, votes={"p1": 30}, ballots_returned=61, **count)
    assert (void.valid, livelihood.state("t1", 2022).tied) == (False, ("p1", "p2", "p3"))
    again = livelihood.vote("t1", 2022, votes={"p1": 30, "p2": 20, "p3": 20}, **count)
    assert (again.revote, again.chosen, again.tied) == (True, ("p1",), ("p2", "p3"))
    assert again.decision.failing[0].values == {"candidates": "p2, p3", "votes": 20, "open_seats": 1}
    last = livelihood.vote("t1", 2022, votes={"p2": 25, "p3": 31}, **count)
    assert (last.chosen, last.tied) == (("p3",), ())
    assert livelihood.state("t1", 2022).chosen == ("p1", "p3")


def test_a_void_round_is_recorded_and_held_again(store):
    township(store, NATIONAL)
    livelihood = listed(store, NATIONAL, proposals=3, quota=2)
    void = livelihood.vote("t1", 2022, session_id="2022-1", on=OPENS, ballots_issued=50, ballots_returned=51,
                           votes={"p1": 40, "p2": 40})  # fmt: skip
    assert (void.valid, void.chosen, void.decision.failing[0].code) == (False, (), "ballots.returned")
    assert livelihood.state("t1", 2022).stage is LivelihoodStage.LISTED
    assert livelihood.vote("t1", 2022, session_id="2022-1", on=OPENS, ballots_issued=50,
                           votes={"p1": 40, "p2": 40}).chosen == ("p1", "p2")  # fmt: skip


def test_province_margin_and_review_body(store):
    margin = Setting(parameter="livelihood.candidate_margin", value=3, citation=Citation(law="ZJ", article=30))
    rules = rules_with([*ZJ_RULES, margin], ZJ)
    township(store, rules)
    livelihood = Livelihood(store, rules)
    livelihood.open_collection("t1", 2022, on=D(2021, 11, 15))
    for n in range(1, 7):
        livelihood.propose("t1", 2022, f"p{n}", title=f"项目{n}", source=ProjectSource.PUBLIC, on=D(2021, 11, 20))
        by = ReviewBody.GOVERNMENT if n == 6 else ReviewBody.PRESIDIUM
        livelihood.review("t1", 2022, f"p{n}", accepted=True, by=by, on=D(2021, 12, 10))
    why = unchanged(store, lambda: livelihood.list_candidates("t1", 2022, quota=3, on=D(2021, 12, 1)))
    assert [(r.code, r.citation) for r in why.failing] == [
        ("livelihood.review_body", Citation(law="ZJ", article=30, paragraph=1))
    ]
    why = unchanged(store, lambda: livelihood.list_candidates("t1", 2022, quota=3, on=D(2021, 12, 1),
                                                              candidates=[f"p{n}" for n in range(1, 6)]))  # fmt: skip
    assert [(r.code, r.citation, r.values["required"]) for r in why.failing] == [
        ("livelihood.margin", Citation(law="ZJ", article=30), 6)
    ]
    assert livelihood.list_candidates("t1", 2022, quota=2, on=D(2021, 12, 1), candidates=[f"p{n}" for n in range(1, 6)])


def test_every_citation_used_resolves():
    cited = [
        POWER, Citation(law="OL", article=11, paragraph=1, item=3), Citation(law="OL", article=76, paragraph=1, item=1),
        Citation(law="OL", article=73, paragraph=1, item=1), Citation(law="OL", article=25, paragraph=1),
        Citation(law="OL", article=29, paragraph=1), Citation(law="DL", article=29, paragraph=1),
        Citation(law="ZJ", article=30, paragraph=1), Citation(law="ZJ", article=30, paragraph=2),
        Citation(law="ZJ-ZD", article=4, paragraph=3),
    ]  # fmt: skip
    for citation in cited:
        assert citation.text()
    assert "实事" in Citation(law="ZJ-ZD", article=4, paragraph=3).text()


# -- properties --------------------------------------------------------------------------------


def _counts(data, candidates, issued, seats, required, label):
    """Votes per project that ``issued`` ballots, each marking up to ``seats`` projects, could give.

    Many projects share one count, often the bare majority, so ties at the cut-off are common.
    """
    shared = data.draw(st.one_of(st.just(min(required, issued)), st.integers(0, issued)), label=f"{label} shared")
    counts = {}
    budget = issued * seats
    for project in candidates:
        counts[project] = min(budget, data.draw(st.one_of(st.just(shared), st.integers(0, issued)), label=project))
        budget -= counts[project]
    return counts


@pytest.mark.parametrize("backend", sorted(STORES))
@settings(max_examples=60)
@given(st.integers(2, 15), st.integers(1, 4), st.integers(1, 3), st.data())
def test_the_vote_never_chooses_more_than_the_quota_nor_without_a_majority_of_all(backend, total, quota, extra, data):
    store = STORES[backend]()
    deputies = {f"d{n:02}": f"代表{n}" for n in range(total)}
    township(store, NATIONAL, deputies)
    livelihood = listed(store, NATIONAL, proposals=quota + extra, quota=quota, by=ReviewBody.GOVERNMENT)
    candidates = livelihood.state("t1", 2022).listing.candidates
    required = more_than(Fraction(1, 2), total)
    issued = data.draw(st.one_of(st.just(total), st.integers(1, total)), label="issued")
    first = _counts(data, candidates, issued, quota, required, "votes")
    livelihood.vote("t1", 2022, session_id="2022-1", on=OPENS, ballots_issued=issued, votes=first)
    for round_ in range(5):
        state = livelihood.state("t1", 2022)
        if state.stage is not LivelihoodStage.REVOTE:
            break
        seats = quota - len(state.chosen)
        votes = _counts(data, state.tied, issued, seats, required, f"re-vote {round_}")
        result = livelihood.vote("t1", 2022, session_id="2022-1", on=OPENS, ballots_issued=issued, votes=votes)
        assert set(result.chosen) | set(result.tied) <= set(state.tied)
        behind = [votes[p] for p in state.tied if p not in result.chosen]
        assert all(votes[p] > max(behind, default=-1) for p in result.chosen), "the most votes win, ties re-vote"
    state = livelihood.state("t1", 2022)
    assert len(state.chosen) == len(set(state.chosen)) <= quota
    assert all(first[p] >= required for p in state.chosen)
    clear = [p for p in candidates if first[p] >= required]
    if len(clear) <= quota:
        assert set(state.chosen) == set(clear)
    elif state.stage is LivelihoodStage.IMPLEMENTING:
        assert len(state.chosen) == quota


@pytest.mark.parametrize("backend", sorted(STORES))
@settings(max_examples=30)
@given(st.lists(st.integers(-5, 110), min_size=1, max_size=12))
def test_progress_never_decreases(backend, percents):
    store = STORES[backend]()
    township(store, NATIONAL, {"d1": "代表1", "d2": "代表2", "d3": "代表3"})
    livelihood = listed(store, NATIONAL, proposals=2, quota=1, by=ReviewBody.GOVERNMENT)
    livelihood.vote("t1", 2022, session_id="2022-1", on=OPENS, ballots_issued=3, votes={"p1": 3})
    accepted = []
    for n, percent in enumerate(percents):
        on = OPENS + datetime.timedelta(days=n)
        if (accepted[-1] if accepted else 0) <= percent <= 100:
            livelihood.report_progress("t1", 2022, "p1", on=on, percent=percent)
            accepted.append(percent)
        else:
            unchanged(store, lambda on=on, percent=percent: livelihood.report_progress("t1", 2022, "p1", on=on,
                                                                                        percent=percent))  # fmt: skip
    progress = [p.percent for p in livelihood.state("t1", 2022).projects["p1"].progress]
    assert progress == accepted == sorted(progress)


COMMANDS = ["open", "propose", "review", "list", "vote", "progress", "visit", "evaluate"]


def _attempt(livelihood, command, data, on):
    """One command with drawn arguments, many of them wrong."""
    project = data.draw(st.sampled_from(["p1", "p2", "p3", "p4"]), label="project")
    small = st.integers(-1, 6)
    if command == "open":
        livelihood.open_collection("t1", 2022, on=on)
    elif command == "propose":
        title, source = data.draw(st.sampled_from(["", "项目"])), data.draw(st.sampled_from(ProjectSource))
        livelihood.propose("t1", 2022, project, title=title, source=source, on=on)
    elif command == "review":
        accepted, reasons = data.draw(st.booleans()), data.draw(st.sampled_from(["", "理由"]))
        livelihood.review("t1", 2022, project, accepted=accepted, by=ReviewBody.GOVERNMENT, on=on, reasons=reasons)
    elif command == "list":
        livelihood.list_candidates("t1", 2022, quota=data.draw(st.integers(0, 3)), on=on)
    elif command == "vote":
        votes = data.draw(st.dictionaries(st.sampled_from(["p1", "p2", "p3", "p4"]), small, max_size=4))
        livelihood.vote("t1", 2022, session_id="2022-1", on=on, ballots_issued=data.draw(small), votes=votes)
    elif command == "progress":
        livelihood.report_progress("t1", 2022, project, on=on, percent=data.draw(st.integers(-10, 120)))
    elif command == "visit":
        deputies = data.draw(st.lists(st.sampled_from(["d0", "d1", "x"]), max_size=2))
        livelihood.visit("t1", 2022, project, on=on, group="小组", deputies=deputies, findings="意见")
    else:
        livelihood.evaluate("t1", 2022, on=on, ratings={})


@pytest.mark.parametrize("backend", sorted(STORES))
@settings(max_examples=40)
@given(st.lists(st.sampled_from(COMMANDS), max_size=14), st.data())
def test_illegal_commands_leave_the_store_unchanged(backend, commands, data):
    store = STORES[backend]()
    township(store, NATIONAL, {f"d{n}": f"代表{n}" for n in range(5)})
    livelihood = Livelihood(store, NATIONAL)
    on = ELECTED
    for command in commands:
        on += datetime.timedelta(days=data.draw(st.integers(-2, 30), label="days"))
        before, state = store.head(), _state(livelihood)
        refusal = None
        try:
            _attempt(livelihood, command, data, on)
        except ProcedureError as caught:
            refusal = caught.decision
        if refusal is not None:
            assert (store.head(), _state(livelihood)) == (before, state)
            assert refusal.failing
            assert all(is_defined(r.code) for r in refusal.reasons)


def _state(livelihood):
    try:
        return livelihood.state("t1", 2022)
    except ProcedureError:
        return None


def test_the_session_fixture_is_open(store):
    assert township(store, NATIONAL).state("2022-1").status is SessionStatus.OPEN
