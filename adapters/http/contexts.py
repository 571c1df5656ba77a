"""One bounded context's slice of the HTTP surface: its controllers and the use cases they call.

An app mounts the contexts it is given (`create_app(contexts=...)`). A context this instance
is not configured for is still mounted, with no bundle and `missing` set: every one of its
routes answers 409 CAPABILITY_NOT_CONFIGURED naming the settings that would turn it on, and
its paths stay in the OpenAPI document (a client learns what to ask the operator for, never a
404 that reads like a wrong URL). Each context's
controllers ask for its own small bundle of use cases by the context's name (`identity`,
`notifications`, ...), provided by the context's router, never for the whole app's services.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from typing import Any, TypeAlias, TypeVar

from litestar import Request, Router
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency, Provide
from litestar.types import ASGIApp, ControllerRouterHandler

from adapters.http.routing import AppRouter
from adapters.http.security import Caller, caller_of
from domain.errors import CapabilityNotConfigured, NotFound

API_PREFIX = "/api/v1"
# The annotation the `caller` dependency gives its bundle parameter (any context's bundle).
BundleDep: TypeAlias = NamedDependency[Any]
# Where the app keeps the bundles of the contexts it serves in `app.state`, by name.
CONTEXTS_STATE_KEY = "contexts"
# What a context hands its controllers: the bundle of use cases its routes call.
S = TypeVar("S")


@dataclass(frozen=True)
class HttpContext:
    """A context's controllers under one prefix and the bundle handed to them by `name`.

    `controllers` takes the app's HttpConfig (for the few routes with their own body limit)
    and returns the route handlers to mount. `missing` set (and `services` None): the context
    is not configured here, and every route answers that error (`unconfigured_context`).
    """

    name: str
    services: object
    controllers: Callable[[Any], Sequence[ControllerRouterHandler]]
    path: str = API_PREFIX
    # Some of its controllers mounted under another prefix as well: (prefix, controllers).
    elsewhere: tuple[tuple[str, Sequence[ControllerRouterHandler]], ...] = field(default=())
    missing: CapabilityNotConfigured | None = None
    # What must run while the app serves the context (the MCP sessions' task group), entered
    # by the app's lifespan after the app's own.
    lifespan: Callable[[Any], AbstractAsyncContextManager[None]] | None = None
    # Whether its routes are operations of the OpenAPI document (and its name a tag there):
    # not for a mount speaking another protocol (MCP's JSON-RPC at /mcp), nor the console's pages.
    documented: bool = True
    # Routers of its own, mounted as they are (the console: its session middleware, HTML
    # errors and static files), instead of its controllers under `path` with a bundle.
    own_routers: Callable[[Any], Sequence[Router]] | None = None
    # An ASGI layer it puts around the whole app, outside Litestar's middleware and CORS (the
    # OAuth endpoints' CORS, by path: adapters/http/oauth/cors.py).
    around_app: Callable[[ASGIApp], ASGIApp] | None = None

    def routers(self, config: Any) -> list[Router]:
        """The context's routers: its bundle, and the caller resolved after it (or, for a
        context not configured here, the guard that answers so before anything is read).

        Every operation of the context is tagged with its name, its one tag in the OpenAPI
        document. A controller mounted under a second prefix as well has the prefix after
        its operation ids there (`listSignalsAtApi`), so each id stays unique."""
        if self.own_routers is not None:
            return list(self.own_routers(config))
        mounts = [(self.path, self.controllers(config)), *self.elsewhere]
        guards = [] if self.missing is None else [refuse_with(self.missing)]
        seen: set[int] = set()
        routers: list[Router] = []
        for path, handlers in mounts:
            again = any(id(handler) in seen for handler in handlers)
            seen.update(id(handler) for handler in handlers)
            routers.append(
                AppRouter(
                    path,
                    route_handlers=list(handlers),
                    dependencies=self.dependencies(),
                    guards=guards,
                    tags=[self.name],
                    operation_suffix=f"at {path}" if again else "",
                )
            )
        return routers

    def dependencies(self) -> dict[str, Provide]:
        bundle = self.services

        def provide_bundle() -> Any:
            return bundle

        return {
            self.name: Provide(provide_bundle, sync_to_thread=False),
            "caller": Provide(caller_after(self.name)),
        }


def context_over(
    name: str,
    services_type: type[S],
    controllers: Callable[[Any], Sequence[ControllerRouterHandler]],
) -> Callable[[S], HttpContext]:
    """A context's `context(services)`: its controllers under the API prefix over the bundle
    of `services_type` it is given, by `name`."""

    def context(services: S) -> HttpContext:
        return HttpContext(name, services, controllers)

    return context


def unconfigured_context(
    name: str,
    controllers: Callable[[Any], Sequence[ControllerRouterHandler]],
    missing: CapabilityNotConfigured,
) -> HttpContext:
    """A context this instance is not configured for: its routes mounted, each answering
    `missing` (409 CAPABILITY_NOT_CONFIGURED); no bundle, so `bundle_of` reads None."""
    return HttpContext(name, None, controllers, missing=missing)


def refuse_with(missing: CapabilityNotConfigured) -> Callable[..., None]:
    """A guard that answers `missing` for every route it guards."""

    def refuse(connection: ASGIConnection[Any, Any, Any, Any], _: Any) -> None:
        raise missing.again()

    return refuse


def caller_after(name: str) -> Callable[..., Any]:
    """The `caller` dependency, made to name the context's bundle: the two then resolve one
    after the other (two dependencies at one level cost Litestar a task group per request)."""

    async def provide_caller(request: Request[Any, Any, Any], **_bundle: Any) -> Caller:
        return caller_of(request)

    request_param = inspect.Parameter(
        "request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request[Any, Any, Any]
    )
    bundle_param = inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=BundleDep)
    provide_caller.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [request_param, bundle_param], return_annotation=Caller
    )
    provide_caller.__annotations__ = {
        "request": Request[Any, Any, Any],
        name: BundleDep,
        "return": Caller,
    }
    return provide_caller


def bundle_of(connection: ASGIConnection[Any, Any, Any, Any], name: str) -> Any | None:
    """The bundle of the context called `name` (for the console and the health routes, which
    sit outside the contexts' routers), None when this app does not serve it."""
    bundles: dict[str, Any] = connection.app.state[CONTEXTS_STATE_KEY]
    return bundles.get(name)


def bundle_or_not_found(
    connection: ASGIConnection[Any, Any, Any, Any], name: str, unserved: str
) -> Any:
    """The bundle of the context called `name`, for a console page over a context this app
    may leave out; NotFound (404) saying `unserved` where it does."""
    bundle = bundle_of(connection, name)
    if bundle is None:
        raise NotFound(unserved)
    return bundle


def served_bundle(connection: ASGIConnection[Any, Any, Any, Any], name: str) -> Any:
    """The bundle of the context called `name`, for a route or page of an app that serves it
    (the console and the routes that read their bundle from the request); LookupError else."""
    bundles: dict[str, Any] = connection.app.state[CONTEXTS_STATE_KEY]
    try:
        return bundles[name]
    except KeyError:
        raise LookupError(f"the {name} context is not served by this app") from None
