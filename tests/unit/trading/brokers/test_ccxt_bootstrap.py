"""BULWARK_BROKER=ccxt as an operator sets it: the settings' one-line refusals, and the app
serving a crypto account on the local fake Binance, from opening it to an order at the venue."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adapters.brokers.ccxt import CcxtBroker
from adapters.metrics.broker import MeteredBroker
from bootstrap.settings import load_settings
from tests.alpaca_server import AlpacaServer
from tests.http.core_helpers import harness_with, order_body, submit
from tests.kit.fake_server import threaded
from tests.unit.trading.brokers.binance_fake import API_KEY, SECRET, FakeBinanceSpot
from tests.unit.trading.brokers.conftest import settings_refusal
from tests.unit.trading.brokers.served import flat, requested, synced_account

pytestmark = pytest.mark.serves("trading")

CCXT = {
    "BULWARK_ENV": "test",
    "BULWARK_BROKER": "ccxt",
    "BULWARK_CCXT_EXCHANGE": "binance",
    "BULWARK_CCXT_API_KEY": API_KEY,
    "BULWARK_CCXT_SECRET": SECRET,
}


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (
            {"BULWARK_CCXT_EXCHANGE": "binanse"},
            "BULWARK_CCXT_EXCHANGE=binanse is not a ccxt exchange id (such as binance,",
        ),
        (
            {"BULWARK_CCXT_EXCHANGE": None},
            "BULWARK_CCXT_EXCHANGE is needed when BULWARK_BROKER=ccxt",
        ),
        (
            {"BULWARK_CCXT_EXCHANGE": "kraken", "BULWARK_CCXT_SANDBOX": "true"},
            "BULWARK_CCXT_SANDBOX=true: kraken has no sandbox in ccxt",
        ),
        (
            {"BULWARK_CCXT_SECRET": None},
            "BULWARK_CCXT_API_KEY and BULWARK_CCXT_SECRET are needed when BULWARK_BROKER=ccxt",
        ),
    ],
)
def test_bad_ccxt_settings_are_refused_in_one_line(
    change: dict[str, str | None], line: str
) -> None:
    # Act
    message = settings_refusal(CCXT, change)

    # Assert
    assert line in message and "\n" not in message
    assert SECRET not in message


def test_the_ccxt_keys_never_print() -> None:
    # Act
    settings = load_settings({**CCXT, "BULWARK_CCXT_PASSWORD": "pass-1"}, env_file=None)

    # Assert
    shown = repr(settings.brokers) + str(settings.redacted())
    assert API_KEY not in shown and SECRET not in shown and "pass-1" not in shown


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
