"""BULWARK_BROKER=ibkr as an operator sets it: the settings' one-line refusals, and the app
serving an IBKR account on the local fake Client Portal Gateway, from opening it to an order
placed with its question confirmed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from adapters.brokers.ibkr import IbkrBroker
from adapters.metrics.broker import MeteredBroker
from bootstrap.settings import load_settings
from tests.alpaca_server import AlpacaServer
from tests.http.core_helpers import harness_with, order_body, submit
from tests.kit.fake_server import threaded
from tests.unit.bootstrap.test_settings import prod_env
from tests.unit.trading.brokers.ibkr_fake import ACCOUNT_ID, API, FakeIbkrGateway
from tests.unit.trading.brokers.served import opened_and_synced, refusal, requested

pytestmark = pytest.mark.serves("trading")

IBKR = {
    "BULWARK_ENV": "test",
    "BULWARK_BROKER": "ibkr",
    "BULWARK_IBKR_ACCOUNT_ID": ACCOUNT_ID,
    "BULWARK_IBKR_VERIFY_SSL": "false",
}
REMOTE = "https://gateway.internal:5000/v1/api"


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (
            {"BULWARK_IBKR_ACCOUNT_ID": None},
            "BULWARK_IBKR_ACCOUNT_ID is needed when BULWARK_BROKER=ibkr (the IBKR account",
        ),
        (
            {"BULWARK_IBKR_GATEWAY_URL": "http://gateway.internal:5000/v1/api"},
            "BULWARK_IBKR_GATEWAY_URL: plain http only to a gateway on this host",
        ),
        (
            {"BULWARK_IBKR_CA_FILE": "/no/such/ca.pem", "BULWARK_IBKR_VERIFY_SSL": "true"},
            "BULWARK_IBKR_CA_FILE=/no/such/ca.pem: no such file",
        ),
        (
            {"BULWARK_IBKR_CA_FILE": "/no/such/ca.pem"},
            "BULWARK_IBKR_CA_FILE verifies the gateway's certificate: it cannot go with "
            "BULWARK_IBKR_VERIFY_SSL=false",
        ),
    ],
)
def test_bad_ibkr_settings_are_refused_in_one_line(
    change: dict[str, str | None], line: str
) -> None:
    # Act
    message = refusal({**IBKR, **change})

    # Assert
    assert line in message


def test_an_unverified_gateway_elsewhere_is_refused_in_prod(tmp_path: Path) -> None:
    # Arrange: the gateway's certificate unchecked, on another host, in production
    key_file = tmp_path / "jwt.pem"
    key_file.write_text("-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n")
    prod = {f"BULWARK_{k.upper()}": v for k, v in prod_env(key_file).items()}
    environ = {**IBKR, **prod, "BULWARK_IBKR_GATEWAY_URL": REMOTE}

    # Act
    message = refusal(environ)

    # Assert
    assert message == (
        "BULWARK_IBKR_VERIFY_SSL=false is only for a gateway on this host when "
        "BULWARK_ENV=prod: set BULWARK_IBKR_CA_FILE to the CA bundle that signed the "
        "gateway's certificate"
    )
    # Outside production, or verified, the same gateway is accepted.
    assert load_settings({**IBKR, "BULWARK_IBKR_GATEWAY_URL": REMOTE}, env_file=None)
    verified = {**environ, "BULWARK_IBKR_VERIFY_SSL": "true"}
    assert load_settings(verified, env_file=None).brokers.ibkr_gateway_url == REMOTE


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
