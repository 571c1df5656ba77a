"""Constraints beyond each asset's bounds, for the convex methods: sector floors and caps, a
turnover limit against the current weights, a tracking-error cap against a benchmark.

- Sector s: lower_s <= sum_{i in s} w_i <= upper_s (each asset in at most one sector).
- Turnover: sum_i |w_i - w0_i| <= max_turnover (w0: the current weights; one-way trades
  added up, so selling 10 % of A to buy 10 % of B is a turnover of 0.2).
- Tracking error: sqrt((w - b)' S (w - b)) <= max_tracking_error, S the annual covariance,
  b the benchmark's weights (an annual standard deviation of the active return).

Each is convex (linear, a 1-norm, a second-order cone), so it joins any convex method's
program; the rule-based and unique-answer methods (risk parity, HRP, inverse volatility,
equal weight) refuse them. What can be told infeasible without a solver is refused here,
naming the field; the rest is the solver's to find (CONSTRAINTS_INFEASIBLE).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from domain.analytics.optimization.bounds import WeightBounds
from domain.analytics.optimization.errors import ConstraintsInfeasible, InvalidOptimizationInput
from domain.analytics.optimization.problem import FloatArray

# A budget or a floor is met when within this of its target (the solver's tolerance is ~1e-8).
FEASIBILITY_SLACK = 1e-9


@dataclass(frozen=True, slots=True)
class SectorLimit:
    """lower <= the sector's total weight <= upper; `members` index the assets."""

    name: str
    members: tuple[int, ...]
    lower: float
    upper: float


@dataclass(frozen=True, slots=True)
class Constraints:
    """The constraints over the bounds; empty by default (the bounds and the budget alone)."""

    sectors: tuple[SectorLimit, ...] = ()
    current: FloatArray | None = None  # w0, for the turnover limit
    max_turnover: float | None = None
    benchmark: FloatArray | None = None  # b, for the tracking-error cap
    max_tracking_error: float | None = None  # annual
    tracking_factor: FloatArray | None = None  # L with L L' = S (annual), for the cap

    @property
    def any(self) -> bool:
        return (
            bool(self.sectors)
            or self.max_turnover is not None
            or (self.max_tracking_error is not None)
        )

    def fields(self) -> list[str]:
        """The request fields of the constraints in force (for a refusal to name)."""
        named = []
        if self.sectors:
            named.append("sector_limits")
        if self.max_turnover is not None:
            named.append("max_turnover")
        if self.max_tracking_error is not None:
            named.append("max_tracking_error")
        return named


NONE = Constraints()


def weights_of(
    given: Mapping[str, float], assets: tuple[str, ...], field: str, *, budget: bool
) -> FloatArray:
    """Posted weights by asset name (absent: 0): finite; adding up to 1 when `budget`."""
    index = {name: i for i, name in enumerate(assets)}
    weights = np.zeros(len(assets))
    for name, value in given.items():
        if name not in index:
            raise InvalidOptimizationInput(
                f"{field} names {name[:64]!r}, which is not among the assets", field=field
            )
        if not (isinstance(value, int | float) and math.isfinite(value) and abs(value) <= 100):
            raise InvalidOptimizationInput(
                f"{field}.{name[:64]} must be a finite fraction", field=f"{field}.{name[:64]}"
            )
        weights[index[name]] = float(value)
    if budget and abs(float(weights.sum()) - 1.0) > 1e-6:
        raise InvalidOptimizationInput(
            f"{field} must add up to 1 (a fully invested portfolio), they add up to "
            f"{float(weights.sum()):.9g}",
            field=field,
        )
    return weights


def sector_limits(
    assets: tuple[str, ...],
    sector_of: Mapping[str, str],
    limits: Mapping[str, tuple[float | None, float | None]],
    bounds: WeightBounds,
) -> tuple[SectorLimit, ...]:
    """Each limited sector with its members; refuses a limit that cannot be met whatever the
    other constraints (a floor above its members' upper bounds, a cap below their lower
    bounds, floors adding up to more than 1, caps of a whole universe under 1)."""
    found: list[SectorLimit] = []
    for name, (low, high) in sorted(limits.items()):
        field = f"sector_limits.{name[:64]}"
        members = tuple(i for i, a in enumerate(assets) if sector_of.get(a) == name)
        if not members:
            raise InvalidOptimizationInput(f"no asset is in sector {name[:64]!r}", field=field)
        lower = -math.inf if low is None else _fraction(low, f"{field}.min")
        upper = math.inf if high is None else _fraction(high, f"{field}.max")
        if lower > upper:
            raise ConstraintsInfeasible(
                f"sector {name!r}: its floor {lower:g} is above its cap {upper:g}", field=field
            )
        most = float(bounds.upper[list(members)].sum())
        least = float(bounds.lower[list(members)].sum())
        if lower > most + FEASIBILITY_SLACK:
            raise ConstraintsInfeasible(
                f"sector {name!r}: its floor {lower:g} is above what its assets' upper bounds "
                f"allow ({most:g})",
                field=field,
            )
        if upper < least - FEASIBILITY_SLACK:
            raise ConstraintsInfeasible(
                f"sector {name!r}: its cap {upper:g} is below its assets' lower bounds ({least:g})",
                field=field,
            )
        found.append(SectorLimit(name, members, lower, upper))
    floors = sum(max(s.lower, 0.0) for s in found)
    if floors > 1.0 + FEASIBILITY_SLACK and bounds.long_only:
        raise ConstraintsInfeasible(
            f"the sector floors add up to {floors:g} > 1 in a long-only portfolio",
            field="sector_limits",
        )
    limited = {i for s in found for i in s.members}
    if len(limited) == len(assets) and sum(s.upper for s in found) < 1.0 - FEASIBILITY_SLACK:
        raise ConstraintsInfeasible(
            "the sector caps add up to less than 1 and every asset is in a capped sector",
            field="sector_limits",
        )
    return tuple(found)


def least_turnover(current: FloatArray, bounds: WeightBounds) -> float:
    """The least sum |w - w0| of a fully invested w within the bounds: moving each weight
    onto its bounds costs what it is outside them, and the budget's gap |1 - sum(w)| at
    least that (a lower bound; exact when no bound binds)."""
    clipped = np.clip(current, bounds.lower, bounds.upper)
    outside = float(np.abs(current - clipped).sum())
    return max(outside, abs(1.0 - float(current.sum())))


def check_turnover(current: FloatArray, limit: float, bounds: WeightBounds) -> float:
    if not (math.isfinite(limit) and 0.0 <= limit <= 200.0):
        raise InvalidOptimizationInput(
            f"max_turnover is a fraction within [0, 200] (sum of |w - w0|), got {limit!r}",
            field="max_turnover",
        )
    least = least_turnover(current, bounds)
    if least > limit + FEASIBILITY_SLACK:
        raise ConstraintsInfeasible(
            f"reaching the bounds and the budget from the current weights takes a turnover of "
            f"at least {least:.6g} > max_turnover {limit:g}",
            field="max_turnover",
        )
    return float(limit)


def check_tracking_cap(limit: float) -> float:
    if not (math.isfinite(limit) and 0.0 <= limit <= 10.0):
        raise InvalidOptimizationInput(
            f"max_tracking_error is an annual fraction within [0, 10], got {limit!r}",
            field="max_tracking_error",
        )
    return float(limit)


def tracking_error(weights: FloatArray, benchmark: FloatArray, covariance: FloatArray) -> float:
    """sqrt((w - b)' S (w - b)): the annual volatility of the active return."""
    active = weights - benchmark
    return float(np.sqrt(max(float(active @ covariance @ active), 0.0)))


def _fraction(value: float, field: str) -> float:
    if not (math.isfinite(value) and abs(value) <= 100.0):
        raise InvalidOptimizationInput(f"{field} must be a finite fraction", field=field)
    return float(value)
