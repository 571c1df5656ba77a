"""A rate limiter that keeps answering while Redis is down, from an in-process stand-in."""

from __future__ import annotations

import time
from collections.abc import Callable

import structlog

from adapters.redis.client import UNREACHABLE
from ports.core.ratelimit import RateDecision, RateLimiter

_log = structlog.get_logger("bulwark.ratelimit")


class FallbackRateLimiter:
    """`primary` while it answers; `fallback` while it cannot be reached (for the API limit).

    A Redis outage must not turn every API call into a 500, and a per-instance bucket is a
    fair stand-in for a while. The order throttle does not use this: it fails closed.
    During an outage the primary is tried again at most once per `probe_every` seconds (a
    hung server would otherwise cost every request its timeout); the first answer ends the
    outage. One warning per outage, one info line when it ends. Errors other than an
    unreachable server (a bad argument, a script error) are not hidden.
    """

    def __init__(
        self,
        primary: RateLimiter,
        fallback: RateLimiter,
        *,
        probe_every: float = 1.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._primary = primary
        self._fallback = fallback
        self._probe_every = probe_every
        self._monotonic = monotonic
        self._down = False
        self._next_probe = 0.0

    @property
    def degraded(self) -> bool:
        """True while the primary is taken for unreachable."""
        return self._down

    async def hit(self, key: str, capacity: int, per_seconds: float) -> RateDecision:
        if self._down:
            now = self._monotonic()
            if now < self._next_probe:
                return await self._fallback.hit(key, capacity, per_seconds)
            self._next_probe = now + self._probe_every  # one probe at a time; others fall back
        try:
            decision = await self._primary.hit(key, capacity, per_seconds)
        except UNREACHABLE as exc:
            self._next_probe = self._monotonic() + self._probe_every
            if not self._down:
                self._down = True
                _log.warning(
                    "rate_limiter_fallback", error_type=type(exc).__name__, using="in-process"
                )
            return await self._fallback.hit(key, capacity, per_seconds)
        if self._down:
            self._down = False
            _log.info("rate_limiter_recovered")
        return decision
