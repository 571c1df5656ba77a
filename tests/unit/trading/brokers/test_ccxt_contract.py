"""The BrokerPort contract run against the CCXT broker on local fakes of two venues' spot
APIs: Binance and Kraken.

Each venue lists the contract's symbol as the spot pair AAPL/USD, so the broker's quote
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
from tests.unit.trading.brokers.kraken_fake import FakeKrakenSpot, kraken_broker
from tests.unit.trading.brokers.spot_venue import SpotVenue

SERVED = frozenset({ACCOUNT})


class CcxtSpotContract(BrokerContract):
    """The contract's fixtures for one venue: its fake holding CASH, the broker on it."""

    sells_short = False

    def funded(self) -> SpotVenue:
        raise NotImplementedError

    def connect(self, server: AlpacaServer) -> CcxtBroker:
        raise NotImplementedError

    @pytest.fixture
    def venue(self) -> SpotVenue:
        return self.funded()

    @pytest.fixture
    def market(self, venue: SpotVenue) -> SpotVenue:
        return venue

    @pytest.fixture
    async def broker(self, venue: SpotVenue) -> AsyncIterator[CcxtBroker]:
        async with AlpacaServer() as server:
            venue.install(server)
            ccxt_broker = self.connect(server)
            yield ccxt_broker
            await ccxt_broker.aclose()


class TestCcxtBinanceSpotContract(CcxtSpotContract):
    def funded(self) -> SpotVenue:
        spot = FakeBinanceSpot()
        spot.fund("USD", CASH)
        return spot

    def connect(self, server: AlpacaServer) -> CcxtBroker:
        return binance_broker(server, accounts=SERVED)


class TestCcxtKrakenSpotContract(CcxtSpotContract):
    def funded(self) -> SpotVenue:
        spot = FakeKrakenSpot()
        spot.fund("ZUSD", CASH)
        return spot

    def connect(self, server: AlpacaServer) -> CcxtBroker:
        return kraken_broker(server, accounts=SERVED)
