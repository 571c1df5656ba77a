"""Assembles the Litestar application from the use cases handed in by the composition root."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any, Literal

from litestar import Litestar, Request, Router
from litestar.config.cors import CORSConfig
from litestar.datastructures import State
from litestar.di import Provide
from litestar.handlers import HTTPRouteHandler
from litestar.middleware import DefineMiddleware
from litestar.middleware.rate_limit import RateLimitConfig, get_remote_address
from litestar.openapi.config import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin, SwaggerRenderPlugin
from litestar.openapi.spec import Components, SecurityScheme, Tag
from prometheus_client.registry import Collector

from adapters.http.deps import DEPENDENCIES
from adapters.http.limits import UrlGuardMiddleware, json_limits, limited_request_class
from adapters.http.metrics import METRICS_STATE_KEY, metrics, metrics_registry
from adapters.http.observability import ArrivalMiddleware, RequestIdMiddleware
from adapters.http.openapi_numbers import WireNumberSchemaPlugin
from adapters.http.problems import EXCEPTION_HANDLERS, problem_responses
from adapters.http.ratelimit import ApiRateLimitMiddleware
from adapters.http.routes import (
    accounts,
    agents,
    broker_credentials,
    killswitch,
    margin,
    market,
    monitoring,
    providers,
    risk,
    signals,
    succession,
    workspaces,
)
from adapters.http.routes.auth import AuthController
from adapters.http.routes.health import health, ready, status
from adapters.http.routes.orders import OrderController
from adapters.http.routes.ws import events_socket
from adapters.http.security import PUBLIC_PATHS, BearerAuthMiddleware, SecurityHeadersMiddleware
from adapters.http.services import ApiServices, HttpConfig
from adapters.wire.numbers import TYPE_DECODERS
from ports.ratelimit import RateLimiter

RESOURCES = (accounts, risk, margin, killswitch, agents, succession, workspaces, monitoring)
Lifespan = Callable[[Litestar], AbstractAsyncContextManager[None]]
# What an app serves: the whole API, or only what the kill switch's own listener needs.
Surface = Literal["api", "kill-switch"]


def rate_limit(name: str, per_minute: int, applies: Callable[[str, str], bool]) -> RateLimitConfig:
    """Litestar's limiter for the requests `applies(method, path)` selects, keyed apart."""

    def identify(request: Request[Any, Any, Any]) -> str:
        return f"{name}:{get_remote_address(request)}"

    # async on purpose: Litestar runs a sync check in a worker thread, four times per request.
    async def check(request: Request[Any, Any, Any]) -> bool:
        return applies(request.scope["method"], request.scope["path"])

    return RateLimitConfig(
        rate_limit=("minute", per_minute),
        identifier_for_request=identify,
        check_throttle_handler=check,
    )


def rate_limits(config: HttpConfig, limiter: RateLimiter) -> list[Any]:
    """Tight limits on login, refresh and the kill switch; a broad one on the rest of the API."""
    return [
        DefineMiddleware(
            ApiRateLimitMiddleware, limiter=limiter, per_minute=config.api_rate_per_minute
        ),
        rate_limit(
            "login", config.login_rate_per_minute, lambda m, p: p == "/api/v1/auth/login"
        ).middleware,
        rate_limit(
            "refresh", config.refresh_rate_per_minute, lambda m, p: p == "/api/v1/auth/refresh"
        ).middleware,
        rate_limit(
            "kill-switch",
            config.kill_switch_rate_per_minute,
            lambda m, p: m == "POST" and p.startswith("/api/v1/kill-switch/"),
        ).middleware,
    ]


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
                "health",
            )
        ],
    )


def create_app(
    services: ApiServices,
    config: HttpConfig | None = None,
    *,
    controllers: Sequence[type] = (),
    lifespan: Sequence[Lifespan] = (),
    collectors: Sequence[Collector] = (),
    debug: bool = False,
    surface: Surface = "api",
) -> Litestar:
    """The whole HTTP + WebSocket surface. `controllers` adds resource controllers under /api/v1.

    `surface="kill-switch"` builds the kill switch's own listener: the same auth, limits,
    errors and headers, with only the kill-switch routes and the health checks.
    """
    config = config or HttpConfig()
    if surface == "kill-switch":
        handlers: list[Any] = [
            health,
            ready,
            Router("/api/v1", route_handlers=[*killswitch.CONTROLLERS, *controllers]),
        ]
    else:
        handlers = [
            health,
            ready,
            status,
            metrics,
            events_socket,
            Router(
                "/api/v1",
                route_handlers=[
                    AuthController,
                    OrderController,
                    *(c for module in RESOURCES for c in module.CONTROLLERS),
                    *signals.CONTROLLERS,
                    *providers.CONTROLLERS,
                    *market.CONTROLLERS,
                    *broker_credentials.CONTROLLERS,
                    *controllers,
                ],
            ),
            # Outside /api/v1 as well: the platform's screens read signals at /api/signals.
            Router("/api", route_handlers=signals.CONTROLLERS),
        ]
    docs = config.docs_enabled and surface == "api"
    openapi = openapi_config(config) if docs else None
    auth = DefineMiddleware(BearerAuthMiddleware, exclude=PUBLIC_PATHS)
    app = Litestar(
        route_handlers=handlers,
        dependencies={**DEPENDENCIES, "http_config": Provide(lambda: config, sync_to_thread=False)},
        exception_handlers=EXCEPTION_HANDLERS,
        middleware=[*rate_limits(config, services.rate_limiter), auth],
        openapi_config=openapi,
        cors_config=CORSConfig(allow_origins=list(config.cors_origins))
        if config.cors_origins
        else None,
        request_max_body_size=config.max_body_bytes,
        request_class=limited_request_class(json_limits(config)),
        type_decoders=TYPE_DECODERS,
        plugins=[WireNumberSchemaPlugin()],
        lifespan=list(lifespan),
        state=State(
            {
                "services": services,
                # Read at scrape time: a monitor set on the services later is still seen.
                METRICS_STATE_KEY: metrics_registry(
                    lambda: None if services.streams is None else services.streams.snapshot(),
                    collectors,
                ),
            }
        ),
        debug=debug,
        logging_config=None,  # bootstrap configures structlog (with redaction) once
    )
    declare_body_limit(app)
    # Litestar runs its middleware only for matched routes; wrapping the app's own handler
    # gives unknown paths (404) and wrong methods (405) the same headers, request id and log.
    app.asgi_handler = ArrivalMiddleware(
        RequestIdMiddleware(
            SecurityHeadersMiddleware(
                UrlGuardMiddleware(app.asgi_handler), hsts_seconds=config.hsts_seconds
            )
        ),
        services.clock,
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
