"""The SecretSealer: envelope encryption for new secrets, Fernet still readable until migrated.

Texts starting `bwk1.` are envelopes (adapters/security/envelope.py); anything else is taken
for a Fernet token sealed under BULWARK_SECRET_KEY before envelopes existed, and opens only
when that legacy key is configured. `upgrade` turns either into an envelope under the current
KEK, which is what `bulwark keys rotate` does record by record (no downtime: both forms read).
"""

from __future__ import annotations

import os

from adapters.security.envelope import AesGcmEnvelope
from adapters.security.key_providers import StaticKeyProvider
from ports.core.encryption import FORMAT, KEY_BYTES, DecryptionRefused, EnvelopeCipher, KeyRef
from ports.identity.identity import SecretCipher

_ENVELOPE_PREFIX = FORMAT + "."
LEGACY_LABEL = "legacy"


class SecretBox:
    """A SecretSealer over an EnvelopeCipher and, optionally, the legacy Fernet cipher."""

    def __init__(self, envelope: EnvelopeCipher, legacy: SecretCipher | None = None) -> None:
        self._envelope = envelope
        self._legacy = legacy

    @classmethod
    def ephemeral(cls, legacy: SecretCipher | None = None) -> SecretBox:
        """A box under a random KEK of this process only (tests, embedded runs)."""
        ref = KeyRef("ephemeral", 1)
        return cls(AesGcmEnvelope(StaticKeyProvider({ref: os.urandom(KEY_BYTES)}, ref)), legacy)

    def __repr__(self) -> str:
        return f"SecretBox(envelope={self._envelope!r}, legacy={self._legacy is not None})"

    def seal(self, plaintext: str, record_type: str, record_id: str) -> str:
        data = plaintext.encode("utf-8")
        return self._envelope.seal(data, record_type, record_id)

    def open(self, text: str, record_type: str, record_id: str) -> str:
        if is_envelope(text):
            data = self._envelope.open(text, record_type, record_id)
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                raise DecryptionRefused("sealed secret is not UTF-8 text") from None
        if self._legacy is None:
            raise DecryptionRefused(
                "a legacy (Fernet) secret needs BULWARK_SECRET_KEY, which is not set"
            )
        try:
            return self._legacy.decrypt(text)
        except ValueError:
            raise DecryptionRefused("legacy secret does not open with BULWARK_SECRET_KEY") from None

    def needs_upgrade(self, text: str) -> bool:
        if not is_envelope(text):
            return True
        return self._envelope.kek_version_of(text) != self._envelope.current()

    def upgrade(self, text: str, record_type: str, record_id: str) -> str:
        if is_envelope(text):
            # Prove the text belongs to this record before moving it to the new KEK.
            self._envelope.open(text, record_type, record_id)
            return self._envelope.rewrap(text)
        return self.seal(self.open(text, record_type, record_id), record_type, record_id)

    def key_label(self, text: str) -> str:
        if not is_envelope(text):
            return LEGACY_LABEL
        return str(self._envelope.kek_version_of(text))


def is_envelope(text: str) -> bool:
    return text.startswith(_ENVELOPE_PREFIX)
