"""Kill-switch drill over several venues at once: rest orders at each, switch each venue's
faults on, pull the switch once over all of them, then ask each venue what it still holds.

Each venue is a broker name in the router with one drill account routed to it, the bare
adapter behind it (the truth), its fault switch and its tape (the steps the kill switch met
there). The verdict is per venue: confirmed, or the orders it still holds; the drill
passes only when every venue was confirmed and holds nothing (domain/killswitch/drill.py).
The kill switch's word per venue is read from its record, never worked out again.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from application.safety.killswitch import KillSwitchService
from application.safety.killswitch_drill import (
    TimelineStep,
    after_ms,
    drill_timeline,
    record_drill,
    rest_orders,
)
from application.trading.order_commands import SubmitOrder
from application.trading.orders import OrderService
from domain.killswitch.drill import (
    BrokerFaults,
    DrillJudgement,
    HeldOrder,
    VenueFinding,
    VenueStep,
    judge_venues,
)
from domain.killswitch.state import Scope
from domain.killswitch.switch import BrokerOutcome, KillSwitchEvent, TriggerType
from domain.principals import Principal
from domain.trading.orders import OrderType, Origin, OriginKind, Side
from ports.core.clock import Clock
from ports.core.events import AuditLog
from ports.safety.drills import BrokerFaultSwitch
from ports.trading.broker import BrokerPort


class VenueTape:
    """The first time of each step a venue met while armed (a DrillTape); the kill switch's
    lane may note from its own thread."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._armed = False
        self._steps: dict[VenueStep, datetime] = {}

    def arm(self) -> None:
        with self._lock:
            self._armed, self._steps = True, {}

    def disarm(self) -> None:
        with self._lock:
            self._armed = False

    def note(self, step: VenueStep) -> None:
        with self._lock:
            if self._armed:
                self._steps.setdefault(step, self.clock.now())

    def at(self, step: VenueStep) -> datetime | None:
        with self._lock:
            return self._steps.get(step)


@dataclass(frozen=True, slots=True)
class DrillVenue:
    """A venue the drill halts: its broker name (its account is routed there), its account,
    the faults it shows during the halt, the bare adapter (the truth), the switch and tape
    of the broker the kill switch calls."""

    name: str
    account_id: str
    faults: BrokerFaults
    truth: BrokerPort
    switch: BrokerFaultSwitch
    tape: VenueTape


@dataclass(frozen=True, slots=True)
class RunVenueDrill:
    """Rest `orders` buy limits of `symbol` at `limit_price` at every venue, then engage the
    kill switch once, globally, with each venue's faults switched on (and, with `flatten`,
    closing every position of the drill's accounts: a scheduled drill's)."""

    principal: Principal
    venues: tuple[DrillVenue, ...]
    symbol: str
    limit_price: Decimal
    orders: int = 3
    quantity: Decimal = Decimal(1)
    flatten: bool = False

    def __post_init__(self) -> None:
        if not self.venues:
            raise ValueError("a venue drill halts at least one venue")
        if self.orders < 1:
            raise ValueError("a drill rests at least one order")


@dataclass(frozen=True, slots=True)
class VenueReport:
    """One venue's part of the drill: its orders, the kill switch's outcome there (None: it
    was not asked), what it still holds, and its steps after the command was sent."""

    name: str
    faults: BrokerFaults
    placed: int
    outcome: BrokerOutcome | None
    finding: VenueFinding
    steps: tuple[TimelineStep, ...]


@dataclass(frozen=True, slots=True)
class VenueDrillReport:
    """The halt's record and shared steps, each venue's part, and the verdict."""

    record: KillSwitchEvent
    timeline: tuple[TimelineStep, ...]
    venues: tuple[VenueReport, ...]
    judgement: DrillJudgement


@dataclass(frozen=True, eq=False)
class VenueDrill:
    """Runs one kill-switch drill over several venues, through the kill switch and the order
    path of the Bulwark whose router names each venue."""

    killswitch: KillSwitchService
    orders: OrderService
    clock: Clock
    audit: AuditLog

    async def run(self, cmd: RunVenueDrill) -> VenueDrillReport:
        placed = {venue.name: await self._rest_orders(cmd, venue) for venue in cmd.venues}
        before = [venue.switch.current() for venue in cmd.venues]
        for venue in cmd.venues:
            venue.tape.arm()
            venue.switch.set(venue.faults)
        sent_at = self.clock.now()
        try:
            record = await self.killswitch.engage(
                Scope.global_(),
                TriggerType.MANUAL,
                cmd.principal.id,
                "kill-switch drill over venues: " + ", ".join(v.name for v in cmd.venues),
                flatten=cmd.flatten,
            )
        finally:
            for venue, faults in zip(cmd.venues, before, strict=True):
                venue.switch.set(faults)
                venue.tape.disarm()
        venues = tuple(
            [await self._venue(venue, placed[venue.name], record, sent_at) for venue in cmd.venues]
        )
        judgement = judge_venues(v.finding for v in venues)
        details = {
            "venues": {v.name: v.finding.status.value for v in venues},
            "faults": {v.name: v.faults.describe() for v in venues},
            "still_open": {
                v.name: [o.client_order_id for o in v.finding.still_open] for v in venues
            },
        }
        await record_drill(self.audit, self.clock, cmd.principal.id, record, judgement, details)
        return VenueDrillReport(record, drill_timeline(sent_at, record), venues, judgement)

    async def _rest_orders(self, cmd: RunVenueDrill, venue: DrillVenue) -> set[str]:
        order = SubmitOrder(
            cmd.principal,
            venue.account_id,
            cmd.symbol,
            Side.BUY,
            cmd.quantity,
            Origin(OriginKind.USER, cmd.principal.id),
            OrderType.LIMIT,
            limit_price=cmd.limit_price,
        )
        return await rest_orders(self.orders, order, cmd.orders)

    async def _venue(
        self, venue: DrillVenue, placed: set[str], record: KillSwitchEvent, sent_at: datetime
    ) -> VenueReport:
        held = await venue.truth.open_orders(venue.account_id)
        still_open = tuple(
            sorted(
                (
                    HeldOrder(o.client_order_id, o.broker_order_id)
                    for o in held
                    if o.client_order_id in placed
                ),
                key=lambda o: o.client_order_id,
            )
        )
        outcome = next((o for o in record.brokers if o.broker == venue.name), None)
        confirmed = outcome is not None and venue.name not in record.unconfirmed_brokers
        steps = tuple(TimelineStep(s.value, after_ms(sent_at, venue.tape.at(s))) for s in VenueStep)
        finding = VenueFinding(venue.name, confirmed, still_open)
        return VenueReport(venue.name, venue.faults, len(placed), outcome, finding, steps)
