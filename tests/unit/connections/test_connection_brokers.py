"""A connection's broker: opened once on first use, reopened on new credentials after a
rotation while calls under way finish on the old adapter, the previous credentials tried
only when the venue refuses the new, and nothing sent once the connection is revoked."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from adapters.memory.connections import InMemoryConnectionStore
from application.connections.brokers import ConnectionBrokers, ConnectionState
from application.keys.vault import RotateVaultKey
from domain.connections.connection import VenueConnection
from domain.connections.kinds import VenueEnvironment, VenueKind
from ports.keys.key_vault import Credentials
from ports.trading.broker import BrokerAccount, BrokerError, BrokerErrorCode
from tests.unit.keys.world import OWNER, World, create, world

CONNECTION = "vc-1"


@dataclass(eq=False)
class FakeAdapter:
    """A venue adapter on one key: answers `account`, optionally refusing its key, and
    holding a call open until released."""

    key_id: str
    refuse: bool = False
    closed: bool = False
    gate: asyncio.Event | None = None
    name: str = "fake"

    async def account(self, account_id: str) -> BrokerAccount:
        if self.gate is not None:
            await self.gate.wait()
        if self.refuse:
            raise BrokerError(BrokerErrorCode.AUTH_FAILED, f"{self.key_id} refused")
        return BrokerAccount(self.key_id, Decimal(0), Decimal(0), Decimal(0))

    async def aclose(self) -> None:
        self.closed = True


@dataclass(eq=False)
class FakeAdapters:
    refused: set[str] = field(default_factory=set)
    opened: list[FakeAdapter] = field(default_factory=list)
    gate: asyncio.Event | None = None

    def check(self, connection: VenueConnection) -> None:
        return None

    def open(self, connection: VenueConnection, credentials: Credentials | None) -> FakeAdapter:
        assert credentials is not None
        key = credentials.key_id
        adapter = FakeAdapter(key, refuse=key in self.refused, gate=self.gate)
        self.opened.append(adapter)
        return adapter


@dataclass
class Desk:
    vault: World
    store: InMemoryConnectionStore
    adapters: FakeAdapters
    brokers: ConnectionBrokers
    vault_key: str


@pytest.fixture
async def desk() -> Desk:
    vault = await world()
    key = await vault.vault.create(create(provider="ccxt", key_id="key-one", secret="one"))
    store = InMemoryConnectionStore()
    await store.add(
        VenueConnection(
            CONNECTION, OWNER.id, "desk", VenueKind.parse("ccxt:binance"), VenueEnvironment.LIVE,
            datetime(2026, 1, 5, tzinfo=UTC), vault_key_id=key.id, quote="USD",
        )
    )  # fmt: skip
    adapters = FakeAdapters()
    brokers = ConnectionBrokers(store, vault.vault, adapters, vault.clock)  # type: ignore[arg-type]
    return Desk(vault, store, adapters, brokers, key.id)


async def account_key(desk: Desk) -> str:
    broker = desk.brokers.route(CONNECTION)
    assert broker is not None
    return (await broker.account("acc-1")).account_id


async def rotate(desk: Desk, key_id: str) -> None:
    await desk.vault.vault.rotate(RotateVaultKey(OWNER, desk.vault_key, f"s-{key_id}", key_id))


async def test_a_connection_opens_one_adapter_shared_by_every_call(desk: Desk) -> None:
    # Act
    keys = [await account_key(desk) for _ in range(3)]

    # Assert
    assert keys == ["key-one"] * 3
    assert len(desk.adapters.opened) == 1


def test_a_route_that_is_not_a_connection_is_not_one_of_its_brokers(desk: Desk) -> None:
    # Act / Assert
    assert desk.brokers.route("alpaca") is None
    assert desk.brokers.route(CONNECTION) is desk.brokers.route(CONNECTION)


async def test_after_a_rotation_the_next_call_uses_the_new_key_and_the_old_adapter_closes(
    desk: Desk,
) -> None:
    # Arrange
    await account_key(desk)

    # Act
    await rotate(desk, "key-two")
    after = await account_key(desk)
    await asyncio.sleep(0)  # the retired adapter closes on the loop

    # Assert
    assert after == "key-two"
    first, second = desk.adapters.opened
    assert first.closed and not second.closed


async def test_a_call_under_way_finishes_on_the_old_adapter_before_it_closes(desk: Desk) -> None:
    # Arrange: a call held open on the first adapter
    desk.adapters.gate = asyncio.Event()
    under_way = asyncio.create_task(account_key(desk))
    await asyncio.sleep(0.01)

    # Act: rotated while it waits
    await rotate(desk, "key-two")
    await asyncio.sleep(0)
    closed_while_waiting = desk.adapters.opened[0].closed
    desk.adapters.gate.set()
    answered = await under_way
    await asyncio.sleep(0)

    # Assert
    assert not closed_while_waiting
    assert answered == "key-one"
    assert desk.adapters.opened[0].closed


async def test_the_previous_key_is_tried_only_when_the_venue_refuses_the_new_one(
    desk: Desk,
) -> None:
    # Arrange: the venue has not learnt the new key yet
    await account_key(desk)
    desk.adapters.refused.add("key-two")

    # Act
    await rotate(desk, "key-two")
    answered = await account_key(desk)

    # Assert: refused on the new key, answered on the previous one (in its grace)
    assert answered == "key-one"
    assert [a.key_id for a in desk.adapters.opened] == ["key-one", "key-two", "key-one"]


async def test_a_revoked_connection_sends_nothing(desk: Desk) -> None:
    # Arrange
    connection = await desk.store.get(CONNECTION)
    assert connection is not None
    await desk.store.save(connection.revoked(datetime(2026, 1, 6, tzinfo=UTC)))

    # Act
    with pytest.raises(BrokerError) as caught:
        await account_key(desk)

    # Assert
    assert caught.value.code is BrokerErrorCode.CONNECTION_REVOKED
    assert desk.adapters.opened == []


async def test_an_expired_vault_key_is_refused_before_anything_is_opened(desk: Desk) -> None:
    # Arrange: the key expires
    key = await desk.vault.store.get(desk.vault_key)
    assert key is not None
    await desk.vault.store.save(key.with_expiry(datetime(2020, 1, 1, tzinfo=UTC)), key.pair)

    # Act
    with pytest.raises(BrokerError) as caught:
        await account_key(desk)

    # Assert
    assert caught.value.code is BrokerErrorCode.AUTH_FAILED
    assert desk.adapters.opened == []


async def test_each_call_leaves_the_connections_health_as_the_venue_answered(desk: Desk) -> None:
    # Arrange
    broker = desk.brokers.route(CONNECTION)
    assert broker is not None
    unused = broker.health.state

    # Act: answered, then refused after a rotation to a key the venue does not know
    await account_key(desk)
    answered = broker.health.state
    desk.adapters.refused.update({"key-one", "key-two"})
    await rotate(desk, "key-two")
    with pytest.raises(BrokerError):
        await account_key(desk)

    # Assert
    assert (unused, answered) == (ConnectionState.UNUSED, ConnectionState.OK)
    [health] = desk.brokers.health()
    assert health.state is ConnectionState.AUTH_FAILED and "refused" in health.reason


async def test_a_dropped_connection_reports_nothing_and_its_next_call_finds_it_revoked(
    desk: Desk,
) -> None:
    # Arrange
    await account_key(desk)
    connection = await desk.store.get(CONNECTION)
    assert connection is not None
    await desk.store.save(connection.revoked(datetime(2026, 1, 6, tzinfo=UTC)))

    # Act
    desk.brokers.drop(CONNECTION)
    reported = desk.brokers.health()
    with pytest.raises(BrokerError) as caught:
        await account_key(desk)

    # Assert
    assert reported == []
    assert caught.value.code is BrokerErrorCode.CONNECTION_REVOKED
