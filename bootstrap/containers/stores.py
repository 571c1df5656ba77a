"""One choice of adapter by store kind: the in-memory one, or the SQL one over the engine."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

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
