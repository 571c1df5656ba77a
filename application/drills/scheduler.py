"""The drill job's pass: run every schedule that is due, once, record it, alert on a failure.

A pass reads the schedules whose next run has come, and takes each for itself by moving its
next run on (a claim on the schedule's version: of two workers racing for one run, one wins
and the other skips it). The job runs under a lease (bootstrap/drills.py), so one process of
the deployment runs the passes; the claim keeps a run from being taken twice even across a
lease's takeover. Runs missed while no process ran are not made up: a schedule overdue by
several of its times runs once, and its next run is the cron's next time after now.

Each drill is recorded (domain/drills/runs.py), audited as `drill.run` (outcome pass or fail),
and a failed one tells its owner and every active risk officer (`drill.failed`). A target that
can no longer be drilled (its connection revoked, gone, or live) is a failed drill naming why.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from domain.drills.runs import ID_PREFIX, DrillMeasure, DrillRun
from domain.drills.schedule import DrillSchedule, DrillSpec
from domain.errors import DomainError
from domain.principals import Role
from ports.connections.store import ConnectionStore
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditEntry, AuditLog, Notification, Notifier, Severity
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.drills.cron import CronCalendar
from ports.drills.runner import DrillRunner
from ports.drills.store import DrillRunStore, DrillScheduleStore

EVENT_TYPE = "drill.failed"
SYSTEM = "system"  # the actor of a scheduled drill's audit entry
# Who hears of a failed drill besides its owner.
DESK = (Role.RISK_OFFICER,)
DUE_PER_PASS = 20


@dataclass(eq=False)
class DrillScheduler:
    """Runs the due drills (module docstring); `run_due` is one pass."""

    schedules: DrillScheduleStore
    runs: DrillRunStore
    runner: DrillRunner
    cron: CronCalendar
    connections: ConnectionStore
    uow_factory: UnitOfWorkFactory
    notifier: Notifier
    audit: AuditLog
    clock: Clock
    ids: IdGenerator
    due_per_pass: int = DUE_PER_PASS

    async def run_due(self) -> list[DrillRun]:
        """Every schedule due now, each run once, in the order they fell due."""
        now = self.clock.now()
        done: list[DrillRun] = []
        due = await self.schedules.due(now, self.due_per_pass)
        active = await self._active_owners({s.owner_id for s in due})
        for schedule in due:
            if schedule.owner_id not in active:
                await self._turn_off(schedule)
                continue
            following = self.cron.after(schedule.cron, schedule.timezone, now)[0]
            if await self.schedules.claim(schedule.id, schedule.version, following):
                done.append(await self.drill(schedule.spec, schedule))
        return done

    async def _active_owners(self, owners: set[str]) -> set[str]:
        async with self.uow_factory() as uow:
            found = [await uow.users.get(owner) for owner in sorted(owners)]
        return {u.id for u in found if u is not None and u.active}

    async def _turn_off(self, schedule: DrillSchedule) -> None:
        """A schedule of a user no longer active (deactivated, erased) runs no drill: it is
        turned off, audited, and runs again only when its owner turns it on."""
        off = replace(
            schedule, enabled=False, next_run_at=None, updated_at=self.clock.now(),
            version=schedule.version + 1,
        )  # fmt: skip
        if await self.schedules.save(off, schedule.version):
            details: dict[str, object] = {"owner": schedule.owner_id, "enabled": False}
            await self.audit.record(
                AuditEntry(
                    SYSTEM, "drill.schedule.change", f"drill_schedule:{schedule.id}",
                    "owner_inactive", self.clock.now(), details,
                )
            )  # fmt: skip

    async def drill(self, spec: DrillSpec, schedule: DrillSchedule | None = None) -> DrillRun:
        """One drill of `spec`, recorded, audited, and alerted when it failed."""
        started = self.clock.now()
        refused = await self._refusal(spec)
        if refused is not None:
            measure = DrillMeasure.not_run(started, self.clock.now(), refused)
        else:
            try:
                measure = await self.runner.run(spec)
            except Exception as exc:  # the runner answers failures; a bug must not end the job
                measure = DrillMeasure.not_run(started, self.clock.now(), _why(exc))
        run = DrillRun.of(
            self.ids.new(ID_PREFIX), spec, None if schedule is None else schedule.id, measure
        )
        await self.runs.add(run)
        await self._audited(run)
        if not run.passed:
            await self._alert(run, schedule)
        return run

    async def _refusal(self, spec: DrillSpec) -> str | None:
        """Why the target cannot be drilled now (None: it can)."""
        connection_id = spec.target.connection_id
        if connection_id is None:
            return None
        connection = await self.connections.get(connection_id)
        if connection is None or connection.owner_id != spec.owner_id:
            return f"connection {connection_id} not found"
        if connection.live:
            return f"DRILL_TARGET_LIVE: connection {connection_id} trades live money"
        if not connection.active:
            return f"CONNECTION_REVOKED: connection {connection_id} is revoked"
        return None

    async def _audited(self, run: DrillRun) -> None:
        await self.audit.record(
            AuditEntry(
                SYSTEM,
                "drill.run",
                f"drill_run:{run.id}",
                run.outcome.value,
                self.clock.now(),
                {
                    "owner": run.owner_id,
                    "schedule": run.schedule_id,
                    "target": run.target.key,
                    "reason": run.reason,
                    "time_to_halt_ms": run.time_to_halt_ms,
                    "unconfirmed_venues": list(run.unconfirmed_venues),
                    "kill_switch_event": run.kill_switch_event_id,
                },
            )
        )

    async def _alert(self, run: DrillRun, schedule: DrillSchedule | None) -> None:
        async with self.uow_factory() as uow:
            desk = [u.id for u in await uow.users.list() if u.active and u.role in DESK]
        subject = f"Kill-switch drill failed on {run.target.key}"
        made_by = f" (schedule {schedule.id}, {schedule.cron})" if schedule is not None else ""
        unconfirmed = ", ".join(run.unconfirmed_venues)
        body = (
            f"The drill {run.id} of {run.owner_id}'s kill switch on {run.target.key}{made_by} "
            f"failed at {run.finished_at.isoformat()}: {run.reason}."
            + (f" Not confirmed: {unconfirmed}." if unconfirmed else "")
        )
        for recipient in dict.fromkeys([run.owner_id, *desk]):
            await self.notifier.notify(
                Notification(recipient, subject, body, Severity.WARNING, event_type=EVENT_TYPE)
            )


def _why(exc: Exception) -> str:
    if isinstance(exc, DomainError):
        return f"{exc.code}: {exc.message}"
    return type(exc).__name__
