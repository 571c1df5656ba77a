"""Market-data port: quotes and reference prices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Quote:
    """Top of book. `last` is the last trade; `mid` is the reference when both sides exist."""

    symbol: str
    bid: Decimal
    ask: Decimal
    last: Decimal
    at: datetime
    bid_size: Decimal = Decimal(0)
    ask_size: Decimal = Decimal(0)

    @property
    def mid(self) -> Decimal:
        if self.bid > 0 and self.ask > 0:
            return (self.bid + self.ask) / 2
        return self.last


class QuoteUnavailable(LookupError):
    """No quote is known for a symbol (unknown, or the provider is down)."""


class MarketDataPort(Protocol):
    """Read-only prices.

    `quote` raises QuoteUnavailable when it has none; `reference_prices`
    returns what it has and leaves unknown symbols out (callers fail closed).
    """

    async def quote(self, symbol: str) -> Quote: ...

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]: ...
