"""Fixtures of the market-data tests: a quote board on the fake clock (tests/unit/conftest.py's,
at its default instant; a module that needs another instant defines its own `clock`), and a
local HTTP server speaking the vendors' shapes per test."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.memory.clock import FakeClock
from tests.alpaca_server import AlpacaServer
from tests.unit.market_data.boards import CountingBoard


@pytest.fixture
def board(clock: FakeClock) -> CountingBoard:
    return CountingBoard(clock)


@pytest.fixture
async def server() -> AsyncIterator[AlpacaServer]:
    async with AlpacaServer() as running:
        yield running
