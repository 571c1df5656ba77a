"""Vendors that serve companies' financial statements (domain/market_data/statements.py)."""

from __future__ import annotations

from typing import Protocol

from domain.market_data.statements import FinancialStatements, StatementPeriod


class FinancialStatementsSource(Protocol):
    """A symbol's income statements, balance sheets and cash-flow statements of its last
    `limit` fiscal periods (years or quarters), newest first; fewer when the vendor has fewer.

    A vendor that does not offer statements raises a non-retryable ProviderError; a symbol the
    vendor does not know (or has no statements for) raises QuoteUnavailable; a failure or a
    rate limit raises a retryable ProviderError (ProviderRateLimited).
    """

    name: str

    async def financial_statements(
        self, symbol: str, period: StatementPeriod, limit: int
    ) -> FinancialStatements: ...
