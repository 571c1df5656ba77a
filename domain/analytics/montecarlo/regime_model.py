"""The regime-switching market model: regimes, their parameters, the Markov chain.

Units and conventions (one step = `dt` years, 1/252 for trading days):
- `drift` mu: the annual expected return as a continuous rate, E[S_(t+h) / S_t] = exp(mu h) while
  the regime lasts (normal shocks; jumps are compensated so they leave this unchanged).
- `volatility` sigma: the annual standard deviation of the diffusion log return.
- `correlation`: the correlation of the assets' diffusion shocks in the regime (symmetric, unit
  diagonal, strictly positive definite: its Cholesky factor correlates the shocks).
- `transition`: the per-step Markov matrix, row r the law of the next step's regime given r
  (rows sum to 1). The expected stay in regime r is 1 / (1 - P[r, r]) steps.
- Student-t shocks (`student_t_dof` nu > 2): a multivariate t, one chi-square scale per
  path-step shared by all assets, scaled to unit variance (mean and covariance unchanged).
- Merton jumps: per asset, independent Poisson arrivals of `jump_intensity` lambda per year, log
  sizes N(`jump_mean`, `jump_std`^2); the drift is lowered by lambda k with
  k = exp(jump_mean + jump_std^2 / 2) - 1, so the expected gross return stays exp(mu h).
- Black swans: market-wide events hitting every asset with the log return `black_swan_return`;
  `black_swan_probability` is the chance of at least one in a year (Poisson intensity
  -ln(1 - p) per year). They are NOT compensated: a stress overlay that lowers the mean.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from domain.errors import DomainError

FloatArray = npt.NDArray[np.float64]


class Regime(StrEnum):
    """Market regimes, the first four in the order of the default model's transition matrix;
    CALIBRATED is the single regime of a model fitted to a portfolio's history
    (montecarlo/calibration.py), never part of the default model."""

    BULL = "bull"
    BEAR = "bear"
    VOLATILE = "volatile"
    STABLE = "stable"
    CALIBRATED = "calibrated"


# The regimes a market is detected in and the default model switches between.
MARKET_REGIMES: tuple[Regime, ...] = (Regime.BULL, Regime.BEAR, Regime.VOLATILE, Regime.STABLE)


class InvalidRegimeModel(DomainError):
    """A regime model or simulation request is malformed; `field` names the culprit."""

    code = "INVALID_REGIME_MODEL"


def _vector(values: Sequence[float] | FloatArray, name: str) -> FloatArray:
    array = np.array(values, dtype=np.float64)
    if array.ndim != 1 or array.shape[0] < 1:
        raise InvalidRegimeModel(f"{name} must be a non-empty 1-d array", field=name)
    if not np.all(np.isfinite(array)):
        raise InvalidRegimeModel(f"{name} must be finite", field=name)
    array.setflags(write=False)
    return array


def _cholesky(correlation: FloatArray, name: str) -> FloatArray:
    n = correlation.shape[0]
    if correlation.shape != (n, n) or not np.all(np.isfinite(correlation)):
        raise InvalidRegimeModel(f"{name} must be a finite square matrix", field=name)
    if not np.allclose(correlation, correlation.T, rtol=0.0, atol=1e-12):
        raise InvalidRegimeModel(f"{name} must be symmetric", field=name)
    if not np.allclose(np.diag(correlation), 1.0, rtol=0.0, atol=1e-12):
        raise InvalidRegimeModel(f"{name} must have a unit diagonal", field=name)
    if np.any(np.abs(correlation) > 1.0):
        raise InvalidRegimeModel(f"{name} entries must lie in [-1, 1]", field=name)
    try:
        factor = np.linalg.cholesky(correlation)
    except np.linalg.LinAlgError:
        raise InvalidRegimeModel(
            f"{name} is not positive definite (no Cholesky factor): some assets are perfectly "
            "or inconsistently correlated",
            field=name,
        ) from None
    if np.min(np.diag(factor)) < 1e-10:
        raise InvalidRegimeModel(f"{name} is numerically singular", field=name)
    return np.asarray(factor, dtype=np.float64)


@dataclass(frozen=True, eq=False)
class RegimeParameters:
    """One regime's annual drift and volatility per asset and the assets' correlation."""

    drift: FloatArray
    volatility: FloatArray
    correlation: FloatArray
    cholesky: FloatArray = field(init=False, repr=False)

    def __init__(
        self,
        drift: Sequence[float] | FloatArray,
        volatility: Sequence[float] | FloatArray,
        correlation: Sequence[Sequence[float]] | FloatArray,
    ) -> None:
        mu = _vector(drift, "drift")
        sigma = _vector(volatility, "volatility")
        if sigma.shape != mu.shape:
            raise InvalidRegimeModel("volatility must have one entry per asset", field="volatility")
        if np.any(sigma < 0.0):
            raise InvalidRegimeModel("volatility must be >= 0", field="volatility")
        rho = np.array(correlation, dtype=np.float64)
        if rho.shape != (mu.shape[0], mu.shape[0]):
            raise InvalidRegimeModel("correlation must be assets x assets", field="correlation")
        factor = _cholesky(rho, "correlation")
        rho.setflags(write=False)
        factor.setflags(write=False)
        object.__setattr__(self, "drift", mu)
        object.__setattr__(self, "volatility", sigma)
        object.__setattr__(self, "correlation", rho)
        object.__setattr__(self, "cholesky", factor)

    @property
    def assets(self) -> int:
        return int(self.drift.shape[0])


@dataclass(frozen=True, eq=False)
class RegimeModel:
    """Regimes with their parameters, the per-step transition matrix and the tail features.

    Validated on construction (InvalidRegimeModel with the field named): parameters per regime
    with one asset count, a row-stochastic R x R transition, nu > 2 or None, lambda >= 0,
    jump_std >= 0, 0 <= black_swan_probability < 1.
    """

    regimes: tuple[Regime, ...]
    parameters: tuple[RegimeParameters, ...]
    transition: FloatArray
    student_t_dof: float | None = None
    jump_intensity: float = 0.0
    jump_mean: float = 0.0
    jump_std: float = 0.0
    black_swan_probability: float = 0.0
    black_swan_return: float = -0.25

    def __post_init__(self) -> None:
        count = len(self.regimes)
        if count < 1 or len(set(self.regimes)) != count:
            raise InvalidRegimeModel("regimes must be distinct and non-empty", field="regimes")
        if len(self.parameters) != count:
            raise InvalidRegimeModel("one RegimeParameters per regime", field="parameters")
        if len({p.assets for p in self.parameters}) != 1:
            raise InvalidRegimeModel("every regime needs the same assets", field="parameters")
        matrix = np.array(self.transition, dtype=np.float64)
        if matrix.shape != (count, count) or not np.all(np.isfinite(matrix)):
            raise InvalidRegimeModel("transition must be a finite R x R matrix", field="transition")
        if np.any(matrix < 0.0) or not np.allclose(matrix.sum(axis=1), 1.0, rtol=0, atol=1e-9):
            raise InvalidRegimeModel(
                "transition rows must be probabilities summing to 1", field="transition"
            )
        matrix.setflags(write=False)
        object.__setattr__(self, "transition", matrix)
        nu = self.student_t_dof
        if nu is not None and not (math.isfinite(nu) and nu > 2.0):
            raise InvalidRegimeModel("student_t_dof must be > 2 (or None)", field="student_t_dof")
        scalars = {
            "jump_intensity": self.jump_intensity,
            "jump_mean": self.jump_mean,
            "jump_std": self.jump_std,
            "black_swan_probability": self.black_swan_probability,
            "black_swan_return": self.black_swan_return,
        }
        for name, value in scalars.items():
            if not math.isfinite(value):
                raise InvalidRegimeModel(f"{name} must be finite", field=name)
        if self.jump_intensity < 0.0 or self.jump_std < 0.0:
            field_name = "jump_intensity" if self.jump_intensity < 0.0 else "jump_std"
            raise InvalidRegimeModel(f"{field_name} must be >= 0", field=field_name)
        if not 0.0 <= self.black_swan_probability < 1.0:
            raise InvalidRegimeModel(
                "black_swan_probability must be in [0, 1)", field="black_swan_probability"
            )

    @property
    def assets(self) -> int:
        return self.parameters[0].assets

    @property
    def jump_compensation(self) -> float:
        """k = E[exp(J) - 1]: the drift loses lambda k per year so jumps keep the mean."""
        return math.expm1(self.jump_mean + 0.5 * self.jump_std**2)

    @property
    def black_swan_intensity(self) -> float:
        """Poisson intensity per year whose chance of at least one event a year is p."""
        return -math.log1p(-self.black_swan_probability)


def stationary_distribution(transition: Sequence[Sequence[float]] | FloatArray) -> FloatArray:
    """pi with pi P = pi and sum(pi) = 1 (least squares; unique for an irreducible chain)."""
    matrix = np.asarray(transition, dtype=np.float64)
    count = matrix.shape[0]
    system = np.vstack([matrix.T - np.eye(count), np.ones((1, count))])
    target = np.concatenate([np.zeros(count), [1.0]])
    pi, *_ = np.linalg.lstsq(system, target, rcond=None)
    return np.asarray(pi, dtype=np.float64)


def expected_durations(transition: Sequence[Sequence[float]] | FloatArray) -> FloatArray:
    """Expected stay in each regime, in steps: 1 / (1 - P[r, r]) (inf for an absorbing one)."""
    stay = np.diag(np.asarray(transition, dtype=np.float64))
    with np.errstate(divide="ignore"):
        return np.asarray(1.0 / (1.0 - stay), dtype=np.float64)


# Default model, annual figures (a broad equity-like market; per regime: drift, volatility,
# how much of the way from `correlation` to 1 the pairwise correlation moves).
_DEFAULT_REGIMES: tuple[tuple[Regime, float, float, float], ...] = (
    (Regime.BULL, 0.15, 0.14, 0.0),
    (Regime.BEAR, -0.25, 0.28, 0.5),
    (Regime.VOLATILE, 0.0, 0.35, 0.4),
    (Regime.STABLE, 0.07, 0.09, 0.0),
)
# Expected durations in trading days (1 / (1 - stay)): bull 252, bear 63, volatile 21, stable 126;
# where a regime goes when it ends (rows: from; columns: bull, bear, volatile, stable).
_DEFAULT_DURATIONS = (252.0, 63.0, 21.0, 126.0)
_DEFAULT_EXITS = (
    (0.0, 0.2, 0.5, 0.3),
    (0.3, 0.0, 0.5, 0.2),
    (0.3, 0.3, 0.0, 0.4),
    (0.5, 0.1, 0.4, 0.0),
)


def default_transition() -> FloatArray:
    """The default per-day matrix: stay 1 - 1/duration, leave along `_DEFAULT_EXITS`."""
    rows = []
    for duration, exits in zip(_DEFAULT_DURATIONS, _DEFAULT_EXITS, strict=True):
        leave = 1.0 / duration
        rows.append([(1.0 - leave) if p == 0.0 else leave * p for p in exits])
    return np.asarray(rows, dtype=np.float64)


def default_model(assets: int, *, correlation: float = 0.3) -> RegimeModel:
    """A plausible daily model for `assets` equity-like assets (documented in the docs page).

    Bull 15 %/yr drift at 14 % vol, bear -25 % at 28 %, volatile 0 % at 35 %, stable 7 % at 9 %;
    pairwise correlation `correlation` in bull and stable markets, pulled half (bear) or 40 %
    (volatile) of the way to 1 in stress. Student-t shocks with 5 degrees of freedom, one jump a
    year per asset (log size N(-3 %, 6 %^2)), a 2 % yearly chance of a -25 % log black swan.
    """
    if assets < 1:
        raise InvalidRegimeModel("assets must be >= 1", field="assets")
    floor = -1.0 / (assets - 1) if assets > 1 else -1.0
    if not (math.isfinite(correlation) and floor < correlation < 1.0):
        raise InvalidRegimeModel(
            f"correlation must be in ({floor:g}, 1) for {assets} assets", field="correlation"
        )
    parameters = []
    for _, drift, vol, stress in _DEFAULT_REGIMES:
        rho = correlation + stress * (1.0 - correlation)
        matrix = np.full((assets, assets), rho)
        np.fill_diagonal(matrix, 1.0)
        parameters.append(RegimeParameters([drift] * assets, [vol] * assets, matrix))
    return RegimeModel(
        regimes=tuple(r for r, *_ in _DEFAULT_REGIMES),
        parameters=tuple(parameters),
        transition=default_transition(),
        student_t_dof=5.0,
        jump_intensity=1.0,
        jump_mean=-0.03,
        jump_std=0.06,
        black_swan_probability=0.02,
        black_swan_return=-0.25,
    )
