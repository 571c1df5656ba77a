"""Portfolio risk metrics: exposures, leverage, sector weights, and VaR / CVaR from returns."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from statistics import NormalDist

import numpy as np
import numpy.typing as npt

from domain.errors import DomainError
from domain.numbers import RETURN_BOUND, bounded_arithmetic
from domain.trading.accounts import Account, MissingMark
from domain.trading.instruments import Instrument

ZERO = Decimal(0)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
UNCLASSIFIED = "UNCLASSIFIED"
REPORT_CONFIDENCES = (0.95, 0.99)

FloatArray = npt.NDArray[np.float64]


class InsufficientReturns(DomainError):
    """Fewer than two finite observations: no quantile or deviation can be estimated."""

    code = "INSUFFICIENT_RETURNS"


class InvalidRiskInput(DomainError):
    """A risk-metric parameter is out of range (confidence, prices, portfolio value)."""

    code = "INVALID_RISK_INPUT"


# -- portfolio exposures -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SectorWeight:
    """Gross notional of one sector and its share of equity (None when equity ≤ 0)."""

    sector: str
    gross_notional: Decimal
    weight: Decimal | None


@dataclass(frozen=True, slots=True)
class PortfolioMetrics:
    """A snapshot of an account's exposures at given marks.

    Exposures are money; `short_exposure` is a magnitude (≥ 0) while `net_exposure`
    is signed. Weights and `drawdown` are fractions; `day_pnl_percent` is in percent.
    """

    equity: Decimal
    gross_exposure: Decimal
    net_exposure: Decimal
    long_exposure: Decimal
    short_exposure: Decimal
    leverage: Decimal | None
    sector_weights: tuple[SectorWeight, ...]
    drawdown: Decimal
    day_pnl: Decimal
    day_pnl_percent: Decimal | None
    largest_position_weight: Decimal | None
    position_count: int


def portfolio_metrics(
    account: Account,
    instruments: Mapping[str, Instrument],
    marks: Mapping[str, Decimal],
) -> PortfolioMetrics:
    """Exposures of `account` at `marks`; a held symbol without a mark raises MissingMark.

    Sectors come from `instruments`; a symbol missing there counts as UNCLASSIFIED.
    Sector weights are sorted by gross notional, largest first, then by name.
    Arithmetic runs in the bounded context: an absurd magnitude is NumberOutOfRange.
    """
    with bounded_arithmetic("portfolio metrics"):
        return _portfolio_metrics(account, instruments, marks)


def _portfolio_metrics(
    account: Account,
    instruments: Mapping[str, Instrument],
    marks: Mapping[str, Decimal],
) -> PortfolioMetrics:
    long_exposure = ZERO
    short_exposure = ZERO
    largest = ZERO
    count = 0
    by_sector: dict[str, Decimal] = {}
    for symbol, position in account.positions.items():
        if position.is_flat:
            continue
        mark = _mark(marks, symbol)
        value = position.market_value(mark)
        notional = position.notional(mark)
        if value >= ZERO:
            long_exposure += value
        else:
            short_exposure -= value
        instrument = instruments.get(symbol)
        sector = instrument.sector if instrument is not None else UNCLASSIFIED
        by_sector[sector] = by_sector.get(sector, ZERO) + notional
        largest = max(largest, notional)
        count += 1

    equity = account.equity(marks)
    has_equity = equity > ZERO
    gross = long_exposure + short_exposure
    sectors = sorted(by_sector.items(), key=lambda item: (-item[1], item[0]))
    day_pnl = account.day_pnl(marks)
    start = account.start_of_day_equity
    return PortfolioMetrics(
        equity=equity,
        gross_exposure=gross,
        net_exposure=long_exposure - short_exposure,
        long_exposure=long_exposure,
        short_exposure=short_exposure,
        leverage=gross / equity if has_equity else None,
        sector_weights=tuple(
            SectorWeight(name, notional, notional / equity if has_equity else None)
            for name, notional in sectors
        ),
        drawdown=account.drawdown(marks),
        day_pnl=day_pnl,
        day_pnl_percent=day_pnl * HUNDRED / start if start > ZERO else None,
        largest_position_weight=largest / equity if has_equity else None,
        position_count=count,
    )


def _mark(marks: Mapping[str, Decimal], symbol: str) -> Decimal:
    # Same failure as Account's own valuation, so callers handle one exception type.
    try:
        return marks[symbol]
    except KeyError:
        raise MissingMark(symbol) from None


# -- value at risk ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VaRLevel:
    """VaR and CVaR at one confidence, as loss fractions and as money (to the cent)."""

    confidence: float
    historical_var: float
    historical_cvar: float
    parametric_var: float
    parametric_cvar: float
    historical_var_amount: Decimal
    historical_cvar_amount: Decimal
    parametric_var_amount: Decimal
    parametric_cvar_amount: Decimal


@dataclass(frozen=True, slots=True)
class VaRReport:
    """One-period VaR / CVaR of a portfolio at 95% and 99%."""

    observations: int
    portfolio_value: Decimal
    at_95: VaRLevel
    at_99: VaRLevel


def returns_from_prices(prices: npt.ArrayLike) -> FloatArray:
    """Simple returns p[t] / p[t−1] − 1 of a 1-D price series (one fewer element)."""
    series = np.asarray(prices, dtype=np.float64)
    if series.ndim != 1:
        raise InvalidRiskInput(f"prices must be one-dimensional, got {series.ndim} dimensions")
    if series.size < 2:
        raise InsufficientReturns(f"need at least 2 prices, got {series.size}")
    # NaN is let through (it yields NaN returns, dropped by the VaR functions).
    if np.any(series <= 0.0):
        raise InvalidRiskInput("prices must be positive")
    result: FloatArray = series[1:] / series[:-1] - 1.0
    return result


def historical_var(returns: npt.ArrayLike, confidence: float) -> float:
    """Empirical `confidence` quantile of losses (−returns), numpy's linear interpolation.

    A positive number is a loss fraction (0.023 = a 2.3% loss); it is negative only
    when even the tail of the sample is a gain. Non-finite observations are dropped.
    """
    losses = -_clean(returns)
    return float(np.quantile(losses, _confidence(confidence)))


def historical_cvar(returns: npt.ArrayLike, confidence: float) -> float:
    """Mean of the losses at or beyond the historical VaR (expected shortfall)."""
    losses = -_clean(returns)
    var = float(np.quantile(losses, _confidence(confidence)))
    tail = losses[losses >= var]
    # A float mean can round a hair outside [var, worst loss]; the true tail mean cannot.
    return min(max(float(np.mean(tail)), var), float(tail.max()))


def parametric_var(returns: npt.ArrayLike, confidence: float) -> float:
    """Gaussian VaR z·σ − μ, with the sample mean and standard deviation (ddof=1)."""
    mean, stdev = _moments(returns)
    z = NormalDist().inv_cdf(_confidence(confidence))
    return z * stdev - mean


def parametric_cvar(returns: npt.ArrayLike, confidence: float) -> float:
    """Gaussian expected shortfall σ·φ(z) / (1 − c) − μ."""
    mean, stdev = _moments(returns)
    level = _confidence(confidence)
    normal = NormalDist()
    z = normal.inv_cdf(level)
    return stdev * normal.pdf(z) / (1.0 - level) - mean


def var_report(returns: npt.ArrayLike, portfolio_value: Decimal) -> VaRReport:
    """Historical and Gaussian VaR / CVaR at 95% and 99%, also as money on `portfolio_value`."""
    if not portfolio_value.is_finite() or portfolio_value < ZERO:
        raise InvalidRiskInput(f"portfolio value must be finite and ≥ 0, got {portfolio_value}")
    clean = _clean(returns)
    if clean.size and float(np.max(np.abs(clean))) > RETURN_BOUND:
        raise InvalidRiskInput(
            f"returns must lie within ±{RETURN_BOUND:g} (fractions)", field="returns"
        )
    with bounded_arithmetic("value at risk"):
        at_95, at_99 = (_level(clean, level, portfolio_value) for level in REPORT_CONFIDENCES)
    return VaRReport(
        observations=int(clean.size),
        portfolio_value=portfolio_value,
        at_95=at_95,
        at_99=at_99,
    )


def _level(returns: FloatArray, confidence: float, value: Decimal) -> VaRLevel:
    fractions = (
        historical_var(returns, confidence),
        historical_cvar(returns, confidence),
        parametric_var(returns, confidence),
        parametric_cvar(returns, confidence),
    )
    h_var, h_cvar, p_var, p_cvar = fractions
    h_var_amt, h_cvar_amt, p_var_amt, p_cvar_amt = (_money(f, value) for f in fractions)
    return VaRLevel(
        confidence=confidence,
        historical_var=h_var,
        historical_cvar=h_cvar,
        parametric_var=p_var,
        parametric_cvar=p_cvar,
        historical_var_amount=h_var_amt,
        historical_cvar_amount=h_cvar_amt,
        parametric_var_amount=p_var_amt,
        parametric_cvar_amount=p_cvar_amt,
    )


def _money(fraction: float, value: Decimal) -> Decimal:
    # repr() is the shortest string that round-trips, so 0.1 stays 0.1, not 0.1000000000000000055.
    return (Decimal(repr(fraction)) * value).quantize(CENT, rounding=ROUND_HALF_EVEN)


def _clean(returns: npt.ArrayLike) -> FloatArray:
    series = np.asarray(returns, dtype=np.float64)
    if series.ndim != 1:
        raise InvalidRiskInput(f"returns must be one-dimensional, got {series.ndim} dimensions")
    finite: FloatArray = series[np.isfinite(series)]
    if finite.size < 2:
        raise InsufficientReturns(f"need at least 2 finite returns, got {finite.size}")
    return finite


def _moments(returns: npt.ArrayLike) -> tuple[float, float]:
    clean = _clean(returns)
    return float(np.mean(clean)), float(np.std(clean, ddof=1))


def _confidence(confidence: float) -> float:
    if not (math.isfinite(confidence) and 0.0 < confidence < 1.0):
        raise InvalidRiskInput(f"confidence must be in (0, 1), got {confidence}")
    return float(confidence)
