"""Envelope encryption contract: sealed records, the cipher that makes them, where KEKs come from.

Each record gets its own random data key (DEK); the DEK is kept only wrapped (encrypted) by a
key-encryption key (KEK) named by a key id and a version. Rotating the KEK re-wraps the small
DEKs and never touches the record's ciphertext, and the text form names the KEK version it
needs so old versions can be retired once nothing names them.

A KMS or Vault fits behind `KeyProvider`: a local provider hands out KEK bytes, while a KMS
never lets them leave; such an adapter would implement wrap/unwrap itself (KMS `Encrypt` /
`Decrypt` of the 32-byte DEK, or Vault transit) and the cipher would call those instead of
`kek()`. The `Sealed` text form is the same either way: key id and version are the KMS key's.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

FORMAT = "bwk1"  # bumped when the layout or the algorithms change; old prefixes stay readable
NONCE_BYTES = 12  # 96-bit AES-GCM nonces
TAG_BYTES = 16
KEY_BYTES = 32  # AES-256
WRAPPED_BYTES = NONCE_BYTES + KEY_BYTES + TAG_BYTES  # KEK nonce + encrypted DEK + tag
KEY_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
VERSION = re.compile(r"[1-9][0-9]{0,8}")  # ASCII only: str.isdigit() also accepts "²"


class DecryptionRefused(ValueError):
    """A sealed text that cannot be opened: tampered, another record's, unknown KEK, malformed.

    One class for every cause so callers cannot be steered by an oracle; the message says
    which check failed but never shows key material.
    """


class UnknownKeyVersion(LookupError):
    """A key provider has no KEK for this (key id, version): retired or never configured."""


@dataclass(frozen=True, slots=True)
class KeyRef:
    """Names one KEK: a key id and its version (versions grow by one per rotation)."""

    key_id: str
    version: int

    def __str__(self) -> str:
        return f"{self.key_id} v{self.version}"


@dataclass(frozen=True, slots=True)
class Sealed:
    """One envelope-encrypted record, as stored: parse with `parse`, write with `to_text`.

    Text form: `bwk1.<key id>.<KEK version>.<wrapped DEK>.<nonce>.<ciphertext+tag>`, the last
    three base64url without padding. The record type and id are not stored: they are the
    associated data the caller supplies again on open, so a ciphertext copied to another
    record does not authenticate.
    """

    kek: KeyRef
    wrapped_key: bytes = field(repr=False)  # KEK nonce + AES-GCM(KEK, DEK) + tag
    nonce: bytes = field(repr=False)
    ciphertext: bytes = field(repr=False)  # AES-GCM(DEK, plaintext) + tag

    def __repr__(self) -> str:
        return f"Sealed(kek={self.kek}, ciphertext={len(self.ciphertext)} bytes)"

    def to_text(self) -> str:
        parts = (_b64(self.wrapped_key), _b64(self.nonce), _b64(self.ciphertext))
        return ".".join((FORMAT, self.kek.key_id, str(self.kek.version), *parts))

    @classmethod
    def parse(cls, text: str) -> Sealed:
        """The parts of a sealed text, checked for shape only; raises DecryptionRefused."""
        parts = text.split(".") if isinstance(text, str) else []
        if len(parts) != 6 or parts[0] != FORMAT:
            raise DecryptionRefused(f"not a {FORMAT} sealed text")
        _, key_id, version, wrapped, nonce, ciphertext = parts
        if not KEY_ID.fullmatch(key_id) or not VERSION.fullmatch(version):
            raise DecryptionRefused("sealed text names a malformed key id or version")
        sealed = cls(
            KeyRef(key_id, int(version)), _unb64(wrapped), _unb64(nonce), _unb64(ciphertext)
        )
        if (
            len(sealed.wrapped_key) != WRAPPED_BYTES
            or len(sealed.nonce) != NONCE_BYTES
            or len(sealed.ciphertext) < TAG_BYTES
        ):
            raise DecryptionRefused("sealed text has a part of the wrong length")
        return sealed


def split_body(text: str) -> tuple[str, bytes]:
    """A sealed text as (its header `bwk1.<key id>.<version>.<wrapped DEK>`, the raw nonce +
    ciphertext): for records whose body lives apart from the row (a document store), so a
    rotation rewrites only the small header. Raises DecryptionRefused for a malformed text."""
    header = text.rsplit(".", 2)[0]
    sealed = Sealed.parse(text)
    return header, sealed.nonce + sealed.ciphertext


def join_body(header: str, body: bytes) -> str:
    """The sealed text again from the header and the raw nonce + ciphertext of `split_body`."""
    if len(body) < NONCE_BYTES:
        raise DecryptionRefused("stored object is too short")
    return f"{header}.{_b64(body[:NONCE_BYTES])}.{_b64(body[NONCE_BYTES:])}"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


_FROM_URLSAFE = bytes.maketrans(b"-_", b"+/")


def _unb64(part: str) -> bytes:
    """Strict base64url: any character outside the alphabet is refused, not skipped."""
    try:
        data = part.encode("ascii").translate(_FROM_URLSAFE) + b"=" * (-len(part) % 4)
        return binascii.a2b_base64(data, strict_mode=True)
    except (binascii.Error, ValueError):
        raise DecryptionRefused("sealed text has a part that is not base64url") from None


class KeyProvider(Protocol):
    """Where KEKs come from: a file or env in dev, a KMS/Vault adapter later (module doc)."""

    def current(self) -> KeyRef:
        """The KEK that wraps new data keys (and that rewrap moves old ones to)."""
        ...

    def kek(self, ref: KeyRef) -> bytes:
        """The 32 KEK bytes of `ref`; raises UnknownKeyVersion when there are none."""
        ...

    def versions(self, key_id: str) -> Sequence[int]:
        """The versions of `key_id` this provider can still unwrap with, oldest first."""
        ...


class EnvelopeCipher(Protocol):
    """Seals secrets bound to their record; rotates KEKs without re-encrypting the records."""

    def seal(self, plaintext: bytes, record_type: str, record_id: str) -> str:
        """A fresh DEK and nonce per call; the text names the current KEK."""
        ...

    def open(self, text: str, record_type: str, record_id: str) -> bytes:
        """The plaintext; raises DecryptionRefused for any tamper, other record or unknown KEK."""
        ...

    def rewrap(self, text: str) -> str:
        """The same record with its DEK wrapped by the current KEK; the ciphertext is untouched."""
        ...

    def kek_version_of(self, text: str) -> KeyRef:
        """Which KEK a sealed text needs (what rotation and retirement look at)."""
        ...

    def current(self) -> KeyRef:
        """The KEK new seals and rewraps use."""
        ...


class SecretSealer(Protocol):
    """What services use to keep a text secret at rest (a TOTP seed, an API secret).

    `seal` always writes the current envelope format under the current KEK. `open` also
    reads what was sealed before envelopes existed (Fernet under BULWARK_SECRET_KEY) where
    the legacy key is configured, so old records keep working until rotation upgrades them.
    Every call names the record (type + id) the secret belongs to: a sealed text copied onto
    another record does not open. Failures raise DecryptionRefused.
    """

    def seal(self, plaintext: str, record_type: str, record_id: str) -> str: ...

    def open(self, text: str, record_type: str, record_id: str) -> str: ...

    def needs_upgrade(self, text: str) -> bool:
        """True for a legacy (Fernet) text or one wrapped by a KEK that is not current."""
        ...

    def upgrade(self, text: str, record_type: str, record_id: str) -> str:
        """The same secret in the current format under the current KEK (rewrap or re-seal)."""
        ...

    def key_label(self, text: str) -> str:
        """Which key a text needs, for rotation reports: `<key id> v<version>` or `legacy`."""
        ...


@dataclass(frozen=True, slots=True)
class SealedRecord:
    """One sealed secret as a rotation source hands it out.

    `cursor` orders a source's records (rotation resumes after the last one it finished);
    `record_type` / `record_id` are the associated data the text was sealed with.
    """

    cursor: str
    record_type: str
    record_id: str
    text: str = field(repr=False)


class SealedRecordSource(Protocol):
    """A column (or file set) holding sealed secrets, as `bulwark keys rotate` walks it.

    Every store that keeps SecretSealer output registers one source (container list
    `sealed_sources`). `replace` is compare-and-set: it writes `new_text` only while the
    stored text is still `record.text`, so a concurrent write (a user changing the secret
    mid-rotation) wins and nothing is lost; it returns whether it wrote.
    """

    name: str  # stable, shown in reports and used as the checkpoint key: "users.mfa_secret"

    async def batch(self, after: str | None, limit: int) -> Sequence[SealedRecord]:
        """Up to `limit` records with cursor > `after` (all from the start when None)."""
        ...

    async def replace(self, record: SealedRecord, new_text: str) -> bool: ...
