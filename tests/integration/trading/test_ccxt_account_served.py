"""An order of a CCXT account through the whole API to the venue's local fake server,
served as an operator sets it (the settings' refusals: tests/integration/trading/brokers/
test_ccxt_bootstrap.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adapters.brokers.ccxt import CcxtBroker
from adapters.metrics.broker import MeteredBroker
from tests.alpaca_server import AlpacaServer
from tests.http.core_helpers import harness_with, order_body, submit
from tests.integration.trading.brokers.binance_fake import API_KEY, FakeBinanceSpot
from tests.integration.trading.brokers.served import flat, requested, synced_account
from tests.integration.trading.brokers.test_ccxt_bootstrap import CCXT
from tests.kit.fake_server import threaded

pytestmark = pytest.mark.serves("trading")


async def test_an_order_of_a_ccxt_account_reaches_the_venue_through_the_api() -> None:
    # Arrange: the app on the fake Binance (spot AAPL/USD), a crypto account opened and
    # synced through the API
    venue = FakeBinanceSpot()
    venue.fund("USD", Decimal(50_000))
    await venue.set_price("AAPL", Decimal(100))
    # The app calls from its own event loop: the venue answers from a thread of its own.
    with threaded(AlpacaServer()) as server:
        venue.install(server)
        settings = flat(CCXT)
        async with harness_with(**settings, ccxt_quote="USD", ccxt_api_url=server.url) as h:
            owner = await h.user()
            warmed = await requested(server, "GET", "/api/v3/exchangeInfo")
            await h.instrument("AAPL", "100")
            account, cash = await synced_account(h, owner, "ccxt")
            routed = h.container.core.brokers().named("ccxt")

            # Act
            response = await submit(h, owner, order_body(account, quantity="3"))

        # Assert
        assert cash == "50000.00"
        assert response.status_code == 201, response.text
        assert isinstance(routed, MeteredBroker) and isinstance(routed.inner, CcxtBroker)
        # The markets were loaded at start, before any call (brokers_lifetime), and cached.
        assert warmed
        assert len(server.requests_to("GET", "/api/v3/exchangeInfo")) == 1
        [sent] = server.requests_to("POST", "/api/v3/order")
        assert sent.headers["x-mbx-apikey"] == API_KEY
        [order] = venue.orders.values()
        assert (order.symbol, order.side, order.quantity, order.status) == (
            "AAPLUSD",
            "buy",
            Decimal(3),
            "filled",
        )
