"""Wiring the illiquid assets store: on the SQL tables with a database, else memory."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.memory.illiquid import InMemoryIlliquidAssetStore
from adapters.postgres.illiquid import SqlIlliquidAssetStore
from ports.illiquid import IlliquidAssetStore


def illiquid_store(store_kind: str, engine: Callable[[], AsyncEngine]) -> IlliquidAssetStore:
    """The same choice as the portfolio ledger's store (bootstrap/portfolios.py)."""
    if store_kind == "sql":
        return SqlIlliquidAssetStore(engine())
    return InMemoryIlliquidAssetStore()
