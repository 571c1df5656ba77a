"""Venue connections in a dict: the embedded store's and the unit tests' ConnectionStore."""

from __future__ import annotations

from collections.abc import Sequence

from domain.connections.connection import VenueConnection


class InMemoryConnectionStore:
    """A ConnectionStore in a dict, gone with the process."""

    def __init__(self) -> None:
        self._rows: dict[str, VenueConnection] = {}

    async def add(self, connection: VenueConnection) -> None:
        if connection.id in self._rows:
            raise ValueError(f"connection {connection.id} exists")
        self._rows[connection.id] = connection

    async def get(self, connection_id: str) -> VenueConnection | None:
        return self._rows.get(connection_id)

    async def owned_by(self, owner_id: str) -> Sequence[VenueConnection]:
        owned = [c for c in self._rows.values() if c.owner_id == owner_id]
        return sorted(owned, key=lambda c: (c.created_at, c.id))

    async def save(self, connection: VenueConnection) -> None:
        if connection.id not in self._rows:
            raise KeyError(connection.id)
        self._rows[connection.id] = connection

    async def every_active(self) -> Sequence[VenueConnection]:
        active = [c for c in self._rows.values() if c.active]
        return sorted(active, key=lambda c: (c.created_at, c.id))
