"""Broadcast over Redis pub/sub: a dedicated connection per listener, pinged, and reconnected."""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import Sequence
from typing import Any

from redis.asyncio import Redis
from redis.asyncio.client import PubSub
from redis.exceptions import TimeoutError as RedisTimeoutError

from adapters.redis.client import UNREACHABLE, redis_from_url
from ports.core.broadcast import BroadcastUnavailable, OnConnectionChange, OnMessage


class RedisBroadcast:
    """A Broadcast on one Redis: PUBLISH through `redis`, each `listen` on its own connection.

    The listening connection is built from `url` with redis-py's silent reconnects off,
    so every drop surfaces as `on_disconnect`. When idle it is pinged every `ping_interval`
    s and given up as lost when a ping goes `dead_after` s without a word back, which
    notices a hung server or a dead network path, not only a closed socket. Reconnects back off
    exponentially from `backoff_first` to `backoff_cap` s, with jitter, so instances do
    not stampede a recovering server.
    """

    def __init__(
        self,
        redis: Redis,
        url: str,
        *,
        ping_interval: float = 0.25,
        dead_after: float = 1.0,
        backoff_first: float = 0.05,
        backoff_cap: float = 2.0,
    ) -> None:
        self._redis = redis
        self._url = url
        self._ping_interval = ping_interval
        self._dead_after = dead_after
        self._backoff_first = backoff_first
        self._backoff_cap = backoff_cap

    async def publish(self, channel: str, message: bytes) -> None:
        try:
            await self._redis.publish(channel, message)
        except UNREACHABLE as exc:
            raise BroadcastUnavailable(f"cannot publish to {channel!r}: {exc}") from exc

    async def listen(
        self,
        channels: Sequence[str],
        on_message: OnMessage,
        on_connect: OnConnectionChange,
        on_disconnect: OnConnectionChange,
    ) -> None:
        if not channels:
            raise ValueError("listen needs at least one channel")
        subscriber = redis_from_url(
            self._url,
            timeout=self._dead_after,
            retries=0,
            max_connections=1,
            client_name="bulwark-broadcast",
        )
        backoff = _Backoff(self._backoff_first, self._backoff_cap)
        try:
            while True:
                session = _Session(subscriber.pubsub(), self._ping_interval, self._dead_after)
                try:
                    if await session.open(channels):
                        backoff.reset()
                        await on_connect()
                        while (message := await session.next_message()) is not None:
                            await on_message(*message)
                finally:
                    await session.close()
                if session.was_open:
                    await on_disconnect()
                await asyncio.sleep(backoff.next())
        finally:
            await subscriber.aclose()


class _Session:
    """One connection's subscription; `None` from `next_message` means the connection is lost."""

    def __init__(self, pubsub: PubSub, ping_interval: float, dead_after: float) -> None:
        self._pubsub = pubsub
        self._ping_interval = ping_interval
        self._dead_after = dead_after
        self._loop = asyncio.get_running_loop()
        self._next_ping = 0.0
        self._unanswered_since: float | None = None  # when a ping went out, if none answered
        self._early: list[tuple[str, bytes]] = []
        self.was_open = False

    async def open(self, channels: Sequence[str]) -> bool:
        """Subscribe and wait for every confirmation: after this, no publication is missed."""
        try:
            await self._pubsub.subscribe(*channels)
            _raise_if_cancel_was_swallowed()
            pending = set(channels)
            deadline = self._loop.time() + self._dead_after
            while pending:
                left = deadline - self._loop.time()
                if left <= 0:
                    return False
                message = await self._pubsub.get_message(timeout=left)
                if message is None:
                    continue
                if message["type"] == "subscribe":
                    pending.discard(_text(message["channel"]))
                elif message["type"] == "message":
                    self._early.append((_text(message["channel"]), message["data"]))
        except UNREACHABLE:
            return False
        self._heard()
        self.was_open = True
        return True

    async def next_message(self) -> tuple[str, bytes] | None:
        if self._early:
            return self._early.pop(0)
        try:
            while True:
                message = await self._read()
                if message is not None and message["type"] == "message":
                    return _text(message["channel"]), message["data"]
        except UNREACHABLE:
            return None

    async def close(self) -> None:
        with contextlib.suppress(*UNREACHABLE):  # the connection is being dropped anyway
            await self._pubsub.aclose()  # type: ignore[no-untyped-call]

    async def _read(self) -> dict[str, Any] | None:
        _raise_if_cancel_was_swallowed()
        # Dead only when a ping has gone unanswered: a slow on_message is not a dead server.
        now = self._loop.time()
        if self._unanswered_since is not None and now - self._unanswered_since > self._dead_after:
            raise RedisTimeoutError(f"no word from Redis in {self._dead_after} s")
        if now >= self._next_ping:
            await self._pubsub.ping()
            self._next_ping = now + self._ping_interval
            if self._unanswered_since is None:
                self._unanswered_since = now
        message: dict[str, Any] | None = await self._pubsub.get_message(
            timeout=max(0.0, self._next_ping - self._loop.time())
        )
        if message is not None:
            self._heard()
        return message

    def _heard(self) -> None:
        self._unanswered_since = None
        self._next_ping = self._loop.time() + self._ping_interval


class _Backoff:
    """Exponential delays with jitter, capped; `reset` after a success."""

    def __init__(self, first: float, cap: float) -> None:
        self._first = first
        self._cap = cap
        self._attempt = 0

    def next(self) -> float:
        delay = min(self._cap, self._first * 2.0 ** min(self._attempt, 32))
        self._attempt += 1
        return random.uniform(delay / 2, delay)

    def reset(self) -> None:
        self._attempt = 0


def _raise_if_cancel_was_swallowed() -> None:
    # redis-py sends through asyncio.wait_for, which on Python 3.11 drops a cancel that lands
    # as the send completes; the task still counts the request, so honour it here.
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError


def _text(channel: bytes | str) -> str:
    return channel.decode() if isinstance(channel, bytes) else channel
