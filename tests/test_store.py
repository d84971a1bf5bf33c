"""The memory and SQLite backends run the backend kit; SQLite's own guarantees besides."""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import sqlite3
import time
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import npcproc
from npcproc import hookimpl
from npcproc.plugins import create_plugin_manager
from npcproc.store import EventStore, Head, MemoryStore, Record, UnknownSchemeError, mask_secrets
from npcproc.store.backend import new_event_ids, new_record
from npcproc.store.chain import canonical, canonical_text, hashes, link, record_hash
from npcproc.store.sqlite import MIGRATIONS, SchemaError, SQLiteStore
from npcproc.testing.backends import EventStoreContract, EventStoreMachine, noted
from npcproc.testing.tampering import RowTamperingContract


class TestMemoryStore(EventStoreContract):
    def make_store(self) -> EventStore:
        return MemoryStore()

    def rewrite_log(self, store, records, *, head=None):
        store._records = list(records)
        if head is not None:
            store._head = head


class MemoryMachine(EventStoreMachine):
    make_store = staticmethod(MemoryStore)


TestMemoryMachine = MemoryMachine.TestCase


def rewrite_sqlite(path: str, records: list[Record], head: Head | None) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    db.execute("DELETE FROM events")
    db.executemany(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(r.position, r.event_id, r.stream, r.version, r.type, canonical(r.data).decode(), r.recorded_at.isoformat(),
          r.prev_hash, r.hash) for r in records],
    )  # fmt: skip
    if head is not None:
        db.execute("UPDATE chain_head SET position = ?, hash = ?", (head.position, head.hash))
    db.execute("COMMIT")
    db.close()


class TestSQLiteStore(EventStoreContract):
    @pytest.fixture(autouse=True)
    def _folder(self, tmp_path):
        self.folder = tmp_path
        self.count = 0

    def make_store(self) -> EventStore:
        self.count += 1
        return SQLiteStore(str(self.folder / f"store{self.count}.db"))

    def rewrite_log(self, store, records, *, head=None):
        rewrite_sqlite(store.path, records, head)


class SQLiteMachine(EventStoreMachine):
    @staticmethod
    def make_store() -> EventStore:
        return SQLiteStore(":memory:")


TestSQLiteMachine = SQLiteMachine.TestCase


def test_open_store_by_scheme(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert isinstance(npcproc.open_store("memory://"), EventStore)
    relative = npcproc.open_store("sqlite:///county.db")
    relative.append("a", noted(1), expected_version=0)
    relative.close()
    assert (tmp_path / "county.db").exists()
    absolute = npcproc.open_store(f"sqlite:///{tmp_path}/abs.db")
    absolute.close()
    assert (tmp_path / "abs.db").exists()


def test_unknown_scheme_lists_installed_ones():
    with pytest.raises(UnknownSchemeError, match="memory, sqlite"):
        npcproc.open_store("mongodb://x")


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///x.db?durability=low", "sqlite:///x.db?synchronous=off"])
def test_bad_sqlite_urls_are_refused_with_the_reason(url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match=r"url|synchronous"):
        npcproc.open_store(url)


@pytest.mark.parametrize(("url", "expected"), [("sqlite:///a.db", 2), ("sqlite:///a.db?synchronous=normal", 1)])
def test_sqlite_is_wal_and_fully_synchronous_by_default(url, expected, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = SQLiteStore.from_url(url)
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == expected
    store.close()


def test_schema_version_is_recorded_and_a_newer_file_is_refused(tmp_path):
    path = str(tmp_path / "s.db")
    SQLiteStore(path).close()
    db = sqlite3.connect(path, isolation_level=None)
    assert db.execute("SELECT version FROM schema_version").fetchall() == [(len(MIGRATIONS),)]
    db.execute("UPDATE schema_version SET version = 99")
    db.close()
    with pytest.raises(SchemaError, match="newer"):
        SQLiteStore(path)


def test_migrations_run_on_an_older_file_and_keep_its_records(tmp_path, monkeypatch):
    path = str(tmp_path / "s.db")
    store = SQLiteStore(path)
    store.append("a", noted(1), expected_version=0)
    store.close()
    monkeypatch.setattr("npcproc.store.sqlite.MIGRATIONS", (*MIGRATIONS, "CREATE TABLE later (x INTEGER)"))
    upgraded = SQLiteStore(path)
    assert upgraded._db.execute("SELECT version FROM schema_version").fetchone() == (len(MIGRATIONS) + 1,)
    assert upgraded._db.execute("SELECT count(*) FROM later").fetchone() == (0,)
    assert [r.version for r in upgraded.read_stream("a")] == [1]
    assert upgraded.verify()


def test_records_survive_reopening(tmp_path):
    path = str(tmp_path / "s.db")
    store = SQLiteStore(path)
    written = store.append("a", noted(1, 2), expected_version=0)
    store.close()
    again = SQLiteStore(path)
    assert tuple(again.read_all()) == written
    assert again.verify()


def test_read_all_pages_through_large_logs(tmp_path):
    store = SQLiteStore(str(tmp_path / "s.db"))
    store.append("a", noted(*range(2500)), expected_version=0)
    assert [r.position for r in store.read_all(after=10)] == list(range(11, 2501))


def test_committed_appends_are_announced_once(tmp_path, monkeypatch):
    seen = []

    class Listener:
        @hookimpl
        def npcproc_records_committed(self, url, records):
            seen.append((url, [r.position for r in records]))

    pm = create_plugin_manager(autoload=False, plugins=(Listener(),))
    monkeypatch.setattr("npcproc.plugins._default", pm)
    for url in ("memory://", f"sqlite:///{tmp_path}/n.db"):
        store = npcproc.open_store(url)
        store.append("a", noted(1, 2), expected_version=0, event_ids=["x", "y"])
        store.append("a", noted(1, 2), expected_version=0, event_ids=["x", "y"])  # a replay: no announcement
        store.append("a", [], expected_version=2)
        store.close()
        assert seen == [(url, [1, 2])]
        seen.clear()


@given(
    st.integers(min_value=1), st.text(), st.text(), st.integers(min_value=1), st.text(), st.text(), st.text(),
    st.dictionaries(st.text(), st.one_of(st.integers(), st.text(), st.none())),
)  # fmt: skip
def test_record_hash_covers_the_canonical_envelope_and_data(position, event_id, stream, version, type_, at, prev, data):
    expected = hashlib.sha256(
        canonical([position, event_id, stream, version, type_, at, prev]) + b"\n" + canonical(data)
    )
    assert expected.hexdigest() == record_hash(
        position=position, event_id=event_id, stream=stream, version=version, type=type_, recorded_at=at,
        prev_hash=prev, data_json=canonical(data),
    )  # fmt: skip


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(JSON)
def test_canonical_text_is_json_with_sorted_keys_and_no_spaces(data):
    assert canonical_text(data) == json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@given(
    st.text(), st.integers(min_value=0), st.integers(min_value=0), st.text(), st.text(),
    st.lists(st.tuples(st.text(), st.sampled_from(["a.b", "引号\"", "c\n"]), JSON), max_size=6),
)  # fmt: skip
def test_link_and_hashes_agree_with_record_hash(prev, position, version, stream, at, items):
    digests = link(
        prev_hash=prev, position=position + 1, stream=stream, version=version + 1, recorded_at=at,
        items=[(event_id, type_, canonical_text(data)) for event_id, type_, data in items],
    )  # fmt: skip
    expected, previous, rows = [], prev, []
    for offset, (event_id, type_, data) in enumerate(items, start=1):
        fields = {"position": position + offset, "event_id": event_id, "stream": stream, "version": version + offset,
                  "type": type_, "recorded_at": at, "prev_hash": previous}  # fmt: skip
        previous = record_hash(**fields, data_json=canonical(data))
        expected.append(previous)
        rows.append((*list(fields.values())[:5], canonical_text(data), at, fields["prev_hash"], previous))
    assert digests == expected
    assert hashes(rows) == expected


def test_new_record_builds_what_the_constructor_builds():
    at = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    values = (7, "e", "s", 2, "t", {"k": [1]}, at, "0" * 64, "f" * 64)
    names = [field.name for field in attrs.fields(Record)]
    built, expected = new_record(*values), Record(**dict(zip(names, values, strict=True)))
    assert type(built) is Record
    assert (built, repr(built), hash(built)) == (expected, repr(expected), hash(expected))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.position = 8


def test_new_event_ids_are_distinct_hex_and_count_up_in_time():
    first = new_event_ids(1000)
    time.sleep(0.002)
    later = new_event_ids(3)
    for ids in (first, later):
        assert all(re.fullmatch("[0-9a-f]{32}", event_id) for event_id in ids)
        assert [int(event_id, 16) - int(ids[0], 16) for event_id in ids] == list(range(len(ids)))
    assert len(set(first) | set(later)) == 1003
    assert max(first) < min(later)  # a later millisecond sorts later
    assert (int(later[0], 16) >> 80) - (int(first[0], 16) >> 80) >= 2  # the leading 48 bits count milliseconds


def rewrite_sqlite_rows(path: str, rows: list) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    db.execute("DELETE FROM events")
    db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.execute("COMMIT")
    db.close()


class TestSQLiteRowTampering(RowTamperingContract):
    @pytest.fixture(autouse=True)
    def _folder(self, tmp_path):
        self.folder = tmp_path

    def make_store(self) -> EventStore:
        return SQLiteStore(str(self.folder / "store.db"))

    def rewrite_rows(self, store, rows):
        rewrite_sqlite_rows(store.path, rows)


def test_the_cli_names_a_row_that_does_not_read_as_hashed(tmp_path, capsys):
    from npcproc.cli import main

    path = str(tmp_path / "store.db")
    store = SQLiteStore(path)
    for n in range(3):
        store.append("s", noted(n), expected_version=n)
    with store.snapshot() as snapshot:
        rows = list(snapshot.rows)
    store.close()
    rows[1] = (*rows[1][:5], '{"n":-1,' + rows[1][5][1:], *rows[1][6:])  # a duplicate key
    rewrite_sqlite_rows(path, rows)
    url = f"sqlite:///{path}"
    assert main(["verify", "--store", url]) == 1
    assert "chain broken at position 2: its data is not stored as the canonical JSON its hash covers" in (
        capsys.readouterr().err
    )
    assert main(["export", "--store", url]) == 2
    error = capsys.readouterr().err
    assert error.strip().startswith("npcproc: error: the record at position 2 cannot be read")
    assert "Traceback" not in error


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://clerk:s3cret@db.example:5432/npc?schema=x", "postgresql://clerk:***@db.example:5432/npc?schema=x"),
        ("postgres://:s3cret@db/npc", "postgres://:***@db/npc"),
        ("postgresql://db/npc?user=clerk&password=s3cret&sslmode=require", "postgresql://db/npc?user=clerk&password=***&sslmode=require"),
        ("postgresql://clerk@db/npc", "postgresql://clerk@db/npc"),
        ("sqlite:////var/npc/county.db", "sqlite:////var/npc/county.db"),
    ],
)  # fmt: skip
def test_passwords_in_store_urls_are_masked(url, shown):
    assert mask_secrets(url) == shown
    assert mask_secrets(f"error: cannot open {url!r} now") == f"error: cannot open {shown!r} now"


def test_no_message_trace_or_hook_shows_a_store_password(monkeypatch, capsys, tmp_path):
    seen = []

    class Backend:
        @hookimpl
        def npcproc_open_store(self, url, on_commit):
            return MemoryStore(on_commit=on_commit) if url.startswith("vault://") else None

        @hookimpl
        def npcproc_records_committed(self, url, records):
            seen.append(url)

    pm = create_plugin_manager(autoload=False, plugins=(Backend(),))
    monkeypatch.setattr("npcproc.plugins._default", pm)
    store = npcproc.open_store("vault://clerk:s3cret@host/npc")
    store.append("a", noted(1), expected_version=0)
    assert seen == ["vault://clerk:***@host/npc"]
    with pytest.raises(UnknownSchemeError) as refused:
        npcproc.open_store("mongodb://clerk:s3cret@host/npc")
    assert "s3cret" not in str(refused.value)
    assert "mongodb://clerk:***@host/npc" in str(refused.value)

    from npcproc.cli import main

    monkeypatch.setattr("npcproc.plugins._default", None)
    monkeypatch.setenv("NPCPROC_TRACE_PLUGINS", "1")
    assert main(["verify", "--store", "mongodb://clerk:s3cret@host/npc"]) == 2
    err = capsys.readouterr().err
    assert "npcproc_open_store" in err  # the trace ran
    assert "mongodb://clerk:***@host/npc" in err
    assert "s3cret" not in err


@pytest.mark.parametrize("against", ["xyz", "ab" * 31, "AB" * 32, "ab" * 8 + "…"])
def test_a_malformed_published_head_is_a_usage_error_not_a_rewritten_chain(tmp_path, capsys, against):
    from npcproc.cli import main

    path = tmp_path / "store.db"
    store = SQLiteStore(str(path))
    store.append("s", noted(1), expected_version=0)
    head = store.head().hash
    store.close()
    assert main(["verify", "--store", f"sqlite:///{path}", "--against", against]) == 2
    error = capsys.readouterr().err
    assert "--against" in error
    assert "64 hex digits" in error
    assert "rewritten" not in error
    assert main(["verify", "--store", f"sqlite:///{path}", "--against", head]) == 0


def test_every_verb_prints_the_whole_head_that_verify_against_takes(tmp_path, capsys):
    from npcproc.cli import main

    example = Path(__file__).parents[1] / "docs" / "examples" / "township-year.toml"
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert main(["import", str(example), "--store", url]) == 0
    printed = re.search(r"head ([0-9a-f]+)", capsys.readouterr().out).group(1)
    assert len(printed) == 64
    assert main(["verify", "--store", url, "--against", printed]) == 0
