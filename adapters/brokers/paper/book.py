"""One paper account's state: cash, positions, orders and the fills not yet drained."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from adapters.brokers.paper.matching import PaperOrder
from domain.trading.fills import Fill
from domain.trading.positions import Position

ZERO = Decimal(0)
# Closed orders kept per account (to answer a retried submit or a late cancel); beyond it the
# oldest closed ones are forgotten, so a long-running paper broker's memory stays bounded.
KEPT_CLOSED_ORDERS = 10_000


@dataclass(slots=True)
class Valuation:
    """Equity and gross exposure of an account at given marks."""

    equity: Decimal
    gross_exposure: Decimal

    def buying_power(self, leverage: Decimal) -> Decimal:
        return max(ZERO, self.equity * leverage - self.gross_exposure)


@dataclass(slots=True, eq=False)
class AccountBook:
    """Everything the paper broker keeps for one account; open orders are a subset of orders."""

    account_id: str
    cash: Decimal
    positions: dict[str, Position] = field(default_factory=dict)
    orders: dict[str, PaperOrder] = field(default_factory=dict)
    open_orders: dict[str, PaperOrder] = field(default_factory=dict)
    by_client_id: dict[str, PaperOrder] = field(default_factory=dict)
    fills: list[Fill] = field(default_factory=list)

    def position_quantity(self, symbol: str) -> Decimal:
        position = self.positions.get(symbol)
        return position.quantity if position is not None else ZERO

    def held_symbols(self) -> list[str]:
        return sorted(symbol for symbol, p in self.positions.items() if p.quantity != ZERO)

    def apply_fill(self, fill: Fill) -> None:
        position = self.positions.get(fill.symbol)
        if position is None:
            position = self.positions[fill.symbol] = Position(fill.symbol)
        position.apply_fill(fill.side, fill.quantity, fill.price)
        self.cash -= fill.signed_quantity * fill.price + fill.commission

    def forget_old_orders(self, keep: int = KEPT_CLOSED_ORDERS) -> int:
        """Drop the oldest closed orders beyond `keep` (+10 %); open ones stay. Returns dropped."""
        closed = len(self.orders) - len(self.open_orders)
        if closed <= keep * 1.1:
            return 0
        excess = closed - keep
        doomed: list[PaperOrder] = []
        for order in self.orders.values():
            if len(doomed) >= excess:
                break
            if order.broker_order_id not in self.open_orders:
                doomed.append(order)
        for order in doomed:
            del self.orders[order.broker_order_id]
            if self.by_client_id.get(order.client_order_id) is order:
                del self.by_client_id[order.client_order_id]
        return len(doomed)

    def drain_fills(self) -> list[Fill]:
        drained, self.fills = self.fills, []
        return drained

    def value(self, marks: Mapping[str, Decimal]) -> Valuation:
        """Value positions at `marks`, falling back to a position's average price."""
        equity = self.cash
        gross = ZERO
        for symbol, position in self.positions.items():
            if position.quantity == ZERO:
                continue
            mark = marks.get(symbol) or position.average_price
            equity += position.quantity * mark
            gross += abs(position.quantity) * mark
        return Valuation(equity, gross)
