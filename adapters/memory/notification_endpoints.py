"""Users' notification endpoints in memory: the embedded store's and the unit tests' store."""

from __future__ import annotations

import copy
from collections.abc import Sequence

from ports.core.encryption import SealedRecord
from ports.notifications.notification_endpoints import RECORD_TYPE, NotificationEndpoint
from ports.notifications.notifications import Channel


class InMemoryNotificationEndpointStore:
    """Keeps copies, so a caller's changes count only once saved (as with SQL)."""

    def __init__(self) -> None:
        self._endpoints: dict[str, NotificationEndpoint] = {}

    async def add(self, endpoint: NotificationEndpoint) -> None:
        if endpoint.id in self._endpoints:
            raise ValueError(f"endpoint {endpoint.id} exists already")
        self._endpoints[endpoint.id] = copy.copy(endpoint)

    async def get(self, endpoint_id: str, owner_id: str) -> NotificationEndpoint | None:
        found = self._endpoints.get(endpoint_id)
        return copy.copy(found) if found is not None and found.owner_id == owner_id else None

    async def list_for(
        self, owner_id: str, channel: Channel | None = None
    ) -> list[NotificationEndpoint]:
        mine = [
            copy.copy(e)
            for e in list(self._endpoints.values())
            if e.owner_id == owner_id and (channel is None or e.channel == channel)
        ]
        return sorted(mine, key=lambda e: (e.created_at, e.id))

    async def save(self, endpoint: NotificationEndpoint) -> None:
        stored = self._endpoints.get(endpoint.id)
        if stored is None or stored.owner_id != endpoint.owner_id:
            raise KeyError(endpoint.id)
        stored.label, stored.enabled, stored.sealed = (
            endpoint.label,
            endpoint.enabled,
            endpoint.sealed,
        )

    async def remove(self, endpoint_id: str, owner_id: str) -> bool:
        found = self._endpoints.get(endpoint_id)
        if found is None or found.owner_id != owner_id:
            return False
        del self._endpoints[endpoint_id]
        return True

    async def sealed_batch(self, after: str | None, limit: int) -> Sequence[SealedRecord]:
        ids = sorted(i for i in self._endpoints if after is None or i > after)[:limit]
        return [SealedRecord(i, RECORD_TYPE, i, self._endpoints[i].sealed) for i in ids]

    async def replace_sealed(self, record: SealedRecord, new_text: str) -> bool:
        found = self._endpoints.get(record.record_id)
        if found is None or found.sealed != record.text:
            return False
        found.sealed = new_text
        return True
