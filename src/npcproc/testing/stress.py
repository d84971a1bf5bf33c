"""Concurrency and crash harnesses for backends: writers racing, a tailing reader, SIGKILL.

Both take an ``opener``: a picklable callable that opens the backend's store (for
example ``functools.partial(SQLiteStore, path)``), called once per writer, thread or
process, so every writer has its own connection as separate programs would.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import tempfile
import threading
import time
from collections.abc import Callable
from typing import Any

import attrs

from npcproc.errors import ConcurrencyError
from npcproc.serialization import event_from_data
from npcproc.store.backend import EventStore, verify_records
from npcproc.testing.backends import Noted

__all__ = [
    "CrashReport",
    "ImportCrashReport",
    "RaceReport",
    "SnapshotReport",
    "crash_loop",
    "import_crash_loop",
    "race",
    "snapshot_race",
]

Opener = Callable[[], EventStore]
# Forking a process with live threads (a tailing reader, a connection pool) can copy a held
# lock into the child and hang it; the fork server forks from a clean single-threaded process.
_processes = multiprocessing.get_context("forkserver")


@attrs.frozen(kw_only=True)
class RaceReport:
    """Per round, how many writers won and lost; and the positions the tailing reader saw."""

    winners: tuple[int, ...]
    losers: tuple[int, ...]
    tailed: tuple[int, ...]


def _writer(opener: Opener, barrier: Any, rounds: int, results: Any) -> None:
    try:
        store = opener()
        try:
            for round_ in range(rounds):
                barrier.wait(timeout=60)
                try:
                    store.append(f"round-{round_}", [Noted(n=round_)], expected_version=0)
                    results.put((round_, True))
                except ConcurrencyError:
                    results.put((round_, False))
        finally:
            store.close()
    except BaseException as exc:  # reported to the parent, which fails at once instead of timing out
        results.put((-1, repr(exc)))
        raise


def _tail(opener: Opener, until: int, seen: list[int], deadline: float) -> None:
    store = opener()
    try:
        last = 0
        while last < until and time.monotonic() < deadline:
            for record in store.read_all(after=last):
                seen.append(record.position)
                last = record.position
            time.sleep(0.001)
    finally:
        store.close()


def race(opener: Opener, *, writers: int, rounds: int, processes: bool, timeout: float = 600) -> RaceReport:
    """``writers`` writers append to the same new stream at version 0, ``rounds`` times, in lock step.

    Exactly one should win each round. A reader tails the log meanwhile; it should see
    every position once, in order.
    """
    if processes:
        barrier: Any = _processes.Barrier(writers)
        results: Any = _processes.Queue()
        workers: list[Any] = [
            _processes.Process(target=_writer, args=(opener, barrier, rounds, results)) for _ in range(writers)
        ]
    else:
        import queue

        barrier, results = threading.Barrier(writers), queue.Queue()
        workers = [threading.Thread(target=_writer, args=(opener, barrier, rounds, results)) for _ in range(writers)]
    probe = opener()
    start = probe.head().position
    probe.close()
    seen: list[int] = []
    # Daemon threads and a finally that ends the processes: a failed race must not hang the test run.
    reader = threading.Thread(
        target=_tail, args=(opener, start + rounds, seen, time.monotonic() + timeout), daemon=True
    )
    reader.start()
    for worker in workers:
        worker.daemon = True
        worker.start()
    wins, losses = [0] * rounds, [0] * rounds
    try:
        for _ in range(writers * rounds):
            round_, won = results.get(timeout=timeout)
            if round_ < 0:
                raise RuntimeError(f"a writer failed: {won}")
            (wins if won else losses)[round_] += 1
        for worker in workers:
            worker.join(timeout)
        reader.join(timeout)
    finally:
        for worker in workers:
            if processes and worker.is_alive():
                worker.terminate()
    return RaceReport(winners=tuple(wins), losers=tuple(losses), tailed=tuple(p - start for p in seen))


@attrs.frozen(kw_only=True)
class CrashReport:
    """What survived ``kills`` SIGKILLs: acknowledged batches, batches found partial, verify results."""

    kills: int
    acknowledged: int
    missing: tuple[str, ...]
    partial: tuple[str, ...]
    unverified: tuple[str, ...]


BATCH = 5


def _append_forever(opener: Opener, first: int, ack_path: str) -> None:
    store = opener()
    batch = first
    ack = os.open(ack_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    while True:
        store.append(f"batch-{batch}", [Noted(n=batch * BATCH + i) for i in range(BATCH)], expected_version=0)
        os.write(ack, f"{batch}\n".encode())  # acknowledged only once append has returned
        batch += 1


def _acknowledged(ack_path: str) -> list[int]:
    """Batches acknowledged in the file; a line cut short by the kill is no acknowledgement."""
    with open(ack_path, encoding="ascii") as acks:
        text = acks.read()
    return [int(line) for line in text.split("\n")[:-1]]


def crash_loop(opener: Opener, *, kills: int = 50, seed: int = 0) -> CrashReport:
    """Kill a process that appends batches in a loop, ``kills`` times, checking the store after each.

    Each kill comes at a random moment after the writer has acknowledged its first batch.
    After every kill, each acknowledged batch must be wholly present, no batch partly
    present, and ``verify()`` must pass.
    """
    chance = random.Random(seed)
    acknowledged: set[int] = set()
    missing: list[str] = []
    partial: list[str] = []
    unverified: list[str] = []
    next_batch = 0
    with tempfile.TemporaryDirectory() as folder:
        for kill in range(kills):
            ack_path = os.path.join(folder, f"acks-{kill}")
            child = _processes.Process(target=_append_forever, args=(opener, next_batch, ack_path))
            child.start()
            deadline = time.monotonic() + 60
            while not (os.path.exists(ack_path) and os.path.getsize(ack_path)) and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(chance.uniform(0.0, 0.1))
            os.kill(child.pid or 0, signal.SIGKILL)
            child.join()
            if os.path.exists(ack_path):
                acknowledged.update(_acknowledged(ack_path))
            store = opener()
            try:
                counts: dict[int, int] = {}
                for record in store.read_all():
                    assert isinstance(event_from_data(record.type, record.data), Noted)
                    batch = int(record.stream.removeprefix("batch-"))
                    counts[batch] = counts.get(batch, 0) + 1
                missing += [f"kill {kill}: batch {b}" for b in sorted(acknowledged) if counts.get(b) != BATCH]
                partial += [f"kill {kill}: batch {b} has {n}" for b, n in sorted(counts.items()) if n != BATCH]
                result = store.verify()
                if not result:
                    unverified.append(f"kill {kill}: position {result.bad_position}: {result.problem}")
                next_batch = max(counts, default=-1) + 1
            finally:
                store.close()
    return CrashReport(
        kills=kills,
        acknowledged=len(acknowledged),
        missing=tuple(missing),
        partial=tuple(partial),
        unverified=tuple(unverified),
    )


@attrs.frozen(kw_only=True)
class SnapshotReport:
    """What the reader saw while writers appended: its verifies and exports, and every false alarm."""

    appended: int
    verifies: int
    exports: int
    during: int  # snapshots whose head lay strictly between the empty and the final log
    failures: tuple[str, ...]


def _appender(opener: Opener, stream: str, count: int, results: Any) -> None:
    try:
        store = opener()
        try:
            for n in range(count):
                store.append(stream, [Noted(n=n)], expected_version=n)
        finally:
            store.close()
        results.put("")
    except BaseException as exc:  # reported to the parent
        results.put(repr(exc))
        raise


def snapshot_race(opener: Opener, *, writers: int = 8, appends: int = 1000) -> SnapshotReport:
    """``writers`` processes append ``appends`` records in all, one per append, while this process verifies
    the store and exports it (``snapshot().records()``) over and over.

    An intact chain must always verify, and each export's records must end at the head it was read with.
    """
    if appends % writers:
        raise ValueError(f"appends: {appends} is not a multiple of writers ({writers})")
    results = _processes.Queue()
    workers = [
        _processes.Process(target=_appender, args=(opener, f"writer-{w}", appends // writers, results))
        for w in range(writers)
    ]
    for worker in workers:
        worker.start()
    store = opener()
    failures: list[str] = []
    verifies = exports = during = 0
    try:
        finished = False
        while not finished:
            finished = not any(worker.is_alive() for worker in workers)  # one more round after the last append
            result = store.verify()
            verifies += 1
            if not result:
                failures.append(f"verify {verifies}: {result.problem} at {result.bad_position}")
            with store.snapshot() as snapshot:
                head, records = snapshot.head, list(snapshot.records())
            exports += 1
            during += 0 < head.position < appends
            if not verify_records(records, head=head):
                failures.append(f"export {exports}: its {len(records)} records do not end at its head {head}")
    finally:
        for worker in workers:
            worker.join(timeout=120)
        store.close()
    failures += [f"writer: {error}" for error in (results.get(timeout=10) for _ in workers) if error]
    if head.position != appends:
        failures.append(f"the log ends at {head.position}, not {appends}")
    return SnapshotReport(appended=head.position, verifies=verifies, exports=exports, during=during,
                          failures=tuple(failures))  # fmt: skip


_IMPORTER = """
import sys
from npcproc.plugins import load_rules
from npcproc.record.importer import stage_record, write_staged
from npcproc.record.load import load_record
from npcproc.store import open_store

record = load_record(sys.argv[1])
staged = stage_record(record, load_rules(record.province))
store = open_store(sys.argv[2])
print("staged", flush=True)
write_staged(staged, store)
store.close()
print("written", flush=True)
"""


@attrs.frozen(kw_only=True)
class ImportCrashReport:
    """After each SIGKILL of an import: did the store hold what it held before, or that and the whole record?"""

    kills: int
    before: int  # kills after which the store held exactly what it held before the import
    whole: int  # kills that came too late: the import had committed
    broken: tuple[str, ...]  # anything else: a partial import, or a store that does not verify


def import_crash_loop(urls: Callable[[], str], record: str, *, kills: int = 20, seed: int = 0) -> ImportCrashReport:
    """Import ``record`` into a fresh store from ``urls()`` (holding three records already), ``kills`` times,
    each time killing the importing process with SIGKILL at a random moment while it writes.

    The importer plays the record first and says when it starts writing; the kill falls between that
    moment and the time a whole write takes (measured once), so it lands inside the write's transaction.
    """
    import subprocess
    import sys

    from npcproc.store import open_store

    def start(url: str) -> tuple[subprocess.Popen[str], float]:
        store = open_store(url)
        store.append("before-the-import", [Noted(n=n) for n in range(3)], expected_version=0)
        store.close()
        child = subprocess.Popen([sys.executable, "-c", _IMPORTER, record, url], stdout=subprocess.PIPE, text=True)
        if child.stdout is None or child.stdout.readline().strip() != "staged":
            raise RuntimeError(f"the importer did not stage {record}")
        return child, time.perf_counter()

    child, began = start(urls())
    if child.stdout is None or child.stdout.readline().strip() != "written":
        raise RuntimeError(f"the importer did not write {record}")
    writing = time.perf_counter() - began
    _reap(child)
    choose = random.Random(seed)
    counts = {"before": 0, "whole": 0}
    broken: list[str] = []
    for kill in range(kills):
        url = urls()
        child, began = start(url)
        time.sleep(max(0.0, choose.uniform(0, writing) - (time.perf_counter() - began)))
        child.send_signal(signal.SIGKILL)
        _reap(child)
        store = open_store(url)
        try:
            streams = {record.stream for record in store.read_all()}
            verified = store.verify()
        finally:
            store.close()
        if not verified:
            broken.append(f"kill {kill}: the store does not verify: {verified.problem}")
        elif streams == {"before-the-import"}:
            counts["before"] += 1
        elif len(streams) > 1 and _whole(url, record):
            counts["whole"] += 1
        else:
            broken.append(f"kill {kill}: the store holds part of the record ({len(streams) - 1} of its streams)")
    return ImportCrashReport(kills=kills, before=counts["before"], whole=counts["whole"], broken=tuple(broken))


def _reap(child: Any) -> None:
    child.wait()
    if child.stdout is not None:
        child.stdout.close()


def _whole(url: str, record: str) -> bool:
    """Whether the store at ``url`` holds every event a fresh import of ``record`` writes."""
    from npcproc.plugins import load_rules
    from npcproc.record.importer import stage_record
    from npcproc.record.load import load_record
    from npcproc.store import open_store

    loaded = load_record(record)
    staged = stage_record(loaded, load_rules(loaded.province))
    store = open_store(url)
    try:
        stored = {(r.stream, r.version) for r in store.read_all() if r.stream != "before-the-import"}
    finally:
        store.close()
    return stored == {(r.stream, r.version) for r in staged.records}
