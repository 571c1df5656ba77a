"""Planning profiles: each user's figures for the homeostasis view, and their autopilot flag."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from domain.analytics.planning.homeostasis import DEFAULT_SAFE_WITHDRAWAL_RATE


@dataclass(frozen=True, slots=True)
class PlanningProfile:
    """One user's planning figures (docs/planning.md).

    `annual_expenses`: what the user spends a year, in `currency` (> 0). `safe_withdrawal_rate`:
    the share of wealth they may spend a year, a fraction in (0, 0.2]. `other_assets`: wealth
    held outside Bulwark's accounts (a house, a pension; may be negative for debts), in
    `currency`. `autopilot`: whether the user let the platform act on their plan;
    `autopilot_changed_at` is when it last changed (None: never). `updated_at`: the last write.
    Money is Decimal to the cent; timestamps are timezone-aware.
    """

    owner_id: str
    annual_expenses: Decimal
    updated_at: datetime
    safe_withdrawal_rate: Decimal = DEFAULT_SAFE_WITHDRAWAL_RATE
    other_assets: Decimal = Decimal(0)
    currency: str = "USD"
    autopilot: bool = False
    autopilot_changed_at: datetime | None = None

    def __post_init__(self) -> None:
        for moment in (self.updated_at, self.autopilot_changed_at):
            if moment is not None and moment.tzinfo is None:
                raise ValueError("planning profile timestamps must be timezone-aware")


class PlanningProfileRepository(Protocol):
    """Planning profiles by owner: one per user, no one reads another's.

    `get(owner_id)` is that user's profile or None. `put` stores `profile` as its owner's,
    replacing the one stored before (an upsert by owner id).
    """

    async def get(self, owner_id: str) -> PlanningProfile | None: ...

    async def put(self, profile: PlanningProfile) -> None: ...
