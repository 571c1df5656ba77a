"""Positions: signed quantity, average price and P&L, long or short, flipping through zero."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.errors import InvalidFill
from domain.numbers import ONE, ZERO
from domain.trading.orders import Side


@dataclass(slots=True)
class Position:
    """A net position in one symbol. `quantity` > 0 is long, < 0 short."""

    symbol: str
    quantity: Decimal = ZERO
    average_price: Decimal = ZERO
    realized_pnl: Decimal = ZERO
    multiplier: Decimal = ONE

    @property
    def is_flat(self) -> bool:
        return self.quantity == ZERO

    @property
    def is_long(self) -> bool:
        return self.quantity > ZERO

    @property
    def is_short(self) -> bool:
        return self.quantity < ZERO

    def apply_fill(self, side: Side, quantity: Decimal, price: Decimal) -> Decimal:
        """Apply an execution and return the P&L it realized."""
        if quantity <= ZERO or price <= ZERO:
            raise InvalidFill("fill quantity and price must be positive")
        signed = quantity * side.sign
        old = self.quantity
        new = old + signed
        realized = ZERO
        if old == ZERO or (old > ZERO) == (signed > ZERO):
            # Opening or adding: volume-weighted average price.
            self.average_price = (abs(old) * self.average_price + quantity * price) / abs(new)
        else:
            closed = min(quantity, abs(old))
            direction = ONE if old > ZERO else -ONE
            realized = closed * (price - self.average_price) * direction * self.multiplier
            if new == ZERO:
                self.average_price = ZERO
            elif (new > ZERO) != (old > ZERO):
                # Flipped through zero: the remainder opened at this fill's price.
                self.average_price = price
        self.quantity = new
        self.realized_pnl += realized
        return realized

    def market_value(self, mark: Decimal) -> Decimal:
        """Signed value at `mark` (negative for a short)."""
        return self.quantity * mark * self.multiplier

    def notional(self, mark: Decimal) -> Decimal:
        """Absolute exposure at `mark`."""
        return abs(self.quantity) * mark * self.multiplier

    def unrealized_pnl(self, mark: Decimal) -> Decimal:
        return self.quantity * (mark - self.average_price) * self.multiplier

    def reduces(self, side: Side, quantity: Decimal) -> bool:
        """True when an order of `side`/`quantity` only shrinks this position (no flip)."""
        if self.quantity == ZERO or quantity <= ZERO:
            return False
        opposite = (self.quantity > ZERO) != (side.sign > 0)
        return opposite and quantity <= abs(self.quantity)
