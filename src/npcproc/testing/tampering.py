"""Adversarial edits of stored rows' text, as tests a backend that stores text inherits.

The hash of a record covers its data's canonical JSON text. An attacker with write access to the
database may edit that text so that some JSON reader decodes it to other data while the hash still
seems to hold: duplicate keys (which value wins?), spacing, Unicode escapes, number forms, trailing
bytes, bytes moved from one row to the next, another spelling of the timestamp. Every such edit must
either fail ``verify`` at the edited position or read back exactly the data that was hashed; a reader
of a corrupt row raises :class:`~npcproc.store.backend.CorruptRecordError` naming it, never a traceback::

    class TestMyStoreRows(RowTamperingContract):
        def make_store(self):
            return MyStore(...)

        def rewrite_rows(self, store, rows):
            ...  # replace the stored rows by ``rows``, each text exactly as given
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from npcproc.store.backend import CorruptRecordError, EventStore, Row
from npcproc.testing.backends import noted

__all__ = ["ROW_EDITS", "RowTamperingContract"]


def _with(row: Row, *, data: str | None = None, stamp: str | None = None) -> Row:
    position, event_id, stream, version, type_, stored_data, stored_stamp, prev_hash, hash_ = row
    return (position, event_id, stream, version, type_, stored_data if data is None else data,
            stored_stamp if stamp is None else stamp, prev_hash, hash_)  # fmt: skip


def _text_edit(change: Callable[[str], str]) -> Callable[[list[Row], int], list[int]]:
    def edit(rows: list[Row], i: int) -> list[int]:
        rows[i] = _with(rows[i], data=change(rows[i][5]))
        return [rows[i][0]]

    return edit


def _stamp_edit(change: Callable[[str], str]) -> Callable[[list[Row], int], list[int]]:
    def edit(rows: list[Row], i: int) -> list[int]:
        rows[i] = _with(rows[i], stamp=change(rows[i][6]))
        return [rows[i][0]]

    return edit


def _data_edit(change: Callable[[dict[str, object]], str]) -> Callable[[list[Row], int], list[int]]:
    return _text_edit(lambda text: change(json.loads(text)))


def _move_bytes(rows: list[Row], i: int) -> list[int]:
    """Cut row i after its first member and prepend the rest to row i + 1: the rows joined by commas
    read exactly as before, each row alone does not."""
    first, following = rows[i][5], rows[i + 1][5]
    cut = first.index(",")
    rows[i] = _with(rows[i], data=first[:cut])
    rows[i + 1] = _with(rows[i + 1], data=first[cut + 1 :] + "," + following)
    return [rows[i][0], rows[i + 1][0]]


def _compact(data: dict[str, object], *, sort: bool = True) -> str:
    return json.dumps(data, sort_keys=sort, separators=(",", ":"), ensure_ascii=False)


def _number(data: dict[str, object], spelled: str) -> str:
    """The canonical text with ``n`` spelled another way."""
    return _compact({**data, "n": "NUMBER"}).replace('"NUMBER"', spelled)


#: Each edit changes rows in place (at index ``i``, and ``i + 1`` when it moves bytes) and returns the
#: positions it touched.
ROW_EDITS: dict[str, Callable[[list[Row], int], list[int]]] = {
    "duplicate key, first of two": _text_edit(lambda text: '{"n":-1,' + text[1:]),
    "duplicate key, last of two": _text_edit(lambda text: text[:-1] + ',"n":-1}'),
    "spaces after separators": _data_edit(lambda data: json.dumps(data, sort_keys=True, ensure_ascii=False)),
    "trailing space": _text_edit(lambda text: text + " "),
    "trailing bytes": _text_edit(lambda text: text + "garbage"),
    "a second value": _text_edit(lambda text: text + "," + text),
    "unicode escapes": _data_edit(lambda data: json.dumps(data, sort_keys=True, separators=(",", ":"))),
    "keys out of order": _data_edit(lambda data: _compact(dict(sorted(data.items(), reverse=True)), sort=False)),
    "number as float": _data_edit(lambda data: _number(data, f"{data['n']}.0")),
    "number with exponent": _data_edit(lambda data: _number(data, f"{data['n']}e0")),
    "number with negative exponent": _data_edit(lambda data: _number(data, f"{data['n']}0E-1")),
    "bytes moved between rows": _move_bytes,
    "timestamp with Z": _stamp_edit(lambda stamp: stamp.replace("+00:00", "Z")),
    "timestamp with a space": _stamp_edit(lambda stamp: stamp.replace("T", " ")),
    "timestamp not a time": _stamp_edit(lambda stamp: "yesterday"),
    "data not JSON": _text_edit(lambda text: "{"),
}


class RowTamperingContract:
    """Every row edit fails ``verify`` where it was made, or reads back as hashed. Subclass it."""

    def make_store(self) -> EventStore:
        """A new, empty store."""
        raise NotImplementedError

    def rewrite_rows(self, store: EventStore, rows: list[Row]) -> None:
        """Replace the stored rows by ``rows``, each text stored exactly as given (raw access)."""
        raise NotImplementedError

    @pytest.mark.parametrize("edit", sorted(ROW_EDITS))
    @pytest.mark.parametrize("at", [0, 3])
    def test_a_row_edit_fails_verify_or_reads_back_as_hashed(self, edit: str, at: int) -> None:
        store = self.make_store()
        try:
            for n in range(6):
                store.append(f"s{n % 2}", noted(n), expected_version=n // 2)
            published = store.head().hash
            hashed = [(record.stream, record.data) for record in store.read_all()]
            with store.snapshot() as snapshot:
                rows = list(snapshot.rows)
            touched = ROW_EDITS[edit](rows, at)
            self.rewrite_rows(store, rows)
            result = store.verify(against=published)
            if result:  # then every reader must give back exactly what was hashed
                assert [(record.stream, record.data) for record in store.read_all()] == hashed
            else:
                assert result.bad_position == touched[0], result
            for stream in ("s0", "s1"):
                read = _read_or_error(store, stream)
                if isinstance(read, CorruptRecordError):
                    assert not result, f"{edit}: verify passed but {stream} cannot be read ({read})"
                    assert read.position in touched, (read, touched)
                else:
                    assert read == [data for s, data in hashed if s == stream], f"{edit}: {stream} reads other data"
        finally:
            store.close()


def _read_or_error(store: EventStore, stream: str) -> list[object] | CorruptRecordError:
    try:
        return [record.data for record in store.read_stream(stream)]
    except CorruptRecordError as error:
        return error
