"""In-process broadcast: a hub that several in-process "instances" share, breakable in tests."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from ports.core.broadcast import OnConnectionChange, OnMessage


class _Subscription:
    def __init__(self, channels: Sequence[str]) -> None:
        self.channels = frozenset(channels)
        # None in the inbox: the connection was cut
        self.inbox: asyncio.Queue[tuple[str, bytes] | None] = asyncio.Queue()


class InMemoryBroadcastHub:
    """The shared medium (the Redis server's part); `kill_listeners` cuts connections."""

    def __init__(self) -> None:
        self._subscriptions: set[_Subscription] = set()

    def publish(self, channel: str, message: bytes) -> None:
        for subscription in self._subscriptions:
            if channel in subscription.channels:
                subscription.inbox.put_nowait((channel, message))

    def kill_listeners(self) -> None:
        """Cut every listener's connection; each sees on_disconnect, then reconnects."""
        for subscription in self._subscriptions:
            subscription.inbox.put_nowait(None)
        self._subscriptions.clear()

    def attach(self, channels: Sequence[str]) -> _Subscription:
        subscription = _Subscription(channels)
        self._subscriptions.add(subscription)
        return subscription

    def detach(self, subscription: _Subscription) -> None:
        self._subscriptions.discard(subscription)


class InMemoryBroadcast:
    """One instance's Broadcast over a shared hub; messages published while cut are lost."""

    def __init__(self, hub: InMemoryBroadcastHub) -> None:
        self._hub = hub

    async def publish(self, channel: str, message: bytes) -> None:
        self._hub.publish(channel, message)

    async def listen(
        self,
        channels: Sequence[str],
        on_message: OnMessage,
        on_connect: OnConnectionChange,
        on_disconnect: OnConnectionChange,
    ) -> None:
        if not channels:
            raise ValueError("listen needs at least one channel")
        while True:
            subscription = self._hub.attach(channels)
            try:
                await on_connect()
                while (item := await subscription.inbox.get()) is not None:
                    await on_message(*item)
            finally:
                self._hub.detach(subscription)
            await on_disconnect()
            await asyncio.sleep(0)  # let the code that cut the connection run first
