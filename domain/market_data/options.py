"""Option chains: the listed contracts of one underlying with their quotes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from domain.trading.instruments import OptionRight


@dataclass(frozen=True, slots=True)
class OptionQuote:
    """One contract (OCC symbol) with its market; greeks are the provider's when it sends them."""

    symbol: str
    underlying: str
    expiry: date
    strike: Decimal
    right: OptionRight
    bid: Decimal
    ask: Decimal
    last: Decimal
    volume: int = 0
    open_interest: int = 0
    implied_volatility: float | None = None
    delta: float | None = None


@dataclass(frozen=True, slots=True)
class OptionChain:
    """Contracts sorted by expiry, strike, then right (call before put)."""

    underlying: str
    underlying_price: Decimal
    at: datetime
    contracts: tuple[OptionQuote, ...]

    def expiries(self) -> list[date]:
        return sorted({c.expiry for c in self.contracts})
