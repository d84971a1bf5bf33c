"""The SQLite backend (``sqlite:///relative.db``, ``sqlite:////absolute.db``): the embedded default.

WAL journal, ``synchronous=FULL`` by default. ``?synchronous=normal`` is faster but may
lose the latest commits on power loss (never corrupts the file). Every append is one
``BEGIN IMMEDIATE`` transaction: SQLite lets one writer in at a time, so positions are
assigned gap-free in commit order, and several processes may open the same file.
"""

from __future__ import annotations

import datetime
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from npcproc.errors import NpcprocError
from npcproc.store.backend import (
    Append,
    CommitCallback,
    ConcurrencyError,
    Head,
    Record,
    Row,
    Sealed,
    Snapshot,
    VerifyResult,
    prepare,
    prepare_many,
    records_from_rows,
    replayed,
    replayed_many,
    seal,
    seal_many,
    utc_now,
)

__all__ = ["MIGRATIONS", "SYNCHRONOUS", "ReadOnlyStoreError", "SQLiteStore", "SchemaError"]

#: Schema migrations, applied in order; the schema_version table records how many ran.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE events (
        position    INTEGER PRIMARY KEY,
        event_id    TEXT NOT NULL UNIQUE,
        stream      TEXT NOT NULL,
        version     INTEGER NOT NULL,
        type        TEXT NOT NULL,
        data        TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        prev_hash   TEXT NOT NULL,
        hash        TEXT NOT NULL,
        UNIQUE (stream, version)
    );
    CREATE TABLE chain_head (
        only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
        position INTEGER NOT NULL,
        hash     TEXT NOT NULL
    );
    INSERT INTO chain_head VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
    """,
)
SYNCHRONOUS = ("full", "normal")
_COLUMNS = "position, event_id, stream, version, type, data, recorded_at, prev_hash, hash"
_READ_CHUNK = 1000
_ID_CHUNK = 500


class SchemaError(NpcprocError):
    """The database file was written by a newer npcproc, or is not an npcproc store."""


class ReadOnlyStoreError(NpcprocError):
    """An append to a store opened read-only (``?mode=ro``); nothing was written."""


class SQLiteStore:
    """An EventStore in one SQLite file. One connection per store object, used under a lock."""

    def __init__(
        self,
        path: str,
        *,
        synchronous: str = "full",
        clock: Callable[[], datetime.datetime] = utc_now,
        on_commit: CommitCallback | None = None,
        read_only: bool = False,
    ) -> None:
        self._on_commit = on_commit
        if synchronous not in SYNCHRONOUS:
            raise ValueError(f"synchronous: must be one of {', '.join(SYNCHRONOUS)}, got {synchronous!r}")
        self.path = path
        self._clock = clock
        self._lock = threading.Lock()
        self.read_only = read_only
        try:
            if read_only:  # never creates, migrates or switches the file to WAL: its bytes stay as they are
                self._db = sqlite3.connect(_read_only_uri(path), uri=True, isolation_level=None,
                                           check_same_thread=False, timeout=60)  # fmt: skip
                self._check_schema()
                return
            self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=60)
            self._refuse_a_foreign_file()
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(f"PRAGMA synchronous={synchronous.upper()}")
        except sqlite3.DatabaseError as error:  # not a database, or one SQLite cannot open
            raise SchemaError(
                f"{path}: cannot be opened as an SQLite database ({error}); nothing was changed"
            ) from None
        self._migrate()

    def _writable(self) -> None:
        if self.read_only:
            raise ReadOnlyStoreError(f"{self.path}: opened read-only (mode=ro); nothing was written")

    def _tables(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def _refuse_a_foreign_file(self) -> None:
        """A database with tables but none of npcproc's is another application's: it is refused, not changed."""
        tables = self._tables()
        if tables and "schema_version" not in tables:
            raise SchemaError(
                f"{self.path}: an SQLite database of another application (tables: {', '.join(sorted(tables)[:5])}),"
                " not an npcproc store; nothing was changed"
            )

    def _check_schema(self) -> None:
        """A store opened read-only must already be an npcproc store of this npcproc's schema version."""
        tables = self._tables()
        if not {"schema_version", "events", "chain_head"} <= tables:
            what = f"tables: {', '.join(sorted(tables)[:5])}" if tables else "no tables"
            raise SchemaError(f"{self.path}: not an npcproc store ({what}); nothing was changed")
        row = self._db.execute("SELECT version FROM schema_version").fetchone()
        current = row[0] if row else 0
        if current != len(MIGRATIONS):
            raise SchemaError(
                f"{self.path}: schema version {current}, this npcproc reads {len(MIGRATIONS)}; "
                + ("upgrade npcproc" if current > len(MIGRATIONS) else "a command that writes migrates it")
            )

    @classmethod
    def from_url(cls, url: str, *, on_commit: CommitCallback | None = None) -> SQLiteStore:
        """``sqlite:///relative/path.db`` or ``sqlite:////absolute/path.db``, optionally ``?synchronous=normal``
        or ``?mode=ro`` (read-only: an existing npcproc store, never written, migrated or switched to WAL)."""
        parts = urlsplit(url)
        path = parts.path[1:] if parts.path.startswith("/") else parts.path
        if parts.scheme != "sqlite" or parts.netloc or not path:
            raise ValueError(f"url: expected sqlite:///path/to/file.db, got {url!r}")
        if parts.fragment:
            raise ValueError(f"url: a store URL has no #fragment ({url!r}); remove it")
        options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        unknown = set(options) - {"synchronous", "mode"}
        if unknown:
            raise ValueError(f"url: unknown option(s) {', '.join(sorted(unknown))}; known: synchronous, mode")
        if options.get("mode", "rw") not in ("ro", "rw"):
            raise ValueError(f"url: mode must be ro or rw, got {options['mode']!r}")
        return cls(path, synchronous=options.get("synchronous", "full").lower(), on_commit=on_commit,
                   read_only=options.get("mode") == "ro")  # fmt: skip

    def _migrate(self) -> None:
        with self._lock, self._transaction():
            self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = self._db.execute("SELECT version FROM schema_version").fetchone()
            current = row[0] if row else 0
            if current > len(MIGRATIONS):
                raise SchemaError(
                    f"{self.path}: schema version {current} is newer than this npcproc knows "
                    f"({len(MIGRATIONS)}); upgrade npcproc"
                )
            for script in MIGRATIONS[current:]:
                for statement in filter(str.strip, script.split(";")):
                    self._db.execute(statement)
            if row is None:
                self._db.execute("INSERT INTO schema_version VALUES (?)", (len(MIGRATIONS),))
            else:
                self._db.execute("UPDATE schema_version SET version = ?", (len(MIGRATIONS),))

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    def append(
        self, stream: str, events: Sequence[object], *, expected_version: int, event_ids: Sequence[str] | None = None
    ) -> tuple[Record, ...]:
        self._writable()
        pending = prepare(stream, events, event_ids)
        if not pending.datas:
            return ()
        with self._lock, self._transaction():
            if not pending.fresh_ids:
                earlier = replayed(pending, self._with_ids(pending.event_ids))
                if earlier is not None:
                    return earlier
            version = self._stream_version(stream)
            if version != expected_version:
                raise ConcurrencyError(stream, expected_version, version)
            sealed = seal(pending, head=self._head(), version=version, recorded_at=self._clock())
            records = sealed.records
            self._insert(sealed)
            self._db.execute("UPDATE chain_head SET position = ?, hash = ?", (records[-1].position, records[-1].hash))
        if self._on_commit is not None:
            self._on_commit(records)
        return records

    def append_many(self, appends: Sequence[Append]) -> tuple[Record, ...]:
        self._writable()
        prepared = prepare_many(appends)
        with self._lock, self._transaction():
            found = [
                (pending, [] if pending.fresh_ids else self._with_ids(pending.event_ids)) for pending, _ in prepared
            ]
            earlier = replayed_many(found)
            if earlier is not None:
                return earlier
            versions = [self._stream_version(pending.stream) for pending, _ in prepared]
            sealed = seal_many(prepared, versions, head=self._head(), recorded_at=self._clock())
            for batch in sealed:
                self._insert(batch)
            records = tuple(record for batch in sealed for record in batch.records)
            if records:
                self._db.execute(
                    "UPDATE chain_head SET position = ?, hash = ?", (records[-1].position, records[-1].hash)
                )
        if records and self._on_commit is not None:
            self._on_commit(records)
        return records

    def read_stream(self, stream: str) -> Iterator[Record]:
        with self._lock:
            return iter(self._select("WHERE stream = ? ORDER BY version", (stream,)))

    def read_all(self, *, after: int = 0) -> Iterator[Record]:
        while True:
            with self._lock:
                chunk = self._select("WHERE position > ? ORDER BY position LIMIT ?", (after, _READ_CHUNK))
            yield from chunk
            if len(chunk) < _READ_CHUNK:
                return
            after = chunk[-1].position

    def stream_version(self, stream: str) -> int:
        with self._lock:
            return self._stream_version(stream)

    def head(self) -> Head:
        with self._lock:
            return self._head()

    @contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        """One read transaction on a read-only connection of its own: WAL gives it a fixed snapshot, and
        appends by this store object (or any other) go on meanwhile. An in-memory database has only this
        store's connection, so its snapshot is read whole under the store's lock."""
        if self.path in ("", ":memory:"):
            with self._lock, self._transaction():
                head, rows = (
                    self._head(),
                    self._db.execute(f"SELECT {_COLUMNS} FROM events ORDER BY position").fetchall(),
                )
            yield Snapshot(head=head, rows=rows)
            return
        reader = sqlite3.connect(_read_only_uri(self.path), uri=True, isolation_level=None)
        try:
            reader.execute("BEGIN")
            position, hash_ = reader.execute("SELECT position, hash FROM chain_head").fetchone()
            cursor = reader.execute(f"SELECT {_COLUMNS} FROM events ORDER BY position")
            yield Snapshot(head=Head(position=position, hash=hash_), rows=_fetched(cursor))
        finally:
            reader.close()

    def verify(self, *, against: str | None = None) -> VerifyResult:
        with self.snapshot() as snapshot:
            return snapshot.verify(against=against)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _stream_version(self, stream: str) -> int:
        row = self._db.execute("SELECT COALESCE(MAX(version), 0) FROM events WHERE stream = ?", (stream,)).fetchone()
        return int(row[0])

    def _head(self) -> Head:
        position, hash_ = self._db.execute("SELECT position, hash FROM chain_head").fetchone()
        return Head(position=position, hash=hash_)

    def _insert(self, sealed: Sealed) -> None:
        stamp = sealed.records[0].recorded_at.isoformat()
        self._db.executemany(
            f"INSERT INTO events ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            # A generator: each row is freed once bound, sparing the garbage collector 10,000s of tuples.
            (
                (r.position, r.event_id, r.stream, r.version, r.type, data_json, stamp, r.prev_hash, r.hash)
                for r, data_json in zip(sealed.records, sealed.data_json, strict=True)
            ),
        )

    def _with_ids(self, event_ids: Sequence[str]) -> list[Record]:
        found = []
        for start in range(0, len(event_ids), _ID_CHUNK):  # SQLite caps the parameters of one statement
            chunk = event_ids[start : start + _ID_CHUNK]
            found += self._select(f"WHERE event_id IN ({','.join('?' * len(chunk))})", chunk)
        return found

    def _select(self, where: str, parameters: Sequence[Any]) -> list[Record]:
        cursor = self._db.execute(f"SELECT {_COLUMNS} FROM events {where}", parameters)
        records: list[Record] = []
        # A thousand rows at a time: about a fifth faster than all at once (less garbage-collector work).
        while rows := cursor.fetchmany(_READ_CHUNK):
            records += records_from_rows(rows)
        return records


def _read_only_uri(path: str) -> str:
    return f"{Path(path).absolute().as_uri()}?mode=ro"


def _fetched(cursor: sqlite3.Cursor) -> Iterator[Row]:
    while rows := cursor.fetchmany(_READ_CHUNK):
        yield from rows


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error: all or nothing."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")
