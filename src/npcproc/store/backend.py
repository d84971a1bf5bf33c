"""The public interface for storage backends: what a backend implements, what it stores, what it may use.

A backend is a class that implements :class:`EventStore` (``append``, ``append_many``, ``read_stream``,
``read_all``, ``stream_version``, ``head``, ``snapshot``, ``verify``, ``close``) and a plugin whose
``npcproc_open_store`` hook opens it for its URL scheme. docs/storage.md is the guide; npcproc-postgres
(plugins/npcproc-postgres) is the worked example, and imports nothing from npcproc but the names below,
:mod:`npcproc.errors` and :data:`npcproc.hookimpl`.

**What it stores.** Every record as one :data:`Row`: position, event_id, stream, version, type, data as
canonical JSON text (:func:`canonical_text`), recorded_at as ISO 8601 text, prev_hash, hash; and the
:class:`Head` (last position and hash, :data:`GENESIS` when empty) apart from the rows, so a truncated log
shows.

**An append**, in the order every built-in backend follows:

1. :func:`prepare` (or :func:`prepare_many` for ``append_many``) encodes and checks the events, before any
   lock: a :class:`Pending` batch.
2. Inside one write transaction that serializes appends (the head's lock): when the caller gave ids
   (``not pending.fresh_ids``), read the records already stored under them and pass them to :func:`replayed`
   (:func:`replayed_many`); a tuple back means a retry, so return it unchanged and write nothing. Otherwise
   compare the stream's version with ``expected_version`` (raise :class:`ConcurrencyError`), then
   :func:`seal` (:func:`seal_many`) after the head, with :func:`utc_now` or the store's clock; store each
   record's row with the exact ``data_json`` text of :class:`Sealed`, and move the head.
3. After the commit, call ``on_commit`` (a :data:`CommitCallback`) with the new records, never for a replay.

**Reading.** Turn stored rows into records with :func:`records_from_rows` (it refuses, with
:class:`CorruptRecordError`, a row that does not read back as exactly the text its hash covers); ``snapshot``
yields a :class:`Snapshot` of the head and the rows read in one transaction, and ``verify`` is
``snapshot().verify(against=...)``, which runs :func:`verify_rows`.
"""

from __future__ import annotations

from npcproc.errors import ConcurrencyError
from npcproc.store.base import (
    Append,
    CommitCallback,
    CorruptRecordError,
    EventStore,
    Head,
    IdempotencyError,
    Pending,
    Record,
    Sealed,
    Snapshot,
    VerifyResult,
    new_event_ids,
    new_record,
    records_from_rows,
    replayed,
    replayed_many,
    row_problem,
    rows_of,
    seal,
    seal_many,
    utc_now,
    verify_records,
    verify_rows,
)
from npcproc.store.chain import GENESIS, Row, canonical_text, hashes
from npcproc.store.mapper import decode, prepare, prepare_many
from npcproc.store.urls import mask_secrets

__all__ = [
    "GENESIS",
    "Append",
    "CommitCallback",
    "ConcurrencyError",
    "CorruptRecordError",
    "EventStore",
    "Head",
    "IdempotencyError",
    "Pending",
    "Record",
    "Row",
    "Sealed",
    "Snapshot",
    "VerifyResult",
    "canonical_text",
    "decode",
    "hashes",
    "mask_secrets",
    "new_event_ids",
    "new_record",
    "prepare",
    "prepare_many",
    "records_from_rows",
    "replayed",
    "replayed_many",
    "row_problem",
    "rows_of",
    "seal",
    "seal_many",
    "utc_now",
    "verify_records",
    "verify_rows",
]
