"""The container picks the Alpaca broker when BULWARK_BROKER=alpaca, on the configured URL."""

from __future__ import annotations

from adapters.brokers.alpaca.accounts import VaultedAlpacaBrokers
from adapters.brokers.paper import PaperBroker
from adapters.metrics.broker import MeteredBroker
from bootstrap.containers.application import build_container
from bootstrap.settings import load_settings
from tests.alpaca_server import AlpacaServer
from tests.integration.trading.brokers.contract import ACCOUNT
from tests.kit.alpaca_fake import KEY_ID, SECRET


async def test_alpaca_is_served_beside_paper_on_the_configured_trading_url(
    server: AlpacaServer,
) -> None:
    # Arrange
    environ = {
        "BULWARK_ENV": "test",
        "BULWARK_BROKER": "alpaca",
        "BULWARK_DATABASE_URL": "memory://",
        "BULWARK_ALPACA_KEY_ID": KEY_ID,
        "BULWARK_ALPACA_SECRET_KEY": SECRET,
        "BULWARK_ALPACA_TRADING_URL": server.url,
    }
    container = build_container(load_settings(environ, env_file=None))

    # Act
    router = container.core.brokers()
    alpaca = router.named("alpaca")
    account = await alpaca.account(ACCOUNT)

    # Assert
    # Each broker is wrapped to be timed for /metrics (adapters/metrics/broker.py).
    assert isinstance(alpaca, MeteredBroker) and isinstance(alpaca.inner, VaultedAlpacaBrokers)
    paper = router.named("paper")
    assert isinstance(paper, MeteredBroker) and isinstance(paper.inner, PaperBroker)
    assert account.cash > 0
    [request] = server.requests_to("GET", "/v2/account")
    assert request.headers["apca-api-key-id"] == KEY_ID
    await alpaca.aclose()


def test_the_paper_broker_alone_by_default() -> None:
    # Act
    router = build_container(load_settings({"BULWARK_ENV": "test"}, env_file=None)).core.brokers()

    # Assert
    assert set(router.brokers) == {"paper"}
