"""The execution throttle's breach count in Redis: one sorted set per originator, shared by
every worker and instance, so N processes count one agent's breaches together."""

from __future__ import annotations

from datetime import datetime, timedelta

import structlog
from redis.asyncio import Redis

from adapters.redis.client import UNREACHABLE
from ports.safety.throttle import BreachWindow

_log = structlog.get_logger("bulwark.throttle")

# KEYS[1] the originator's set; ARGV breach id, at (ms since the epoch), window (ms), limit.
# Members are breach ids (an event delivered twice counts once), scores their times. The
# caller's time, not the server's: the throttle's clock is the app's (a fake one in tests).
_ADD = """
local at = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', at - window)
if redis.call('ZADD', KEYS[1], 'NX', at, ARGV[1]) == 0 then
  return 0
end
local count = redis.call('ZCARD', KEYS[1])
if count >= tonumber(ARGV[4]) then
  redis.call('DEL', KEYS[1])
else
  redis.call('PEXPIRE', KEYS[1], window)
end
return count
"""


def _ms(at: datetime) -> int:
    return round(at.timestamp() * 1000)


class RedisBreachWindow:
    """A BreachWindow every instance on one Redis shares (ports/safety/throttle.py).

    While Redis cannot be reached the count goes on in `fallback` (this process's breaches
    only), so a runaway agent is still stopped by the worker that sees it; one warning per
    outage, one line when it ends. Without a fallback the error propagates.
    """

    def __init__(
        self,
        redis: Redis,
        fallback: BreachWindow | None = None,
        prefix: str = "bulwark:throttle:",
    ) -> None:
        self._redis = redis
        self._add = redis.register_script(_ADD)
        self._fallback = fallback
        self._prefix = prefix
        self._down = False

    @property
    def degraded(self) -> bool:
        """True while Redis is taken for unreachable (the fallback counts)."""
        return self._down

    async def add(
        self, key: str, breach_id: str, at: datetime, window: timedelta, limit: int
    ) -> int:
        window_ms = max(1, round(window.total_seconds() * 1000))
        try:
            count = await self._add(
                keys=[self._prefix + key], args=[breach_id, _ms(at), window_ms, limit]
            )
        except UNREACHABLE as exc:
            if self._fallback is None:
                raise
            self._outage(exc)
            return await self._fallback.add(key, breach_id, at, window, limit)
        self._back()
        return int(count)

    async def clear(self, key: str) -> None:
        if self._fallback is not None:
            await self._fallback.clear(key)
        try:
            await self._redis.delete(self._prefix + key)
        except UNREACHABLE as exc:
            if self._fallback is None:
                raise
            self._outage(exc)

    def _outage(self, exc: Exception) -> None:
        if not self._down:
            self._down = True
            _log.warning(
                "throttle_count_fallback", error_type=type(exc).__name__, using="in-process"
            )

    def _back(self) -> None:
        if self._down:
            self._down = False
            _log.info("throttle_count_shared_again")
