"""Retirement plans and their contributions on SQL (PostgreSQL and SQLite); one short
transaction per call, `put` replaces the account's plan in one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.retirement_plans import retirement_contributions, retirement_plans
from domain.retirement.contributions import AccountType
from domain.retirement.employer import MatchTier, VestingKind, VestingSchedule
from domain.retirement.plans import Contribution, ContributionSource, RetirementPlan

_p = retirement_plans
_c = retirement_contributions


def _plan_row(plan: RetirementPlan) -> dict[str, Any]:
    vesting = plan.vesting
    return row_of(
        plan,
        _p,
        match_tiers=[{"band": str(t.band), "rate": str(t.rate)} for t in plan.match_tiers],
        vesting=None
        if vesting is None
        else {
            "kind": vesting.kind.value,
            "years": vesting.years,
            "start": vesting.start,
            "step": str(vesting.step),
        },
    )


def _plan(row: Any) -> RetirementPlan:
    v = row.vesting
    return record(
        RetirementPlan,
        row,
        kind=AccountType(row.kind),
        match_tiers=tuple(
            MatchTier(Decimal(t["band"]), Decimal(t["rate"])) for t in row.match_tiers
        ),
        vesting=None
        if v is None
        else VestingSchedule(VestingKind(v["kind"]), v["years"], v["start"], Decimal(v["step"])),
    )


def _contribution(row: Any) -> Contribution:
    return record(Contribution, row, source=ContributionSource(row.source))


class SqlRetirementPlanStore(EngineStore):
    """A RetirementPlanStore on retirement_plans and retirement_contributions."""

    async def get(self, account_id: str) -> RetirementPlan | None:
        return await self._read_one(select(_p).where(_p.c.account_id == account_id), _plan)

    async def put(self, plan: RetirementPlan) -> None:
        async def work(conn: AsyncConnection) -> None:
            await conn.execute(_p.delete().where(_p.c.account_id == plan.account_id))
            await conn.execute(_p.insert(), _plan_row(plan))

        await self._write(work)

    async def list_for(self, owner_id: str) -> list[RetirementPlan]:
        query = select(_p).where(_p.c.owner_id == owner_id).order_by(_p.c.account_id)
        return [_plan(r) for r in await self._read(query)]

    async def add_contribution(self, contribution: Contribution) -> None:
        async def work(conn: AsyncConnection) -> None:
            await conn.execute(_c.insert(), row_of(contribution, _c))

        await self._write(work)

    async def contributions(self, account_id: str) -> list[Contribution]:
        query = (
            select(_c)
            .where(_c.c.account_id == account_id)
            .order_by(_c.c.tax_year, _c.c.contributed_on, _c.c.id)
        )
        return [_contribution(r) for r in await self._read(query)]

    async def count_contributions(self, account_id: str, tax_year: int) -> int:
        query = (
            select(func.count())
            .select_from(_c)
            .where(_c.c.account_id == account_id, _c.c.tax_year == tax_year)
        )
        return int((await self._read(query))[0][0])

    async def remove_for(self, owner_id: str) -> int:
        async def work(conn: AsyncConnection) -> int:
            await conn.execute(_c.delete().where(_c.c.owner_id == owner_id))
            gone = await conn.execute(_p.delete().where(_p.c.owner_id == owner_id))
            return int(gone.rowcount or 0)

        return await self._write(work)
