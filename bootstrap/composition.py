"""The contexts' containers composed from the registry (bootstrap/contexts.py).

Each context's container declares the contexts it needs as `DependenciesContainer`s named
after them; composing is giving each container those contexts, in an order where every
context comes after the ones it needs. The served app's container, the CLI's containers built
on first use and the kill-switch lane compose them the same way, so a new context is wired
by its container module and its line in the registry.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from functools import cache
from graphlib import CycleError, TopologicalSorter
from types import ModuleType
from typing import Any

from dependency_injector import containers, providers

from bootstrap.contexts import WIRED_CONTEXTS

ROOT = "settings"  # what the core container is given; every other context needs the core


def container_module(name: str) -> ModuleType:
    """bootstrap/containers/<name>.py."""
    return importlib.import_module(f"bootstrap.containers.{name}")


def container_class(name: str) -> type[containers.DeclarativeContainer]:
    """The container of context `name`: `<Name>Container` in its module."""
    attribute = "".join(part.capitalize() for part in name.split("_")) + "Container"
    kind = getattr(container_module(name), attribute, None)
    if not (isinstance(kind, type) and issubclass(kind, containers.DeclarativeContainer)):
        raise LookupError(f"bootstrap/containers/{name}.py defines no {attribute}")
    return kind


def needs(name: str) -> tuple[str, ...]:
    """The contexts (and the settings, for the core) context `name`'s container declares."""
    declared = container_class(name).dependencies
    return tuple(dependency for dependency in declared if dependency in _known())


@cache
def _known() -> frozenset[str]:
    return frozenset((ROOT, *WIRED_CONTEXTS))


@cache
def composition_order() -> tuple[str, ...]:
    """Every wired context after those it needs (the registry's order among equals)."""
    graph = TopologicalSorter({name: needs(name) for name in WIRED_CONTEXTS})
    try:
        graph.prepare()
    except CycleError as exc:
        raise LookupError(f"the contexts' containers need each other: {exc.args[1]}") from None
    order: list[str] = []
    while graph.is_active():
        ready = set(graph.get_ready())
        order += [name for name in (ROOT, *WIRED_CONTEXTS) if name in ready]
        graph.done(*ready)
    return tuple(name for name in order if name != ROOT)


def compose(
    on: Callable[[str, providers.Provider[Any]], object], settings: providers.Provider[Any]
) -> dict[str, providers.Provider[Any]]:
    """Each wired context as a `providers.Container` given the contexts it needs, handed to
    `on(name, provider)` in composition order (a declarative class's setattr, say)."""
    built: dict[str, providers.Provider[Any]] = {ROOT: settings}
    for name in composition_order():
        given = {dependency: built[dependency] for dependency in needs(name)}
        built[name] = providers.Container(container_class(name), **given)
        on(name, built[name])
    del built[ROOT]
    return built


def prepare_built(contexts: Iterable[tuple[str, Any]], settings: Any) -> None:
    """Calls each built context's module `prepare(container, settings)`, where it has one."""
    for name, built in contexts:
        prepare = getattr(container_module(name), "prepare", None)
        if prepare is not None:
            prepare(built, settings)


def having(attribute: str) -> list[str]:
    """The wired contexts whose container defines `attribute` (in composition order)."""
    return [n for n in composition_order() if attribute in container_class(n).providers]
