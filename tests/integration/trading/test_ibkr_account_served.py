"""An order of an IBKR account through the whole API to the venue's local fake server,
served as an operator sets it (the settings' refusals: tests/integration/trading/brokers/
test_ibkr_bootstrap.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adapters.brokers.ibkr import IbkrBroker
from adapters.metrics.broker import MeteredBroker
from tests.alpaca_server import AlpacaServer
from tests.http.core_helpers import harness_with, order_body, submit
from tests.integration.trading.brokers.ibkr_fake import ACCOUNT_ID, API, FakeIbkrGateway
from tests.integration.trading.brokers.served import opened_and_synced, requested
from tests.integration.trading.brokers.test_ibkr_bootstrap import IBKR
from tests.kit.fake_server import threaded

pytestmark = pytest.mark.serves("trading")


async def test_an_order_of_an_ibkr_account_reaches_the_gateway_through_the_api() -> None:
    # Arrange: the app on the fake gateway, an IBKR account opened and synced through the API
    gateway = FakeIbkrGateway()
    gateway.fund(Decimal(50_000))
    await gateway.set_price("AAPL", Decimal(100))
    # The app calls from its own event loop: the gateway answers from a thread of its own.
    with threaded(AlpacaServer()) as server:
        gateway.install(server)
        settings = {k.removeprefix("BULWARK_").lower(): v for k, v in IBKR.items()}
        url = f"{server.url}{API}"
        async with harness_with(**settings, ibkr_gateway_url=url) as h:
            owner = await h.user()
            warmed = await requested(server, "GET", f"{API}/iserver/accounts")
            await h.instrument("AAPL", "100")
            opened, account, synced = await opened_and_synced(h, owner, "ibkr")
            routed = h.container.core.brokers().named("ibkr")

            # Act
            response = await submit(h, owner, order_body(account, quantity="3"))

        # Assert
        assert opened.status_code == 201, opened.text
        assert synced.status_code == 200, synced.text
        assert synced.json()["cash_after"] == "50000.00"
        assert response.status_code == 201, response.text
        assert isinstance(routed, MeteredBroker) and isinstance(routed.inner, IbkrBroker)
        # The accounts were listed at start (brokers_lifetime), as IBKR asks, once.
        assert warmed
        assert len(server.requests_to("GET", f"{API}/iserver/accounts")) == 1
        [sent] = server.requests_to("POST", f"{API}/iserver/account/{ACCOUNT_ID}/orders")
        [wanted] = sent.json()["orders"]
        assert (wanted["conid"], wanted["side"], wanted["orderType"]) == (265598, "BUY", "MKT")
        assert wanted["quantity"] == 3
        # The market order's precaution was confirmed at /iserver/reply/{replyId}.
        [reply] = server.requests_to("POST", f"{API}/iserver/reply/{{reply}}")
        assert reply.json() == {"confirmed": True}
        [order] = gateway.orders.values()
        assert (order.coid, order.quantity, order.status) == (wanted["cOID"], Decimal(3), "Filled")
