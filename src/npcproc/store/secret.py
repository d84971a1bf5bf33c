"""Secret ballots: stored so that nothing links a ballot to the deputy who cast it.

A ballot record carries no deputy id, and neither its order nor its timestamp follows
the order of voting: the ballots of a round are written once the count closes, as one
batch (one ``recorded_at``), sorted by their canonical encoding, with event ids derived
from stream, rank and content so that a retried write is idempotent.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from npcproc.errors import NpcprocError
from npcproc.serialization import event_to_data
from npcproc.store.base import EventStore, Record
from npcproc.store.chain import canonical

__all__ = ["LINKING_KEYS", "SecretBallotError", "append_secret_ballots", "canonical_batch", "linking_keys"]

#: Keys that would tie a ballot to a voter or to the moment, or order, of voting.
LINKING_KEYS = frozenset({"deputy_id", "deputy", "voter", "voter_id", "cast_at", "voted_at", "sequence", "seat"})


class SecretBallotError(NpcprocError, ValueError):
    """A ballot carries something that could link it to the deputy who cast it."""


def linking_keys(data: Any, path: str = "data") -> list[str]:
    """Paths of every key in ``data`` that could link a ballot to its voter."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in LINKING_KEYS:
                found.append(f"{path}.{key}")
            found.extend(linking_keys(value, f"{path}.{key}"))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(linking_keys(value, f"{path}[{index}]"))
    return found


def canonical_batch(stream: str, ballots: Iterable[object]) -> tuple[list[object], list[str]]:
    """The ballots in canonical order and their content-derived event ids.

    Raises :class:`SecretBallotError` naming the field when a ballot carries a linking key.
    """
    keyed = []
    for ballot in ballots:
        _type, data = event_to_data(ballot)
        linked = linking_keys(data)
        if linked:
            raise SecretBallotError(f"{', '.join(linked)}: a secret ballot may not carry who voted or when (OL 28)")
        keyed.append((canonical(data), ballot))
    keyed.sort(key=lambda pair: pair[0])
    ids = [
        hashlib.sha256(b"\0".join([stream.encode(), str(rank).encode(), encoded])).hexdigest()
        for rank, (encoded, _ballot) in enumerate(keyed)
    ]
    return [ballot for _encoded, ballot in keyed], ids


def append_secret_ballots(
    store: EventStore, stream: str, ballots: Sequence[object], *, expected_version: int
) -> tuple[Record, ...]:
    """Write a closed count's ballots as one batch in canonical order (see module docs)."""
    ordered, ids = canonical_batch(stream, ballots)
    return store.append(stream, ordered, expected_version=expected_version, event_ids=ids)
