"""Building a redis.asyncio client from a URL, with short timeouts so callers fail fast."""

from __future__ import annotations

from redis.asyncio import BlockingConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialWithJitterBackoff, NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

# What a Redis call raises when the server cannot be reached or does not answer in time.
UNREACHABLE: tuple[type[Exception], ...] = (RedisConnectionError, RedisTimeoutError, OSError)


def redis_from_url(
    url: str,
    *,
    timeout: float = 1.0,
    connect_timeout: float | None = None,
    retries: int = 1,
    max_connections: int = 100,
    client_name: str | None = "bulwark",
) -> Redis:
    """A client whose commands give up after `timeout` s and `retries` reconnects.

    Redis guards risk decisions, so a slow or absent server must surface as an error
    quickly (the caller fails closed) instead of hanging a request. A burst beyond
    `max_connections` waits up to `timeout` for a free connection rather than failing.
    `retries=0` turns off redis-py's silent reconnects (a pub/sub listener must see drops).
    """
    if retries == 0:
        retry = Retry(NoBackoff(), 0, supported_errors=())
    else:
        retry = Retry(ExponentialWithJitterBackoff(base=0.01, cap=0.1), retries)
    pool = BlockingConnectionPool.from_url(
        url,
        max_connections=max_connections,
        timeout=timeout,
        socket_timeout=timeout,
        socket_connect_timeout=connect_timeout if connect_timeout is not None else timeout,
        retry=retry,
        client_name=client_name,
    )
    return Redis.from_pool(pool)
