"""In-process investor profiles (the embedded store's and the unit tests' store)."""

from __future__ import annotations

from domain.wealth.profile import InvestorProfile


class InMemoryInvestorProfileRepository:
    """An InvestorProfileRepository held in a dict by owner id (profiles are frozen)."""

    def __init__(self) -> None:
        self._by_owner: dict[str, InvestorProfile] = {}

    async def get(self, owner_id: str) -> InvestorProfile | None:
        return self._by_owner.get(owner_id)

    async def put(self, profile: InvestorProfile) -> None:
        self._by_owner[profile.owner_id] = profile
