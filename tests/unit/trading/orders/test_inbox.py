"""The inbox check of message-driven commands: a committed message id is never applied twice."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
from application.core.inbox import claim
from domain.errors import ConcurrentUpdate, DuplicateMessage
from domain.trading.instruments import Instrument

AT = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)


@pytest.fixture
def store() -> InMemoryStore:
    return InMemoryStore()


async def claim_with_effect(store: InMemoryStore, message_id: str | None, symbol: str) -> None:
    """A use case's transaction: claim the message, make an effect, commit."""
    async with InMemoryUnitOfWork(store) as uow:
        await claim(uow, message_id, "order.cancel", AT)
        await uow.instruments.add(Instrument(symbol))
        await uow.commit()


async def test_a_claimed_message_is_seen_once_its_transaction_commits(
    store: InMemoryStore,
) -> None:
    # Arrange
    async with InMemoryUnitOfWork(store) as uow:
        await claim(uow, "m-1", "order.cancel", AT)
        async with InMemoryUnitOfWork(store) as other:
            seen_before_commit = await other.inbox.seen("m-1")

        # Act
        await uow.commit()

    # Assert
    async with InMemoryUnitOfWork(store) as uow:
        assert await uow.inbox.seen("m-1")
    assert not seen_before_commit
    assert store.inbox == {"m-1": ("order.cancel", AT)}


async def test_a_claim_left_without_commit_keeps_nothing(store: InMemoryStore) -> None:
    # Act
    async with InMemoryUnitOfWork(store) as uow:
        await claim(uow, "m-1", "order.cancel", AT)

    # Assert
    async with InMemoryUnitOfWork(store) as uow:
        assert not await uow.inbox.seen("m-1")


async def test_a_redelivered_message_raises_duplicate_and_has_no_second_effect(
    store: InMemoryStore,
) -> None:
    # Arrange
    await claim_with_effect(store, "m-1", "AAPL")

    # Act
    with pytest.raises(DuplicateMessage):
        await claim_with_effect(store, "m-1", "MSFT")

    # Assert
    assert sorted(store.instruments) == ["AAPL"]


async def test_a_twin_delivery_racing_the_first_fails_at_commit_with_nothing_applied(
    store: InMemoryStore,
) -> None:
    # Arrange: both deliveries pass the check before either commits
    first, twin = InMemoryUnitOfWork(store), InMemoryUnitOfWork(store)
    async with first, twin:
        await claim(first, "m-1", "agent.heartbeat", AT)
        await claim(twin, "m-1", "agent.heartbeat", AT)
        await first.instruments.add(Instrument("AAPL"))
        await twin.instruments.add(Instrument("MSFT"))
        await first.commit()

        # Act
        with pytest.raises(ConcurrentUpdate):
            await twin.commit()

    # Assert
    assert sorted(store.instruments) == ["AAPL"]
    assert list(store.inbox) == ["m-1"]


async def test_without_a_message_id_nothing_is_recorded_and_every_call_takes_effect(
    store: InMemoryStore,
) -> None:
    # Act
    await claim_with_effect(store, None, "AAPL")
    await claim_with_effect(store, None, "MSFT")

    # Assert
    assert store.inbox == {}
    assert sorted(store.instruments) == ["AAPL", "MSFT"]
