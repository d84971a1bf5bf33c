"""The hash chain: each record's hash covers its canonical encoding and the previous hash.

Canonical encoding is JSON with sorted keys, no spaces, UTF-8, of the envelope fields
other than ``hash``; editing, inserting, deleting or reordering any record changes every
hash after it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

GENESIS = "0" * 64


def canonical(fields: dict[str, Any]) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def record_hash(
    *, position: int, event_id: str, stream: str, version: int, type: str, data: Any, recorded_at: str, prev_hash: str
) -> str:
    fields = {
        "position": position,
        "event_id": event_id,
        "stream": stream,
        "version": version,
        "type": type,
        "data": data,
        "recorded_at": recorded_at,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(canonical(fields)).hexdigest()
