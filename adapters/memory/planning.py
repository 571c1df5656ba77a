"""In-process planning profiles (the embedded store's and the unit tests' store)."""

from __future__ import annotations

from adapters.memory.by_key import InMemoryByKey
from ports.portfolio.planning import PlanningProfile


class InMemoryPlanningProfileRepository(InMemoryByKey[PlanningProfile]):
    """A PlanningProfileRepository held in a dict by owner id (profiles are frozen)."""

    key = "owner_id"
