"""Brokers in the composition root: the router the settings ask for, closed at shutdown."""

from __future__ import annotations

from collections.abc import AsyncIterator

from adapters.alpaca.http import AlpacaCredentials, trading_url
from adapters.brokers.alpaca import connect_alpaca_broker
from adapters.brokers.paper import PaperBroker, PaperBrokerConfig
from adapters.memory.marketdata import InMemoryMarketData
from application.orders import BrokerRouter
from bootstrap.closing import close_quietly
from bootstrap.settings import Settings, SettingsError
from ports.broker import BrokerPort
from ports.clock import Clock, IdGenerator


def build_paper_broker(board: InMemoryMarketData, clock: Clock, ids: IdGenerator) -> PaperBroker:
    """The paper broker, filling resting orders as the board's quotes move."""
    broker = PaperBroker(board, clock, ids, PaperBrokerConfig())
    board.subscribe(broker.on_quote)
    return broker


def broker_router(settings: Settings, paper: PaperBroker, clock: Clock) -> BrokerRouter:
    """The paper broker always; with BULWARK_BROKER=alpaca, the Alpaca broker beside it.

    Accounts name their broker, so paper accounts keep working; the Alpaca adapter serves
    the accounts whose broker is "alpaca", all on the one Alpaca account of the key pair.
    """
    brokers: dict[str, BrokerPort] = {"paper": paper}
    if settings.broker == "alpaca":
        if settings.alpaca_key_id is None or settings.alpaca_secret_key is None:
            raise SettingsError("BULWARK_ALPACA_KEY_ID and BULWARK_ALPACA_SECRET_KEY are needed")
        credentials = AlpacaCredentials(
            settings.alpaca_key_id.reveal(), settings.alpaca_secret_key.reveal()
        )
        base_url = settings.alpaca_trading_url or trading_url(settings.alpaca_paper)
        brokers["alpaca"] = connect_alpaca_broker(credentials, clock, base_url=base_url)
    return BrokerRouter(brokers)


async def brokers_lifetime(router: BrokerRouter) -> AsyncIterator[BrokerRouter]:
    """Closes the broker adapters at shutdown (HTTP pools, trade-update streams)."""
    try:
        yield router
    finally:
        await close_quietly(router.brokers.values())
