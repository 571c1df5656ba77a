"""The in-memory repositories' base: the unit of work's store, and staging writes into it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from adapters.memory.store import InMemoryUnitOfWork


class MemoryRepo:
    """A repository of one in-memory unit of work: it reads the shared store at once and
    stages its writes until commit (store.py's semantics)."""

    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow
        self._store = uow.store

    def _stage(self, apply: Callable[[], None], aggregate: Any = None) -> None:
        self._uow.stage(apply, aggregate)

    def _seen(self, aggregate: Any) -> Any:
        if aggregate is not None:
            self._uow.seen.append(aggregate)
        return aggregate
