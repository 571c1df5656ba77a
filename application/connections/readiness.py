"""Every stored connection's health, one by one, for `/ready`, `/api/status` and `bulwark
doctor`: as its last call in this process left it, and for one this process has not called
yet (or not since the last probe's interval), the venue's cheapest authenticated call made
now (the connection's account read, as when it was created), each bounded in time and all at
once. A connection in trouble degrades its own accounts only.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from application.connections.brokers import ConnectionBrokers, ConnectionHealth, ConnectionState
from domain.connections.connection import VenueConnection
from ports.connections.store import ConnectionStore
from ports.core.clock import Clock

# The states a connection is in trouble in: its accounts' orders are refused or wait.
TROUBLED = frozenset(
    {ConnectionState.AUTH_FAILED, ConnectionState.UNREACHABLE, ConnectionState.RATE_LIMITED}
)


@dataclass(eq=False)
class ConnectionProbes:
    """Lists every active connection's health, probing those not heard of lately."""

    store: ConnectionStore
    brokers: ConnectionBrokers
    clock: Clock
    every_s: float = 60.0  # a connection not called since is probed again at most this often
    timeout_s: float = 1.5  # inside /ready's own bound on a probe (2 s)
    _probed: dict[str, float] = field(default_factory=dict, init=False)

    async def listed(self) -> list[ConnectionHealth]:
        """Each active connection's health, in id order."""
        connections = sorted(await self.store.every_active(), key=lambda c: c.id)
        now = self.clock.monotonic()
        due = [c for c in connections if self._due(c, now)]
        for connection in due:
            self._probed[connection.id] = now
        await asyncio.gather(*(self._probe(c) for c in due))
        return [self._health(c) for c in connections]

    def _due(self, connection: VenueConnection, now: float) -> bool:
        known = self.brokers.health_of(connection.id)
        if known is not None and known.state is not ConnectionState.UNUSED:
            return False  # its accounts' own calls keep it current
        return now - self._probed.get(connection.id, -math.inf) >= self.every_s

    async def _probe(self, connection: VenueConnection) -> None:
        """The venue's cheapest authenticated call; its outcome is the connection's health
        (a probe account the venue does not know is an answer: authenticated)."""
        broker = self.brokers.route(connection.id)
        if broker is None:
            return
        bounded = broker.within(self.clock.monotonic() + self.timeout_s)  # a late venue: down
        with contextlib.suppress(Exception):  # the answer, or the failure, is its health
            await asyncio.wait_for(bounded.account(f"check-{connection.id}"), self.timeout_s)

    def _health(self, connection: VenueConnection) -> ConnectionHealth:
        known = self.brokers.health_of(connection.id)
        return (
            known if known is not None else ConnectionHealth(connection.id, ConnectionState.UNUSED)
        )


__all__: Sequence[str] = ["TROUBLED", "ConnectionProbes"]
