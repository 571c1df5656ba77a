"""Single-period Brinson attribution per sector: allocation, selection and interaction.

Units: weights and returns are fractions (0.05 = 5%), never percent; every effect is a
fraction of the portfolio (a contribution to the active return, arithmetic).

For sector i with portfolio / benchmark weights w_p,i / w_b,i and returns R_p,i / R_b,i, the
period's returns are R_p = sum w_p,i R_p,i and R_b = sum w_b,i R_b,i, and:

- Brinson-Fachler (1985, "BF", the default):
    allocation_i  = (w_p,i - w_b,i) (R_b,i - R_b)
    selection_i   = w_b,i (R_p,i - R_b,i)
    interaction_i = (w_p,i - w_b,i) (R_p,i - R_b,i)
- Brinson-Hood-Beebower (1986, "BHB"): the same selection and interaction, and
    allocation_i  = (w_p,i - w_b,i) R_b,i

Per sector both sum to w_p,i R_p,i - w_b,i R_b,i (BHB exactly; BF less (w_p,i - w_b,i) R_b),
so over the sectors the three totals equal the active return R_p - R_b. BF's allocation
totals the same as BHB's only when sum w_p = sum w_b: callers normalise both weight vectors
to sum to 1 (the application checks they do within 1e-6 first). BF rewards an overweight of a
sector that beat the whole benchmark, BHB one of any sector with a positive return.

Totals are summed with `math.fsum` (correctly rounded), so with weights that sum to one
the effects' total equals R_p - R_b to within a few ulps (the property tests hold 1e-12).
Shapes: one period is a 1-d array per input (one entry per sector); `attribute` also takes
2-d (periods x sectors) arrays and answers one `PeriodAttribution` per row.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

import numpy as np
import numpy.typing as npt

from domain.errors import DomainError

FloatArray = npt.NDArray[np.float64]

__all__ = [
    "AttributionModel",
    "EffectTotals",
    "InvalidAttributionInput",
    "PeriodAttribution",
    "attribute",
    "attribute_period",
    "normalised",
]


class AttributionModel(Enum):
    """How the allocation effect is measured (module doc)."""

    BRINSON_FACHLER = "brinson_fachler"
    BRINSON_HOOD_BEEBOWER = "brinson_hood_beebower"


@dataclass(frozen=True, slots=True)
class EffectTotals:
    """Allocation, selection and interaction summed over the sectors (fractions)."""

    allocation: float
    selection: float
    interaction: float

    @property
    def total(self) -> float:
        """allocation + selection + interaction (correctly rounded)."""
        return math.fsum((self.allocation, self.selection, self.interaction))


@dataclass(frozen=True, slots=True)
class PeriodAttribution:
    """One period's effects per sector (arrays in sector order) and their totals."""

    model: AttributionModel
    portfolio_return: float  # R_p = sum w_p,i R_p,i
    benchmark_return: float  # R_b = sum w_b,i R_b,i
    allocation: FloatArray
    selection: FloatArray
    interaction: FloatArray
    totals: EffectTotals

    @property
    def active_return(self) -> float:
        """R_p - R_b, the figure the three totals add up to."""
        return self.portfolio_return - self.benchmark_return

    @property
    def sector_totals(self) -> FloatArray:
        """allocation_i + selection_i + interaction_i per sector."""
        return self.allocation + self.selection + self.interaction


def normalised(weights: npt.ArrayLike) -> FloatArray:
    """`weights` divided by their sum (the last axis), so each row sums to 1 up to rounding."""
    array = np.asarray(weights, dtype=np.float64)
    total = np.sum(array, axis=-1, keepdims=True)
    return np.asarray(array / total, dtype=np.float64)


def _row_sums(values: FloatArray) -> list[float]:
    """math.fsum of each row (correctly rounded)."""
    return [math.fsum(row) for row in values.tolist()]


def attribute(
    portfolio_weights: npt.ArrayLike,
    benchmark_weights: npt.ArrayLike,
    portfolio_returns: npt.ArrayLike,
    benchmark_returns: npt.ArrayLike,
    model: AttributionModel = AttributionModel.BRINSON_FACHLER,
) -> Sequence[PeriodAttribution]:
    """One `PeriodAttribution` per row of (periods x sectors) inputs, computed column-wise."""
    w_p, w_b, r_p, r_b = (
        np.asarray(a, dtype=np.float64)
        for a in (portfolio_weights, benchmark_weights, portfolio_returns, benchmark_returns)
    )
    if w_p.ndim != 2 or not (w_p.shape == w_b.shape == r_p.shape == r_b.shape):
        raise ValueError("weights and returns must be 2-d arrays of one shape (periods x sectors)")
    portfolio_returns_t = _row_sums(w_p * r_p)
    benchmark_returns_t = _row_sums(w_b * r_b)
    active_weight = w_p - w_b
    if model is AttributionModel.BRINSON_FACHLER:
        allocation = active_weight * (r_b - np.asarray(benchmark_returns_t)[:, None])
    else:
        allocation = active_weight * r_b
    selection = w_b * (r_p - r_b)
    interaction = active_weight * (r_p - r_b)
    totals = zip(_row_sums(allocation), _row_sums(selection), _row_sums(interaction), strict=True)
    return [
        PeriodAttribution(
            model=model,
            portfolio_return=portfolio_returns_t[t],
            benchmark_return=benchmark_returns_t[t],
            allocation=allocation[t],
            selection=selection[t],
            interaction=interaction[t],
            totals=EffectTotals(allocation=a, selection=s, interaction=i),
        )
        for t, (a, s, i) in enumerate(totals)
    ]


def attribute_period(
    portfolio_weights: npt.ArrayLike,
    benchmark_weights: npt.ArrayLike,
    portfolio_returns: npt.ArrayLike,
    benchmark_returns: npt.ArrayLike,
    model: AttributionModel = AttributionModel.BRINSON_FACHLER,
) -> PeriodAttribution:
    """The effects of one period (1-d inputs, one entry per sector; module doc)."""
    arrays = [
        np.asarray(a, dtype=np.float64)
        for a in (portfolio_weights, benchmark_weights, portfolio_returns, benchmark_returns)
    ]
    if arrays[0].ndim != 1 or any(a.shape != arrays[0].shape for a in arrays):
        raise ValueError("weights and returns must be 1-d arrays of one length (sectors)")
    w_p, w_b, r_p, r_b = (a[None, :] for a in arrays)
    return attribute(w_p, w_b, r_p, r_b, model)[0]


class InvalidAttributionInput(DomainError):
    """Attribution input that cannot be attributed (weights not summing to 1, dates out of
    order, sectors differing between periods, a return below -100%, ...); `field` names it."""

    code = "INVALID_ATTRIBUTION_INPUT"
