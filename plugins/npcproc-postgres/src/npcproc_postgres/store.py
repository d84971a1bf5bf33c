"""The PostgreSQL backend (``postgresql://user@host:5432/db?schema=name``).

Every append is one READ COMMITTED transaction that first locks the single row of
``chain_head``: the hash chain needs the previous hash anyway, so appends serialize
there, and positions are assigned head + 1, ... gap-free in commit order. Data and
``recorded_at`` are stored as the text they were hashed from, so hashes recompute exactly.
"""

from __future__ import annotations

import datetime
import re
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg
from psycopg import sql
from psycopg_pool import ConnectionPool

from npcproc.errors import NpcprocError
from npcproc.store.backend import (
    GENESIS,
    Append,
    CommitCallback,
    ConcurrencyError,
    Head,
    Pending,
    Record,
    Row,
    Snapshot,
    VerifyResult,
    canonical_text,
    hashes,
    mask_secrets,
    prepare,
    prepare_many,
    records_from_rows,
    replayed,
    replayed_many,
    seal,
    seal_many,
    utc_now,
)

#: Schema migrations, applied in order; the schema_version table records how many ran.
MIGRATIONS: tuple[str, ...] = (
    f"""
    CREATE TABLE events (
        position    BIGINT PRIMARY KEY,
        event_id    TEXT NOT NULL UNIQUE,
        stream      TEXT NOT NULL,
        version     BIGINT NOT NULL,
        type        TEXT NOT NULL,
        data        TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        prev_hash   TEXT NOT NULL,
        hash        TEXT NOT NULL,
        UNIQUE (stream, version)
    );
    CREATE TABLE chain_head (
        only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
        position BIGINT NOT NULL,
        hash     TEXT NOT NULL
    );
    INSERT INTO chain_head VALUES (1, 0, '{GENESIS}');
    """,
)
SCHEMES = ("postgresql", "postgres")
#: pg_advisory_xact_lock key held while migrating, so concurrent first opens take turns.
MIGRATION_LOCK = 0x6E7063_70726F63  # "npcproc"
_COLUMNS = "position, event_id, stream, version, type, data, recorded_at, prev_hash, hash"
_HEAD = "SELECT position, hash FROM chain_head"
_PAGE = f"SELECT {_COLUMNS} FROM events WHERE position > %s ORDER BY position LIMIT %s"
_STREAM_VERSION = "SELECT COALESCE(MAX(version), 0) FROM events WHERE stream = %s"
_READ_CHUNK = 1000
_COPY_CHUNK = 1000
_FIRST_CHUNK = 200  # small, so the server starts storing rows early
#: Appends of this many events or more are written with COPY rather than a pipelined executemany.
_COPY_FROM = 100
_COPY = f"COPY events ({_COLUMNS}) FROM STDIN (FORMAT BINARY)"
#: The columns' types for binary COPY, in _COLUMNS order.
_TYPES = ("int8", "text", "text", "int8", "text", "text", "text", "text", "text")
_SCHEMA_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


class SchemaError(NpcprocError):
    """The database was written by a newer npcproc-postgres, or is not an npcproc store."""


class StoreUnavailableError(NpcprocError):
    """The PostgreSQL server cannot be reached, or refuses the connection (the password is never shown)."""


class ReadOnlyStoreError(NpcprocError):
    """A write to a store opened read-only (``?mode=ro``); nothing was written."""


class BulkImportError(NpcprocError):
    """Records handed to ``bulk_import`` do not continue the stored chain; nothing was written."""


class PostgresStore:
    """An EventStore in one PostgreSQL schema, used through a small connection pool."""

    def __init__(
        self,
        conninfo: str,
        *,
        schema: str = "public",
        min_size: int = 1,
        max_size: int = 4,
        clock: Callable[[], datetime.datetime] = utc_now,
        on_commit: CommitCallback | None = None,
        read_only: bool = False,
    ) -> None:
        if not _SCHEMA_NAME.fullmatch(schema):
            raise ValueError(f"schema: must be a lower-case SQL identifier ([a-z_][a-z0-9_]*), got {schema!r}")
        self.schema = schema
        self.read_only = read_only
        self._clock = clock
        self._on_commit = on_commit
        settings = f"-c search_path={schema}" + (" -c default_transaction_read_only=on" if read_only else "")
        options: dict[str, Any] = {"autocommit": True, "options": settings}
        # A direct connection first, so a bad URL or a down server fails at once with libpq's reason.
        try:
            with psycopg.connect(conninfo, **options) as conn:
                if read_only:  # never creates the schema or its tables, never migrates
                    _check_schema(conn, schema)
                else:
                    _migrate(conn, schema)
        except psycopg.OperationalError as error:
            raise StoreUnavailableError(
                f"cannot connect to the PostgreSQL server ({mask_secrets(str(error)).strip()})"
            ) from None
        self._pool = ConnectionPool(
            conninfo, kwargs=options, min_size=min_size, max_size=max_size, configure=_configure, open=True
        )
        # A store dropped without close() closes its pool then, in the dropping thread. Left to the
        # garbage collector, the pool may be collected in one of its own workers, which cannot join itself.
        self._close = weakref.finalize(self, self._pool.close)

    @classmethod
    def from_url(cls, url: str, *, on_commit: CommitCallback | None = None) -> PostgresStore:
        """Open the store at a ``postgresql://`` URL (see :func:`parse_url`); ``?mode=ro`` opens an existing store
        read-only: no schema or table is created, nothing migrated, every transaction read-only."""
        parts = urlsplit(url)
        query = parse_qsl(parts.query, keep_blank_values=True)
        modes = [value for key, value in query if key == "mode"]
        if modes and modes[-1] not in ("ro", "rw"):
            raise ValueError(f"url: mode must be ro or rw, got {modes[-1]!r}")
        rest = urlunsplit(parts._replace(query=urlencode([(k, v) for k, v in query if k != "mode"])))
        conninfo, schema = parse_url(rest)
        return cls(conninfo, schema=schema, on_commit=on_commit, read_only=modes[-1:] == ["ro"])

    def append(
        self, stream: str, events: Sequence[object], *, expected_version: int, event_ids: Sequence[str] | None = None
    ) -> tuple[Record, ...]:
        self._writable()
        pending = prepare(stream, events, event_ids)
        if not pending.datas:
            return ()
        with self._pool.connection() as conn:
            if len(pending.datas) >= _COPY_FROM:  # COPY cannot run in a pipeline
                with conn.transaction():
                    records, written = self._write(conn, stream, pending, expected_version, copy=True)
            else:
                # One pipeline and two round trips: BEGIN, the lock and the queries; then the rows and
                # COMMIT (psycopg's transaction() inside a pipeline would sync three times more). On an
                # error the pool's connection() rolls back before the connection goes back.
                with conn.pipeline():
                    conn.execute("BEGIN")
                    records, written = self._write(conn, stream, pending, expected_version, copy=False)
                    conn.execute("COMMIT")
        if written and self._on_commit is not None:
            self._on_commit(records)
        return records

    def _write(
        self, conn: psycopg.Connection[Any], stream: str, pending: Pending, expected_version: int, *, copy: bool
    ) -> tuple[tuple[Record, ...], bool]:
        """Seal and insert ``pending`` in the open transaction; (the records, whether they are new)."""
        # The queries after the lock see every commit before it (READ COMMITTED takes a snapshot per
        # statement), and they go out with it: the server runs a pipeline's statements in order.
        locked = conn.execute(_HEAD + " FOR UPDATE")
        found = None
        if not pending.fresh_ids:
            found = conn.execute(f"SELECT {_COLUMNS} FROM events WHERE event_id = ANY(%s)", (list(pending.event_ids),))
        current = conn.execute(_STREAM_VERSION, (stream,))
        head = _head(locked)
        earlier = None if found is None else replayed(pending, records_from_rows(found.fetchall()))
        if earlier is not None:
            return earlier, False
        version = int(_one(current)[0])
        if version != expected_version:
            raise ConcurrencyError(stream, expected_version, version)
        sealed = seal(pending, head=head, version=version, recorded_at=self._clock())
        records = sealed.records
        stamp = records[0].recorded_at.isoformat()
        rows = [_row(record, data_json, stamp) for record, data_json in zip(records, sealed.data_json, strict=True)]
        if copy:
            with conn.cursor() as cursor, cursor.copy(_COPY) as writer:
                writer.set_types(_TYPES)
                for row in rows:
                    writer.write_row(row)
        else:
            conn.cursor().executemany(
                f"INSERT INTO events ({_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)", rows
            )
        conn.execute("UPDATE chain_head SET position = %s, hash = %s", (records[-1].position, records[-1].hash))
        return records, True

    def append_many(self, appends: Sequence[Append]) -> tuple[Record, ...]:
        self._writable()
        prepared = prepare_many(appends)
        if not prepared:
            return ()
        with self._pool.connection() as conn, conn.transaction():
            head = _head(conn.execute(_HEAD + " FOR UPDATE"))
            found = []
            for pending, _ in prepared:
                rows = (
                    []
                    if pending.fresh_ids
                    else conn.execute(
                        f"SELECT {_COLUMNS} FROM events WHERE event_id = ANY(%s)", (list(pending.event_ids),)
                    ).fetchall()
                )
                found.append((pending, records_from_rows(rows) if rows else []))
            earlier = replayed_many(found)
            if earlier is not None:
                return earlier
            versions = [int(_one(conn.execute(_STREAM_VERSION, (p.stream,)))[0]) for p, _ in prepared]
            sealed = seal_many(prepared, versions, head=head, recorded_at=self._clock())
            rows = [
                _row(record, data_json, record.recorded_at.isoformat())
                for batch in sealed
                for record, data_json in zip(batch.records, batch.data_json, strict=True)
            ]
            with conn.cursor() as cursor, cursor.copy(_COPY) as writer:
                writer.set_types(_TYPES)
                for row in rows:
                    writer.write_row(row)
            records = tuple(record for batch in sealed for record in batch.records)
            conn.execute("UPDATE chain_head SET position = %s, hash = %s", (records[-1].position, records[-1].hash))
        if self._on_commit is not None:
            self._on_commit(records)
        return records

    def _writable(self) -> None:
        if self.read_only:
            raise ReadOnlyStoreError(f"schema {self.schema}: opened read-only (mode=ro); nothing was written")

    def bulk_import(self, records: Iterable[Record], *, check_hashes: bool = True) -> Head:
        """COPY already sealed records (another store's ``read_all()``) onto the end of this log.

        The records must continue the stored chain: positions from head + 1, each
        ``prev_hash`` the hash before it, hashes that match their contents, and stream
        versions that continue each stream. Checked as they are copied, in one transaction
        that a failed check rolls back: all or nothing. Not an append: ``on_commit`` is not
        called. Returns the new head.

        ``check_hashes=False`` skips recomputing each record's hash (the links between
        records are still checked): for records just read from a store that verified; a
        later ``verify()`` still finds any record whose hash does not match.
        """
        self._writable()
        batch = list(records)
        try:
            with self._pool.connection() as conn, conn.transaction():
                head = _head(conn.execute(_HEAD + " FOR UPDATE"))
                if not batch:
                    return head
                rows = conn.execute(
                    "SELECT stream, MAX(version) FROM events WHERE stream = ANY(%s) GROUP BY stream",
                    (list({record.stream for record in batch}),),
                )
                chain_check = _ChainCheck(head, {stream: int(version) for stream, version in rows.fetchall()})
                stamps = _Isoformat()
                # Binary COPY: the server parses no text, and rows go out chunk by chunk, so the
                # server indexes one chunk while the next is encoded and checked here.
                with conn.cursor() as cursor, cursor.copy(_COPY) as copy:
                    copy.set_types(_TYPES)
                    starts = [0, *range(_FIRST_CHUNK, len(batch), _COPY_CHUNK)]
                    for start, end in zip(starts, [*starts[1:], len(batch)], strict=True):
                        chunk = [
                            (r.position, r.event_id, r.stream, r.version, r.type, canonical_text(r.data),
                             stamps[r.recorded_at, r.recorded_at.tzinfo], r.prev_hash, r.hash)
                            for r in batch[start:end]
                        ]  # fmt: skip
                        chain_check.rows(chunk, check_hashes=check_hashes)
                        for row in chunk:
                            copy.write_row(row)
                conn.execute("UPDATE chain_head SET position = %s, hash = %s", (batch[-1].position, batch[-1].hash))
        except psycopg.errors.UniqueViolation as error:
            raise BulkImportError(
                f"bulk_import: a record clashes with a stored one ({error}); nothing was written"
            ) from error
        return Head(position=batch[-1].position, hash=batch[-1].hash)

    def read_stream(self, stream: str) -> Iterator[Record]:
        with self._pool.connection() as conn:
            return iter(_select(conn, "WHERE stream = %s ORDER BY version", (stream,)))

    def read_all(self, *, after: int = 0) -> Iterator[Record]:
        while True:
            with self._pool.connection() as conn:
                chunk = _select(conn, "WHERE position > %s ORDER BY position LIMIT %s", (after, _READ_CHUNK))
            yield from chunk
            if len(chunk) < _READ_CHUNK:
                return
            after = chunk[-1].position

    def stream_version(self, stream: str) -> int:
        with self._pool.connection() as conn:
            cursor = conn.execute(_STREAM_VERSION, (stream,))
            return int(_one(cursor)[0])

    def head(self) -> Head:
        with self._pool.connection() as conn:
            return _head(conn.execute(_HEAD))

    @contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        """One REPEATABLE READ, READ ONLY transaction: appends meanwhile cannot split the rows from the head."""
        with self._pool.connection() as conn, conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            head = _head(conn.execute(_HEAD))

            def rows() -> Iterator[Row]:
                after = 0
                while chunk := conn.execute(_PAGE, (after, _READ_CHUNK)).fetchall():
                    yield from chunk
                    after = chunk[-1][0]

            yield Snapshot(head=head, rows=rows())

    def verify(self, *, against: str | None = None) -> VerifyResult:
        with self.snapshot() as snapshot:
            return snapshot.verify(against=against)

    def close(self) -> None:
        self._close()


def parse_url(url: str) -> tuple[str, str]:
    """``postgresql://user:password@host:port/database?schema=name`` -> (libpq conninfo, schema).

    ``postgres://`` works too; the schema defaults to ``public``; other query options go to
    libpq (``sslmode=require``, ``connect_timeout=5``, ...), except ``options``, which the
    store uses to set ``search_path``.
    """
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        raise ValueError(f"url: expected postgresql://user@host/database, got {mask_secrets(url)!r}")
    if parts.fragment:
        raise ValueError(f"url: a store URL has no #fragment ({mask_secrets(url)!r}); remove it")
    query = parse_qsl(parts.query, keep_blank_values=True)
    if any(key == "options" for key, _ in query):
        raise ValueError("url: the options parameter is not supported; the store sets search_path from ?schema=")
    schemas = [value for key, value in query if key == "schema"]
    conninfo = urlunsplit(parts._replace(query=urlencode([(k, v) for k, v in query if k != "schema"])))
    return conninfo, schemas[-1] if schemas else "public"


def _configure(conn: psycopg.Connection[Any]) -> None:
    # Explicit, whatever the server's default: the append's locking needs READ COMMITTED.
    conn.isolation_level = psycopg.IsolationLevel.READ_COMMITTED


def _migrate(conn: psycopg.Connection[Any], schema: str) -> None:
    if _schema_version(conn) == len(MIGRATIONS):
        return  # up to date: open without writing, so a read replica or a read-only role can open the store
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        if _one(conn.execute("SELECT count(*) FROM pg_namespace WHERE nspname = %s", (schema,)))[0] == 0:
            conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
        if not _one(conn.execute("SELECT to_regclass('schema_version') IS NOT NULL"))[0]:
            conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        row = conn.execute("SELECT version FROM schema_version").fetchone()
        current = 0 if row is None else int(row[0])
        if current > len(MIGRATIONS):
            raise SchemaError(
                f"schema {schema}: schema version {current} is newer than this npcproc-postgres knows "
                f"({len(MIGRATIONS)}); upgrade npcproc-postgres"
            )
        for script in MIGRATIONS[current:]:
            conn.execute(script)
        if row is None:
            conn.execute("INSERT INTO schema_version VALUES (%s)", (len(MIGRATIONS),))
        else:
            conn.execute("UPDATE schema_version SET version = %s", (len(MIGRATIONS),))


def _check_schema(conn: psycopg.Connection[Any], schema: str) -> None:
    """A store opened read-only must be an npcproc store of this version already: refused, nothing created."""
    version = _schema_version(conn)
    if version is None:
        raise SchemaError(f"schema {schema}: holds no npcproc store (no schema_version table); nothing was created")
    if version != len(MIGRATIONS):
        raise SchemaError(
            f"schema {schema}: schema version {version}, this npcproc-postgres reads {len(MIGRATIONS)}; "
            + ("upgrade npcproc-postgres" if version > len(MIGRATIONS) else "a command that writes migrates it")
        )


def _schema_version(conn: psycopg.Connection[Any]) -> int | None:
    """The schema version recorded in the store's schema, read without locking or writing (None if none)."""
    if not _one(conn.execute("SELECT to_regclass('schema_version') IS NOT NULL"))[0]:
        return None
    row = conn.execute("SELECT version FROM schema_version").fetchone()
    return None if row is None else int(row[0])


class _ChainCheck:
    """Checks that rows continue the chain from ``head``, chunk after chunk; raises BulkImportError if not."""

    def __init__(self, head: Head, versions: dict[str, int]) -> None:
        self._head = head
        self._position, self._previous = head.position, head.hash
        self._versions = versions  # each stream's last version so far

    def rows(self, rows: Sequence[Row], *, check_hashes: bool) -> None:
        expected = hashes(rows) if check_hashes else [row[8] for row in rows]
        versions = self._versions
        for (position, _id, stream, version, _type, _data, _at, prev_hash, hash_), digest in zip(
            rows, expected, strict=True
        ):
            if position != self._position + 1:
                problem = f"expected position {self._position + 1}, found {position}"
            elif prev_hash != self._previous:
                problem = "its prev_hash is not the hash of the record before it"
            elif hash_ != digest:
                problem = "its hash does not match its contents"
            elif version != versions.get(stream, 0) + 1:
                problem = f"stream {stream!r} is at version {versions.get(stream, 0)}, the record has version {version}"
            else:
                self._position, self._previous, versions[stream] = position, hash_, version
                continue
            raise BulkImportError(
                f"bulk_import: the record at position {position} does not continue the chain "
                f"(head at {self._head.position}): {problem}; nothing was written"
            )


class _Isoformat(dict[tuple[datetime.datetime, datetime.tzinfo | None], str]):
    """Timestamps as ISO 8601 text, each formatted once (the records of a batch share one).

    Keyed by time and zone: the same instant at another UTC offset is equal, but its text is not.
    """

    def __missing__(self, key: tuple[datetime.datetime, datetime.tzinfo | None]) -> str:
        value = self[key] = key[0].isoformat()
        return value


def _head(cursor: psycopg.Cursor[Any]) -> Head:
    position, hash_ = _one(cursor)
    return Head(position=int(position), hash=str(hash_))


def _one(cursor: psycopg.Cursor[Any]) -> Any:
    row = cursor.fetchone()
    if row is None:
        raise SchemaError("expected a row, found none: is this an npcproc store?")
    return row


def _row(record: Record, data_json: str, recorded_at: str) -> Row:
    return (
        record.position, record.event_id, record.stream, record.version, record.type,
        data_json, recorded_at, record.prev_hash, record.hash,
    )  # fmt: skip


def _select(conn: psycopg.Connection[Any], where: str, parameters: Sequence[Any]) -> list[Record]:
    cursor = conn.execute(f"SELECT {_COLUMNS} FROM events {where}", parameters)
    records: list[Record] = []
    # A thousand rows at a time: less garbage-collector work than all at once.
    while rows := cursor.fetchmany(_READ_CHUNK):
        records += records_from_rows(rows)
    return records
