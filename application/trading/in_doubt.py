"""Orders in doubt: decided and stored but never acknowledged by their broker, each resolved.

A process that dies between storing an approved order (PENDING_SUBMIT) and booking its
broker's answer leaves the order without a broker order id: it may be in the market or it
may never have left. Such an order is looked up at its broker by client order id: found, it
is adopted (the broker's id, fills and status); unknown past the broker's acceptance window,
it is closed as NEVER_SENT and stops counting against the account's limits; a broker that
cannot answer leaves it in doubt, and it is reported, never counted as open or closed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from domain.trading.accounts import Account
from domain.trading.fills import Fill
from domain.trading.orders import Order
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWork
from ports.trading.broker import BrokerError, BrokerOrder, BrokerOrderStatus, BrokerPort

DEFAULT_GRACE = timedelta(seconds=5)
NEVER_SENT_REASON = "NOT_AT_BROKER"
# Books fills on the account being resolved (OrderDispatch._book_fills, bound to its uow).
FillBooker = Callable[[list[Fill]], Awaitable[int]]


@dataclass(frozen=True, slots=True)
class DoubtfulOrder:
    """An order still in doubt after a look at its broker, and why."""

    order_id: str
    client_order_id: str
    account_id: str
    broker: str
    reason: str


@dataclass(slots=True)
class InDoubtReport:
    """What one resolution did: order ids adopted and closed, and the orders still in doubt."""

    adopted: list[str] = field(default_factory=list)
    never_sent: list[str] = field(default_factory=list)
    unresolved: list[DoubtfulOrder] = field(default_factory=list)

    def merge(self, other: InDoubtReport) -> None:
        self.adopted.extend(other.adopted)
        self.never_sent.extend(other.never_sent)
        self.unresolved.extend(other.unresolved)


@dataclass(eq=False)
class InDoubtResolver:
    """Looks up an account's orders in doubt at its broker: adopted, closed or reported."""

    clock: Clock
    grace: timedelta = DEFAULT_GRACE

    def in_doubt(self, orders: Iterable[Order]) -> list[Order]:
        """The orders without a broker acknowledgement for longer than the grace."""
        now = self.clock.now()
        return [o for o in orders if o.in_doubt(now, self.grace)]

    async def resolve(
        self,
        broker: BrokerPort,
        account: Account,
        book: FillBooker,
        *,
        only: frozenset[str] | None = None,
    ) -> InDoubtReport:
        """Resolve the account's orders in doubt (of `only` client order ids, when given).

        Closing one as never sent waits out the grace and the broker's acceptance window.
        Call it under the account's lock, with the account of the unit of work that commits
        the changes.
        """
        report = InDoubtReport()
        doubtful = [
            o
            for o in self.in_doubt(account.open_orders.values())
            if only is None or o.client_order_id in only
        ]
        found: list[tuple[Order, BrokerOrder]] = []
        for order in doubtful:
            try:
                known = await broker.order_by_client_id(account.id, order.client_order_id)
            except BrokerError as exc:
                report.unresolved.append(_doubtful(order, broker, f"{exc.code.value}: lookup"))
                continue
            if known is not None:
                found.append((order, known))
            elif self._past_window(order, broker):
                order.never_sent(NEVER_SENT_REASON, at=self.clock.now())
                account.release_order(order)
                report.never_sent.append(order.id)
            else:
                window = max(self.grace.total_seconds(), broker.acceptance_window_s)
                reason = f"unknown at {broker.name} within its {window:g} s acceptance window"
                report.unresolved.append(_doubtful(order, broker, reason))
        if found:
            await self._adopt(broker, account, book, found)
            report.adopted.extend(order.id for order, _ in found)
        return report

    def _past_window(self, order: Order, broker: BrokerPort) -> bool:
        if order.created_at is None:
            return True
        window = max(self.grace, timedelta(seconds=broker.acceptance_window_s))
        return self.clock.now() - order.created_at >= window

    async def _adopt(
        self,
        broker: BrokerPort,
        account: Account,
        book: FillBooker,
        found: list[tuple[Order, BrokerOrder]],
    ) -> None:
        """The broker has them: its id, then its fills (drained, and any it no longer
        returns at its average price), then its terminal status."""
        now = self.clock.now()
        for order, known in found:
            if known.status is BrokerOrderStatus.REJECTED:
                order.reject("BROKER_REJECTED")
            else:
                order.accept(known.broker_order_id, at=order.created_at, owner_id=account.owner_id)
        try:
            drained = await broker.fills(account.id)
        except BrokerError:
            drained = None  # adopted all the same; the next sync books their fills
        if drained is not None:
            await book(drained)
            missing = [_missing_fill(order, known, now) for order, known in found if order.is_open]
            await book([f for f in missing if f is not None])
        for order, known in found:
            if order.is_open and not known.status.is_open:
                if known.status is BrokerOrderStatus.EXPIRED:
                    order.expire(at=now)
                elif known.status is not BrokerOrderStatus.FILLED:
                    order.cancel(at=now, requested=False)
            account.release_order(order)


def _missing_fill(order: Order, known: BrokerOrder, now: datetime) -> Fill | None:
    """What the broker filled that no fill it still returns accounts for (sent, say, to a
    process that died before booking it), at the broker's average price."""
    quantity = min(known.filled_quantity, order.quantity) - order.filled_quantity
    if quantity <= 0 or known.average_fill_price is None or known.average_fill_price <= 0:
        return None
    return Fill(
        id=f"{known.broker_order_id}-adopted-{known.filled_quantity}",
        order_id=order.id,
        account_id=order.account_id,
        symbol=order.symbol,
        side=order.side,
        quantity=quantity,
        price=known.average_fill_price,
        at=now,
    )


def _doubtful(order: Order, broker: BrokerPort, reason: str) -> DoubtfulOrder:
    return DoubtfulOrder(order.id, order.client_order_id, order.account_id, broker.name, reason)


async def orders_in_doubt(uow: UnitOfWork, now: datetime, grace: timedelta) -> list[Order]:
    """Every stored order in doubt now (for status pages and gauges), oldest first."""
    pending = await uow.orders.list(open_only=True, limit=1_000_000)
    doubtful = [o for o in pending if o.in_doubt(now, grace)]
    return sorted(doubtful, key=lambda o: (o.created_at or now, o.id))
