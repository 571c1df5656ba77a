"""The excess-alpha donation suggestion (rule: domain/analytics/giving/suggestion.py), from
posted returns or from one of the caller's portfolios, with the cash deduction room left.

From a portfolio: R_p is its time-weighted return over [start, end] (application/
valuations.py, flows excluded), V_0 the value at the period's start (the end of its first day
when the portfolio opened inside the period). The benchmark's return is posted. With `agi`,
the answer adds the room left under the cash limit of the end's tax year: the percentage of
rules_for(year) times AGI minus the cash gifts recorded that year (carryovers aside), and how
much of the suggestion would fit in it. Nothing is stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from application.portfolio.giving import GivingService
from application.portfolio.portfolios import PortfolioService
from application.portfolio.valuations import ValuationService, check_period
from domain.analytics.giving.deduction import rules_for
from domain.analytics.giving.model import InvalidGivingInput
from domain.analytics.giving.suggestion import Suggestion, suggest_donation
from domain.principals import Principal
from ports.core.clock import Clock

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class SuggestionRequest:
    benchmark_return: Decimal
    threshold: Decimal
    share: Decimal
    cap: Decimal | None = None
    portfolio_return: Decimal | None = None  # posted, with start_value
    start_value: Decimal | None = None
    portfolio_id: str | None = None  # or read from a portfolio over [start, end]
    start: date | None = None
    end: date | None = None
    agi: Decimal | None = None


@dataclass(frozen=True, slots=True)
class CashRoom:
    tax_year: int
    agi: Decimal
    cash_percent: Decimal
    cash_given: Decimal
    room: Decimal  # max(0, percent x AGI - cash given)
    deductible_now: Decimal  # min(suggested, room)


@dataclass(frozen=True, slots=True)
class SuggestionView:
    suggestion: Suggestion
    portfolio_id: str | None
    start: date | None
    end: date | None
    room: CashRoom | None


@dataclass(eq=False)
class GivingSuggestionService:
    giving: GivingService
    clock: Clock
    portfolios: PortfolioService | None = None
    valuations: ValuationService | None = None

    async def suggest(self, principal: Principal, request: SuggestionRequest) -> SuggestionView:
        today = self.clock.now().date()
        start = end = None
        if request.portfolio_id is not None:
            if request.portfolio_return is not None or request.start_value is not None:
                raise InvalidGivingInput(
                    "give portfolio_id or portfolio_return with start_value, not both",
                    field="portfolio_id",
                )
            if self.portfolios is None or self.valuations is None:
                raise InvalidGivingInput("portfolios are not served here", field="portfolio_id")
            end = request.end or today
            start = request.start or date(end.year, 1, 1)
            check_period(start, end, today)
            portfolio = await self.portfolios.get(principal, request.portfolio_id)
            performance = await self.valuations.performance(portfolio, start, end)
            if performance.twr is None:
                raise InvalidGivingInput(
                    "the portfolio has no return over the period (no value to grow)",
                    field="portfolio_id",
                )
            series = performance.series
            base = series.opening_value
            if base <= ZERO and series.points:
                base = series.points[0].market_value
            portfolio_return, start_value = performance.twr, base
        else:
            if request.portfolio_return is None or request.start_value is None:
                raise InvalidGivingInput(
                    "give portfolio_return and start_value, or a portfolio_id",
                    field="portfolio_return" if request.portfolio_return is None else "start_value",
                )
            portfolio_return, start_value = request.portfolio_return, request.start_value
        suggestion = suggest_donation(
            start_value,
            portfolio_return,
            request.benchmark_return,
            threshold=request.threshold,
            share=request.share,
            cap=request.cap,
        )
        room = None
        if request.agi is not None:
            year = (end or today).year
            percent = rules_for(year).cash_percent
            given = await self.giving.cash_given(principal, year)
            left = max(ZERO, percent * max(request.agi, ZERO) - given)
            fits = min(suggestion.suggested, left)
            room = CashRoom(year, request.agi, percent, given, left, fits)
        return SuggestionView(suggestion, request.portfolio_id, start, end, room)
