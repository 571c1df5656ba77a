"""The BrokerPort contract run against the CCXT broker on local fakes of two venues' spot
APIs: Binance and Kraken.

Each venue lists the contract's symbol as the spot pair AAPL/USD, so the broker's quote
currency is USD. A spot account cannot sell what it does not hold: a short has no
place there (`sells_short = False`), and the venue refuses such a sell for funds.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import aclosing
from typing import ClassVar

import pytest

from adapters.brokers.ccxt import CcxtBroker
from tests.alpaca_server import AlpacaServer
from tests.integration.trading.brokers.binance_fake import FakeBinanceSpot, binance_broker
from tests.integration.trading.brokers.contract import ACCOUNT, CASH, BrokerContract
from tests.integration.trading.brokers.kraken_fake import FakeKrakenSpot, kraken_broker
from tests.integration.trading.brokers.spot_venue import SpotVenue


class CcxtSpotContract(BrokerContract):
    """The contract's fixtures for one venue: its fake holding CASH in `cash_asset` (as the
    venue names the asset), and the broker `connect` puts on it."""

    sells_short = False
    fake: ClassVar[Callable[[], SpotVenue]]
    cash_asset: ClassVar[str]
    connect: ClassVar[Callable[..., CcxtBroker]]

    @pytest.fixture
    def venue(self) -> SpotVenue:
        spot = type(self).fake()
        spot.fund(self.cash_asset, CASH)
        return spot

    @pytest.fixture
    def market(self, venue: SpotVenue) -> SpotVenue:
        return venue

    @pytest.fixture
    async def broker(self, server: AlpacaServer) -> AsyncIterator[CcxtBroker]:
        """The venue's broker on the local server (conftest.py's, with `venue` on it)."""
        connected = type(self).connect(server, accounts=frozenset({ACCOUNT}))
        async with aclosing(connected) as ccxt_broker:
            yield ccxt_broker


class TestCcxtBinanceSpotContract(CcxtSpotContract):
    fake = FakeBinanceSpot
    cash_asset = "USD"
    connect = binance_broker


class TestCcxtKrakenSpotContract(CcxtSpotContract):
    fake = FakeKrakenSpot
    cash_asset = "ZUSD"  # Kraken's fiat assets carry a Z
    connect = kraken_broker
