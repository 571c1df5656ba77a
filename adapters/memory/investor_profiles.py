"""In-process investor profiles (the embedded store's and the unit tests' store)."""

from __future__ import annotations

from adapters.memory.by_key import InMemoryByKey
from domain.wealth.profile import InvestorProfile


class InMemoryInvestorProfileRepository(InMemoryByKey[InvestorProfile]):
    """An InvestorProfileRepository held in a dict by owner id (profiles are frozen)."""

    key = "owner_id"
