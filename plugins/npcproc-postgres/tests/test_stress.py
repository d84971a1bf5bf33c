"""PostgreSQL under racing writers and SIGKILL (slow: marked, and run in CI)."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from npcproc_postgres.store import PostgresStore, parse_url

from npcproc.testing.stress import crash_loop, import_crash_loop, race, snapshot_race

pytestmark = pytest.mark.slow


def opener(url: str) -> functools.partial[PostgresStore]:
    """Picklable, and one or two connections per store: 8 writer processes stay far below max_connections."""
    conninfo, schema = parse_url(url)
    return functools.partial(PostgresStore, conninfo, schema=schema, min_size=1, max_size=2)


@pytest.mark.parametrize("processes", [False, True], ids=["threads", "processes"])
@pytest.mark.parametrize("writers", [2, 8])
def test_exactly_one_writer_wins_each_round(fresh_url, writers, processes):
    report = race(opener(fresh_url()), writers=writers, rounds=1000, processes=processes)
    assert report.winners == (1,) * 1000
    assert report.losers == (writers - 1,) * 1000
    assert report.tailed == tuple(range(1, 1001))


def test_acknowledged_batches_survive_sigkill_whole(fresh_url):
    report = crash_loop(opener(fresh_url()), kills=50)
    assert report.acknowledged > 50
    assert report.missing == ()
    assert report.partial == ()
    assert report.unverified == ()


def test_verify_and_export_read_one_snapshot_under_8_writers(fresh_url):
    report = snapshot_race(opener(fresh_url()), writers=8, appends=1000)
    assert report.failures == ()
    assert report.appended == 1000
    assert report.during > 0, "no verify ran while the writers were appending"


def test_an_import_killed_while_it_writes_leaves_the_store_as_it_was(fresh_url):
    example = Path(__file__).parents[3] / "docs" / "examples" / "township-year.toml"
    report = import_crash_loop(fresh_url, str(example), kills=20)
    assert report.broken == ()
    assert report.before + report.whole == 20
    assert report.before > 0, "no kill landed before the import committed"
