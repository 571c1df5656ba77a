"""Idempotency keys in Redis: a hash per key, changed only by Lua scripts (atomic)."""

from __future__ import annotations

import math

from redis.asyncio import Redis

from adapters.redis.client import UNREACHABLE
from ports.core.idempotency import Claim, ClaimStatus, IdempotencyUnavailable

# A record: state ('pending' | 'done'), fp (the request fingerprint; '' when unknown),
# result (bytes, once done). ARGV[1] fingerprint, ARGV[2] ttl ms.
_CLAIM = """
local record = redis.call('HMGET', KEYS[1], 'state', 'fp', 'result')
if not record[1] then
  redis.call('HSET', KEYS[1], 'state', 'pending', 'fp', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {'new'}
end
if record[2] and record[2] ~= '' and record[2] ~= ARGV[1] then
  return {'mismatch'}
end
if record[1] == 'done' then
  return {'done', record[3]}
end
return {'in_progress'}
"""

# ARGV[1] result, ARGV[2] ttl ms. Keeps the claim's fingerprint ('' if the claim lapsed).
_COMPLETE = """
local fp = redis.call('HGET', KEYS[1], 'fp') or ''
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'state', 'done', 'fp', fp, 'result', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
"""

_RELEASE = """
if redis.call('HGET', KEYS[1], 'state') == 'pending' then
  return redis.call('DEL', KEYS[1])
end
return 0
"""

_STATUS = {
    b"new": ClaimStatus.NEW,
    b"in_progress": ClaimStatus.IN_PROGRESS,
    b"done": ClaimStatus.DONE,
    b"mismatch": ClaimStatus.MISMATCH,
}


class RedisIdempotencyStore:
    """An IdempotencyStore shared by every instance on one Redis."""

    def __init__(self, redis: Redis, prefix: str = "bulwark:idem:") -> None:
        self._prefix = prefix
        self._claim = redis.register_script(_CLAIM)
        self._complete = redis.register_script(_COMPLETE)
        self._release = redis.register_script(_RELEASE)

    async def claim(self, key: str, fingerprint: str, ttl_seconds: float) -> Claim:
        args: list[str | int] = [fingerprint, _ttl_ms(ttl_seconds)]
        try:
            reply = await self._claim(keys=[self._prefix + key], args=args)
        except UNREACHABLE as exc:
            raise IdempotencyUnavailable(f"idempotency store unreachable: {exc}") from exc
        status = _STATUS[reply[0]]
        return Claim(status, bytes(reply[1]) if status is ClaimStatus.DONE else None)

    async def complete(self, key: str, result: bytes, ttl_seconds: float) -> None:
        args: list[bytes | int] = [result, _ttl_ms(ttl_seconds)]
        try:
            await self._complete(keys=[self._prefix + key], args=args)
        except UNREACHABLE as exc:
            raise IdempotencyUnavailable(f"idempotency store unreachable: {exc}") from exc

    async def release(self, key: str) -> None:
        try:
            await self._release(keys=[self._prefix + key])
        except UNREACHABLE as exc:
            raise IdempotencyUnavailable(f"idempotency store unreachable: {exc}") from exc


def _ttl_ms(ttl_seconds: float) -> int:
    if ttl_seconds <= 0:
        raise ValueError("ttl_seconds must be positive")
    return max(1, math.ceil(ttl_seconds * 1000))
