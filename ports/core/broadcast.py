"""Broadcast port: small messages fanned out to every instance listening now."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol

OnMessage = Callable[[str, bytes], Awaitable[None]]
OnConnectionChange = Callable[[], Awaitable[None]]


class BroadcastUnavailable(ConnectionError):
    """A message could not be handed to the broadcast medium (its server is unreachable)."""


class Broadcast(Protocol):
    """Cross-instance pub/sub of small messages: a hint that something changed, not a log.

    Delivery is at most once, and only to listeners connected when the message is
    published; nothing is kept for listeners that were away. Durable state stays the
    truth: `on_connect` is where a listener re-reads it.

    `publish(channel, message)` hands `message` to every listener of `channel`, this
    instance's included, or raises BroadcastUnavailable.

    `listen(channels, on_message, on_connect, on_disconnect)` runs until cancelled:
    - `on_connect()` once the subscription is live, after the first connection and
      after every reconnect, so anything published after it returns is delivered;
    - `on_message(channel, data)` for each message, in publication order per publisher;
    - `on_disconnect()` when a live connection is lost (the caller stops trusting what
      it cached and fails closed until the next `on_connect`). Not called on cancel.
    Reconnection is the adapter's job (with bounded backoff). An exception raised by a
    callback ends `listen` with that exception.
    """

    async def publish(self, channel: str, message: bytes) -> None: ...

    async def listen(
        self,
        channels: Sequence[str],
        on_message: OnMessage,
        on_connect: OnConnectionChange,
        on_disconnect: OnConnectionChange,
    ) -> None: ...
