"""Quotes asked one symbol at a time, concurrently, for providers without a batch call (or
whose batch call fails for one unknown symbol)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable

from ports.market_data.marketdata import ProviderError, Quote, QuoteUnavailable


async def known_quotes(
    quote: Callable[[str], Awaitable[Quote]], symbols: Iterable[str]
) -> list[Quote]:
    """`quote` of each symbol, concurrently: a symbol the provider does not know is left out;
    a provider failure (a rate limit included) fails the whole call."""

    async def one(symbol: str) -> Quote | None:
        try:
            return await quote(symbol)
        except ProviderError:
            raise
        except QuoteUnavailable:
            return None

    found = await asyncio.gather(*(one(s) for s in symbols))
    return [q for q in found if q is not None]
