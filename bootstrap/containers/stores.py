"""One choice of adapter by store kind: the in-memory class, or the SQL class over the engine."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine


def store_for(kind: str, engine: Callable[[], AsyncEngine], memory: str, sql: str) -> Any:
    """`sql` built over the engine when the store is SQL, else `memory` built with nothing.

    Both are named "module:Class" and imported only when chosen, so a process on the memory
    store never loads the SQL adapters (nor SQLAlchemy) and a command loads only its own."""
    if kind == "sql":
        return _class(sql)(engine())
    return _class(memory)()


def _class(path: str) -> Callable[..., Any]:
    module, _, name = path.partition(":")
    found: Callable[..., Any] = getattr(import_module(module), name)
    return found


def later(path: str) -> Callable[..., Any]:
    """A factory for "module:name" that imports it when first called: a command that never
    builds the adapter never pays for loading it (nor its libraries)."""

    def build(*args: Any, **kwargs: Any) -> Any:
        return _class(path)(*args, **kwargs)

    build.__qualname__ = build.__name__ = path.rpartition(":")[2]
    return build


def later_lifetime(path: str) -> Callable[..., AsyncIterator[Any]]:
    """`later` for an async generator that a Resource runs for the app's lifetime.

    A Resource tells an async lifetime from a plain factory by the function it is given, so
    `later`'s plain wrapper would make it hand the generator object out unstarted (nothing
    runs, nothing is closed); this wrapper is itself an async generator and runs `path`'s.
    """

    async def run(*args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        lifetime = contextlib.asynccontextmanager(_class(path))
        async with lifetime(*args, **kwargs) as value:
            yield value

    run.__qualname__ = run.__name__ = path.rpartition(":")[2]
    return run
