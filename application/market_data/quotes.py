"""Market data with a shared quote cache in front: `quote` is cached, reference prices are not."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from decimal import Decimal

from ports.market_data.cache import CacheUnavailable, QuoteCache
from ports.market_data.marketdata import MarketDataPort, Quote


@dataclass(eq=False)
class CachedMarketData:
    """A MarketDataPort that serves `quote` from `cache` for `ttl_seconds`, else the provider.

    `reference_prices` always goes to the provider: the gate values orders, checks price
    collars, buying power and loss limits at those prices, and a mark up to a TTL old would
    let an order through on a price that has since moved (a cache outage must not change a
    risk decision either). A cache that cannot be reached is skipped: the provider answers.
    """

    market: MarketDataPort
    cache: QuoteCache
    ttl_seconds: float

    def __post_init__(self) -> None:
        if self.ttl_seconds <= 0:
            raise ValueError("ttl_seconds must be positive")

    async def quote(self, symbol: str) -> Quote:
        try:
            cached = await self.cache.get(symbol)
        except CacheUnavailable:
            cached = None
        if cached is not None:
            return cached
        quote = await self.market.quote(symbol)
        with contextlib.suppress(CacheUnavailable):  # the answer is good without the cache
            await self.cache.put(quote, self.ttl_seconds)
        return quote

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]:
        return await self.market.reference_prices(symbols)
