"""The macro factors a scenario moves, shock vectors, and the correlation model.

Factors and their units (a shock is a move over the scenario's horizon):
- equity: the broad equity market's return, a fraction (-0.20 = a 20 % fall);
- rates: the change in government yields, basis points (+100 = one percentage point);
- oil: crude oil's return, a fraction;
- usd: the U.S. dollar's return against a broad basket, a fraction (+0.05 = 5 % stronger);
- credit: the change in corporate credit spreads, basis points.

The correlation model holds each factor's volatility (in its own unit) and their correlation
matrix. A scenario that names only some factors has the others filled in with their
expectation given the named ones under a joint normal model: x_u = S_us S_ss^-1 x_s, where
S = D R D is the covariance from volatilities D and correlations R. The Mahalanobis distance
sqrt(x' S^-1 x) says how many "standard deviations" away a whole scenario is.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray

from domain.errors import DomainError


class Factor(StrEnum):
    EQUITY = "equity"
    RATES = "rates"
    OIL = "oil"
    USD = "usd"
    CREDIT = "credit"


FACTORS: tuple[Factor, ...] = tuple(Factor)
BASIS_POINT_FACTORS = frozenset({Factor.RATES, Factor.CREDIT})
RETURN_BOUNDS = (-1.0, 10.0)  # a fraction: no fall past -100 %, no rise past +1000 %
BP_BOUNDS = (-5000.0, 5000.0)  # basis points
MAX_SCENARIOS = 1000
SYMMETRY_TOLERANCE = 1e-9
PSD_TOLERANCE = 1e-10


class InvalidScenario(DomainError):
    """A scenario, a shock or a stress input that cannot be used (422, naming the field)."""

    code = "INVALID_SCENARIO"


class InvalidCorrelation(InvalidScenario):
    """A correlation matrix that is not one: not square over the factors, not symmetric, a
    diagonal other than 1, an entry outside [-1, 1], or not positive semi-definite."""

    code = "INVALID_CORRELATION"


class SingularCorrelation(InvalidScenario):
    """The named factors' covariance cannot be inverted (perfectly correlated factors, or a
    zero volatility): the other factors cannot be filled in from them."""

    code = "SINGULAR_CORRELATION"


def unit_of(factor: Factor) -> str:
    return "basis points" if factor in BASIS_POINT_FACTORS else "fraction (0.01 = 1 %)"


def check_shock(factor: Factor, value: float, field: str) -> float:
    low, high = BP_BOUNDS if factor in BASIS_POINT_FACTORS else RETURN_BOUNDS
    if not math.isfinite(value) or not low <= value <= high:
        raise InvalidScenario(
            f"{field}: a {factor.value} shock is a {unit_of(factor)} in [{low:g}, {high:g}]",
            field=field,
        )
    return value


@dataclass(frozen=True, slots=True)
class Scenario:
    """A named set of factor moves; `given` are the factors the scenario itself names (the
    rest were filled in by the correlation model, or are zero without one)."""

    name: str
    shocks: Mapping[Factor, float]
    given: frozenset[Factor]

    def vector(self) -> NDArray[np.float64]:
        return np.array([self.shocks.get(f, 0.0) for f in FACTORS], dtype=np.float64)


@dataclass(frozen=True, slots=True)
class CorrelationModel:
    """Factor volatilities (each in its factor's unit, over the scenario horizon) and the
    correlation matrix in FACTORS order; build with `correlation_model` (it validates)."""

    volatilities: tuple[float, ...]
    correlations: tuple[tuple[float, ...], ...]

    def covariance(self) -> NDArray[np.float64]:
        vol = np.array(self.volatilities, dtype=np.float64)
        corr = np.array(self.correlations, dtype=np.float64)
        return corr * np.outer(vol, vol)


def correlation_model(
    volatilities: Mapping[Factor, float], correlations: Sequence[Sequence[float]]
) -> CorrelationModel:
    """A validated model: a volatility >= 0 per factor, a 5 x 5 symmetric matrix in FACTORS
    order with ones on the diagonal, entries in [-1, 1], positive semi-definite."""
    vols = []
    for factor in FACTORS:
        vol = volatilities.get(factor)
        if vol is None or not math.isfinite(vol) or vol < 0:
            raise InvalidCorrelation(
                f"volatilities.{factor.value}: a volatility >= 0 in {unit_of(factor)}",
                field=f"volatilities.{factor.value}",
            )
        vols.append(float(vol))
    size = len(FACTORS)
    if len(correlations) != size or any(len(row) != size for row in correlations):
        raise InvalidCorrelation(
            f"correlations: a {size} x {size} matrix in the order {', '.join(FACTORS)}",
            field="correlations",
        )
    matrix = np.array(correlations, dtype=np.float64)
    if not np.all(np.isfinite(matrix)) or np.any(np.abs(matrix) > 1.0):
        raise InvalidCorrelation("correlations: every entry in [-1, 1]", field="correlations")
    if np.any(np.abs(np.diag(matrix) - 1.0) > SYMMETRY_TOLERANCE):
        raise InvalidCorrelation("correlations: ones on the diagonal", field="correlations")
    if np.any(np.abs(matrix - matrix.T) > SYMMETRY_TOLERANCE):
        raise InvalidCorrelation("correlations: the matrix must be symmetric", field="correlations")
    if float(np.linalg.eigvalsh(matrix).min()) < -PSD_TOLERANCE:
        raise InvalidCorrelation(
            "correlations: not positive semi-definite (no joint distribution has them)",
            field="correlations",
        )
    return CorrelationModel(tuple(vols), tuple(tuple(float(x) for x in row) for row in matrix))


def complete(name: str, given: Mapping[Factor, float], model: CorrelationModel | None) -> Scenario:
    """The scenario with the factors `given` leaves out filled in by `model` (conditional
    expectation, module doc), or left at zero without a model."""
    if not given:
        raise InvalidScenario(f"scenario {name!r} names no factor", field="shocks")
    shocks = dict(given)
    missing = [f for f in FACTORS if f not in given]
    if model is not None and missing:
        cov = model.covariance()
        known = [FACTORS.index(f) for f in FACTORS if f in given]
        unknown = [FACTORS.index(f) for f in missing]
        s_ss = cov[np.ix_(known, known)]
        if np.linalg.matrix_rank(s_ss) < len(known):
            raise SingularCorrelation(
                f"scenario {name!r}: the covariance of {', '.join(f for f in given)} is "
                "singular (perfectly correlated, or a zero volatility)",
                field="correlations",
            )
        x_s = np.array([given[FACTORS[i]] for i in known], dtype=np.float64)
        x_u = cov[np.ix_(unknown, known)] @ np.linalg.solve(s_ss, x_s)
        for index, value in zip(unknown, x_u, strict=True):
            shocks[FACTORS[index]] = float(value)
    return Scenario(name, shocks, frozenset(given))


def mahalanobis(scenario: Scenario, model: CorrelationModel) -> float | None:
    """sqrt(x' S^-1 x) over all five factors; None when the covariance is singular."""
    cov = model.covariance()
    if np.linalg.matrix_rank(cov) < len(FACTORS):
        return None
    x = scenario.vector()
    return float(math.sqrt(max(float(x @ np.linalg.solve(cov, x)), 0.0)))
