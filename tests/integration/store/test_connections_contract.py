"""The venue connection store: one contract on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest

from adapters.memory.connections import InMemoryConnectionStore
from adapters.postgres.connections import SqlConnectionStore
from domain.connections.connection import VenueConnection
from domain.connections.kinds import VenueEnvironment, VenueKind
from ports.connections.store import ConnectionStore
from tests.integration.store.conftest import T0, StoreUnderTest


def crypto(connection_id: str = "vc-crypto", **fields: object) -> VenueConnection:
    values: dict[str, object] = {
        "id": connection_id,
        "owner_id": "u-1",
        "label": "Binance testnet",
        "kind": VenueKind.parse("ccxt:binance"),
        "environment": VenueEnvironment.TESTNET,
        "created_at": T0,
        "vault_key_id": "vk-binance",
        "endpoint": "https://localhost:8443/api",
        "quote": "USDC",
        "verify_tls": False,
        **fields,
    }
    return VenueConnection(**values)  # type: ignore[arg-type]


def gateway(connection_id: str = "vc-ibkr", **fields: object) -> VenueConnection:
    values: dict[str, object] = {
        "id": connection_id,
        "owner_id": "u-1",
        "label": "IBKR paper",
        "kind": VenueKind.parse("ibkr"),
        "environment": VenueEnvironment.PAPER,
        "created_at": T0 + timedelta(seconds=1),
        "venue_account": "DU1234567",
        "endpoint": "https://localhost:5000/v1/api",
        **fields,
    }
    return VenueConnection(**values)  # type: ignore[arg-type]


@pytest.fixture
def connections(store: StoreUnderTest) -> ConnectionStore:
    return store.adapter(InMemoryConnectionStore, SqlConnectionStore)


async def test_a_connection_round_trips_with_every_field(connections: ConnectionStore) -> None:
    # Arrange
    binance = crypto()
    ibkr = gateway()

    # Act
    await connections.add(binance)
    await connections.add(ibkr)

    # Assert
    loaded = await connections.get("vc-crypto")
    assert loaded == binance
    assert loaded is not None
    assert str(loaded.kind) == "ccxt:binance"
    assert loaded.created_at.utcoffset() == timedelta(0)
    assert loaded.verify_tls is False
    assert await connections.get("vc-ibkr") == ibkr


async def test_an_unknown_id_is_none(connections: ConnectionStore) -> None:
    # Arrange
    await connections.add(crypto())

    # Act
    found = await connections.get("vc-unknown")

    # Assert
    assert found is None


async def test_owned_by_gives_the_owners_oldest_first_revoked_included(
    connections: ConnectionStore,
) -> None:
    # Arrange
    later = crypto("vc-a", created_at=T0 + timedelta(minutes=5))
    revoked = gateway("vc-b", created_at=T0, revoked_at=T0 + timedelta(minutes=1))
    middle = crypto("vc-c", created_at=T0 + timedelta(minutes=2))
    await connections.add(later)
    await connections.add(revoked)
    await connections.add(middle)
    await connections.add(crypto("vc-other", owner_id="u-2"))

    # Act
    owned = await connections.owned_by("u-1")

    # Assert
    assert list(owned) == [revoked, middle, later]
    assert list(await connections.owned_by("u-nobody")) == []


async def test_save_replaces_and_every_active_leaves_the_revoked_out(
    connections: ConnectionStore,
) -> None:
    # Arrange
    await connections.add(crypto())
    await connections.add(gateway())
    await connections.add(crypto("vc-other", owner_id="u-2", created_at=T0 + timedelta(hours=1)))
    revoked = crypto().revoked(T0 + timedelta(days=1))

    # Act
    await connections.save(revoked)

    # Assert
    loaded = await connections.get("vc-crypto")
    assert loaded == revoked
    assert loaded is not None
    assert loaded.vault_key_id is None
    assert loaded.revoked_at == T0 + timedelta(days=1)
    assert [c.id for c in await connections.every_active()] == ["vc-ibkr", "vc-other"]


async def test_adding_a_taken_id_raises_value_error(connections: ConnectionStore) -> None:
    # Arrange
    await connections.add(crypto())

    # Act / Assert
    with pytest.raises(ValueError, match="vc-crypto"):
        await connections.add(crypto(label="another"))
    assert await connections.get("vc-crypto") == crypto()


async def test_saving_an_unknown_id_raises_key_error(connections: ConnectionStore) -> None:
    # Arrange
    await connections.add(crypto())

    # Act / Assert
    with pytest.raises(KeyError, match="vc-ibkr"):
        await connections.save(gateway())
    assert await connections.get("vc-ibkr") is None
