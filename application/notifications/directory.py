"""Where a user's notifications go per channel (the DestinationDirectory the center reads),
and the rotation source of the endpoints' sealed secrets.

EMAIL goes to the user's own address when they have one (and are active); WEBHOOK, SLACK and
TELEGRAM to their enabled endpoints of that channel, secrets opened for the sender; IN_APP
and WEBSOCKET to the user themself (the inbox row, their open sockets). An endpoint whose
secret no longer opens (its KEK retired, a tampered row) is left out, not fatal: the user's
other destinations still get the message, and `unreadable` counts what was skipped.
"""

from __future__ import annotations

from collections.abc import Sequence

from application.notifications.endpoints import destination_of
from ports.core.encryption import DecryptionRefused, SealedRecord, SecretSealer
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.notifications.notification_endpoints import ENDPOINT_CHANNELS, NotificationEndpointStore
from ports.notifications.notifications import Channel, Destination


class ChannelDestinations:
    """A DestinationDirectory over the users store and the endpoint store."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        endpoints: NotificationEndpointStore,
        sealer: SecretSealer,
    ) -> None:
        self._uow = uow_factory
        self._endpoints = endpoints
        self._sealer = sealer
        self.unreadable = 0

    async def destinations(self, user_id: str, channel: Channel) -> Sequence[Destination]:
        if channel in (Channel.IN_APP, Channel.WEBSOCKET):
            return [Destination(channel, user_id)]
        if channel is Channel.EMAIL:
            async with self._uow() as uow:
                user = await uow.users.get(user_id)
            if user is None or not user.active or not user.email:
                return []
            return [Destination(Channel.EMAIL, user.email)]
        if channel not in ENDPOINT_CHANNELS:
            return []
        found: list[Destination] = []
        for endpoint in await self._endpoints.list_for(user_id, channel):
            if not endpoint.enabled:
                continue
            try:
                found.append(destination_of(endpoint, self._sealer))
            except DecryptionRefused:
                self.unreadable += 1
        return found


class EndpointSecretSource:
    """The SealedRecordSource of the endpoints' secrets, for `bulwark keys rotate`."""

    name = "notification_endpoints.sealed"

    def __init__(self, endpoints: NotificationEndpointStore) -> None:
        self._endpoints = endpoints

    async def batch(self, after: str | None, limit: int) -> Sequence[SealedRecord]:
        return await self._endpoints.sealed_batch(after, limit)

    async def replace(self, record: SealedRecord, new_text: str) -> bool:
        return await self._endpoints.replace_sealed(record, new_text)
