"""An order of a Tradier account through the whole API to the venue's local fake server,
served as an operator sets it (the settings' refusals: tests/integration/trading/brokers/
test_tradier_bootstrap.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adapters.brokers.tradier import TradierBroker
from adapters.metrics.broker import MeteredBroker
from tests.alpaca_server import AlpacaServer
from tests.http.core_helpers import harness_with, order_body, submit
from tests.integration.trading.brokers.served import flat, synced_account
from tests.integration.trading.brokers.test_tradier_bootstrap import TRADIER
from tests.integration.trading.brokers.tradier_fake import TOKEN, FakeTradier
from tests.kit.fake_server import threaded

pytestmark = pytest.mark.serves("trading")


async def test_an_order_of_a_tradier_account_reaches_tradier_through_the_api() -> None:
    # Arrange: the app on the fake Tradier, an account opened and synced through the API
    venue = FakeTradier(cash=Decimal(50_000))
    await venue.set_price("AAPL", Decimal(100))
    # The app calls from its own event loop: the fake answers from a thread of its own.
    with threaded(AlpacaServer()) as server:
        venue.install(server)
        settings = flat(TRADIER)
        async with harness_with(**settings, tradier_api_url=f"{server.url}/v1") as h:
            owner = await h.user()
            await h.instrument("AAPL", "100")
            account, cash = await synced_account(h, owner, "tradier")
            routed = h.container.core.brokers().named("tradier")

            # Act
            response = await submit(h, owner, order_body(account, quantity="3"))

        # Assert
        assert cash == "50000.00"
        assert response.status_code == 201, response.text
        assert isinstance(routed, MeteredBroker) and isinstance(routed.inner, TradierBroker)
        [sent] = server.requests_to("POST", "/v1/accounts/{account}/orders")
        assert sent.headers["authorization"] == f"Bearer {TOKEN}"
        [order] = venue.orders.values()
        assert (order["symbol"], order["side"], order["quantity"], order["status"]) == (
            "AAPL",
            "buy",
            Decimal(3),
            "filled",
        )
