"""Fixtures of the market-data adapters' tests: a local HTTP server speaking the vendors'
shapes, one per test."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.alpaca_server import AlpacaServer


@pytest.fixture
async def server() -> AsyncIterator[AlpacaServer]:
    async with AlpacaServer() as running:
        yield running
