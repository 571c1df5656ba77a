"""Orders a HOLD rule held for a person: the queue, approve, reject, and the lapse of a hold.

Who decides (domain/trading/holds.py): a risk officer or an admin for any account, the
account's owner (or trader) for their own accounts, whichever agent or strategy sent the
order; an agent never, a viewer never (it reads the queue). Approval decides the order again
through the gate with its HOLD rules waived (prices and limits may have moved; BLOCK rules and
the kill switch still deny) and sends it through the submission's path. Rejection cancels it
with the reviewer's reason. A hold lapses `hold_ttl` after the order was decided: a lapsed
order is expired when it is next read (the queue, an approval, a rejection) or by the
background sweep (`sweep`, leased: one process of the deployment, once a minute).
Every decision is audited.

Four eyes, when configured (`approvals_required` > 1, BULWARK_HELD_ORDERS_APPROVALS): an
approval needs that many different people who may decide the order. Each approval but the last
is recorded with the order (stored with it: it survives a restart), audited and published
(`OrderApprovalRecorded`), and the order stays held; the last one releases it as above. The
same person approving twice is refused (409 SECOND_APPROVER_REQUIRED); one rejection rejects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from application.core.access import ensure_may_change, may_see, sees_everything, visibility
from application.trading.orders import OrderResult, OrderService
from domain.errors import Forbidden, NotFound
from domain.principals import Principal, Role
from domain.trading.accounts import Account
from domain.trading.holds import HoldExpired, OrderNotHeld, SecondApproverRequired, may_review
from domain.trading.orders import Order, OrderStatus
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog, EventPublisher
from ports.core.repositories import OrderSearch
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory

QUEUE_LIMIT = 200
SWEEP_LIMIT = 1000
# The periodic sweep runs at most this often (the watches tick every second); reads expire
# lapsed holds on their own in between.
SWEEP_EVERY = timedelta(minutes=1)
MAX_REASON = 500
_HELD = frozenset({OrderStatus.HELD})


@dataclass(eq=False)
class HeldOrders:
    """The queue of held orders and the person's decision on each."""

    uow_factory: UnitOfWorkFactory
    orders: OrderService
    clock: Clock
    audit: AuditLog
    publisher: EventPublisher
    # How many different people must approve a held order (1: one person's decision).
    approvals_required: int = 1
    _next_sweep: datetime | None = field(init=False, default=None)

    @property
    def hold_ttl(self) -> timedelta:
        return self.orders.hold_ttl

    def expires_at(self, order: Order) -> datetime | None:
        """When the order's hold lapses (None for an order without a decision time)."""
        return None if order.created_at is None else order.created_at + self.hold_ttl

    async def queue(self, principal: Principal) -> list[Order]:
        """The held orders of the accounts `principal` may decide (a viewer: every account):
        the newest QUEUE_LIMIT, oldest first; lapsed holds are expired on the way. Forbidden
        for an agent."""
        if principal.role is Role.AGENT:
            raise Forbidden("an agent may not review held orders")
        async with self.uow_factory() as uow:
            seen = await visibility(uow, principal)
            account_ids = None if seen is None else tuple(sorted(seen.account_ids))
            if account_ids == ():
                return []
            found = await uow.orders.search(
                OrderSearch(account_ids=account_ids, statuses=_HELD, limit=QUEUE_LIMIT)
            )
            now = self.clock.now()
            await self._expire(uow, found, now)
        live = [o for o in found if o.is_held]
        return sorted(live, key=lambda o: (o.created_at or now, o.id))

    async def approve(self, principal: Principal, order_id: str) -> OrderResult:
        """Release a held order: decided again (HOLD waived) and sent when the gate approves.
        Four eyes: an approval that is not the last is recorded and the order, still held, is
        answered without a decision."""
        account_id = await self._reviewable(principal, order_id)
        try:
            name = await self._name(principal)
            if self.approvals_required > 1:
                pending = await self._add_approval(principal, name, account_id, order_id)
                if pending is not None:
                    return OrderResult(pending, None)
            result = await self.orders.release_held(order_id, principal.id, name)
        except (OrderNotHeld, HoldExpired, SecondApproverRequired) as exc:
            await self._record(principal, "order.approve", order_id, exc.code, {})
            raise
        details: dict[str, object] = {"approvers": [a.approver_id for a in result.order.approvals]}
        if result.order.deny_reasons:
            details["reasons"] = list(result.order.deny_reasons)
        await self._record(principal, "order.approve", order_id, result.order.status.value, details)
        return result

    def approvals_missing(self, order: Order) -> int:
        """How many more people must approve the held order before it is released."""
        return max(0, self.approvals_required - len(order.approvals))

    async def _add_approval(
        self, principal: Principal, name: str, account_id: str, order_id: str
    ) -> Order | None:
        """Record `principal`'s approval when it is not the last one needed: the order, still
        held; None when it is the last (the caller releases the order)."""
        async with self.orders.locks.hold(account_id), self.uow_factory() as uow:
            order = await uow.orders.get(order_id)
            if order is None:
                raise NotFound(f"order {order_id} not found")
            now = self.clock.now()
            if not order.is_held:
                raise OrderNotHeld(f"order {order_id} is {order.status.value}, not held")
            if order.hold_expired(now, self.hold_ttl):
                order.expire(at=now)
                await uow.commit()
                await self.publisher.publish(uow.collect_events())
                raise HoldExpired(f"the hold of order {order_id} lapsed: it expired unsent")
            if order.approved_by(principal.id):
                raise SecondApproverRequired(
                    f"you already approved order {order_id}: "
                    f"{self.approvals_missing(order)} more person(s) with the right role must"
                )
            if self.approvals_missing(order) > 1:
                order.add_approval(principal.id, self.approvals_required, name=name, at=now)
                await uow.commit()
                await self.publisher.publish(uow.collect_events())
            else:
                return None
        details: dict[str, object] = {
            "approvals": len(order.approvals),
            "required": self.approvals_required,
        }
        await self._record(principal, "order.approve", order_id, "approval_recorded", details)
        return order

    async def _name(self, principal: Principal) -> str:
        """The approver's username as the queue shows it ('' when unknown)."""
        async with self.uow_factory() as uow:
            user = await uow.users.get(principal.id)
        return "" if user is None else user.username

    async def reject(self, principal: Principal, order_id: str, reason: str) -> Order:
        """Refuse a held order: canceled with the reviewer's reason, never sent."""
        reason = reason.strip()[:MAX_REASON] or "rejected by reviewer"
        account_id = await self._reviewable(principal, order_id)
        async with self.orders.locks.hold(account_id), self.uow_factory() as uow:
            order = await uow.orders.get(order_id)
            if order is None:
                raise NotFound(f"order {order_id} not found")
            now = self.clock.now()
            outcome = "canceled"
            if not order.is_held:
                outcome = OrderNotHeld.code
            elif order.hold_expired(now, self.hold_ttl):
                order.expire(at=now)
                outcome = HoldExpired.code
            else:
                order.reject_held(principal.id, reason, at=now)
            await uow.commit()
            await self.publisher.publish(uow.collect_events())
        await self._record(principal, "order.reject", order_id, outcome, {"reason": reason})
        if outcome == OrderNotHeld.code:
            raise OrderNotHeld(f"order {order_id} is {order.status.value}, not held")
        if outcome == HoldExpired.code:
            raise HoldExpired(f"the hold of order {order_id} lapsed: it expired unsent")
        return order

    async def sweep(self) -> int:
        """The background watch's tick: `expire_lapsed` at most every SWEEP_EVERY."""
        now = self.clock.now()
        if self._next_sweep is not None and now < self._next_sweep:
            return 0
        self._next_sweep = now + SWEEP_EVERY
        return await self.expire_lapsed()

    async def expire_lapsed(self) -> int:
        """Expire the held orders whose hold lapsed, among the newest SWEEP_LIMIT held orders
        (more are never waiting for people; any left lapse on their next read); returns how
        many."""
        async with self.uow_factory() as uow:
            found = await uow.orders.search(OrderSearch(statuses=_HELD, limit=SWEEP_LIMIT))
            return await self._expire(uow, found, self.clock.now())

    async def _expire(self, uow: UnitOfWork, found: list[Order], now: datetime) -> int:
        """Expire those of `found` whose hold lapsed by `now`, commit and publish; how many."""
        lapsed = [o for o in found if o.hold_expired(now, self.hold_ttl)]
        for order in lapsed:
            order.expire(at=now)
        if lapsed:
            await uow.commit()
            await self.publisher.publish(uow.collect_events())
        return len(lapsed)

    async def _reviewable(self, principal: Principal, order_id: str) -> str:
        """The held order's account id when `principal` may decide it: NotFound when the
        order is unseen, Forbidden when it is seen but not theirs to decide."""
        async with self.uow_factory() as uow:
            order = await uow.orders.get(order_id)
            account = None if order is None else await uow.accounts.get(order.account_id)
            if order is None or account is None or not await _sees(uow, principal, account):
                raise NotFound(f"order {order_id} not found")
        ensure_may_change(principal)
        if not may_review(principal, account.owner_id):
            raise Forbidden("only a risk officer, an admin or the account's owner decides a hold")
        return account.id

    async def _record(
        self,
        principal: Principal,
        action: str,
        order_id: str,
        outcome: str,
        details: dict[str, object],
    ) -> None:
        await self.audit.record(
            AuditEntry(
                principal.id, action, f"order:{order_id}", outcome, self.clock.now(), details
            )
        )


async def _sees(uow: UnitOfWork, principal: Principal, account: Account) -> bool:
    return sees_everything(principal) or await may_see(uow, principal, account)
