"""The broad per-client API limit, on the RateLimiter port (token bucket: O(1) per request).

Login, refresh and the kill switch keep Litestar's own limiter (tight limits, small windows);
this one covers every /api/ request, where a per-request history would grow with the traffic.
"""

from __future__ import annotations

from litestar.enums import ScopeType
from litestar.exceptions import TooManyRequestsException
from litestar.types import ASGIApp, Receive, Scope, Send

from ports.ratelimit import RateLimiter


class ApiRateLimitMiddleware:
    """429 (problem+json, Retry-After) when a client exceeds `per_minute` API calls."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter, per_minute: int) -> None:
        self.app = app
        self.limiter = limiter
        self.per_minute = per_minute

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == ScopeType.HTTP and scope["path"].startswith("/api/"):
            client = scope.get("client")
            key = f"api:{client[0] if client else 'unknown'}"
            decision = await self.limiter.hit(key, self.per_minute, 60.0)
            if not decision.allowed:
                wait = max(1, round(decision.retry_after + 0.5))
                raise TooManyRequestsException(
                    f"more than {self.per_minute} API calls a minute",
                    headers={"Retry-After": str(wait), "RateLimit-Reset": str(wait)},
                )
        await self.app(scope, receive, send)
