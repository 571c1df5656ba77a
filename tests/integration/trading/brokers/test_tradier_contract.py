"""The BrokerPort contract run against the Tradier broker and the local fake Tradier API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import aclosing

import pytest

from adapters.brokers.tradier import TradierBroker
from tests.alpaca_server import AlpacaServer
from tests.integration.trading.brokers.contract import ACCOUNT, CASH, BrokerContract
from tests.integration.trading.brokers.tradier_fake import FakeTradier, tradier_broker


class TestTradierBrokerContract(BrokerContract):
    @pytest.fixture
    def venue(self) -> FakeTradier:
        return FakeTradier(cash=CASH)

    @pytest.fixture
    def market(self, venue: FakeTradier) -> FakeTradier:
        return venue

    @pytest.fixture
    async def broker(self, server: AlpacaServer) -> AsyncIterator[TradierBroker]:
        async with aclosing(tradier_broker(server, accounts=frozenset({ACCOUNT}))) as tradier:
            yield tradier
