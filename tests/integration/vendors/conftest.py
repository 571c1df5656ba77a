"""Each vendor adapter pointed at a local replay of its API (tests/fixtures/vendors/)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from adapters.market_data.vendors.databento import DatabentoMarketData
from adapters.market_data.vendors.twelvedata import TwelveDataMarketData
from adapters.market_data.vendors.yahoo import YahooMarketData
from adapters.memory.clock import FakeClock
from tests.integration.vendors.replay_server import ReplayServer
from tests.integration.vendors.vendor_routes import (
    DATABENTO_KEY,
    TWELVEDATA_KEY,
    install_databento,
    install_twelvedata,
    install_yahoo,
)

NOW = datetime(2024, 6, 17, 14, 0, tzinfo=UTC)
VENDORS = ("twelvedata", "yahoo", "databento")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
async def server() -> AsyncIterator[ReplayServer]:
    async with ReplayServer() as replay:
        install_twelvedata(replay)
        install_yahoo(replay)
        install_databento(replay)
        yield replay


def make_vendor(
    name: str, server: ReplayServer, clock: FakeClock, *, key: str | None = None,
    per_minute: int = 1000,
) -> TwelveDataMarketData | YahooMarketData | DatabentoMarketData:  # fmt: skip
    if name == "twelvedata":
        return TwelveDataMarketData(
            key or TWELVEDATA_KEY, clock, base_url=server.url, per_minute=per_minute
        )
    if name == "yahoo":
        return YahooMarketData.create(
            clock, base_url=server.url, cookie_url=f"{server.url}/cookie", per_minute=per_minute
        )
    return DatabentoMarketData.create(
        key or DATABENTO_KEY, clock, base_url=server.url, per_minute=per_minute
    )
