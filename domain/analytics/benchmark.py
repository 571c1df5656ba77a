"""Benchmark-relative statistics of period returns: beta, Jensen's alpha, tracking error, IR.

Conventions (the names of the result fields repeat them):
- Inputs are simple period returns (r_t = V_t / V_(t-1) - 1) of the portfolio and of the
  benchmark over the same periods, paired one to one: `align` pairs two date-keyed series on
  the dates both have. `span_returns` measures the benchmark over the portfolio's own periods
  (from the last close on or before a period's first day to the close of its last day), so
  a period that spans a weekend or a missed snapshot is compared with the same span.
- Beta = cov(r_p, r_b) / var(r_b), both with the sample convention (n - 1 denominators, so
  the ratio is the ordinary least-squares slope of r_p on r_b).
- Alpha is Jensen's: per period, a = mean(r_p - rf_p) - beta x mean(r_b - rf_p), with the
  per-period risk-free rate rf_p = (1 + rf) ** (1 / P) - 1 from the annual `risk_free`
  (as in domain.analytics.performance); annualized arithmetically, alpha = a x P.
- Active returns are a_t = r_p,t - r_b,t. Tracking error = sample standard deviation (n - 1)
  of a_t x sqrt(P). Information ratio = mean(a) x P / tracking error.
- P = `periods_per_year`, 252 trading days by default.
A figure that is undefined for the data is None, never a made-up number: every figure needs
at least two aligned periods; beta and alpha need a benchmark that varies; the information
ratio needs active returns that vary. "Varies" means a spread of more than 1e-12 between the
largest and smallest value: less is the rounding of float arithmetic (the tracking error
is then 0.0 and the information ratio None).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.analytics.performance import TRADING_DAYS

MIN_POINTS = 2
FLAT = 1e-12  # a spread of returns below this is float rounding: zero variance


@dataclass(frozen=True, slots=True)
class BenchmarkStats:
    """Benchmark-relative statistics of paired period returns (see the module docstring)."""

    points: int  # aligned periods used
    periods_per_year: int
    beta: float | None
    alpha_annual: float | None
    tracking_error_annual: float | None
    information_ratio: float | None
    benchmark_total_return: float | None  # compounded over the aligned periods


def align(
    portfolio: Mapping[date, float], benchmark: Mapping[date, float]
) -> tuple[list[float], list[float]]:
    """The two series' returns on the dates both have, oldest first."""
    common = sorted(portfolio.keys() & benchmark.keys())
    return [portfolio[d] for d in common], [benchmark[d] for d in common]


def span_returns(
    closes: Mapping[date, Decimal], periods: Sequence[tuple[date, date]]
) -> dict[date, float]:
    """The benchmark's return over each (from_day, to_day) period, keyed by `to_day`: the close
    of `to_day` over the last close on or before `from_day`. A period is left out when
    `to_day` has no close or nothing closed on or before `from_day`."""
    days = sorted(closes)
    returns: dict[date, float] = {}
    for first, last in periods:
        if last not in closes:
            continue
        at = bisect_right(days, first)
        if at == 0 or closes[days[at - 1]] <= 0:
            continue
        returns[last] = float(closes[last] / closes[days[at - 1]] - 1)
    return returns


def beta(returns: Sequence[float], benchmark: Sequence[float]) -> float | None:
    """Sample cov(r_p, r_b) / sample var(r_b); None under two points or a flat benchmark."""
    _check_paired(returns, benchmark)
    if len(returns) < MIN_POINTS or _flat(benchmark):
        return None
    mean_p = math.fsum(returns) / len(returns)
    mean_b = math.fsum(benchmark) / len(benchmark)
    covariance = math.fsum(
        (p - mean_p) * (b - mean_b) for p, b in zip(returns, benchmark, strict=True)
    )
    variance = math.fsum((b - mean_b) ** 2 for b in benchmark)
    return covariance / variance  # the (n - 1) denominators cancel


def alpha(
    returns: Sequence[float],
    benchmark: Sequence[float],
    *,
    periods_per_year: int = TRADING_DAYS,
    risk_free: float = 0.0,
) -> float | None:
    """Jensen's alpha, annualized arithmetically (per-period alpha x P)."""
    slope = beta(returns, benchmark)
    if slope is None:
        return None
    rf_p = _per_period(risk_free, periods_per_year)
    mean_p = math.fsum(returns) / len(returns)
    mean_b = math.fsum(benchmark) / len(benchmark)
    return ((mean_p - rf_p) - slope * (mean_b - rf_p)) * periods_per_year


def tracking_error(
    returns: Sequence[float], benchmark: Sequence[float], *, periods_per_year: int = TRADING_DAYS
) -> float | None:
    """Sample standard deviation of the active returns x sqrt(P); None under two points."""
    active = _active(returns, benchmark)
    if len(active) < MIN_POINTS:
        return None
    if _flat(active):
        return 0.0
    mean = math.fsum(active) / len(active)
    variance = math.fsum((a - mean) ** 2 for a in active) / (len(active) - 1)
    return math.sqrt(variance) * math.sqrt(periods_per_year)


def information_ratio(
    returns: Sequence[float], benchmark: Sequence[float], *, periods_per_year: int = TRADING_DAYS
) -> float | None:
    """Annualized mean active return / tracking error; None when the error is zero or undefined."""
    error = tracking_error(returns, benchmark, periods_per_year=periods_per_year)
    if not error:
        return None
    active = _active(returns, benchmark)
    return math.fsum(active) / len(active) * periods_per_year / error


def benchmark_stats(
    returns: Sequence[float],
    benchmark: Sequence[float],
    *,
    periods_per_year: int = TRADING_DAYS,
    risk_free: float = 0.0,
) -> BenchmarkStats:
    """Every benchmark-relative figure of paired period returns at once."""
    _check_paired(returns, benchmark)
    if periods_per_year <= 0:
        raise ValueError("periods_per_year must be positive")
    growth = math.prod(1 + b for b in benchmark)
    return BenchmarkStats(
        points=len(returns),
        periods_per_year=periods_per_year,
        beta=beta(returns, benchmark),
        alpha_annual=alpha(
            returns, benchmark, periods_per_year=periods_per_year, risk_free=risk_free
        ),
        tracking_error_annual=tracking_error(returns, benchmark, periods_per_year=periods_per_year),
        information_ratio=information_ratio(returns, benchmark, periods_per_year=periods_per_year),
        benchmark_total_return=growth - 1 if benchmark else None,
    )


def _check_paired(returns: Sequence[float], benchmark: Sequence[float]) -> None:
    if len(returns) != len(benchmark):
        raise ValueError("the portfolio and benchmark returns must be paired one to one")
    if not all(math.isfinite(r) for r in (*returns, *benchmark)):
        raise ValueError("returns must be finite")


def _active(returns: Sequence[float], benchmark: Sequence[float]) -> list[float]:
    _check_paired(returns, benchmark)
    return [p - b for p, b in zip(returns, benchmark, strict=True)]


def _flat(values: Sequence[float]) -> bool:
    """Zero variance: every value within FLAT of the others. Returns are fractions, so a
    spread under 1e-12 is the rounding of a float subtraction, not a movement."""
    return max(values) - min(values) <= FLAT


def _per_period(annual: float, periods_per_year: int) -> float:
    return float((1 + annual) ** (1 / periods_per_year) - 1)
