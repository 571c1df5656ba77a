"""Performance statistics of an equity curve and of closed trades.

Conventions, named here and in the field names of every result:
- Period returns are simple returns of consecutive equity values, r_t = E_t / E_(t-1) - 1
  (daily snapshots: one period is one trading day). Deposits and withdrawals are not taken
  out here; time- and money-weighted returns with cash flows belong to the ledger.
- Annualisation uses `periods_per_year` (P, 252 trading days by default).
  CAGR = (E_n / E_0) ** (P / n) - 1 over n periods.
- Volatility: sample standard deviation (n - 1) of the period returns x sqrt(P).
- Sharpe: (mean(r) - rf_p) / stdev(r) x sqrt(P), with the per-period risk-free rate
  rf_p = (1 + rf) ** (1 / P) - 1 from the annual `risk_free`.
- Sortino: (mean(r) - mar_p) / DD x sqrt(P), DD = sqrt(mean(min(0, r - mar_p) ** 2)) over
  every period (the target semideviation of Sortino and Price), mar_p from the annual
  `min_acceptable` as rf_p is from rf.
- Max drawdown: the largest fall from a running peak, as a fraction of that peak; its
  duration is the longest stretch of periods spent below an earlier peak (from the peak to
  the recovery, or to the last period when not recovered).
- Calmar: CAGR / max drawdown.
A figure that does not exist for the data (a volatility of one return, a ratio over a zero
denominator, a CAGR too large for a float) is None, never a made-up number. Ratios are
dimensionless and computed in binary floating point from the Decimal inputs; money figures
(average win and loss) stay Decimal.
Trades: a trade's result is its realized P&L net of fees. Win rate = winners / closed
trades (a breakeven trade counts as closed, not as a winner); profit factor = gross profit /
gross loss; average win and average loss (a positive amount) over winners and losers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from domain.numbers import ZERO

TRADING_DAYS = 252


@dataclass(frozen=True, slots=True)
class Drawdown:
    """The deepest fall from a running peak, and the longest time spent under one."""

    max_fraction: float  # 0.25 = 25 % below the peak
    peak_index: int  # the period of the peak before the deepest trough
    trough_index: int
    longest_periods: int  # periods below an earlier peak, longest stretch


@dataclass(frozen=True, slots=True)
class ReturnStats:
    """Statistics of an equity curve (see the module docstring for each convention)."""

    periods: int
    periods_per_year: int
    total_return: float
    cagr: float | None
    volatility_annual: float | None
    sharpe: float | None
    sortino: float | None
    calmar: float | None
    drawdown: Drawdown


@dataclass(frozen=True, slots=True)
class TradeStats:
    """Statistics of closed trades' realized P&L (net of fees)."""

    trades: int
    winners: int
    losers: int
    win_rate: float | None
    profit_factor: float | None
    average_win: Decimal | None
    average_loss: Decimal | None  # a positive amount
    gross_profit: Decimal
    gross_loss: Decimal  # a positive amount


def period_returns(equity: Sequence[Decimal]) -> list[float]:
    """Simple returns of consecutive values; ValueError on a value that is not positive."""
    for value in equity:
        if not value.is_finite() or value <= ZERO:
            raise ValueError("equity values must be positive and finite")
    return [float(b / a - 1) for a, b in pairwise(equity)]


def drawdown(equity: Sequence[Decimal]) -> Drawdown:
    """The deepest fall from a running peak (a fraction of it), and the longest time under one."""
    if not equity:
        raise ValueError("an equity curve needs at least one value")
    peak_value, peak_at = equity[0], 0
    worst, worst_peak, worst_trough = ZERO, 0, 0
    under = longest = 0
    for index, value in enumerate(equity):
        if value >= peak_value:
            peak_value, peak_at = value, index
            under = 0
            continue
        under += 1
        longest = max(longest, under)
        fall = (peak_value - value) / peak_value
        if fall > worst:
            worst, worst_peak, worst_trough = fall, peak_at, index
    return Drawdown(float(worst), worst_peak, worst_trough, longest)


def drawdown_curve(equity: Sequence[Decimal]) -> list[float]:
    """Each period's fall below the running peak, as a non-positive fraction of that peak
    (0 at a new peak; the lowest value is -drawdown(equity).max_fraction): the underwater
    curve a drawdown chart draws. ValueError on a value that is not positive."""
    peak = ZERO
    curve: list[float] = []
    for value in equity:
        if not value.is_finite() or value <= ZERO:
            raise ValueError("equity values must be positive and finite")
        peak = max(peak, value)
        curve.append(float((value - peak) / peak))
    return curve


def return_stats(
    equity: Sequence[Decimal],
    *,
    periods_per_year: int = TRADING_DAYS,
    risk_free: float = 0.0,
    min_acceptable: float = 0.0,
) -> ReturnStats:
    """Statistics of an equity curve of at least two values, one per period."""
    if len(equity) < 2:
        raise ValueError("an equity curve needs at least two values")
    if periods_per_year <= 0:
        raise ValueError("periods_per_year must be positive")
    returns = period_returns(equity)
    n = len(returns)
    growth = float(equity[-1] / equity[0])
    try:
        cagr: float | None = growth ** (periods_per_year / n) - 1
    except OverflowError:  # a huge rise over a few periods: no meaningful annual rate
        cagr = None
    mean = math.fsum(returns) / n
    stdev = _stdev(returns, mean)
    scale = math.sqrt(periods_per_year)
    rf_p = (1 + risk_free) ** (1 / periods_per_year) - 1
    mar_p = (1 + min_acceptable) ** (1 / periods_per_year) - 1
    downside = math.sqrt(math.fsum(min(0.0, r - mar_p) ** 2 for r in returns) / n)
    falls = drawdown(equity)
    return ReturnStats(
        periods=n,
        periods_per_year=periods_per_year,
        total_return=growth - 1,
        cagr=cagr,
        volatility_annual=None if stdev is None else stdev * scale,
        sharpe=None if not stdev else (mean - rf_p) / stdev * scale,
        sortino=None if not downside else (mean - mar_p) / downside * scale,
        calmar=None if not falls.max_fraction or cagr is None else cagr / falls.max_fraction,
        drawdown=falls,
    )


def trade_stats(results: Sequence[Decimal]) -> TradeStats:
    """Statistics of closed trades, each given as its realized P&L net of fees."""
    wins = [r for r in results if r > ZERO]
    losses = [-r for r in results if r < ZERO]
    gross_profit = sum(wins, ZERO)
    gross_loss = sum(losses, ZERO)
    return TradeStats(
        trades=len(results),
        winners=len(wins),
        losers=len(losses),
        win_rate=len(wins) / len(results) if results else None,
        profit_factor=float(gross_profit / gross_loss) if gross_loss else None,
        average_win=gross_profit / len(wins) if wins else None,
        average_loss=gross_loss / len(losses) if losses else None,
        gross_profit=gross_profit,
        gross_loss=gross_loss,
    )


def _stdev(values: Sequence[float], mean: float) -> float | None:
    if len(values) < 2:
        return None
    return math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (len(values) - 1))
