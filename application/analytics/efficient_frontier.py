"""The efficient frontier of one optimisation request, traced with the optimisation use case.

Every point is an `OptimizationService.optimize` answer for the same assets, data and bounds
(the same use case as POST /api/v1/analytics/optimization), so nothing here solves anything:

- the lowest point is the minimum-variance portfolio;
- the points above it are maximum-Sharpe (tangency) portfolios for a range of risk-free
  rates below the highest expected return the bounds allow: within bounds, the tangency
  portfolio for a rate r is the frontier's point whose tangent passes through (0, r), so as r
  rises from far below the minimum-variance return towards the highest attainable return it
  walks up the efficient frontier. Where two neighbouring points lie far apart, the rate
  between theirs fills the gap (a few more solves, at most MAX_POINTS in all).

The chosen portfolio (the posted method, e.g. risk parity) is answered beside the frontier; it
need not lie on it. The frontier's points keep the request's bounds and constraints but not
what only the chosen method reads (risk budgets, Black-Litterman's views, mean-CVaR's target):
they rest on the historical mean returns. Volatility and expected return are annual fractions
(the request's periods_per_year annualises them).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from itertools import pairwise

from application.analytics.optimization import (
    MAX_RISK_FREE,
    OptimizationRequest,
    OptimizationResult,
    OptimizationService,
)
from domain.analytics.optimization.bounds import max_expected_return
from domain.errors import DomainError

# Distances below the minimum-variance return (annual fractions) of the first lower tangency
# rates, and fractions of the way from it to the highest attainable return of the upper ones;
# then the widest gap between neighbouring points is halved (its rates' midpoint) until the
# points are at most 1/GAPS of the frontier's width apart or MAX_POINTS are solved.
BELOW = (1.0, 0.25, 0.06, 0.015)
BETWEEN = (0.5, 0.97)
GAPS = 16
MAX_POINTS = 24
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
    lowest = await service.optimize(_point_request(request, "min_variance"))
    start = _point(lowest)
    mu = lowest.asset_expected_return
    if start is None or mu is None:
        return Frontier(chosen, () if start is None else (start,))
    highest = max_expected_return(mu, lowest.bounds)
    # By rate: the minimum-variance portfolio is the tangency of a rate far below (-inf).
    found: dict[float, FrontierPoint] = {-math.inf: start}

    async def tangency(rate: float) -> None:
        ask = _point_request(request, "max_sharpe", risk_free_rate=rate)
        try:
            point = _point(await service.optimize(ask))
        except DomainError:  # a tangency the solver cannot certify: one point fewer
            return
        if point is not None:
            found[rate] = point

    for rate in tangency_rates(start.expected_return, highest):
        await tangency(rate)
    tried: set[tuple[float, float]] = set()
    while len(found) < MAX_POINTS:
        gap = _widest_gap(found, tried)
        if gap is None:
            break
        tried.add(gap)
        low = max(gap[0], -MAX_RISK_FREE)
        await tangency((low + gap[1]) / 2.0)
    return Frontier(chosen, _distinct(list(found.values())))


def _point_request(
    request: OptimizationRequest, method: str, risk_free_rate: float | None = None
) -> OptimizationRequest:
    """The request of a frontier point: the same assets, data, bounds and constraints (sector
    limits, turnover, tracking error), without what only the chosen method reads (risk
    budgets, Black-Litterman's equilibrium and views, mean-CVaR's target or aversion)."""
    return dataclasses.replace(
        request, method=method, risk_budgets=None, views=(), market_weights=None,
        market_caps=None, risk_aversion=None, target_return=None,
        risk_free_rate=request.risk_free_rate if risk_free_rate is None else risk_free_rate,
    )  # fmt: skip


def _widest_gap(
    found: dict[float, FrontierPoint], tried: set[tuple[float, float]]
) -> tuple[float, float] | None:
    """The neighbouring rates whose points are furthest apart in volatility, when further
    than 1/GAPS of the frontier's width (and not halved already)."""
    rates = sorted(found)
    vols = [found[r].volatility for r in rates]
    width = max(vols) - min(vols)
    best: tuple[float, float] | None = None
    widest = width / GAPS
    for (a, b), (va, vb) in zip(pairwise(rates), pairwise(vols), strict=True):
        if (a, b) not in tried and abs(vb - va) > widest:
            best, widest = (a, b), abs(vb - va)
    return best


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
