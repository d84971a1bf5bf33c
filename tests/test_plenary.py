"""Quorum for every plenary act (OL 14 ¶4) and the votes of the preparatory meeting and on resignations."""

from __future__ import annotations

import datetime

import pytest

from npcproc.errors import ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.congress import DeputyStatus, StatusChange
from npcproc.model.election import Office, RecallProposer
from npcproc.model.session import AgendaItem, AgendaItemKind, VoteCount
from npcproc.plugins import create_plugin_manager, load_rules
from npcproc.procedures import Congresses, Recalls, Sessions
from npcproc.provinces import Province
from npcproc.rules import Citation, Setting
from npcproc.store import MemoryStore
from npcproc.testing import heads_attending, prepare, settings_plugin

D = datetime.date(2022, 1, 5)
LATER = datetime.date(2022, 7, 5)
IDS = [f"d{n:02}" for n in range(1, 61)]
AGENDA = (AgendaItem(id="e", kind=AgendaItemKind.ELECTION, title="选举"),)
QUORUM = Citation(law="OL", article=14, paragraph=4)


def township(level: Level = Level.TOWNSHIP) -> MemoryStore:
    store = MemoryStore()
    congresses = Congresses(store)
    code = "330110001" if level is Level.TOWNSHIP else "330110"
    congresses.establish(Congress(id="t", name="某镇人民代表大会", level=level, division_code=code,
                                  population=30_000, deputy_quota=65))  # fmt: skip
    congresses.begin_term("t", 1, elections_completed_on=datetime.date(2021, 11, 20))
    congresses.elect_deputies("t", dict.fromkeys(IDS, "代表"), term=1, on=D)
    return store


def in_session(store: MemoryStore, session_id: str = "s1", on: datetime.date = D) -> Sessions:
    sessions = Sessions(store)
    sessions.plan(session_id, congress_id="t", opens_on=on)
    sessions.give_notice(session_id, on=on, materials_on=on)
    prepare(sessions, session_id, on=on, presidium=IDS[:7], agenda=AGENDA)
    sessions.open(session_id, on=on, present=IDS, attending=heads_attending(store, "t", on))
    return sessions


def with_head(store: MemoryStore) -> None:
    from npcproc.procedures.congress.events import PostTaken
    from npcproc.procedures.congress.state import congress_stream

    version = store.stream_version(congress_stream("t"))
    store.append(congress_stream("t"), [PostTaken(congress_id="t", office=Office.TOWNSHIP_HEAD, holder_id="王芳",
                                                  on=D, source="test")], expected_version=version)  # fmt: skip


def refused(action) -> ProcedureError:
    with pytest.raises(ProcedureError) as caught:
        action()
    return caught.value


# -- the preparatory meeting (OL 14 ¶4, OL 17, OL 19, OL 25) ---------------------------------------


def noticed() -> tuple[MemoryStore, Sessions]:
    store = township()
    sessions = Sessions(store)
    sessions.plan("s", congress_id="t", opens_on=D)
    sessions.give_notice("s", on=D, materials_on=D)
    return store, sessions


def hold(sessions: Sessions, present: list[str], presidium_yes: int, agenda_yes: int):
    return sessions.hold_preparatory_meeting(
        "s", on=D, present=present, presidium=IDS[:7], presidium_vote=VoteCount(yes=presidium_yes),
        agenda=AGENDA, agenda_vote=VoteCount(yes=agenda_yes),
    )  # fmt: skip


def test_ol_14_4_preparatory_meeting_with_39_of_60_refused_and_nothing_recorded():
    store, sessions = noticed()
    before = store.stream_version("session-s")
    error = refused(lambda: hold(sessions, IDS[:39], 39, 39))
    assert error.decision.failing[0].code == "session.quorum"
    assert error.decision.failing[0].citation == QUORUM
    assert store.stream_version("session-s") == before


def test_ol_14_4_preparatory_meeting_with_40_of_60_held():
    _store, sessions = noticed()
    held = hold(sessions, IDS[:40], 40, 40)
    assert held.ok
    assert QUORUM in held.citations
    assert sessions.state("s").presidium == tuple(IDS[:7])


def test_ol_25_presidium_elected_with_31_of_60_yes():
    _store, sessions = noticed()
    assert hold(sessions, IDS[:50], 31, 31).ok
    assert sessions.state("s").status.value == "prepared"


def test_ol_25_presidium_with_30_of_60_yes_not_elected_and_may_vote_again():
    _store, sessions = noticed()
    held = hold(sessions, IDS[:50], 30, 50)
    assert not held.ok
    assert held.failing[0].citation == Citation(law="OL", article=25, paragraph=1)
    assert sessions.state("s").status.value == "noticed"
    assert hold(sessions, IDS[:50], 45, 50).ok


def test_ol_25_agenda_with_30_of_60_yes_not_adopted():
    _store, sessions = noticed()
    assert not hold(sessions, IDS[:50], 50, 30).ok
    assert sessions.state("s").status.value == "noticed"


def test_dl_23_preparatory_count_above_those_present_refused():
    store, sessions = noticed()
    error = refused(lambda: hold(sessions, IDS[:40], 41, 40))
    assert error.decision.failing[0].code == "vote.count_over_present"
    assert "presidium_vote" in error.decision.explain("en")
    assert "presidium_vote" in error.decision.explain("zh")
    assert store.stream_version("session-s") == 2


# -- recall (OL 14 ¶4, OL 25) ------------------------------------------------------------------------


def recall_ready() -> tuple[MemoryStore, Recalls]:
    store = township()
    with_head(store)
    in_session(store)
    recalls = Recalls(store)
    recalls.propose("r", session_id="s1", office=Office.TOWNSHIP_HEAD, holder_id="王芳", by=RecallProposer.PRESIDIUM,
                    reasons="失职")  # fmt: skip
    return store, recalls


def test_ol_14_4_recall_vote_with_39_of_60_present_refused_and_nothing_recorded():
    store, recalls = recall_ready()
    before = store.head()
    error = refused(lambda: recalls.count("r", session_id="s1", on=D, present=IDS[:39], ballots_issued=39, yes=39,
                                          no=0, abstain=0))  # fmt: skip
    assert error.decision.failing[0].citation == QUORUM
    assert "39" in error.decision.explain("zh")
    assert store.head() == before
    assert Congresses(store).state("t").holders(Office.TOWNSHIP_HEAD, D) == ("王芳",)


def test_ol_14_4_recall_vote_with_40_of_60_present_counted():
    store, recalls = recall_ready()
    decision = recalls.count("r", session_id="s1", on=D, present=IDS[:40], ballots_issued=40, yes=35, no=5,
                             abstain=0)  # fmt: skip
    assert decision.ok
    assert QUORUM in decision.citations
    assert recalls.state("r").count.present == tuple(IDS[:40])
    assert Congresses(store).state("t").holders(Office.TOWNSHIP_HEAD, D) == ()


def test_recall_roll_with_a_non_deputy_refused():
    _store, recalls = recall_ready()
    error = refused(lambda: recalls.count("r", session_id="s1", on=D, present=[*IDS[:45], "x1"], ballots_issued=45,
                                          yes=40, no=5, abstain=0))  # fmt: skip
    assert error.decision.failing[0].code == "attendance.not_in_office"


# -- resignation from a post (OL 32 ¶2, OL 25) --------------------------------------------------------


def resign(store: MemoryStore, present: list[str], yes: int):
    return Recalls(store).accept_resignation("t", office=Office.TOWNSHIP_HEAD, holder_id="王芳", on=D,
                                             accepted_by="congress", session_id="s1", present=present,
                                             vote=VoteCount(yes=yes, no=len(present) - yes))  # fmt: skip


def test_ol_14_4_resignation_vote_with_39_of_60_present_refused_and_nothing_recorded():
    store = township()
    with_head(store)
    in_session(store)
    before = store.head()
    error = refused(lambda: resign(store, IDS[:39], 39))
    assert error.decision.failing[0].citation == QUORUM
    assert store.head() == before


def test_ol_14_4_resignation_vote_with_40_of_60_present_accepted():
    store = township()
    with_head(store)
    in_session(store)
    assert resign(store, IDS[:40], 31).ok
    assert Congresses(store).state("t").holders(Office.TOWNSHIP_HEAD, D) == ()


def test_ol_25_resignation_with_30_of_60_yes_not_accepted_holder_keeps_the_post():
    store = township()
    with_head(store)
    in_session(store)
    decision = resign(store, IDS[:40], 30)
    assert not decision.ok
    state = Congresses(store).state("t")
    assert state.holders(Office.TOWNSHIP_HEAD, D) == ("王芳",)
    assert state.resignation_votes[-1].passed is False


def test_ol_32_resignation_by_the_congress_needs_its_vote():
    store = township()
    with_head(store)
    in_session(store)
    recalls = Recalls(store)
    error = refused(lambda: recalls.accept_resignation("t", office=Office.TOWNSHIP_HEAD, holder_id="王芳", on=D,
                                                       accepted_by="congress", session_id="s1"))  # fmt: skip
    assert error.decision.failing[0].code == "resignation.vote_needed"


# -- CQ 32 (10): the presidium accepts between sessions, the congress confirms ------------------------


def chongqing():
    cq = Province(code="500000", name_zh="重庆市", name_en="Chongqing", key="CQ")
    allow = Setting(parameter="resignation.presidium_may_accept", value=1,
                    citation=Citation(law="CQ", article=32, paragraph=1, item=10))  # fmt: skip
    return load_rules(cq, pm=create_plugin_manager(autoload=False, plugins=(settings_plugin([allow], province=cq),)))


def test_cq_32_10_presidium_acceptance_confirmed_at_the_next_session():
    store, rules = township(), chongqing()
    with_head(store)
    in_session(store).close("s1", on=D)
    recalls = Recalls(store, rules)
    recalls.accept_resignation("t", office=Office.TOWNSHIP_HEAD, holder_id="王芳", on=D, accepted_by="presidium")
    assert Congresses(store).state("t").unconfirmed_resignations == {(Office.TOWNSHIP_HEAD, "王芳")}
    in_session(store, "s2", LATER)
    confirm = lambda present: recalls.confirm_resignation(  # noqa: E731
        "t", office=Office.TOWNSHIP_HEAD, holder_id="王芳", session_id="s2", on=LATER, present=present,
        vote=VoteCount(yes=len(present)),
    )  # fmt: skip
    assert refused(lambda: confirm(IDS[:39])).decision.failing[0].citation == QUORUM
    assert confirm(IDS[:40]).ok
    assert Congresses(store).state("t").unconfirmed_resignations == frozenset()
    error = refused(lambda: confirm(IDS[:40]))
    assert error.decision.failing[0].code == "resignation.nothing_to_confirm"


# -- EL 55 ¶2: a township deputy's resignation -------------------------------------------------------


def deputy_resigns(store: MemoryStore, present: list[str], yes: int):
    return Recalls(store).accept_deputy_resignation("t", "d60", session_id="s1", on=D, present=present,
                                                    vote=VoteCount(yes=yes, abstain=len(present) - yes))  # fmt: skip


def test_el_55_2_deputy_resignation_with_31_of_60_yes_accepted():
    store = township()
    in_session(store)
    decision = deputy_resigns(store, IDS[:45], 31)
    assert decision.ok
    assert Citation(law="EL", article=55, paragraph=2) in decision.citations
    assert "d60" not in Congresses(store).state("t").in_office(D)


def test_el_55_2_deputy_resignation_with_30_of_60_yes_not_accepted_deputy_stays():
    store = township()
    in_session(store)
    decision = deputy_resigns(store, IDS[:45], 30)
    assert not decision.ok
    assert decision.failing[0].citation == Citation(law="EL", article=55, paragraph=2)
    assert "d60" in Congresses(store).state("t").in_office(D)


def test_el_55_2_a_resignation_a_record_reports_as_in_effect_is_taken_as_accepted():
    """``npcproc import``: the record format holds no acceptance vote, so a resignation it reports is recorded
    as it stands (record_past_status), while the live API refuses it without the vote (change_status)."""
    store = township()
    congresses = Congresses(store)
    resigned = StatusChange(status=DeputyStatus.RESIGNED, on=D)
    assert refused(lambda: congresses.change_status("t", "d60", resigned)).decision.failing[0].citation == Citation(
        law="EL", article=55, paragraph=2
    )
    assert "d60" in congresses.state("t").in_office(D)
    congresses.record_past_status("t", "d60", resigned)
    assert "d60" not in congresses.state("t").in_office(D)
    with pytest.raises(ProcedureError):  # DL 62: no change after the mandate has ended
        congresses.record_past_status("t", "d60", StatusChange(status=DeputyStatus.ACTIVE, on=D))


def test_ol_14_4_deputy_resignation_vote_with_39_of_60_present_refused():
    store = township()
    in_session(store)
    before = store.head()
    assert refused(lambda: deputy_resigns(store, IDS[:39], 39)).decision.failing[0].citation == QUORUM
    assert store.head() == before


def test_el_55_2_county_deputy_resigns_to_the_standing_committee_not_the_congress():
    store = township(Level.COUNTY)
    error = refused(lambda: Recalls(store).accept_deputy_resignation("t", "d60", session_id="s1", on=D,
                                                                     present=IDS, vote=VoteCount(yes=60)))  # fmt: skip
    assert error.decision.failing[0].citation == Citation(law="EL", article=55, paragraph=2)
    assert "县" in error.decision.explain("zh") or "county" in error.decision.explain("zh")
    assert "county" in error.decision.explain("en")


def test_el_55_2_a_township_resignation_is_not_a_mere_status_change():
    """ "乡级的人民代表大会接受辞职，须经人民代表大会过半数的代表通过": recording it as a status change is refused,
    naming the way (a vote); a county deputy's resignation (to the standing committee) is recorded so."""

    for level, code, refused in ((Level.TOWNSHIP, "330110001", True), (Level.COUNTY, "330110", False)):
        store = MemoryStore()
        congresses = Congresses(store)
        congresses.establish(Congress(id="c", name="某人大", level=level, division_code=code, population=30_000,
                                      deputy_quota=60))  # fmt: skip
        congresses.begin_term("c", 1, elections_completed_on=datetime.date(2021, 11, 20))
        congresses.elect_deputies("c", {"d1": "d1"}, term=1, on=datetime.date(2021, 11, 21))
        resign = lambda: congresses.change_status(  # noqa: E731, B023
            "c", "d1", StatusChange(status=DeputyStatus.RESIGNED, on=datetime.date(2022, 1, 1))
        )
        if refused:
            before = list(store.read_all())
            with pytest.raises(ProcedureError) as caught:
                resign()
            assert [str(r.citation) for r in caught.value.decision.failing] == ["EL 55 ¶2"]
            assert "accept_deputy_resignation" in caught.value.decision.explain("en")
            assert list(store.read_all()) == before
        else:
            resign()
            assert congresses.state("c").in_office(datetime.date(2022, 1, 2)) == ()
