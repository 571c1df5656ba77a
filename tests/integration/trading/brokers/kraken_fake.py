"""The fake Kraken spot venue of the broker tests: the product's simulator of Kraken's spot
REST API (adapters/brokers/simulators/kraken.py), and a CCXT broker on it."""

from __future__ import annotations

from adapters.brokers.ccxt import CcxtBroker
from adapters.brokers.simulators.kraken import API_KEY
from adapters.brokers.simulators.kraken import KrakenSpotSimulator as FakeKrakenSpot
from adapters.brokers.simulators.server import VenueServer
from adapters.memory.clock import SystemClock
from bootstrap.drill_venues import simulated_kraken

__all__ = ["API_KEY", "FakeKrakenSpot", "kraken_broker"]


def kraken_broker(
    server: VenueServer, *, quote: str = "USD", accounts: frozenset[str] | None = None
) -> CcxtBroker:
    """A CcxtBroker on ccxt's kraken class, its API moved to the local server."""
    return simulated_kraken(server.url, SystemClock(), quote=quote, accounts=accounts)
