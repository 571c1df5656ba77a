"""A local replay server per test, and a fake clock at the simulated vendors' NOW."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.memory.clock import FakeClock
from tests.alpaca_server import AlpacaServer
from tests.unit.marketdata.vendors.simulated import NOW


@pytest.fixture
async def server() -> AsyncIterator[AlpacaServer]:
    async with AlpacaServer() as running:
        yield running


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)
