"""PostgreSQL append and COPY bulk import against raw psycopg executemany, in the same run.

Needs the server on 127.0.0.1:5432 (database ``test``) and npcproc-postgres installed.
The baseline inserts rows of the same shape into a table with the same columns and
constraints, from the same events, with psycopg's executemany in one transaction.
npcproc writes an append this large, and every bulk import, with binary COPY. Every
measure starts with an open connection, and they take turns. Prints time ratios; asserts
nothing.
"""

from __future__ import annotations

import datetime
import functools
import gc
import json
import time
import uuid

import attrs
import psycopg
from common import N, events
from npcproc_postgres.store import MIGRATIONS, PostgresStore

from npcproc.procedures.congress.events import DeputyElected
from npcproc.store import MemoryStore
from npcproc.store.backend import new_event_ids

REPEAT = 5
SERVER = "postgresql://{user}@127.0.0.1:5432/test"


def url() -> str:
    for user in ("postgres", "root"):
        try:
            with psycopg.connect(SERVER.format(user=user), connect_timeout=3):
                return SERVER.format(user=user)
        except psycopg.OperationalError:
            continue
    raise SystemExit("no PostgreSQL server on 127.0.0.1:5432 (database test); start it and run again")


def fresh_schema(server: str) -> str:
    name = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    return name


def drop(server: str, schema: str) -> None:
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def raw_executemany(server: str, batch: list[DeputyElected]) -> float:
    schema = fresh_schema(server)
    try:
        with psycopg.connect(server, options=f"-c search_path={schema}") as conn:
            conn.execute(MIGRATIONS[0])
            conn.commit()
            started = time.perf_counter()
            now = datetime.datetime.now(datetime.UTC).isoformat()
            rows = [
                (n + 1, event_id, "deputies", n + 1, "deputy.elected",
                 json.dumps(attrs.asdict(e), default=str, ensure_ascii=False), now, "", "")
                for n, (event_id, e) in enumerate(zip(new_event_ids(len(batch)), batch, strict=True))
            ]  # fmt: skip
            with conn.cursor() as cursor:
                cursor.executemany("INSERT INTO events VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)", rows)
            conn.commit()
            return time.perf_counter() - started
    finally:
        drop(server, schema)


def npcproc_append(server: str, batch: list[DeputyElected]) -> float:
    schema = fresh_schema(server)
    store = PostgresStore.from_url(f"{server}?schema={schema}")
    try:
        store.head()  # the pool connects in the background: wait for it, as the baseline connects before timing
        started = time.perf_counter()
        store.append("deputies", batch, expected_version=0)
        return time.perf_counter() - started
    finally:
        store.close()
        drop(server, schema)


def npcproc_bulk_import(server: str, batch: list[DeputyElected], *, check_hashes: bool = True) -> float:
    source = MemoryStore()
    source.append("deputies", batch, expected_version=0)
    records = list(source.read_all())
    schema = fresh_schema(server)
    store = PostgresStore.from_url(f"{server}?schema={schema}")
    try:
        store.head()  # the pool connects in the background: wait for it, as the baseline connects before timing
        started = time.perf_counter()
        store.bulk_import(records, check_hashes=check_hashes)
        return time.perf_counter() - started
    finally:
        store.close()
        drop(server, schema)


def main() -> None:
    server = url()
    batch = events()
    measures = [
        raw_executemany,
        npcproc_append,
        npcproc_bulk_import,
        functools.partial(npcproc_bulk_import, check_hashes=False),
    ]
    # In turns (a, b, c, d, d, c, b, a, ...), so each measure meets the same stretches of load.
    times: list[list[float]] = [[] for _ in measures]
    for round_ in range(REPEAT):
        order = list(enumerate(measures))
        for index, measure in order if round_ % 2 == 0 else reversed(order):
            gc.collect()  # each measure starts from the same heap, not one a previous run left garbage in
            times[index].append(measure(server, batch))
    raw, ours, bulk, trusted = (min(found) for found in times)
    print(f"PostgreSQL, {N:,} events (best of {REPEAT}):")
    print(f"  raw psycopg executemany      {raw * 1000:8.1f} ms")
    print(f"  npcproc PostgresStore.append {ours * 1000:8.1f} ms")
    print(f"  npcproc bulk_import (COPY)   {bulk * 1000:8.1f} ms   (every hash recomputed)")
    print(f"  bulk_import, links only      {trusted * 1000:8.1f} ms   (check_hashes=False)")
    print(f"  ratio raw/append             {raw / ours:8.2f}   (target >= 0.60)")
    print(f"  ratio raw/bulk import        {raw / bulk:8.2f}   (target >= 2.50)")
    print(f"  ratio raw/bulk, links only   {raw / trusted:8.2f}   (target >= 2.50)")


if __name__ == "__main__":
    main()
