"""Users' notification endpoints on SQL: one row each, the secret part as sealed text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select, update

from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.notification_endpoints import notification_endpoints as table
from ports.core.encryption import SealedRecord
from ports.notifications.notification_endpoints import RECORD_TYPE, NotificationEndpoint
from ports.notifications.notifications import Channel


def _endpoint(row: Any) -> NotificationEndpoint:
    return record(
        NotificationEndpoint, row, channel=Channel(row.channel), enabled=bool(row.enabled)
    )


class SqlNotificationEndpointStore(EngineStore):
    """A NotificationEndpointStore on the `notification_endpoints` table."""

    async def add(self, endpoint: NotificationEndpoint) -> None:
        taken = f"endpoint {endpoint.id} exists already"
        await self._insert_new(table, row_of(endpoint, table), taken)

    async def get(self, endpoint_id: str, owner_id: str) -> NotificationEndpoint | None:
        query = select(table).where(table.c.id == endpoint_id, table.c.owner_id == owner_id)
        return await self._read_one(query, _endpoint)

    async def list_for(
        self, owner_id: str, channel: Channel | None = None
    ) -> list[NotificationEndpoint]:
        query = select(table).where(table.c.owner_id == owner_id)
        if channel is not None:
            query = query.where(table.c.channel == channel.value)
        query = query.order_by(table.c.created_at, table.c.id)
        return [_endpoint(r) for r in await self._read(query)]

    async def save(self, endpoint: NotificationEndpoint) -> None:
        change = (
            update(table)
            .where(table.c.id == endpoint.id, table.c.owner_id == endpoint.owner_id)
            .values(label=endpoint.label, enabled=endpoint.enabled, sealed=endpoint.sealed)
        )
        if await self._change(change) != 1:
            raise KeyError(endpoint.id)

    async def remove(self, endpoint_id: str, owner_id: str) -> bool:
        gone = delete(table).where(table.c.id == endpoint_id, table.c.owner_id == owner_id)
        return await self._change(gone) == 1

    async def sealed_batch(self, after: str | None, limit: int) -> Sequence[SealedRecord]:
        query = select(table.c.id, table.c.sealed).order_by(table.c.id).limit(limit)
        if after is not None:
            query = query.where(table.c.id > after)
        rows = await self._read(query)
        return [SealedRecord(r.id, RECORD_TYPE, r.id, r.sealed) for r in rows]

    async def replace_sealed(self, record: SealedRecord, new_text: str) -> bool:
        change = (
            update(table)
            .where(table.c.id == record.record_id, table.c.sealed == record.text)
            .values(sealed=new_text)
        )
        return await self._change(change) == 1
