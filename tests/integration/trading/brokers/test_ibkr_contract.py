"""The BrokerPort contract run against the IBKR broker on a local fake of the Client Portal
Gateway (a margin account: it may sell short)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import aclosing

import pytest

from adapters.brokers.ibkr import IbkrBroker
from tests.alpaca_server import AlpacaServer
from tests.integration.trading.brokers.contract import ACCOUNT, CASH, BrokerContract
from tests.integration.trading.brokers.ibkr_fake import FakeIbkrGateway, ibkr_broker


class TestIbkrBrokerContract(BrokerContract):
    @pytest.fixture
    def venue(self) -> FakeIbkrGateway:
        gateway = FakeIbkrGateway()
        gateway.fund(CASH)
        return gateway

    @pytest.fixture
    def market(self, venue: FakeIbkrGateway) -> FakeIbkrGateway:
        return venue

    @pytest.fixture
    async def broker(self, server: AlpacaServer) -> AsyncIterator[IbkrBroker]:
        async with aclosing(ibkr_broker(server, accounts=frozenset({ACCOUNT}))) as ibkr:
            yield ibkr
