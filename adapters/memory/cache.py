"""In-process quote cache with expiry on the monotonic clock."""

from __future__ import annotations

from ports.core.clock import Clock
from ports.market_data.marketdata import Quote


class InMemoryQuoteCache:
    """A QuoteCache for one process; expired entries are dropped when read or when many."""

    def __init__(self, clock: Clock, max_symbols: int = 100_000) -> None:
        self._clock = clock
        self._entries: dict[str, tuple[Quote, float]] = {}
        self._max_symbols = max_symbols

    async def get(self, symbol: str) -> Quote | None:
        entry = self._entries.get(symbol)
        if entry is None:
            return None
        quote, expires_at = entry
        if self._clock.monotonic() >= expires_at:
            del self._entries[symbol]
            return None
        return quote

    async def put(self, quote: Quote, ttl_seconds: float) -> None:
        if ttl_seconds <= 0:
            raise ValueError("ttl_seconds must be positive")
        now = self._clock.monotonic()
        self._entries[quote.symbol] = (quote, now + ttl_seconds)
        if len(self._entries) > self._max_symbols:
            self._prune(now)

    def _prune(self, now: float) -> None:
        for symbol, (_, expires_at) in list(self._entries.items()):
            if now >= expires_at:
                del self._entries[symbol]
