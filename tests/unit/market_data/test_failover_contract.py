"""The MarketDataProvider contract, run against the failover composite over synthetic data.

Twice: with a primary that is down (every answer comes through a failover) and with a healthy
primary over a secondary that is down (the composite must not disturb a healthy answer).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Sequence
from datetime import date
from decimal import Decimal
from typing import NoReturn

import pytest

from adapters.market_data.failover import FailoverConfig, FailoverMarketData
from adapters.market_data.synthetic import SyntheticMarketData
from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData
from domain.market_data.bars import Bar
from domain.market_data.book import OrderBook
from domain.market_data.options import OptionChain
from ports.market_data.marketdata import MarketDataProvider, ProviderError, Quote, RateLimitUsage
from tests.kit.market_data import BarAsk, ServesBars
from tests.kit.market_data_contract import MarketDataContract, StreamFeeder, ticking


class DownProvider(ServesBars):
    """A provider in an outage: every call fails with a retryable ProviderError."""

    name = "down"

    def _fail(self) -> NoReturn:
        raise ProviderError(self.name, "503 service unavailable")

    async def quote(self, symbol: str) -> Quote:
        self._fail()

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]:
        self._fail()

    async def serve(self, ask: BarAsk) -> list[Bar]:
        self._fail()

    async def order_book(self, symbol: str, depth: int = 10) -> OrderBook:
        self._fail()

    async def option_chain(self, underlying: str, expiry: date | None = None) -> OptionChain:
        self._fail()

    async def stream_quotes(self, symbols: Sequence[str]) -> AsyncIterator[Quote]:
        self._fail()
        yield  # an async generator that fails on its first read

    def rate_limit(self) -> RateLimitUsage | None:
        return RateLimitUsage(limit=200, remaining=0)


class FailoverContract(MarketDataContract):
    symbol = "AAPL"
    other_symbol = "MSFT"
    unknown_symbol = "NOPE"

    @pytest.fixture
    def synthetic(self) -> Iterator[SyntheticMarketData]:
        board = InMemoryMarketData(FakeClock())
        synthetic = SyntheticMarketData(board, FakeClock(), seed=11)
        board.set_price("AAPL", Decimal("190.00"), spread_bps=Decimal(4))
        board.set_price("MSFT", Decimal("410.00"), spread_bps=Decimal(4))
        yield synthetic
        synthetic.close()

    @pytest.fixture
    def stream_feeder(self, synthetic: SyntheticMarketData) -> StreamFeeder:
        return ticking(synthetic)

    def tiers(self, synthetic: SyntheticMarketData) -> list[list[MarketDataProvider]]:
        raise NotImplementedError

    @pytest.fixture
    def provider(self, synthetic: SyntheticMarketData) -> FailoverMarketData:
        return FailoverMarketData(
            self.tiers(synthetic), FakeClock(), FailoverConfig(call_timeout_s=1.0)
        )


class TestFailoverOverADownPrimary(FailoverContract):
    def tiers(self, synthetic: SyntheticMarketData) -> list[list[MarketDataProvider]]:
        return [[DownProvider()], [synthetic]]


class TestFailoverOverAHealthyPrimary(FailoverContract):
    def tiers(self, synthetic: SyntheticMarketData) -> list[list[MarketDataProvider]]:
        return [[synthetic], [DownProvider()]]
