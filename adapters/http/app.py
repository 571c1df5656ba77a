"""Assembles the Litestar application from the use cases handed in by the composition root."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any, Literal

from litestar import Litestar, Request
from litestar.config.cors import CORSConfig
from litestar.datastructures import State
from litestar.di import Provide
from litestar.enums import ScopeType
from litestar.handlers import HTTPRouteHandler
from litestar.middleware import DefineMiddleware
from litestar.middleware.rate_limit import RateLimitConfig, RateLimitMiddleware, get_remote_address
from litestar.openapi.config import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin, SwaggerRenderPlugin
from litestar.openapi.spec import Components, SecurityScheme, Tag
from litestar.types import ASGIApp, Receive, Scope, Send
from prometheus_client.registry import Collector

from adapters.http.console.app import console_routers, template_config
from adapters.http.contexts import CONTEXTS_STATE_KEY, HttpContext
from adapters.http.deps import DEPENDENCIES
from adapters.http.edge import EdgeMiddleware
from adapters.http.identity.users import PUBLIC_ONBOARDING_PATHS
from adapters.http.limits import json_limits, limited_request_class
from adapters.http.metrics import (
    METRICS_REFRESH_STATE_KEY,
    METRICS_STATE_KEY,
    metrics,
    metrics_registry,
    refreshers,
)
from adapters.http.openapi_numbers import FigureSchemaPlugin, WireNumberSchemaPlugin
from adapters.http.problems import EXCEPTION_HANDLERS, problem_responses
from adapters.http.read_only import declare_viewer_refusal
from adapters.http.red import HttpRed
from adapters.http.routes import (
    account_admin,
    accounts,
    agents,
    drills,
    instruments,
    killswitch,
    margin,
    monitoring,
    risk,
    succession,
)
from adapters.http.routes.auth import AuthController
from adapters.http.routes.health import health, ready, status
from adapters.http.routes.orders import OrderController
from adapters.http.routes.ws import events_socket
from adapters.http.routing import AppRouter
from adapters.http.security import PUBLIC_PATHS, BearerAuthMiddleware
from adapters.http.services import HTTP_CONFIG_STATE_KEY, ApiServices, HttpConfig
from adapters.wire.numbers import TYPE_DECODERS

RESOURCES = (accounts, risk, margin, killswitch, agents, succession, monitoring)
Lifespan = Callable[[Litestar], AbstractAsyncContextManager[None]]
# What an app serves: the whole API, or only what the kill switch's own listener needs.
Surface = Literal["api", "kill-switch"]


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


def openapi_config(config: HttpConfig) -> OpenAPIConfig:
    """The OpenAPI document and its Swagger UI at /schema (only when docs are enabled)."""
    return OpenAPIConfig(
        title="Bulwark",
        version=config.version,
        description=(
            "Risk and safety control plane for AI-driven trading: every order passes the "
            "pre-trade gate; the kill switch stops everything. Errors are RFC 9457 "
            "problem+json documents with a stable `code`."
        ),
        path="/schema",
        render_plugins=[
            SwaggerRenderPlugin(path="/swagger"),
            JsonRenderPlugin(path="/openapi.json"),
        ],
        components=Components(
            security_schemes={
                "BearerToken": SecurityScheme(
                    type="http", scheme="bearer", bearer_format="JWT", description="Access token"
                ),
                "ApiKey": SecurityScheme(
                    type="apiKey",
                    name="X-API-Key",
                    security_scheme_in="header",
                    description="Agent API key (bwk_...)",
                ),
            }
        ),
        security=[{"BearerToken": []}, {"ApiKey": []}],
        tags=[
            Tag(name=n)
            for n in (
                "auth",
                "orders",
                "accounts",
                "risk",
                "kill-switch",
                "agents",
                "margin",
                "succession",
                "workspaces",
                "monitoring",
                "market-data",
                "signals",
                "users",
                "strategies",
                "backtests",
                "instruments",
                "keys",
                "drills",
                "notifications",
                "kyc",
                "health",
            )
        ],
    )


def create_app(
    services: ApiServices,
    config: HttpConfig | None = None,
    *,
    contexts: Sequence[HttpContext] = (),
    controllers: Sequence[type] = (),
    lifespan: Sequence[Lifespan] = (),
    collectors: Sequence[Collector] = (),
    debug: bool = False,
    surface: Surface = "api",
) -> Litestar:
    """The whole HTTP + WebSocket surface. `contexts` are the bounded contexts this instance
    serves (each mounts its own routes: one not given has none, so its paths answer 404);
    `controllers` adds resource controllers under /api/v1.

    `surface="kill-switch"` builds the kill switch's own listener: the same auth, limits,
    errors and headers, with only the kill-switch routes and the health checks.
    """
    config = config or HttpConfig()
    if surface == "kill-switch":
        handlers: list[Any] = [
            health,
            ready,
            AppRouter("/api/v1", route_handlers=[*killswitch.CONTROLLERS, *controllers]),
            *(router for context in contexts for router in context.routers(config)),
        ]
    else:
        handlers = [
            health,
            ready,
            status,
            metrics,
            events_socket,
            AppRouter(
                "/api/v1",
                route_handlers=[
                    AuthController,
                    OrderController,
                    *(c for module in RESOURCES for c in module.CONTROLLERS),
                    *drills.CONTROLLERS,  # /admin/drills/paper-faults (never in prod)
                    *account_admin.CONTROLLERS,
                    *instruments.CONTROLLERS,
                    *controllers,
                ],
            ),
            *(router for context in contexts for router in context.routers(config)),
            # The operator console (server-rendered pages, cookie session): adapters/http/console.
            *console_routers(),
        ]
    cors = CORSConfig(allow_origins=list(config.cors_origins)) if config.cors_origins else None
    docs = config.docs_enabled and surface == "api"
    openapi = openapi_config(config) if docs else None
    throttles = DefineMiddleware(ThrottleMiddleware, config=config)
    auth = DefineMiddleware(BearerAuthMiddleware, exclude=PUBLIC_PATHS)
    red = HttpRed()  # RED per route, recorded by the edge layer below
    app = Litestar(
        route_handlers=handlers,
        dependencies={**DEPENDENCIES, "http_config": Provide(lambda: config, sync_to_thread=False)},
        exception_handlers=EXCEPTION_HANDLERS,
        middleware=[throttles, auth],
        openapi_config=openapi,
        template_config=template_config(),
        cors_config=cors,
        request_max_body_size=config.max_body_bytes,
        request_class=limited_request_class(json_limits(config)),
        type_decoders=TYPE_DECODERS,
        plugins=[WireNumberSchemaPlugin(), FigureSchemaPlugin()],
        lifespan=list(lifespan),
        state=State(
            {
                "services": services,
                CONTEXTS_STATE_KEY: {context.name: context.services for context in contexts},
                HTTP_CONFIG_STATE_KEY: config,
                # Read at scrape time: a monitor set on the services later is still seen.
                METRICS_STATE_KEY: metrics_registry(
                    lambda: None if services.streams is None else services.streams.snapshot(),
                    [red, *collectors],
                ),
                METRICS_REFRESH_STATE_KEY: refreshers(collectors),
            }
        ),
        debug=debug,
        logging_config=None,  # bootstrap configures structlog (with redaction) once
    )
    declare_body_limit(app)
    declare_viewer_refusal(app)  # BearerAuthMiddleware refuses a viewer's changes
    # Litestar runs its middleware only for matched routes; wrapping the app's own handler
    # gives unknown paths (404) and wrong methods (405) the same headers, request id, API
    # limit and log line.
    app.asgi_handler = EdgeMiddleware(
        app.asgi_handler,
        clock=services.clock,
        limiter=services.rate_limiter,
        per_minute=config.api_rate_per_minute,
        hsts_seconds=config.hsts_seconds,
        cors=cors,
        red=red,
    )
    return app


def declare_body_limit(app: Litestar) -> None:
    """A handler that reads a body may answer 413 past `max_body_bytes`: the document says so."""
    for route in app.routes:
        for handler in getattr(route, "route_handlers", ()):
            if (
                isinstance(handler, HTTPRouteHandler)
                and "data" in handler.parsed_fn_signature.parameters
            ):
                handler.responses = {**problem_responses(413), **(handler.responses or {})}
