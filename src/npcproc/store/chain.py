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
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring as _string
from typing import Any

__all__ = ["GENESIS", "Row", "canonical", "canonical_text", "hashes", "link", "record_hash"]

#: The ``prev_hash`` of the first record, and the head's hash while the log is empty.
GENESIS = "0" * 64
# Built once: json.dumps with non-default options builds a new encoder on every call.
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _refuse(value: object) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _c_encoder() -> Callable[[Any], str] | None:
    # JSONEncoder.encode builds this C encoder anew on every call; building it once halves the cost.
    # The same arguments as _ENCODER passes (minus the circular-reference check: the data is a tree).
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return None
    encode = make(None, _refuse, _string, None, ":", ",", True, False, True)

    def text(data: Any) -> str:
        """The canonical JSON of ``data`` as text: sorted keys, no spaces, non-ASCII kept."""
        return "".join(encode(data, 0))

    return text


canonical_text: Callable[[Any], str] = _c_encoder() or _ENCODER.encode
"""The canonical JSON of ``data`` as text: sorted keys, no spaces, non-ASCII kept."""


def canonical(data: Any) -> bytes:
    """The canonical JSON of ``data`` as the UTF-8 bytes a hash covers."""
    return canonical_text(data).encode("utf-8")


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


def link(
    *,
    prev_hash: str,
    position: int,
    stream: str,
    version: int,
    recorded_at: str,
    items: Iterable[tuple[str, str, str]],
) -> list[str]:
    """The hashes of consecutive records of one stream and timestamp, each linked to the one before.

    ``items`` are (event_id, type, canonical data text) from ``position`` and stream
    ``version`` on; each hash equals :func:`record_hash` of its record. One batch shares
    the stream and timestamp, so their part of the header is escaped once.
    """
    middle = f",{_string(stream)},"
    tail = f",{_string(recorded_at)},"
    types: dict[str, str] = {}
    digests = []
    sha256 = hashlib.sha256
    after_previous = _string(prev_hash).encode("utf-8")
    for event_id, type_, text in items:
        type_json = types.get(type_) or types.setdefault(type_, _string(type_))
        # Three updates (header up to prev_hash, prev_hash, the rest) spare joining header and data.
        digest = sha256(f"[{position},{_string(event_id)}{middle}{version},{type_json}{tail}".encode())
        digest.update(after_previous)
        digest.update(f"]\n{text}".encode())
        prev_hash = digest.hexdigest()
        after_previous = b'"' + prev_hash.encode("ascii") + b'"'  # hex digits need no escaping
        digests.append(prev_hash)
        position += 1
        version += 1
    return digests


class _Quoted(dict[str, str]):
    """Strings in their JSON form, each escaped once however often it repeats (streams, types, timestamps)."""

    def __missing__(self, key: str) -> str:
        value = self[key] = _string(key)
        return value


#: A record as backends store it: position, event_id, stream, version, type, data (canonical JSON text),
#: recorded_at (ISO 8601), prev_hash, hash.
Row = tuple[int, str, str, int, str, str, str, str, str]


def hashes(rows: Iterable[Row]) -> list[str]:
    """What each stored row's hash should be (:func:`record_hash` of its fields), for checking many at once."""
    quoted = _Quoted()
    sha256 = hashlib.sha256
    digests = []
    for position, event_id, stream, version, type_, text, recorded_at, prev_hash, _hash in rows:
        header = f"[{position},{_string(event_id)},{quoted[stream]},{version},{quoted[type_]},{quoted[recorded_at]},"
        digest = sha256(f"{header}{_string(prev_hash)}]\n".encode())
        digest.update(text.encode("utf-8"))
        digests.append(digest.hexdigest())
    return digests
