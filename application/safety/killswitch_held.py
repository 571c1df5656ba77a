"""The kill switch's step that ends what is held in its scope: orders a HOLD rule parked for a
person's approval (application/trading/held_orders.py) are rejected TRADING_HALTED.

It runs once HALTED is stored, so no order of the scope is held after it: the gate denies
TRADING_HALTED before any HOLD rule (BLOCK wins over HOLD), and a hold committed by a batch that
read the scope just before the halt is rejected by the order path itself
(application/trading/held_halts.py). Which orders fall in the scope is `in_scope`
(application/trading/halts.py), the matching the gate's trading state and the cancels use; the
store's search is only narrowed by it (every held order when a kind cannot narrow it).

Each rejection is the person's rejection (`Order.reject_held`: canceled, the reason in its
`deny_reasons`, `OrderRejectedByReviewer` published with the activation's principal as the
reviewer, which tells the account's owner `order.denied`), audited as `order.reject`; the
activation's verdict counts them (`held_rejected`).
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass

from application.core.retry import retry_on_conflict
from application.safety.killswitch_audit import KillSwitchAudit
from application.safety.killswitch_cancels import Activation
from application.trading.halts import in_scope
from application.trading.held_halts import HALTED_REASON
from domain.errors import StoreUnavailable
from domain.events import DomainEvent
from domain.killswitch.state import Scope, ScopeKind
from domain.trading.orders import Order, OrderStatus
from ports.core.clock import Clock
from ports.core.events import EventPublisher
from ports.core.repositories import ORDERS_EPOCH, OrderCursor, OrderSearch
from ports.core.tracing import NO_TRACER, Tracer
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory

PAGE = 500
_HELD = frozenset({OrderStatus.HELD})


def held_search(
    scope: Scope, after: OrderCursor | None = None, members: tuple[str, ...] | None = None
) -> OrderSearch:
    """The store's search for the scope's held orders: narrowed by account or by origin where
    the kind allows, by a group's `members`, every held order otherwise (`in_scope` picks the
    scope's among them)."""
    if members is not None:
        return OrderSearch(account_ids=members, statuses=_HELD, after=after, limit=PAGE)
    if scope.kind is ScopeKind.ACCOUNT:
        return OrderSearch(account_ids=(scope.id,), statuses=_HELD, after=after, limit=PAGE)
    if scope.kind is ScopeKind.AGENT:
        return OrderSearch(origin_id=scope.id, statuses=_HELD, after=after, limit=PAGE)
    return OrderSearch(statuses=_HELD, after=after, limit=PAGE)


async def held_in_scope(
    uow: UnitOfWork, scope: Scope, members: tuple[str, ...] | None = None
) -> list[Order]:
    """Every order of `scope` (of a group scope: of its `members`) held for a person, page by
    page."""
    found: list[Order] = []
    after: OrderCursor | None = None
    while True:
        page = await uow.orders.search(held_search(scope, after, members))
        found.extend(o for o in page if o.is_held and _of(scope, members, o))
        if len(page) < PAGE:
            return found
        last = page[-1]
        after = OrderCursor(last.created_at or ORDERS_EPOCH, last.id)


def _of(scope: Scope, members: tuple[str, ...] | None, order: Order) -> bool:
    return order.account_id in members if members is not None else in_scope(scope, order)


@dataclass(eq=False)
class HeldRejection:
    """Rejects every order held in the activation's scope; how many."""

    uow_factory: UnitOfWorkFactory
    publisher: EventPublisher
    clock: Clock
    audit: KillSwitchAudit
    _: KW_ONLY
    tracer: Tracer = NO_TRACER

    async def reject(self, run: Activation, accounts: tuple[str, ...] = ()) -> int:
        """The scope's held orders rejected TRADING_HALTED by the activation's principal,
        published and audited. A store that fails here leaves them held (none is counted):
        an approval decides them again through the gate, which denies while halted."""
        with self.tracer.span("killswitch.held", scope=run.scope.key):
            try:
                rejected, events = await retry_on_conflict(lambda: self._reject(run, accounts))
            except StoreUnavailable:
                return 0
        await self.publisher.publish(events)
        details = {
            "reason": HALTED_REASON,
            "kill_switch": run.scope.key,
            "trigger": run.trigger.value,
        }
        for order in rejected:
            await self.audit.record(
                run.principal_id, "order.reject", f"order:{order.id}", "canceled", details
            )
        return len(rejected)

    async def _reject(
        self, run: Activation, accounts: tuple[str, ...]
    ) -> tuple[list[Order], list[DomainEvent]]:
        members = accounts if run.members is not None else None
        async with self.uow_factory() as uow:
            held = await held_in_scope(uow, run.scope, members)
            if not held:
                return [], []
            now = self.clock.now()
            for order in held:
                order.reject_held(run.principal_id, HALTED_REASON, at=now)
            await uow.commit()
            return held, uow.collect_events()
