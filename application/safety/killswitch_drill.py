"""Kill-switch drill: rest orders, switch a broker fault on, pull the switch, ask the broker.

The drill goes through the kill switch's own engage sequence and reads the verdict from the
record it returns (confirmed or not); it never recomputes that verdict. The truth it is
compared with comes from the broker without faults: the drill's orders still open there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from application.safety.killswitch import KillSwitchService
from application.trading.order_commands import SubmitOrder
from application.trading.orders import OrderService
from domain.errors import DomainError
from domain.killswitch.drill import BrokerFaults, DrillJudgement, judge
from domain.killswitch.state import Scope, ScopeKind
from domain.killswitch.switch import KillSwitchEvent, TriggerType
from domain.principals import Principal
from domain.trading.orders import OrderType, Origin, OriginKind, Side
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog
from ports.safety.drills import BrokerFaultSwitch
from ports.trading.broker import BrokerPort


class DrillSetupFailed(DomainError):
    """The drill could not rest its orders, so there was nothing for the kill switch to stop."""

    code = "DRILL_SETUP_FAILED"


@dataclass(frozen=True, slots=True)
class RunDrill:
    """Rest `orders` buy limits of `symbol` at `limit_price` on `account_id` (in `scope`),
    then engage the kill switch on `scope` with `faults` switched on."""

    principal: Principal
    scope: Scope
    account_id: str
    faults: BrokerFaults
    symbol: str
    limit_price: Decimal
    orders: int = 3
    quantity: Decimal = Decimal(1)

    def __post_init__(self) -> None:
        if self.orders < 1:
            raise ValueError("a drill rests at least one order")


@dataclass(frozen=True, slots=True)
class TimelineStep:
    """A step of the drill, in milliseconds after the command was sent (None: never)."""

    label: str
    at_ms: float | None


@dataclass(frozen=True, slots=True)
class DrillReport:
    """What the drill did, what the kill switch reported, and what the broker holds."""

    scope: Scope
    faults: BrokerFaults
    placed: int
    record: KillSwitchEvent
    still_open: int
    judgement: DrillJudgement
    timeline: tuple[TimelineStep, ...]


@dataclass(eq=False)
class KillSwitchDrill:
    """Runs one kill-switch drill against a broker whose faults it switches."""

    killswitch: KillSwitchService
    orders: OrderService
    truth: BrokerPort  # the broker without its faults: what is really open
    switch: BrokerFaultSwitch
    clock: Clock
    audit: AuditLog

    async def run(self, cmd: RunDrill) -> DrillReport:
        placed = await self._rest_orders(cmd)
        before = self.switch.current()
        self.switch.set(cmd.faults)
        sent_at = self.clock.now()
        try:
            record = await self.killswitch.engage(
                cmd.scope,
                TriggerType.MANUAL,
                cmd.principal.id,
                f"kill-switch drill ({cmd.faults.describe()})",
            )
        finally:
            self.switch.set(before)
        still_open = await self._still_open(cmd.account_id, placed)
        judgement = judge(record.broker_confirmed, still_open)
        report = DrillReport(
            cmd.scope, cmd.faults, len(placed), record, still_open, judgement,
            drill_timeline(sent_at, record),
        )  # fmt: skip
        details = {
            "faults": cmd.faults.describe(),
            "confirmed": record.broker_confirmed,
            "orders_placed": len(placed),
            "still_open": still_open,
        }
        await record_drill(self.audit, self.clock, cmd.principal.id, record, judgement, details)
        return report

    async def _rest_orders(self, cmd: RunDrill) -> set[str]:
        """The client order ids of the drill's orders, resting at the broker."""
        if cmd.scope.kind is ScopeKind.AGENT:
            origin = Origin(OriginKind.AGENT, cmd.scope.id)
        else:
            origin = Origin(OriginKind.USER, cmd.principal.id)
        return await rest_orders(
            self.orders,
            SubmitOrder(
                cmd.principal,
                cmd.account_id,
                cmd.symbol,
                Side.BUY,
                cmd.quantity,
                origin,
                OrderType.LIMIT,
                limit_price=cmd.limit_price,
            ),
            cmd.orders,
        )

    async def _still_open(self, account_id: str, placed: set[str]) -> int:
        held = await self.truth.open_orders(account_id)
        return sum(1 for order in held if order.client_order_id in placed)


async def rest_orders(orders: OrderService, order: SubmitOrder, count: int) -> set[str]:
    """`count` copies of `order` sent through the pre-trade gate, each resting at its broker:
    their client order ids. DrillSetupFailed when one does not rest."""
    placed: set[str] = set()
    for _ in range(count):
        result = await orders.submit(order)
        if not result.order.is_open:
            raise DrillSetupFailed(
                f"the drill's order {result.order.client_order_id} is "
                f"{result.order.status.value}, not resting"
            )
        placed.add(result.order.client_order_id)
    return placed


async def record_drill(
    audit: AuditLog,
    clock: Clock,
    principal_id: str,
    record: KillSwitchEvent,
    judgement: DrillJudgement,
    details: Mapping[str, object],
) -> None:
    """A drill's audit entry: `kill_switch.drill` on the halted scope, outcome pass or fail,
    with `details` beside the kill switch's record id, the reason and the time it took."""
    await audit.record(
        AuditEntry(
            principal_id,
            "kill_switch.drill",
            record.scope.key,
            judgement.verdict.value.lower(),
            clock.now(),
            {
                **details,
                "kill_switch_event": record.id,
                "reason": judgement.reason,
                "elapsed_ms": round(record.elapsed_ms, 3),
            },
        )
    )


def after_ms(sent_at: datetime, moment: datetime | None) -> float | None:
    """`moment` in milliseconds after `sent_at` (None: never)."""
    return None if moment is None else (moment - sent_at).total_seconds() * 1e3


def drill_timeline(sent_at: datetime, record: KillSwitchEvent) -> tuple[TimelineStep, ...]:
    """The halt's steps from the kill switch's record, after the command was sent."""
    return (
        TimelineStep("command sent", 0.0),
        TimelineStep("halted", after_ms(sent_at, record.halted_at)),
        TimelineStep("halt broadcast", after_ms(sent_at, record.broadcast_at)),
        TimelineStep("cancels sent", after_ms(sent_at, record.cancel_sent_at)),
        TimelineStep("broker-confirmed", after_ms(sent_at, record.confirmed_at)),
    )
