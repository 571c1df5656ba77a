"""What an optimisation request is, checked: the methods, size limits, returns, covariance.

Conventions (docs/optimization.md): returns are simple returns per period (daily by default:
`periods_per_year` = 252), oldest first, one column per asset; expected returns and
covariances are annualised by `periods_per_year` (mean x P, covariance x P); the risk-free
rate is an annual fraction. A posted covariance is taken as annual already.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import StrEnum
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from domain.analytics.optimization.errors import (
    EmptyPortfolio,
    InsufficientObservations,
    InvalidOptimizationInput,
    NegativePrice,
    NonFiniteReturns,
    SingularCovariance,
    TooManyAssets,
)

FloatArray = npt.NDArray[np.float64]

MAX_ASSETS = 1_000
MAX_OBSERVATIONS = 10_000
MAX_CELLS = 2_000_000  # observations x assets: 500 x 1,260 is 630,000
MIN_OBSERVATIONS = 20
MAX_SYMBOL = 64
# An eigenvalue below this fraction of the largest makes the matrix singular for our purposes:
# the solvers' answers would be driven by rounding, not by the data.
SINGULAR_RATIO = 1e-12
SYMMETRY_TOLERANCE = 1e-9


class Method(StrEnum):
    MIN_VARIANCE = "min_variance"
    MAX_SHARPE = "max_sharpe"
    RISK_PARITY = "risk_parity"
    HRP = "hrp"
    MAX_DIVERSIFICATION = "max_diversification"
    MIN_CVAR = "min_cvar"
    INVERSE_VOLATILITY = "inverse_volatility"
    EQUAL_WEIGHT = "equal_weight"
    BLACK_LITTERMAN = "black_litterman"
    MIN_TRACKING_ERROR = "min_tracking_error"
    MEAN_CVAR = "mean_cvar"


# The methods whose portfolios are long-only by construction.
LONG_ONLY_METHODS = frozenset(
    {
        Method.RISK_PARITY,
        Method.HRP,
        Method.MAX_DIVERSIFICATION,
        Method.INVERSE_VOLATILITY,
        Method.EQUAL_WEIGHT,
    }
)


# The methods solved as convex programs: sector limits, a turnover limit and a tracking-error
# cap join their programs. The others are rules or unique answers (risk parity's).
CONSTRAINED_METHODS = frozenset(
    {
        Method.MIN_VARIANCE,
        Method.MAX_SHARPE,
        Method.MAX_DIVERSIFICATION,
        Method.MIN_CVAR,
        Method.MEAN_CVAR,
        Method.BLACK_LITTERMAN,
        Method.MIN_TRACKING_ERROR,
    }
)


class CovarianceEstimator(StrEnum):
    LEDOIT_WOLF = "ledoit_wolf"  # shrinkage towards a scaled identity (Ledoit & Wolf 2004)
    SAMPLE = "sample"  # the unbiased sample covariance (divisor T - 1)


Choice = TypeVar("Choice", Method, CovarianceEstimator)


def parse_method(name: str) -> Method:
    return _parse(Method, name, "method")


def parse_estimator(name: str) -> CovarianceEstimator:
    return _parse(CovarianceEstimator, name, "covariance_estimator")


def _parse(kind: type[Choice], name: str, field: str) -> Choice:
    """`name` as a member of `kind`, or InvalidOptimizationInput naming `field` and the members."""
    try:
        return kind(name)
    except ValueError:
        names = ", ".join(m.value for m in kind)
        raise InvalidOptimizationInput(
            f"{field} must be one of {names}, got {name[:32]!r}", field=field
        ) from None


def check_assets(assets: Sequence[str]) -> tuple[str, ...]:
    """The asset names: 1 to MAX_ASSETS, unique, 1 to 64 printable characters each."""
    if not assets:
        raise EmptyPortfolio("there is no asset to allocate across", field="assets")
    if len(assets) > MAX_ASSETS:
        raise TooManyAssets(
            f"at most {MAX_ASSETS:,} assets a request, got {len(assets):,}", field="assets"
        )
    seen: set[str] = set()
    for index, name in enumerate(assets):
        if not name or len(name) > MAX_SYMBOL or not name.isprintable():
            raise InvalidOptimizationInput(
                f"an asset is named by 1 to {MAX_SYMBOL} printable characters",
                field=f"assets[{index}]",
            )
        if name in seen:
            raise InvalidOptimizationInput(f"{name!r} is listed twice", field=f"assets[{index}]")
        seen.add(name)
    return tuple(assets)


def check_size(rows: int, assets: int, field: str) -> None:
    """Bound a matrix of `rows` observations x `assets` columns before anything is built."""
    if rows > MAX_OBSERVATIONS:
        raise TooManyAssets(
            f"at most {MAX_OBSERVATIONS:,} observations a request, got {rows:,}", field=field
        )
    if rows * assets > MAX_CELLS:
        raise TooManyAssets(
            f"at most {MAX_CELLS:,} values (observations x assets) a request, "
            f"got {rows:,} x {assets:,}",
            field=field,
        )


def _matrix(rows: Sequence[Sequence[float | None]], width: int, field: str) -> FloatArray:
    check_size(len(rows), width, field)
    for index, row in enumerate(rows):
        if len(row) != width:
            raise InvalidOptimizationInput(
                f"each row holds one value per asset ({width}), row {index} holds {len(row)}",
                field=f"{field}[{index}]",
            )
    # numpy reads a null (None) as NaN, refused below with its position.
    matrix = np.array(rows, dtype=np.float64).reshape(len(rows), width)
    bad = np.argwhere(~np.isfinite(matrix))
    if bad.size:
        i, j = (int(k) for k in bad[0])
        raise NonFiniteReturns(
            f"{field}[{i}][{j}] is missing or not a finite number ({len(bad)} such value(s))",
            field=f"{field}[{i}][{j}]",
        )
    return matrix


def returns_from_rows(rows: Sequence[Sequence[float | None]], width: int) -> FloatArray:
    """Posted simple returns (T x n): finite and above -1 (a loss of 100 % or more is no
    return of a priced asset)."""
    matrix = _matrix(rows, width, "returns")
    bad = np.argwhere(matrix <= -1.0)
    if bad.size:
        i, j = (int(k) for k in bad[0])
        raise InvalidOptimizationInput(
            f"returns[{i}][{j}] is {matrix[i, j]:g}: a simple return is above -1",
            field=f"returns[{i}][{j}]",
        )
    return _enough(matrix, "returns")


def returns_from_prices(rows: Sequence[Sequence[float | None]], width: int) -> FloatArray:
    """Simple returns p_t / p_{t-1} - 1 of posted prices ((T + 1) x n, oldest first)."""
    prices = _matrix(rows, width, "prices")
    bad = np.argwhere(prices <= 0.0)
    if bad.size:
        i, j = (int(k) for k in bad[0])
        raise NegativePrice(
            f"prices[{i}][{j}] is {prices[i, j]:g}: prices must be positive",
            field=f"prices[{i}][{j}]",
        )
    if len(prices) < 2:
        raise InsufficientObservations("prices need at least two rows", field="prices")
    returns: FloatArray = prices[1:] / prices[:-1] - 1.0
    return _enough(returns, "prices")


def _enough(returns: FloatArray, field: str) -> FloatArray:
    if returns.shape[0] < MIN_OBSERVATIONS:
        raise InsufficientObservations(
            f"at least {MIN_OBSERVATIONS} return observations are needed, got {returns.shape[0]}",
            field=field,
        )
    flat = np.flatnonzero(np.ptp(returns, axis=0) == 0.0)
    if flat.size:
        raise SingularCovariance(
            f"asset {int(flat[0])} has the same return every period: no variance to weigh",
            field=f"{field}[*][{int(flat[0])}]",
        )
    return returns


def check_sample_size(returns: FloatArray, estimator: CovarianceEstimator, field: str) -> None:
    """The sample covariance of T returns has rank at most T - 1: it needs T > n."""
    observations, assets = returns.shape
    if estimator is CovarianceEstimator.SAMPLE and observations <= assets:
        raise InsufficientObservations(
            f"the sample covariance of {observations} observations of {assets} assets is "
            "singular: post more observations than assets, or use ledoit_wolf",
            field=field,
        )


def covariance_from_rows(rows: Sequence[Sequence[float | None]], width: int) -> FloatArray:
    """A posted covariance matrix (n x n, annual): finite, symmetric (made exactly so)."""
    if len(rows) != width:
        raise InvalidOptimizationInput(
            f"covariance needs {width} rows (one per asset), got {len(rows)}", field="covariance"
        )
    matrix = _matrix(rows, width, "covariance")
    scale = float(np.max(np.abs(matrix))) or 1.0
    asym = np.argwhere(np.abs(matrix - matrix.T) > SYMMETRY_TOLERANCE * scale)
    if asym.size:
        i, j = (int(k) for k in asym[0])
        raise InvalidOptimizationInput(
            f"covariance[{i}][{j}] differs from covariance[{j}][{i}]: it must be symmetric",
            field=f"covariance[{i}][{j}]",
        )
    symmetric: FloatArray = (matrix + matrix.T) / 2.0
    return symmetric


def check_positive_definite(
    covariance: FloatArray, assets: Sequence[str], shrinkage: float | None = None
) -> None:
    """SingularCovariance unless every eigenvalue is above SINGULAR_RATIO x the largest.

    A Ledoit-Wolf matrix (1 - d) S + d m I has every eigenvalue >= d m = d trace / n, and its
    largest is <= its trace: with d > n x SINGULAR_RATIO the test holds without the O(n^3)
    eigenvalue decomposition (a third of a 500-asset request's time on a busy machine)."""
    diagonal = np.diag(covariance)
    flat = np.flatnonzero(diagonal <= 0.0)
    if flat.size:
        name = assets[int(flat[0])]
        raise SingularCovariance(
            f"{name!r} has no positive variance: the covariance matrix is singular",
            field=f"covariance[{int(flat[0])}][{int(flat[0])}]",
        )
    if shrinkage is not None and shrinkage > len(diagonal) * SINGULAR_RATIO:
        return
    eigenvalues = np.linalg.eigvalsh(covariance)
    if not eigenvalues[0] > SINGULAR_RATIO * eigenvalues[-1]:
        raise SingularCovariance(
            f"the covariance matrix is singular or not positive definite (smallest eigenvalue "
            f"{eigenvalues[0]:.3g}, largest {eigenvalues[-1]:.3g}): some asset is a "
            "combination of others, or there are too few observations",
            field="covariance",
        )


def vector(values: Sequence[float | None], width: int, field: str) -> FloatArray:
    """A posted per-asset vector: one finite value per asset."""
    if len(values) != width:
        raise InvalidOptimizationInput(
            f"{field} needs one value per asset ({width}), got {len(values)}", field=field
        )
    array = np.array([math.nan if v is None else v for v in values], dtype=np.float64)
    bad = np.flatnonzero(~np.isfinite(array))
    if bad.size:
        raise NonFiniteReturns(
            f"{field}[{int(bad[0])}] is missing or not finite", field=f"{field}[{int(bad[0])}]"
        )
    return array
