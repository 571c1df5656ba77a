"""In-process planning profiles (the embedded store's and the unit tests' store)."""

from __future__ import annotations

from ports.planning import PlanningProfile


class InMemoryPlanningProfileRepository:
    """A PlanningProfileRepository held in a dict by owner id (profiles are frozen)."""

    def __init__(self) -> None:
        self._by_owner: dict[str, PlanningProfile] = {}

    async def get(self, owner_id: str) -> PlanningProfile | None:
        return self._by_owner.get(owner_id)

    async def put(self, profile: PlanningProfile) -> None:
        self._by_owner[profile.owner_id] = profile
