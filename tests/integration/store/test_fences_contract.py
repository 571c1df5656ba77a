"""Contract of the fences (counters that serialize units of work), on memory, SQLite and
PostgreSQL: of two units that read one value, one commits and the other fails with nothing
of it kept."""

from __future__ import annotations

import pytest

from domain.errors import ConcurrentUpdate
from domain.trading.instruments import Instrument
from tests.integration.store.conftest import StoreUnderTest


async def value(store: StoreUnderTest, key: str) -> int:
    async with store.uow() as uow:
        found: int = await uow.fences.read(key)
        return found


async def instrument(store: StoreUnderTest, symbol: str) -> Instrument | None:
    async with store.uow() as uow:
        found: Instrument | None = await uow.instruments.get(symbol)
        return found


async def test_a_key_never_advanced_reads_zero_and_advances_by_its_units_steps(
    store: StoreUnderTest,
) -> None:
    # Arrange
    before = await value(store, "book:b-1:2026-11-28")

    # Act: one unit advances it twice (two orders of one batch), reading its own steps
    async with store.uow() as uow:
        await uow.fences.read("book:b-1:2026-11-28")
        uow.fences.advance("book:b-1:2026-11-28")
        uow.fences.advance("book:b-1:2026-11-28")
        inside = await uow.fences.read("book:b-1:2026-11-28")
        await uow.commit()
    async with store.uow() as uow:
        await uow.fences.read("book:b-1:2026-11-28")
        uow.fences.advance("book:b-1:2026-11-28", 3)
        await uow.commit()

    # Assert
    assert (before, inside) == (0, 2)
    assert await value(store, "book:b-1:2026-11-28") == 5
    assert await value(store, "book:b-2:2026-11-28") == 0


@pytest.mark.parametrize("first_value", [0, 4])
async def test_of_two_units_that_read_one_value_the_later_commit_fails_and_keeps_nothing(
    store: StoreUnderTest, first_value: int
) -> None:
    # Arrange: the key at `first_value` (0: its row does not exist yet)
    if first_value:
        async with store.uow() as uow:
            await uow.fences.read("k")
            uow.fences.advance("k", first_value)
            await uow.commit()
    async with store.uow() as first, store.uow() as twin:
        await first.fences.read("k")
        await twin.fences.read("k")
        first.fences.advance("k")
        await first.instruments.add(Instrument("AAPL"))
        twin.fences.advance("k")
        await twin.instruments.add(Instrument("MSFT"))
        await first.commit()

        # Act
        with pytest.raises(ConcurrentUpdate):
            await twin.commit()

    # Assert
    assert await value(store, "k") == first_value + 1
    assert await instrument(store, "AAPL") is not None
    assert await instrument(store, "MSFT") is None


async def test_a_unit_that_did_not_commit_advances_nothing(store: StoreUnderTest) -> None:
    # Act
    async with store.uow() as uow:
        await uow.fences.read("k")
        uow.fences.advance("k")

    # Assert
    assert await value(store, "k") == 0


async def test_a_key_must_be_read_before_it_is_advanced(store: StoreUnderTest) -> None:
    # Act / Assert
    async with store.uow() as uow:
        with pytest.raises(ValueError, match="read"):
            uow.fences.advance("k")
