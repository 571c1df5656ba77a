"""Fixtures: the local fake Alpaca server with a trading venue, and a vaulted Alpaca on it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.alpaca_server import AlpacaServer
from tests.kit.alpaca_fake import FakeAlpacaTrading


@pytest.fixture
def venue() -> FakeAlpacaTrading:
    return FakeAlpacaTrading()


@pytest.fixture
async def server(venue: FakeAlpacaTrading) -> AsyncIterator[AlpacaServer]:
    async with AlpacaServer() as fake:
        venue.install(fake)
        yield fake
