"""Portfolio risk metrics: exposures, leverage, sector weights, and VaR / CVaR from returns
(computed by domain/analytics/risk_measures.py)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

import numpy as np
import numpy.typing as npt

from domain.analytics import risk_measures as rm
from domain.errors import DomainError
from domain.numbers import CENT, RETURN_BOUND, ZERO, bounded_arithmetic
from domain.trading.accounts import Account, mark_of
from domain.trading.instruments import Instrument

HUNDRED = Decimal(100)
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
        mark = mark_of(marks, symbol)
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


# -- value at risk ---------------------------------------------------------------------
# The estimators live in domain/analytics/risk_measures.py (one VaR code path); this section
# keeps the risk rules' report and its conventions: historical VaR is the linear-interpolated
# loss quantile (risk_measures.linear_quantile_var), non-finite observations are dropped, and
# bad input raises the domain errors below instead of ValueError.


@dataclass(frozen=True, slots=True)
class VaRLevel:
    """VaR and CVaR at one confidence, as loss fractions and as money (to the cent).

    The Cornish-Fisher pair (normal quantile corrected for sample skewness and excess
    kurtosis) is None when the returns have no dispersion (skewness undefined).
    """

    confidence: float
    historical_var: float
    historical_cvar: float
    parametric_var: float
    parametric_cvar: float
    historical_var_amount: Decimal
    historical_cvar_amount: Decimal
    parametric_var_amount: Decimal
    parametric_cvar_amount: Decimal
    cornish_fisher_var: float | None = None
    cornish_fisher_cvar: float | None = None
    cornish_fisher_var_amount: Decimal | None = None
    cornish_fisher_cvar_amount: Decimal | None = None


@dataclass(frozen=True, slots=True)
class TailIndex:
    """Hill estimate of the loss tail exponent alpha from the k largest losses (rule named)."""

    alpha: float
    k: int
    losses: int
    k_rule: str = rm.HILL_K_RULE


@dataclass(frozen=True, slots=True)
class VaRReport:
    """One-period VaR / CVaR of a portfolio at 95% and 99%; the Hill tail index when the
    sample holds at least risk_measures.HILL_MIN_LOSSES losses (else None)."""

    observations: int
    portfolio_value: Decimal
    at_95: VaRLevel
    at_99: VaRLevel
    tail_index: TailIndex | None = None


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
    return rm.linear_quantile_var(_clean(returns), _confidence(confidence))


def historical_cvar(returns: npt.ArrayLike, confidence: float) -> float:
    """Mean of the losses at or beyond the historical VaR (expected shortfall)."""
    return rm.linear_quantile_cvar(_clean(returns), _confidence(confidence))


def parametric_var(returns: npt.ArrayLike, confidence: float) -> float:
    """Gaussian VaR z·σ − μ, with the sample mean and standard deviation (ddof=1)."""
    return rm.parametric_var(_clean(returns), _confidence(confidence))


def parametric_cvar(returns: npt.ArrayLike, confidence: float) -> float:
    """Gaussian expected shortfall σ·φ(z) / (1 − c) − μ."""
    return rm.parametric_cvar(_clean(returns), _confidence(confidence))


def cornish_fisher_var(returns: npt.ArrayLike, confidence: float) -> float | None:
    """Cornish-Fisher VaR (risk_measures), None when the returns have no dispersion."""
    moments = _higher_moments(_clean(returns))
    if moments is None:
        return None
    return rm.cornish_fisher_var(*moments, _confidence(confidence))


def cornish_fisher_cvar(returns: npt.ArrayLike, confidence: float) -> float | None:
    """Cornish-Fisher CVaR (risk_measures), None when the returns have no dispersion."""
    moments = _higher_moments(_clean(returns))
    if moments is None:
        return None
    return rm.cornish_fisher_cvar(*moments, _confidence(confidence))


def tail_index(returns: npt.ArrayLike) -> TailIndex | None:
    """Hill alpha with k = floor(sqrt(m)) of the m losses; None when too few losses or ties."""
    clean = _clean(returns)
    k = rm.hill_k(clean)
    if k is None:
        return None
    try:
        alpha = rm.hill_tail_index(clean, k)
    except ValueError:  # the k largest losses all equal the threshold: no tail to fit
        return None
    return TailIndex(alpha=alpha, k=k, losses=int(np.count_nonzero(clean < 0.0)))


def var_report(returns: npt.ArrayLike, portfolio_value: Decimal) -> VaRReport:
    """Historical, Gaussian and Cornish-Fisher VaR / CVaR at 95% and 99%, also as money on
    `portfolio_value`, and the Hill tail index where the sample allows."""
    if not portfolio_value.is_finite() or portfolio_value < ZERO:
        raise InvalidRiskInput(f"portfolio value must be finite and ≥ 0, got {portfolio_value}")
    clean = _clean(returns)
    if clean.size and float(np.max(np.abs(clean))) > RETURN_BOUND:
        raise InvalidRiskInput(
            f"returns must lie within ±{RETURN_BOUND:g} (fractions)", field="returns"
        )
    moments = _higher_moments(clean)
    with bounded_arithmetic("value at risk"):
        at_95, at_99 = (
            _level(clean, moments, level, portfolio_value) for level in REPORT_CONFIDENCES
        )
    return VaRReport(
        observations=int(clean.size),
        portfolio_value=portfolio_value,
        at_95=at_95,
        at_99=at_99,
        tail_index=tail_index(clean),
    )


def _level(
    returns: FloatArray,
    moments: tuple[float, float, float, float] | None,
    confidence: float,
    value: Decimal,
) -> VaRLevel:
    fractions = (
        rm.linear_quantile_var(returns, confidence),
        rm.linear_quantile_cvar(returns, confidence),
        rm.parametric_var(returns, confidence),
        rm.parametric_cvar(returns, confidence),
    )
    h_var, h_cvar, p_var, p_cvar = fractions
    h_var_amt, h_cvar_amt, p_var_amt, p_cvar_amt = (_money(f, value) for f in fractions)
    cf_var = cf_cvar = None
    if moments is not None:
        cf_var = rm.cornish_fisher_var(*moments, confidence)
        cf_cvar = rm.cornish_fisher_cvar(*moments, confidence)
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
        cornish_fisher_var=cf_var,
        cornish_fisher_cvar=cf_cvar,
        cornish_fisher_var_amount=None if cf_var is None else _money(cf_var, value),
        cornish_fisher_cvar_amount=None if cf_cvar is None else _money(cf_cvar, value),
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


def _higher_moments(clean: FloatArray) -> tuple[float, float, float, float] | None:
    """(mean, std, skewness, excess kurtosis), None when the sample has no dispersion."""
    try:
        return rm.sample_moments(clean)
    except ValueError:
        return None


def _confidence(confidence: float) -> float:
    if not (math.isfinite(confidence) and 0.0 < confidence < 1.0):
        raise InvalidRiskInput(f"confidence must be in (0, 1), got {confidence}")
    return float(confidence)
