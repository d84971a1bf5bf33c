"""The fold cache of the procedures: never stale across writers, equal to a fresh fold, bounded."""

from __future__ import annotations

import datetime

import pytest

from npcproc.errors import ConcurrencyError, ProcedureError
from npcproc.model import Congress, Level
from npcproc.model.session import AgendaItem, AgendaItemKind, Choice, VoteMethod
from npcproc.model.suggestion import ReplyCategory
from npcproc.procedures import Congresses, Sessions, Suggestions
from npcproc.procedures.congress.state import congress_stream, fold_congress
from npcproc.procedures.folded import FoldCache, cache_for
from npcproc.procedures.session.commands import session_stream
from npcproc.procedures.session.events import ItemHandled
from npcproc.procedures.session.state import fold_session
from npcproc.procedures.suggestion.state import fold_suggestions, suggestions_stream
from npcproc.serialization import event_from_data
from npcproc.store import MemoryStore
from npcproc.store.sqlite import SQLiteStore
from npcproc.testing import prepare

D = datetime.date
DEPUTIES = {f"d{n:02}": f"代表{n}" for n in range(1, 21)}
EVERYONE = list(DEPUTIES)


def open_session(store) -> Sessions:
    congresses = Congresses(store)
    congresses.establish(Congress(id="qx", name="青溪镇人民代表大会", level=Level.TOWNSHIP, division_code="330110001",
                                  population=30_000, deputy_quota=65))  # fmt: skip
    congresses.begin_term("qx", 1, elections_completed_on=D(2021, 11, 20))
    congresses.elect_deputies("qx", DEPUTIES, term=1, on=D(2022, 1, 6))
    sessions = Sessions(store)
    sessions.plan("s1", congress_id="qx", opens_on=D(2022, 1, 6))
    sessions.give_notice("s1", on=D(2021, 12, 27), materials_on=D(2022, 1, 3))
    item = AgendaItem(id="budget", kind=AgendaItemKind.BUDGET, title="预算")
    prepare(sessions, "s1", on=D(2022, 1, 6), presidium=EVERYONE[:7], agenda=[item])
    sessions.open("s1", on=D(2022, 1, 6), present=EVERYONE)
    sessions.open_vote("s1", "v1", subject="budget", method=VoteMethod.ELECTRONIC, on=D(2022, 1, 6), present=EVERYONE)
    return sessions


def fresh(store, stream, fold):
    return fold([event_from_data(r.type, r.data) for r in store.read_stream(stream)])


def test_a_second_writer_is_seen_before_the_next_decision(tmp_path):
    path = str(tmp_path / "two.db")
    first, second = SQLiteStore(path), SQLiteStore(path)
    mine = open_session(first)
    mine.cast("s1", "v1", "d01", Choice.YES)
    theirs = Sessions(second)
    theirs.cast("s1", "v1", "d02", Choice.NO)  # the other writer's vote; the first store's cache is now behind
    assert mine.state("s1").votes["v1"].ballots == {"d01": Choice.YES, "d02": Choice.NO}
    with pytest.raises(ProcedureError, match="d02"):
        mine.cast("s1", "v1", "d02", Choice.YES)
    first.close()
    second.close()


def test_cached_states_equal_a_fresh_fold_after_every_command():
    store = MemoryStore()
    sessions = open_session(store)
    suggestions = Suggestions(store)
    for n, deputy in enumerate(EVERYONE, start=1):
        sessions.cast("s1", "v1", deputy, Choice.YES if n % 3 else Choice.NO)
        suggestions.submit("qx", f"x{n}", deputies=[deputy], subject="s", content="c", on=D(2022, 1, 6))
        suggestions.refer("qx", f"x{n}", unit="镇政府", on=D(2022, 1, 31))
        if n % 2:
            suggestions.reply("qx", f"x{n}", on=D(2022, 3, 1), category=ReplyCategory.RESOLVED)
        assert sessions.state("s1") == fresh(store, session_stream("s1"), fold_session)
        assert suggestions.ledger("qx") == fresh(store, suggestions_stream("qx"), fold_suggestions)
    sessions.close_vote("s1", "v1")
    sessions.handle_item("s1", "budget")
    sessions.close("s1", on=D(2022, 1, 6))
    assert sessions.state("s1") == fresh(store, session_stream("s1"), fold_session)
    assert Congresses(store).state("qx") == fresh(store, congress_stream("qx"), fold_congress)
    cache = cache_for(store)
    assert cache is not None
    assert cache.hits > cache.misses


def test_a_ledger_handed_out_cannot_change_the_cache():
    store = MemoryStore()
    open_session(store)
    suggestions = Suggestions(store)
    suggestions.submit("qx", "x1", deputies=["d01"], subject="s", content="c", on=D(2022, 1, 6))
    suggestions.ledger("qx").clear()
    assert list(suggestions.ledger("qx")) == ["x1"]
    suggestions.refer("qx", "x1", unit="镇政府", on=D(2022, 1, 31))


def test_a_refused_append_leaves_the_stream_to_be_read_again():
    store = MemoryStore()
    sessions = open_session(store)
    cache = cache_for(store)
    assert cache is not None
    state, version = cache.load(store, session_stream("s1"), fold_session)
    with pytest.raises(ConcurrencyError):
        sessions._append(session_stream("s1"), version - 1, ItemHandled(item_id="budget"))
    misses = cache.misses
    assert cache.load(store, session_stream("s1"), fold_session) == (state, version)
    assert cache.misses == misses + 1


def test_the_cache_is_bounded():
    store = MemoryStore()
    cache = FoldCache(size=3)
    for n in range(10):
        store.append(f"s{n}", [], expected_version=0)
        cache.load(store, f"s{n}", list)
    assert len(cache._entries) == 3
    assert list(cache._entries) == ["s7", "s8", "s9"]
