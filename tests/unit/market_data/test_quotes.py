"""CachedMarketData: quotes from the shared cache for a TTL, reference prices always fresh."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adapters.memory.cache import InMemoryQuoteCache
from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData
from application.market_data.quotes import CachedMarketData
from ports.market_data.cache import CacheUnavailable
from ports.market_data.marketdata import Quote, QuoteUnavailable

D = Decimal
TTL = 1.0


class _DownCache:
    """A QuoteCache whose server cannot be reached."""

    async def get(self, symbol: str) -> Quote | None:
        raise CacheUnavailable("cache down")

    async def put(self, quote: Quote, ttl_seconds: float) -> None:
        raise CacheUnavailable("cache down")


@pytest.fixture
def provider(clock: FakeClock) -> InMemoryMarketData:
    provider = InMemoryMarketData(clock)
    provider.set_quote("AAPL", "99.90", "100.10")
    return provider


@pytest.fixture
def cached(provider: InMemoryMarketData, clock: FakeClock) -> CachedMarketData:
    return CachedMarketData(provider, InMemoryQuoteCache(clock), TTL)


async def test_a_quote_is_served_from_the_cache_until_its_ttl_passes(
    cached: CachedMarketData, provider: InMemoryMarketData, clock: FakeClock
) -> None:
    # Arrange
    first = await cached.quote("AAPL")
    provider.set_quote("AAPL", "101.90", "102.10")

    # Act
    within = await cached.quote("AAPL")
    clock.advance(TTL)
    after = await cached.quote("AAPL")

    # Assert
    assert within == first
    assert after.bid == D("101.90")


async def test_reference_prices_always_come_from_the_provider(
    cached: CachedMarketData, provider: InMemoryMarketData
) -> None:
    # Arrange: the quote is cached
    await cached.quote("AAPL")
    provider.set_quote("AAPL", "109.90", "110.10")

    # Act
    prices = await cached.reference_prices(["AAPL", "MSFT"])

    # Assert
    assert prices == await provider.reference_prices(["AAPL", "MSFT"])
    assert prices["AAPL"] != D("100.00")


async def test_an_unreachable_cache_falls_through_to_the_provider(
    provider: InMemoryMarketData,
) -> None:
    # Arrange
    cached = CachedMarketData(provider, _DownCache(), TTL)

    # Act
    quote = await cached.quote("AAPL")

    # Assert
    assert quote == await provider.quote("AAPL")


async def test_a_missing_quote_is_not_cached(
    cached: CachedMarketData, provider: InMemoryMarketData
) -> None:
    # Arrange
    with pytest.raises(QuoteUnavailable):
        await cached.quote("MSFT")
    provider.set_quote("MSFT", "409.90", "410.10")

    # Act
    quote = await cached.quote("MSFT")

    # Assert
    assert quote.ask == D("410.10")


def test_a_ttl_that_is_not_positive_is_refused(
    provider: InMemoryMarketData, clock: FakeClock
) -> None:
    with pytest.raises(ValueError, match="ttl_seconds"):
        CachedMarketData(provider, InMemoryQuoteCache(clock), 0)
