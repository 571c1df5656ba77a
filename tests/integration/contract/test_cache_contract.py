"""QuoteCache contract: the in-memory and the Redis caches answer alike."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from ports.market_data.cache import QuoteCache
from ports.market_data.marketdata import Quote
from tests.integration.contract.conftest import Backend

AT = datetime(2026, 1, 5, 14, 30, 15, 123456, tzinfo=UTC)


def quote(symbol: str = "AAPL", bid: str = "187.2500", ask: str = "187.27") -> Quote:
    return Quote(symbol, Decimal(bid), Decimal(ask), Decimal("187.26"), AT, Decimal("300"))


async def test_a_quote_put_is_got_back(quote_cache: QuoteCache) -> None:
    # Arrange
    stored = quote()

    # Act
    await quote_cache.put(stored, 60.0)
    got = await quote_cache.get("AAPL")

    # Assert
    assert got == stored


async def test_an_unknown_symbol_answers_none(quote_cache: QuoteCache) -> None:
    # Arrange
    await quote_cache.put(quote("AAPL"), 60.0)

    # Act
    got = await quote_cache.get("MSFT")

    # Assert
    assert got is None


async def test_an_expired_quote_answers_none(quote_cache: QuoteCache, backend: Backend) -> None:
    # Arrange
    await quote_cache.put(quote(), 0.2)

    # Act
    await backend.elapse(0.3)
    got = await quote_cache.get("AAPL")

    # Assert
    assert got is None


async def test_a_new_put_replaces_the_symbols_quote(quote_cache: QuoteCache) -> None:
    # Arrange
    await quote_cache.put(quote(bid="187.25"), 60.0)

    # Act
    await quote_cache.put(quote(bid="187.30"), 60.0)
    got = await quote_cache.get("AAPL")

    # Assert
    assert got is not None
    assert got.bid == Decimal("187.30")


async def test_decimals_and_times_round_trip_exactly(quote_cache: QuoteCache) -> None:
    # Arrange: trailing zeros, many places, large values: nothing may pass through a float
    stored = Quote(
        "BTC-USD",
        bid=Decimal("0.10000000"),
        ask=Decimal("98765432109876.123456789"),
        last=Decimal("1E-12"),
        at=AT,
        bid_size=Decimal("0.00000001"),
        ask_size=Decimal("12345678901234567890"),
    )

    # Act
    await quote_cache.put(stored, 60.0)
    got = await quote_cache.get("BTC-USD")

    # Assert
    assert got is not None
    assert [str(v) for v in (got.bid, got.ask, got.last, got.bid_size, got.ask_size)] == [
        "0.10000000",
        "98765432109876.123456789",
        "1E-12",
        "1E-8",
        "12345678901234567890",
    ]
    assert got.at == AT


@pytest.mark.parametrize("ttl", [0.0, -1.0])
async def test_a_ttl_that_is_not_positive_is_refused(quote_cache: QuoteCache, ttl: float) -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="ttl"):
        await quote_cache.put(quote(), ttl)
