"""Read side of accounts and orders: account figures at current marks, positions, order pages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from application.core.access import SEES_ALL, Visibility, account_seen, may_see, visibility
from application.core.cursors import decode_time_id, encode_time_id
from application.core.paging import Page, PageRequest, page_of
from application.trading.snapshots import instrument_map
from domain.errors import DomainError, NotFound
from domain.margin import MarginInputError, MarginSchedule, assess_margin
from domain.principals import Principal, Role
from domain.trading.account_profile import AccountStatus, AccountType, TradingType
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, OrderStatus, Side
from ports.core.repositories import ORDERS_EPOCH, OrderCursor, OrderSearch
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort

MAX_PAGE = 200
ZERO = Decimal(0)


class InvalidQuery(DomainError):
    """A read query with a page size out of range or a cursor that was not handed out."""

    code = "INVALID_QUERY"


@dataclass(frozen=True, slots=True)
class OrderQuery(PageRequest):
    """Filters of an order listing; `cursor` is the `next_cursor` of the previous page.

    `origin_id` is the user, strategy or agent behind the order; an empty `status`
    set filters nothing.
    """

    account_id: str | None = None
    status: frozenset[OrderStatus] | None = None
    symbol: str | None = None
    side: Side | None = None
    origin_id: str | None = None


OrderPage = Page[Order]  # newest first


@dataclass(frozen=True, slots=True)
class PositionView:
    """One open position; the mark-dependent figures are None when no mark is known."""

    symbol: str
    quantity: Decimal
    average_price: Decimal
    mark: Decimal | None
    market_value: Decimal | None
    unrealized_pnl: Decimal | None
    realized_pnl: Decimal


@dataclass(frozen=True, slots=True)
class AccountView:
    """An account's figures at current marks; None where a held symbol has no mark."""

    id: str
    owner_id: str
    broker: str
    cash: Decimal
    equity: Decimal | None
    buying_power: Decimal | None
    day_pnl: Decimal | None
    start_of_day_equity: Decimal
    peak_equity: Decimal
    open_orders: int
    positions: int
    currency: str = "USD"
    name: str = ""
    account_type: AccountType = AccountType.TAXABLE
    trading_type: TradingType = TradingType.MARGIN
    status: AccountStatus = AccountStatus.OPEN
    target_allocation: Mapping[str, Decimal] = field(default_factory=dict)
    created_at: datetime | None = None


@dataclass(eq=False)
class AccountQueries:
    """What a principal may see of accounts and orders; anything else answers NotFound."""

    uow_factory: UnitOfWorkFactory
    market_data: MarketDataPort
    schedule: MarginSchedule = field(default_factory=MarginSchedule)

    async def list_accounts(
        self, principal: Principal, status: AccountStatus | None = None
    ) -> list[AccountView]:
        """The accounts the principal may see (of one status when given), by id."""
        async with self.uow_factory() as uow:
            accounts = await _visible_accounts(uow, principal)
            if status is not None:
                accounts = [a for a in accounts if a.status is status]
            instruments = await instrument_map(uow)
        marks = await self._marks(accounts)
        return [self._view(a, instruments, marks) for a in sorted(accounts, key=lambda a: a.id)]

    async def visibility(self, principal: Principal) -> Visibility | None:
        """The accounts and agents the principal may see; None for supervisors and viewers (all)."""
        async with self.uow_factory() as uow:
            return await visibility(uow, principal)

    async def account(self, principal: Principal, account_id: str) -> AccountView:
        async with self.uow_factory() as uow:
            account = await account_seen(uow, principal, account_id)
            instruments = await instrument_map(uow)
        return self._view(account, instruments, await self._marks([account]))

    async def positions(self, principal: Principal, account_id: str) -> list[PositionView]:
        """Open positions by symbol."""
        async with self.uow_factory() as uow:
            account = await account_seen(uow, principal, account_id)
        marks = await self._marks([account])
        views = []
        for symbol, position in sorted(account.positions.items()):
            if position.is_flat:
                continue
            mark = marks.get(symbol)
            views.append(
                PositionView(
                    symbol=symbol,
                    quantity=position.quantity,
                    average_price=position.average_price,
                    mark=mark,
                    market_value=None if mark is None else position.market_value(mark),
                    unrealized_pnl=None if mark is None else position.unrealized_pnl(mark),
                    realized_pnl=position.realized_pnl,
                )
            )
        return views

    async def orders(self, principal: Principal, query: OrderQuery) -> OrderPage:
        """A page of orders, newest first; the cursor stays valid while orders are added."""
        if not 1 <= query.limit <= MAX_PAGE:
            raise InvalidQuery(f"limit must be between 1 and {MAX_PAGE}")
        after = decode_cursor(query.cursor) if query.cursor is not None else None
        async with self.uow_factory() as uow:
            if query.account_id is not None:
                account_ids: tuple[str, ...] | None = (
                    (await account_seen(uow, principal, query.account_id)).id,
                )
            else:
                account_ids = await _visible_account_ids(uow, principal)
            if account_ids == ():
                return Page([], None)
            found = await uow.orders.search(
                OrderSearch(
                    account_ids=account_ids,
                    statuses=query.status or None,
                    symbol=query.symbol.strip().upper() if query.symbol else None,
                    side=query.side,
                    origin_id=query.origin_id,
                    after=after,
                    limit=query.limit + 1,  # one more tells whether another page exists
                )
            )
        return page_of(found, query.limit, encode_cursor)

    async def order(self, principal: Principal, order_id: str) -> Order:
        async with self.uow_factory() as uow:
            order = await uow.orders.get(order_id)
            account = None if order is None else await uow.accounts.get(order.account_id)
            if order is None or account is None or not await may_see(uow, principal, account):
                raise NotFound(f"order {order_id} not found")
        return order

    # -- helpers ---------------------------------------------------------------------
    async def _marks(self, accounts: list[Account]) -> dict[str, Decimal]:
        symbols = sorted({s for a in accounts for s, p in a.positions.items() if not p.is_flat})
        return await self.market_data.reference_prices(symbols) if symbols else {}

    def _view(
        self, account: Account, instruments: Mapping[str, Instrument], marks: Mapping[str, Decimal]
    ) -> AccountView:
        held = [s for s, p in account.positions.items() if not p.is_flat]
        equity = buying_power = day_pnl = None
        if all(s in marks for s in held):
            equity = account.equity(marks)
            day_pnl = equity - account.start_of_day_equity
            if account.cash_only:
                buying_power = max(account.cash, ZERO)  # a cash account spends only its cash
            else:
                try:
                    margin = assess_margin(account, instruments, marks, self.schedule)
                    buying_power = margin.buying_power
                except MarginInputError:
                    buying_power = None  # an instrument without reference data: no guess
        return AccountView(
            id=account.id,
            owner_id=account.owner_id,
            broker=account.broker,
            cash=account.cash,
            equity=equity,
            buying_power=buying_power,
            day_pnl=day_pnl,
            start_of_day_equity=account.start_of_day_equity,
            peak_equity=account.peak_equity,
            open_orders=len(account.open_orders),
            positions=len(held),
            currency=account.currency,
            name=account.name,
            account_type=account.account_type,
            trading_type=account.trading_type,
            status=account.status,
            target_allocation=dict(account.target_allocation),
            created_at=account.created_at,
        )


async def _visible_accounts(uow: UnitOfWork, principal: Principal) -> list[Account]:
    if principal.role in SEES_ALL:
        return await uow.accounts.list()
    if principal.role is Role.AGENT:
        agent = await uow.agents.get(principal.id)
        found = [await uow.accounts.get(a) for a in (agent.account_ids if agent else ())]
        candidates = [a for a in found if a is not None]
    else:
        candidates = await uow.accounts.list(principal.id)
    return [a for a in candidates if await may_see(uow, principal, a)]


async def _visible_account_ids(uow: UnitOfWork, principal: Principal) -> tuple[str, ...] | None:
    """None (every account) for a supervisor or viewer; else the ids the principal may see."""
    seen = await visibility(uow, principal)
    return None if seen is None else tuple(sorted(seen.account_ids))


def encode_cursor(order: Order) -> str:
    """The opaque position after `order` in newest-first order."""
    return encode_time_id(order.created_at or ORDERS_EPOCH, order.id)


def decode_cursor(cursor: str) -> OrderCursor:
    """The position a cursor from `encode_cursor` stands for; InvalidQuery for anything else."""
    position = decode_time_id(cursor)
    if position is None:
        raise InvalidQuery("invalid cursor")
    return OrderCursor(*position)
