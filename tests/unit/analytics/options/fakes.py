"""A chain provider for the options-chain tests: the synthetic provider's chain builder."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from adapters.marketdata.synthetic_books import build_option_chain
from adapters.memory.clock import FakeClock
from domain.marketdata.bars import Bar, Timeframe
from domain.marketdata.book import OrderBook
from domain.marketdata.options import OptionChain
from ports.marketdata import ProviderError, Quote, QuoteUnavailable, RateLimitUsage

SPOT = Decimal("190.00")
VOLATILITY = 0.30  # the synthetic smile's ATM vol


@dataclass
class ChainProvider:
    """Knows AAPL's chain (synthetic, seeded); `failure` makes option_chain raise it."""

    clock: FakeClock
    failure: Exception | None = None
    spot: Decimal = SPOT
    chains: dict[str, OptionChain] = field(default_factory=dict)
    name: str = "chains"

    async def option_chain(self, underlying: str, expiry: date | None = None) -> OptionChain:
        if self.failure is not None:
            raise self.failure
        if underlying in self.chains:
            return self.chains[underlying]
        if underlying != "AAPL":
            raise QuoteUnavailable(underlying)
        return build_option_chain(
            "AAPL", self.spot, VOLATILITY, at=self.clock.now(), expiry=expiry, seed=7, key=1
        )

    async def quote(self, symbol: str) -> Quote:
        raise QuoteUnavailable(symbol)

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]:
        return {}

    async def bars(
        self,
        symbol: str,
        timeframe: Timeframe,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int = 500,
    ) -> list[Bar]:
        raise QuoteUnavailable(symbol)

    async def order_book(self, symbol: str, depth: int = 10) -> OrderBook:
        raise QuoteUnavailable(symbol)

    async def stream_quotes(self, symbols: Sequence[str]) -> AsyncIterator[Quote]:
        raise ProviderError(self.name, "no stream")
        yield  # pragma: no cover

    def rate_limit(self) -> RateLimitUsage | None:
        return None
