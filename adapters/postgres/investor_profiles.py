"""Investor profiles on the `investor_profiles` table, one short transaction per call."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.engine import guarded, single_writer
from adapters.postgres.repos.base import upsert
from adapters.postgres.tables.investor_profiles import investor_profiles as table
from domain.retirement.limits import FilingStatus
from domain.wealth.profile import InvestorProfile, RiskTolerance


def to_row(p: InvestorProfile) -> dict[str, Any]:
    return {
        "owner_id": p.owner_id,
        "risk_tolerance": int(p.risk_tolerance),
        "questionnaire_score": p.questionnaire_score,
        "horizon_years": p.horizon_years,
        "filing_status": p.filing_status.value,
        "federal_bracket": p.federal_bracket,
        "state": p.state,
        "state_rate": p.state_rate,
        "accredited_bases": ",".join(p.accredited_bases),
        "accredited_attested_at": p.accredited_attested_at,
        "terms_version": p.terms_version,
        "terms_accepted_at": p.terms_accepted_at,
        "updated_at": p.updated_at,
    }


def from_row(row: Any) -> InvestorProfile:
    return InvestorProfile(
        owner_id=row.owner_id,
        risk_tolerance=RiskTolerance(row.risk_tolerance),
        questionnaire_score=row.questionnaire_score,
        horizon_years=row.horizon_years,
        filing_status=FilingStatus(row.filing_status),
        federal_bracket=row.federal_bracket,
        state=row.state,
        state_rate=row.state_rate,
        accredited_bases=tuple(b for b in row.accredited_bases.split(",") if b),
        accredited_attested_at=row.accredited_attested_at,
        terms_version=row.terms_version,
        terms_accepted_at=row.terms_accepted_at,
        updated_at=row.updated_at,
    )


class SqlInvestorProfileRepository:
    """An InvestorProfileRepository on SQL; `put` upserts by owner id."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def get(self, owner_id: str) -> InvestorProfile | None:
        return await guarded(lambda: self._get(owner_id))

    async def put(self, profile: InvestorProfile) -> None:
        await guarded(lambda: self._put(profile))

    async def _get(self, owner_id: str) -> InvestorProfile | None:
        query = select(table).where(table.c.owner_id == owner_id)
        async with self._engine.begin() as conn:
            row = (await conn.execute(query)).first()
        return from_row(row) if row is not None else None

    async def _put(self, profile: InvestorProfile) -> None:
        async with single_writer(self._engine), self._engine.begin() as conn:
            await upsert(conn, table, to_row(profile), ("owner_id",))
