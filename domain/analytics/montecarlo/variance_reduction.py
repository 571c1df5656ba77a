"""Variance reduction of the regime-switching Monte Carlo beyond antithetic draws, measured.

Control variates (for the mean horizon return E[V_T - 1]): with X_a the horizon log return of
asset a, the controls are C1 = sum_a w_a X_a and C2 = sum_a w_a (X_a - E[X_a])^2, whose
expectations the model gives exactly (`log_return_moments`):
- E[X_a] = sum_t E[d_(r_t, a)] + lambda T dt m_J + lambda_bs T dt b, with d the per-step drift
  of the kernel (mu - sigma^2 / 2 - lambda k) dt, the regime law after t steps e_(r0) P^t;
- Var[X_a] = Var[sum_t d_(r_t, a)] (a backward recursion over the chain: A_t = f + P A_(t+1),
  B_t = f^2 + 2 f P A_(t+1) + P B_(t+1), Var = B_0 - A_0^2 at r0) + dt sum_t E[sigma_(r_t, a)^2]
  (Student-t shocks are scaled to unit variance) + lambda T dt (s_J^2 + m_J^2) + lambda_bs T dt b^2;
  the drift path, the diffusion, the jumps and the black swans are independent or uncorrelated.
The estimate is the regression estimator ybar - beta' (Cbar - E[C]), beta the least-squares
slope of y on the controls, over antithetic pair means when the run is antithetic (there C1's
diffusion cancels in a pair and C2 carries the even part that is left). Its standard error is
that of the residuals (divisor m - 1 - k over m units).

Importance sampling (for the tail): every step's standard normals z are drawn from N(theta, I)
instead of N(0, I), theta = -(z_c / sqrt(T)) g / |g| with g = L' (w o sigma sqrt(dt)) the
portfolio's log-return exposure to z in the initial regime (L its Cholesky factor) and z_c the
normal quantile of the highest confidence asked: the shifted paths' portfolio diffusion is
centred at its c-quantile. A path's weight is the likelihood ratio
dP/dQ = exp(-theta . sum_t z_t + T |theta|^2 / 2); the chain, the Student-t scales, the jumps
and the black swans are drawn as before. Estimates from n weighted losses L_i:
- tail probability at x: p = (1/n) sum w_i 1{L_i >= x}, standard error std(w 1{L >= x}) / sqrt n;
- VaR_c: the losses sorted from the worst, the first L_(k) whose weighted share
  (1/n) sum_(i<=k) w_(i) reaches 1 - c (the plain tail count's k-th worst when every w = 1);
- CVaR_c = VaR_c + (1/(n (1 - c))) sum w_i (L_i - VaR_c)^+ (Rockafellar & Uryasev 2000).
The measured reduction at each confidence is the variance ratio of the plain run's tail
probability at its historical VaR (the run's own standard error, over pair means if
antithetic) to the importance-sampled one's, on the same number of paths.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import numpy.typing as npt

from domain.analytics.montecarlo.regime_model import Regime, RegimeModel

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class ControlVariateEstimate:
    """The mean estimated with controls, its standard error, and the plain one's on the same
    units (pair means if antithetic); variance_ratio = (plain / controlled)^2."""

    estimate: float
    standard_error: float
    plain_standard_error: float
    coefficients: tuple[float, ...]

    @property
    def variance_ratio(self) -> float:
        if not self.standard_error > 0.0:
            return math.inf if self.plain_standard_error > 0.0 else 1.0
        return (self.plain_standard_error / self.standard_error) ** 2


@dataclass(frozen=True, slots=True)
class TailEstimate:
    """Importance-sampled tail figures at one confidence, beside the plain run's."""

    confidence: float
    threshold: float  # the plain run's historical VaR (a loss, a fraction)
    plain_probability: float
    plain_standard_error: float
    probability: float
    standard_error: float
    var: float
    cvar: float

    @property
    def variance_ratio(self) -> float:
        if not self.standard_error > 0.0:
            return math.inf if self.plain_standard_error > 0.0 else 1.0
        return (self.plain_standard_error / self.standard_error) ** 2


def log_return_moments(
    model: RegimeModel, initial_regime: Regime, steps: int, dt: float
) -> tuple[FloatArray, FloatArray]:
    """E[X_a] and Var[X_a] of every asset's horizon log return under the model (module doc)."""
    compensation = model.jump_intensity * model.jump_compensation
    drift = np.stack(
        [(p.drift - 0.5 * p.volatility**2 - compensation) * dt for p in model.parameters]
    )  # (R, A)
    variance = np.stack([p.volatility**2 * dt for p in model.parameters])  # (R, A)
    transition = np.asarray(model.transition, dtype=np.float64)
    count = transition.shape[0]
    law = np.zeros(count)
    law[model.regimes.index(initial_regime)] = 1.0
    occupancy = np.zeros(count)  # expected steps spent in each regime
    for _ in range(steps):
        occupancy += law
        law = law @ transition
    mean_drift = occupancy @ drift
    diffusion = occupancy @ variance
    first = np.zeros_like(drift)  # A_(t+1), B_(t+1) for t = T - 1 .. 0
    second = np.zeros_like(drift)
    for _ in range(steps):
        ahead_first = transition @ first
        second = drift**2 + 2.0 * drift * ahead_first + transition @ second
        first = drift + ahead_first
    r0 = model.regimes.index(initial_regime)
    drift_variance = np.maximum(second[r0] - first[r0] ** 2, 0.0)
    horizon = steps * dt
    jumps = model.jump_intensity * horizon
    swans = model.black_swan_intensity * horizon
    mean = mean_drift + jumps * model.jump_mean + swans * model.black_swan_return
    var = (
        drift_variance + diffusion
        + jumps * (model.jump_std**2 + model.jump_mean**2)
        + swans * model.black_swan_return**2
    )  # fmt: skip
    return np.asarray(mean, np.float64), np.asarray(var, np.float64)


def _pairs(values: FloatArray, antithetic: bool) -> FloatArray:
    if not antithetic:
        return values
    even = values.shape[0] - values.shape[0] % 2
    return np.asarray(0.5 * (values[0:even:2] + values[1:even:2]), dtype=np.float64)


def control_variate_mean(
    outcome: FloatArray, controls: FloatArray, expected: FloatArray, *, antithetic: bool
) -> ControlVariateEstimate:
    """The regression estimator of E[outcome] with `controls` (n x k) of known `expected`
    means (module doc); a control without variance over the units is left out."""
    y = _pairs(np.asarray(outcome, dtype=np.float64), antithetic)
    c = _pairs(np.asarray(controls, dtype=np.float64), antithetic)
    m = y.shape[0]
    plain = float(np.std(y, ddof=1) / math.sqrt(m))
    centred = c - c.mean(axis=0)
    scale = np.sqrt((centred**2).mean(axis=0))
    keep = scale > 1e-12 * np.maximum(1.0, np.abs(c).max(axis=0))
    if not np.any(keep):
        return ControlVariateEstimate(float(y.mean()), plain, plain, (0.0,) * c.shape[1])
    design = centred[:, keep] / scale[keep]
    solved, *_ = np.linalg.lstsq(design, y - y.mean(), rcond=1e-10)
    beta = np.zeros(c.shape[1])
    beta[keep] = solved / scale[keep]
    estimate = float(y.mean() - beta @ (c.mean(axis=0) - expected))
    residual = y - centred @ beta
    dof = max(m - 1 - int(keep.sum()), 1)
    error = float(math.sqrt(float(residual @ residual - m * residual.mean() ** 2) / dof / m))
    return ControlVariateEstimate(estimate, error, plain, tuple(float(b) for b in beta))


def mean_return_controls(
    asset_returns: FloatArray,
    weights: FloatArray,
    mean: FloatArray,
    variance: FloatArray,
) -> tuple[FloatArray, FloatArray]:
    """The controls C1, C2 of each path (from its simple asset returns) and their means."""
    logs = np.log1p(asset_returns)
    linear = logs @ weights
    quadratic = ((logs - mean) ** 2) @ weights
    expected = np.array([float(weights @ mean), float(weights @ variance)])
    return np.column_stack([linear, quadratic]), expected


def importance_shift(
    model: RegimeModel,
    weights: FloatArray,
    initial_regime: Regime,
    steps: int,
    dt: float,
    confidence: float,
) -> FloatArray:
    """theta: the per-step mean of the normals that centres the portfolio's diffusion at its
    `confidence` loss quantile (module doc); zeros when the portfolio has no diffusion."""
    params = model.parameters[model.regimes.index(initial_regime)]
    exposure = params.cholesky.T @ (weights * params.volatility * math.sqrt(dt))
    norm = float(np.linalg.norm(exposure))
    if not norm > 0.0:
        return np.zeros(model.assets)
    z = NormalDist().inv_cdf(confidence)
    return np.asarray(-(z / math.sqrt(steps)) * exposure / norm, dtype=np.float64)


def tail_estimates(
    plain_returns: FloatArray,
    plain_var: float,
    antithetic: bool,
    weighted_returns: FloatArray,
    log_weights: FloatArray,
    confidence: float,
) -> TailEstimate:
    """Importance-sampled VaR / CVaR / tail probability at `confidence` beside the plain
    run's tail probability at its historical VaR `plain_var` (module doc)."""
    plain_hits = (-plain_returns >= plain_var).astype(np.float64)
    units = _pairs(plain_hits, antithetic)
    plain_se = float(np.std(units, ddof=1) / math.sqrt(units.shape[0]))
    losses = -np.asarray(weighted_returns, dtype=np.float64)
    weights = np.exp(np.asarray(log_weights, dtype=np.float64))
    n = losses.shape[0]
    hits = weights * (losses >= plain_var)
    order = np.argsort(-losses, kind="stable")
    sorted_losses, sorted_weights = losses[order], weights[order]
    tail_mass = np.cumsum(sorted_weights) / n  # weighted share of losses >= sorted_losses[i]
    alpha = 1.0 - confidence
    # VaR: the first loss, worst first, whose weighted share of losses at least as bad
    # reaches alpha (the plain tail count's k-th worst with unit weights)
    index = min(int(np.searchsorted(tail_mass, alpha - 1e-12, side="left")), n - 1)
    var = float(sorted_losses[index])
    cvar = var + float(weights @ np.maximum(losses - var, 0.0)) / (n * alpha)
    return TailEstimate(
        confidence=confidence,
        threshold=plain_var,
        plain_probability=float(plain_hits.mean()),
        plain_standard_error=plain_se,
        probability=float(hits.mean()),
        standard_error=float(np.std(hits, ddof=1) / math.sqrt(n)),
        var=var,
        cvar=cvar,
    )
