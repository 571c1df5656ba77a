"""Where venue connections are kept (their credentials are in the key vault, not here)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from domain.connections.connection import VenueConnection


class ConnectionStore(Protocol):
    """Connections by id and by owner; a revoked one stays, marked, never deleted."""

    async def add(self, connection: VenueConnection) -> None: ...

    async def get(self, connection_id: str) -> VenueConnection | None: ...

    async def owned_by(self, owner_id: str) -> Sequence[VenueConnection]:
        """The owner's connections, revoked ones included, oldest first."""
        ...

    async def save(self, connection: VenueConnection) -> None:
        """Replace the stored connection of the same id (its owner and kind never change)."""
        ...

    async def every_active(self) -> Sequence[VenueConnection]:
        """Every owner's connections not revoked (the health checks walk them)."""
        ...
