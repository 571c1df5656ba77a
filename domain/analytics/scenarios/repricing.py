"""A portfolio's P&L under many macro scenarios, through per-position sensitivities.

For a position of market value V (signed: a short is negative) and a scenario's moves
(r_eq, dy, r_oil, r_usd, ds) in the units of factors.py, with dy and ds in decimal
(bp / 10,000):

    P&L = V x (beta_equity r_eq - duration dy + 1/2 convexity dy^2
               + beta_oil r_oil + beta_usd r_usd - spread_duration ds)

beta_*: the position's return per unit factor return; duration (years): its price
sensitivity to yields (modified duration); convexity (years^2); spread_duration (years): to
credit spreads. It is a first-order (plus rates convexity) revaluation: exact for the
sensitivities given, not a full repricing of options or of path-dependent instruments.

All positions x all scenarios in one matrix product (numpy float64): 1,000 positions x 100
scenarios is a (1000 x 5) @ (5 x 100) product (benchmarks/bench_scenarios.py). Money figures
are computed in float64 and reported to the cent (Decimal, half-even).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

import numpy as np
from numpy.typing import NDArray

from domain.analytics.scenarios.factors import (
    FACTORS,
    MAX_SCENARIOS,
    Factor,
    InvalidScenario,
    Scenario,
)
from domain.numbers import CENT

MAX_POSITIONS = 10_000
BP = 1e-4
BETA_BOUND = 100.0
DURATION_BOUND = 100.0  # years
CONVEXITY_BOUND = 10_000.0  # years^2
MAX_VALUE = Decimal("1e15")
WORST_POSITIONS = 5


class EmptyPortfolio(InvalidScenario):
    """No position to stress (an empty list, or a portfolio holding nothing priced)."""

    code = "EMPTY_PORTFOLIO"


@dataclass(frozen=True, slots=True)
class Sensitivities:
    """A position's sensitivities (module doc); zero where the position has none."""

    beta_equity: float = 0.0
    duration: float = 0.0  # years
    convexity: float = 0.0  # years^2
    beta_oil: float = 0.0
    beta_usd: float = 0.0
    spread_duration: float = 0.0  # years


@dataclass(frozen=True, slots=True)
class StressPosition:
    """One position: its signed market value (base currency) and sensitivities; a hedge is
    counted apart by the hedge sufficiency."""

    name: str
    market_value: Decimal
    sensitivities: Sensitivities
    hedge: bool = False


@dataclass(frozen=True, slots=True)
class ScenarioPnl:
    """One scenario's result, money in the base currency to the cent."""

    scenario: Scenario
    pnl: Decimal
    pnl_fraction: float  # of the gross market value, sum |V|
    by_factor: dict[Factor, Decimal]  # the convexity term goes to rates
    core_pnl: Decimal  # positions that are not hedges
    hedge_pnl: Decimal
    worst_positions: tuple[tuple[str, Decimal], ...]  # the (up to 5) largest losses


@dataclass(frozen=True, slots=True)
class PnlMatrix:
    """Per-position, per-scenario P&L (float64, base currency) and the factor split."""

    pnl: NDArray[np.float64]  # positions x scenarios
    by_factor: NDArray[np.float64]  # factors x scenarios, summed over positions


def check_positions(positions: Sequence[StressPosition], field: str = "positions") -> None:
    """1 to MAX_POSITIONS positions with finite values within 1e15 and bounded sensitivities."""
    if not positions:
        raise EmptyPortfolio("there is no position to stress", field=field)
    if len(positions) > MAX_POSITIONS:
        raise InvalidScenario(f"at most {MAX_POSITIONS:,} positions", field=field)
    for index, p in enumerate(positions):
        where = f"{field}[{index}]"
        if not p.market_value.is_finite() or abs(p.market_value) > MAX_VALUE:
            raise InvalidScenario(
                f"{where}.market_value: finite, within +-1e15", field=f"{where}.market_value"
            )
        s = p.sensitivities
        for name, value, bound in (
            ("beta_equity", s.beta_equity, BETA_BOUND),
            ("beta_oil", s.beta_oil, BETA_BOUND),
            ("beta_usd", s.beta_usd, BETA_BOUND),
            ("duration", s.duration, DURATION_BOUND),
            ("spread_duration", s.spread_duration, DURATION_BOUND),
            ("convexity", s.convexity, CONVEXITY_BOUND),
        ):
            if not math.isfinite(value) or abs(value) > bound:
                raise InvalidScenario(
                    f"{where}.{name}: within +-{bound:g}", field=f"{where}.{name}"
                )


def exposures(positions: Sequence[StressPosition]) -> tuple[NDArray[np.float64], ...]:
    """(values, linear exposures positions x factors, convexity exposures) in float64; the
    linear exposure to rates and credit is per decimal move (bp are scaled in `pnl_matrix`)."""
    values = np.array([float(p.market_value) for p in positions], dtype=np.float64)
    sens = np.array(
        [
            (
                p.sensitivities.beta_equity,
                -p.sensitivities.duration,
                p.sensitivities.beta_oil,
                p.sensitivities.beta_usd,
                -p.sensitivities.spread_duration,
            )
            for p in positions
        ],
        dtype=np.float64,
    ).reshape(len(positions), len(FACTORS))
    convexity = np.array([p.sensitivities.convexity for p in positions], dtype=np.float64)
    return values, sens * values[:, None], 0.5 * convexity * values


def shock_matrix(scenarios: Sequence[Scenario]) -> NDArray[np.float64]:
    """Scenarios x factors, with basis-point factors in decimal (bp x 1e-4)."""
    if not scenarios:
        raise InvalidScenario("give at least one scenario", field="scenarios")
    if len(scenarios) > MAX_SCENARIOS:
        raise InvalidScenario(f"at most {MAX_SCENARIOS} scenarios", field="scenarios")
    matrix = np.array([s.vector() for s in scenarios], dtype=np.float64)
    scale = np.array([BP if f in (Factor.RATES, Factor.CREDIT) else 1.0 for f in FACTORS])
    scaled: NDArray[np.float64] = matrix * scale
    return scaled


def pnl_matrix(
    linear: NDArray[np.float64], convex: NDArray[np.float64], shocks: NDArray[np.float64]
) -> PnlMatrix:
    """Every position under every scenario: linear @ shocks' + convex (x) dy^2."""
    dy2 = shocks[:, FACTORS.index(Factor.RATES)] ** 2
    pnl = linear @ shocks.T + np.outer(convex, dy2)
    by_factor = linear.sum(axis=0)[:, None] * shocks.T
    by_factor[FACTORS.index(Factor.RATES)] += convex.sum() * dy2
    return PnlMatrix(pnl, by_factor)


def _money(value: float) -> Decimal:
    return Decimal(repr(float(value))).quantize(CENT, rounding=ROUND_HALF_EVEN)


def reprice(
    positions: Sequence[StressPosition], scenarios: Sequence[Scenario]
) -> list[ScenarioPnl]:
    """Each scenario's P&L over the positions (module doc), with its factor split, the core
    and hedge parts and the worst positions."""
    check_positions(positions)
    values, linear, convex = exposures(positions)
    result = pnl_matrix(linear, convex, shock_matrix(scenarios))
    gross = float(np.abs(values).sum())
    hedges = np.array([p.hedge for p in positions], dtype=bool)
    totals = result.pnl.sum(axis=0)
    hedge_totals = result.pnl[hedges].sum(axis=0)
    out = []
    for j, scenario in enumerate(scenarios):
        column = result.pnl[:, j]
        worst = np.argsort(column, kind="stable")[:WORST_POSITIONS]
        out.append(
            ScenarioPnl(
                scenario=scenario,
                pnl=_money(totals[j]),
                pnl_fraction=float(totals[j] / gross) if gross > 0 else 0.0,
                by_factor={f: _money(result.by_factor[i, j]) for i, f in enumerate(FACTORS)},
                core_pnl=_money(totals[j] - hedge_totals[j]),
                hedge_pnl=_money(hedge_totals[j]),
                worst_positions=tuple(
                    (positions[i].name, _money(column[i])) for i in worst if column[i] < 0
                ),
            )
        )
    return out
