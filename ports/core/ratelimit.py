"""Rate limiting: a token bucket per key, shared by every instance when the adapter is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class RateDecision:
    """Whether one more call is allowed now, what is left, and when to retry if not."""

    allowed: bool
    remaining: int
    retry_after: float


class RateLimiter(Protocol):
    """Token buckets: `capacity` tokens, refilled at capacity / `per_seconds` per second.

    `hit` takes one token from `key`'s bucket atomically (no two callers get the same token).
    """

    async def hit(self, key: str, capacity: int, per_seconds: float) -> RateDecision: ...
