"""Quote cache in Redis: msgspec-encoded quotes under one key per symbol, with PX expiry."""

from __future__ import annotations

import math
from datetime import datetime
from decimal import Decimal
from typing import cast

import msgspec
from redis.asyncio import Redis

from adapters.redis.client import UNREACHABLE
from ports.market_data.cache import CacheUnavailable
from ports.market_data.marketdata import Quote


class QuoteWire(msgspec.Struct, array_like=True, frozen=True):
    """A Quote on the wire; Decimals travel as strings, so they come back exactly."""

    symbol: str
    bid: Decimal
    ask: Decimal
    last: Decimal
    at: datetime
    bid_size: Decimal
    ask_size: Decimal

    @classmethod
    def from_domain(cls, quote: Quote) -> QuoteWire:
        return cls(
            quote.symbol,
            quote.bid,
            quote.ask,
            quote.last,
            quote.at,
            quote.bid_size,
            quote.ask_size,
        )

    def to_domain(self) -> Quote:
        return Quote(
            self.symbol, self.bid, self.ask, self.last, self.at, self.bid_size, self.ask_size
        )


class RedisQuoteCache:
    """A QuoteCache shared by every instance on one Redis."""

    def __init__(self, redis: Redis, prefix: str = "bulwark:quote:") -> None:
        self._redis = redis
        self._prefix = prefix
        self._encoder = msgspec.msgpack.Encoder()
        self._decoder = msgspec.msgpack.Decoder(QuoteWire)

    async def get(self, symbol: str) -> Quote | None:
        try:
            raw = cast("bytes | None", await self._redis.get(self._prefix + symbol))
        except UNREACHABLE as exc:
            raise CacheUnavailable(f"quote cache unreachable: {exc}") from exc
        return None if raw is None else self._decoder.decode(raw).to_domain()

    async def put(self, quote: Quote, ttl_seconds: float) -> None:
        if ttl_seconds <= 0:
            raise ValueError("ttl_seconds must be positive")
        value = self._encoder.encode(QuoteWire.from_domain(quote))
        try:
            await self._redis.set(
                self._prefix + quote.symbol, value, px=max(1, math.ceil(ttl_seconds * 1000))
            )
        except UNREACHABLE as exc:
            raise CacheUnavailable(f"quote cache unreachable: {exc}") from exc
