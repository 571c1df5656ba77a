"""Investor profiles: one per user (docs/wealth.md)."""

from __future__ import annotations

from typing import Protocol

from domain.wealth.profile import InvestorProfile


class InvestorProfileRepository(Protocol):
    """Investor profiles by owner id: `get` is that user's profile or None; `put` stores it as
    its owner's, replacing the one before (an upsert by owner id). Exact values come back:
    money and rates as the Decimals stored, timestamps timezone-aware, bases in their order."""

    async def get(self, owner_id: str) -> InvestorProfile | None: ...

    async def put(self, profile: InvestorProfile) -> None: ...
