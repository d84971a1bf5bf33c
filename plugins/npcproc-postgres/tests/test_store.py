"""PostgresStore runs the backend kit; its URL, schema, bulk import and plugin wiring besides."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from importlib.metadata import entry_points
from typing import ClassVar
from urllib.parse import urlsplit

import attrs
import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from npcproc_postgres import plugin
from npcproc_postgres.store import MIGRATIONS, BulkImportError, PostgresStore, SchemaError, parse_url
from psycopg import sql

import npcproc
from npcproc import hookimpl
from npcproc.errors import ConcurrencyError
from npcproc.events import event_type
from npcproc.plugins import create_plugin_manager, reset_plugin_manager
from npcproc.store import EventStore, Head, MemoryStore, Record
from npcproc.store.chain import canonical
from npcproc.testing.backends import EventStoreContract, EventStoreMachine, noted
from npcproc.testing.tampering import RowTamperingContract
from npcproc.text import UNSAFE_ANYWHERE


def rewrite(conn: psycopg.Connection, records: list[Record], head: Head | None) -> None:
    with conn:
        conn.execute("DELETE FROM events")
        conn.cursor().executemany(
            "INSERT INTO events VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [(r.position, r.event_id, r.stream, r.version, r.type, canonical(r.data).decode(),
              r.recorded_at.isoformat(), r.prev_hash, r.hash) for r in records],
        )  # fmt: skip
        if head is not None:
            conn.execute("UPDATE chain_head SET position = %s, hash = %s", (head.position, head.hash))


class TestPostgresStore(EventStoreContract):
    @pytest.fixture(autouse=True)
    def _schemas(self, fresh_url, connect):
        self.fresh_url = fresh_url
        self.connect = connect

    def make_store(self) -> EventStore:
        return PostgresStore.from_url(self.fresh_url())

    def rewrite_log(self, store, records, *, head=None):
        rewrite(self.connect(store.schema), records, head)


class PostgresMachine(EventStoreMachine):
    urls: ClassVar[Callable[[], str]]

    @classmethod
    def make_store(cls) -> EventStore:
        return PostgresStore.from_url(cls.urls())


class TestPostgresMachine(PostgresMachine.TestCase):
    @pytest.fixture(autouse=True)
    def _schemas(self, fresh_url, monkeypatch):
        monkeypatch.setattr(PostgresMachine, "urls", staticmethod(fresh_url), raising=False)


@pytest.fixture
def store(fresh_url):
    store = PostgresStore.from_url(fresh_url())
    yield store
    store.close()


@pytest.mark.parametrize(
    ("url", "conninfo", "schema"),
    [
        ("postgresql://u@h:5432/db", "postgresql://u@h:5432/db", "public"),
        ("postgres://u:pw@h/db?schema=county_7", "postgres://u:pw@h/db", "county_7"),
        (
            "postgresql://h/db?sslmode=require&schema=x&connect_timeout=5",
            "postgresql://h/db?sslmode=require&connect_timeout=5",
            "x",
        ),
    ],
)
def test_urls_split_into_conninfo_and_schema(url, conninfo, schema):
    assert parse_url(url) == (conninfo, schema)


@pytest.mark.parametrize("url", ["sqlite:///x.db", "postgresql+psycopg://h/db", "postgresql://h/db?options=-c%20x=y"])
def test_bad_urls_are_refused_with_the_reason(url):
    with pytest.raises(ValueError, match="url"):
        PostgresStore.from_url(url)


@pytest.mark.parametrize("schema", ["Upper", "has-dash", "1digit", "a;drop", ""])
def test_schema_names_must_be_plain_identifiers(server_url, schema):
    with pytest.raises(ValueError, match="schema"):
        PostgresStore(server_url, schema=schema)


def test_schemas_keep_stores_apart(fresh_url):
    first, second = PostgresStore.from_url(fresh_url()), PostgresStore.from_url(fresh_url())
    first.append("a", noted(1), expected_version=0)
    assert list(second.read_all()) == []
    assert second.stream_version("a") == 0
    first.close()
    second.close()


def test_an_existing_empty_schema_is_used(fresh_url, server_url):
    url = fresh_url()
    _conninfo, schema = parse_url(url)
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    store = PostgresStore.from_url(url)
    store.append("a", noted(1), expected_version=0)
    assert [r.position for r in store.read_all()] == [1]
    store.close()


def test_records_survive_reopening(fresh_url):
    url = fresh_url()
    store = PostgresStore.from_url(url)
    written = store.append("a", noted(1, 2), expected_version=0)
    store.close()
    again = PostgresStore.from_url(url)
    assert tuple(again.read_all()) == written
    assert again.verify()
    again.close()


def test_a_store_dropped_without_close_closes_its_pool(fresh_url):
    store = PostgresStore.from_url(fresh_url())
    store.head()
    pool = store._pool
    del store
    assert pool.closed


def test_read_all_pages_through_large_logs(store):
    store.append("a", noted(*range(2500)), expected_version=0)
    assert [r.position for r in store.read_all(after=10)] == list(range(11, 2501))
    assert [r.version for r in store.read_stream("a")] == list(range(1, 2501))
    assert store.verify().checked == 2500


@event_type("testing.postgres.measured")
@attrs.frozen(kw_only=True)
class Measured:
    x: float
    big: int
    text: str


# fresh_url is a factory: every example calls it for a schema of its own.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
# Any text that may be stored: control characters but tab and line breaks are refused before (npcproc.text).
@given(x=st.floats(allow_nan=False), big=st.integers(min_value=-(2**80), max_value=2**80),
       text=st.text().map(lambda text: UNSAFE_ANYWHERE.sub("", text)))  # fmt: skip
def test_data_reads_back_to_the_same_hash(fresh_url, x, big, text):
    url = fresh_url()
    with closing(PostgresStore.from_url(url)) as store:
        (written,) = store.append("m", [Measured(x=x, big=big, text=text)], expected_version=0)
    with closing(PostgresStore.from_url(url)) as again:
        (read,) = again.read_all()
    assert canonical(read.data) == canonical(written.data)
    assert read.expected_hash() == read.hash == written.hash


def test_recorded_at_round_trips_with_its_offset_and_microseconds(fresh_url):
    stamp = datetime.datetime(2026, 3, 5, 9, 30, 15, 123456, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
    url = fresh_url()
    _conninfo, schema = parse_url(url)
    store = PostgresStore(parse_url(url)[0], schema=schema, clock=lambda: stamp)
    store.append("a", noted(1), expected_version=0)
    (record,) = store.read_all()
    assert record.recorded_at == stamp
    assert record.recorded_at.isoformat() == "2026-03-05T09:30:15.123456+08:00"
    assert record.expected_hash() == record.hash
    store.close()


def test_schema_version_is_recorded_and_a_newer_one_is_refused(fresh_url, connect):
    url = fresh_url()
    PostgresStore.from_url(url).close()
    schema = parse_url(url)[1]
    with connect(schema) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(len(MIGRATIONS),)]
        conn.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(SchemaError, match="newer"):
        PostgresStore.from_url(url)


def test_migrations_run_on_an_older_schema_and_keep_its_records(fresh_url, connect, monkeypatch):
    url = fresh_url()
    store = PostgresStore.from_url(url)
    written = store.append("a", noted(1, 2), expected_version=0)
    store.close()
    monkeypatch.setattr("npcproc_postgres.store.MIGRATIONS", (*MIGRATIONS, "CREATE TABLE later (x INTEGER)"))
    upgraded = PostgresStore.from_url(url)
    with connect(upgraded.schema) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchone() == (len(MIGRATIONS) + 1,)
        assert conn.execute("SELECT count(*) FROM later").fetchone() == (0,)
    assert tuple(upgraded.read_all()) == written
    assert upgraded.verify()
    upgraded.close()


def test_concurrent_first_opens_of_a_new_schema_all_succeed(fresh_url, connect):
    url, openers = fresh_url(), 8
    barrier = threading.Barrier(openers)

    def open_at_once(_: int) -> int:
        barrier.wait()
        store = PostgresStore.from_url(url)
        store.close()
        return 1

    with ThreadPoolExecutor(openers) as pool:
        assert sum(pool.map(open_at_once, range(openers))) == openers
    with connect(parse_url(url)[1]) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(len(MIGRATIONS),)]
        assert conn.execute("SELECT position FROM chain_head").fetchall() == [(0,)]


def memory_log(size: int) -> list[Record]:
    memory = MemoryStore()
    versions: dict[str, int] = {}
    for n in range(0, size, 10):
        stream = f"s{n % 7}"
        versions[stream] = versions.get(stream, 0) + 10
        memory.append(stream, noted(*range(n, n + 10)), expected_version=versions[stream] - 10)
    return list(memory.read_all())


def test_bulk_import_copies_another_stores_log(store):
    records = memory_log(10_000)
    assert store.bulk_import(records[:6000]) == Head(position=6000, hash=records[5999].hash)
    assert store.bulk_import(iter(records[6000:])) == Head(position=10_000, hash=records[-1].hash)
    assert list(store.read_all()) == records
    assert store.head() == Head(position=10_000, hash=records[-1].hash)
    assert store.verify().checked == 10_000
    appended = store.append("s0", noted(-1), expected_version=store.stream_version("s0"))
    assert appended[0].position == 10_001
    assert store.verify()


def _relinked(records: list[Record]) -> list[Record]:
    """The records re-hashed so the chain among them is sound again (an import that only fails on purpose)."""
    out, previous = [], records[0].prev_hash
    for record in records:
        unsealed = attrs.evolve(record, prev_hash=previous)
        previous = unsealed.expected_hash()
        out.append(attrs.evolve(unsealed, hash=previous))
    return out


def _edit(records: list[Record], i: int, **changes: object) -> list[Record]:
    return [*records[:i], attrs.evolve(records[i], **changes), *records[i + 1 :]]


@pytest.mark.parametrize(
    ("batch", "match"),
    [
        (lambda rs: rs[:20], "expected position 11, found 1"),
        (lambda rs: rs[20:], "expected position 11, found 21"),
        (lambda rs: rs[10:15] + rs[16:], "expected position 16, found 17"),
        (lambda rs: _edit(rs[10:], 0, prev_hash="f" * 64), "prev_hash"),
        (lambda rs: _edit(rs[10:], 2, data={"n": 99, "text": "x"}), "hash does not match"),
        (lambda rs: _relinked(_edit(rs[10:], 3, version=7)), "stream 's3' is at version 3"),
        (lambda rs: _relinked(_edit(rs[10:], 4, event_id=rs[0].event_id)), "clashes"),
    ],
    ids=["from-the-start", "skips-ahead", "gap", "bad-link", "bad-hash", "bad-stream-version", "duplicate-id"],
)
def test_bulk_import_refuses_a_batch_that_does_not_continue_the_chain(store, batch, match):
    records = memory_log(30)
    store.bulk_import(records[:10])
    with pytest.raises(BulkImportError, match=match) as caught:
        store.bulk_import(batch(records))
    assert "nothing was written" in str(caught.value)
    assert list(store.read_all()) == records[:10]
    assert store.head() == Head(position=10, hash=records[9].hash)
    assert store.verify()


def test_a_bad_record_in_a_later_copy_chunk_still_writes_nothing(store):
    records = memory_log(2500)
    store.bulk_import(records[:10])
    with pytest.raises(BulkImportError, match=r"position 2222 .* hash does not match") as caught:
        store.bulk_import(_edit(records[10:], 2211, data={"n": -1, "text": "x"}))
    assert "nothing was written" in str(caught.value)
    assert list(store.read_all()) == records[:10]
    assert store.head() == Head(position=10, hash=records[9].hash)


def test_large_appends_are_copied_with_the_same_guarantees(store):
    events = noted(*range(300))
    ids = [f"id-{n}" for n in range(300)]
    first = store.append("a", events, expected_version=0, event_ids=ids)
    assert store.append("a", events, expected_version=0, event_ids=ids) == first  # a retry: the originals
    with pytest.raises(ConcurrencyError):
        store.append("a", events, expected_version=0)
    assert [record.data for record in store.read_stream("a")] == [record.data for record in first]
    assert [record.version for record in first] == list(range(1, 301))
    assert store.verify().checked == 300


@pytest.mark.parametrize("size", [1, 300], ids=["pipelined", "copied"])
def test_a_server_error_in_an_append_writes_nothing_and_the_connection_goes_on(fresh_url, connect, size, caplog):
    conninfo, schema = parse_url(fresh_url())
    store = PostgresStore(conninfo, schema=schema, max_size=1)  # one connection, reused
    try:
        store.append("a", noted(0), expected_version=0)
        with connect(schema) as conn:
            conn.execute(
                "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$"
            )
            conn.execute(
                "CREATE TRIGGER refuse BEFORE INSERT ON events FOR EACH ROW "
                "WHEN (NEW.stream = 'poison') EXECUTE FUNCTION refuse()"
            )
        with pytest.raises(psycopg.errors.RaiseException, match="refused by the test"):
            store.append("poison", noted(*range(size)), expected_version=0)
        assert [record.stream for record in store.read_all()] == ["a"]
        assert store.head().position == 1
        assert store.append("b", noted(1), expected_version=0)[0].position == 2  # no gap, no stuck lock
        assert store.verify().ok
        # The failed transaction was rolled back before the connection went back to the pool.
        assert not [r for r in caplog.records if r.name == "psycopg.pool" and r.levelname == "WARNING"]
    finally:
        store.close()


def test_bulk_import_keeps_each_records_utc_offset(store):
    at = datetime.datetime(2026, 3, 5, 9, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
    stamps = iter([at, at.astimezone(datetime.UTC)])  # the same instant, written two ways
    memory = MemoryStore(clock=lambda: next(stamps))
    memory.append("a", noted(1), expected_version=0)
    memory.append("a", noted(2), expected_version=1)
    records = list(memory.read_all())
    store.bulk_import(records)
    assert [record.recorded_at.isoformat() for record in store.read_all()] == [
        "2026-03-05T09:30:00+08:00",
        "2026-03-05T01:30:00+00:00",
    ]
    assert store.verify()


def test_bulk_import_of_nothing_changes_nothing(store):
    assert store.bulk_import([]) == Head()
    assert store.verify()


def test_the_entry_point_names_the_plugin_module():
    (found,) = [ep for ep in entry_points(group="npcproc") if ep.name == "postgres"]
    assert found.load() is plugin
    assert plugin.npcproc_store_schemes() == ["postgresql", "postgres"]
    assert plugin.npcproc_open_store(url="sqlite:///x.db", on_commit=lambda records: None) is None


@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_open_store_opens_postgres_urls(fresh_url, monkeypatch, scheme):
    # With autoload on, the entry point registers this module too, and registering it twice fails.
    monkeypatch.setenv("NPCPROC_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.setenv("NPCPROC_LOAD_PLUGINS", "npcproc_postgres.plugin")
    monkeypatch.setattr("npcproc.plugins._default", npcproc.plugins._default)  # restored after the test
    reset_plugin_manager()
    url = fresh_url().replace("postgresql://", f"{scheme}://")
    store = npcproc.open_store(url)
    assert isinstance(store, PostgresStore)
    store.append("a", noted(1), expected_version=0)
    store.close()
    again = PostgresStore.from_url(url)
    assert [r.stream for r in again.read_all()] == ["a"]
    again.close()


def test_open_store_finds_the_plugin_through_its_entry_point(fresh_url, monkeypatch):
    monkeypatch.delenv("NPCPROC_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.delenv("NPCPROC_LOAD_PLUGINS", raising=False)
    monkeypatch.setattr("npcproc.plugins._default", None)
    store = npcproc.open_store(fresh_url())
    assert isinstance(store, PostgresStore)
    store.close()


def test_committed_appends_are_announced_once(fresh_url, monkeypatch):
    seen = []

    class Listener:
        @hookimpl
        def npcproc_records_committed(self, url, records):
            seen.append((url, [r.position for r in records]))

    monkeypatch.setattr("npcproc.plugins._default", create_plugin_manager(autoload=False, plugins=(plugin, Listener())))
    url = fresh_url()
    store = npcproc.open_store(url)
    store.append("a", noted(1, 2), expected_version=0, event_ids=["x", "y"])
    store.append("a", noted(1, 2), expected_version=0, event_ids=["x", "y"])  # a replay: no announcement
    store.append("a", [], expected_version=2)
    with pytest.raises(ConcurrencyError):
        store.append("a", noted(3), expected_version=0)
    store.bulk_import([])
    store.close()
    assert seen == [(url, [1, 2])]


def test_an_up_to_date_store_opens_and_reads_where_nothing_may_be_written(fresh_url, server_url):
    # A hot standby refuses every write; a role whose transactions are read-only does the same here.
    url = fresh_url()
    store = PostgresStore.from_url(url)
    store.append("s", noted(1), expected_version=0)
    store.close()
    schema = url.rpartition("schema=")[2]
    role = f"reader_{schema}"
    grants = [
        "CREATE ROLE {role} LOGIN",
        "ALTER ROLE {role} SET default_transaction_read_only = on",
        "GRANT USAGE ON SCHEMA {schema} TO {role}",
        "GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {role}",
    ]
    names = {"role": sql.Identifier(role), "schema": sql.Identifier(schema)}
    with psycopg.connect(server_url, autocommit=True) as conn:
        for statement in grants:
            conn.execute(sql.SQL(statement).format(**names))
    try:
        server = urlsplit(server_url)
        reader = PostgresStore.from_url(
            f"postgresql://{role}@{server.hostname}:{server.port}{server.path}?schema={schema}"
        )
        try:
            assert [record.data for record in reader.read_all()] == [{"n": 1, "text": "第1号"}]
            assert reader.verify().ok
            with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
                reader.append("s", noted(2), expected_version=1)
        finally:
            reader.close()
    finally:
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(role)))
            conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))


class TestPostgresRowTampering(RowTamperingContract):
    @pytest.fixture(autouse=True)
    def _schemas(self, fresh_url, connect):
        self.fresh_url = fresh_url
        self.connect = connect

    def make_store(self) -> EventStore:
        return PostgresStore.from_url(self.fresh_url())

    def rewrite_rows(self, store, rows):
        with self.connect(store.schema) as conn:
            conn.execute("DELETE FROM events")
            conn.cursor().executemany("INSERT INTO events VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)", rows)
