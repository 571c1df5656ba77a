"""Wiring the planning use cases: the profile store beside the other stores."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.memory.planning import InMemoryPlanningProfileRepository
from adapters.postgres.planning import SqlPlanningProfileRepository
from ports.portfolio.planning import PlanningProfileRepository


def profile_repository(
    store_kind: str, engine: Callable[[], AsyncEngine]
) -> PlanningProfileRepository:
    """On the SQL table with a database; in memory for the embedded store."""
    if store_kind == "sql":
        return SqlPlanningProfileRepository(engine())
    return InMemoryPlanningProfileRepository()
