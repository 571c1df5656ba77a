"""The order path's second stage: record the gate's decisions in the unit of work.

Each order is stored as it was decided (denied, held for a person, or approved and pending
submission); the approved ones are counted in the account's order flow, which the commit
takes back when it fails (application/trading/orders.py runs the stages).
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass
from datetime import timedelta

from application.trading.order_commands import OrderResult, SubmitOrder
from domain.risk.flow import OrderFlow, Recorded
from domain.risk.verdicts import Decision
from domain.trading.accounts import Account
from domain.trading.holds import DEFAULT_HOLD_TTL
from domain.trading.orders import Order
from ports.core.clock import Clock, IdGenerator
from ports.core.events import EventPublisher
from ports.core.tracing import NO_TRACER, Tracer
from ports.core.unit_of_work import UnitOfWork


@dataclass(slots=True)
class Approved:
    """An order decided, stored as pending submission, and not yet sent."""

    order: Order
    decision: Decision


@dataclass(eq=False)
class OrderJournal:
    """Orders made from commands, their decisions applied, committed and published."""

    ids: IdGenerator
    clock: Clock
    publisher: EventPublisher
    _: KW_ONLY
    # How long a held order waits for a person (application/trading/held_orders.py).
    hold_ttl: timedelta = DEFAULT_HOLD_TTL
    tracer: Tracer = NO_TRACER

    def new_order(self, cmd: SubmitOrder, account: Account) -> Order:
        """The order a command asks for, on the account's broker, not yet decided."""
        return Order(
            id=self.ids.new("ord-"),
            client_order_id=cmd.client_order_id or self.ids.new("cl-"),
            account_id=account.id,
            symbol=cmd.symbol.strip().upper(),
            side=cmd.side,
            quantity=cmd.quantity,
            origin=cmd.origin,
            order_type=cmd.order_type,
            time_in_force=cmd.time_in_force,
            limit_price=cmd.limit_price,
            stop_price=cmd.stop_price,
            reduce_only=cmd.reduce_only,
            idempotency_key=cmd.idempotency_key,
            created_at=self.clock.now(),
            broker=account.broker,
        )

    def record(
        self,
        order: Order,
        decision: Decision,
        account: Account,
        flow: OrderFlow,
        recorded: list[Recorded],
    ) -> OrderResult | Approved:
        """A new order denied, held, or approved, as its decision says."""
        if not decision.approved:
            order.deny(tuple(code.value for code in decision.reasons))
            return OrderResult(order, decision)
        if decision.held:  # BLOCK wins over HOLD (denied above); HOLD over WARN and REDUCE
            reasons = tuple(code.value for code in decision.holds)
            order.hold(reasons, expires_at=self.clock.now() + self.hold_ttl)
            return OrderResult(order, decision)
        return self.approve(order, account, decision, flow, recorded)

    def approve(
        self,
        order: Order,
        account: Account,
        decision: Decision,
        flow: OrderFlow,
        recorded: list[Recorded],
    ) -> Approved:
        """Pending submission, counted as open and in the account's order flow."""
        order.mark_pending_submit(decision.quantity if decision.reduced else None)
        account.track_order(order)
        recorded.append(flow.record(order, self.clock.now().timestamp()))
        return Approved(order, decision)

    async def commit(
        self,
        uow: UnitOfWork,
        flow: OrderFlow,
        recorded: list[Recorded],
        *,
        step: str | None = None,
    ) -> None:
        """Commit (traced as `step`, when named) and publish what the unit of work raised;
        when the commit fails, the orders it counted leave the order flow again (newest
        first) before the failure goes on."""
        if step is None:
            await _commit_or_undo(uow, flow, recorded)
        else:
            with self.tracer.span("store.commit", step=step):
                await _commit_or_undo(uow, flow, recorded)
        await self.publisher.publish(uow.collect_events())


async def _commit_or_undo(uow: UnitOfWork, flow: OrderFlow, recorded: list[Recorded]) -> None:
    try:
        await uow.commit()
    except BaseException:
        for entry in reversed(recorded):
            flow.undo(entry)
        raise
