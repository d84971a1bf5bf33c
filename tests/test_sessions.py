"""Sessions end to end: a township congress's early-year session, refusals, the annual check."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, DeputyStatus, Level, StatusChange
from npcproc.model.session import AgendaItem, AgendaItemKind, Bill, BillStatus, Choice, SessionKind, SessionStatus
from npcproc.model.session import VoteMethod as Method
from npcproc.plugins import create_plugin_manager, load_rules
from npcproc.procedures import Congresses, Sessions
from npcproc.provinces import Province
from npcproc.rules import Citation, Setting
from npcproc.rules.decision import Binding, Decision
from npcproc.serialization import event_from_data
from npcproc.store import MemoryStore
from npcproc.store.sqlite import SQLiteStore
from npcproc.testing import prepare, settings_plugin

D = datetime.date
ELECTED = D(2021, 11, 10)
DEPUTIES = {f"d{n:02}": f"代表{n}" for n in range(1, 61)}
ZJ = Province(code="330000", name_zh="浙江省", name_en="Zhejiang", key="ZJ")
TOWNSHIP = frozenset({Level.TOWNSHIP})
REGULAR = frozenset({SessionKind.REGULAR})
ZJ_SETTINGS = [
    Setting(parameter="session.min_days", value=1, citation=Citation(law="ZJ", article=16, paragraph=2),
            levels=TOWNSHIP, session_kinds=REGULAR),
    Setting(parameter="session.notice_days", value=7, citation=Citation(law="ZJ", article=20),
            levels=TOWNSHIP, session_kinds=REGULAR),
    Setting(parameter="session.materials_days", value=1, citation=Citation(law="ZJ", article=20),
            levels=TOWNSHIP, session_kinds=REGULAR),
    Setting(parameter="session.min_per_year", value=2, citation=Citation(law="ZJ", article=16, paragraph=1),
            levels=TOWNSHIP, binding=Binding.NORMALLY),
    Setting(parameter="presidium.min_size", value=7, citation=Citation(law="ZJ", article=8, paragraph=2),
            levels=TOWNSHIP),
    Setting(parameter="presidium.max_size", value=13, citation=Citation(law="ZJ", article=8, paragraph=2),
            levels=TOWNSHIP),
    Setting(parameter="presidium.members_no_admin_post", value=1, citation=Citation(law="ZJ", article=38),
            levels=TOWNSHIP),
]  # fmt: skip
EARLY_YEAR = (
    AgendaItem(id="gov", kind=AgendaItemKind.GOVERNMENT_REPORT, title="镇人民政府工作报告"),
    AgendaItem(id="presidium", kind=AgendaItemKind.PRESIDIUM_REPORT, title="镇人大主席团工作报告"),
    AgendaItem(id="budget", kind=AgendaItemKind.BUDGET, title="2022年财政预算"),
    AgendaItem(id="plan", kind=AgendaItemKind.CONSTRUCTION_PLAN, title="2022年建设计划和项目"),
)


@pytest.fixture(params=["memory", "sqlite"])
def store(request, tmp_path):
    store = MemoryStore() if request.param == "memory" else SQLiteStore(str(tmp_path / "s.db"))
    yield store
    store.close()


@pytest.fixture
def zhejiang():
    pm = create_plugin_manager(autoload=False, plugins=(settings_plugin(ZJ_SETTINGS, province=ZJ),))
    return load_rules("浙江", pm=pm)


def township(store, rules=None, *, deputies=DEPUTIES):
    congresses = Congresses(store, rules)
    congresses.establish(
        Congress(id="t1", name="某镇人民代表大会", level=Level.TOWNSHIP, division_code="330110001",
                 population=30_000, deputy_quota=65)
    )  # fmt: skip
    congresses.begin_term("t1", 1, elections_completed_on=ELECTED)
    congresses.elect_deputies("t1", deputies, term=1, on=D(2022, 1, 5))
    return congresses, Sessions(store, rules)


def refusal(excinfo) -> Decision:
    return excinfo.value.decision


def failing_citations(excinfo) -> tuple[Citation, ...]:
    return tuple(dict.fromkeys(r.citation for r in refusal(excinfo).failing))


def test_early_year_session_end_to_end(store, zhejiang):
    congresses, sessions = township(store, zhejiang)
    sessions.plan("2022-1", congress_id="t1", opens_on=D(2022, 1, 5), days=Fraction(1))
    sessions.give_notice("2022-1", on=D(2021, 12, 27), materials_on=D(2022, 1, 3))
    presidium = [f"d{n:02}" for n in range(1, 10)]
    prepare(sessions, "2022-1", on=D(2022, 1, 5), presidium=presidium, agenda=EARLY_YEAR)
    sessions.grant_leave("2022-1", "d60")
    present = [d for d in DEPUTIES if d not in {"d60", "d59", "d58"}]
    quorum = sessions.open("2022-1", on=D(2022, 1, 5), present=present)
    assert quorum.ok
    assert quorum.reasons[0].values == {"present": 57, "total": 60, "required": 40, "fraction": Fraction(2, 3)}
    for item in ("gov", "presidium"):
        sessions.handle_item("2022-1", item)
    sessions.open_vote("2022-1", "v-budget", subject="budget", method=Method.ELECTRONIC, on=D(2022, 1, 5),
                       present=present)  # fmt: skip
    for n, deputy in enumerate(present):
        sessions.cast("2022-1", "v-budget", deputy, Choice.YES if n < 50 else Choice.ABSTAIN)
    budget = sessions.close_vote("2022-1", "v-budget")
    assert (budget.yes, budget.abstain, budget.not_voting, budget.passed) == (50, 7, 0, True)
    road = Bill(id="b1", subject="关于修建村道的议案", grounds="村民出行困难", proposal="年内修通",
                sponsors=("d10", "d11", "d12", "d13", "d14"))  # fmt: skip
    lamps = Bill(id="b2", subject="关于增设路灯的议案", grounds="夜间照明不足", proposal="增设路灯",
                 sponsors=("d20", "d21", "d22", "d23", "d24", "d25"))  # fmt: skip
    sessions.submit_bill("2022-1", road)
    sessions.submit_bill("2022-1", lamps)
    assert sessions.decide_listing("2022-1", "b1", listed=True) is BillStatus.LISTED
    assert sessions.decide_listing("2022-1", "b2", listed=False) is BillStatus.NOT_LISTED
    sessions.open_vote("2022-1", "v-b1", subject="b1", method=Method.SHOW_OF_HANDS, on=D(2022, 1, 5), present=present)
    for n, deputy in enumerate(present):
        sessions.cast("2022-1", "v-b1", deputy, [Choice.YES, Choice.YES, Choice.NO][n % 3])
    passed = sessions.close_vote("2022-1", "v-b1")
    assert (passed.yes, passed.no, passed.passed) == (38, 19, True)
    sessions.handle_item("2022-1", "plan")
    closed = sessions.close("2022-1", on=D(2022, 1, 5))

    again = Sessions(store, zhejiang).state("2022-1")
    assert again == closed
    assert again.status is SessionStatus.CLOSED
    assert again.bills["b1"].status is BillStatus.PASSED
    assert again.bills["b2"].status is BillStatus.NOT_LISTED
    assert again.on_leave == {"d60"}
    assert again.absent_without_leave == ("d58", "d59")
    assert again.handled == {"gov", "presidium", "plan"}
    types = [r.type for r in store.read_stream("session-2022-1")]
    assert types == [
        "session.planned", "session.notice_given", "session.preparatory_meeting_held", "session.leave_granted",
        "session.opened", "session.item_handled", "session.item_handled", "session.vote_opened",
        *["session.vote_cast"] * 57, "session.vote_closed", "session.bill_submitted", "session.bill_submitted",
        "session.bill_listing_decided", "session.bill_listing_decided", "session.vote_opened",
        *["session.vote_cast"] * 57, "session.vote_closed", "session.item_handled", "session.closed",
    ]  # fmt: skip
    congress = congresses.state("t1")
    assert congress.absences == {"d58": ("2022-1",), "d59": ("2022-1",)}
    assert [s.session_id for s in congress.sessions] == ["2022-1"]
    assert store.verify()
    first_vote = next(r for r in store.read_stream("session-2022-1") if r.type == "session.vote_closed")
    assert event_from_data(first_vote.type, first_vote.data).tally == budget


def test_second_unexcused_absence_ends_the_mandate(store):
    congresses, sessions = township(store)
    everyone = list(DEPUTIES)
    for n, opens in enumerate([D(2022, 1, 5), D(2022, 7, 5)], start=1):
        sessions.plan(f"s{n}", congress_id="t1", opens_on=opens)
        sessions.give_notice(f"s{n}", on=opens, materials_on=opens)
        prepare(sessions, f"s{n}", on=opens, presidium=everyone[:7], agenda=EARLY_YEAR)
        sessions.open(f"s{n}", on=opens, present=everyone[:-1])
        sessions.close(f"s{n}", on=opens)
    deputy = congresses.state("t1").deputies["d60"]
    assert deputy.status_on(D(2022, 7, 5)) is DeputyStatus.ENDED
    assert len(congresses.state("t1").in_office(D(2022, 8, 1))) == 59


def test_quorum_is_refused_with_its_citation_and_nothing_recorded(store):
    _, sessions = township(store)
    sessions.plan("s", congress_id="t1", opens_on=D(2022, 1, 5))
    sessions.give_notice("s", on=D(2022, 1, 1), materials_on=D(2022, 1, 1))
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=list(DEPUTIES)[:7], agenda=EARLY_YEAR)
    before = list(store.read_all())
    with pytest.raises(ProcedureError) as caught:
        sessions.open("s", on=D(2022, 1, 5), present=list(DEPUTIES)[:39])
    decision = refusal(caught)
    assert tuple(r.citation for r in decision.failing) == (Citation(law="OL", article=14, paragraph=4),)
    assert "39 of 60 present" in decision.explain("en")
    assert "不足三分之二" in decision.explain("zh")
    assert list(store.read_all()) == before


def prepared(sessions, sid="s"):
    opens = D(2022, 1, 5)
    sessions.plan(sid, congress_id="t1", opens_on=opens)
    sessions.give_notice(sid, on=opens, materials_on=opens)
    prepare(sessions, sid, on=opens, presidium=list(DEPUTIES)[:7], agenda=EARLY_YEAR)


def test_ol_21_the_township_heads_who_are_not_deputies_attend(store):
    """OL 21 "乡级的人民政府领导人员，列席本级人民代表大会会议": national law, every township congress."""
    congresses, sessions = township(store)
    congresses.record_heads("t1", heads=["周镇长"], deputy_heads=["李副镇长", "d05"], on=D(2022, 1, 1))
    prepared(sessions)
    before = list(store.read_all())
    with pytest.raises(ProcedureError) as caught:
        sessions.open("s", on=D(2022, 1, 5), present=list(DEPUTIES), attending=["周镇长"])
    assert [(r.code, r.citation, r.values["head"]) for r in refusal(caught).failing] == [
        ("session.head_attends", Citation(law="OL", article=21), "李副镇长")
    ]  # d05 is a deputy: he attends as one, on the roll
    assert list(store.read_all()) == before
    sessions.open("s", on=D(2022, 1, 5), present=list(DEPUTIES), attending=["周镇长", "李副镇长"])


def test_ol_21_the_non_deputies_attending_are_recorded_with_the_opening(store):
    _, sessions = township(store)
    prepared(sessions)
    opened = sessions.open("s", on=D(2022, 1, 5), present=list(DEPUTIES), attending=["镇长周志远", "副镇长李明"])
    assert [r.code for r in opened.reasons] == ["session.quorum"]  # national law caps no number of attendees
    assert Sessions(store).state("s").attending == tuple(sorted(("镇长周志远", "副镇长李明")))


def test_ol_21_a_deputy_is_not_listed_among_the_non_deputies_attending(store):
    _, sessions = township(store)
    prepared(sessions)
    before = list(store.read_all())
    with pytest.raises(ProcedureError) as caught:
        sessions.open("s", on=D(2022, 1, 5), present=list(DEPUTIES)[:59], attending=["镇长周志远", "d60"])
    assert [(r.code, r.values) for r in refusal(caught).failing] == [
        ("attendance.attendee_is_deputy", {"attendee": "d60"})
    ]
    assert failing_citations(caught) == (Citation(law="OL", article=21),)
    assert list(store.read_all()) == before


def test_nationally_the_number_of_non_deputies_attending_is_not_capped(store):
    _, sessions = township(store)
    prepared(sessions)
    assert sessions.open("s", on=D(2022, 1, 5), present=list(DEPUTIES), attending=[f"列席{n}" for n in range(61)])


def test_quorum_counts_deputies_in_office_on_the_day(store):
    congresses, sessions = township(store)
    for n in range(41, 61):
        congresses.change_status("t1", f"d{n:02}", StatusChange(status=DeputyStatus.DECEASED, on=D(2022, 3, 1)))
    sessions.plan("first", congress_id="t1", opens_on=D(2022, 1, 5))
    sessions.plan("s", congress_id="t1", opens_on=D(2022, 7, 5))
    sessions.give_notice("s", on=D(2022, 7, 1), materials_on=D(2022, 7, 1))
    prepare(sessions, "s", on=D(2022, 7, 5), presidium=list(DEPUTIES)[:7], agenda=EARLY_YEAR)
    quorum = sessions.open("s", on=D(2022, 7, 5), present=list(DEPUTIES)[:27])
    assert quorum.reasons[0].values["total"] == 40
    assert quorum.reasons[0].values["required"] == 27


def test_half_day_regular_session_is_refused_under_a_full_day_province(store, zhejiang):
    _, sessions = township(store, zhejiang)
    with pytest.raises(ProcedureError) as caught:
        sessions.plan("s", congress_id="t1", opens_on=D(2022, 1, 5), days=Fraction(1, 2))
    decision = refusal(caught)
    assert tuple(r.citation for r in decision.failing) == (Citation(law="ZJ", article=16, paragraph=2),)
    assert "regular session of 1/2 day(s), at least 1 required" in decision.explain("en")
    assert "会期二分之一天" in decision.explain("zh")
    assert list(store.read_stream("session-s")) == []
    half_day_extraordinary = sessions.plan(
        "x", congress_id="t1", opens_on=D(2022, 1, 5), days=Fraction(1, 2), kind=SessionKind.EXTRAORDINARY
    )
    assert half_day_extraordinary.days == Fraction(1, 2)


def test_nationally_a_half_day_session_may_be_planned(store):
    _, sessions = township(store)
    assert sessions.plan("s", congress_id="t1", opens_on=D(2022, 1, 5), days=Fraction(1, 2)).days == Fraction(1, 2)


def test_agenda_missing_statutory_items_is_reported_with_citations(store, zhejiang):
    _, sessions = township(store, zhejiang)
    sessions.plan("s", congress_id="t1", opens_on=D(2022, 1, 5))
    sessions.give_notice("s", on=D(2021, 12, 27), materials_on=D(2022, 1, 3))
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=list(DEPUTIES)[:7], agenda=EARLY_YEAR[:3])
    sessions.open("s", on=D(2022, 1, 5), present=list(DEPUTIES))
    sessions.close("s", on=D(2022, 1, 5))
    decision = sessions.year_check("t1", 2022)
    assert not decision
    failing = {(r.values.get("item"), str(r.citation)) for r in decision.failing}
    assert failing == {
        ("construction_plan", "OL 12 ¶1 (3)"),
        ("budget_execution", "OL 12 ¶1 (4)"),
        ("final_accounts", "OL 12 ¶1 (4)"),
        ("civil_affairs_plan", "OL 12 ¶1 (5)"),
    }
    # OL 14 ¶1 and ZJ 16 ¶1 say a township congress "normally" (一般) meets twice: one session is a notice.
    assert [(r.code, str(r.citation)) for r in decision.notices] == [("agenda.sessions_per_year", "ZJ 16 ¶1")]
    assert "lack a statutory item: final_accounts" in decision.explain("en")
    assert "缺少法定事项" in decision.explain("zh")


def test_first_session_of_a_term_must_follow_the_elections_within_two_months(store):
    _, sessions = township(store)
    with pytest.raises(ProcedureError) as caught:
        sessions.plan("late", congress_id="t1", opens_on=D(2022, 1, 11))
    assert failing_citations(caught) == (Citation(law="OL", article=20, paragraph=1),)
    assert "2022-01-10" in refusal(caught).explain("en")
    assert sessions.plan("ok", congress_id="t1", opens_on=D(2022, 1, 10)).status is SessionStatus.PLANNED


def test_only_the_convening_body_convenes(store):
    from npcproc.model.session import ConveningBody

    _, sessions = township(store)
    with pytest.raises(ProcedureError) as caught:
        sessions.plan("s", congress_id="t1", opens_on=D(2022, 1, 5), convened_by=ConveningBody.STANDING_COMMITTEE)
    assert "convened by the presidium" in refusal(caught).explain("en")
    sessions.plan("s", congress_id="t1", opens_on=D(2022, 1, 5))
    with pytest.raises(ProcedureError, match="fewer than 1/5"):
        sessions.plan("x", congress_id="t1", opens_on=D(2022, 3, 1), kind=SessionKind.EXTRAORDINARY,
                      convened_by=ConveningBody.DEPUTIES, proposers=list(DEPUTIES)[:11])  # fmt: skip
    extra = sessions.plan("x", congress_id="t1", opens_on=D(2022, 3, 1), kind=SessionKind.EXTRAORDINARY,
                          convened_by=ConveningBody.DEPUTIES, proposers=list(DEPUTIES)[:12])  # fmt: skip
    assert extra.proposers == tuple(list(DEPUTIES)[:12])


def test_provincial_lead_times_and_presidium_rules(store, zhejiang):
    congresses, sessions = township(store, zhejiang)
    congresses.record_administrative_post("t1", "d03", holds=True, on=D(2022, 1, 1))
    sessions.plan("s", congress_id="t1", opens_on=D(2022, 1, 5))
    with pytest.raises(ProcedureError) as caught:
        sessions.give_notice("s", on=D(2021, 12, 30), materials_on=D(2022, 1, 5))
    assert {str(c) for c in failing_citations(caught)} == {"ZJ 20"}
    assert len(refusal(caught).failing) == 2
    sessions.give_notice("s", on=D(2021, 12, 29), materials_on=D(2022, 1, 4))
    with pytest.raises(ProcedureError) as caught:
        prepare(sessions, "s", on=D(2022, 1, 5), presidium=list(DEPUTIES)[:5], agenda=EARLY_YEAR)
    failing = {r.code: str(r.citation) for r in refusal(caught).failing}
    assert failing == {"presidium.min_size": "ZJ 8 ¶2", "presidium.admin_post": "ZJ 38"}


def test_bill_rules(store):
    _, sessions = township(store)
    sessions.plan("s", congress_id="t1", opens_on=D(2022, 1, 5))
    sessions.give_notice("s", on=D(2022, 1, 1), materials_on=D(2022, 1, 1))
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=list(DEPUTIES)[:7], agenda=EARLY_YEAR)
    sessions.open("s", on=D(2022, 1, 5), present=list(DEPUTIES))
    four = Bill(id="b", subject="s", grounds="g", proposal="p", sponsors=("d01", "d02", "d03", "d04"))
    with pytest.raises(ProcedureError) as caught:
        sessions.submit_bill("s", four)
    assert failing_citations(caught) == (Citation(law="OL", article=22, paragraph=2),)
    outsider = Bill(id="b", subject="s", grounds="g", proposal="p", sponsors=("d01", "d02", "d03", "d04", "x99"))
    with pytest.raises(ProcedureError, match="4 deputies in office"):
        sessions.submit_bill("s", outsider)
    sessions.submit_bill(
        "s",
        Bill(
            id="gov-bill",
            subject="s",
            grounds="g",
            proposal="p",
            sponsor_body=__import__("npcproc.model.session").model.session.SponsorBody.GOVERNMENT,
        ),
    )
    sessions.decide_listing("s", "gov-bill", listed=True)
    sessions.withdraw_bill("s", "gov-bill")
    assert sessions.state("s").bills["gov-bill"].status is BillStatus.WITHDRAWN
    with pytest.raises(ProcedureError):
        sessions.open_vote("s", "v", subject="gov-bill", method=Method.ELECTRONIC, on=D(2022, 1, 5),
                           present=list(DEPUTIES))  # fmt: skip


def test_a_bill_deadline_is_recorded_and_nationally_binds_no_bill(store):
    """National law dates no bill: the presidium's deadline is recorded, a bill after it taken, and a deputies' bill
    waits for the preparatory meeting (OL 22 "举行会议的时候"); CQ 14 ¶4 and SD 14 ¶2 are tested in their plugins."""
    _, sessions = township(store)
    sessions.plan("s", congress_id="t1", opens_on=D(2022, 1, 5))
    sessions.fix_bill_deadline("s", deadline=D(2022, 1, 3))
    bill = Bill(id="b", subject="s", grounds="g", proposal="p", sponsors=tuple(list(DEPUTIES)[:5]))
    with pytest.raises(ProcedureError) as caught:
        sessions.submit_bill("s", bill, on=D(2022, 1, 2))
    assert [r.code for r in refusal(caught).failing] == ["session.wrong_stage"]
    sessions.give_notice("s", on=D(2022, 1, 1), materials_on=D(2022, 1, 1))
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=list(DEPUTIES)[:7], agenda=EARLY_YEAR)
    sessions.submit_bill("s", bill, on=D(2022, 1, 5))
    state = Sessions(store).state("s")
    assert (state.bill_deadline, state.bills_on) == (D(2022, 1, 3), {"b": D(2022, 1, 5)})


def test_who_announced_a_vote_is_recorded_and_nationally_required_of_no_one(store):
    """National law names no announcer (SD 26 ¶3 does, tested in its plugin): the name is kept when given."""
    _, sessions = township(store)
    prepared(sessions)
    sessions.open("s", on=D(2022, 1, 5), present=list(DEPUTIES))
    for vote_id, announcer in (("v1", "d01"), ("v2", None)):
        sessions.open_vote("s", vote_id, subject="budget", method=Method.SECRET_BALLOT, on=D(2022, 1, 5),
                           present=list(DEPUTIES))  # fmt: skip
        sessions.count_ballots("s", vote_id, yes=40, no=0, abstain=0)
        sessions.close_vote("s", vote_id, announced_by=announcer)
    votes = Sessions(store).state("s").votes
    assert (votes["v1"].announced_by, votes["v2"].announced_by) == ("d01", None)


def test_unlisted_bill_becomes_a_suggestion_where_the_province_says_so(store):
    cq = Province(code="500000", name_zh="重庆市", name_en="Chongqing", key="CQ")
    rule = Setting(
        parameter="bill.unlisted_becomes_suggestion", value=1, citation=Citation(law="CQ", article=14, paragraph=2)
    )
    rules = load_rules("CQ", pm=create_plugin_manager(autoload=False, plugins=(settings_plugin([rule], province=cq),)))
    _, sessions = township(store, rules)
    sessions.plan("s", congress_id="t1", opens_on=D(2022, 1, 5))
    sessions.give_notice("s", on=D(2022, 1, 1), materials_on=D(2022, 1, 1))
    prepare(sessions, "s", on=D(2022, 1, 5), presidium=list(DEPUTIES)[:7], agenda=EARLY_YEAR)
    sessions.submit_bill("s", Bill(id="b", subject="s", grounds="g", proposal="p", sponsors=tuple(list(DEPUTIES)[:5])))
    assert sessions.decide_listing("s", "b", listed=False) is BillStatus.CONVERTED_TO_SUGGESTION


def early_and_mid_year(facts, rules):
    """A placement rule in the manner of ZJ 17: budget early in the year, final accounts mid-year."""
    from npcproc.rules import Reason

    def misplaced(session, item, paragraph):
        citation = Citation(law="ZJ", article=17, paragraph=paragraph)
        return Reason(ok=False, code="sample.placement", citation=citation, values={"session": session, "item": item})

    reasons = []
    for session in facts.sessions:
        kinds = {item.kind for item in session.agenda}
        early = session.opened_on.month <= 6
        if AgendaItemKind.FINAL_ACCOUNTS in kinds and early:
            reasons.append(misplaced(session.id, "final_accounts", 2))
        if AgendaItemKind.BUDGET in kinds and not early:
            reasons.append(misplaced(session.id, "budget", 1))
    return Decision(reasons=tuple(reasons))


def test_provincial_placement_rules_join_the_annual_check(store):
    pm = create_plugin_manager(
        autoload=False,
        plugins=(settings_plugin(ZJ_SETTINGS, province=ZJ, checks=[("annual_agenda", early_and_mid_year)]),),
    )
    _, sessions = township(store, load_rules(ZJ, pm=pm))
    everything = tuple(
        AgendaItem(id=kind.value, kind=kind, title=kind.value)
        for kind in (AgendaItemKind.GOVERNMENT_REPORT, AgendaItemKind.PRESIDIUM_REPORT, AgendaItemKind.BUDGET,
                     AgendaItemKind.CONSTRUCTION_PLAN, AgendaItemKind.CIVIL_AFFAIRS_PLAN,
                     AgendaItemKind.BUDGET_EXECUTION, AgendaItemKind.FINAL_ACCOUNTS)
    )  # fmt: skip
    for session_id, opens in (("early", D(2022, 1, 5)), ("mid", D(2022, 7, 5))):
        sessions.plan(session_id, congress_id="t1", opens_on=opens)
        sessions.give_notice(
            session_id, on=opens - datetime.timedelta(days=8), materials_on=opens - datetime.timedelta(days=2)
        )
        prepare(sessions, session_id, on=opens, presidium=list(DEPUTIES)[:7], agenda=everything)
        sessions.open(session_id, on=opens, present=list(DEPUTIES))
        sessions.close(session_id, on=opens)
    decision = sessions.year_check("t1", 2022)
    assert {(r.values["session"], r.values["item"], str(r.citation)) for r in decision.failing} == {
        ("early", "final_accounts", "ZJ 17 ¶2"),
        ("mid", "budget", "ZJ 17 ¶1"),
    }
    assert all(r.ok for r in decision.reasons if r.citation.law == "OL")


# -- a step that is recorded returns the Decision it was judged by: its notices reach the caller ----------


ADVISED_SIZE = Setting(parameter="presidium.max_size", value=9, citation=Citation(law="BJ", article=17, paragraph=2),
                       levels=TOWNSHIP, binding=Binding.NORMALLY)  # fmt: skip
TWO_THIRDS = Citation(law="SP", article=1)


def broad_support(facts, rules):
    """A sample province's advice: a resolution normally carries two thirds of all deputies ("一般")."""
    from npcproc.rules import Reason

    yes, total = facts.yes, facts.total_deputies
    required = -(-2 * total // 3)
    values = {"yes": yes, "total": total, "required": required}
    advice = Reason(ok=yes >= required, code="vote.majority_of_all", citation=TWO_THIRDS, binding=Binding.NORMALLY,
                    values=values)  # fmt: skip
    return Decision.of(advice)


@pytest.fixture
def advising():
    sample = Province(code="990000", name_zh="样例省", name_en="Sampleland", key="SP")
    plugin = settings_plugin([ADVISED_SIZE], province=sample, checks=[("resolution_passes", broad_support)])
    return load_rules(sample, pm=create_plugin_manager(autoload=False, plugins=(plugin,)))


def prepared_with(store, rules, presidium):
    _, sessions = township(store, rules)
    sessions.plan("s", congress_id="t1", opens_on=D(2022, 1, 5))
    sessions.give_notice("s", on=D(2021, 12, 27), materials_on=D(2022, 1, 3))
    return sessions, prepare(sessions, "s", on=D(2022, 1, 5), presidium=presidium, agenda=EARLY_YEAR)


def test_the_preparatory_meeting_returns_the_notice_of_a_normally_size(store, advising):
    sessions, held = prepared_with(store, advising, list(DEPUTIES)[:10])
    assert held.ok
    assert [(r.code, r.citation) for r in held.notices] == [("presidium.max_size", ADVISED_SIZE.citation)]
    assert len(sessions.state("s").presidium) == 10  # recorded all the same
    _, nine = prepared_with(MemoryStore(), advising, list(DEPUTIES)[:9])
    assert nine.ok
    assert nine.notices == ()


@pytest.mark.parametrize(("yes", "noticed"), [(39, True), (40, False)])
def test_a_closed_vote_keeps_the_notices_of_its_decision_on_the_tally(store, advising, yes, noticed):
    sessions, _ = prepared_with(store, advising, list(DEPUTIES)[:9])
    sessions.open("s", on=D(2022, 1, 5), present=list(DEPUTIES))
    sessions.open_vote("s", "v", subject="budget", method=Method.SECRET_BALLOT, on=D(2022, 1, 5),
                       present=list(DEPUTIES))  # fmt: skip
    sessions.count_ballots("s", "v", yes=yes, no=60 - yes, abstain=0)
    tally = sessions.close_vote("s", "v")
    assert tally.passed  # a majority of all 60 deputies; the advice breaks nothing
    assert [(r.code, r.citation) for r in tally.notices] == ([("vote.majority_of_all", TWO_THIRDS)] if noticed else [])
    assert Sessions(store, advising).state("s").votes["v"].tally == tally  # stored with the vote, read back
