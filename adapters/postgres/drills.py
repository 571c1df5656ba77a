"""Drill schedules and drill records on SQL (`drill_schedules`, `drill_runs`), one short
transaction per call; a run's venues as a JSON document."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, asc, desc, or_, select, update

from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.drills import drill_runs, drill_schedules
from domain.drills.runs import DrillOutcome, DrillRun, VenueTiming
from domain.drills.schedule import DrillSchedule, DrillTarget
from ports.drills.store import DrillRunPage


def _target(key: str) -> DrillTarget:
    target = DrillTarget.of_route(key)
    if target is None:
        raise ValueError(f"a stored drill target {key!r} no drill reaches")
    return target


def _schedule(row: Any) -> DrillSchedule:
    return record(DrillSchedule, row, target=_target(row.target))


class SqlDrillScheduleStore(EngineStore):
    """A DrillScheduleStore on the `drill_schedules` table."""

    async def add(self, schedule: DrillSchedule) -> None:
        row = row_of(schedule, drill_schedules, target=schedule.target.key)
        await self._insert_new(drill_schedules, row, f"drill schedule {schedule.id} exists")

    async def get(self, schedule_id: str) -> DrillSchedule | None:
        query = select(drill_schedules).where(drill_schedules.c.id == schedule_id)
        return await self._read_one(query, _schedule)

    async def owned_by(self, owner_id: str) -> Sequence[DrillSchedule]:
        query = (
            select(drill_schedules)
            .where(drill_schedules.c.owner_id == owner_id)
            .order_by(asc(drill_schedules.c.created_at), asc(drill_schedules.c.id))
        )
        return [_schedule(row) for row in await self._read(query)]

    async def save(self, schedule: DrillSchedule, expected_version: int) -> bool:
        row = row_of(schedule, drill_schedules, target=schedule.target.key)
        for fixed in ("id", "owner_id", "created_at"):
            del row[fixed]
        statement = (
            update(drill_schedules)
            .where(
                drill_schedules.c.id == schedule.id,
                drill_schedules.c.version == expected_version,
            )
            .values(row)
        )
        return await self._change(statement) == 1

    async def remove(self, schedule_id: str) -> bool:
        statement = drill_schedules.delete().where(drill_schedules.c.id == schedule_id)
        return await self._change(statement) == 1

    async def claim(self, schedule_id: str, version: int, next_run_at: datetime) -> bool:
        statement = (
            update(drill_schedules)
            .where(
                drill_schedules.c.id == schedule_id,
                drill_schedules.c.version == version,
                drill_schedules.c.enabled.is_(True),
            )
            .values(next_run_at=next_run_at, version=version + 1)
        )
        return await self._change(statement) == 1

    async def due(self, now: datetime, limit: int) -> Sequence[DrillSchedule]:
        query = (
            select(drill_schedules)
            .where(
                drill_schedules.c.enabled.is_(True),
                drill_schedules.c.next_run_at.is_not(None),
                drill_schedules.c.next_run_at <= now,
            )
            .order_by(asc(drill_schedules.c.next_run_at), asc(drill_schedules.c.id))
            .limit(limit)
        )
        return [_schedule(row) for row in await self._read(query)]


def _venues_doc(run: DrillRun) -> list[dict[str, Any]]:
    return [
        {
            "venue": v.venue,
            "confirmed": v.confirmed,
            "time_to_cancel_ms": v.time_to_cancel_ms,
            "time_to_flat_ms": v.time_to_flat_ms,
            "still_open": list(v.still_open),
            "positions_remaining": list(v.positions_remaining),
            "errors": list(v.errors),
        }
        for v in run.venues
    ]


def _venues(doc: list[dict[str, Any]]) -> tuple[VenueTiming, ...]:
    return tuple(
        VenueTiming(
            d["venue"],
            bool(d["confirmed"]),
            d.get("time_to_cancel_ms"),
            d.get("time_to_flat_ms"),
            tuple(d.get("still_open", ())),
            tuple(d.get("positions_remaining", ())),
            tuple(d.get("errors", ())),
        )
        for d in doc
    )


def _run(row: Any) -> DrillRun:
    return record(
        DrillRun,
        row,
        target=_target(row.target),
        outcome=DrillOutcome(row.outcome),
        venues=_venues(row.venues),
    )


class SqlDrillRunStore(EngineStore):
    """A DrillRunStore on the `drill_runs` table."""

    async def add(self, run: DrillRun) -> None:
        row = row_of(run, drill_runs, target=run.target.key, venues=_venues_doc(run))
        await self._insert_new(drill_runs, row, f"drill run {run.id} exists")

    async def get(self, run_id: str) -> DrillRun | None:
        return await self._read_one(select(drill_runs).where(drill_runs.c.id == run_id), _run)

    async def page(self, page: DrillRunPage) -> Sequence[DrillRun]:
        query = select(drill_runs).where(drill_runs.c.owner_id == page.owner_id)
        if page.after is not None:
            anchor = await self.get(page.after)
            if anchor is None or anchor.owner_id != page.owner_id:
                return []
            query = query.where(
                or_(
                    drill_runs.c.started_at < anchor.started_at,
                    and_(
                        drill_runs.c.started_at == anchor.started_at,
                        drill_runs.c.id < anchor.id,
                    ),
                )
            )
        query = query.order_by(desc(drill_runs.c.started_at), desc(drill_runs.c.id))
        return [_run(row) for row in await self._read(query.limit(page.limit))]

    async def latest(self, owner_id: str, target_key: str | None = None) -> DrillRun | None:
        query = select(drill_runs).where(drill_runs.c.owner_id == owner_id)
        if target_key is not None:
            query = query.where(drill_runs.c.target == target_key)
        query = query.order_by(desc(drill_runs.c.started_at), desc(drill_runs.c.id)).limit(1)
        return await self._read_one(query, _run)
