"""Signed heads: an office key vouches for the chain up to a position.

A published head hash (``verify --against``) proves that the chain still contains what it
contained when the hash was published. It cannot tell a record the office appended later from one a
person with database access forged and appended, moving the stored head along: both extend the
chain honestly. A signed head can. ``npcproc head --sign KEY`` verifies the chain, signs its head
(position, hash, time, key id) with the office's Ed25519 key, and appends the signature to the chain
itself, in the stream :data:`HEADS_STREAM`. ``npcproc verify --trusted-key PUB`` then checks every
signed head on the chain against the trusted public keys and the chain's own hashes, and fails when
any record other than a signature follows the last signed head: such a tail was not vouched for.

What it proves: every record up to the last signed head is as the holder of the key saw it when
signing. What it cannot: that the key was not stolen (key custody is the office's: keep the private
key off the server that holds the store); that nobody rolled the whole store back to an older signed
head (keep the latest signed head's hash outside and check it with ``--against``); that records
appended after the last signature are genuine (sign after every sitting of work).
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import attrs
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from npcproc.errors import NpcprocError
from npcproc.events import event_type
from npcproc.store.base import EventStore, utc_now
from npcproc.store.chain import Row, canonical

__all__ = [
    "HEADS_STREAM",
    "HeadSigned",
    "SignatureCheck",
    "SignedHeads",
    "SigningError",
    "key_id",
    "load_private_key",
    "load_public_key",
    "sign_head",
]

#: The stream that holds the signed heads.
HEADS_STREAM = "npcproc.signed-heads"
_TYPE = "store.head_signed"
_DOMAIN = b"npcproc signed head v1\n"  # so a signature over a head can never pass for one over anything else


class SigningError(NpcprocError):
    """A key cannot be read or is not an Ed25519 key, or the chain cannot be signed as it stands."""


@event_type(_TYPE)
@attrs.frozen(kw_only=True)
class HeadSigned:
    """The office's signature over the chain's head at ``position`` (``hash``), made at ``signed_at``."""

    position: int
    hash: str
    signed_at: str  # ISO 8601, as signed
    key_id: str
    signature: str  # hex

    def message(self) -> bytes:
        """The bytes the signature covers."""
        fields = {"hash": self.hash, "key_id": self.key_id, "position": self.position, "signed_at": self.signed_at}
        return _DOMAIN + canonical(fields)


def key_id(key: Ed25519PublicKey) -> str:
    """The first 16 hex digits of the SHA-256 of the raw public key: names a key in messages and records."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """An unencrypted Ed25519 private key in PEM (``openssl genpkey -algorithm ed25519 -out office.key``)."""
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as error:
        raise SigningError(f"--sign: cannot read an unencrypted PEM private key from {path} ({error})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningError(f"--sign: {path} holds a {type(key).__name__}, not an Ed25519 key")
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    """An Ed25519 public key in PEM (``openssl pkey -in office.key -pubout -out office.pub``)."""
    try:
        key = serialization.load_pem_public_key(path.read_bytes())
    except (OSError, ValueError) as error:
        raise SigningError(f"--trusted-key: cannot read a PEM public key from {path} ({error})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise SigningError(f"--trusted-key: {path} holds a {type(key).__name__}, not an Ed25519 key")
    return key


def sign_head(
    store: EventStore, key: Ed25519PrivateKey, *, clock: Callable[[], datetime.datetime] = utc_now
) -> HeadSigned:
    """Verify ``store`` and append a signature over its head; refuses a broken or empty chain."""
    with store.snapshot() as snapshot:
        result = snapshot.verify()
    if not result:
        raise SigningError(
            f"the chain is broken at position {result.bad_position} ({result.problem}); a broken chain is not signed"
        )
    if result.checked == 0:
        raise SigningError("the store holds no record: there is no head to sign")
    unsigned = HeadSigned(
        position=result.checked, hash=result.head, signed_at=clock().isoformat(),
        key_id=key_id(key.public_key()), signature="",
    )  # fmt: skip
    signed = attrs.evolve(unsigned, signature=key.sign(unsigned.message()).hex())
    store.append(HEADS_STREAM, [signed], expected_version=store.stream_version(HEADS_STREAM))
    return signed


@attrs.frozen(kw_only=True)
class SignatureCheck:
    """What ``verify --trusted-key`` found: the last signed head, or the first problem and where."""

    ok: bool
    signed_heads: int
    last: HeadSigned | None = None
    bad_position: int | None = None
    problem: str = ""

    def __bool__(self) -> bool:
        return self.ok


class SignedHeads:
    """Watches the rows of a chain walk (:meth:`watch`) and checks its signed heads (:meth:`check`).

    Run it over rows that :func:`~npcproc.store.base.verify_rows` accepts: the hashes it compares the
    signatures with are the chain's own.
    """

    def __init__(self, trusted: Sequence[Ed25519PublicKey]) -> None:
        if not trusted:
            raise SigningError("--trusted-key: give at least one public key")
        self._trusted = {key_id(key): key for key in trusted}
        self._hashes = bytearray()  # 32 bytes per position: the chain's hashes, to compare signed heads with
        self._heads: list[tuple[int, str]] = []  # the position and data text of each signature record
        self._last_position = 0

    def watch(self, rows: Iterable[Row]) -> Iterator[Row]:
        for row in rows:
            self._hashes += bytes.fromhex(row[8]) if len(row[8]) == 64 else bytes(32)
            self._last_position = row[0]
            if row[2] == HEADS_STREAM and row[4] == _TYPE:
                self._heads.append((row[0], row[5]))
            yield row

    def check(self) -> SignatureCheck:
        """Every signed head verified, and no record but a signature after the last one."""
        last: HeadSigned | None = None
        signatures = {position for position, _ in self._heads}
        for count, (position, text) in enumerate(self._heads):
            head, problem = _parsed(text)
            if head is not None:
                problem = self._problem(head, position)
            if head is None or problem:
                return SignatureCheck(ok=False, signed_heads=count, last=last, bad_position=position, problem=problem)
            last = head
        if last is None:
            return SignatureCheck(
                ok=False, signed_heads=0, bad_position=1, problem="no head on the chain is signed by a trusted key"
            )
        after = [p for p in range(last.position + 1, self._last_position + 1) if p not in signatures]
        if after:
            return SignatureCheck(
                ok=False, signed_heads=len(self._heads), last=last, bad_position=after[0],
                problem=f"{len(after)} record(s) from position {after[0]} on follow the last signed head "
                f"(position {last.position}): no trusted key vouches for them",
            )  # fmt: skip
        return SignatureCheck(ok=True, signed_heads=len(self._heads), last=last)

    def _problem(self, head: HeadSigned, position: int) -> str:
        key = self._trusted.get(head.key_id)
        if key is None:
            return f"the head is signed by key {head.key_id}, which is not a trusted key"
        try:
            key.verify(bytes.fromhex(head.signature), head.message())
        except (InvalidSignature, ValueError):
            return f"the signature of key {head.key_id} over the head at position {head.position} does not verify"
        if not 1 <= head.position < position:
            return f"the signed head names position {head.position}, which is not on the chain before it"
        at = (head.position - 1) * 32
        if self._hashes[at : at + 32].hex() != head.hash:
            return f"the signed hash at position {head.position} is not the chain's hash there"
        return ""


def _parsed(text: str) -> tuple[HeadSigned | None, str]:
    try:
        return HeadSigned(**json.loads(text)), ""
    except (TypeError, ValueError):
        return None, "the record in the signed-heads stream is not a signed head"
