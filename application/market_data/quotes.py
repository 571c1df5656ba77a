"""Market data with a shared quote cache in front: `quote` is cached, reference prices are not."""

from __future__ import annotations

import contextlib
from decimal import Decimal

from ports.market_data.cache import CacheUnavailable, QuoteCache
from ports.market_data.marketdata import MarketDataPort, Quote


class CachedMarketData:
    """A MarketDataPort that serves `quote` from `cache` for `ttl_seconds`, else the provider.

    `reference_prices` always goes to the provider: the gate values orders, checks price
    collars, buying power and loss limits at those prices, and a mark up to a TTL old would
    let an order through on a price that has since moved (a cache outage must not change a
    risk decision either). A cache that cannot be reached is skipped: the provider answers.
    """

    def __init__(self, market: MarketDataPort, cache: QuoteCache, ttl_seconds: float) -> None:
        if ttl_seconds <= 0:
            raise ValueError("ttl_seconds must be positive")
        self._market = market
        self._cache = cache
        self._ttl = ttl_seconds

    async def quote(self, symbol: str) -> Quote:
        try:
            cached = await self._cache.get(symbol)
        except CacheUnavailable:
            cached = None
        if cached is not None:
            return cached
        quote = await self._market.quote(symbol)
        with contextlib.suppress(CacheUnavailable):  # the answer is good without the cache
            await self._cache.put(quote, self._ttl)
        return quote

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]:
        return await self._market.reference_prices(symbols)
