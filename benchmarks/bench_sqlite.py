"""SQLite append against raw sqlite3 executemany, measured in the same run.

The baseline inserts rows of the same shape (same columns, indexes and constraints,
ids made the same way) that it builds from the same events with json.dumps, in one
transaction: what a hand-written recorder without hashing or checks would do. Prints time ratios; asserts nothing.
"""

from __future__ import annotations

import datetime
import json
import sqlite3
import time
from pathlib import Path

import attrs
from common import N, events, interleaved

from npcproc.procedures.congress.events import DeputyElected
from npcproc.serialization import unstructure
from npcproc.store.backend import new_event_ids
from npcproc.store.sqlite import MIGRATIONS, SQLiteStore

REPEAT = 7


def raw_executemany(folder: Path, batch: list[DeputyElected]) -> float:
    db = sqlite3.connect(folder / "raw.db", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.executescript(MIGRATIONS[0])
    started = time.perf_counter()
    now = datetime.datetime.now(datetime.UTC).isoformat()
    rows = [
        (n + 1, event_id, "deputies", n + 1, "deputy.elected",
         json.dumps(attrs.asdict(e), default=str, ensure_ascii=False), now, "", "")
        for n, (event_id, e) in enumerate(zip(new_event_ids(len(batch)), batch, strict=True))
    ]  # fmt: skip
    db.execute("BEGIN IMMEDIATE")
    db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.execute("COMMIT")
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed


def npcproc_append(folder: Path, batch: list[DeputyElected]) -> float:
    store = SQLiteStore(str(folder / "npcproc.db"))
    started = time.perf_counter()
    store.append("deputies", batch, expected_version=0)
    elapsed = time.perf_counter() - started
    store.close()
    return elapsed


def main() -> None:
    batch = events()
    unstructure(batch[0])  # build the converter before timing
    raw, ours = interleaved([raw_executemany, npcproc_append], batch, REPEAT)
    print(f"SQLite append of {N:,} events in one call (best of {REPEAT}):")
    print(f"  raw sqlite3 executemany   {raw * 1000:8.1f} ms")
    print(f"  npcproc SQLiteStore       {ours * 1000:8.1f} ms")
    print(f"  ratio raw/npcproc         {raw / ours:8.2f}   (target >= 0.70)")


if __name__ == "__main__":
    main()
