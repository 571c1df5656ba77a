"""The BrokerPort contract run against the Alpaca adapter and the local fake Alpaca server."""

from __future__ import annotations

import pytest

from tests.integration.trading.brokers.contract import BrokerContract
from tests.kit.alpaca_fake import FakeAlpacaTrading


class TestAlpacaBrokerContract(BrokerContract):
    @pytest.fixture
    def market(self, venue: FakeAlpacaTrading) -> FakeAlpacaTrading:
        return venue
