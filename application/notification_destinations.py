"""The default DestinationDirectory: in-app and WebSocket go to the user, email to the
user's address on file. The channels helper's directory (webhooks, Slack, Telegram,
verified addresses) replaces it at the composition root."""

from __future__ import annotations

from collections.abc import Sequence

from ports.notifications import Channel, Destination
from ports.unit_of_work import UnitOfWorkFactory


class UserDestinations:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow_factory = uow_factory

    async def destinations(self, user_id: str, channel: Channel) -> Sequence[Destination]:
        if channel in (Channel.IN_APP, Channel.WEBSOCKET):
            return [Destination(channel, user_id)]
        if channel is Channel.EMAIL:
            async with self._uow_factory() as uow:
                user = await uow.users.get(user_id)
            if user is not None and user.email and user.active:
                return [Destination(channel, user.email)]
        return []
