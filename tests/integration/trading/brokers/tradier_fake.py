"""The fake Tradier venue of the broker tests: the product's simulator of Tradier's brokerage
API (adapters/brokers/simulators/tradier.py), and a Tradier broker on it."""

from __future__ import annotations

from adapters.brokers.simulators.server import VenueServer
from adapters.brokers.simulators.tradier import TOKEN, TRADIER_ACCOUNT, answer, rate_limited
from adapters.brokers.simulators.tradier import TradierSimulator as FakeTradier
from adapters.brokers.tradier import TradierBroker
from adapters.memory.clock import SystemClock
from bootstrap.drill_venues import simulated_tradier

__all__ = [
    "TOKEN",
    "TRADIER_ACCOUNT",
    "FakeTradier",
    "answer",
    "rate_limited",
    "tradier_broker",
]


def tradier_broker(server: VenueServer, *, accounts: frozenset[str] | None = None) -> TradierBroker:
    """A TradierBroker on the local server's fake Tradier, on the system clock."""
    return simulated_tradier(server.url, SystemClock(), accounts=accounts)
