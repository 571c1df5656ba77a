"""Wiring giving (docs/giving.md): the donations store beside the other stores."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.memory.giving import InMemoryGivingStore
from adapters.postgres.giving import SqlGivingStore
from ports.giving import GivingStore


def giving_store(store_kind: str, engine: Callable[[], AsyncEngine]) -> GivingStore:
    """On the SQL tables (migration 0023) with a database; in memory for the embedded store."""
    if store_kind == "sql":
        return SqlGivingStore(engine())
    return InMemoryGivingStore()
