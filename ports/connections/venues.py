"""Opening a venue's adapter for a connection (the composition root knows each kind's)."""

from __future__ import annotations

from typing import Protocol

from domain.connections.connection import VenueConnection
from ports.keys.key_vault import Credentials
from ports.trading.broker import BrokerPort


class VenueAdapter(BrokerPort, Protocol):
    """A broker adapter of one connection, holding its connections until closed."""

    async def aclose(self) -> None: ...


class VenueAdapters(Protocol):
    """Builds the adapter of a connection's venue kind, on its credentials (None for a kind
    that keeps none here). Raises InvalidConnection for a kind this instance cannot open (an
    exchange id ccxt does not know)."""

    def check(self, connection: VenueConnection) -> None:
        """Raise InvalidConnection when the connection cannot be opened here."""
        ...

    def open(
        self, connection: VenueConnection, credentials: Credentials | None
    ) -> VenueAdapter: ...
