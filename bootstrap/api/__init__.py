"""Each context's HTTP API, one module per context (`bootstrap/api/<context>.py`).

A module defines `bundle(wiring)`: the provider of the context's `HttpContext` (its routes
and the services they call), built from the contexts of the application container. The API
container (bootstrap/containers/http_contexts.py) gives `wiring` every context under its own
name (`wiring.trading.orders`), the core, the WebSocket hub (`events`) and the
Idempotency-Key claims (`idempotency`); the package `adapters.http.<context>` is imported
only when the listener builds that context.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, TypeAlias

from dependency_injector import providers

if TYPE_CHECKING:
    from adapters.http.contexts import HttpContext

# The API container's class: the contexts by name, `core`, `events` and `idempotency`, read
# as providers (dependency-injector's declarations are not typed per attribute).
Wiring: TypeAlias = Any
# What `bundle` returns: the provider of the context's HttpContext.
Bundle: TypeAlias = "providers.Provider[HttpContext]"


def bundle_of(context: str, **services: Any) -> Bundle:
    """The context's bundle over `services`: `adapters.http.<context>`'s `context(...)` given
    its `<Context>Services(**services)`, built once, when the listener first asks for it."""
    return providers.Singleton(http_context, context, **services)


def http_context(context: str, **services: Any) -> HttpContext:
    package = importlib.import_module(f"adapters.http.{context}")
    services_type = getattr(package, _camel(context) + "Services")
    built: HttpContext = package.context(services_type(**services))
    return built


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))
