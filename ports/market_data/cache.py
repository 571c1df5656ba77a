"""Quote cache port: the last quote per symbol, shared by instances, for a short while."""

from __future__ import annotations

from typing import Protocol

from ports.market_data.marketdata import Quote


class CacheUnavailable(ConnectionError):
    """The cache's store cannot be reached (callers go to the source instead)."""


class QuoteCache(Protocol):
    """Keeps quotes for `ttl_seconds` (> 0); values round-trip exactly (Decimals, times).

    `get(symbol)` answers the last quote put for `symbol`, or None when none was put
    or it has expired. `put(quote, ttl_seconds)` replaces the symbol's entry.
    Both raise CacheUnavailable when the store cannot be reached, and `put` raises
    ValueError for a ttl that is not positive.
    """

    async def get(self, symbol: str) -> Quote | None: ...

    async def put(self, quote: Quote, ttl_seconds: float) -> None: ...
