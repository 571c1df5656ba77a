"""In-process token buckets (embedded mode and tests): O(1) per call, no history kept."""

from __future__ import annotations

from ports.core.clock import Clock
from ports.core.ratelimit import RateDecision


class InMemoryRateLimiter:
    """A RateLimiter for one process; buckets that have refilled are pruned when many."""

    def __init__(self, clock: Clock, max_keys: int = 100_000) -> None:
        self._clock = clock
        # key -> (tokens, at monotonic, seconds to refill from empty)
        self._buckets: dict[str, tuple[float, float, float]] = {}
        self._max_keys = max_keys

    async def hit(self, key: str, capacity: int, per_seconds: float) -> RateDecision:
        now = self._clock.monotonic()
        rate = capacity / per_seconds
        tokens, at, _ = self._buckets.get(key, (float(capacity), now, per_seconds))
        tokens = min(float(capacity), tokens + (now - at) * rate)
        if tokens < 1.0:
            self._buckets[key] = (tokens, now, per_seconds)
            return RateDecision(False, 0, (1.0 - tokens) / rate)
        self._buckets[key] = (tokens - 1.0, now, per_seconds)
        if len(self._buckets) > self._max_keys:
            self._prune(now)
        return RateDecision(True, int(tokens - 1.0), 0.0)

    def _prune(self, now: float) -> None:
        """Drop buckets idle long enough to be full again: they carry no information."""
        for key, (_, at, refill) in list(self._buckets.items()):
            if now - at >= refill:
                del self._buckets[key]
