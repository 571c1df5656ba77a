"""A drills world for the unit tests: the stores in memory, the cron calendar, a fake clock,
the owners' connections, a staffed desk (a risk officer among them) and the drill runner: the
real one on paper (its kill switch's deadline short, so a lying broker costs little) or a fake
that answers what it is told."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from adapters.cron import CroniterCalendar
from adapters.memory.bus import InMemoryAuditLog, InMemoryNotifier
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.connections import InMemoryConnectionStore
from adapters.memory.drills import InMemoryDrillRunStore, InMemoryDrillScheduleStore
from adapters.memory.store import InMemoryUnitOfWork
from application.drills.records import DrillRecords, LastDrillReader
from application.drills.scheduler import DrillScheduler
from application.drills.schedules import DrillPolicy, DrillScheduleService, ScheduleDraft
from bootstrap.drills import WorldDrillRunner
from domain.connections.connection import VenueConnection
from domain.connections.kinds import VenueEnvironment, VenueKind
from domain.drills.runs import DrillMeasure, DrillOutcome, VenueTiming
from domain.drills.schedule import DrillSchedule, DrillSpec
from domain.identity.users import User
from domain.principals import Principal, Role
from ports.drills.runner import DrillRunner
from ports.trading.broker import BrokerPort
from tests.kit.users import staffed_store

# Monday 5 January 2026, 14:30 UTC.
T0 = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)
OWNER = Principal("owner", Role.OWNER)
SHORT_DEADLINE_S = 0.3


class OtherIds(SequentialIds):
    """Ids of another process: never those of the first worker."""

    def new(self, prefix: str = "") -> str:
        return super().new(prefix + "other-")


@dataclass
class FakeRunner:
    """A DrillRunner that answers `outcome` at once and remembers what it was asked."""

    clock: FakeClock
    outcome: DrillOutcome = DrillOutcome.PASS
    asked: list[DrillSpec] = field(default_factory=list)

    async def run(self, spec: DrillSpec) -> DrillMeasure:
        self.asked.append(spec)
        now = self.clock.now()
        venue = VenueTiming("paper", self.outcome is DrillOutcome.PASS, 0.5, 0.7)
        return DrillMeasure(now, now, self.outcome, "as told", 0.1, (venue,), "ks-1")


@dataclass
class DrillWorld:
    clock: FakeClock
    schedules_store: InMemoryDrillScheduleStore
    runs_store: InMemoryDrillRunStore
    connections: InMemoryConnectionStore
    notifier: InMemoryNotifier
    audit: InMemoryAuditLog
    schedules: DrillScheduleService
    scheduler: DrillScheduler
    runner: DrillRunner
    uow: Callable[[], InMemoryUnitOfWork]

    @property
    def records(self) -> DrillRecords:
        return DrillRecords(self.runs_store)

    @property
    def last(self) -> LastDrillReader:
        return LastDrillReader(self.runs_store)

    def another_worker(self) -> DrillScheduler:
        """A second scheduler over the same stores: another process of the deployment."""
        s = self.scheduler
        return DrillScheduler(
            s.schedules, s.runs, s.runner, s.cron, s.connections, s.uow_factory, s.notifier,
            s.audit, s.clock, OtherIds(),
        )  # fmt: skip

    async def schedule(self, cron: str = "0 3 * * *", **fields: object) -> DrillSchedule:
        return await self.schedules.create(ScheduleDraft(OWNER, cron, **fields))  # type: ignore[arg-type]

    async def connection(
        self, connection_id: str, environment: VenueEnvironment = VenueEnvironment.PAPER
    ) -> str:
        await self.connections.add(
            VenueConnection(
                connection_id, OWNER.id, connection_id, VenueKind.parse("alpaca"), environment,
                self.clock.now(),
            )
        )  # fmt: skip
        return connection_id


async def drill_world(
    *,
    real_runner: bool = False,
    route: dict[str, BrokerPort] | None = None,
    policy: DrillPolicy | None = None,
) -> DrillWorld:
    clock = FakeClock(T0)
    uow = await staffed_store(Role.RISK_OFFICER, T0)
    async with uow() as unit:
        await unit.users.add(User(OWNER.id, OWNER.id, "hash", Role.OWNER, T0))
        await unit.commit()
    schedules_store, runs_store = InMemoryDrillScheduleStore(), InMemoryDrillRunStore()
    connections = InMemoryConnectionStore()
    notifier, audit, cron = InMemoryNotifier(), InMemoryAuditLog(), CroniterCalendar()
    ids = SequentialIds()
    runner: DrillRunner = (
        WorldDrillRunner(clock, connections, (route or {}).get, deadline=SHORT_DEADLINE_S)
        if real_runner
        else FakeRunner(clock)
    )
    service = DrillScheduleService(schedules_store, connections, cron, clock, ids, audit, policy)
    scheduler = DrillScheduler(
        schedules_store, runs_store, runner, cron, connections, uow, notifier, audit, clock, ids,
    )  # fmt: skip
    return DrillWorld(
        clock, schedules_store, runs_store, connections, notifier, audit, service, scheduler,
        runner, uow,
    )  # fmt: skip
