"""Replay of one township's five-year term against json-decoding the same rows; the fold cache on and off.

The term (township 1 of the simulated province, five years) is written through the
procedures into a fresh SQLite file, once with the fold cache and once without it (each
command then re-reads and re-folds its streams, as before the cache): the ratio is the
cache's speed-up. Replay reads the whole file through the store, decodes every record into
its event and folds every stream into its state. The baseline reads the same rows with
sqlite3 and ``json.loads`` each ``data`` column. Prints the cost per event and the ratio.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import simulate

from npcproc.procedures import base
from npcproc.procedures.congress.state import fold_congress
from npcproc.procedures.election.state import fold_election
from npcproc.procedures.inquiry.commands import fold_inquiry
from npcproc.procedures.livelihood.state import fold_livelihood
from npcproc.procedures.presidium.commands import fold_presidium
from npcproc.procedures.session.state import fold_session
from npcproc.procedures.suggestion.state import fold_suggestions
from npcproc.procedures.supervision.state import fold_supervision
from npcproc.serialization import event_from_data
from npcproc.store.sqlite import SQLiteStore

REPEAT = 5
TOWNSHIP = 1
YEARS = 5
REPLAY_TARGET = 3.0
FOLDS: list[tuple[str, Callable[[Sequence[object]], Any]]] = [
    ("congress-", fold_congress), ("session-", fold_session), ("election-", fold_election),
    ("suggestions-", fold_suggestions), ("supervision-", fold_supervision), ("livelihood-", fold_livelihood),
    ("presidium-", fold_presidium), ("inquiry-", fold_inquiry),
]  # fmt: skip


def fold_for(stream: str) -> Callable[[Sequence[object]], Any] | None:
    if "-round-" in stream:  # a round's secret ballots: decoded, never folded into a state
        return None
    return next((fold for prefix, fold in FOLDS if stream.startswith(prefix)), None)


def write_term(path: Path, *, cached: bool) -> tuple[float, int, int]:
    """Seconds, commands and events to write the term through the procedures."""
    saved = base.cache_for
    if not cached:
        base.cache_for = lambda store: None  # type: ignore[assignment]
    try:
        result = simulate.simulate(f"sqlite:///{path}", township=TOWNSHIP, years=YEARS)
    finally:
        base.cache_for = saved
    return result.seconds, result.commands, result.events


def replay(path: Path) -> tuple[float, int]:
    store = SQLiteStore(str(path))
    started = time.perf_counter()
    streams: dict[str, list[object]] = defaultdict(list)
    count = 0
    for record in store.read_all():
        streams[record.stream].append(event_from_data(record.type, record.data))
        count += 1
    states = {}
    for stream, events in streams.items():
        fold = fold_for(stream)
        if fold is not None:
            states[stream] = fold(events)
    elapsed = time.perf_counter() - started
    store.close()
    assert states, "nothing folded"
    return elapsed, count


def json_decode(path: Path) -> tuple[float, int]:
    db = sqlite3.connect(path)
    started = time.perf_counter()
    decoded = [json.loads(data) for (data,) in db.execute("SELECT data FROM events ORDER BY position")]
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed, len(decoded)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        cached = Path(folder) / "cached.db"
        uncached = Path(folder) / "uncached.db"
        with_cache, commands, events = write_term(cached, cached=True)
        without_cache, _commands, _events = write_term(uncached, cached=False)
        replayed = min(replay(cached)[0] for _ in range(REPEAT))
        count = replay(cached)[1]
        decoded = min(json_decode(cached)[0] for _ in range(REPEAT))
    assert count == events
    print(f"One township's five-year term: {commands:,} commands, {events:,} events (SQLite, synchronous=full):")
    print(f"  written with the fold cache      {with_cache:8.2f} s   {with_cache / commands * 1e6:7.0f} µs/command")
    print(f"  written re-folding every command {without_cache:8.2f} s   "
          f"{without_cache / commands * 1e6:7.0f} µs/command")  # fmt: skip
    print(f"  ratio uncached/cached            {without_cache / with_cache:8.2f}")
    print(f"Replay of the term (best of {REPEAT}):")
    print(f"  sqlite3 + json.loads of the rows {decoded / count * 1e6:8.2f} µs/event")
    print(f"  read_all + decode + fold         {replayed / count * 1e6:8.2f} µs/event")
    print(f"  ratio replay/json                {replayed / decoded:8.2f}   (target <= {REPLAY_TARGET:.1f})")


if __name__ == "__main__":
    main()
