"""AES-256-GCM envelope encryption: a fresh data key per record, wrapped by a versioned KEK.

Two AES-256-GCM layers, each with a 96-bit nonce from os.urandom:
- the record: DEK encrypts the plaintext; associated data = format + record type + record id,
  so a ciphertext moved to another record (or relabelled as another type) does not open;
- the DEK: the KEK encrypts the 32 DEK bytes; associated data = format + key id + version, so
  the KEK label in the text cannot be changed without the unwrap failing.
Together the ciphertext is bound to record type, record id, key id and version, while the
record layer does not depend on the KEK: rewrap replaces only the wrapped DEK.

Why AES-GCM rather than AES key wrap (RFC 3394) for the DEK: it takes associated data (the
KEK label above), it is the same primitive and call as the record layer, and `cryptography`
runs it in OpenSSL at a few microseconds; the cost is a random nonce per wrap, so one KEK
version should wrap fewer than 2**32 keys (NIST SP 800-38D) -- rotate long before.
"""

from __future__ import annotations

import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ports.core.encryption import (
    FORMAT,
    KEY_BYTES,
    NONCE_BYTES,
    DecryptionRefused,
    KeyProvider,
    KeyRef,
    Sealed,
    UnknownKeyVersion,
)

_PREFIX = FORMAT.encode()


def _framed(*fields: str) -> bytes:
    """Length-prefixed fields: ("a.b", "c") and ("a", "b.c") never give the same bytes."""
    encoded = [text.encode("utf-8", "surrogatepass") for text in fields]  # any str, no error
    return _PREFIX + b"".join(struct.pack(">I", len(data)) + data for data in encoded)


def record_aad(record_type: str, record_id: str) -> bytes:
    return _framed("record", record_type, record_id)


def wrap_aad(ref: KeyRef) -> bytes:
    return _framed("dek", ref.key_id, str(ref.version))


class AesGcmEnvelope:
    """An EnvelopeCipher over a KeyProvider; holds no key bytes beyond one AESGCM per KEK.

    KEK ciphers are cached for the envelope's life: a provider that drops a retired version
    at run time needs a new envelope for the drop to take effect.
    """

    def __init__(self, keys: KeyProvider) -> None:
        self._keys = keys
        self._keks: dict[KeyRef, tuple[AESGCM, bytes]] = {}  # the KEK and its wrap AD

    def __repr__(self) -> str:
        return f"AesGcmEnvelope(keys={self._keys!r})"

    def seal(self, plaintext: bytes, record_type: str, record_id: str) -> str:
        ref = self._keys.current()
        dek = AESGCM.generate_key(bit_length=KEY_BYTES * 8)
        nonce = os.urandom(NONCE_BYTES)
        ciphertext = AESGCM(dek).encrypt(nonce, plaintext, record_aad(record_type, record_id))
        return Sealed(ref, self._wrap(ref, dek), nonce, ciphertext).to_text()

    def open(self, text: str, record_type: str, record_id: str) -> bytes:
        sealed = Sealed.parse(text)
        dek = self._unwrap(sealed)
        try:
            return AESGCM(dek).decrypt(
                sealed.nonce, sealed.ciphertext, record_aad(record_type, record_id)
            )
        except InvalidTag:
            raise DecryptionRefused(
                "ciphertext does not authenticate for this record (tampered or another record's)"
            ) from None

    def rewrap(self, text: str) -> str:
        sealed = Sealed.parse(text)
        ref = self._keys.current()
        if sealed.kek == ref:
            return text
        dek = self._unwrap(sealed)
        return Sealed(ref, self._wrap(ref, dek), sealed.nonce, sealed.ciphertext).to_text()

    def kek_version_of(self, text: str) -> KeyRef:
        return Sealed.parse(text).kek

    def current(self) -> KeyRef:
        return self._keys.current()

    def _kek(self, ref: KeyRef) -> tuple[AESGCM, bytes]:
        """The KEK's cipher, built once per version (the key schedule costs as much as a wrap)."""
        kek = self._keks.get(ref)
        if kek is None:
            try:
                kek = AESGCM(self._keys.kek(ref)), wrap_aad(ref)
            except UnknownKeyVersion:
                raise DecryptionRefused(f"no key-encryption key {ref} is configured") from None
            self._keks[ref] = kek
        return kek

    def _wrap(self, ref: KeyRef, dek: bytes) -> bytes:
        kek, aad = self._kek(ref)
        nonce = os.urandom(NONCE_BYTES)
        return nonce + kek.encrypt(nonce, dek, aad)

    def _unwrap(self, sealed: Sealed) -> bytes:
        kek, aad = self._kek(sealed.kek)
        nonce, body = sealed.wrapped_key[:NONCE_BYTES], sealed.wrapped_key[NONCE_BYTES:]
        try:
            return kek.decrypt(nonce, body, aad)
        except InvalidTag:
            raise DecryptionRefused(
                f"wrapped data key does not authenticate under {sealed.kek}"
            ) from None
