"""Contract of the inbox (ids of processed command messages), on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from application.core.inbox import claim
from domain.errors import ConcurrentUpdate, DuplicateMessage
from domain.trading.instruments import Instrument
from tests.integration.store.conftest import StoreUnderTest

AT = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)


async def seen(store: StoreUnderTest, message_id: str) -> bool:
    async with store.uow() as uow:
        return bool(await uow.inbox.seen(message_id))


async def instrument(store: StoreUnderTest, symbol: str) -> Instrument | None:
    async with store.uow() as uow:
        found: Instrument | None = await uow.instruments.get(symbol)
        return found


async def test_an_added_id_is_seen_only_after_its_commit(store: StoreUnderTest) -> None:
    # Arrange
    async with store.uow() as uow:
        await uow.inbox.add("m-1", "order.cancel", AT)
        before_commit = await seen(store, "m-1")

        # Act
        await uow.commit()

    # Assert
    assert not before_commit
    assert await seen(store, "m-1")
    assert not await seen(store, "m-2")


async def test_an_id_added_without_commit_is_not_kept(store: StoreUnderTest) -> None:
    # Act
    async with store.uow() as uow:
        await uow.inbox.add("m-1", "order.cancel", AT)

    # Assert
    assert not await seen(store, "m-1")


async def test_a_second_add_of_one_id_fails_its_commit_and_keeps_nothing_of_it(
    store: StoreUnderTest,
) -> None:
    # Arrange: two units of work add the id before either commits (a twin delivery)
    async with store.uow() as first, store.uow() as twin:
        await twin.instruments.add(Instrument("MSFT"))
        await twin.inbox.add("m-1", "agent.heartbeat", AT)
        await first.inbox.add("m-1", "agent.heartbeat", AT)
        await first.instruments.add(Instrument("AAPL"))
        await first.commit()

        # Act
        with pytest.raises(ConcurrentUpdate):
            await twin.commit()

    # Assert
    assert await seen(store, "m-1")
    assert await instrument(store, "AAPL") is not None
    assert await instrument(store, "MSFT") is None


async def test_claim_raises_duplicate_for_a_committed_id_and_adds_an_unseen_one(
    store: StoreUnderTest,
) -> None:
    # Arrange
    async with store.uow() as uow:
        await claim(uow, "m-1", "killswitch.resume", AT)
        await uow.commit()

    # Act
    async with store.uow() as uow:
        with pytest.raises(DuplicateMessage):
            await claim(uow, "m-1", "killswitch.resume", AT)
        await claim(uow, "m-2", "killswitch.resume", AT)
        await uow.commit()

    # Assert
    assert await seen(store, "m-2")
