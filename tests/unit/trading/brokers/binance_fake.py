"""The fake Binance spot venue of the broker tests: the product's simulator of Binance's spot
REST API (adapters/brokers/simulators/binance.py), and a CCXT broker on it."""

from __future__ import annotations

from adapters.brokers.ccxt import CcxtBroker, CcxtBrokerConfig, connect_ccxt_broker
from adapters.brokers.simulators.binance import (
    API_KEY,
    BINANCE_SPOT_OPTIONS,
    RATE_LIMITED,
    SECRET,
)
from adapters.brokers.simulators.binance import BinanceSpotSimulator as FakeBinanceSpot
from adapters.brokers.simulators.server import VenueServer
from adapters.memory.clock import SystemClock

__all__ = ["API_KEY", "RATE_LIMITED", "SECRET", "FakeBinanceSpot", "binance_broker"]


def binance_broker(
    server: VenueServer,
    *,
    quote: str = "USD",
    accounts: frozenset[str] | None = None,
    watch: tuple[str, ...] = (),
) -> CcxtBroker:
    """A CcxtBroker on ccxt's binance class, its spot API pointed at the local server."""
    api = f"{server.url}/api/v3"
    broker = connect_ccxt_broker(
        "binance",
        SystemClock(),
        api_key=API_KEY,
        secret=SECRET,
        config=CcxtBrokerConfig(quote=quote, watch=watch),
        accounts=accounts,
        options=BINANCE_SPOT_OPTIONS,
        api_urls={"public": api, "private": api},
        rate_limit_ms=0.001,
        timeout_ms=2_000,
    )
    broker.exchange.timeout_on_exit = 0  # ccxt's pause for closing TLS; the fake is plain HTTP
    return broker
