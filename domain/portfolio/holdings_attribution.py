"""Brinson-Fachler attribution from holdings: sector weights and returns built from symbols.

Per period, the portfolio is given as its symbols' weights at the period's start (fractions
of its value, from stored holdings) and the benchmark as its constituents' weights; each
symbol has one return over the period (fractions) and one sector. A sector's weight is the
sum of its symbols' weights; its return is the weight-averaged return of its symbols. A
sector the portfolio does not hold takes the benchmark's sector return (and a sector the
benchmark does not hold the portfolio's), so its selection and interaction effects are zero
rather than undefined. The sectors' effects are then domain.portfolio.attribution's
(Brinson-Fachler by default), linked over the periods by Carino (domain.portfolio.linking),
whose totals equal the compounded active return.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from domain.portfolio.attribution import (
    AttributionModel,
    EffectTotals,
    PeriodAttribution,
    attribute,
    normalised,
)
from domain.portfolio.linking import LinkingMethod, link, linking_coefficients

__all__ = [
    "Constituent",
    "HoldingsAttribution",
    "HoldingsPeriod",
    "attribute_holdings",
    "sector_inputs",
]


@dataclass(frozen=True, slots=True)
class Constituent:
    """A benchmark constituent: its weight (>= 0, divided by the weights' sum) and optionally
    its sector (else its stored instrument's)."""

    symbol: str
    weight: float
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class HoldingsPeriod:
    """One period: weights at its start and returns over it, per symbol (fractions)."""

    portfolio_weights: Mapping[str, float]
    benchmark_weights: Mapping[str, float]
    returns: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class HoldingsAttribution:
    sectors: tuple[str, ...]
    periods: tuple[PeriodAttribution, ...]
    linked: EffectTotals
    linked_by_sector: dict[str, EffectTotals]
    portfolio_return: float  # compounded
    benchmark_return: float  # compounded
    linking: LinkingMethod

    @property
    def active_return(self) -> float:
        return self.portfolio_return - self.benchmark_return


def _sector_side(
    weights: Mapping[str, float],
    returns: Mapping[str, float],
    sector_of: Mapping[str, str],
    sectors: Sequence[str],
) -> tuple[list[float], list[float | None]]:
    weight = dict.fromkeys(sectors, 0.0)
    earned = dict.fromkeys(sectors, 0.0)
    for symbol, w in weights.items():
        sector = sector_of[symbol]
        weight[sector] += w
        earned[sector] += w * returns[symbol]
    return (
        [weight[s] for s in sectors],
        [earned[s] / weight[s] if weight[s] != 0.0 else None for s in sectors],
    )


def sector_inputs(
    period: HoldingsPeriod, sector_of: Mapping[str, str], sectors: Sequence[str]
) -> tuple[list[float], list[float], list[float], list[float]]:
    """(w_p, w_b, R_p, R_b) per sector, in `sectors` order (module doc for empty sectors)."""
    w_p, r_p = _sector_side(period.portfolio_weights, period.returns, sector_of, sectors)
    w_b, r_b = _sector_side(period.benchmark_weights, period.returns, sector_of, sectors)
    p_ret = [
        p if p is not None else (b if b is not None else 0.0) for p, b in zip(r_p, r_b, strict=True)
    ]
    b_ret = [b if b is not None else p for b, p in zip(r_b, p_ret, strict=True)]
    return w_p, w_b, p_ret, b_ret


def attribute_holdings(
    periods: Sequence[HoldingsPeriod],
    sector_of: Mapping[str, str],
    model: AttributionModel = AttributionModel.BRINSON_FACHLER,
    linking: LinkingMethod = LinkingMethod.CARINO,
) -> HoldingsAttribution:
    """Per-period sector effects and their linked totals (module doc)."""
    if not periods:
        raise ValueError("at least one period is needed")
    sectors = tuple(sorted(set(sector_of.values())))
    rows = [sector_inputs(p, sector_of, sectors) for p in periods]
    w_p = normalised([r[0] for r in rows])
    w_b = normalised([r[1] for r in rows])
    r_p = np.asarray([r[2] for r in rows], dtype=np.float64)
    r_b = np.asarray([r[3] for r in rows], dtype=np.float64)
    attributed = tuple(attribute(w_p, w_b, r_p, r_b, model))
    coefficients = linking_coefficients(
        linking,
        [a.portfolio_return for a in attributed],
        [a.benchmark_return for a in attributed],
    )
    effects = {
        name: np.stack([getattr(a, name) for a in attributed])
        for name in ("allocation", "selection", "interaction")
    }
    linked = {name: link(values, coefficients) for name, values in effects.items()}
    by_sector = {
        sector: EffectTotals(
            float(linked["allocation"][i]),
            float(linked["selection"][i]),
            float(linked["interaction"][i]),
        )
        for i, sector in enumerate(sectors)
    }
    totals = EffectTotals(
        *(math.fsum(linked[name].tolist()) for name in ("allocation", "selection", "interaction"))
    )
    return HoldingsAttribution(
        sectors,
        attributed,
        totals,
        by_sector,
        coefficients.portfolio_return,
        coefficients.benchmark_return,
        linking,
    )
