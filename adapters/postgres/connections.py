"""Venue connections on SQL (PostgreSQL or SQLite): the `venue_connections` table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.connections import venue_connections
from domain.connections.connection import VenueConnection
from domain.connections.kinds import VenueEnvironment, VenueKind

_t = venue_connections


def to_row(connection: VenueConnection) -> dict[str, Any]:
    return row_of(connection, _t, kind=str(connection.kind))


def from_row(row: Any) -> VenueConnection:
    return record(
        VenueConnection,
        row,
        kind=VenueKind.parse(row.kind),
        environment=VenueEnvironment(row.environment),
        verify_tls=bool(row.verify_tls),
        halt_on_drift=bool(row.halt_on_drift),
    )


class SqlConnectionStore(EngineStore):
    """A ConnectionStore on SQL: `add` of a taken id raises ValueError, `save` of an unknown
    id KeyError (as the in-memory store)."""

    async def add(self, connection: VenueConnection) -> None:
        try:
            await self._change(insert(_t).values(to_row(connection)))
        except IntegrityError:
            raise ValueError(f"connection {connection.id} exists") from None

    async def get(self, connection_id: str) -> VenueConnection | None:
        return await self._read_one(select(_t).where(_t.c.id == connection_id), from_row)

    async def owned_by(self, owner_id: str) -> Sequence[VenueConnection]:
        query = select(_t).where(_t.c.owner_id == owner_id).order_by(_t.c.created_at, _t.c.id)
        return [from_row(r) for r in await self._read(query)]

    async def save(self, connection: VenueConnection) -> None:
        row = {k: v for k, v in to_row(connection).items() if k != "id"}
        if await self._change(update(_t).where(_t.c.id == connection.id).values(row)) == 0:
            raise KeyError(connection.id)

    async def every_active(self) -> Sequence[VenueConnection]:
        query = select(_t).where(_t.c.revoked_at.is_(None)).order_by(_t.c.created_at, _t.c.id)
        return [from_row(r) for r in await self._read(query)]
