"""Planning profiles on the `planning_profiles` table, one short transaction per call."""

from __future__ import annotations

from typing import Any

from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import RowPerKey
from adapters.postgres.tables.planning import planning_profiles
from ports.portfolio.planning import PlanningProfile


class SqlPlanningProfileRepository(RowPerKey[PlanningProfile]):
    """A PlanningProfileRepository on SQL; `put` upserts by owner id."""

    table, key = planning_profiles, "owner_id"

    def to_row(self, item: PlanningProfile) -> dict[str, Any]:
        return row_of(item, self.table)

    def from_row(self, row: Any) -> PlanningProfile:
        return record(PlanningProfile, row, autopilot=bool(row.autopilot))
