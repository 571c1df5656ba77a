"""Calibration of the Monte Carlo market model to a portfolio's stored daily closes.

What is fitted, from the daily closes of the assets on the days every asset has one (the last
`window` log returns r_t = ln(c_t / c_(t-1)) at most):
- per asset: the daily mean m and standard deviation s (divisor n - 1) of r; annualised with
  252 trading days: volatility sigma = s sqrt(252) and drift mu = 252 m + sigma^2 / 2 -- the
  regime model's drift is the continuous rate of the expected gross return
  (E[S_T / S_0] = exp(mu T)), whose log return has mean (mu - sigma^2 / 2) T;
- per asset and for the portfolio's daily return sum_a w_a r_a: a location-scale Student-t by
  maximum likelihood (`fit_student_t`: for each nu the EM iteration of Liu & Rubin 1995 for the
  location and scale, the profile log-likelihood maximised over ln nu on [ln 2.05, ln 200] by a
  grid and a golden-section refinement), the normal fit (the sample mean and standard
  deviation), and the Kolmogorov-Smirnov statistic of each fit with its p-value;
- the Pearson correlation matrix of the assets' log returns, shrunk towards the identity by the
  smallest of 0, 1, 2, 5, 10, 20, 50 % that leaves it positive definite (reported).

Fat tails: the Student-t is preferred when the likelihood-ratio test of the normal (nu = inf, a
boundary value: the statistic's law is half chi-square(0), half chi-square(1); Self & Liang
1987) rejects it at 5 % for the portfolio's return. The regime model's Student-t shocks are a
multivariate t (one chi-square per step shared by the assets), under which every portfolio's
return is t with the same nu: so the portfolio's fitted nu is the model's.

KS p-values: the asymptotic Kolmogorov distribution Q(lambda) = 2 sum_(k>=1) (-1)^(k-1)
exp(-2 k^2 lambda^2) at lambda = (sqrt(n) + 0.12 + 0.11 / sqrt(n)) D (Stephens 1970's small-n
correction, Numerical Recipes' probks). The fits' parameters come from the same data, so the
p-values are conservative (too large; Lilliefors 1967): a small one is a clear rejection, a
large one no proof of fit.

Too short a history (fewer than `min_observations` common returns), a flat series or a missing
symbol gives a `NoCalibration` with the reason; the caller then runs its default model.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from domain.analytics.montecarlo.regime_model import (
    Regime,
    RegimeModel,
    RegimeParameters,
)

FloatArray = npt.NDArray[np.float64]

TRADING_DAYS = 252
MIN_OBSERVATIONS = 60
WINDOW = 504  # two years of daily returns at most
DOF_BOUNDS = (2.05, 200.0)
FAT_TAIL_LEVEL = 0.05
SHRINKAGE_STEPS = (0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5)


@dataclass(frozen=True, slots=True)
class KolmogorovSmirnov:
    """sup |F_n - F| of a fitted law and its asymptotic p-value (module doc)."""

    statistic: float
    p_value: float


@dataclass(frozen=True, slots=True)
class StudentTFit:
    """Location-scale Student-t: x = loc + scale T_nu; log_likelihood the maximum."""

    dof: float
    loc: float
    scale: float
    log_likelihood: float


@dataclass(frozen=True, slots=True)
class TailFit:
    """The normal and Student-t fits of one daily log-return series, their KS tests and the
    likelihood-ratio test of the normal inside the t (module doc)."""

    observations: int
    mean: float  # daily
    std: float  # daily, divisor n - 1
    student_t: StudentTFit
    ks_normal: KolmogorovSmirnov
    ks_student_t: KolmogorovSmirnov
    likelihood_ratio: float
    likelihood_ratio_p_value: float

    @property
    def fat_tails(self) -> bool:
        return self.likelihood_ratio_p_value < FAT_TAIL_LEVEL


@dataclass(frozen=True, slots=True)
class AssetFit:
    symbol: str
    drift: float  # annual continuous rate of the expected gross return
    volatility: float  # annual
    tails: TailFit


@dataclass(frozen=True, slots=True)
class Calibration:
    """The fit over `observations` common daily returns from `first_day` to `last_day`."""

    assets: tuple[AssetFit, ...]
    portfolio: TailFit
    correlation: FloatArray
    shrinkage: float
    observations: int
    first_day: date
    last_day: date

    @property
    def student_t_dof(self) -> float | None:
        """The model's nu: the portfolio's fitted nu when its tails are fat, else None."""
        return self.portfolio.student_t.dof if self.portfolio.fat_tails else None


@dataclass(frozen=True, slots=True)
class NoCalibration:
    """Why nothing was fitted (a sentence for the caller)."""

    reason: str


# -- distributions -----------------------------------------------------------------------------


def normal_cdf(x: FloatArray) -> FloatArray:
    return np.asarray(0.5 * np.vectorize(math.erfc)(-np.asarray(x) / math.sqrt(2.0)), np.float64)


def _betacf(a: float, b: float, x: FloatArray) -> FloatArray:
    """The continued fraction of the incomplete beta (modified Lentz; Numerical Recipes 6.4)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = np.ones_like(x)
    d = 1.0 - qab * x / qap
    d = 1.0 / np.where(np.abs(d) < tiny, tiny, d)
    h = d.copy()
    for m in range(1, 400):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / np.where(np.abs(d) < tiny, tiny, d)
        c = 1.0 + aa / c
        c = np.where(np.abs(c) < tiny, tiny, c)
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / np.where(np.abs(d) < tiny, tiny, d)
        c = 1.0 + aa / c
        c = np.where(np.abs(c) < tiny, tiny, c)
        step = d * c
        h *= step
        if np.all(np.abs(step - 1.0) < 1e-15):
            break
    return np.asarray(h, dtype=np.float64)


def incomplete_beta(a: float, b: float, x: FloatArray) -> FloatArray:
    """The regularised incomplete beta I_x(a, b) for x in [0, 1]."""
    x = np.clip(np.asarray(x, dtype=np.float64), 0.0, 1.0)
    inner = (x > 0.0) & (x < 1.0)
    safe = np.where(inner, x, 0.5)
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
        + a * np.log(safe) + b * np.log1p(-safe)
    )  # fmt: skip
    front = np.exp(log_front)
    direct = safe < (a + 1.0) / (a + b + 2.0)
    low = front * _betacf(a, b, np.where(direct, safe, 0.0)) / a
    high = 1.0 - front * _betacf(b, a, np.where(direct, 0.0, 1.0 - safe)) / b
    value = np.where(direct, low, high)
    return np.asarray(np.where(inner, value, np.where(x >= 1.0, 1.0, 0.0)), dtype=np.float64)


def student_t_cdf(x: FloatArray, dof: float) -> FloatArray:
    """P(T_nu <= x): 1 - I_(nu / (nu + x^2))(nu / 2, 1 / 2) / 2 for x >= 0, symmetric."""
    x = np.asarray(x, dtype=np.float64)
    tail = 0.5 * incomplete_beta(0.5 * dof, 0.5, dof / (dof + x * x))
    return np.asarray(np.where(x >= 0.0, 1.0 - tail, tail), dtype=np.float64)


def kolmogorov_p_value(statistic: float, n: int) -> float:
    """The asymptotic Kolmogorov tail at Stephens' lambda (module doc)."""
    root = math.sqrt(n)
    lam = (root + 0.12 + 0.11 / root) * statistic
    if lam < 0.2:
        return 1.0
    k = np.arange(1, 101, dtype=np.float64)
    terms = 2.0 * (-1.0) ** (k - 1.0) * np.exp(-2.0 * k * k * lam * lam)
    return float(min(1.0, max(0.0, terms.sum())))


def ks_test(sample: FloatArray, cdf: FloatArray) -> KolmogorovSmirnov:
    """KS of a sorted sample against its fitted CDF values (same order)."""
    n = sample.shape[0]
    i = np.arange(1, n + 1, dtype=np.float64)
    statistic = float(max(np.max(i / n - cdf), np.max(cdf - (i - 1.0) / n)))
    return KolmogorovSmirnov(statistic, kolmogorov_p_value(statistic, n))


# -- Student-t maximum likelihood --------------------------------------------------------------


def _t_log_likelihood(z: FloatArray, dof: float, scale: float) -> float:
    """Sum of log densities of the standardised residuals z = (x - loc) / scale."""
    n = z.shape[0]
    const = math.lgamma(0.5 * (dof + 1.0)) - math.lgamma(0.5 * dof) - 0.5 * math.log(dof * math.pi)
    return float(n * (const - math.log(scale)) - 0.5 * (dof + 1.0) * np.log1p(z * z / dof).sum())


def _em(x: FloatArray, dof: float, loc: float, scale: float) -> tuple[float, float, float]:
    """Location and scale maximising the t likelihood at fixed nu (EM, Liu & Rubin 1995)."""
    for _ in range(500):
        z = (x - loc) / scale
        weight = (dof + 1.0) / (dof + z * z)
        new_loc = float(weight @ x / weight.sum())
        new_scale = math.sqrt(float(weight @ (x - new_loc) ** 2) / x.shape[0])
        done = abs(new_loc - loc) < 1e-12 and abs(new_scale - scale) < 1e-12 * scale
        loc, scale = new_loc, new_scale
        if done:
            break
    return loc, scale, _t_log_likelihood((x - loc) / scale, dof, scale)


def fit_student_t(sample: Sequence[float] | FloatArray) -> StudentTFit:
    """Maximum-likelihood location-scale Student-t (module doc); nu within DOF_BOUNDS."""
    x = np.asarray(sample, dtype=np.float64)
    centre, spread = float(np.median(x)), float(np.std(x))
    if x.shape[0] < 3 or not spread > 0.0:
        raise ValueError("a t fit needs at least 3 values that are not all equal")
    u = (x - centre) / spread  # fitted in standard units, mapped back at the end

    def profile(log_dof: float) -> tuple[float, float, float]:
        loc, scale, ll = _em(u, math.exp(log_dof), 0.0, 1.0)
        return ll, loc, scale

    lo, hi = (math.log(b) for b in DOF_BOUNDS)
    grid = np.linspace(lo, hi, 33)
    values = [profile(g)[0] for g in grid]
    best = int(np.argmax(values))
    a, b = float(grid[max(best - 1, 0)]), float(grid[min(best + 1, len(grid) - 1)])
    golden = (math.sqrt(5.0) - 1.0) / 2.0
    c, d = b - golden * (b - a), a + golden * (b - a)
    fc, fd = profile(c)[0], profile(d)[0]
    for _ in range(40):
        if fc > fd:
            b, d, fd = d, c, fc
            c = b - golden * (b - a)
            fc = profile(c)[0]
        else:
            a, c, fc = c, d, fd
            d = a + golden * (b - a)
            fd = profile(d)[0]
    candidates = [(values[best], float(grid[best])), (max(fc, fd), c if fc > fd else d)]
    log_dof = max(candidates)[1]
    _, loc, scale = profile(log_dof)
    loc_x, scale_x = centre + spread * loc, spread * scale
    dof = math.exp(log_dof)
    ll = _t_log_likelihood((x - loc_x) / scale_x, dof, scale_x)
    return StudentTFit(dof=dof, loc=loc_x, scale=scale_x, log_likelihood=ll)


def tail_fit(sample: Sequence[float] | FloatArray) -> TailFit:
    """Normal and Student-t fits of a series, their KS tests and the likelihood-ratio test."""
    x = np.sort(np.asarray(sample, dtype=np.float64))
    n = x.shape[0]
    mean, std = float(np.mean(x)), float(np.std(x, ddof=1))
    t_fit = fit_student_t(x)
    ks_normal = ks_test(x, normal_cdf((x - mean) / std))
    ks_t = ks_test(x, student_t_cdf((x - t_fit.loc) / t_fit.scale, t_fit.dof))
    ml_std = float(np.std(x))  # the normal's maximum-likelihood scale (divisor n)
    normal_ll = -0.5 * n * (math.log(2.0 * math.pi * ml_std**2) + 1.0)
    ratio = max(0.0, 2.0 * (t_fit.log_likelihood - normal_ll))
    p_value = 0.5 * math.erfc(math.sqrt(0.5 * ratio))  # half chi-square(1) survival
    return TailFit(n, mean, std, t_fit, ks_normal, ks_t, ratio, p_value)


# -- the calibration ---------------------------------------------------------------------------


def _positive_definite(correlation: FloatArray) -> tuple[FloatArray, float] | None:
    size = correlation.shape[0]
    for delta in SHRINKAGE_STEPS:
        candidate = (1.0 - delta) * correlation + delta * np.eye(size)
        try:
            factor = np.linalg.cholesky(candidate)
        except np.linalg.LinAlgError:
            continue
        if np.min(np.diag(factor)) >= 1e-6:
            return candidate, delta
    return None


def calibrate(
    symbols: Sequence[str],
    days: Sequence[date],
    closes: FloatArray,
    weights: Sequence[float],
    *,
    window: int = WINDOW,
    min_observations: int = MIN_OBSERVATIONS,
) -> Calibration | NoCalibration:
    """Fit the model to `closes` (days x symbols, positive, on the common `days`, oldest
    first) of a portfolio of `weights` (module doc)."""
    grid = np.asarray(closes, dtype=np.float64).reshape(len(days), len(symbols))
    returns = np.diff(np.log(grid), axis=0)[-window:]
    count = returns.shape[0]
    if count < min_observations:
        return NoCalibration(
            f"{count} daily returns common to every asset; at least {min_observations} needed "
            "to fit the model"
        )
    stds = returns.std(axis=0, ddof=1)
    flat = [s for s, sd in zip(symbols, stds, strict=True) if not sd > 0.0]
    if flat:
        return NoCalibration(f"no price movement over the window for {', '.join(flat)}")
    assets = []
    for index, symbol in enumerate(symbols):
        series = returns[:, index]
        vol = float(stds[index]) * math.sqrt(TRADING_DAYS)
        drift = TRADING_DAYS * float(series.mean()) + 0.5 * vol * vol
        assets.append(AssetFit(symbol, drift, vol, tail_fit(series)))
    portfolio_returns = returns @ np.asarray(weights, dtype=np.float64)
    if not float(np.std(portfolio_returns)) > 0.0:
        return NoCalibration("the weighted positions hedge one another to no movement at all")
    correlation = np.atleast_2d(np.corrcoef(returns, rowvar=False))
    correlation = np.clip((correlation + correlation.T) / 2.0, -1.0, 1.0)
    np.fill_diagonal(correlation, 1.0)
    fixed = _positive_definite(correlation)
    if fixed is None:
        return NoCalibration("the assets' correlation matrix is singular even after shrinkage")
    matrix, shrinkage = fixed
    return Calibration(
        assets=tuple(assets),
        portfolio=tail_fit(portfolio_returns),
        correlation=matrix,
        shrinkage=shrinkage,
        observations=count,
        first_day=days[len(days) - count - 1],
        last_day=days[-1],
    )


def calibrated_model(calibration: Calibration) -> RegimeModel:
    """One regime (`Regime.CALIBRATED`) with the fitted drifts, volatilities and correlation;
    Student-t shocks of the portfolio's nu when its tails are fat, else Gaussian; no jumps and
    no black swans (the history's jumps are in the fitted tails)."""
    parameters = RegimeParameters(
        [a.drift for a in calibration.assets],
        [a.volatility for a in calibration.assets],
        calibration.correlation,
    )
    return RegimeModel(
        regimes=(Regime.CALIBRATED,),
        parameters=(parameters,),
        transition=np.ones((1, 1)),
        student_t_dof=calibration.student_t_dof,
        jump_intensity=0.0,
        black_swan_probability=0.0,
    )
