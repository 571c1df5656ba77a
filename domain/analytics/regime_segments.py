"""Regime shifts over dated attribution periods, and the effects earned in each regime.

Each period is read in the market regime of a daily level series (a portfolio's or a
benchmark's, domain/portfolio/stored_periods.py) as it stood at the period's end:
`detect_regime` (domain/analytics/regime_detection.py: bull, bear, volatile or stable) on the
last `window` levels dated on or before that end (at least MIN_HISTORY = 200 of them).

A segment is a run of consecutive periods read in the same regime; a change is dated by the
end of the first period read in the new regime (when the reading first showed it). Per
segment: its compounded portfolio and benchmark returns, and the allocation, selection and
interaction effects of its periods two ways -- `summed`, the plain sum of the single-period
effects (each adds up to the period's active return), and `linked`, the sum of the periods'
effects scaled by their linking coefficients beta_t (domain/portfolio/linking.py), so that
the segments' linked effects add up to the whole range's linked effects and to its
compounded active return.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from domain.analytics.montecarlo.regime_model import Regime
from domain.analytics.regime_detection import (
    MIN_HISTORY,
    InsufficientPriceHistory,
    RegimeReading,
    detect_regime,
)
from domain.market_data.daily_closes import DayArray, FloatArray
from domain.portfolio.attribution import EffectTotals, PeriodAttribution
from domain.portfolio.linking import LinkingCoefficients, compound

REGIME_WINDOW = 252  # a year of daily levels: the 200-day average and a year's drawdown

__all__ = [
    "REGIME_WINDOW",
    "RegimeChange",
    "RegimeSegment",
    "levels_up_to",
    "period_readings",
    "regime_segments",
]


@dataclass(frozen=True, slots=True)
class RegimeSegment:
    """Consecutive periods `first_period`..`last_period` read in `regime` (module doc)."""

    regime: Regime
    start: date  # the start of its first period
    end: date  # the end of its last period
    first_period: int
    last_period: int
    portfolio_return: float  # compounded over its periods
    benchmark_return: float
    summed: EffectTotals
    linked: EffectTotals

    @property
    def periods(self) -> int:
        return self.last_period - self.first_period + 1

    @property
    def active_return(self) -> float:
        return self.portfolio_return - self.benchmark_return


@dataclass(frozen=True, slots=True)
class RegimeChange:
    """The regime read at the end of period `period` differs from the one before it."""

    on: date
    period: int
    before: Regime
    after: Regime


def levels_up_to(days: DayArray, day: date) -> int:
    """How many of `days` (sorted) fall on or before `day`."""
    return int(np.searchsorted(days, np.datetime64(day, "D"), side="right"))


def period_readings(
    days: DayArray, levels: FloatArray, ends: Sequence[date], window: int = REGIME_WINDOW
) -> list[RegimeReading]:
    """The regime at each period's end: detect_regime on the last `window` levels dated on or
    before it; InsufficientPriceHistory when fewer than MIN_HISTORY are."""
    if window < MIN_HISTORY:
        raise ValueError(f"the window must hold at least {MIN_HISTORY} levels")
    readings = []
    for end in ends:
        upto = levels_up_to(days, end)
        if upto < MIN_HISTORY:
            raise InsufficientPriceHistory(
                f"{upto} daily levels up to {end}; the regime reading needs {MIN_HISTORY}",
                field="start",
            )
        readings.append(detect_regime(levels[max(0, upto - window) : upto]))
    return readings


def _totals(rows: Sequence[PeriodAttribution], scale: Sequence[float]) -> EffectTotals:
    return EffectTotals(
        *(
            math.fsum(getattr(row.totals, name) * s for row, s in zip(rows, scale, strict=True))
            for name in ("allocation", "selection", "interaction")
        )
    )


def regime_segments(
    labels: Sequence[Regime],
    starts: Sequence[date],
    ends: Sequence[date],
    rows: Sequence[PeriodAttribution],
    coefficients: LinkingCoefficients,
) -> tuple[tuple[RegimeSegment, ...], tuple[RegimeChange, ...]]:
    """The segments and changes of the periods' regime labels (module doc)."""
    count = len(labels)
    if not count or not (len(starts) == len(ends) == len(rows) == count):
        raise ValueError("one label, start, end and attribution per period, at least one")
    beta = coefficients.coefficients.tolist()
    if len(beta) != count:
        raise ValueError("one linking coefficient per period")
    cuts = [i for i in range(1, count) if labels[i] != labels[i - 1]]
    changes = tuple(RegimeChange(ends[i], i, labels[i - 1], labels[i]) for i in cuts)
    segments = []
    for first, after in zip([0, *cuts], [*cuts, count], strict=True):
        part = rows[first:after]
        segments.append(
            RegimeSegment(
                regime=labels[first],
                start=starts[first],
                end=ends[after - 1],
                first_period=first,
                last_period=after - 1,
                portfolio_return=compound([r.portfolio_return for r in part]),
                benchmark_return=compound([r.benchmark_return for r in part]),
                summed=_totals(part, [1.0] * len(part)),
                linked=_totals(part, beta[first:after]),
            )
        )
    return tuple(segments), changes
