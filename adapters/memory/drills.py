"""Drill schedules and drill records in memory: the embedded store's and the unit tests'.
Values are frozen, so what is kept cannot change behind the store's back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from domain.drills.runs import DrillRun
from domain.drills.schedule import DrillSchedule
from ports.drills.store import DrillRunPage


class InMemoryDrillScheduleStore:
    """A DrillScheduleStore in a dict by id (one event loop: each call is atomic)."""

    def __init__(self) -> None:
        self._schedules: dict[str, DrillSchedule] = {}

    async def add(self, schedule: DrillSchedule) -> None:
        if schedule.id in self._schedules:
            raise ValueError(f"drill schedule {schedule.id} exists")
        self._schedules[schedule.id] = schedule

    async def get(self, schedule_id: str) -> DrillSchedule | None:
        return self._schedules.get(schedule_id)

    async def owned_by(self, owner_id: str) -> Sequence[DrillSchedule]:
        mine = [s for s in list(self._schedules.values()) if s.owner_id == owner_id]
        return sorted(mine, key=lambda s: (s.created_at, s.id))

    async def save(self, schedule: DrillSchedule, expected_version: int) -> bool:
        current = self._schedules.get(schedule.id)
        if current is None or current.version != expected_version:
            return False
        self._schedules[schedule.id] = replace(
            schedule, owner_id=current.owner_id, created_at=current.created_at
        )
        return True

    async def remove(self, schedule_id: str) -> bool:
        return self._schedules.pop(schedule_id, None) is not None

    async def claim(self, schedule_id: str, version: int, next_run_at: datetime) -> bool:
        current = self._schedules.get(schedule_id)
        if current is None or current.version != version or not current.enabled:
            return False
        self._schedules[schedule_id] = replace(
            current, next_run_at=next_run_at, version=version + 1
        )
        return True

    async def due(self, now: datetime, limit: int) -> Sequence[DrillSchedule]:
        found = [s for s in list(self._schedules.values()) if s.due(now)]
        found.sort(key=lambda s: (s.next_run_at, s.id))
        return found[:limit]


class InMemoryDrillRunStore:
    """A DrillRunStore in a dict by id."""

    def __init__(self) -> None:
        self._runs: dict[str, DrillRun] = {}

    async def add(self, run: DrillRun) -> None:
        if run.id in self._runs:
            raise ValueError(f"drill run {run.id} exists")
        self._runs[run.id] = run

    async def get(self, run_id: str) -> DrillRun | None:
        return self._runs.get(run_id)

    async def page(self, page: DrillRunPage) -> Sequence[DrillRun]:
        mine = self._newest_first(page.owner_id)
        if page.after is not None:
            anchor = next((i for i, r in enumerate(mine) if r.id == page.after), None)
            if anchor is None:
                return []
            mine = mine[anchor + 1 :]
        return mine[: page.limit]

    async def latest(self, owner_id: str, target_key: str | None = None) -> DrillRun | None:
        for run in self._newest_first(owner_id):
            if target_key is None or run.target.key == target_key:
                return run
        return None

    def _newest_first(self, owner_id: str) -> list[DrillRun]:
        mine = [r for r in list(self._runs.values()) if r.owner_id == owner_id]
        return sorted(mine, key=lambda r: (r.started_at, r.id), reverse=True)
