"""Presidium meetings between sessions (quorum, decisions, 季会制) and liaison-station ledgers."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest

from npcproc import hookimpl
from npcproc.errors import ProcedureError
from npcproc.i18n import is_defined
from npcproc.model import Congress, DeputyStatus, Level, StatusChange
from npcproc.model.session import AgendaItem, AgendaItemKind
from npcproc.plugins import create_plugin_manager, load_rules
from npcproc.procedures import Congresses, Sessions
from npcproc.procedures.liaison.commands import Liaison
from npcproc.procedures.presidium.commands import PresidiumMeetings
from npcproc.provinces import Province
from npcproc.rules import Citation, Parameter, Setting
from npcproc.rules.national import PARAMETERS
from npcproc.rules.parameters import Direction
from npcproc.store import MemoryStore
from npcproc.store.sqlite import SQLiteStore
from npcproc.testing import prepare, settings_plugin

D = datetime.date
STORES = {"memory": MemoryStore, "sqlite": lambda: SQLiteStore(":memory:")}
DEPUTIES = {f"d{n:02}": f"代表{n}" for n in range(1, 61)}
PRESIDIUM = [f"d{n:02}" for n in range(1, 10)]  # nine members: more than half is five
AGENDA = (AgendaItem(id="gov", kind=AgendaItemKind.GOVERNMENT_REPORT, title="镇人民政府工作报告"),)
ZJ = Province(code="330000", name_zh="浙江省", name_en="Zhejiang", key="ZJ")
CQ = Province(code="500000", name_zh="重庆市", name_en="Chongqing", key="CQ")
HN = Province(code="410000", name_zh="河南省", name_en="Henan", key="HN")

HIGHER, LOWER = Direction.HIGHER_IS_STRICTER, Direction.LOWER_IS_STRICTER
NEW_PARAMETERS = [
    Parameter(name=name, national=None, direction=direction, citation=None, unit=unit, en=en, zh=zh)
    for name, direction, unit, en, zh in [
        ("presidium.max_months_between_meetings", LOWER, "months", "presidium meets between sessions at least every",
         "闭会期间主席团会议间隔至多月数"),
        ("presidium.min_meetings_per_quarter", HIGHER, "meetings", "presidium meetings in each calendar quarter",
         "主席团每季度至少举行会议次数"),
        ("presidium.meeting_quorum", HIGHER, "fraction of all members, exclusive",
         "presidium members present for a meeting to be held", "主席团会议出席成员比例（过半数）"),
        ("presidium.decision_majority", HIGHER, "fraction of all members, exclusive",
         "presidium members voting yes for a decision", "主席团决定问题所需全体成员比例（过半数）"),
    ]
]  # fmt: skip


def _cite(law, article, paragraph):
    return Citation(law=law, article=article, paragraph=paragraph)


PROVINCES = {
    "ZJ": (ZJ, [
        Setting(parameter="presidium.max_months_between_meetings", value=3, citation=_cite("ZJ", 24, 1)),
        Setting(parameter="presidium.meeting_quorum", value=Fraction(1, 2), citation=_cite("ZJ", 24, 2)),
        Setting(parameter="presidium.decision_majority", value=Fraction(1, 2), citation=_cite("ZJ", 24, 3)),
    ]),
    "HN": (HN, [
        Setting(parameter="presidium.max_months_between_meetings", value=3, citation=_cite("HN", 5, 1)),
        Setting(parameter="presidium.meeting_quorum", value=Fraction(1, 2), citation=_cite("HN", 5, 2)),
        Setting(parameter="presidium.decision_majority", value=Fraction(1, 2), citation=_cite("HN", 5, 2)),
    ]),
    "CQ": (CQ, [
        Setting(parameter="presidium.min_meetings_per_quarter", value=1, citation=_cite("CQ", 34, 1)),
        Setting(parameter="presidium.meeting_quorum", value=Fraction(1, 2), citation=_cite("CQ", 34, 1)),
        Setting(parameter="presidium.decision_majority", value=Fraction(1, 2), citation=_cite("CQ", 34, 1)),
    ]),
}  # fmt: skip


class NewParameters:
    """Registers the parameters this module needs unless npcproc.rules.national already has them."""

    @hookimpl
    def npcproc_register_parameters(self, register):
        for parameter in NEW_PARAMETERS:
            if parameter.name not in PARAMETERS:
                register(parameter)


def rules_for(key=None):
    province, settings = PROVINCES[key] if key else (None, [])
    plugins = (NewParameters(), settings_plugin(settings, province=province))
    return load_rules(province, pm=create_plugin_manager(autoload=False, plugins=plugins))


@pytest.fixture(params=sorted(STORES))
def store(request):
    store = STORES[request.param]()
    yield store
    store.close()


def township(store, rules):
    """A township congress whose first session, on 20 December 2021, elected a presidium of nine."""
    congresses = Congresses(store, rules)
    congresses.establish(Congress(id="t1", name="某镇人民代表大会", level=Level.TOWNSHIP, division_code="330110001",
                                  population=30_000, deputy_quota=65))  # fmt: skip
    congresses.begin_term("t1", 1, elections_completed_on=D(2021, 11, 10))
    congresses.elect_deputies("t1", DEPUTIES, term=1, on=D(2021, 11, 10))
    sessions = Sessions(store, rules)
    sessions.plan("2021-1", congress_id="t1", opens_on=D(2021, 12, 20))
    sessions.give_notice("2021-1", on=D(2021, 12, 10), materials_on=D(2021, 12, 15))
    prepare(sessions, "2021-1", on=D(2021, 12, 20), presidium=PRESIDIUM, agenda=AGENDA)
    sessions.open("2021-1", on=D(2021, 12, 20), present=list(DEPUTIES))
    sessions.close("2021-1", on=D(2021, 12, 20))
    return congresses


def meet(meetings, *days):
    for n, day in enumerate(days):
        meetings.hold_meeting("t1", f"m{n}", on=day, present=PRESIDIUM[:6])


def refused(store, call):
    """Run a call that must be refused; return the Decision after checking nothing was recorded."""
    before = store.head()
    with pytest.raises(ProcedureError) as caught:
        call()
    assert store.head() == before
    assert all(is_defined(r.code) for r in caught.value.decision.reasons)
    return caught.value.decision


@pytest.mark.parametrize("province", ["ZJ", "HN"])
def test_four_meetings_pass_the_quarterly_rule_and_a_five_month_gap_fails(store, province):
    rules = rules_for(province)
    cited = PROVINCES[province][1][0].citation
    township(store, rules)
    meetings = PresidiumMeetings(store, rules)
    meet(meetings, D(2022, 3, 20), D(2022, 6, 15), D(2022, 9, 10), D(2022, 12, 5))
    check = meetings.frequency_check("t1", 2022)
    assert check.ok
    assert check.reasons[0].values == {"year": 2022, "meetings": 4, "months": 3}

    gappy = STORES["memory"]()
    township(gappy, rules)
    meet(PresidiumMeetings(gappy, rules), D(2022, 2, 10), D(2022, 7, 15), D(2022, 9, 30), D(2022, 12, 20))
    check = PresidiumMeetings(gappy, rules).frequency_check("t1", 2022)
    assert not check.ok
    assert [(r.citation, r.values) for r in check.failing] == [
        (cited, {"last": "2022-02-10", "next": "2022-07-15", "months": 3, "deadline": "2022-05-10"})
    ]
    assert "超过3个月" in check.explain("zh")
    assert PresidiumMeetings(gappy, rules).frequency_check("t1", 2022, as_of=D(2022, 4, 30)).ok


def test_the_year_starts_from_the_last_meeting_before_it(store):
    rules = rules_for("ZJ")
    township(store, rules)
    meetings = PresidiumMeetings(store, rules)
    meet(meetings, D(2021, 12, 28), D(2022, 3, 28), D(2022, 6, 28), D(2022, 9, 28), D(2022, 12, 27))
    assert meetings.frequency_check("t1", 2022).ok
    late = STORES["memory"]()
    township(late, rules)
    meet(PresidiumMeetings(late, rules), D(2021, 12, 28), D(2022, 3, 30))
    assert PresidiumMeetings(late, rules).frequency_check("t1", 2022, as_of=D(2022, 3, 31)).failing[0].values == {
        "last": "2021-12-28", "next": "2022-03-30", "months": 3, "deadline": "2022-03-28",
    }  # fmt: skip


def test_chongqing_counts_calendar_quarters(store):
    rules = rules_for("CQ")
    township(store, rules)
    meetings = PresidiumMeetings(store, rules)
    meet(meetings, D(2022, 1, 20), D(2022, 6, 25), D(2022, 12, 1))  # five months apart, yet one in Q1 and Q2
    assert meetings.frequency_check("t1", 2022, as_of=D(2022, 6, 30)).ok
    check = meetings.frequency_check("t1", 2022)
    assert [(r.citation, r.values["quarter"]) for r in check.failing] == [(_cite("CQ", 34, 1), 3)]


def test_a_meeting_without_quorum_is_refused(store):
    rules = rules_for("ZJ")
    township(store, rules)
    meetings = PresidiumMeetings(store, rules)
    why = refused(store, lambda: meetings.hold_meeting("t1", "m1", on=D(2022, 3, 1), present=PRESIDIUM[:4]))
    assert [(r.code, r.citation, r.values) for r in why.failing] == [
        ("presidium.meeting_quorum", _cite("ZJ", 24, 2), {"present": 4, "members": 9, "required": 5})
    ]
    why = refused(store, lambda: meetings.hold_meeting("t1", "m1", on=D(2022, 3, 1), present=[*PRESIDIUM[:5], "d30"]))
    assert [(r.code, r.citation) for r in why.failing] == [("presidium.not_member", _cite("OL", 19, 1))]
    held = meetings.hold_meeting("t1", "m1", on=D(2022, 3, 1), present=PRESIDIUM[:5])
    assert held.ok
    assert held.citations == (_cite("ZJ", 24, 2),)
    refused(store, lambda: meetings.hold_meeting("t1", "m1", on=D(2022, 3, 2), present=PRESIDIUM))
    refused(store, lambda: meetings.hold_meeting("t1", "m0", on=D(2021, 12, 1), present=PRESIDIUM))  # no presidium


def test_a_decision_needs_a_majority_of_all_members_not_of_those_present(store):
    rules = rules_for("ZJ")
    township(store, rules)
    meetings = PresidiumMeetings(store, rules)
    meetings.hold_meeting("t1", "m1", on=D(2022, 3, 1), present=PRESIDIUM[:6])
    failed = meetings.decide("t1", "m1", "budget-check", subject="组织代表视察预算执行", yes=4, no=1, abstain=1)
    assert not failed
    assert [(r.citation, r.values["yes"], r.values["required"]) for r in failed.failing] == [(_cite("ZJ", 24, 3), 4, 5)]
    assert "未通过" in failed.explain("zh")
    assert meetings.decide("t1", "m1", "inspection", subject="组织执法检查", yes=5, no=1)
    decided = PresidiumMeetings(store, rules).state("t1").meetings["m1"].decisions
    assert [(d.decision_id, d.passed) for d in decided.values()] == [("budget-check", False), ("inspection", True)]
    refused(store, lambda: meetings.decide("t1", "m1", "too-many", subject="x", yes=6, no=1))
    refused(store, lambda: meetings.decide("t1", "m1", "inspection", subject="again", yes=6))


def test_members_who_leave_office_leave_the_presidium_and_national_law_defaults_to_a_majority(store):
    rules = rules_for()
    congresses = township(store, rules)
    congresses.change_status("t1", "d09", StatusChange(status=DeputyStatus.DECEASED, on=D(2022, 2, 1)))
    meetings = PresidiumMeetings(store, rules)
    assert meetings.members("t1", D(2022, 3, 1)) == ("2021-1", tuple(PRESIDIUM[:8]))
    why = refused(store, lambda: meetings.hold_meeting("t1", "m1", on=D(2022, 3, 1), present=PRESIDIUM[:4]))
    # national law gives the presidium between sessions no majority: the default is practice, not OL 19 ¶2
    assert (why.failing[0].citation, why.failing[0].values["required"]) == (Citation.practice(), 5)
    assert meetings.frequency_check("t1", 2022).reasons[0].code == "presidium.no_frequency_rule"


def test_every_presidium_and_liaison_citation_resolves():
    for citation in [
        _cite("ZJ", 24, 1), _cite("ZJ", 24, 2), _cite("ZJ", 24, 3), _cite("CQ", 34, 1), _cite("HN", 5, 1),
        _cite("HN", 5, 2), _cite("OL", 19, 1), _cite("OL", 19, 2), _cite("OL", 43, 1), _cite("OL", 60, 2),
    ]:  # fmt: skip
        assert citation.text()
    assert "每个季度" in _cite("CQ", 34, 1).text()


# -- liaison stations ------------------------------------------------------------------------


def test_a_reception_day_with_issues_closed_on_time_and_overdue(store):
    rules = rules_for()
    township(store, rules)
    liaison = Liaison(store, rules)
    liaison.receive(
        "t1", "r1", station="某村代表联络站", on=D(2022, 4, 15), deputies=["d10", "d11"], voters_received=23
    )
    liaison.raise_issue("t1", "i1", reception_id="r1", summary="村口路灯损坏", unit="镇城建办", due=D(2022, 5, 15))
    liaison.raise_issue("t1", "i2", reception_id="r1", summary="灌溉水渠淤塞", unit="镇农业农村办",
                        due=D(2022, 5, 31), raised_by="村民张某")  # fmt: skip
    liaison.reply("t1", "i1", on=D(2022, 5, 10), reply="已更换路灯")
    assert liaison.close("t1", "i1", on=D(2022, 5, 12)).ok

    assert liaison.ledger("t1", D(2022, 5, 31)).overdue == ()  # due today is not yet overdue
    before = liaison.ledger("t1", D(2022, 5, 20))
    assert ([i.raised.issue_id for i in before.open], before.overdue, before.decision.ok) == (["i2"], (), True)
    ledger = liaison.ledger("t1", D(2022, 6, 10))
    assert [i.raised.issue_id for i in ledger.open] == [i.raised.issue_id for i in ledger.overdue] == ["i2"]
    assert [i.raised.issue_id for i in ledger.closed] == ["i1"]
    assert [(r.code, r.citation) for r in ledger.decision.failing] == [("liaison.overdue", _cite("OL", 19, 2))]
    assert "镇农业农村办" in ledger.decision.explain("zh")
    assert ledger.open[0].raised.raised_by == "村民张某"
    assert liaison.state("t1").issues["i1"].raised.raised_by is None

    refused(store, lambda: liaison.close("t1", "i2", on=D(2022, 6, 10)))  # not answered yet
    liaison.reply("t1", "i2", on=D(2022, 6, 12), reply="已组织清淤")
    late = liaison.close("t1", "i2", on=D(2022, 6, 15))
    assert [(r.code, r.values["due"]) for r in late.failing] == [("liaison.closed_on_time", "2022-05-31")]
    assert liaison.ledger("t1", D(2022, 6, 20)).decision.ok


def test_liaison_refusals_record_nothing(store):
    rules = rules_for()
    township(store, rules)
    liaison = Liaison(store, rules)
    why = refused(store, lambda: liaison.receive("t1", "r1", station="联络站", on=D(2022, 4, 15), deputies=["d99"],
                                                 voters_received=3))  # fmt: skip
    assert [(r.code, r.citation) for r in why.failing] == [("deputy.not_in_office", _cite("OL", 43, 1))]
    liaison.receive("t1", "r1", station="联络站", on=D(2022, 4, 15), deputies=["d10"], voters_received=0)
    why = refused(store, lambda: liaison.raise_issue("t1", "i1", reception_id="r1", summary="问题", unit="镇政府",
                                                     due=D(2022, 4, 1)))  # fmt: skip
    assert why.failing[0].code == "liaison.due"
    refused(store, lambda: liaison.raise_issue("t1", "i1", reception_id="r9", summary="问题", unit="镇政府",
                                               due=D(2022, 5, 1)))  # fmt: skip
    refused(store, lambda: liaison.reply("t1", "i9", on=D(2022, 5, 1), reply="答复"))
