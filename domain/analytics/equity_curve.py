"""Daily equity snapshots to performance inputs: time-weighted returns, exposure, turnover.

Conventions:
- Time-weighted return (TWR) of day t, with external flows (deposits positive, withdrawals
  negative) assumed to arrive at the START of the day, before any trading:
      r_t = E_t / (E_(t-1) + F_t) - 1
  where E_t is the equity at the day's snapshot (after its flows) and F_t the net external
  flow of day t. A deposit therefore earns the whole day's return and is never counted as a
  gain; a first deposit into an empty account (E_(t-1) = 0) is handled (its base is F_t).
  The first snapshot is the starting point: its own flow is part of the starting equity.
  A day whose base E_(t-1) + F_t is not positive (an empty account, everything withdrawn)
  has no capital at risk and counts as a return of 0.
- `unit_values` chains the daily TWRs into a unit value (a NAV per unit starting at 1),
  computed in Decimal, so domain.analytics.performance.return_stats can read it as an
  equity curve without flows.
- Exposure: the average over days of gross exposure / equity (gross = sum of |market value|
  of the positions; 1.0 = fully invested, above 1 = levered); days with equity <= 0 skipped.
- Turnover: traded notional (sum of |quantity x price| of the fills, buys and sells both:
  two-sided) / average equity over the days. `total` is over the days given; `annualized`
  scales the total by P / days (P = 252 trading days by default).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from domain.analytics.performance import TRADING_DAYS
from domain.numbers import ONE, ZERO


@dataclass(frozen=True, slots=True)
class Turnover:
    """Traded notional over average equity: over the days given, and scaled to a year."""

    days: int
    traded_notional: Decimal
    average_equity: Decimal
    total: float
    annualized: float


def time_weighted_returns(equity: Sequence[Decimal], flows: Sequence[Decimal]) -> list[Decimal]:
    """Daily TWRs, flows at the start of the day (see the module docstring): one per day after
    the first, as Decimal fractions (0.01 = +1 %)."""
    if len(equity) != len(flows):
        raise ValueError("every snapshot needs its day's flow")
    for value in (*equity, *flows):
        if not value.is_finite():
            raise ValueError("equity and flows must be finite")
    returns = []
    for t in range(1, len(equity)):
        base = equity[t - 1] + flows[t]
        returns.append(ZERO if base <= ZERO else equity[t] / base - ONE)
    return returns


def unit_values(equity: Sequence[Decimal], flows: Sequence[Decimal]) -> list[Decimal]:
    """The unit value (1 at the first snapshot) that the daily TWRs compound to."""
    values = [ONE] if equity else []
    for r in time_weighted_returns(equity, flows):
        values.append(values[-1] * (ONE + r))
    return values


def average_exposure(gross_exposure: Sequence[Decimal], equity: Sequence[Decimal]) -> float | None:
    """Mean of gross exposure / equity over the days with positive equity; None without one."""
    if len(gross_exposure) != len(equity):
        raise ValueError("every snapshot needs its gross exposure")
    ratios = [g / e for g, e in zip(gross_exposure, equity, strict=True) if e > ZERO]
    if not ratios:
        return None
    return float(sum(ratios, ZERO) / len(ratios))


def turnover(
    traded_notional: Sequence[Decimal],
    equity: Sequence[Decimal],
    *,
    periods_per_year: int = TRADING_DAYS,
) -> Turnover | None:
    """Two-sided traded notional / average equity; None without days or with no positive equity."""
    if len(traded_notional) != len(equity):
        raise ValueError("every snapshot needs its traded notional")
    if periods_per_year <= 0:
        raise ValueError("periods_per_year must be positive")
    if not equity:
        return None
    average = sum(equity, ZERO) / len(equity)
    if average <= ZERO:
        return None
    traded = sum((abs(n) for n in traded_notional), ZERO)
    total = float(traded / average)
    return Turnover(
        days=len(equity),
        traded_notional=traded,
        average_equity=average,
        total=total,
        annualized=total * periods_per_year / len(equity),
    )
