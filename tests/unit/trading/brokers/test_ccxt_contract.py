"""The BrokerPort contract run against the CCXT broker and a local fake Binance spot API.

The venue lists the contract's symbol as the spot pair AAPL/USD, so the broker's quote
currency is USD. A spot account cannot sell what it does not hold: a short has no
place there (`sells_short = False`), and the venue refuses such a sell for funds.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.brokers.ccxt import CcxtBroker
from tests.alpaca_server import AlpacaServer
from tests.unit.trading.brokers.binance_fake import FakeBinanceSpot, binance_broker
from tests.unit.trading.brokers.contract import ACCOUNT, CASH, BrokerContract


class TestCcxtBinanceSpotContract(BrokerContract):
    sells_short = False

    @pytest.fixture
    def venue(self) -> FakeBinanceSpot:
        spot = FakeBinanceSpot()
        spot.fund("USD", CASH)
        return spot

    @pytest.fixture
    def market(self, venue: FakeBinanceSpot) -> FakeBinanceSpot:
        return venue

    @pytest.fixture
    async def broker(self, venue: FakeBinanceSpot) -> AsyncIterator[CcxtBroker]:
        async with AlpacaServer() as server:
            venue.install(server)
            ccxt_broker = binance_broker(server, accounts=frozenset({ACCOUNT}))
            yield ccxt_broker
            await ccxt_broker.aclose()
