"""The MarketDataProvider contract (tests/kit/market_data_contract.py), the same assertions for
each keyed vendor's adapter, against that vendor simulated on a local server."""

from __future__ import annotations

from collections.abc import AsyncIterator
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


class TestVendorContract(_VendorContract):
    @pytest.fixture(params=VENDORS.values(), ids=VENDORS.keys())
    async def provider(self, request: pytest.FixtureRequest) -> AsyncIterator[MarketDataProvider]:
        simulated, api, adapter_of = request.param
        async with AlpacaServer() as server:
            simulated(server)
            clock = FakeClock(NOW)
            http = VendorHttp(api(server.url), "key", clock, calls_per_minute=GENEROUS)
            adapter = adapter_of(http, clock)
            yield adapter
            await adapter.aclose()
