"""POST /api/v1/analytics/attribution: Brinson attribution over dated periods, linked, with CUSUM.

A calculation on posted figures: nothing is read or stored. The caller sends dated periods,
each with the same sectors and, per sector, the portfolio and benchmark weights (fractions at
the start of the period) and returns (fractions over the period). This use case checks them
(422 INVALID_ATTRIBUTION_INPUT naming the field):

- 1 to MAX_PERIODS periods, 1 to MAX_SECTORS sectors, every period naming the same sectors
  (any order; `periods[i].sectors`), none twice (`periods[i].sectors[j].sector`);
- each period's start before its end (`periods[i].end`), no period starting before the
  previous one ends (`periods[i].start`);
- numbers finite, sector returns >= -1 (`periods[i].sectors[j].portfolio_return`), the
  portfolio and benchmark weights each summing to 1 within WEIGHT_TOLERANCE
  (`periods[i].sectors[*].portfolio_weight` / `...benchmark_weight`), the period's total
  returns above -1 (`periods[i].sectors`: they are compounded);
- CUSUM parameters: k >= 0, h > 0, sigma > 0 when given (`cusum.k`, `cusum.h`, `cusum.sigma`).

Weights that pass are divided by their sum, so each period's effects add up to its active
return to within rounding. Then: the per-period, per-sector effects
(domain.portfolio.attribution), the effects linked over the periods by Carino or Menchero
(domain.portfolio.linking; they add up to the compounded active return), and the tabular
CUSUM of the per-period active returns dated by each period's end (domain.portfolio.cusum).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from domain.portfolio.attribution import (
    AttributionModel,
    EffectTotals,
    FloatArray,
    InvalidAttributionInput,
    PeriodAttribution,
    attribute,
    normalised,
)
from domain.portfolio.cusum import DEFAULT_H, DEFAULT_K, DEFAULT_TARGET, CusumResult, cusum
from domain.portfolio.linking import LinkingCoefficients, LinkingMethod, link, linking_coefficients

MAX_PERIODS = 2_000
MAX_SECTORS = 200
WEIGHT_TOLERANCE = 1e-6

__all__ = [
    "MAX_PERIODS",
    "MAX_SECTORS",
    "WEIGHT_TOLERANCE",
    "AttributionReport",
    "AttributionRequest",
    "CusumSettings",
    "LinkedAttribution",
    "PeriodInput",
    "PeriodReport",
    "SectorInput",
    "analyse_attribution",
]


@dataclass(frozen=True, slots=True)
class SectorInput:
    """One sector of one period: weights at the start, returns over it (fractions)."""

    sector: str
    portfolio_weight: float
    benchmark_weight: float
    portfolio_return: float
    benchmark_return: float


@dataclass(frozen=True, slots=True)
class PeriodInput:
    start: date
    end: date
    sectors: tuple[SectorInput, ...]


@dataclass(frozen=True, slots=True)
class CusumSettings:
    """Target mean (fraction per period), k and h in units of sigma, sigma or None (estimate)."""

    target: float = DEFAULT_TARGET
    k: float = DEFAULT_K
    h: float = DEFAULT_H
    sigma: float | None = None


@dataclass(frozen=True, slots=True)
class AttributionRequest:
    periods: tuple[PeriodInput, ...]
    model: AttributionModel = AttributionModel.BRINSON_FACHLER
    linking: LinkingMethod = LinkingMethod.CARINO
    cusum: CusumSettings = field(default_factory=CusumSettings)


@dataclass(frozen=True, slots=True)
class PeriodReport:
    start: date
    end: date
    attribution: PeriodAttribution  # arrays in the report's sector order


@dataclass(frozen=True, slots=True)
class LinkedAttribution:
    """Effects per sector linked over all periods, and their totals (fractions)."""

    coefficients: LinkingCoefficients
    allocation: FloatArray
    selection: FloatArray
    interaction: FloatArray
    totals: EffectTotals


@dataclass(frozen=True, slots=True)
class AttributionReport:
    model: AttributionModel
    sectors: tuple[str, ...]  # the first period's order
    periods: tuple[PeriodReport, ...]
    linked: LinkedAttribution
    cusum: CusumResult


def _invalid(message: str, where: str) -> InvalidAttributionInput:
    return InvalidAttributionInput(message, field=where)


def _check_cusum(settings: CusumSettings) -> None:
    if not math.isfinite(settings.target):
        raise _invalid("the CUSUM target must be a finite fraction", "cusum.target")
    if not (math.isfinite(settings.k) and settings.k >= 0.0):
        raise _invalid("k must be finite and >= 0 (units of sigma)", "cusum.k")
    if not (math.isfinite(settings.h) and settings.h > 0.0):
        raise _invalid("h must be finite and > 0 (units of sigma)", "cusum.h")
    if settings.sigma is not None and not (math.isfinite(settings.sigma) and settings.sigma > 0):
        raise _invalid("sigma must be finite and > 0, or null to estimate it", "cusum.sigma")


def _check_dates(periods: Sequence[PeriodInput]) -> None:
    previous_end: date | None = None
    for i, period in enumerate(periods):
        if period.end <= period.start:
            raise _invalid(
                f"the period ends {period.end} on or before its start {period.start}",
                f"periods[{i}].end",
            )
        if previous_end is not None and period.start < previous_end:
            raise _invalid(
                f"the period starts {period.start}, before the previous one ends {previous_end}",
                f"periods[{i}].start",
            )
        previous_end = period.end


def _sector_order(periods: Sequence[PeriodInput]) -> tuple[str, ...]:
    """The first period's sector names, after checking every period names exactly those."""
    order: tuple[str, ...] = ()
    for i, period in enumerate(periods):
        if not period.sectors:
            raise _invalid("a period needs at least one sector", f"periods[{i}].sectors")
        if len(period.sectors) > MAX_SECTORS:
            raise _invalid(f"at most {MAX_SECTORS} sectors per period", f"periods[{i}].sectors")
        seen: set[str] = set()
        for j, row in enumerate(period.sectors):
            if not row.sector.strip() or row.sector in seen:
                raise _invalid(
                    f"sector names must be non-empty and unique; {row.sector!r} is not",
                    f"periods[{i}].sectors[{j}].sector",
                )
            seen.add(row.sector)
        if i == 0:
            order = tuple(row.sector for row in period.sectors)
        elif seen != set(order):
            missing, extra = sorted(set(order) - seen), sorted(seen - set(order))
            raise _invalid(
                f"every period must name the same sectors as the first; missing {missing}, "
                f"extra {extra}",
                f"periods[{i}].sectors",
            )
    return order


_COLUMNS = ("portfolio_weight", "benchmark_weight", "portfolio_return", "benchmark_return")


def _matrix(
    periods: Sequence[PeriodInput], order: tuple[str, ...]
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """(periods x sectors) weights and returns in `order`, each number checked."""
    count, width = len(periods), len(order)
    values = np.array(
        [
            (row.portfolio_weight, row.benchmark_weight, row.portfolio_return, row.benchmark_return)
            for period in periods
            for row in period.sectors
        ],
        dtype=np.float64,
    ).reshape(count, width, 4)
    bad = ~np.isfinite(values)
    with np.errstate(invalid="ignore"):
        bad[:, :, 2:] |= values[:, :, 2:] < -1.0
    if bad.any():
        i, j, c = (int(x) for x in np.argwhere(bad)[0])
        name, value = _COLUMNS[c], float(values[i, j, c])
        reason = "a finite number" if not math.isfinite(value) else ">= -1 (-100%)"
        raise _invalid(
            f"{name} must be {reason}; got {value!r}", f"periods[{i}].sectors[{j}].{name}"
        )
    column = {name: j for j, name in enumerate(order)}
    columns = np.array([[column[row.sector] for row in period.sectors] for period in periods])
    aligned = np.empty_like(values)
    aligned[np.arange(count)[:, None], columns] = values
    for c, name in enumerate(_COLUMNS[:2]):
        for i, total in enumerate(math.fsum(row) for row in aligned[:, :, c].tolist()):
            if abs(total - 1.0) > WEIGHT_TOLERANCE:
                raise _invalid(
                    f"the {name}s of a period must sum to 1 (fractions, within "
                    f"{WEIGHT_TOLERANCE:g}); they sum to {total!r}",
                    f"periods[{i}].sectors[*].{name}",
                )
    w_p, w_b, r_p, r_b = (np.ascontiguousarray(aligned[:, :, c]) for c in range(4))
    return normalised(w_p), normalised(w_b), r_p, r_b


def _linked(rows: Sequence[PeriodAttribution], method: LinkingMethod) -> LinkedAttribution:
    coefficients = linking_coefficients(
        method, [p.portfolio_return for p in rows], [p.benchmark_return for p in rows]
    )
    allocation = link(np.stack([p.allocation for p in rows]), coefficients)
    selection = link(np.stack([p.selection for p in rows]), coefficients)
    interaction = link(np.stack([p.interaction for p in rows]), coefficients)
    return LinkedAttribution(
        coefficients=coefficients,
        allocation=allocation,
        selection=selection,
        interaction=interaction,
        totals=EffectTotals(
            allocation=math.fsum(allocation.tolist()),
            selection=math.fsum(selection.tolist()),
            interaction=math.fsum(interaction.tolist()),
        ),
    )


def analyse_attribution(request: AttributionRequest) -> AttributionReport:
    """Check the request and attribute, link and monitor it (module doc)."""
    periods = request.periods
    if not 1 <= len(periods) <= MAX_PERIODS:
        raise _invalid(f"send 1 to {MAX_PERIODS:,} periods, got {len(periods):,}", "periods")
    _check_cusum(request.cusum)
    _check_dates(periods)
    order = _sector_order(periods)
    w_p, w_b, r_p, r_b = _matrix(periods, order)
    rows = attribute(w_p, w_b, r_p, r_b, request.model)
    for i, row in enumerate(rows):
        if row.portfolio_return <= -1.0 or row.benchmark_return <= -1.0:
            raise _invalid(
                "the period's portfolio or benchmark return is at or below -1 (-100%) and "
                "cannot be compounded",
                f"periods[{i}].sectors",
            )
    settings = request.cusum
    monitor = cusum(
        [row.active_return for row in rows],
        [period.end for period in periods],
        target=settings.target,
        k=settings.k,
        h=settings.h,
        sigma=settings.sigma,
    )
    return AttributionReport(
        model=request.model,
        sectors=order,
        periods=tuple(
            PeriodReport(start=p.start, end=p.end, attribution=row)
            for p, row in zip(periods, rows, strict=True)
        ),
        linked=_linked(rows, request.linking),
        cusum=monitor,
    )
