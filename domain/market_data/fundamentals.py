"""A company's key ratios as a market-data vendor states them (None: the vendor gave none)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class KeyRatios:
    """Valuation and quality ratios of one symbol; fractions (0.25 is 25 %), money in the
    symbol's trading currency."""

    symbol: str
    source: str
    at: datetime
    market_cap: Decimal | None = None
    trailing_pe: Decimal | None = None
    forward_pe: Decimal | None = None
    price_to_book: Decimal | None = None
    price_to_sales: Decimal | None = None
    dividend_yield: Decimal | None = None
    trailing_eps: Decimal | None = None
    beta: Decimal | None = None
    profit_margin: Decimal | None = None
    return_on_equity: Decimal | None = None
    debt_to_equity: Decimal | None = None
