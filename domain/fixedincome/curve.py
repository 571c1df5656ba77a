"""Treasury yield curves: interpolation on tenors in years, 2s10s / 3m10y inversions.

Conventions
- Yields are in percent (4.21 means 4.21 %), as FRED publishes the constant-maturity
  series (DGS1MO ... DGS30: "Market Yield on U.S. Treasury Securities at N Constant
  Maturity, Quoted on an Investment Basis"). Spreads are in percentage points (long minus
  short: 2s10s = DGS10 - DGS2, 3m10y = DGS10 - DGS3MO), exact Decimals of the published
  figures.
- Tenors are in years: 1 month = 1/12, 3 months = 0.25, 6 months = 0.5.
- Interpolation runs on float64 (numpy) between the observed tenors; a tenor outside
  [shortest, longest] observed is refused (no extrapolation).
  * linear: straight lines between neighbouring points.
  * monotone_cubic: Fritsch and Carlson (1980), "Monotone Piecewise Cubic Interpolation",
    SIAM J. Numer. Anal. 17(2): cubic Hermite with secant-mean slopes, zeroed at local
    extrema, scaled so alpha^2 + beta^2 <= 9 on each interval. The interpolant never
    leaves [min, max] of the two points of the interval it is in (no overshoot) and is
    monotone wherever the data are.
- An inversion is a day whose spread is below zero (zero is not inverted). A period is a
  run of consecutive observed days (days on which both series have a value; days
  without one, weekends and holidays, neither break nor extend a run) that are inverted.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

# FRED's Treasury constant-maturity series, shortest first: (series id, label, years).
TREASURY_TENORS: tuple[tuple[str, str, float], ...] = (
    ("DGS1MO", "1M", 1 / 12),
    ("DGS3MO", "3M", 0.25),
    ("DGS6MO", "6M", 0.5),
    ("DGS1", "1Y", 1.0),
    ("DGS2", "2Y", 2.0),
    ("DGS3", "3Y", 3.0),
    ("DGS5", "5Y", 5.0),
    ("DGS7", "7Y", 7.0),
    ("DGS10", "10Y", 10.0),
    ("DGS20", "20Y", 20.0),
    ("DGS30", "30Y", 30.0),
)
TREASURY_SERIES: tuple[str, ...] = tuple(series for series, _, _ in TREASURY_TENORS)
# A curve needs at least this many tenors observed on its day to be a curve.
MIN_CURVE_POINTS = 2


class Interpolation(StrEnum):
    LINEAR = "linear"
    MONOTONE_CUBIC = "monotone_cubic"


@dataclass(frozen=True, slots=True)
class CurvePoint:
    """One observed tenor: its FRED series, label (3M, 10Y), years and yield in percent."""

    series_id: str
    label: str
    years: float
    yield_pct: Decimal


@dataclass(frozen=True, slots=True)
class YieldCurve:
    """The tenors observed on `day`, shortest first (at least MIN_CURVE_POINTS)."""

    day: date
    points: tuple[CurvePoint, ...]

    def years(self) -> FloatArray:
        return np.array([p.years for p in self.points], dtype=np.float64)

    def yields(self) -> FloatArray:
        return np.array([float(p.yield_pct) for p in self.points], dtype=np.float64)


def curve_on_or_before(
    values: Mapping[str, Mapping[date, Decimal | None]], day: date
) -> YieldCurve | None:
    """The latest curve on or before `day` from each series' values by date.

    `values` maps a Treasury series id to its observations (None: FRED's '.', no value).
    The curve's day is the latest date <= `day` with at least MIN_CURVE_POINTS tenors;
    its points are the tenors with a value on that very date (never mixed dates).
    """
    candidates = sorted(
        {d for by_day in values.values() for d, v in by_day.items() if v is not None and d <= day},
        reverse=True,
    )
    for candidate in candidates:
        points = tuple(
            CurvePoint(series, label, years, value)
            for series, label, years in TREASURY_TENORS
            if (value := values.get(series, {}).get(candidate)) is not None
        )
        if len(points) >= MIN_CURVE_POINTS:
            return YieldCurve(candidate, points)
    return None


class TenorOutOfRange(ValueError):
    """A tenor outside the curve's observed range (no extrapolation); `tenor` names it."""

    def __init__(self, tenor: float, low: float, high: float) -> None:
        super().__init__(f"tenor {tenor:g} years is outside the curve's [{low:g}, {high:g}]")
        self.tenor = tenor


def linear(x: FloatArray, y: FloatArray, at: FloatArray) -> FloatArray:
    """Piecewise-linear interpolation of (x, y) (x strictly increasing) at `at`."""
    _check_knots(x, y, at)
    return np.interp(at, x, y).astype(np.float64)


def fritsch_carlson_slopes(x: FloatArray, y: FloatArray) -> FloatArray:
    """Tangents of the monotone cubic Hermite interpolant (Fritsch-Carlson 1980).

    1. secants d_k = (y_k+1 - y_k) / h_k; interior tangents m_k = (d_k-1 + d_k) / 2,
       ends m_0 = d_0, m_n = d_n-1;
    2. where d_k = 0: m_k = m_k+1 = 0; where d_k-1 and d_k differ in sign (a local
       extremum): m_k = 0;
    3. alpha = m_k / d_k, beta = m_k+1 / d_k; if alpha^2 + beta^2 > 9, both tangents are
       scaled by tau = 3 / sqrt(alpha^2 + beta^2).
    """
    h = np.diff(x)
    d = np.diff(y) / h
    n = len(x)
    m = np.empty(n, dtype=np.float64)
    m[0], m[-1] = d[0], d[-1]
    if n > 2:
        m[1:-1] = (d[:-1] + d[1:]) / 2
        extremum = d[:-1] * d[1:] <= 0
        m[1:-1][extremum] = 0.0
    for k in range(n - 1):
        if d[k] == 0.0:
            m[k] = m[k + 1] = 0.0
            continue
        # A tangent against the secant (possible only at the ends) is set to zero.
        if m[k] * d[k] < 0:
            m[k] = 0.0
        if m[k + 1] * d[k] < 0:
            m[k + 1] = 0.0
        # alpha^2 + beta^2 > 9 with alpha = m_k / d_k, beta = m_k+1 / d_k, written without
        # the divisions (no overflow for a tiny secant): hypot(m_k, m_k+1) > 3 |d_k|;
        # then tau * alpha * d_k = m_k * 3 |d_k| / hypot(m_k, m_k+1).
        radius = math.hypot(m[k], m[k + 1])
        limit = 3.0 * abs(d[k])
        if radius > limit:
            m[k], m[k + 1] = m[k] * (limit / radius), m[k + 1] * (limit / radius)
    return m


def monotone_cubic(x: FloatArray, y: FloatArray, at: FloatArray) -> FloatArray:
    """Monotone cubic (Fritsch-Carlson) interpolation of (x, y) at `at`."""
    _check_knots(x, y, at)
    m = fritsch_carlson_slopes(x, y)
    k = np.clip(np.searchsorted(x, at, side="right") - 1, 0, len(x) - 2)
    h = x[k + 1] - x[k]
    t = (at - x[k]) / h
    t2, t3 = t * t, t * t * t
    h00 = 2 * t3 - 3 * t2 + 1
    h10 = t3 - 2 * t2 + t
    h01 = -2 * t3 + 3 * t2
    h11 = t3 - t2
    out = h00 * y[k] + h10 * h * m[k] + h01 * y[k + 1] + h11 * h * m[k + 1]
    return np.asarray(out, dtype=np.float64)


def interpolate(curve: YieldCurve, tenors: Sequence[float], method: Interpolation) -> FloatArray:
    """Yields (percent) of `curve` at `tenors` (years) by `method`; TenorOutOfRange past
    the observed tenors."""
    at = np.asarray(tenors, dtype=np.float64)
    x, y = curve.years(), curve.yields()
    if method is Interpolation.LINEAR:
        return linear(x, y, at)
    return monotone_cubic(x, y, at)


def _check_knots(x: FloatArray, y: FloatArray, at: FloatArray) -> None:
    if len(x) < 2 or len(x) != len(y) or not np.all(np.diff(x) > 0):
        raise ValueError("interpolation needs two or more points, tenors strictly increasing")
    outside = (at < x[0]) | (at > x[-1]) | ~np.isfinite(at)
    if outside.any():
        raise TenorOutOfRange(float(at[np.argmax(outside)]), float(x[0]), float(x[-1]))


# --- inversions -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpreadMeasure:
    """A named spread: long minus short (percentage points)."""

    name: str
    long_series: str
    short_series: str


SPREAD_2S10S = SpreadMeasure("2s10s", "DGS10", "DGS2")
SPREAD_3M10Y = SpreadMeasure("3m10y", "DGS10", "DGS3MO")
SPREAD_MEASURES: tuple[SpreadMeasure, ...] = (SPREAD_2S10S, SPREAD_3M10Y)


@dataclass(frozen=True, slots=True)
class DailySpread:
    day: date
    spread: Decimal  # long - short, percentage points


@dataclass(frozen=True, slots=True)
class InversionPeriod:
    """A run of consecutive observed days with the spread below zero.

    `days`: observed (trading) days in the run; `calendar_days`: end - start + 1.
    `open_start` / `open_end`: the run touches the first / last observed day of the data
    it was found in, so it may have begun earlier / may continue.
    """

    start: date
    end: date
    deepest_spread: Decimal
    deepest_day: date
    days: int
    calendar_days: int
    open_start: bool
    open_end: bool


def daily_spreads(
    long: Mapping[date, Decimal | None], short: Mapping[date, Decimal | None]
) -> list[DailySpread]:
    """long - short on each date both have a value, oldest first."""
    return [
        DailySpread(day, long_value - short_value)
        for day in sorted(long.keys() & short.keys())
        if (long_value := long[day]) is not None and (short_value := short[day]) is not None
    ]


def inversion_periods(spreads: Sequence[DailySpread]) -> list[InversionPeriod]:
    """The maximal runs of `spreads` (oldest first) below zero, oldest first."""
    periods: list[InversionPeriod] = []
    run: list[DailySpread] = []
    for index, point in enumerate([*spreads, None]):
        if point is not None and point.spread < 0:
            run.append(point)
            continue
        if run:
            periods.append(_period(run, opens=index - len(run) == 0, ends=point is None))
            run = []
    return periods


def _period(run: Sequence[DailySpread], *, opens: bool, ends: bool) -> InversionPeriod:
    deepest = min(run, key=lambda p: (p.spread, p.day))
    return InversionPeriod(
        start=run[0].day,
        end=run[-1].day,
        deepest_spread=deepest.spread,
        deepest_day=deepest.day,
        days=len(run),
        calendar_days=(run[-1].day - run[0].day).days + 1,
        open_start=opens,
        open_end=ends,
    )


@dataclass(frozen=True, slots=True)
class InversionReport:
    measure: SpreadMeasure
    spreads: tuple[DailySpread, ...]
    periods: tuple[InversionPeriod, ...]

    @property
    def inverted_days(self) -> int:
        return sum(p.days for p in self.periods)


def inversions(
    values: Mapping[str, Mapping[date, Decimal | None]],
    measures: Iterable[SpreadMeasure] = SPREAD_MEASURES,
) -> list[InversionReport]:
    """Each measure's daily spreads and inversion periods from the series' values."""
    reports = []
    for measure in measures:
        spreads = daily_spreads(
            values.get(measure.long_series, {}), values.get(measure.short_series, {})
        )
        reports.append(InversionReport(measure, tuple(spreads), tuple(inversion_periods(spreads))))
    return reports
