"""Users' notification endpoints on SQL: one row each, the secret part as sealed text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.engine import guarded, single_writer
from adapters.postgres.tables.notification_endpoints import notification_endpoints as table
from ports.encryption import SealedRecord
from ports.notification_endpoints import RECORD_TYPE, NotificationEndpoint
from ports.notifications import Channel


def _row(endpoint: NotificationEndpoint) -> dict[str, Any]:
    return {
        "id": endpoint.id,
        "owner_id": endpoint.owner_id,
        "channel": endpoint.channel.value,
        "address": endpoint.address,
        "label": endpoint.label,
        "enabled": endpoint.enabled,
        "created_at": endpoint.created_at,
        "sealed": endpoint.sealed,
    }


def _endpoint(row: Any) -> NotificationEndpoint:
    return NotificationEndpoint(
        id=row.id,
        owner_id=row.owner_id,
        channel=Channel(row.channel),
        address=row.address,
        label=row.label,
        enabled=bool(row.enabled),
        created_at=row.created_at,
        sealed=row.sealed,
    )


class SqlNotificationEndpointStore:
    """A NotificationEndpointStore on the `notification_endpoints` table."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def add(self, endpoint: NotificationEndpoint) -> None:
        async def run() -> None:
            async with single_writer(self._engine), self._engine.begin() as conn:
                found = await conn.execute(select(table.c.id).where(table.c.id == endpoint.id))
                if found.first() is not None:
                    raise ValueError(f"endpoint {endpoint.id} exists already")
                await conn.execute(table.insert().values(_row(endpoint)))

        await guarded(run)

    async def get(self, endpoint_id: str, owner_id: str) -> NotificationEndpoint | None:
        query = select(table).where(table.c.id == endpoint_id, table.c.owner_id == owner_id)
        rows = await guarded(lambda: self._read(query))
        return _endpoint(rows[0]) if rows else None

    async def list_for(
        self, owner_id: str, channel: Channel | None = None
    ) -> list[NotificationEndpoint]:
        query = select(table).where(table.c.owner_id == owner_id)
        if channel is not None:
            query = query.where(table.c.channel == channel.value)
        query = query.order_by(table.c.created_at, table.c.id)
        return [_endpoint(r) for r in await guarded(lambda: self._read(query))]

    async def save(self, endpoint: NotificationEndpoint) -> None:
        change = (
            update(table)
            .where(table.c.id == endpoint.id, table.c.owner_id == endpoint.owner_id)
            .values(label=endpoint.label, enabled=endpoint.enabled, sealed=endpoint.sealed)
        )
        if await self._write(change) != 1:
            raise KeyError(endpoint.id)

    async def remove(self, endpoint_id: str, owner_id: str) -> bool:
        gone = delete(table).where(table.c.id == endpoint_id, table.c.owner_id == owner_id)
        return await self._write(gone) == 1

    async def sealed_batch(self, after: str | None, limit: int) -> Sequence[SealedRecord]:
        query = select(table.c.id, table.c.sealed).order_by(table.c.id).limit(limit)
        if after is not None:
            query = query.where(table.c.id > after)
        rows = await guarded(lambda: self._read(query))
        return [SealedRecord(r.id, RECORD_TYPE, r.id, r.sealed) for r in rows]

    async def replace_sealed(self, record: SealedRecord, new_text: str) -> bool:
        change = (
            update(table)
            .where(table.c.id == record.record_id, table.c.sealed == record.text)
            .values(sealed=new_text)
        )
        return await self._write(change) == 1

    async def _write(self, statement: Any) -> int:
        async def run() -> int:
            async with single_writer(self._engine), self._engine.begin() as conn:
                return int((await conn.execute(statement)).rowcount)

        return await guarded(run)

    async def _read(self, query: Any) -> list[Any]:
        async with self._engine.connect() as conn:
            return list((await conn.execute(query)).fetchall())
