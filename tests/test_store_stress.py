"""SQLite under racing writers and SIGKILL (slow: marked, and run in CI)."""

from __future__ import annotations

import functools
import itertools
from pathlib import Path

import pytest

from npcproc.store.sqlite import SQLiteStore
from npcproc.testing.stress import crash_loop, import_crash_loop, race, snapshot_race

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("processes", [False, True], ids=["threads", "processes"])
@pytest.mark.parametrize("writers", [2, 8])
def test_exactly_one_writer_wins_each_round(tmp_path, writers, processes):
    opener = functools.partial(SQLiteStore, str(tmp_path / "race.db"))
    report = race(opener, writers=writers, rounds=1000, processes=processes)
    assert report.winners == (1,) * 1000
    assert report.losers == (writers - 1,) * 1000
    assert report.tailed == tuple(range(1, 1001))


def test_acknowledged_batches_survive_sigkill_whole(tmp_path):
    report = crash_loop(functools.partial(SQLiteStore, str(tmp_path / "crash.db")), kills=50)
    assert report.acknowledged > 50
    assert report.missing == ()
    assert report.partial == ()
    assert report.unverified == ()


def test_verify_and_export_read_one_snapshot_under_8_writers(tmp_path):
    report = snapshot_race(functools.partial(SQLiteStore, str(tmp_path / "snap.db")), writers=8, appends=1000)
    assert report.failures == ()
    assert report.appended == 1000
    assert report.during > 0, "no verify ran while the writers were appending"


def test_an_import_killed_while_it_writes_leaves_the_store_as_it_was(tmp_path):
    example = Path(__file__).parents[1] / "docs" / "examples" / "township-year.toml"
    numbers = itertools.count()
    report = import_crash_loop(lambda: f"sqlite:///{tmp_path}/import{next(numbers)}.db", str(example), kills=20)
    assert report.broken == ()
    assert report.before + report.whole == 20
    assert report.before > 0, "no kill landed before the import committed"
