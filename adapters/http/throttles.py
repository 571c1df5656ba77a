"""Tight per-client limits on login, refresh, onboarding and pulling the kill switch, in
Litestar's limiter, in front of every route of both listeners."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from litestar import Request
from litestar.enums import ScopeType
from litestar.middleware.rate_limit import RateLimitConfig, RateLimitMiddleware, get_remote_address
from litestar.types import ASGIApp, Receive, Scope, Send

from adapters.http.identity.users import PUBLIC_ONBOARDING_PATHS
from adapters.http.services import HttpConfig

# (name, the setting with its per-minute limit, which requests it counts): tight limits on
# login, refresh and pulling the kill switch, in Litestar's limiter (small sliding windows).
Throttle = tuple[str, str, Callable[[str, str], bool]]
THROTTLES: tuple[Throttle, ...] = (
    ("login", "login_rate_per_minute", lambda m, p: p == "/api/v1/auth/login"),
    # The console's login form: the same limit, counted apart (GETs of the form are free).
    ("console-login", "login_rate_per_minute", lambda m, p: m == "POST" and p == "/console/login"),
    ("refresh", "refresh_rate_per_minute", lambda m, p: p == "/api/v1/auth/refresh"),
    # Sign-up, invitations, password reset: the login's limit, counted apart from it.
    ("onboarding", "login_rate_per_minute", lambda m, p: p in PUBLIC_ONBOARDING_PATHS),
    (
        "kill-switch",
        "kill_switch_rate_per_minute",
        lambda m, p: m == "POST" and p.startswith(("/api/v1/kill-switch/", "/console/kill-switch")),
    ),
)


def rate_limit(name: str, per_minute: int) -> RateLimitConfig:
    """Litestar's limiter for one throttle, its clients keyed apart from the other throttles'."""

    def identify(request: Request[Any, Any, Any]) -> str:
        return f"{name}:{get_remote_address(request)}"

    return RateLimitConfig(rate_limit=("minute", per_minute), identifier_for_request=identify)


class ThrottleMiddleware:
    """Sends the few requests a throttle counts through its Litestar limiter; others pass by.

    Three of Litestar's limiters stacked cost every request three Request objects and three
    checks; here a request that no throttle counts costs two string comparisons.
    """

    def __init__(self, app: ASGIApp, config: HttpConfig) -> None:
        self.app = app
        self.config = config
        # Litestar builds this middleware once per route (hundreds): each throttle's limiter is
        # made when a request it counts first comes, not per route at start (its counts live in
        # the app's store, keyed by throttle and client, so nothing depends on which instance).
        self.limiters: dict[str, RateLimitMiddleware] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == ScopeType.HTTP:
            method, path = scope["method"], scope["path"]
            for name, setting, applies in THROTTLES:
                if applies(method, path):
                    await self.limiter(name, setting)(scope, receive, send)
                    return
        await self.app(scope, receive, send)

    def limiter(self, name: str, setting: str) -> RateLimitMiddleware:
        limiter = self.limiters.get(name)
        if limiter is None:
            limit = rate_limit(name, getattr(self.config, setting))
            limiter = self.limiters[name] = RateLimitMiddleware(self.app, limit)
        return limiter
