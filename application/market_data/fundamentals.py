"""A symbol's fundamentals: the key ratios a market-data vendor states, each with its meaning.

`FundamentalsService.fundamentals(symbol)` asks the feed (the failover composite: the first
provider that offers fundamentals answers; one that does not is passed over) for the symbol's
key ratios (ports/market_data/market_reference.py KeyRatiosSource) and names each ratio's
definition and unit. Values are the vendor's, as of the time it was asked (`as_of`); the
vendor's own conventions are normalised by its adapter (fractions, not percent: 0.25 is 25 %).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Final

from application.market_data.market import MarketDataUnavailable, provider_answer
from application.market_data.options_requests import valid_symbol
from domain.market_data.fundamentals import KeyRatios
from ports.market_data.market_reference import KeyRatiosSource

# name -> (unit, definition); in the order they are served.
RATIOS: Final[dict[str, tuple[str, str]]] = {
    "market_cap": ("money", "Market capitalisation: shares outstanding x price, in the "
                   "symbol's trading currency"),
    "trailing_pe": ("multiple", "Price / earnings per share of the last twelve months"),
    "forward_pe": ("multiple", "Price / the analysts' consensus earnings per share of the next "
                   "fiscal year"),
    "price_to_book": ("multiple", "Price / book value (equity) per share, last reported"),
    "price_to_sales": ("multiple", "Market capitalisation / revenue of the last twelve months"),
    "dividend_yield": ("fraction", "Annual dividends per share / price (0.02 is 2 %)"),
    "trailing_eps": ("money", "Earnings per share of the last twelve months, in the symbol's "
                     "trading currency"),
    "beta": ("multiple", "Slope of the stock's returns on its market's returns (the vendor's "
             "window, typically 5 years of monthly returns)"),
    "profit_margin": ("fraction", "Net income / revenue, last twelve months"),
    "return_on_equity": ("fraction", "Net income / shareholders' equity, last twelve months"),
    "debt_to_equity": ("fraction", "Total debt / shareholders' equity (1.45 is 145 %)"),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Ratio:
    name: str
    value: Decimal | None  # None: the vendor stated none
    unit: str  # money, multiple or fraction
    definition: str


@dataclass(frozen=True, slots=True)
class Fundamentals:
    symbol: str
    source: str  # the vendor that answered
    as_of: datetime
    ratios: tuple[Ratio, ...]


def fundamentals_of(ratios: KeyRatios) -> Fundamentals:
    return Fundamentals(
        ratios.symbol,
        ratios.source,
        ratios.at,
        tuple(
            Ratio(name, getattr(ratios, name), unit, definition)
            for name, (unit, definition) in RATIOS.items()
        ),
    )


@dataclass(eq=False)
class FundamentalsService:
    """Key ratios of a symbol from `source` (a feed without fundamentals answers 503)."""

    source: object  # a KeyRatiosSource when the feed offers fundamentals

    async def fundamentals(self, symbol: str) -> Fundamentals:
        wanted = valid_symbol(symbol)
        source = self.source
        if not hasattr(source, "key_ratios"):
            raise MarketDataUnavailable(
                "no market-data provider here offers fundamentals", retryable=False
            )
        ratios_source: KeyRatiosSource = source  # type: ignore[assignment]
        try:
            ratios = await provider_answer(
                ratios_source.key_ratios(wanted),
                f"fundamentals of {wanted}",
                f"no fundamentals for symbol {wanted}",
            )
        except MarketDataUnavailable as exc:
            if exc.retryable:
                raise
            # Only "not offered" answers: no provider of this feed has fundamentals.
            raise MarketDataUnavailable(
                f"no market-data provider here offers fundamentals of {wanted}", retryable=False
            ) from exc
        return fundamentals_of(ratios)
