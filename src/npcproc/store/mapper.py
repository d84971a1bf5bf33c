"""The mapper: events to what a backend stores, and stored records back to events.

As eventsourcing keeps its mapper apart from its recorder, npcproc keeps this module apart from
:mod:`npcproc.store.base`: here events are encoded (through :mod:`npcproc.serialization` and the event
registry) and checked before an append takes a lock, and records are decoded; the recorder seals, stores
and verifies rows without knowing what an event is. Backends import both through
:mod:`npcproc.store.backend`.
"""

from __future__ import annotations

from collections.abc import Sequence

from npcproc.serialization import event_from_data, events_to_data
from npcproc.store import chain
from npcproc.store.base import Append, Pending, Record, new_event_ids
from npcproc.text import UNSAFE_IN_NAMES, UnsafeTextError, check_event_text, describe

__all__ = ["decode", "prepare", "prepare_many"]


def prepare(stream: str, events: Sequence[object], event_ids: Sequence[str] | None) -> Pending:
    """Encode events and pair them with ids (new ones from :func:`new_event_ids` when none are given)."""
    if not isinstance(stream, str) or not stream:
        raise ValueError(f"stream: must be a non-empty string, got {stream!r}")
    types, datas = events_to_data(events)
    if event_ids is None:
        ids = new_event_ids(len(datas))
    else:
        ids = tuple(event_ids)
        if len(ids) != len(datas) or len(set(ids)) != len(ids):
            raise ValueError(f"event_ids: need {len(datas)} distinct ids, got {len(ids)} ({len(set(ids))} distinct)")
    texts = tuple(map(chain.canonical_text, datas))
    for index, (data, text) in enumerate(zip(datas, texts, strict=True)):
        check_event_text(data, text, f"events[{index}]")
    for field, names in (("stream", (stream,)), ("event_ids", () if event_ids is None else ids)):
        unsafe = next((found for found in map(UNSAFE_IN_NAMES.search, names) if found), None)
        if unsafe is not None:
            raise UnsafeTextError(f"{field}: holds {describe(unsafe.group())}; nothing was recorded")
    return Pending(
        stream=stream,
        event_ids=ids,
        types=tuple(types),
        datas=tuple(datas),
        texts=texts,
        fresh_ids=event_ids is None,
    )


def prepare_many(appends: Sequence[Append]) -> list[tuple[Pending, int]]:
    """Each append encoded (:func:`prepare`) with its expected version; empty ones dropped.

    Two appends to one stream are refused: their versions would depend on their order.
    """
    streams = [append.stream for append in appends]
    twice = sorted({stream for stream in streams if streams.count(stream) > 1})
    if twice:
        raise ValueError(f"appends: stream {twice[0]!r} is appended to twice; give each stream one append")
    prepared = [(prepare(a.stream, a.events, a.event_ids), a.expected_version) for a in appends]
    return [(pending, version) for pending, version in prepared if pending.datas]


def decode(record: Record) -> object:
    """The event ``record`` holds (:func:`~npcproc.serialization.event_from_data` of its type and data)."""
    return event_from_data(record.type, record.data)
