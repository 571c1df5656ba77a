"""The control inventory's drills, read from the drills context's records: the newest drill of
the route an account trades through (`paper`, or its venue connection), as the inventory judges
it (when it ran, whether the switch passed)."""

from __future__ import annotations

from dataclasses import dataclass

from domain.compliance.controls import DrillRecord
from domain.drills.runs import DrillOutcome
from ports.drills.last_drill import LastDrills


@dataclass(frozen=True, slots=True)
class RecordedDrills:
    """A DrillRecords (ports/compliance/drills.py) over the drills context's LastDrills."""

    drills: LastDrills

    async def latest(self, owner_id: str, route: str) -> DrillRecord | None:
        run = await self.drills.last_run_for_route(owner_id, route)
        if run is None:
            return None
        return DrillRecord(
            target=route,
            at=run.finished_at,
            passed=run.outcome is DrillOutcome.PASS,
            detail=run.reason,
        )
