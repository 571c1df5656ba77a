"""The linked (Plaid) items' store, memory or SQL: one store shared by the aggregation
context and the portfolio context's household holdings (bootstrap/containers/portfolio.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.aggregation import InMemoryAggregationStore
    from adapters.postgres.aggregation import SqlAggregationStore


def memory_store() -> InMemoryAggregationStore:
    from adapters.memory.aggregation import InMemoryAggregationStore

    return InMemoryAggregationStore()


def sql_store(engine: AsyncEngine) -> SqlAggregationStore:
    from adapters.postgres.aggregation import SqlAggregationStore

    return SqlAggregationStore(engine)
