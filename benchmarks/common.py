"""What the benchmarks share: the same 10,000 events, and best-of-N timing in fresh folders."""

from __future__ import annotations

import datetime
import gc
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from npcproc.procedures.congress.events import DeputyElected
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
    return interleaved([measure], batch, repeat)[0]


def interleaved(
    measures: Sequence[Callable[[Path, list[DeputyElected]], float]], batch: list[DeputyElected], repeat: int
) -> list[float]:
    """The fastest of ``repeat`` runs of each measure, taking turns (a, b, b, a, ...), each in a new folder.

    Taking turns exposes every measure to the same stretches of a shared machine's load
    and disk, so the ratios between them do not depend on which one happened to run later.
    """
    times: list[list[float]] = [[] for _ in measures]
    for round_ in range(repeat):
        order = list(enumerate(measures))
        for index, measure in order if round_ % 2 == 0 else reversed(order):
            with tempfile.TemporaryDirectory() as folder:
                gc.collect()  # each measure starts from the same heap, not one a previous run left garbage in
                times[index].append(measure(Path(folder), batch))
    return [min(found) for found in times]
