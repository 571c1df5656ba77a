"""Weight bounds of a fully invested portfolio (budget: the weights add up to 1).

Each asset's weight w_i must lie in [lower_i, upper_i]. Long-only portfolios default to
[0, 1]; long-short ones to [-1, 1] (at most 100 % short or long in one asset, so the answer
stays finite). A fully invested portfolio fits the bounds only when
sum(lower) <= 1 <= sum(upper) and lower_i <= upper_i for every asset.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from domain.analytics.optimization.errors import InfeasibleBounds, InvalidOptimizationInput
from domain.analytics.optimization.problem import FloatArray

# A solver's answer is polished onto the bounds and the budget when it is off by at most this.
TOLERANCE = 1e-6
LONG_SHORT_LIMIT = 1.0


@dataclass(frozen=True, slots=True)
class WeightBounds:
    """Per-asset lower and upper bounds (fractions of the portfolio)."""

    lower: FloatArray
    upper: FloatArray

    @property
    def long_only(self) -> bool:
        return bool(np.all(self.lower >= 0.0))


def resolve_bounds(
    assets: tuple[str, ...],
    *,
    long_only: bool = True,
    min_weight: float | None = None,
    max_weight: float | None = None,
    per_asset: Mapping[str, tuple[float | None, float | None]] | None = None,
) -> WeightBounds:
    """The bounds of each asset: `per_asset` over `min_weight`/`max_weight` over the default
    ([0, 1] long-only, [-1, 1] long-short); InfeasibleBounds when no portfolio fits them."""
    default_low = 0.0 if long_only else -LONG_SHORT_LIMIT
    low = default_low if min_weight is None else _number(min_weight, "min_weight")
    high = 1.0 if max_weight is None else _number(max_weight, "max_weight")
    if not long_only and max_weight is None:
        high = LONG_SHORT_LIMIT
    lower = np.full(len(assets), low)
    upper = np.full(len(assets), high)
    index = {name: i for i, name in enumerate(assets)}
    for name, (lo, hi) in (per_asset or {}).items():
        if name not in index:
            raise InvalidOptimizationInput(
                f"bounds name {name[:64]!r}, which is not among the assets", field="bounds"
            )
        i = index[name]
        if lo is not None:
            lower[i] = _number(lo, f"bounds.{name}.min")
        if hi is not None:
            upper[i] = _number(hi, f"bounds.{name}.max")
    if long_only:
        negative = np.flatnonzero(lower < 0.0)
        if negative.size:
            raise InfeasibleBounds(
                f"a long-only portfolio cannot hold {assets[int(negative[0])]!r} short "
                f"(lower bound {lower[int(negative[0])]:g})",
                field="bounds",
            )
    check_feasible(WeightBounds(lower, upper), assets)
    return WeightBounds(lower, upper)


def _number(value: float, field: str) -> float:
    if not math.isfinite(value) or abs(value) > 100.0:
        raise InvalidOptimizationInput(
            f"{field} must be a finite fraction within [-100, 100], got {value!r}", field=field
        )
    return float(value)


def check_feasible(bounds: WeightBounds, assets: tuple[str, ...]) -> None:
    """InfeasibleBounds, naming why, unless some fully invested portfolio fits."""
    crossed = np.flatnonzero(bounds.lower > bounds.upper)
    if crossed.size:
        i = int(crossed[0])
        raise InfeasibleBounds(
            f"{assets[i]!r}: lower bound {bounds.lower[i]:g} is above its upper bound "
            f"{bounds.upper[i]:g}",
            field="bounds",
        )
    low, high = float(bounds.lower.sum()), float(bounds.upper.sum())
    if low > 1.0 + 1e-12:
        raise InfeasibleBounds(
            f"the lower bounds add up to {low:.6g} > 1: no fully invested portfolio fits",
            field="bounds",
        )
    if high < 1.0 - 1e-12:
        raise InfeasibleBounds(
            f"the upper bounds add up to {high:.6g} < 1: no fully invested portfolio fits "
            f"({len(assets)} asset(s))",
            field="bounds",
        )


def max_expected_return(mu: FloatArray, bounds: WeightBounds) -> float:
    """The highest mu @ w over fully invested w within the bounds (a continuous knapsack:
    start at the lower bounds, then fill the best assets up to their upper bounds)."""
    weights = bounds.lower.copy()
    left = 1.0 - float(weights.sum())
    for i in np.argsort(-mu, kind="stable"):
        if left <= 0.0:
            break
        step = min(left, float(bounds.upper[i] - bounds.lower[i]))
        weights[i] += step
        left -= step
    return float(mu @ weights)


def polish(weights: FloatArray, bounds: WeightBounds) -> FloatArray:
    """A solver's weights put exactly on the bounds and the budget: clipped, then the
    remainder spread over the assets with room left, in proportion to that room. Refuses
    (ValueError) an answer further than TOLERANCE from feasible: that is a solver failure."""
    if not np.all(np.isfinite(weights)):
        raise ValueError("the solver returned non-finite weights")
    excess = max(
        float(np.max(bounds.lower - weights, initial=0.0)),
        float(np.max(weights - bounds.upper, initial=0.0)),
        abs(float(weights.sum()) - 1.0),
    )
    if excess > TOLERANCE:
        raise ValueError(f"the solver's weights are {excess:.3g} away from the constraints")
    clipped = np.clip(weights, bounds.lower, bounds.upper)
    for _ in range(3):  # once is exact in real arithmetic; twice more for rounding
        gap = 1.0 - float(clipped.sum())
        if gap == 0.0:
            break
        room = (bounds.upper - clipped) if gap > 0 else (clipped - bounds.lower)
        total = float(room.sum())
        if total <= 0.0:
            break
        clipped = np.clip(clipped + gap * room / total, bounds.lower, bounds.upper)
    polished: FloatArray = clipped
    return polished
