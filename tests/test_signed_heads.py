"""Signed heads (``npcproc head --sign``, ``verify --trusted-key``): what they catch and what they cannot."""

from __future__ import annotations

import datetime
import sqlite3

import attrs
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ec import SECP256R1, generate_private_key
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from npcproc.cli import main
from npcproc.store import MemoryStore
from npcproc.store.chain import canonical_text, record_hash
from npcproc.store.signing import HEADS_STREAM, SignedHeads, SigningError, key_id, sign_head
from npcproc.store.sqlite import SQLiteStore
from npcproc.testing.backends import noted


def write_key(path, key):
    path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    public = path.with_suffix(".pub")
    public.write_bytes(
        key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    return path, public


@pytest.fixture
def office(tmp_path):
    return write_key(tmp_path / "office.key", Ed25519PrivateKey.generate())


@pytest.fixture
def store_url(tmp_path):
    path = tmp_path / "store.db"
    store = SQLiteStore(str(path))
    for n in range(4):
        store.append("minutes", noted(n), expected_version=n)
    store.close()
    return f"sqlite:///{path}"


def append_forged(url: str) -> int:
    """What someone with write access to the database, and no key, can do: append a record that links to
    the head correctly and move the stored head to it."""
    path = url.removeprefix("sqlite:///")
    db = sqlite3.connect(path, isolation_level=None)
    position, prev_hash = db.execute("SELECT position, hash FROM chain_head").fetchone()
    version = db.execute("SELECT COALESCE(MAX(version), 0) FROM events WHERE stream = 'minutes'").fetchone()[0]
    text = canonical_text({"n": 99, "text": "伪造的决定"})
    stamp = datetime.datetime.now(datetime.UTC).isoformat()
    digest = record_hash(
        position=position + 1, event_id="forged", stream="minutes", version=version + 1, type="testing.noted",
        recorded_at=stamp, prev_hash=prev_hash, data_json=text.encode(),
    )  # fmt: skip
    db.execute("BEGIN")
    db.execute(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (position + 1, "forged", "minutes", version + 1, "testing.noted", text, stamp, prev_hash, digest),
    )
    db.execute("UPDATE chain_head SET position = ?, hash = ?", (position + 1, digest))
    db.execute("COMMIT")
    db.close()
    return position + 1


def test_a_signed_head_vouches_for_the_chain(store_url, office, capsys):
    private, public = office
    assert main(["head", "--store", store_url, "--sign", str(private)]) == 0
    signed = capsys.readouterr().out
    assert "signed head: position 4" in signed
    assert main(["verify", "--store", store_url, "--trusted-key", str(public)]) == 0
    assert "ok: 5 records" in (out := capsys.readouterr().out)
    assert "signed through position 4 by key" in out


def test_a_forged_tail_with_a_moved_head_is_found_only_with_the_trusted_key(store_url, office, capsys):
    private, public = office
    assert main(["head", "--store", store_url, "--sign", str(private)]) == 0
    forged = append_forged(store_url)
    capsys.readouterr()
    # Undetectable without the key: the forged record extends the chain exactly as a real one would.
    assert main(["verify", "--store", store_url]) == 0
    assert f"ok: {forged} records" in capsys.readouterr().out
    assert main(["verify", "--store", store_url, "--trusted-key", str(public)]) == 1
    error = capsys.readouterr().err
    assert (
        f"not vouched for at position {forged}: 1 record(s) from position {forged} on follow the last signed head"
        in (error)
    )


def test_records_after_the_last_signature_are_not_vouched_for_until_signed_again(store_url, office, capsys):
    private, public = office
    assert main(["head", "--store", store_url, "--sign", str(private)]) == 0
    store = SQLiteStore(store_url.removeprefix("sqlite:///"))
    store.append("minutes", noted(4), expected_version=4)
    store.close()
    assert main(["verify", "--store", store_url, "--trusted-key", str(public)]) == 1
    assert main(["head", "--store", store_url, "--sign", str(private)]) == 0
    assert main(["verify", "--store", store_url, "--trusted-key", str(public)]) == 0
    assert "signed through position 6" in capsys.readouterr().out


def test_a_head_signed_by_another_key_is_refused(store_url, office, tmp_path, capsys):
    _, public = office
    stranger, _ = write_key(tmp_path / "stranger.key", Ed25519PrivateKey.generate())
    assert main(["head", "--store", store_url, "--sign", str(stranger)]) == 0
    assert main(["verify", "--store", store_url, "--trusted-key", str(public)]) == 1
    assert "not vouched for at position 5: the head is signed by key" in capsys.readouterr().err


def test_a_chain_with_no_signed_head_is_not_vouched_for(store_url, office, capsys):
    assert main(["verify", "--store", store_url, "--trusted-key", str(office[1])]) == 1
    assert "no head on the chain is signed by a trusted key" in capsys.readouterr().err


def test_a_signature_over_another_hash_is_found():
    key = Ed25519PrivateKey.generate()
    store = MemoryStore()
    store.append("minutes", noted(1, 2), expected_version=0)
    signed = sign_head(store, key)
    with store.snapshot() as snapshot:
        rows = list(snapshot.rows)
    honest = SignedHeads([key.public_key()])
    list(honest.watch(rows))
    assert honest.check()
    # The same key signing a head the chain never had (a bug or a lie): the chain's own hash decides.
    lie = attrs.evolve(signed, position=1, hash="ab" * 32, signature="")
    lie = attrs.evolve(lie, signature=key.sign(lie.message()).hex())
    watcher = SignedHeads([key.public_key()])
    list(watcher.watch([*rows[:-1], (*rows[-1][:5], canonical_text(attrs.asdict(lie)), *rows[-1][6:])]))
    check = watcher.check()
    assert not check
    assert (check.bad_position, check.problem) == (3, "the signed hash at position 1 is not the chain's hash there")


def test_rolling_back_to_an_older_signed_head_needs_the_published_head(store_url, office, capsys):
    private, public = office
    assert main(["head", "--store", store_url, "--sign", str(private)]) == 0
    path = store_url.removeprefix("sqlite:///")
    db = sqlite3.connect(path)
    older = db.execute("SELECT position, hash FROM chain_head").fetchone()
    db.close()
    store = SQLiteStore(path)
    store.append("minutes", noted(4), expected_version=4)
    latest = sign_head(store, serialization.load_pem_private_key(private.read_bytes(), password=None))
    latest_head = store.head().hash
    store.close()
    db = sqlite3.connect(path, isolation_level=None)  # roll the whole store back to the older signed head
    db.execute("DELETE FROM events WHERE position > ?", (older[0],))
    db.execute("UPDATE chain_head SET position = ?, hash = ?", older)
    db.close()
    capsys.readouterr()
    assert latest.position == 6
    assert main(["verify", "--store", store_url, "--trusted-key", str(public)]) == 0  # cannot tell: documented
    assert main(["verify", "--store", store_url, "--trusted-key", str(public), "--against", latest_head]) == 1
    assert "the chain was rewritten" in capsys.readouterr().err


def test_signing_refuses_a_broken_or_empty_chain_and_a_key_of_another_kind(tmp_path, office, capsys):
    empty = MemoryStore()
    with pytest.raises(SigningError, match="no record"):
        sign_head(empty, Ed25519PrivateKey.generate())
    store = MemoryStore()
    store.append("minutes", noted(1), expected_version=0)
    store._head = type(store._head)(position=7, hash=store._head.hash)
    with pytest.raises(SigningError, match="broken at position 2"):
        sign_head(store, Ed25519PrivateKey.generate())
    assert [r.stream for r in store.read_all()] == ["minutes"]  # nothing appended
    ec_key, _ = write_key(tmp_path / "ec.key", generate_private_key(SECP256R1()))
    url = f"sqlite:///{tmp_path / 'none.db'}"
    SQLiteStore(str(tmp_path / "none.db")).close()
    assert main(["head", "--store", url, "--sign", str(ec_key)]) == 2
    assert "not an Ed25519 key" in capsys.readouterr().err


def test_the_key_id_names_the_public_key():
    key = Ed25519PrivateKey.generate()
    assert key_id(key.public_key()) == key_id(key.public_key())
    assert key_id(key.public_key()) != key_id(Ed25519PrivateKey.generate().public_key())
    store = MemoryStore()
    store.append("minutes", noted(1), expected_version=0)
    signed = sign_head(store, key)
    assert signed.key_id == key_id(key.public_key())
    assert [record.stream for record in store.read_all()] == ["minutes", HEADS_STREAM]
