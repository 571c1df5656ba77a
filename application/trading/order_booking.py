"""The order path's last stage: send approved orders, book fills, cancel and sync.

OrderService (application/trading/orders.py) runs the stages: OrderGate decides, OrderJournal
records, and this dispatch holds what happens once an order is approved or must be reconciled
with the broker: each of these runs under the account's lock, on the held account
(application/trading/risk_books.py) when books are kept, and forgets that copy when its unit of
work fails.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import KW_ONLY, InitVar, dataclass, field, replace
from datetime import datetime, timedelta

from application.core.access import account_for
from application.core.concurrency import KeyedLocks
from application.core.inbox import claim
from application.core.loop_turns import turn_after
from application.core.retry import retry_on_conflict
from application.portfolio.portfolio_fills import fill_events
from application.trading.broker_router import BrokerRouter
from application.trading.fills import book_fills, ordered_by
from application.trading.halts import HaltLatch, SendRefused
from application.trading.in_doubt import DEFAULT_GRACE, InDoubtReport, InDoubtResolver
from application.trading.risk_books import RiskBooks
from application.trading.snapshots import instrument_map
from domain.errors import Conflict, NotFound
from domain.principals import Principal
from domain.trading.accounts import Account
from domain.trading.fills import Fill
from domain.trading.orders import Order, OrderStatus
from ports.core.clock import Clock
from ports.core.events import EventPublisher
from ports.core.tracing import NO_TRACER, Tracer
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory
from ports.market_data.marketdata import Quote
from ports.trading.broker import BrokerError, BrokerErrorCode, BrokerPort


@dataclass(eq=False)
class OrderDispatch:
    """Sending, booking, cancelling and syncing."""

    uow_factory: UnitOfWorkFactory
    brokers: BrokerRouter
    publisher: EventPublisher
    clock: Clock
    locks: KeyedLocks
    _: KW_ONLY
    # Shared with the kill switch's thread: a halt binds the sends below at once.
    latch: HaltLatch
    # Accounts and their risk views held between units of work
    # (application/trading/risk_books.py).
    books: RiskBooks | None = None
    tracer: Tracer = NO_TRACER  # spans: broker.submit / cancel, store.commit, orders.in_doubt
    in_doubt_grace: InitVar[timedelta] = DEFAULT_GRACE
    # Approved orders never acknowledged by their broker (application/trading/in_doubt.py).
    in_doubt: InDoubtResolver = field(init=False)

    def __post_init__(self, in_doubt_grace: timedelta) -> None:
        self.in_doubt = InDoubtResolver(self.clock, in_doubt_grace)

    async def send(self, account_id: str, approved: list[Order]) -> dict[str, Order]:
        """Send approved orders to the broker, in order, and book what it says in one commit."""
        # The orders were created with the account's broker, in the decisions' transaction.
        broker = self.brokers.named(approved[0].broker)
        answers: list[tuple[str, str | BrokerError]] = []
        # When each order left for the broker and the touch then (surveillance).
        sent: dict[str, tuple[datetime, Quote | None]] = {}
        with self.latch.sending_batch(account_id):
            for index, order in enumerate(approved):
                await turn_after(index)  # a halt set meanwhile binds the orders after it
                sent[order.id] = (self.clock.now(), self._touch(order.symbol))
                try:
                    self.latch.check(order)
                    with self.tracer.span("broker.submit", broker=order.broker):
                        ack = await broker.submit(order)
                except SendRefused as refused:
                    halted = BrokerError(BrokerErrorCode.HALTED, str(refused))
                    answers.append((order.id, halted))
                except BrokerError as exc:
                    answers.append((order.id, exc))
                else:
                    answers.append((order.id, ack.broker_order_id))
        try:
            fills = await broker.fills(account_id)
        except BrokerError:
            # The answers are booked all the same; the fills come with the next drain.
            fills = []

        async def book() -> dict[str, Order]:
            async with self.uow_factory() as uow, self.holding(account_id):
                stored = await self.account(uow, account_id)
                if stored is None:
                    raise NotFound(f"account {account_id} vanished before submission")
                orders: dict[str, Order] = {}
                for order_id, answer in answers:
                    order = await uow.orders.get(order_id)
                    if order is None:
                        raise NotFound(f"order {order_id} vanished before submission")
                    if order.status is not OrderStatus.PENDING_SUBMIT:
                        # Resolved meanwhile as in doubt (by the kill switch, or another
                        # instance): what the broker said then stands.
                        orders[order_id] = order
                        continue
                    if isinstance(answer, BrokerError):
                        order.reject(answer.code.value)
                        stored.release_order(order)
                    else:
                        at, touch = sent[order_id]
                        order.accept(
                            answer,
                            at=at,
                            owner_id=stored.owner_id,
                            bid=touch.bid if touch is not None else None,
                            ask=touch.ask if touch is not None else None,
                        )
                    orders[order_id] = order
                await self._book_fills(uow, stored, fills)
                with self.tracer.span("store.commit", step="broker_answers"):
                    await uow.commit()
                await self.publisher.publish(uow.collect_events())
                return orders

        return await retry_on_conflict(book)

    async def _book(self, uow: UnitOfWork, broker: BrokerPort, account: Account) -> int:
        return await self._book_new_fills(uow, account, await broker.fills(account.id))

    async def _book_new_fills(self, uow: UnitOfWork, account: Account, fills: list[Fill]) -> int:
        """Book the fills a broker returned that are not booked yet: a restarted adapter may
        be given again what the process before it booked, and a fill must move the position
        and cash once (the store keeps a fill id once, the account would not)."""
        if fills:
            booked = await uow.fills.stored([f.id for f in fills])
            fills = [f for f in fills if f.id not in booked]
        return await self._book_fills(uow, account, fills)

    async def _book_fills(self, uow: UnitOfWork, account: Account, fills: list[Fill]) -> int:
        if not fills:
            return 0
        if self.books is not None:
            instruments = await self.books.instruments(uow, self.clock.now(), fills[0].symbol)
        else:
            instruments = await instrument_map(uow)
        order_ids = ordered_by(fills, account.open_orders)  # before booking releases them
        booked = book_fills(account, fills, account.open_orders, instruments)
        for fill in fills:
            # Kept under Bulwark's id of its order, whichever id the broker named it by.
            named = order_ids.get(fill.id, fill.order_id)
            await uow.fills.add(fill if named == fill.order_id else replace(fill, order_id=named))
        # -> the ledger, and surveillance
        account.events.extend(fill_events(account, fills, instruments, order_ids))
        return booked

    def _touch(self, symbol: str) -> Quote | None:
        """The touch now, from the held books' quote board (None without one: unknown)."""
        return self.books.touch(symbol) if self.books is not None else None

    async def cancel(
        self, principal: Principal, order_id: str, *, message_id: str | None = None
    ) -> Order:
        """Ask the broker to cancel; the order is CANCELED once the broker no longer lists it.
        A held order, never sent, is withdrawn at once."""
        async with self.uow_factory() as uow:
            order = await uow.orders.get(order_id)
            if order is None:
                raise NotFound(f"order {order_id} not found")
            account_id = (await account_for(uow, principal, order.account_id)).id
        async with self.locks.hold(account_id), self.uow_factory() as uow, self.holding(account_id):
            account = await self.account(uow, account_id)
            order = await uow.orders.get(order_id)
            if order is None or account is None:
                raise NotFound(f"order {order_id} not found")
            await claim(uow, message_id, "order.cancel", self.clock.now())
            if order.is_held:  # never sent: withdrawn here, no broker to ask
                order.cancel(at=self.clock.now())
                await uow.commit()
                await self.publisher.publish(uow.collect_events())
                return order
            if not order.is_open:
                raise Conflict(f"order {order_id} is {order.status.value}, not open")
            broker = self.brokers.for_account(account)
            await self._settle(uow, broker, account)
            if order.broker_order_id is not None and order.is_open:
                with self.tracer.span("broker.cancel", broker=account.broker):
                    await broker.cancel(account.id, order.broker_order_id)
            await self._book(uow, broker, account)
            await self._reconcile(uow, broker, account, requested=order.id)
            with self.tracer.span("store.commit", step="cancel"):
                await uow.commit()
            await self.publisher.publish(uow.collect_events())
            return order

    async def sync(self, account_id: str) -> int:
        """Resolve the orders in doubt, book the broker's fills and close orders it no longer
        lists; returns orders closed (never sent ones included)."""
        async with self.locks.hold(account_id), self.uow_factory() as uow, self.holding(account_id):
            account = await self.account(uow, account_id)
            if account is None:
                raise NotFound(f"account {account_id} not found")
            broker = self.brokers.for_account(account)
            settled = await self._settle(uow, broker, account)
            await self._book(uow, broker, account)
            closed = await self._reconcile(uow, broker, account)
            await uow.commit()
            await self.publisher.publish(uow.collect_events())
            return closed + len(settled.never_sent)

    async def resolve_in_doubt(
        self, account_id: str, only: frozenset[str] | None = None
    ) -> InDoubtReport:
        """Look the account's orders in doubt (of `only` client order ids, when given) up at
        its broker now, under its lock (application/trading/in_doubt.py)."""
        async with self.locks.hold(account_id), self.uow_factory() as uow, self.holding(account_id):
            account = await self.account(uow, account_id)
            if account is None:
                raise NotFound(f"account {account_id} not found")
            if not self.in_doubt.in_doubt(account.open_orders.values()):
                return InDoubtReport()  # nothing to look up: no broker call, no commit
            broker = self.brokers.for_account(account)
            report = await self._settle(uow, broker, account, only=only)
            await uow.commit()
            await self.publisher.publish(uow.collect_events())
            return report

    async def _settle(
        self,
        uow: UnitOfWork,
        broker: BrokerPort,
        account: Account,
        *,
        only: frozenset[str] | None = None,
    ) -> InDoubtReport:
        """The account's orders in doubt looked up at its broker: adopted, closed or kept."""

        async def book(fills: list[Fill]) -> int:
            return await self._book_new_fills(uow, account, fills)

        if not self.in_doubt.in_doubt(account.open_orders.values()):
            return InDoubtReport()
        with self.tracer.span("orders.in_doubt", broker=broker.name):
            return await self.in_doubt.resolve(broker, account, book, only=only)

    async def _reconcile(
        self, uow: UnitOfWork, broker: BrokerPort, account: Account, requested: str | None = None
    ) -> int:
        """Orders the broker no longer lists as open (and that did not fill) are canceled;
        `requested` names the one its owner asked to cancel (the others: the broker's doing)."""
        still_open = {o.client_order_id for o in await broker.open_orders(account.id)}
        closed = 0
        now = self.clock.now()
        for order in list(account.open_orders.values()):
            if order.broker_order_id is not None and order.client_order_id not in still_open:
                order.cancel(at=now, requested=order.id == requested)
                account.release_order(order)
                closed += 1
        return closed

    async def account(self, uow: UnitOfWork, account_id: str) -> Account | None:
        """The account under its lock: the held copy (adopted by `uow`) when books are kept."""
        if self.books is None:
            return await uow.accounts.get(account_id)
        return await self.books.account(uow, account_id, self.clock.now())

    async def lags(self, uow: UnitOfWork, account: Account) -> bool:
        """Whether the held copy `uow` adopted is behind the stored account (RiskBooks.lags)."""
        return self.books is not None and await self.books.lags(uow, account)

    @contextlib.asynccontextmanager
    async def holding(self, account_id: str) -> AsyncIterator[None]:
        """Forget the held copy of the account when the unit of work around it fails."""
        try:
            yield
        except BaseException:
            if self.books is not None:
                self.books.forget(account_id)
            raise
