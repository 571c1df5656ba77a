"""A first sync of an account from its broker: cash, positions and open orders imported.

The broker is the truth for what it holds: cash is set to the broker's, each position to
the broker's quantity and average price (one the broker no longer holds goes flat), and
each open order the account does not know yet is adopted (counted by the gate from then
on). What cannot be imported is skipped and said why: an instrument the reference data
does not know, a client order id the account already used. Orders adopted this way were
not decided by this gate; the report names them so the owner can review them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import KW_ONLY, dataclass, field
from datetime import datetime
from decimal import Decimal

from application.core.access import ensure_may_change, owned_account
from application.core.concurrency import KeyedLocks
from application.trading.broker_router import BrokerRouter
from application.trading.in_doubt import DoubtfulOrder
from application.trading.in_doubt_watch import InDoubtResolving
from application.trading.risk_books import RiskBooks
from domain.errors import Conflict, Forbidden, NotFound, StoreUnavailable
from domain.principals import Principal, Role
from domain.trading.account_profile import AccountClosed
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, Origin, OriginKind
from domain.trading.positions import Position
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditEntry, AuditLog, EventPublisher
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory
from ports.trading.broker import BrokerAccount, BrokerError, BrokerOrder, BrokerPosition

ZERO = Decimal(0)
Lookup = Callable[[str], Awaitable[Instrument | None]]


class BrokerUnavailable(StoreUnavailable):
    """The broker could not be read now (a timeout, an outage, a rate limit): try again."""

    code = "BROKER_UNAVAILABLE"


class BrokerRefused(Conflict):
    """The broker refused to answer for this account (no credentials linked, unknown account)."""

    code = "BROKER_REFUSED"


@dataclass(frozen=True, slots=True)
class PositionChange:
    symbol: str
    quantity_before: Decimal
    quantity_after: Decimal
    average_price: Decimal


@dataclass(frozen=True, slots=True)
class AdoptedOrder:
    order_id: str
    broker_order_id: str
    client_order_id: str
    symbol: str
    side: str
    quantity: Decimal


@dataclass(frozen=True, slots=True)
class Skipped:
    """Something the broker reported that was not imported, and why (a stable code)."""

    kind: str  # "position" | "order"
    symbol: str
    reason: str
    detail: str


@dataclass(slots=True)
class SyncReport:
    """What one sync imported into the account."""

    account_id: str
    broker: str
    synced_at: datetime
    cash_before: Decimal
    cash_after: Decimal
    broker_equity: Decimal
    positions_added: list[PositionChange] = field(default_factory=list)
    positions_changed: list[PositionChange] = field(default_factory=list)
    positions_removed: list[PositionChange] = field(default_factory=list)
    positions_unchanged: int = 0
    orders_adopted: list[AdoptedOrder] = field(default_factory=list)
    orders_known: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    # Orders in doubt (approved, never acknowledged) looked up first: still unresolved ones.
    orders_in_doubt: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _BrokerState:
    account: BrokerAccount
    positions: list[BrokerPosition]
    orders: list[BrokerOrder]


@dataclass(eq=False)
class AccountSync:
    """Imports the broker's view of an account (see the module docstring); owner only."""

    uow_factory: UnitOfWorkFactory
    brokers: BrokerRouter
    clock: Clock
    ids: IdGenerator
    audit: AuditLog
    locks: KeyedLocks
    _: KW_ONLY
    books: RiskBooks | None = None
    publisher: EventPublisher | None = None
    # Resolved before the import (application/trading/in_doubt.py).
    in_doubt: InDoubtResolving | None = None

    async def sync(self, principal: Principal, account_id: str) -> SyncReport:
        ensure_may_change(principal)
        if principal.role is Role.AGENT:
            raise Forbidden("agents may not sync accounts")
        async with self.uow_factory() as uow:
            account = await owned_account(uow, principal, account_id)
        if not account.is_open:
            raise AccountClosed(f"account {account_id} is {account.status.value}")
        doubtful: list[DoubtfulOrder] = []
        if self.in_doubt is not None:  # under the account's lock of its own: not nested
            doubtful = (await self.in_doubt.resolve_in_doubt(account_id)).unresolved
        state = await self._read_broker(account)
        async with self.locks.hold(account_id):
            try:
                async with self.uow_factory() as uow:
                    account = await owned_account(uow, principal, account_id)
                    report = await self._import(uow, account, state, principal)
                    report.orders_in_doubt = [d.order_id for d in doubtful]
                    await uow.commit()
                    events = uow.collect_events()  # the adopted orders' acceptances
            finally:
                if self.books is not None:
                    self.books.forget(account_id)
        if self.publisher is not None:
            await self.publisher.publish(events)
        await self.audit.record(
            AuditEntry(
                principal.id,
                "account.sync",
                f"account:{account_id}",
                "synced",
                report.synced_at,
                {
                    "positions_added": len(report.positions_added),
                    "positions_changed": len(report.positions_changed),
                    "orders_adopted": len(report.orders_adopted),
                    "skipped": len(report.skipped),
                    "orders_in_doubt": len(report.orders_in_doubt),
                },
            )
        )
        return report

    async def _read_broker(self, account: Account) -> _BrokerState:
        try:
            broker = self.brokers.for_account(account)
        except NotFound as exc:
            raise BrokerRefused(str(exc)) from None
        try:
            return _BrokerState(
                await broker.account(account.id),
                await broker.positions(account.id),
                await broker.open_orders(account.id),
            )
        except BrokerError as exc:
            if exc.retryable:
                raise BrokerUnavailable(f"{exc.code.value}: {exc.message}") from None
            raise BrokerRefused(f"{exc.code.value}: {exc.message}") from None

    async def _import(
        self, uow: UnitOfWork, account: Account, state: _BrokerState, principal: Principal
    ) -> SyncReport:
        report = SyncReport(
            account_id=account.id,
            broker=account.broker,
            synced_at=self.clock.now(),
            cash_before=account.cash,
            cash_after=state.account.cash,
            broker_equity=state.account.equity,
        )
        account.cash = state.account.cash
        if account.start_of_day_equity == ZERO:
            account.start_day(state.account.equity)  # no history yet: today starts here
        instruments: dict[str, Instrument | None] = {}

        async def instrument(symbol: str) -> Instrument | None:
            if symbol not in instruments:
                instruments[symbol] = await uow.instruments.get(symbol)
            return instruments[symbol]

        reported = set()
        for held in state.positions:
            reported.add(held.symbol)
            found = await instrument(held.symbol)
            if found is None:
                report.skipped.append(
                    Skipped("position", held.symbol, "UNKNOWN_INSTRUMENT", _unknown(held.symbol))
                )
                continue
            _apply_position(account, held, found, report)
        for symbol, position in list(account.positions.items()):
            if symbol not in reported and not position.is_flat:
                before = position.quantity
                position.quantity = ZERO
                position.average_price = ZERO
                account.touch(symbol)
                report.positions_removed.append(PositionChange(symbol, before, ZERO, ZERO))
        await self._adopt_orders(uow, account, state.orders, instrument, report, principal)
        return report

    async def _adopt_orders(
        self,
        uow: UnitOfWork,
        account: Account,
        orders: list[BrokerOrder],
        instrument: Lookup,
        report: SyncReport,
        principal: Principal,
    ) -> None:
        known_clients = {o.client_order_id for o in account.open_orders.values()}
        known_brokers = {o.broker_order_id for o in account.open_orders.values()}
        for placed in orders:
            if placed.broker_order_id in known_brokers or placed.client_order_id in known_clients:
                report.orders_known += 1
                continue
            if await instrument(placed.symbol) is None:
                report.skipped.append(
                    Skipped("order", placed.symbol, "UNKNOWN_INSTRUMENT", _unknown(placed.symbol))
                )
                continue
            if await uow.orders.by_client_order_id(account.id, placed.client_order_id):
                report.skipped.append(
                    Skipped(
                        "order",
                        placed.symbol,
                        "CLIENT_ORDER_ID_USED",
                        f"client order id {placed.client_order_id} is taken by a closed order",
                    )
                )
                continue
            remaining = placed.quantity - placed.filled_quantity
            if remaining <= ZERO:
                continue
            order = Order(
                id=self.ids.new("ord-"),
                client_order_id=placed.client_order_id,
                account_id=account.id,
                symbol=placed.symbol,
                side=placed.side,
                quantity=remaining,
                origin=Origin(OriginKind.USER, principal.id),
                order_type=placed.order_type,
                limit_price=placed.limit_price,
                stop_price=placed.stop_price,
                created_at=self.clock.now(),
                broker=account.broker,
            )
            order.mark_pending_submit()
            order.accept(placed.broker_order_id)
            await uow.orders.add(order)
            account.track_order(order)
            report.orders_adopted.append(
                AdoptedOrder(
                    order.id,
                    placed.broker_order_id,
                    placed.client_order_id,
                    placed.symbol,
                    placed.side.value,
                    remaining,
                )
            )


def _apply_position(
    account: Account, held: BrokerPosition, instrument: Instrument, report: SyncReport
) -> None:
    position = account.positions.get(held.symbol)
    if position is None:
        account.positions[held.symbol] = Position(
            held.symbol, held.quantity, held.average_price, multiplier=instrument.multiplier
        )
        account.touch(held.symbol)
        report.positions_added.append(
            PositionChange(held.symbol, ZERO, held.quantity, held.average_price)
        )
        return
    if position.quantity == held.quantity and position.average_price == held.average_price:
        report.positions_unchanged += 1
        return
    before = position.quantity
    position.quantity = held.quantity
    position.average_price = held.average_price
    account.touch(held.symbol)
    target = report.positions_added if before == ZERO else report.positions_changed
    target.append(PositionChange(held.symbol, before, held.quantity, held.average_price))


def _unknown(symbol: str) -> str:
    return f"{symbol} is not in the instrument reference data: import it, then sync again"
