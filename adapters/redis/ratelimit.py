"""Token buckets in Redis: one Lua script per hit, so every instance shares one bucket per key."""

from __future__ import annotations

from redis.asyncio import Redis

from ports.core.ratelimit import RateDecision

# KEYS[1] bucket; ARGV capacity, per_seconds. The time is the server's, so instances whose
# clocks disagree still share one refill. A missing key is a full bucket, so the key lives
# only as long as a refill from its current level takes.
_HIT = """
local capacity = tonumber(ARGV[1])
local per_seconds = tonumber(ARGV[2])
local rate = capacity / per_seconds
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = capacity
  at = now
end
tokens = math.min(capacity, tokens + math.max(0, now - at) / 1000000 * rate)
local allowed = 0
local retry_after = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry_after = (1 - tokens) / rate
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens),
           'at', string.format('%.0f', now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate * 1000) + 1)
return {allowed, math.floor(tokens), string.format('%.17g', retry_after)}
"""


class RedisRateLimiter:
    """A RateLimiter shared by every instance on one Redis; raises when Redis is unreachable.

    It does not decide for the caller what an unreachable Redis means: the error
    (redis ConnectionError / TimeoutError) propagates, and the caller fails closed.
    """

    def __init__(self, redis: Redis, prefix: str = "bulwark:rl:") -> None:
        self._prefix = prefix
        self._hit = redis.register_script(_HIT)

    async def hit(self, key: str, capacity: int, per_seconds: float) -> RateDecision:
        if capacity < 1 or per_seconds <= 0:
            raise ValueError("capacity must be >= 1 and per_seconds > 0")
        allowed, remaining, retry_after = await self._hit(
            keys=[self._prefix + key], args=[capacity, repr(float(per_seconds))]
        )
        if not allowed:
            return RateDecision(False, 0, float(retry_after))
        return RateDecision(True, int(remaining), 0.0)
