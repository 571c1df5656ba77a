"""One choice of adapter by store kind: the in-memory one, or the SQL one over the engine;
and the provider of a context's store, made that way over the core it is given."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from dependency_injector import providers

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

Store = TypeVar("Store")


def store_for(
    kind: str,
    engine: Callable[[], AsyncEngine],
    memory: Callable[[], Store],
    sql: Callable[[AsyncEngine], Store],
) -> Store:
    """`sql` built over the engine when the store is SQL, else `memory` built with nothing.

    Each is a factory that imports its adapter when called, so a process on the memory
    store never loads the SQL adapters (nor SQLAlchemy) and a command loads only its own."""
    if kind == "sql":
        return sql(engine())
    return memory()


def store_provider(
    core: providers.DependenciesContainer,
    memory: Callable[[], Store],
    sql: Callable[[AsyncEngine], Store],
) -> providers.Singleton[Store]:
    """A context's store, built once when first asked for: `store_for` the core's store kind
    and engine (the engine itself is built only for the SQL store)."""
    return providers.Singleton(
        store_for, core.store_kind, core.engine.provider, memory=memory, sql=sql
    )
