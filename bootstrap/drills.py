"""Scheduled drills' wiring: the drill runner and the leased job that runs due drills.

The runner (`WorldDrillRunner`, ports/drills/runner.py) runs the kill-switch drill machinery of
`bulwark drill venues` (application/safety/venue_drill.py) on one target: an embedded Bulwark
of the drill's own (in-memory store, its own halt latch: the deployment's trading state is
never touched) routes one drill account to the target's broker, rests the drill's buy limits
there through the pre-trade gate, engages the kill switch once and asks the broker what it
still holds. The target's broker is

- `paper`: a paper broker of the drill's own (`bulwark drill venues --venue paper`), behind
  the schedule's faults; with flatten the drill first buys a position the kill switch must
  close;
- a connection: the connection's own broker (its adapter on the owner's credentials from the
  vault, as the owner's accounts on it trade), in its paper, sandbox or testnet environment:
  the drill's account there is the venue account itself, so the halt cancels every working
  order of that account, as the kill switch would.

Each venue's timings come from the drill's tapes: the first look that found none of its
orders open (VenueTape) and, with flatten, the first that found it flat (FlatTape); the drill's
orders still working afterwards are cancelled at the venue once counted.

The job (`drill_schedule_lifetime`) runs `DrillScheduler.run_due` every BULWARK_DRILL_CHECK_SECONDS
in the one process of the deployment that holds the lease `drill_schedules`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

import structlog

from application.drills.scheduler import DrillScheduler
from bootstrap.job_leases import JobLeases
from bootstrap.periodic import leased_task
from domain.drills.runs import DrillMeasure
from domain.drills.schedule import DrillSpec, DrillTargetLive, DrillTargetRevoked
from domain.errors import DomainError, NotFound
from ports.connections.store import ConnectionStore
from ports.core.clock import Clock
from ports.trading.broker import BrokerError, BrokerPort

if TYPE_CHECKING:  # the drill's world loads when a drill runs, not with the container
    from application.drills.flat_watch import FlatTape
    from application.safety.killswitch_drill import TimelineStep
    from application.safety.venue_drill import VenueDrillReport
    from application.trading.orders import OrderService
    from domain.principals import Principal

_log = structlog.get_logger("bulwark.drills")

JOB = "drill_schedules"
CASH = Decimal(1_000_000)
ORDERS = 3
POSITION = Decimal(1)  # what a flattening paper drill buys first, for the kill switch to close

Route = Callable[[str], BrokerPort | None]


@dataclass(frozen=True, slots=True)
class Venue:
    """The broker a drill halts: its name in the drill's router, the bare broker (the truth),
    and the kill-switch deadline its halt needs (None: the default's)."""

    name: str
    truth: BrokerPort
    needs: float | None = None


class WorldDrillRunner:
    """A DrillRunner over an embedded Bulwark per drill (module docstring)."""

    def __init__(
        self,
        clock: Clock,
        connections: ConnectionStore,
        route: Route,
        deadline: float = 1.5,
        orders: int = ORDERS,
    ) -> None:
        self._clock = clock
        self._connections = connections
        self._route = route
        self._deadline = deadline
        self._orders = orders

    async def run(self, spec: DrillSpec) -> DrillMeasure:
        started = self._clock.now()
        try:
            async with self._venue(spec) as venue:
                return await self._drill(spec, venue, started)
        except DomainError as exc:  # the target refused, the drill's setup failed
            why = f"{exc.code}: {exc.message}"
        except BrokerError as exc:  # the venue refused or could not be reached
            why = f"{exc.code.value}: {exc.message}"
        return DrillMeasure.not_run(started, self._clock.now(), why)

    def _venue(self, spec: DrillSpec) -> AbstractAsyncContextManager[Venue]:
        connection_id = spec.target.connection_id
        if connection_id is None:
            return _paper()
        return self._connection(spec.owner_id, connection_id)

    @asynccontextmanager
    async def _connection(self, owner_id: str, connection_id: str) -> AsyncIterator[Venue]:
        from bootstrap.drill_venues import VENUES

        connection = await self._connections.get(connection_id)
        if connection is None or connection.owner_id != owner_id:
            raise NotFound(f"connection {connection_id} not found")
        if connection.live:  # checked when the schedule was set; never a live one, whatever
            raise DrillTargetLive(f"connection {connection_id} trades live money")
        if not connection.active:
            raise DrillTargetRevoked(f"connection {connection_id} is revoked")
        broker = self._route(connection_id)
        if broker is None:
            raise NotFound(f"connection {connection_id} routes to no broker here")
        family = VENUES.get(str(connection.kind)) or VENUES.get(connection.kind.family)
        needs = None if family is None or family.needs is None else family.needs.seconds
        yield Venue(connection_id, broker, needs)

    async def _drill(self, spec: DrillSpec, venue: Venue, started: datetime) -> DrillMeasure:
        from adapters.brokers.paper.drill import FaultSwitch, faulty
        from adapters.memory.clock import SystemClock
        from application.drills.flat_watch import FlatTape, flat_watch
        from application.safety.killswitch import KillSwitchConfig
        from application.safety.venue_drill import DrillVenue, RunVenueDrill, VenueDrill, VenueTape
        from bootstrap.cli_drill import DRILL_SYMBOL, PRICE, RESTING_LIMIT
        from bootstrap.drill_venues import drill_account
        from bootstrap.embedded import build_embedded
        from domain.principals import Principal, Role
        from domain.trading.instruments import Instrument

        clock = SystemClock()
        account = drill_account(venue.name)
        switch, tape, flat = FaultSwitch(), VenueTape(clock), FlatTape(clock)
        deadline = max(self._deadline, venue.needs or 0.0)
        embedded = build_embedded(
            fake_clock=False,
            killswitch_config=KillSwitchConfig(deadline=deadline),
            brokers={venue.name: faulty(flat_watch(venue.truth, flat), switch, clock, tape)},
        )
        symbol = spec.symbol or DRILL_SYMBOL
        limit = spec.limit_price or RESTING_LIMIT
        # The gate values the drill's orders at this price: at a venue, twice the limit (the
        # venue's own market is what rests them; the drill cannot know it).
        await embedded.add_instrument(
            Instrument(symbol, sector="Drill"), PRICE if spec.target.is_paper else limit * 2
        )
        await embedded.open_account(account, spec.owner_id, CASH, broker=venue.name)
        principal = Principal(spec.owner_id, Role.OWNER)
        if spec.flatten:
            await _hold_position(embedded.orders, principal, account, symbol)
        drill_venue = DrillVenue(venue.name, account, spec.broker_faults, venue.truth, switch, tape)
        flat.arm()
        try:
            report = await VenueDrill(
                embedded.killswitch, embedded.orders, embedded.clock, embedded.audit
            ).run(
                RunVenueDrill(
                    principal, (drill_venue,), symbol, limit, self._orders, flatten=spec.flatten
                )
            )
        finally:
            flat.disarm()
        return await _measured(spec, venue, account, report, flat, started, self._clock)


@asynccontextmanager
async def _paper() -> AsyncIterator[Venue]:
    """A paper broker of the drill's own, funded and quoting the drill's instrument."""
    from adapters.memory.clock import SystemClock
    from bootstrap.cli_drill import DRILL_SYMBOL, PRICE
    from bootstrap.drill_venues import VENUES, VenueSetup, drill_account

    family = VENUES["paper"]
    setup = VenueSetup(drill_account(family.name), DRILL_SYMBOL, PRICE, CASH, SystemClock())
    async with family.open(setup) as truth:
        yield Venue(family.name, truth)


async def _hold_position(
    orders: OrderService, principal: Principal, account: str, symbol: str
) -> None:
    """A market buy of POSITION through the gate, filled: the position the flatten closes."""
    from application.safety.killswitch_drill import DrillSetupFailed
    from application.trading.order_commands import SubmitOrder
    from domain.trading.orders import Origin, OriginKind, Side

    result = await orders.submit(
        SubmitOrder(
            principal, account, symbol, Side.BUY, POSITION, Origin(OriginKind.USER, principal.id)
        )
    )
    if result.order.filled_quantity <= 0:
        raise DrillSetupFailed(
            f"the drill's position (a market buy of {POSITION} {symbol}) is "
            f"{result.order.status.value}, not filled"
        )


async def _measured(
    spec: DrillSpec,
    venue: Venue,
    account: str,
    report: VenueDrillReport,
    flat: FlatTape,
    started: datetime,
    clock: Clock,
) -> DrillMeasure:
    """The drill's record from the venue drill's report and the tapes; the drill's orders
    still working at the venue cancelled there once counted."""
    from application.safety.killswitch_drill import after_ms
    from domain.drills.judge import judge_drill
    from domain.drills.runs import VenueTiming
    from domain.killswitch.drill import VenueStep

    record = report.record
    halted_ms = _step(report.timeline, "halted")
    sent_at = record.halted_at - timedelta(milliseconds=halted_ms or 0.0)
    (part,) = report.venues
    finding = part.finding
    held: tuple[str, ...] = ()
    if spec.flatten:
        with contextlib.suppress(BrokerError):
            positions = await venue.truth.positions(account)
            held = tuple(sorted(f"{account}:{p.symbol}" for p in positions if p.quantity != 0))
    outcome, reason = judge_drill([finding], {venue.name: held} if spec.flatten else {})
    errors = ("the kill switch did not reach it",) if part.outcome is None else part.outcome.errors
    timing = VenueTiming(
        venue.name,
        finding.reported_confirmed,
        _ms(_step(part.steps, VenueStep.NONE_OPEN.value)),
        _ms(after_ms(sent_at, flat.flat_at)) if spec.flatten else None,
        tuple(o.client_order_id for o in finding.still_open),
        held,
        tuple(errors),
    )
    for left in finding.still_open:  # best effort: the next drill finds the venue clean
        with contextlib.suppress(Exception):
            await venue.truth.cancel(account, left.venue_order_id)
    return DrillMeasure(started, clock.now(), outcome, reason, _ms(halted_ms), (timing,), record.id)


def _ms(value: float | None) -> float | None:
    """Milliseconds to the microsecond, as the kill switch's records keep them."""
    return None if value is None else round(value, 3)


def _step(steps: tuple[TimelineStep, ...], label: str) -> float | None:
    for step in steps:
        if step.label == label:
            return step.at_ms
    return None


async def drill_schedule_lifetime(
    enabled: bool,
    every_seconds: float,
    scheduler: Callable[[], DrillScheduler],
    leases: JobLeases | None = None,
) -> AsyncIterator[None]:
    """With BULWARK_DRILL_SCHEDULER on, a pass over the due schedules every `every_seconds`
    (the first at start); with `leases`, only in the process that holds the job's lease."""
    if not enabled:
        yield
        return
    stop = asyncio.Event()

    async def passes() -> None:
        while not stop.is_set():
            try:
                for run in await scheduler().run_due():
                    _log.info(
                        "drill_ran", run=run.id, schedule=run.schedule_id,
                        target=run.target.key, outcome=run.outcome.value,
                    )  # fmt: skip
            except Exception as exc:  # one failed pass must not end the schedule
                _log.warning("drill_pass_failed", error=type(exc).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every_seconds)

    async with leased_task(JOB, passes, stop, leases):
        yield
