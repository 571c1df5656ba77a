"""The fake Binance spot venue of the broker tests: the product's simulator of Binance's spot
REST API (adapters/brokers/simulators/binance.py), and a CCXT broker on it."""

from __future__ import annotations

from adapters.brokers.ccxt import CcxtBroker
from adapters.brokers.simulators.binance import API_KEY, RATE_LIMITED, SECRET
from adapters.brokers.simulators.binance import BinanceSpotSimulator as FakeBinanceSpot
from adapters.brokers.simulators.server import VenueServer
from adapters.memory.clock import SystemClock
from bootstrap.drill_venues import simulated_binance

__all__ = ["API_KEY", "RATE_LIMITED", "SECRET", "FakeBinanceSpot", "binance_broker"]


def binance_broker(
    server: VenueServer,
    *,
    quote: str = "USD",
    accounts: frozenset[str] | None = None,
    watch: tuple[str, ...] = (),
) -> CcxtBroker:
    """A CcxtBroker on ccxt's binance class, its spot API pointed at the local server."""
    return simulated_binance(server.url, SystemClock(), quote=quote, accounts=accounts, watch=watch)
