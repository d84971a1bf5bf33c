"""Ingest of the simulated province at doubling scales, on SQLite and PostgreSQL; time and peak memory ratios.

Each scale runs ``simulate.py`` in a fresh process into a fresh store, so the peak RSS of one
scale cannot leak into the next; the store is then checked with ``npcproc verify --store URL``. Printed:
seconds, events per second and peak RSS per scale, and the ratios between consecutive
scales (linear growth is 2.0 for time and 1.0 for memory). Wall time on a shared machine is
noisy; the client's CPU time (user + system of the simulating process) is printed beside it.

The ladder is 1/8, 1/4, 1/2 and the whole province of 1,134 townships (about 25 minutes on
two cores, both backends). ``NPCPROC_BENCH_QUICK=1`` runs 1/64, 1/32, 1/16 and 1/8 instead
(a few minutes); ``NPCPROC_BENCH_BACKENDS=sqlite`` skips PostgreSQL.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from fractions import Fraction
from pathlib import Path

HERE = Path(__file__).parent
QUICK = os.environ.get("NPCPROC_BENCH_QUICK") == "1"
SCALES = (
    [Fraction(1, n) for n in (64, 32, 16, 8)]
    if QUICK
    else [Fraction(1, 8), Fraction(1, 4), Fraction(1, 2), Fraction(1)]
)
BACKENDS = os.environ.get("NPCPROC_BENCH_BACKENDS", "sqlite,postgresql").split(",")
SERVER = "postgresql://{user}@127.0.0.1:5432/test"
TIME_TARGET = 2.3  # doubling the province at most 2.3x the time
MEMORY_TARGET = 1.10  # peak RSS of the largest scale over the smallest


def postgres_server() -> str | None:
    try:
        import psycopg
    except ImportError:
        return None
    for user in ("postgres", "root"):
        try:
            with psycopg.connect(SERVER.format(user=user), connect_timeout=3):
                return SERVER.format(user=user)
        except psycopg.OperationalError:
            continue
    return None


def run_simulation(url: str, scale: Fraction) -> dict[str, float]:
    """One scale in a fresh interpreter; its JSON line (townships, commands, events, seconds, peak_rss_kib)."""
    command = [sys.executable, str(HERE / "simulate.py"), "--store", url, "--scale", str(float(scale))]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def verify(url: str) -> tuple[bool, int, float]:
    """``npcproc verify --store URL``, the command an operator runs, in its own process."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "npcproc", "verify", "--store", url, "--lang", "en"], capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    ok = done.returncode == 0 and done.stdout.startswith("ok: ")
    checked = int(done.stdout.split()[1]) if ok else 0
    return ok, checked, elapsed


def ladder(name: str, make_url: object, drop: object) -> list[dict[str, float]]:
    rows = []
    for scale in SCALES:
        url = make_url()  # type: ignore[operator]
        try:
            row = run_simulation(url, scale)
            ok, checked, verify_seconds = verify(url)
            assert ok, f"{name} {scale}: the hash chain does not verify"
            assert checked == row["events"], f"{name} {scale}: verify counted {checked} of {row['events']} events"
            row.update(scale=float(scale), verify_seconds=verify_seconds)
            rows.append(row)
            rate = row["events"] / row["seconds"]
            print(f"  {name:10} {scale!s:>5}  {row['townships']:5.0f} townships  {row['events']:9,.0f} events  "
                  f"{row['seconds']:7.1f} s (CPU {row['cpu_seconds']:6.1f} s)  {rate:7,.0f} ev/s  "
                  f"peak {row['peak_rss_kib'] / 1024:6.1f} MiB  "
                  f"verify {verify_seconds:5.1f} s ok", flush=True)  # fmt: skip
        finally:
            drop(url)  # type: ignore[operator]
    return rows


def report(name: str, rows: list[dict[str, float]]) -> None:
    for small, large in itertools.pairwise(rows):
        ratio = large["seconds"] / small["seconds"]
        cpu = large["cpu_seconds"] / small["cpu_seconds"]
        print(f"  {name:10} time {Fraction(large['scale']).limit_denominator()!s:>3} / "
              f"{Fraction(small['scale']).limit_denominator()!s:<4}  wall {ratio:5.2f}  client CPU {cpu:5.2f}"
              f"   (target <= {TIME_TARGET})")  # fmt: skip
    memory = rows[-1]["peak_rss_kib"] / rows[0]["peak_rss_kib"]
    print(f"  {name:10} peak RSS largest / smallest scale  {memory:5.2f}   (target <= {MEMORY_TARGET:.2f})")


def main() -> None:
    results = {}
    print(f"Ingest of the simulated province ({'quick ladder' if QUICK else '1/8 to the whole province'}):")
    with tempfile.TemporaryDirectory() as folder:
        if "sqlite" in BACKENDS:
            paths = iter(range(len(SCALES)))

            def sqlite_url() -> str:
                return f"sqlite:///{folder}/province-{next(paths)}.db"

            results["SQLite"] = ladder("SQLite", sqlite_url, lambda url: None)
    if "postgresql" in BACKENDS:
        server = postgres_server()
        if server is None:
            print("  PostgreSQL: no server on 127.0.0.1:5432 (database test); skipped")
        else:
            import psycopg

            def pg_url() -> str:
                schema = f"bench_{uuid.uuid4().hex[:12]}"
                with psycopg.connect(server, autocommit=True) as conn:
                    conn.execute(f"CREATE SCHEMA {schema}")
                return f"{server}?schema={schema}"

            def pg_drop(url: str) -> None:
                schema = url.rsplit("schema=", 1)[1]
                with psycopg.connect(server, autocommit=True) as conn:
                    conn.execute(f"DROP SCHEMA {schema} CASCADE")

            results["PostgreSQL"] = ladder("PostgreSQL", pg_url, pg_drop)
    print("Ratios:")
    for name, rows in results.items():
        report(name, rows)


if __name__ == "__main__":
    main()
