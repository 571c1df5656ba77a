"""Assembles the Litestar application from the use cases handed in by the composition root."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any, Literal

from litestar import Litestar, Router
from litestar.config.cors import CORSConfig
from litestar.datastructures import State
from litestar.di import Provide
from litestar.enums import RequestEncodingType
from litestar.handlers import HTTPRouteHandler
from litestar.middleware import DefineMiddleware
from litestar.openapi.config import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin, SwaggerRenderPlugin
from litestar.openapi.spec import Components, SecurityScheme, Tag
from litestar.static_files import create_static_files_router
from prometheus_client.registry import Collector

from adapters.http.console.templating import template_config
from adapters.http.contexts import CONTEXTS_STATE_KEY, HttpContext
from adapters.http.core import NAME as CORE
from adapters.http.core import EdgeServices
from adapters.http.deps import DEPENDENCIES
from adapters.http.edge import EdgeMiddleware
from adapters.http.limits import json_limits, limited_request_class
from adapters.http.metrics import (
    METRICS_REFRESH_STATE_KEY,
    METRICS_STATE_KEY,
    metrics,
    metrics_registry,
    refreshers,
)
from adapters.http.openapi_numbers import FigureSchemaPlugin, WireNumberSchemaPlugin
from adapters.http.operation_ids import operation_id
from adapters.http.problems import EXCEPTION_HANDLERS, problem_responses
from adapters.http.read_only import declare_viewer_refusal
from adapters.http.red import HttpRed
from adapters.http.routing import AppRouter
from adapters.http.security import EDGE_STATE_KEY, PUBLIC_PATHS, BearerAuthMiddleware
from adapters.http.services import HTTP_CONFIG_STATE_KEY, HttpConfig
from adapters.http.throttles import ThrottleMiddleware
from adapters.wire.numbers import TYPE_DECODERS
from application.market_data.stream_monitor import KafkaReport

Lifespan = Callable[[Litestar], AbstractAsyncContextManager[None]]
# What an app serves: the whole API, or only what the kill switch's own listener needs.
Surface = Literal["api", "kill-switch"]


# Swagger UI's own files, served from the installed swagger-ui-bundle package (no CDN).
SWAGGER_ASSETS = "/schema/assets"


def swagger_assets_router() -> Router:
    """/schema/assets: Swagger UI's scripts and styles from the swagger-ui-bundle package."""
    from swagger_ui_bundle import swagger_ui_path

    return create_static_files_router(
        path=SWAGGER_ASSETS,
        directories=[Path(str(swagger_ui_path))],
        include_in_schema=False,
        name="swagger_assets",
    )


def build_document_off_the_loop(app: Litestar) -> asyncio.Future[Any]:
    """Build the OpenAPI document on a worker thread (~1.4 s of CPU for ~600 routes), so the
    first GET /schema/... serves it instead of building it on the event loop, where it held
    every other request. A request that comes before it is done builds it itself, as before."""
    from litestar._openapi.plugin import OpenAPIPlugin

    plugin = app.plugins.get(OpenAPIPlugin)
    return asyncio.get_running_loop().run_in_executor(None, plugin.provide_openapi_schema)


def openapi_config(config: HttpConfig, contexts: Sequence[str]) -> OpenAPIConfig:
    """The OpenAPI document and its Swagger UI at /schema (only when docs are enabled): each
    operation named after its handler (operation_ids.py), tagged with its context's name."""
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
            SwaggerRenderPlugin(
                path="/swagger",
                js_url=f"{SWAGGER_ASSETS}/swagger-ui-bundle.js",
                css_url=f"{SWAGGER_ASSETS}/swagger-ui.css",
                standalone_preset_js_url=f"{SWAGGER_ASSETS}/swagger-ui-standalone-preset.js",
                favicon=f"<link rel='icon' href='{SWAGGER_ASSETS}/favicon-32x32.png'>",
            ),
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
        # One tag per context, its name: every operation has its context's (contexts.py).
        tags=[Tag(name=name) for name in sorted(set(contexts))],
        operation_id_creator=operation_id,
    )


def create_app(
    edge: EdgeServices,
    config: HttpConfig | None = None,
    *,
    contexts: Sequence[HttpContext] = (),
    controllers: Sequence[type] = (),
    lifespan: Sequence[Lifespan] = (),
    collectors: Sequence[Collector] = (),
    debug: bool = False,
    surface: Surface = "api",
) -> Litestar:
    """The whole HTTP + WebSocket surface. `edge` is what every request reads before its route
    (credentials, clock, the API's limit); `contexts` are the bounded contexts this instance
    serves (each mounts its own routes: one not given has none, so its paths answer 404);
    `controllers` adds controllers under /api/v1.

    `surface="kill-switch"` builds the kill switch's own listener: the same auth, limits,
    errors and headers, with only the routes of the contexts it is given (the kill switch's
    and the health checks).
    """
    config = config or HttpConfig()
    mounted = [router for context in contexts for router in context.routers(config)]
    if surface == "kill-switch":
        handlers: list[Any] = [*mounted, AppRouter("/api/v1", route_handlers=[*controllers])]
    else:
        handlers = [
            metrics,
            AppRouter(
                "/api/v1",
                route_handlers=[
                    *controllers,
                ],
            ),
            # The contexts' routes; the operator console (server-rendered pages, cookie
            # session) among them when served: adapters/http/console.
            *mounted,
        ]
    bundles = {context.name: context.services for context in contexts}

    def streams() -> KafkaReport | None:
        """Kafka's figures (when configured and served), read at scrape time."""
        monitor = getattr(bundles.get(CORE), "streams", None)
        return None if monitor is None else monitor.snapshot()

    cors = CORSConfig(allow_origins=list(config.cors_origins)) if config.cors_origins else None
    docs = config.docs_enabled and surface == "api"
    documented = [c.name for c in contexts if c.documented]
    openapi = openapi_config(config, documented) if docs else None
    if docs:
        handlers.append(swagger_assets_router())
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
        lifespan=[*lifespan, *(c.lifespan for c in contexts if c.lifespan is not None)],
        state=State(
            {
                EDGE_STATE_KEY: edge,
                CONTEXTS_STATE_KEY: bundles,
                HTTP_CONFIG_STATE_KEY: config,
                METRICS_STATE_KEY: metrics_registry(streams, [red, *collectors]),
                METRICS_REFRESH_STATE_KEY: refreshers(collectors),
            }
        ),
        debug=debug,
        logging_config=None,  # bootstrap configures structlog (with redaction) once
    )
    declare_body_limit(app)
    declare_viewer_refusal(app)  # BearerAuthMiddleware refuses a viewer's changes
    declare_written_examples_only(app)
    # Litestar runs its middleware only for matched routes; wrapping the app's own handler
    # gives unknown paths (404) and wrong methods (405) the same headers, request id, API
    # limit and log line.
    # Inside it, the contexts' own layers, outside Litestar's CORS (OAuth's CORS, by path).
    handler = app.asgi_handler
    for context in contexts:
        if context.around_app is not None:
            handler = context.around_app(handler)
    app.asgi_handler = EdgeMiddleware(
        handler,
        clock=edge.clock,
        limiter=edge.rate_limiter,
        per_minute=config.api_rate_per_minute,
        hsts_seconds=config.hsts_seconds,
        cors=cors,
        red=red,
    )
    return app


def declare_body_limit(app: Litestar) -> None:
    """A handler that reads a body may answer 413 past `max_body_bytes`, and one that reads
    JSON 415 for a form-encoded body: the document says so."""
    for route in app.routes:
        for handler in getattr(route, "route_handlers", ()):
            if not isinstance(handler, HTTPRouteHandler):
                continue
            data = handler.parsed_fn_signature.parameters.get("data")
            if data is None:
                continue
            media = getattr(data.kwarg_definition, "media_type", RequestEncodingType.JSON)
            form = media in (RequestEncodingType.URL_ENCODED, RequestEncodingType.MULTI_PART)
            statuses = (413,) if form else (413, 415)
            handler.responses = {**problem_responses(*statuses), **(handler.responses or {})}


def declare_written_examples_only(app: Litestar) -> None:
    """A response's examples are the ones written beside it, never made up: Litestar fills
    a response without examples with polyfactory's (random text, a time relative to now, a
    sequence shared by every app of the process), and the document would then differ from
    one build to the next (the checked-in clients/openapi.json must be reproducible)."""
    for route in app.routes:
        for handler in getattr(route, "route_handlers", ()):
            if isinstance(handler, HTTPRouteHandler) and handler.responses:
                handler.responses = {
                    status: dataclasses.replace(spec, generate_examples=False)
                    if spec.generate_examples
                    else spec
                    for status, spec in handler.responses.items()
                }
