"""Fills: executions reported by a broker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from domain.events import DomainEvent
from domain.numbers import ZERO
from domain.trading.orders import Side


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


@dataclass(frozen=True, slots=True)
class FillBooked(DomainEvent):
    """A fill was booked on its trading account (position and cash moved); the portfolio
    ledger books it as a BUY/SELL transaction (application/portfolio/portfolio_fills.py).

    `currency` is the account's; `multiplier` the instrument's contract multiplier (the
    ledger's price is per unit of quantity: fill price x multiplier). Optional, for
    surveillance: `owner_id`, the account's owner (the beneficial owner), and `order_id`,
    Bulwark's id of the order filled when known (a broker may name it by the client order id).
    """

    account_id: str
    fill: Fill
    currency: str = "USD"
    multiplier: Decimal = Decimal(1)
    owner_id: str = ""
    order_id: str = ""
