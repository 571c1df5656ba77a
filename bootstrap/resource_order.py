"""Resources stopped in the order they depend on each other, across the contexts' containers.

A lifetime that must stop before another is given that one's resource as an argument (the
order audit and the notifications' dispatch are given `core.database`, so the pool closes
after they have chained and told what they still hold). `shutdown_resources()` of
dependency-injector orders resources by the providers each names directly; a context's
container reaches core's resources through its `DependenciesContainer`, a proxy the real
resource overrides, so that check saw no dependency at all and stopped every resource at
once: the pool could close while a stop still wrote, which then opened a connection of a
fresh pool that nothing closed.

Here a resource depends on every resource its arguments reach, through any chain of other
providers (proxies, singletons, factories), but not through another resource: that one's
own dependencies are its own. Resources are stopped in waves: each wave is every running
resource that no running resource depends on, stopped at once; the next starts when it
has finished. A cycle (two resources reaching each other) cannot be ordered: what is left
then stops at once, as before.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterable, Mapping
from typing import Any, cast

import structlog
from dependency_injector import providers

_log = structlog.get_logger("bulwark.shutdown")


def resource_dependencies(
    resources: Iterable[providers.Provider[Any]],
) -> dict[providers.Provider[Any], set[providers.Provider[Any]]]:
    """For each resource, the other resources its arguments reach (see the module)."""

    def reached(start: providers.Provider[Any]) -> set[providers.Provider[Any]]:
        found: set[providers.Provider[Any]] = set()
        seen: set[int] = set()
        stack = list(start.related)
        while stack:
            provider = stack.pop()
            if id(provider) in seen:
                continue
            seen.add(id(provider))
            if isinstance(provider, providers.BaseResource):
                found.add(provider)  # its own dependencies are its own
                continue
            stack.extend(provider.related)
        return found

    return {resource: reached(resource) - {resource} for resource in resources}


def stop_waves(
    dependencies: Mapping[providers.Provider[Any], set[providers.Provider[Any]]],
) -> list[list[providers.Provider[Any]]]:
    """The resources in stopping order: each wave after every resource that depends on it."""
    left = list(dependencies)
    waves: list[list[providers.Provider[Any]]] = []
    while left:
        needed = set().union(*(dependencies[r] for r in left))
        wave = [r for r in left if r not in needed]
        if not wave:  # a cycle: no order exists, the rest stop together
            _log.warning("shutdown_order_cycle", resources=len(left))
            wave = list(left)
        waves.append(wave)
        left = [r for r in left if r not in wave]
    return waves


async def shutdown_in_order(container: Any) -> None:
    """Stop `container`'s running resources, each after every resource that depends on it."""
    running = [r for r in container.traverse(types=[providers.BaseResource]) if r.initialized]
    for wave in stop_waves(resource_dependencies(running)):
        resources = [cast("providers.BaseResource[Any]", resource) for resource in wave]
        stopping = [resource.shutdown() for resource in resources if resource.initialized]
        await asyncio.gather(*(each for each in stopping if inspect.isawaitable(each)))
