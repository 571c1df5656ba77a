"""The BrokerPort contract run against the Alpaca adapter and the local fake Alpaca server."""

from __future__ import annotations

import pytest

from tests.unit.trading.brokers.alpaca_fake import FakeAlpacaTrading
from tests.unit.trading.brokers.contract import BrokerContract


class TestAlpacaBrokerContract(BrokerContract):
    @pytest.fixture
    def market(self, venue: FakeAlpacaTrading) -> FakeAlpacaTrading:
        return venue
