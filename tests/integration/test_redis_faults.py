"""Redis-only behaviour: a silent or absent server, shared buckets across instances, key expiry."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from urllib.parse import urlsplit, urlunsplit

import pytest
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError

from adapters.redis.broadcast import RedisBroadcast
from adapters.redis.cache import RedisQuoteCache
from adapters.redis.client import redis_from_url
from adapters.redis.idempotency import RedisIdempotencyStore
from adapters.redis.ratelimit import RedisRateLimiter
from ports.core.broadcast import BroadcastUnavailable
from ports.core.idempotency import IdempotencyUnavailable
from ports.market_data.cache import CacheUnavailable
from tests.kit.broadcast import WAIT_S, Listen, Recorder, listeners
from tests.kit.ports import free_port as _closed_port

CONNECT = ("connect",)
DISCONNECT = ("disconnect",)


class Relay:
    """A TCP relay in front of Redis that can refuse connections or go silent (a hung server)."""

    def __init__(self, host: str, port: int) -> None:
        self._target = (host, port)
        self._accepting = True
        self._flowing = asyncio.Event()
        self._flowing.set()
        self._server: asyncio.Server | None = None
        self._writers: list[asyncio.StreamWriter] = []

    async def start(self) -> int:
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", 0)
        return int(self._server.sockets[0].getsockname()[1])

    def refuse(self) -> None:
        self._accepting = False

    def accept(self) -> None:
        self._accepting = True

    def cut(self) -> None:
        """Refuse new connections and drop the open ones (the server went away)."""
        self._accepting = False
        for writer in self._writers:
            writer.close()
        self._writers.clear()

    def go_silent(self) -> None:
        """Keep every connection open but pass nothing on, either way."""
        self._flowing.clear()

    def speak_again(self) -> None:
        self._flowing.set()

    async def close(self) -> None:
        self._flowing.set()
        for writer in self._writers:
            writer.close()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    async def _relay(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        if not self._accepting:
            client_w.close()
            return
        server_r, server_w = await asyncio.open_connection(*self._target)
        self._writers += [client_w, server_w]
        await asyncio.gather(
            self._pipe(client_r, server_w), self._pipe(server_r, client_w), return_exceptions=True
        )
        client_w.close()
        server_w.close()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while data := await reader.read(65536):
            await self._flowing.wait()
            writer.write(data)
            await writer.drain()
        writer.close()


def _via(url: str, port: int) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"127.0.0.1:{port}"))


@pytest.fixture
async def redis(redis_url: str) -> AsyncIterator[Redis]:
    client = redis_from_url(redis_url)
    try:
        yield client
    finally:
        await client.aclose()


@pytest.fixture
async def relay(redis_url: str) -> AsyncIterator[Relay]:
    parts = urlsplit(redis_url)
    relay = Relay(parts.hostname or "127.0.0.1", parts.port or 6379)
    try:
        yield relay
    finally:
        await relay.close()


@pytest.fixture
async def listening() -> AsyncIterator[Listen]:
    async with listeners() as start:
        yield start


@pytest.fixture
def unreachable_url(redis_url: str) -> str:
    return _via(redis_url, _closed_port())


async def test_a_silent_server_is_given_up_and_the_listener_returns_when_it_speaks(
    redis: Redis,
    redis_url: str,
    relay: Relay,
    listening: Listen,
) -> None:
    # Arrange
    port = await relay.start()
    recorder = listening(RedisBroadcast(redis, _via(redis_url, port)), ["killswitch"])
    assert await recorder.next() == CONNECT

    # Act: the socket stays open, only the pings go unanswered
    relay.go_silent()
    lost = await recorder.next()
    relay.speak_again()
    restored = await recorder.next()
    await RedisBroadcast(redis, redis_url).publish("killswitch", b"after the silence")

    # Assert
    assert (lost, restored) == (DISCONNECT, CONNECT)
    assert await recorder.next() == ("message", "killswitch", b"after the silence")


async def test_an_idle_listener_keeps_its_connection_by_pinging(
    redis: Redis, redis_url: str, listening: Listen
) -> None:
    # Arrange: given up after 0.2 s without a word; nothing is published for longer than that
    broadcast = RedisBroadcast(redis, redis_url, ping_interval=0.05, dead_after=0.2)
    recorder = listening(broadcast, ["killswitch"])
    assert await recorder.next() == CONNECT

    # Act
    await asyncio.sleep(0.6)
    await broadcast.publish("killswitch", b"still here")

    # Assert
    assert await recorder.next() == ("message", "killswitch", b"still here")


async def test_a_slow_message_handler_is_not_taken_for_a_dead_server(
    redis: Redis, redis_url: str
) -> None:
    # Arrange: each message takes longer to handle than the server may stay silent
    broadcast = RedisBroadcast(redis, redis_url, ping_interval=0.05, dead_after=0.2)
    recorder = Recorder()

    async def slow_on_message(channel: str, data: bytes) -> None:
        await asyncio.sleep(0.4)
        await recorder.on_message(channel, data)

    task = asyncio.create_task(
        broadcast.listen(
            ["killswitch"], slow_on_message, recorder.on_connect, recorder.on_disconnect
        )
    )
    try:
        assert await recorder.next() == CONNECT

        # Act
        await broadcast.publish("killswitch", b"first")
        await broadcast.publish("killswitch", b"second")
        received = [await recorder.next(), await recorder.next()]
    finally:
        task.cancel()
        await asyncio.wait([task], timeout=WAIT_S)

    # Assert
    assert received == [
        ("message", "killswitch", b"first"),
        ("message", "killswitch", b"second"),
    ]


async def test_a_listener_busy_pinging_stops_when_cancelled(redis: Redis, redis_url: str) -> None:
    # Arrange: a ping on the wire nearly all the time, so the cancel lands during a send
    broadcast = RedisBroadcast(redis, redis_url, ping_interval=0.0005, dead_after=0.5)
    recorder = Recorder()
    stopped = []
    for _ in range(20):
        task = asyncio.create_task(
            broadcast.listen(
                ["killswitch"], recorder.on_message, recorder.on_connect, recorder.on_disconnect
            )
        )
        assert await recorder.next() == CONNECT
        await asyncio.sleep(0.02)

        # Act
        task.cancel()
        await asyncio.wait([task], timeout=WAIT_S)
        stopped.append(task.cancelled())

    # Assert
    assert all(stopped)


async def test_a_listener_started_while_redis_is_down_connects_once_it_is_up(
    redis: Redis,
    redis_url: str,
    relay: Relay,
    listening: Listen,
) -> None:
    # Arrange
    port = await relay.start()
    relay.refuse()
    recorder = listening(RedisBroadcast(redis, _via(redis_url, port)), ["killswitch"])
    await asyncio.sleep(0.3)  # a few refused attempts
    while_down = recorder.pending()

    # Act
    relay.accept()
    once_up = await recorder.next()

    # Assert
    assert while_down == []
    assert once_up == CONNECT


async def test_publishing_to_an_unreachable_redis_raises_broadcast_unavailable(
    unreachable_url: str,
) -> None:
    # Arrange
    client = redis_from_url(unreachable_url)
    broadcast = RedisBroadcast(client, unreachable_url)

    # Act / Assert
    try:
        with pytest.raises(BroadcastUnavailable):
            await broadcast.publish("killswitch", b"halt")
    finally:
        await client.aclose()


async def test_a_limiter_that_cannot_reach_redis_raises_instead_of_allowing(
    unreachable_url: str,
) -> None:
    # Arrange
    client = redis_from_url(unreachable_url)
    limiter = RedisRateLimiter(client)

    # Act / Assert
    try:
        with pytest.raises(RedisConnectionError):
            await limiter.hit("client-a", 10, 60.0)
    finally:
        await client.aclose()


async def test_the_cache_and_the_idempotency_store_raise_their_unavailable_errors(
    unreachable_url: str,
) -> None:
    # Arrange
    client = redis_from_url(unreachable_url)

    # Act / Assert
    try:
        with pytest.raises(CacheUnavailable):
            await RedisQuoteCache(client).get("AAPL")
        with pytest.raises(IdempotencyUnavailable):
            await RedisIdempotencyStore(client).claim("key-1", "fp-a", 60.0)
    finally:
        await client.aclose()


async def test_limiters_on_two_clients_share_one_bucket(redis: Redis, redis_url: str) -> None:
    # Arrange: two instances, each with its own connection pool
    other = redis_from_url(redis_url)
    first, second = RedisRateLimiter(redis), RedisRateLimiter(other)

    # Act
    try:
        taken = [await first.hit("client-a", 2, 60.0) for _ in range(2)]
        refused = await second.hit("client-a", 2, 60.0)
    finally:
        await other.aclose()

    # Assert
    assert all(d.allowed for d in taken)
    assert not refused.allowed


async def test_an_idle_bucket_expires_once_it_would_be_full(redis: Redis) -> None:
    # Arrange
    limiter = RedisRateLimiter(redis, prefix="test:rl:")
    await limiter.hit("client-a", 2, 0.2)
    ttl_ms = await redis.pttl("test:rl:client-a")

    # Act
    await asyncio.sleep(0.3)

    # Assert
    assert 0 < ttl_ms <= 201
    assert await redis.exists("test:rl:client-a") == 0


async def test_the_limiter_reloads_its_script_after_a_script_flush(redis: Redis) -> None:
    # Arrange
    limiter = RedisRateLimiter(redis)
    await limiter.hit("client-a", 2, 60.0)

    # Act
    await redis.script_flush()
    after_flush = await limiter.hit("client-a", 2, 60.0)

    # Assert
    assert after_flush.allowed
    assert after_flush.remaining == 0
