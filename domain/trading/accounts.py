"""Accounts: cash, positions, open orders and the equity marks risk controls need."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from domain.errors import InvalidFill
from domain.events import DomainEvent
from domain.numbers import ONE, ZERO
from domain.trading.account_profile import (
    AccountClosed,
    AccountNotEmpty,
    AccountStatus,
    AccountType,
    TradingType,
    check_allocation,
    clean_name,
)
from domain.trading.fills import Fill
from domain.trading.orders import Order
from domain.trading.positions import Position

RECENT_CHANGES = 64  # symbols remembered by the change log; a reader further behind rebuilds


class MissingMark(LookupError):
    """No price is known for a symbol the account holds."""


@dataclass(slots=True, eq=False)
class Account:
    """A trading account aggregate owned by one user."""

    id: str
    owner_id: str
    cash: Decimal
    currency: str = "USD"
    broker: str = "paper"
    positions: dict[str, Position] = field(default_factory=dict)
    open_orders: dict[str, Order] = field(default_factory=dict)
    day_realized_pnl: Decimal = ZERO
    start_of_day_equity: Decimal = ZERO
    peak_equity: Decimal = ZERO
    version: int = 0
    name: str = ""
    account_type: AccountType = AccountType.TAXABLE
    trading_type: TradingType = TradingType.MARGIN
    status: AccountStatus = AccountStatus.OPEN
    target_allocation: dict[str, Decimal] = field(default_factory=dict)
    created_at: datetime | None = None
    events: list[DomainEvent] = field(default_factory=list, repr=False)
    # The change log incremental readers follow (domain/risk/book.py): every change of a
    # position or of the open orders counts one and names the order, or the symbol of a
    # position; not persisted.
    change_count: int = field(default=0, repr=False)
    recent_changes: deque[str | Order] = field(
        default_factory=lambda: deque(maxlen=RECENT_CHANGES), repr=False
    )

    # -- valuation -------------------------------------------------------------
    def market_value(self, marks: Mapping[str, Decimal]) -> Decimal:
        return self._summed(marks, Position.market_value)

    def equity(self, marks: Mapping[str, Decimal]) -> Decimal:
        """Cash plus the signed market value of every position."""
        return self.cash + self.market_value(marks)

    def gross_exposure(self, marks: Mapping[str, Decimal]) -> Decimal:
        return self._summed(marks, Position.notional)

    def unrealized_pnl(self, marks: Mapping[str, Decimal]) -> Decimal:
        return self._summed(marks, Position.unrealized_pnl)

    def _summed(
        self, marks: Mapping[str, Decimal], measure: Callable[[Position, Decimal], Decimal]
    ) -> Decimal:
        """`measure` of every open position at its mark, summed."""
        total = ZERO
        for symbol, position in self.positions.items():
            if position.quantity:
                total += measure(position, mark_of(marks, symbol))
        return total

    def day_pnl(self, marks: Mapping[str, Decimal]) -> Decimal:
        """Realized + unrealized P&L since the start of the day (equity change)."""
        return self.equity(marks) - self.start_of_day_equity

    def drawdown(self, marks: Mapping[str, Decimal]) -> Decimal:
        """Fraction below peak equity (0 when at or above the peak)."""
        peak = self.peak_equity
        if peak <= ZERO:
            return ZERO
        return max(ZERO, (peak - self.equity(marks)) / peak)

    def position(self, symbol: str) -> Position | None:
        return self.positions.get(symbol)

    def position_quantity(self, symbol: str) -> Decimal:
        position = self.positions.get(symbol)
        return position.quantity if position is not None else ZERO

    # -- profile and lifecycle -------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.status is AccountStatus.OPEN

    @property
    def cash_only(self) -> bool:
        """A cash account never borrows: no margin credit, no short."""
        return self.trading_type is TradingType.CASH

    def rename(self, name: str) -> None:
        self.name = clean_name(name)

    def set_target_allocation(self, allocation: Mapping[str, Decimal]) -> None:
        """Replace the targets: fractions in [0, 1] summing to at most 1 (the rest is cash)."""
        self.target_allocation = check_allocation(allocation)

    def close(self) -> None:
        """Stop trading for good; refused while anything is held or working."""
        if self.status is AccountStatus.ARCHIVED:
            raise AccountClosed(f"account {self.id} is archived already")
        self._retire(AccountStatus.CLOSED)

    def archive(self) -> None:
        """Close and hide from the default listing; refused as `close` is."""
        self._retire(AccountStatus.ARCHIVED)

    def _retire(self, status: AccountStatus) -> None:
        held = sorted(s for s, p in self.positions.items() if not p.is_flat)
        if held or self.open_orders:
            raise AccountNotEmpty(
                f"account {self.id} holds {len(held)} position(s) and "
                f"{len(self.open_orders)} open order(s); flatten and cancel first"
            )
        self.status = status

    # -- changes ---------------------------------------------------------------
    def track_order(self, order: Order) -> None:
        """Count an approved order as open (the gate counts open orders)."""
        if order.account_id != self.id:
            raise InvalidFill(f"order {order.id} is not of account {self.id}")
        self.open_orders[order.id] = order
        self.touch(order)

    def release_order(self, order: Order) -> None:
        """Forget an order once it is terminal (its remaining quantity may have moved anyway)."""
        if order.is_terminal:
            self.open_orders.pop(order.id, None)
        self.touch(order)

    def apply_fill(self, fill: Fill, multiplier: Decimal = ONE) -> Decimal:
        """Book an execution: position, cash and day's realized P&L. Returns realized P&L."""
        if fill.account_id != self.id:
            raise InvalidFill(f"fill {fill.id} is not of account {self.id}")
        position = self.positions.get(fill.symbol)
        if position is None:
            position = Position(fill.symbol, multiplier=multiplier)
            self.positions[fill.symbol] = position
        realized = position.apply_fill(fill.side, fill.quantity, fill.price)
        self.touch(fill.symbol)
        self.cash -= fill.signed_quantity * fill.price * position.multiplier + fill.commission
        self.day_realized_pnl += realized - fill.commission
        return realized

    def touch(self, change: str | Order) -> None:
        """Record that an order, or a symbol's position, changed (call after changing it)."""
        self.change_count += 1
        self.recent_changes.append(change)

    def observe_equity(self, equity: Decimal) -> None:
        """Raise the peak when equity makes a new high."""
        if equity > self.peak_equity:
            self.peak_equity = equity

    def start_day(self, equity: Decimal) -> None:
        """Roll the trading day: start-of-day equity resets, day's realized P&L to zero."""
        self.start_of_day_equity = equity
        self.day_realized_pnl = ZERO
        self.observe_equity(equity)


def mark_of(marks: Mapping[str, Decimal], symbol: str) -> Decimal:
    """`symbol`'s mark, or MissingMark: the one failure every valuation's caller handles."""
    try:
        return marks[symbol]
    except KeyError:
        raise MissingMark(symbol) from None
