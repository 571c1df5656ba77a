"""A symbol's financial statements from the vendors that serve them, and ratios computed from them.

`StatementsService.statements(symbol, period, limit)` asks the feed (the failover composite:
the first provider that offers statements answers; one that does not is passed over) for the
last `limit` fiscal years or quarters (ports/market_data/statements.py), then computes the
latest period's ratios (domain/market_data/statement_ratios.py). PEG's price is the feed's
quote of the symbol now; without one PEG is None and says so. The answer names its source, the
periods it used, and how many were asked and found.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from application.market_data.market import (
    InvalidMarketRequest,
    MarketDataUnavailable,
    SymbolNotFound,
    provider_answer,
)
from application.market_data.options_requests import valid_symbol
from domain.market_data.statement_ratios import StatementRatios, statement_ratios
from domain.market_data.statements import FinancialStatements, StatementPeriod
from ports.market_data.statements import FinancialStatementsSource

MAX_PERIODS: Final = 40
DEFAULT_PERIODS: Final = 4


@dataclass(frozen=True, slots=True)
class StatementsAnswer:
    """The statements found (`statements.periods`, newest first), `asked` periods wanted, the
    ratios of the newest one, and the price PEG used (None: `price_note` says why)."""

    statements: FinancialStatements
    asked: int
    ratios: StatementRatios
    price: Decimal | None
    price_note: str | None


@dataclass(eq=False)
class StatementsService:
    """Statements and their ratios from `source` (a feed without statements answers 503)."""

    source: object  # a FinancialStatementsSource (and a quote source) when the feed offers them

    async def statements(
        self, symbol: str, period: StatementPeriod | str, limit: int = DEFAULT_PERIODS
    ) -> StatementsAnswer:
        wanted = valid_symbol(symbol)
        try:
            length = StatementPeriod(period)
        except ValueError:
            raise InvalidMarketRequest("period", "must be annual or quarterly") from None
        if not 1 <= limit <= MAX_PERIODS:
            raise InvalidMarketRequest("limit", f"must be in [1, {MAX_PERIODS}], got {limit}")
        found = await self._statements(wanted, length, limit)
        if not found.periods:
            raise SymbolNotFound(f"no financial statements for symbol {wanted}")
        price, note = await self._price(wanted)
        return StatementsAnswer(found, limit, statement_ratios(found, price), price, note)

    async def _statements(
        self, symbol: str, period: StatementPeriod, limit: int
    ) -> FinancialStatements:
        if not hasattr(self.source, "financial_statements"):
            raise MarketDataUnavailable(
                "no market-data provider here offers financial statements", retryable=False
            )
        source: FinancialStatementsSource = self.source  # type: ignore[assignment]
        try:
            return await provider_answer(
                source.financial_statements(symbol, period, limit),
                f"financial statements of {symbol}",
                f"no financial statements for symbol {symbol}",
            )
        except MarketDataUnavailable as exc:
            if exc.retryable:
                raise
            # Only "not offered" answers: no provider of this feed has statements.
            raise MarketDataUnavailable(
                f"no market-data provider here offers financial statements of {symbol}",
                retryable=False,
            ) from exc

    async def _price(self, symbol: str) -> tuple[Decimal | None, str | None]:
        """The feed's price of `symbol` now, or None and why (PEG then says it had none)."""
        quote_of = getattr(self.source, "quote", None)
        if quote_of is None:
            return None, "the feed serves no quotes"
        try:
            quote = await quote_of(symbol)
        except Exception as exc:  # a missing price costs PEG only, never the statements
            return None, f"no quote for {symbol}: {type(exc).__name__}"
        price: Decimal = quote.mid
        if price <= 0:
            return None, f"no positive price for {symbol}"
        return price, None
