"""A portfolio's daily valuation series and its returns, recomputed on demand and stored.

Valuation (domain/portfolio/valuation.py `daily_values`): one point a calendar day, start..end
inclusive, end of day: cash + each held symbol x its latest daily close on or before the day
(MarketDataProvider.bars, timeframe 1d, UTC days; weekends and holidays carry the last close),
before its first close its last trade price. Only rows in the portfolio's base currency are
valued (no FX conversion): rows in another currency are left out and their currencies named
in `excluded_currencies`. Symbols without any daily close are named in `without_closes`.
Cash flows of a day are the external ones: deposits +, withdrawals -, shares transferred in +
or out - at the day's price; dividends, interest, fees, buys and sells are return.

Returns over the window (domain/portfolio/returns.py), fractions (0.05 = 5%):
- TWR: daily-linked, r_t = V_t / (V_{t-1} + F_t) - 1 (flows at the start of the day), the
  opening value (end of the day before `start`) entering as the first day's base;
  annualized (1 + TWR) ** (365 / days) - 1.
- MWR: the XIRR of the investor's flows (opening value and deposits paid, withdrawals and
  the closing value received), annualized ACT/365.
- Modified Dietz: (V_end - V_start - sum F) / (V_start + sum w F), w = (end - day + 1) /
  (end - start) calendar days, start = the day before `start`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from application.core.provider_closes import provider_closes
from domain.errors import InvalidTransaction
from domain.portfolio.returns import (
    annualize,
    modified_dietz,
    money_weighted_return,
    time_weighted_return,
)
from domain.portfolio.valuation import daily_values
from ports.market_data.marketdata import MarketDataProvider, QuoteUnavailable
from ports.portfolio.portfolios import Portfolio, PortfolioStore, ValuationPoint

ZERO = Decimal(0)
MAX_DAYS = 3_660  # ten years of daily points a request
DAY_COUNT = "ACT/365"


class InvalidPeriod(InvalidTransaction):
    """A performance window that is out of order, in the future or too long."""

    code = "INVALID_PERIOD"


@dataclass(frozen=True, slots=True)
class ValuationSeries:
    """The points (one a day) and what could not be valued as asked."""

    portfolio_id: str
    currency: str
    start: date
    end: date
    points: tuple[ValuationPoint, ...]
    opening_value: Decimal  # the end-of-day value of the day before `start`
    excluded_currencies: tuple[str, ...]
    without_closes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Performance:
    """The series and its returns (fractions; None when undefined, e.g. nothing invested)."""

    series: ValuationSeries
    twr: Decimal | None
    twr_annualized: Decimal | None
    mwr: Decimal | None
    modified_dietz: Decimal | None
    days: int


@dataclass(eq=False)
class ValuationService:
    """Builds, stores and reads back valuation series (module doc)."""

    store: PortfolioStore
    market: MarketDataProvider

    async def series(self, portfolio: Portfolio, start: date, end: date) -> ValuationSeries:
        """The daily series of `portfolio` over [start, end], stored (upserted) as computed."""
        base = portfolio.base_currency
        txs = await self.store.list_transactions(portfolio.id, until=end)
        counted = [t for t in txs if t.currency == base]
        excluded = tuple(sorted({t.currency for t in txs} - {base}))
        symbols = sorted({t.symbol for t in counted if t.symbol})
        closes = {s: await self._closes(s, start, end) for s in symbols}
        opening_day = start - timedelta(days=1)
        values = daily_values(counted, closes, opening_day, end, base_currency=base)
        points = tuple(
            ValuationPoint(portfolio.id, v.day, v.market_value, v.cash_flow, base)
            for v in values[1:]
        )
        await self.store.put_valuations(points)
        return ValuationSeries(
            portfolio_id=portfolio.id,
            currency=base,
            start=start,
            end=end,
            points=points,
            opening_value=values[0].market_value,
            excluded_currencies=excluded,
            without_closes=tuple(s for s in symbols if not closes[s]),
        )

    async def performance(self, portfolio: Portfolio, start: date, end: date) -> Performance:
        """The series over [start, end] and its TWR, MWR and Modified Dietz."""
        return returns_of(await self.series(portfolio, start, end))

    async def _closes(self, symbol: str, start: date, end: date) -> dict[date, Decimal]:
        # Two weeks before `start`: a close to carry into a weekend or holiday at the start.
        try:
            return await provider_closes(self.market, symbol, start - timedelta(days=15), end)
        except QuoteUnavailable:
            return {}


def check_period(start: date, end: date, today: date) -> None:
    """422 INVALID_PERIOD naming `start` or `end` unless start <= end <= today, <= MAX_DAYS."""
    if end > today:
        raise InvalidPeriod(f"end {end} is after today ({today})", field="end")
    if start > end:
        raise InvalidPeriod(f"start {start} is after end {end}", field="start")
    if (end - start).days + 1 > MAX_DAYS:
        raise InvalidPeriod(f"at most {MAX_DAYS} days a request", field="start")


def returns_of(series: ValuationSeries) -> Performance:
    """TWR, MWR and Modified Dietz of a series (module doc for the conventions)."""
    points = series.points
    days = len(points)
    opening, opening_day = series.opening_value, series.start - timedelta(days=1)
    closing = points[-1].market_value if points else opening
    flows = [(p.day, p.cash_flow) for p in points if p.cash_flow]
    twr = time_weighted_return(
        [opening, *(p.market_value for p in points)], [opening, *(p.cash_flow for p in points)]
    )
    annualized = None if twr is None or days == 0 else annualize(twr, days)
    invested = [(opening_day, opening)] if opening else []
    mwr = money_weighted_return([*invested, *flows], closing, series.end) if points else None
    dietz = modified_dietz(opening, closing, flows, opening_day, series.end) if points else None
    return Performance(series, twr, annualized, mwr, dietz, days)
