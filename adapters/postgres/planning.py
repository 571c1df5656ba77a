"""Planning profiles on the `planning_profiles` table, one short transaction per call."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.engine import guarded, single_writer
from adapters.postgres.repos.base import upsert
from adapters.postgres.tables.planning import planning_profiles as table
from ports.planning import PlanningProfile


def to_row(profile: PlanningProfile) -> dict[str, Any]:
    return {
        "owner_id": profile.owner_id,
        "annual_expenses": profile.annual_expenses,
        "safe_withdrawal_rate": profile.safe_withdrawal_rate,
        "other_assets": profile.other_assets,
        "currency": profile.currency,
        "autopilot": profile.autopilot,
        "autopilot_changed_at": profile.autopilot_changed_at,
        "updated_at": profile.updated_at,
    }


def from_row(row: Any) -> PlanningProfile:
    return PlanningProfile(
        owner_id=row.owner_id,
        annual_expenses=row.annual_expenses,
        safe_withdrawal_rate=row.safe_withdrawal_rate,
        other_assets=row.other_assets,
        currency=row.currency,
        autopilot=bool(row.autopilot),
        autopilot_changed_at=row.autopilot_changed_at,
        updated_at=row.updated_at,
    )


class SqlPlanningProfileRepository:
    """A PlanningProfileRepository on SQL; `put` upserts by owner id."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def get(self, owner_id: str) -> PlanningProfile | None:
        return await guarded(lambda: self._get(owner_id))

    async def put(self, profile: PlanningProfile) -> None:
        await guarded(lambda: self._put(profile))

    async def _get(self, owner_id: str) -> PlanningProfile | None:
        query = select(table).where(table.c.owner_id == owner_id)
        async with self._engine.begin() as conn:
            row = (await conn.execute(query)).first()
        return from_row(row) if row is not None else None

    async def _put(self, profile: PlanningProfile) -> None:
        async with single_writer(self._engine), self._engine.begin() as conn:
            await upsert(conn, table, to_row(profile), ("owner_id",))
