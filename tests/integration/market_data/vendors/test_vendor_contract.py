"""The MarketDataProvider contract (tests/kit/market_data_contract.py), the same assertions for
each keyed vendor's adapter, against that vendor simulated on a local server (and its quote
websocket, for the vendors that stream)."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest

from adapters.market_data.vendors.alphavantage import AlphaVantageMarketData
from adapters.market_data.vendors.common import VendorAdapter
from adapters.market_data.vendors.finnhub import FinnhubMarketData
from adapters.market_data.vendors.polygon import PolygonMarketData
from adapters.memory.clock import FakeClock
from adapters.vendor_http.apis import alphavantage_api, finnhub_api, polygon_api
from adapters.vendor_http.client import VendorHttp
from ports.market_data.marketdata import MarketDataProvider
from tests.alpaca_server import AlpacaServer
from tests.integration.market_data.vendors.simulated import (
    NOW,
    SimulatedAlphaVantage,
    SimulatedFinnhub,
    SimulatedPolygon,
)
from tests.kit.market_data_contract import MarketDataContract
from tests.vendor_stream_servers import FinnhubStreamServer, PolygonStreamServer, StreamServer

GENEROUS = 100_000  # calls a minute: the contract is not about the budget


class _VendorContract(MarketDataContract):
    symbol = "AAPL"
    other_symbol = "MSFT"
    unknown_symbol = "NOPE"
    supports_order_book = False
    supports_option_chain = False
    supports_stream = False

    async def test_each_call_is_counted_against_the_budget_and_costed(
        self, provider: MarketDataProvider
    ) -> None:
        assert isinstance(provider, VendorAdapter)
        before = provider.rate_limit()

        await provider.quote(self.symbol)

        after = provider.rate_limit()
        assert before is not None and after is not None
        assert after.limit == GENEROUS
        assert after.remaining < before.remaining
        assert provider.spent == Decimal(0)  # no cost per call configured

    async def test_corporate_actions_of_an_empty_window_are_empty(
        self, provider: MarketDataProvider
    ) -> None:
        assert isinstance(provider, VendorAdapter)
        day = NOW.date()

        assert await provider.corporate_actions(self.symbol, day, day) == []


# Each keyed vendor: its simulation on the local server, its API's description, its adapter.
VENDORS = {
    "polygon": (SimulatedPolygon, polygon_api, PolygonMarketData),
    "finnhub": (SimulatedFinnhub, finnhub_api, FinnhubMarketData),
    "alphavantage": (SimulatedAlphaVantage, alphavantage_api, AlphaVantageMarketData),
}
# The vendors that stream quotes: their websocket faked too, and what publishes on it.
STREAMING = {
    "polygon": PolygonStreamServer,
    "finnhub": FinnhubStreamServer,
}


class TestVendorContract(_VendorContract):
    """The vendors without a quote stream: asking for one is "not offered"."""

    @pytest.fixture(
        params=[v for n, v in VENDORS.items() if n not in STREAMING],
        ids=[n for n in VENDORS if n not in STREAMING],
    )
    async def provider(self, request: pytest.FixtureRequest) -> AsyncIterator[MarketDataProvider]:
        simulated, api, adapter_of = request.param
        async with AlpacaServer() as server:
            simulated(server)
            clock = FakeClock(NOW)
            http = VendorHttp(api(server.url), "key", clock, calls_per_minute=GENEROUS)
            adapter = adapter_of(http, clock)
            yield adapter
            await adapter.aclose()


@dataclass(frozen=True, slots=True)
class Streamed:
    adapter: VendorAdapter
    feeder: Callable[[], Awaitable[None]]


async def _publish(ws: StreamServer, symbol: str, cents: int) -> None:
    price = f"{100 + cents / 100:.2f}"
    if isinstance(ws, PolygonStreamServer):
        await ws.publish(symbol, price, f"{100.05 + cents / 100:.2f}")
    elif isinstance(ws, FinnhubStreamServer):
        await ws.publish(symbol, (price, None))


class TestStreamingVendorContract(_VendorContract):
    """The vendors with a quote stream, read from their websocket faked on a local server."""

    supports_stream = True

    @pytest.fixture(params=list(STREAMING), ids=list(STREAMING))
    async def streamed(self, request: pytest.FixtureRequest) -> AsyncIterator[Streamed]:
        simulated, api, adapter_of = VENDORS[request.param]
        async with AlpacaServer() as server, STREAMING[request.param]() as ws:
            simulated(server)
            clock = FakeClock(NOW)
            http = VendorHttp(api(server.url), ws.key, clock, calls_per_minute=GENEROUS)
            adapter = adapter_of(http, clock, stream_url=ws.url)

            async def feed() -> None:
                for cents in itertools.count():
                    for symbol in (self.symbol, self.other_symbol):
                        await _publish(ws, symbol, cents)
                    await asyncio.sleep(0.02)

            yield Streamed(adapter, feed)
            await adapter.aclose()

    @pytest.fixture
    def provider(self, streamed: Streamed) -> MarketDataProvider:
        return streamed.adapter

    @pytest.fixture
    def stream_feeder(self, streamed: Streamed) -> Callable[[], Awaitable[None]]:
        return streamed.feeder
