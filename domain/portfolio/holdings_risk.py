"""Risk figures of a ledger portfolio's current holdings, and its tax drag.

Conventions (every answer repeats them):
- **Current-holdings backcast**, not the realised history: today's share quantities (summed
  across the accounts, base-currency positions only, cash left out) are held fixed and valued
  at each day's stored split- and dividend-adjusted close; V_d = sum q_s x close_s,d on the
  days every held symbol has a close (a day missing one symbol's close is left out).
- Volatility, Sharpe and max drawdown of that series are domain.analytics.performance's
  `return_stats` (simple daily returns, sample stdev x sqrt(252), Sharpe with the per-day
  risk-free rate (1 + rf) ** (1/252) - 1, drawdown a fraction of the running peak).
- Beta is domain.analytics.benchmark's `beta` (sample cov / sample var) of the series' daily
  returns against the benchmark's adjusted-close returns on the days both have a return.
- **Tax drag**: the estimated tax on what the portfolio realised in the window, over the
  backcast series' average value: (net short-term gains x `short_term_rate` + net long-term
  gains x `long_term_rate` + dividends x `dividend_rate` + interest x `short_term_rate`) /
  mean(V). Gains are the tax engine's realised rows (domain/tax: proceeds - adjusted basis +
  wash-sale disallowed) of taxable accounts sold in the window; net losses of one term offset
  gains of the other, a net loss overall costs 0 (no carryforward, no $3,000 offset); only
  base-currency rows of taxable accounts count.
A figure the data cannot give is None, never a made-up number.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.numbers import ZERO


@dataclass(frozen=True, slots=True)
class TaxableIncome:
    """What a window realised in taxable accounts, in the base currency."""

    short_term_gains: Decimal  # net; negative is a net loss
    long_term_gains: Decimal
    dividends: Decimal
    interest: Decimal


def backcast_values(
    quantities: Mapping[str, Decimal], closes: Mapping[str, Mapping[date, Decimal]]
) -> list[tuple[date, Decimal]]:
    """V_d = sum q_s x close_s,d on the days every symbol of `quantities` has a close, oldest
    first. Every symbol must be in `closes` (KeyError otherwise)."""
    if not quantities:
        return []
    days: set[date] | None = None
    for symbol in quantities:
        have = set(closes[symbol])
        days = have if days is None else days & have
    return [
        (day, sum((q * closes[s][day] for s, q in quantities.items()), ZERO))
        for day in sorted(days or ())
    ]


def daily_returns(values: Iterable[tuple[date, Decimal]]) -> dict[date, float]:
    """Simple returns keyed by the later day (r_d = V_d / V_prev - 1); a non-positive
    previous value gives no return."""
    out: dict[date, float] = {}
    previous: Decimal | None = None
    for day, value in values:
        if previous is not None and previous > ZERO:
            out[day] = float(value / previous - 1)
        previous = value
    return out


def tax_cost(
    income: TaxableIncome,
    *,
    short_term_rate: Decimal,
    long_term_rate: Decimal,
    dividend_rate: Decimal,
) -> Decimal:
    """The estimated tax of `income` (module doc: cross-term netting, no loss benefit)."""
    short, long_ = income.short_term_gains, income.long_term_gains
    if short < ZERO < long_:
        short, long_ = ZERO, max(ZERO, long_ + short)
    elif long_ < ZERO < short:
        short, long_ = max(ZERO, short + long_), ZERO
    short, long_ = max(short, ZERO), max(long_, ZERO)
    return (
        short * short_term_rate
        + long_ * long_term_rate
        + income.dividends * dividend_rate
        + income.interest * short_term_rate
    )
