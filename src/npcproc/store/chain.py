"""The hash chain: each record's hash covers its envelope fields, its data and the previous hash.

The hashed bytes are a JSON array of the envelope fields (position, event_id, stream,
version, type, recorded_at, prev_hash), a newline, and the data's canonical JSON
(sorted keys, no spaces, UTF-8). JSON escapes newlines inside strings, so the split is
unambiguous. Editing, inserting, deleting or reordering any record changes every hash
after it.
"""

from __future__ import annotations

import hashlib
import json
from json.encoder import encode_basestring as _string
from typing import Any

GENESIS = "0" * 64
# Built once: json.dumps with non-default options builds a new encoder on every call.
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical(data: Any) -> bytes:
    return _ENCODER.encode(data).encode("utf-8")


def record_hash(
    *,
    position: int,
    event_id: str,
    stream: str,
    version: int,
    type: str,
    recorded_at: str,
    prev_hash: str,
    data_json: bytes,
) -> str:
    # The same bytes as canonical([position, event_id, ...]), built without the general encoder.
    header = f"[{position},{_string(event_id)},{_string(stream)},{version},{_string(type)},{_string(recorded_at)},"
    header += f"{_string(prev_hash)}]\n"
    return hashlib.sha256(header.encode("utf-8") + data_json).hexdigest()
