"""Drills: the owners' kill-switch drill schedules, the leased job that runs them, and the
records of each drill (with the last-drill read other contexts are given)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from dependency_injector import containers, providers

from application.drills.records import DrillRecords, LastDrillReader
from application.drills.scheduler import DrillScheduler
from application.drills.schedules import DrillPolicy, DrillScheduleService
from bootstrap import drills as drills_wiring
from bootstrap.containers.stores import store_provider

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.cron import CroniterCalendar
    from adapters.memory.drills import InMemoryDrillRunStore, InMemoryDrillScheduleStore
    from adapters.postgres.drills import SqlDrillRunStore, SqlDrillScheduleStore


def memory_schedules() -> InMemoryDrillScheduleStore:
    from adapters.memory.drills import InMemoryDrillScheduleStore

    return InMemoryDrillScheduleStore()


def sql_schedules(engine: AsyncEngine) -> SqlDrillScheduleStore:
    from adapters.postgres.drills import SqlDrillScheduleStore

    return SqlDrillScheduleStore(engine)


def memory_runs() -> InMemoryDrillRunStore:
    from adapters.memory.drills import InMemoryDrillRunStore

    return InMemoryDrillRunStore()


def sql_runs(engine: AsyncEngine) -> SqlDrillRunStore:
    from adapters.postgres.drills import SqlDrillRunStore

    return SqlDrillRunStore(engine)


def cron_calendar() -> CroniterCalendar:
    from adapters.cron import CroniterCalendar

    return CroniterCalendar()


def policy(min_interval_minutes: int, max_schedules: int) -> DrillPolicy:
    return DrillPolicy(timedelta(minutes=min_interval_minutes), max_schedules)


class DrillsContainer(containers.DeclarativeContainer):
    """Over the core (its clock, ids, audit, notifier, users and job leases) and the owners'
    venue connections (a drill's target, and its broker)."""

    core = providers.DependenciesContainer()
    connections = providers.DependenciesContainer()

    schedules_store = store_provider(core, memory_schedules, sql_schedules)
    runs_store = store_provider(core, memory_runs, sql_runs)
    cron = providers.Singleton(cron_calendar)
    schedules = providers.Singleton(
        DrillScheduleService,
        schedules_store, connections.store, cron, core.clock, core.ids, core.audit,
        providers.Singleton(
            policy,
            core.settings.provided.drills.min_interval_minutes,
            core.settings.provided.drills.max_schedules,
        ),
    )  # fmt: skip
    records = providers.Singleton(DrillRecords, runs_store)
    # The read other contexts are given (ports/drills/last_drill.py LastDrills).
    last_drills = providers.Singleton(LastDrillReader, runs_store)
    runner = providers.Singleton(
        drills_wiring.WorldDrillRunner,
        core.clock, connections.store, connections.brokers.provided.route,
        core.settings.provided.safety.kill_switch_deadline_seconds,
    )  # fmt: skip
    scheduler = providers.Singleton(
        DrillScheduler,
        schedules_store, runs_store, runner, cron, connections.store, core.uow_factory,
        core.notifier, core.audit, core.clock, core.ids,
    )  # fmt: skip
    schedule = providers.Resource(
        drills_wiring.drill_schedule_lifetime,
        core.settings.provided.drills.scheduler,
        core.settings.provided.drills.check_seconds,
        scheduler.provider,
        core.job_leases,
    )  # fmt: skip
