"""A level-2 order book: price levels on each side, best first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class BookLevel:
    """Resting size at one price; `orders` is how many orders make it, when the venue says."""

    price: Decimal
    size: Decimal
    orders: int | None = None


@dataclass(frozen=True, slots=True)
class OrderBook:
    """Bids best (highest) first, asks best (lowest) first; never crossed."""

    symbol: str
    bids: tuple[BookLevel, ...]
    asks: tuple[BookLevel, ...]
    at: datetime

    def __post_init__(self) -> None:
        if any(a.price >= b.price for a, b in zip(self.bids[1:], self.bids, strict=False)):
            raise ValueError(f"book {self.symbol}: bids must be strictly descending")
        if any(a.price <= b.price for a, b in zip(self.asks[1:], self.asks, strict=False)):
            raise ValueError(f"book {self.symbol}: asks must be strictly ascending")
        if self.bids and self.asks and self.bids[0].price >= self.asks[0].price:
            raise ValueError(f"book {self.symbol}: crossed ({self.bids[0].price} >= ask)")
        if any(level.size <= 0 for level in (*self.bids, *self.asks)):
            raise ValueError(f"book {self.symbol}: every level needs a positive size")

    @property
    def best_bid(self) -> BookLevel | None:
        return self.bids[0] if self.bids else None

    @property
    def best_ask(self) -> BookLevel | None:
        return self.asks[0] if self.asks else None
