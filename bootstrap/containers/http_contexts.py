"""The API's contexts: each context's HTTP bundle (bootstrap/api/<context>.py) over the
application's contexts, and the list of contexts the API's listener serves
(adapters/http/contexts.py), in the registry's order (bootstrap/contexts.py)."""

from __future__ import annotations

import importlib
from typing import Any

from dependency_injector import containers, providers

from bootstrap.composition import having
from bootstrap.containers import http
from bootstrap.containers import http_contexts_parts as parts
from bootstrap.contexts import ALWAYS_SERVED, SERVABLE_CONTEXTS, WIRED_CONTEXTS


def served_contexts(chosen: tuple[str, ...], **contexts: providers.Provider[Any]) -> list[Any]:
    """The contexts this instance serves, in the given order: those BULWARK_SERVED_CONTEXTS
    names (all when it is empty; `health` and `core` always), built (None for one turned off).
    A context not chosen is never built."""
    wanted = [n for n in contexts if not chosen or n in chosen or n in ALWAYS_SERVED]
    built = (contexts[name]() for name in wanted)
    return [context for context in built if context is not None]


class HttpContextsContainer(containers.DeclarativeContainer):
    """One bundle per context the API serves, over the contexts' containers (each given
    under its own name: bootstrap/composition.py)."""

    core = providers.DependenciesContainer()
    events: providers.Dependency[Any] = providers.Dependency()  # the WebSocket hub
    idempotency: providers.Dependency[Any] = providers.Dependency()  # Idempotency-Key claims

    # What every request reads at the edge, and what /ready and /api/status read.
    edge = providers.Singleton(
        parts.edge_services,
        clock=core.clock, auth=core.auth, api_keys=core.api_keys,
        rate_limiter=core.api_rate_limiter,
    )  # fmt: skip
    probes = providers.Singleton(
        http.readiness_probes,
        providers.Callable(http.store_probe, core.store_kind, core.engine.provider),
        core.kafka_link,
        providers.Selector(core.shared_kind, local=providers.Object(None), redis=core.redis_client),
    )
    settings_summary = providers.Singleton(http.summary, core.settings)


def _assemble(wiring: Any) -> None:
    """Every other context as a dependency, each served context's bundle as
    `<context>_context`, and `served`: what the API's listener mounts, in the registry's order."""
    for name in WIRED_CONTEXTS:
        if name != "core":
            setattr(wiring, name, providers.DependenciesContainer())
    # Each context's own readiness probe (its `readiness`), listed by the context's name.
    wiring.probes.add_kwargs(**{n: getattr(wiring, n).readiness for n in having("readiness")})
    bundles: dict[str, providers.Provider[Any]] = {}
    for name in SERVABLE_CONTEXTS:
        bundle = importlib.import_module(f"bootstrap.api.{name}").bundle(wiring)
        setattr(wiring, f"{name}_context", bundle)
        bundles[name] = bundle.provider
    wiring.served = providers.Callable(
        served_contexts, wiring.core.settings.provided.core.served_contexts, **bundles
    )


_assemble(HttpContextsContainer)
# OAuth access tokens are checked at the edge, beside API keys and sessions (security.py).
HttpContextsContainer.edge.add_kwargs(oauth=HttpContextsContainer.oauth.service)  # type: ignore[attr-defined]
