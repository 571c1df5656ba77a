"""The in-memory vault and the credential value objects: encrypted records, masked key ids."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.memory.vault import InMemoryCredentialVault
from adapters.security.cipher import FernetCipher
from ports.vault import BrokerCredentials, VaultUnreadable, mask_key_id

T0 = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)
CREDENTIALS = BrokerCredentials("alpaca", "PKA1B2C3D4E5F6G7H7XQ", "s3cr3t-value-1234", True)
printable = st.text(st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=64)


@given(printable)
def test_a_masked_key_id_shows_at_most_five_of_its_characters(key_id: str) -> None:
    masked = mask_key_id(key_id)

    assert masked.count("…") == 1
    assert len(masked) - 1 <= 5
    if len(key_id) >= 12:
        assert masked == f"{key_id[:2]}…{key_id[-3:]}"
    else:
        assert masked == "…"


def test_the_documented_mask() -> None:
    assert mask_key_id("PKA1B2C3D4E5F6G7H7XQ") == "PK…7XQ"


def test_repr_and_str_of_credentials_hide_the_secret_and_the_key_id() -> None:
    for text in (repr(CREDENTIALS), str(CREDENTIALS), f"{CREDENTIALS}"):
        assert CREDENTIALS.secret_key not in text
        assert CREDENTIALS.key_id not in text
        assert "PK…7XQ" in text


async def test_the_memory_vault_keeps_ciphertext_only() -> None:
    # Arrange
    vault = InMemoryCredentialVault(FernetCipher.generate())

    # Act
    await vault.put("acc-1", "u-1", CREDENTIALS, T0)

    # Assert
    sealed = vault.sealed("acc-1")
    assert sealed is not None
    assert CREDENTIALS.secret_key not in repr(sealed)
    assert CREDENTIALS.key_id not in repr(sealed)
    assert await vault.get("acc-1") == CREDENTIALS


@given(printable, printable, st.booleans())
async def test_whatever_is_stored_comes_back(key_id: str, secret: str, paper: bool) -> None:
    # hypothesis runs the async test in its own loop; a vault per example keeps them apart
    vault = InMemoryCredentialVault(FernetCipher(FernetCipher.new_key()))
    credentials = BrokerCredentials("alpaca", key_id, secret, paper)

    await vault.put("acc-1", "u-1", credentials, T0)

    assert await vault.get("acc-1") == credentials


async def test_another_key_cannot_open_the_records() -> None:
    # Arrange
    sealed_with = FernetCipher.generate()
    writer = InMemoryCredentialVault(sealed_with)
    await writer.put("acc-1", "u-1", CREDENTIALS, T0)
    record = writer.sealed("acc-1")
    assert record is not None
    reader = InMemoryCredentialVault(FernetCipher.generate())
    reader._sealed["acc-1"] = record  # the same record, read with another key

    # Act / Assert
    with pytest.raises(VaultUnreadable, match="BULWARK_SECRET_KEY"):
        await reader.get("acc-1")
    assert await reader.describe("acc-1") == record.info
