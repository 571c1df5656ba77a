"""The fake IBKR Client Portal Gateway of the broker tests: the product's simulator of the
gateway's Web API v1 (adapters/brokers/simulators/ibkr.py), and an IBKR broker on it."""

from __future__ import annotations

from adapters.brokers.ibkr import IbkrBroker, IbkrBrokerConfig
from adapters.brokers.simulators.ibkr import ACCOUNT_ID, API, CONIDS, RATE_LIMITED
from adapters.brokers.simulators.ibkr import IbkrGatewaySimulator as FakeIbkrGateway
from adapters.brokers.simulators.server import VenueServer
from adapters.memory.clock import SystemClock
from bootstrap.drill_venues import simulated_ibkr

__all__ = ["ACCOUNT_ID", "API", "CONIDS", "RATE_LIMITED", "FakeIbkrGateway", "ibkr_broker"]


def ibkr_broker(
    server: VenueServer,
    *,
    accounts: frozenset[str] | None = None,
    config: IbkrBrokerConfig | None = None,
    pacing: dict[str, float] | None = None,
) -> IbkrBroker:
    """An IbkrBroker on the fake gateway at `server`, with no pacing of the polled endpoints
    unless `pacing` says (the fake answers every call)."""
    return simulated_ibkr(
        server.url, SystemClock(), accounts=accounts, config=config, pacing=pacing or {}
    )
