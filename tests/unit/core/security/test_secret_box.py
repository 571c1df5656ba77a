"""The SecretSealer: envelopes for new secrets, legacy Fernet still readable until upgraded."""

from __future__ import annotations

import pytest

from adapters.security.cipher import FernetCipher
from adapters.security.envelope import AesGcmEnvelope
from adapters.security.key_providers import StaticKeyProvider
from adapters.security.secret_box import LEGACY_LABEL, SecretBox
from ports.core.encryption import DecryptionRefused, KeyRef

V1, V2 = KeyRef("main", 1), KeyRef("main", 2)
KEYS = {V1: bytes(range(32)), V2: bytes(range(32, 64))}
LEGACY = FernetCipher(FernetCipher.new_key())


def box(*refs: KeyRef, legacy: FernetCipher | None = LEGACY) -> SecretBox:
    provider = StaticKeyProvider({ref: KEYS[ref] for ref in refs}, current=refs[-1])
    return SecretBox(AesGcmEnvelope(provider), legacy)


def test_a_sealed_secret_opens_for_its_record_only() -> None:
    # Arrange
    sealer = box(V1)

    # Act
    text = sealer.seal("JBSWY3DPEHPK3PXP", "user.mfa_secret", "u-1")

    # Assert
    assert text.startswith("bwk1.main.1.")
    assert sealer.open(text, "user.mfa_secret", "u-1") == "JBSWY3DPEHPK3PXP"
    with pytest.raises(DecryptionRefused):
        sealer.open(text, "user.mfa_secret", "u-2")
    assert not sealer.needs_upgrade(text)
    assert sealer.key_label(text) == "main v1"


def test_a_legacy_fernet_secret_opens_and_upgrades_to_an_envelope() -> None:
    # Arrange
    sealer = box(V1)
    legacy_text = LEGACY.encrypt("JBSWY3DPEHPK3PXP")

    # Act
    upgraded = sealer.upgrade(legacy_text, "user.mfa_secret", "u-1")

    # Assert
    assert sealer.key_label(legacy_text) == LEGACY_LABEL
    assert sealer.needs_upgrade(legacy_text)
    assert sealer.open(legacy_text, "user.mfa_secret", "u-1") == "JBSWY3DPEHPK3PXP"
    assert upgraded.startswith("bwk1.main.1.")
    assert sealer.open(upgraded, "user.mfa_secret", "u-1") == "JBSWY3DPEHPK3PXP"
    assert not sealer.needs_upgrade(upgraded)


def test_without_the_legacy_key_a_fernet_secret_is_refused_with_the_reason() -> None:
    # Arrange
    sealer = box(V1, legacy=None)

    # Act / Assert
    with pytest.raises(DecryptionRefused, match="BULWARK_SECRET_KEY"):
        sealer.open(LEGACY.encrypt("s"), "user.mfa_secret", "u-1")


def test_upgrade_moves_an_old_version_to_the_current_kek_and_checks_the_record() -> None:
    # Arrange
    old = box(V1).seal("api-secret", "api_key.secret", "k-1")
    sealer = box(V1, V2)

    # Act
    upgraded = sealer.upgrade(old, "api_key.secret", "k-1")

    # Assert
    assert sealer.needs_upgrade(old)
    assert sealer.key_label(upgraded) == "main v2"
    assert box(V2).open(upgraded, "api_key.secret", "k-1") == "api-secret"
    with pytest.raises(DecryptionRefused):
        sealer.upgrade(old, "api_key.secret", "k-2")


def test_the_repr_shows_no_key_material() -> None:
    # Act
    shown = repr(box(V1, V2))

    # Assert
    assert "main v2" in shown
    assert all(str(byte) not in shown for byte in KEYS[V1][10:20])
