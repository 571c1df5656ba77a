"""The efficient frontier of one optimisation request, traced with the optimisation use case.

Every point is an `OptimizationService.optimize` answer for the same assets, data and bounds
(the same use case as POST /api/v1/analytics/optimization), so nothing here solves anything:

- the lowest point is the minimum-variance portfolio;
- the points above it are maximum-Sharpe (tangency) portfolios for a range of risk-free
  rates below the highest expected return the bounds allow: within bounds, the tangency
  portfolio for a rate r is the frontier's point whose tangent passes through (0, r), so as r
  rises from far below the minimum-variance return towards the highest attainable return it
  walks up the efficient frontier.

The chosen portfolio (the posted method, e.g. risk parity) is answered beside the frontier; it
need not lie on it. Volatility and expected return are annual fractions (the request's
periods_per_year annualises them).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from application.analytics.optimization import (
    MAX_RISK_FREE,
    OptimizationRequest,
    OptimizationResult,
    OptimizationService,
)
from domain.analytics.optimization.bounds import max_expected_return
from domain.errors import DomainError

# Distances below the minimum-variance return (annual fractions) of the lower tangency rates,
# and fractions of the way from it to the highest attainable return of the upper ones.
BELOW = (2.0, 1.0, 0.5, 0.25, 0.12, 0.06, 0.03)
BETWEEN = (0.1, 0.3, 0.5, 0.7, 0.85, 0.97)
# Two points closer than this (in volatility and in return) are one.
SAME_POINT = 1e-6


@dataclass(frozen=True, slots=True)
class FrontierPoint:
    """One efficient portfolio: annual volatility and expected return, and its weights."""

    volatility: float
    expected_return: float
    weights: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Frontier:
    """The chosen portfolio (the request's method) and the frontier's points by volatility."""

    chosen: OptimizationResult
    points: tuple[FrontierPoint, ...]


def _point(result: OptimizationResult) -> FrontierPoint | None:
    m = result.measures
    if m.expected_return is None:
        return None
    weights = tuple(float(w) for w in result.weights)
    return FrontierPoint(float(m.volatility), float(m.expected_return), weights)


def tangency_rates(lowest: float, highest: float) -> list[float]:
    """The risk-free rates whose tangency portfolios spread along the frontier (see module)."""
    rates = [lowest - gap for gap in BELOW]
    rates += [lowest + (highest - lowest) * share for share in BETWEEN]
    usable = [r for r in rates if -MAX_RISK_FREE <= r <= MAX_RISK_FREE and r < highest]
    return sorted(set(usable))


async def trace_frontier(service: OptimizationService, request: OptimizationRequest) -> Frontier:
    """The request's own answer and the frontier of its assets within its bounds.

    A refusal of the request itself (bad input, infeasible bounds...) is raised as the API
    raises it; a frontier point the solver cannot certify is left out.
    """
    chosen = await service.optimize(request)
    lowest = await service.optimize(dataclasses.replace(request, method="min_variance"))
    points = [p for p in (_point(lowest),) if p is not None]
    mu = lowest.asset_expected_return
    if points and mu is not None:
        highest = max_expected_return(mu, lowest.bounds)
        for rate in tangency_rates(points[0].expected_return, highest):
            ask = dataclasses.replace(request, method="max_sharpe", risk_free_rate=rate)
            try:
                found = _point(await service.optimize(ask))
            except DomainError:  # a tangency the solver cannot certify: one point fewer
                continue
            if found is not None:
                points.append(found)
    return Frontier(chosen, _distinct(points))


def _distinct(points: list[FrontierPoint]) -> tuple[FrontierPoint, ...]:
    kept: list[FrontierPoint] = []
    for p in sorted(points, key=lambda p: (p.volatility, p.expected_return)):
        if kept and (
            math.isclose(p.volatility, kept[-1].volatility, abs_tol=SAME_POINT)
            and math.isclose(p.expected_return, kept[-1].expected_return, abs_tol=SAME_POINT)
        ):
            continue
        kept.append(p)
    return tuple(kept)
