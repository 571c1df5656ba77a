"""In-process retirement plans and contributions (the embedded store's and the tests')."""

from __future__ import annotations

from domain.retirement.plans import Contribution, RetirementPlan


def _order(c: Contribution) -> tuple[int, object, str]:
    return (c.tax_year, c.contributed_on, c.id)


class InMemoryRetirementPlanStore:
    """A RetirementPlanStore in dicts (ports/wealth/retirement_plans.py)."""

    def __init__(self) -> None:
        self._plans: dict[str, RetirementPlan] = {}
        self._contributions: dict[str, list[Contribution]] = {}

    async def get(self, account_id: str) -> RetirementPlan | None:
        return self._plans.get(account_id)

    async def put(self, plan: RetirementPlan) -> None:
        self._plans[plan.account_id] = plan

    async def list_for(self, owner_id: str) -> list[RetirementPlan]:
        return sorted(
            (p for p in self._plans.values() if p.owner_id == owner_id), key=lambda p: p.account_id
        )

    async def add_contribution(self, contribution: Contribution) -> None:
        self._contributions.setdefault(contribution.account_id, []).append(contribution)

    async def contributions(self, account_id: str) -> list[Contribution]:
        return sorted(self._contributions.get(account_id, []), key=_order)

    async def count_contributions(self, account_id: str, tax_year: int) -> int:
        return sum(1 for c in self._contributions.get(account_id, []) if c.tax_year == tax_year)

    async def remove_for(self, owner_id: str) -> int:
        mine = [a for a, p in self._plans.items() if p.owner_id == owner_id]
        for account_id in mine:
            del self._plans[account_id]
        for account_id, kept in list(self._contributions.items()):
            self._contributions[account_id] = [c for c in kept if c.owner_id != owner_id]
        return len(mine)
