"""The order path's second stage: record the gate's decisions in the unit of work.

Each order is stored as it was decided (denied, held for a person, or approved and pending
submission); the approved ones are counted in the account's order flow, which the commit
takes back when it fails (application/trading/orders.py runs the stages).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import KW_ONLY, dataclass
from datetime import timedelta

from application.trading.order_audit import OrderAuditTrail, placed_entry
from application.trading.order_commands import OrderResult, SubmitOrder
from domain.risk.flow import OrderFlow, Recorded
from domain.risk.verdicts import Decision
from domain.trading.accounts import Account
from domain.trading.attribution import check_declared
from domain.trading.holds import DEFAULT_HOLD_TTL
from domain.trading.order_attribution import attribute
from domain.trading.orders import Order
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditEntry, EventPublisher
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
    # What chains each placed order's `order.placed` audit entry, journaled with its decision
    # (application/trading/order_audit.py); None: no such entries (backtests, tests).
    audit: OrderAuditTrail | None = None

    def new_order(
        self, cmd: SubmitOrder, account: Account, responsible: str | None = None
    ) -> Order:
        """The order a command asks for, on the account's broker, not yet decided, attributed
        to `responsible` (the person answerable: the principal, an agent's owner) and the
        account's owner. InvalidAttribution for a declared algorithm or version out of shape."""
        if cmd.algorithm is not None or cmd.algorithm_version is not None:
            check_declared(cmd.algorithm, cmd.algorithm_version)
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
            attribution=attribute(
                cmd.origin,
                responsible or cmd.principal.id,
                account.owner_id,
                cmd.algorithm,
                cmd.algorithm_version,
            ),
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
            order.deny(tuple(code.value for code in decision.reasons), at=self.clock.now())
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

    def placed(self, outcomes: Collection[object]) -> list[AuditEntry]:
        """The `order.placed` entries of a batch's outcomes: the orders decided now (a
        replay carries no decision)."""
        return [
            placed_entry(o.order, o.decision)
            for o in outcomes
            if isinstance(o, Approved | OrderResult) and o.decision is not None
        ]

    async def commit(
        self,
        uow: UnitOfWork,
        flow: OrderFlow,
        recorded: list[Recorded],
        *,
        step: str | None = None,
        placed: Collection[object] = (),
    ) -> None:
        """Commit (traced as `step`, when named) and publish what the unit of work raised;
        when the commit fails, the orders it counted leave the order flow again (newest
        first) before the failure goes on. The orders among `placed` (the batch's outcomes)
        have their audit entries journaled in the same commit, chained once it is done."""
        audit = self.audit
        entries = self.placed(placed) if audit is not None and placed else None
        if entries:
            await uow.order_journal.add(entries)
        if step is None:
            await _commit_or_undo(uow, flow, recorded)
        else:
            with self.tracer.span("store.commit", step=step):
                await _commit_or_undo(uow, flow, recorded)
        if entries and audit is not None:
            audit.journaled()
        await self.publisher.publish(uow.collect_events())


async def _commit_or_undo(uow: UnitOfWork, flow: OrderFlow, recorded: list[Recorded]) -> None:
    try:
        await uow.commit()
    except BaseException:
        for entry in reversed(recorded):
            flow.undo(entry)
        raise
