"""The compliance context's in-memory adapters for the drills on record.

For tests of the inventory: `NoDrillRecords` has nothing on record, so every account reads as
never drilled; `InMemoryDrillRecords` holds the drills given to it. The product reads the drills
context's records (application/compliance/drills.py RecordedDrills).
"""

from __future__ import annotations

from domain.compliance.controls import DrillRecord


class NoDrillRecords:
    """A DrillRecords with nothing on record."""

    async def latest(self, owner_id: str, route: str) -> DrillRecord | None:
        return None


class InMemoryDrillRecords:
    """A DrillRecords over the drills given to it, by owner and route."""

    def __init__(self) -> None:
        self._latest: dict[tuple[str, str], DrillRecord] = {}

    def record(self, owner_id: str, drill: DrillRecord) -> None:
        key = (owner_id, drill.target)
        kept = self._latest.get(key)
        if kept is None or drill.at >= kept.at:
            self._latest[key] = drill

    async def latest(self, owner_id: str, route: str) -> DrillRecord | None:
        return self._latest.get((owner_id, route))
