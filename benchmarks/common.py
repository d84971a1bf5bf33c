"""What the benchmarks share: the same 10,000 events, and best-of-N timing in fresh folders."""

from __future__ import annotations

import datetime
import tempfile
from collections.abc import Callable
from pathlib import Path

from npcproc.events import DeputyElected
from npcproc.serialization import unstructure

N = 10_000


def events(count: int = N) -> list[DeputyElected]:
    """``count`` deputy elections; the converter is built before any timing starts."""
    batch = [
        DeputyElected(congress_id="c1", term=1, deputy_id=f"d{n}", name=f"代表{n}", on=datetime.date(2022, 1, 5))
        for n in range(count)
    ]
    unstructure(batch[0])
    return batch


def best(measure: Callable[[Path, list[DeputyElected]], float], batch: list[DeputyElected], repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``measure``, each in a new temporary folder."""
    times = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            times.append(measure(Path(folder), batch))
    return min(times)
