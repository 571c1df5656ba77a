"""RetirementPlanStore: the retirement plan kept beside a trading account, and its
contributions (docs/wealth.md). The application checks the owner; the store keeps what it is
given, memory and SQL alike:

- `get(account_id)`: the account's plan or None; `put(plan)` stores it, replacing the one
  before (an upsert by account id); `list_for(owner_id)`: the owner's plans by account id.
- `add_contribution(c)`; `contributions(account_id)`: its contributions, by tax year, date
  and id; `count_contributions(account_id, tax_year)`.
- `remove_for(owner_id)`: every plan and contribution of the owner gone; how many plans.
"""

from __future__ import annotations

from typing import Protocol

from domain.retirement.plans import Contribution, RetirementPlan


class RetirementPlanStore(Protocol):
    async def get(self, account_id: str) -> RetirementPlan | None: ...

    async def put(self, plan: RetirementPlan) -> None: ...

    async def list_for(self, owner_id: str) -> list[RetirementPlan]: ...

    async def add_contribution(self, contribution: Contribution) -> None: ...

    async def contributions(self, account_id: str) -> list[Contribution]: ...

    async def count_contributions(self, account_id: str, tax_year: int) -> int: ...

    async def remove_for(self, owner_id: str) -> int: ...
