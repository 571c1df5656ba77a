"""BULWARK_BROKER=tradier as an operator sets it: the settings' one-line refusals, and the
app serving a Tradier account on the local fake Tradier, from opening it to an order there."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adapters.brokers.tradier import TradierBroker
from adapters.metrics.broker import MeteredBroker
from bootstrap.settings import load_settings
from tests.alpaca_server import AlpacaServer
from tests.http.core_helpers import harness_with, order_body, submit
from tests.kit.fake_server import threaded
from tests.unit.trading.brokers.conftest import settings_refusal
from tests.unit.trading.brokers.served import flat, synced_account
from tests.unit.trading.brokers.tradier_fake import TOKEN, TRADIER_ACCOUNT, FakeTradier

pytestmark = pytest.mark.serves("trading")

TRADIER = {
    "BULWARK_ENV": "test",
    "BULWARK_BROKER": "tradier",
    "BULWARK_TRADIER_TOKEN": TOKEN,
    "BULWARK_TRADIER_ACCOUNT_ID": TRADIER_ACCOUNT,
}


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (
            {"BULWARK_TRADIER_TOKEN": None},
            "BULWARK_TRADIER_TOKEN and BULWARK_TRADIER_ACCOUNT_ID are needed when "
            "BULWARK_BROKER=tradier",
        ),
        (
            {"BULWARK_TRADIER_ACCOUNT_ID": None},
            "BULWARK_TRADIER_TOKEN and BULWARK_TRADIER_ACCOUNT_ID are needed when "
            "BULWARK_BROKER=tradier",
        ),
        (
            {"BULWARK_TRADIER_ACCOUNT_ID": "VA 123/../x"},
            "BULWARK_TRADIER_ACCOUNT_ID: expected a string matching ^[A-Za-z0-9]{4,32}$",
        ),
        (
            {"BULWARK_TRADIER_API_URL": "sandbox.tradier.com"},
            "BULWARK_TRADIER_API_URL: expected a string matching ^https?://",
        ),
        ({"BULWARK_TRADIER_SANDBOX": "maybe"}, "BULWARK_TRADIER_SANDBOX: expected true or false"),
    ],
    ids=["no-token", "no-account", "bad-account", "url-without-scheme", "sandbox-not-a-bool"],
)
def test_bad_tradier_settings_are_refused_in_one_line(
    change: dict[str, str | None], line: str
) -> None:
    # Act
    message = settings_refusal(TRADIER, change)

    # Assert
    assert line in message and "\n" not in message
    assert TOKEN not in message


def test_the_tradier_token_never_prints() -> None:
    # Act
    settings = load_settings(TRADIER, env_file=None)

    # Assert
    shown = repr(settings.brokers) + str(settings.redacted())
    assert TOKEN not in shown
    assert settings.brokers.tradier_sandbox


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
