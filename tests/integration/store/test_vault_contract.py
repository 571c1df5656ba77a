"""The credential vault: one contract on memory, SQLite and PostgreSQL, ciphertext at rest."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from adapters.memory.vault import InMemoryCredentialVault
from adapters.postgres.repos.vault import SqlCredentialVault
from adapters.postgres.tables.vault import broker_credentials
from adapters.security.cipher import FernetCipher
from ports.identity import SecretCipher
from ports.vault import BrokerCredentials, CredentialVault, VaultUnreadable
from tests.integration.store.conftest import StoreUnderTest

T0 = datetime(2026, 3, 2, 14, 30, 0, 123456, tzinfo=UTC)
ALICE = BrokerCredentials("alpaca", "PKALICE00000000007XQ", "alice-secret-0123456789", True)
ROTATED = BrokerCredentials("alpaca", "PKROTATED0000000ABCD", "rotated-secret-9876543210", False)


def open_vault(store: StoreUnderTest, cipher: SecretCipher) -> CredentialVault:
    if store.kind == "memory":
        return InMemoryCredentialVault(cipher)
    return SqlCredentialVault(store.engine, cipher)


@pytest.fixture
def key() -> bytes:
    return FernetCipher.new_key()


@pytest.fixture
def cipher(key: bytes) -> FernetCipher:
    return FernetCipher(key)


@pytest.fixture
def vault(store: StoreUnderTest, cipher: FernetCipher) -> CredentialVault:
    return open_vault(store, cipher)


def same_records(vault: CredentialVault, cipher: SecretCipher) -> InMemoryCredentialVault:
    """A memory vault over the records of `vault`, reading them with `cipher`."""
    assert isinstance(vault, InMemoryCredentialVault)
    reader = InMemoryCredentialVault(cipher)
    reader._sealed = vault._sealed
    return reader


async def raw_record(store: StoreUnderTest, vault: CredentialVault) -> tuple[str, ...]:
    """Every stored column of acc-1 as text, exactly as it rests (row or dict)."""
    if store.kind == "memory":
        assert isinstance(vault, InMemoryCredentialVault)
        sealed = vault.sealed("acc-1")
        assert sealed is not None
        return (repr(sealed), sealed.key_id_ciphertext, sealed.secret_ciphertext)
    async with store.engine.connect() as conn:
        row = (await conn.execute(select(broker_credentials))).one()
    return tuple(str(value) for value in row)


async def test_credentials_round_trip_and_describe_without_the_secret(
    vault: CredentialVault,
) -> None:
    # Act
    stored = await vault.put("acc-1", "u-1", ALICE, T0)
    loaded = await vault.get("acc-1")
    described = await vault.describe("acc-1")

    # Assert
    assert loaded == ALICE
    assert described == stored
    assert described is not None
    assert (described.account_id, described.owner_id, described.broker) == (
        "acc-1",
        "u-1",
        "alpaca",
    )
    assert (described.key_hint, described.paper) == ("PK…7XQ", True)
    assert described.updated_at == T0 and described.updated_at.utcoffset() == timedelta(0)


async def test_put_replaces_the_accounts_credentials(vault: CredentialVault) -> None:
    # Arrange
    await vault.put("acc-1", "u-1", ALICE, T0)
    await vault.put("acc-2", "u-2", ALICE, T0)

    # Act
    info = await vault.put("acc-1", "u-1", ROTATED, T0 + timedelta(minutes=5))

    # Assert
    assert await vault.get("acc-1") == ROTATED
    assert await vault.get("acc-2") == ALICE
    assert (info.key_hint, info.paper, info.updated_at) == (
        "PK…BCD",
        False,
        T0 + timedelta(minutes=5),
    )
    assert await vault.describe("acc-1") == info


async def test_delete_removes_once(vault: CredentialVault) -> None:
    # Arrange
    await vault.put("acc-1", "u-1", ALICE, T0)

    # Act
    first, second = await vault.delete("acc-1"), await vault.delete("acc-1")

    # Assert
    assert (first, second) == (True, False)
    assert await vault.get("acc-1") is None
    assert await vault.describe("acc-1") is None


async def test_nothing_stored_reads_as_none(vault: CredentialVault) -> None:
    assert await vault.get("acc-unknown") is None
    assert await vault.describe("acc-unknown") is None


async def test_the_record_at_rest_holds_neither_the_secret_nor_the_key_id(
    store: StoreUnderTest, vault: CredentialVault, cipher: FernetCipher
) -> None:
    # Act
    await vault.put("acc-1", "u-1", ALICE, T0)

    # Assert
    record = await raw_record(store, vault)
    assert not any(ALICE.secret_key in column for column in record)
    assert not any(ALICE.key_id in column for column in record)
    assert ALICE.secret_key in {cipher.decrypt(c) for c in record if c.startswith("gAAAA")}


async def test_another_key_cannot_decrypt_and_says_so(
    store: StoreUnderTest, vault: CredentialVault
) -> None:
    # Arrange
    await vault.put("acc-1", "u-1", ALICE, T0)
    if store.kind == "memory":
        other: CredentialVault = same_records(vault, FernetCipher.generate())
    else:
        other = SqlCredentialVault(store.engine, FernetCipher.generate())

    # Act
    with pytest.raises(VaultUnreadable) as caught:
        await other.get("acc-1")

    # Assert
    assert "acc-1" in str(caught.value) and "BULWARK_SECRET_KEY" in str(caught.value)
    described = await other.describe("acc-1")
    assert described is not None and described.key_hint == "PK…7XQ"


async def test_a_rotated_key_still_reads_what_the_old_key_sealed(
    store: StoreUnderTest, vault: CredentialVault, key: bytes
) -> None:
    # Arrange
    await vault.put("acc-1", "u-1", ALICE, T0)
    rotated = FernetCipher(FernetCipher.new_key(), key)
    if store.kind == "memory":
        reader: CredentialVault = same_records(vault, rotated)
    else:
        reader = SqlCredentialVault(store.engine, rotated)

    # Act / Assert
    assert await reader.get("acc-1") == ALICE
    assert reader.durable is (store.kind != "memory")
