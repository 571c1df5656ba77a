"""Fills: executions reported by a broker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from domain.trading.orders import Side

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Fill:
    """One execution of (part of) an order."""

    id: str
    order_id: str
    account_id: str
    symbol: str
    side: Side
    quantity: Decimal
    price: Decimal
    at: datetime
    commission: Decimal = ZERO

    @property
    def signed_quantity(self) -> Decimal:
        return self.quantity * self.side.sign
