"""npcproc's SQLite append + replay against the `eventsourcing` package's SQLite recorder.

Same 10,000 events, one stream, one append call, then the stream read back and decoded
into event objects. eventsourcing's application recorder (global positions, like ours)
gets the events pre-serialized with json.dumps and decodes with json.loads; npcproc
serializes, hashes and chains each record and decodes through cattrs. Prints ratios.
"""

from __future__ import annotations

import datetime
import json
import time
import uuid
from pathlib import Path

import attrs
from common import N, events, interleaved
from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteDatastore

from npcproc.procedures.congress.events import DeputyElected
from npcproc.serialization import event_from_data
from npcproc.store.sqlite import SQLiteStore

REPEAT = 7
TOPIC = "npcproc.events:DeputyElected"


def with_eventsourcing(folder: Path, batch: list[DeputyElected]) -> float:
    datastore = SQLiteDatastore(str(folder / "es.db"))
    recorder = SQLiteApplicationRecorder(datastore)
    recorder.create_table()
    stream = uuid.uuid4()
    started = time.perf_counter()
    stored = [
        StoredEvent(
            originator_id=stream, originator_version=n + 1, topic=TOPIC,
            state=json.dumps(attrs.asdict(e), default=str, ensure_ascii=False).encode(),
        )
        for n, e in enumerate(batch)
    ]  # fmt: skip
    recorder.insert_events(stored)
    replayed = []
    for record in recorder.select_events(stream):
        fields = json.loads(record.state)
        fields["on"] = datetime.date.fromisoformat(fields["on"])
        replayed.append(DeputyElected(**fields))
    elapsed = time.perf_counter() - started
    assert replayed == batch
    datastore.close()
    return elapsed


def with_npcproc(folder: Path, batch: list[DeputyElected]) -> float:
    store = SQLiteStore(str(folder / "npcproc.db"))
    started = time.perf_counter()
    store.append("deputies", batch, expected_version=0)
    replayed = [event_from_data(record.type, record.data) for record in store.read_stream("deputies")]
    elapsed = time.perf_counter() - started
    assert replayed == batch
    store.close()
    return elapsed


def main() -> None:
    batch = events()
    theirs, ours = interleaved([with_eventsourcing, with_npcproc], batch, REPEAT)
    print(f"SQLite append + replay of {N:,} events (best of {REPEAT}):")
    print(f"  eventsourcing SQLiteApplicationRecorder  {theirs * 1000:8.1f} ms")
    print(f"  npcproc SQLiteStore                      {ours * 1000:8.1f} ms")
    print(f"  ratio eventsourcing/npcproc              {theirs / ours:8.2f}   (target > 1.00)")


if __name__ == "__main__":
    main()
