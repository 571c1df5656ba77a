"""Investor profiles on the `investor_profiles` table, one short transaction per call."""

from __future__ import annotations

from typing import Any

from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import RowPerKey
from adapters.postgres.tables.investor_profiles import investor_profiles
from domain.retirement.limits import FilingStatus
from domain.wealth.profile import InvestorProfile, RiskTolerance


class SqlInvestorProfileRepository(RowPerKey[InvestorProfile]):
    """An InvestorProfileRepository on SQL; `put` upserts by owner id."""

    table, key = investor_profiles, "owner_id"

    def to_row(self, item: InvestorProfile) -> dict[str, Any]:
        return row_of(item, self.table, accredited_bases=",".join(item.accredited_bases))

    def from_row(self, row: Any) -> InvestorProfile:
        return record(
            InvestorProfile,
            row,
            risk_tolerance=RiskTolerance(row.risk_tolerance),
            filing_status=FilingStatus(row.filing_status),
            accredited_bases=tuple(b for b in row.accredited_bases.split(",") if b),
        )
