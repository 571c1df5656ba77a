"""domain.fixedincome.curve: interpolation by hand, no overshoot, curve selection.

Hand examples follow Fritsch and Carlson (1980) step by step (the numbers are worked in
the comments); the property tests check what the method promises: the interpolant goes
through the points, never leaves [min, max] of the interval it is in, and is monotone
wherever the points are.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.fixedincome.curve import (
    Interpolation,
    TenorOutOfRange,
    YieldCurve,
    curve_on_or_before,
    fritsch_carlson_slopes,
    interpolate,
    linear,
    monotone_cubic,
)

D = Decimal


def arr(*values: float) -> np.ndarray:
    return np.array(values, dtype=np.float64)


def test_linear_is_the_straight_line_between_neighbours() -> None:
    # Arrange: (1, 4), (2, 5), (5, 3.5)
    x, y = arr(1, 2, 5), arr(4, 5, 3.5)

    # Act
    out = linear(x, y, arr(1, 1.5, 3.5, 5))

    # Assert: 4.5 halfway up; 3.5 is halfway from 2 to 5: (5 + 3.5) / 2 = 4.25
    assert out.tolist() == [4.0, 4.5, 4.25, 3.5]


def test_fritsch_carlson_zeroes_tangents_at_a_flat_step() -> None:
    # Arrange: (0,0) (1,1) (2,1) (3,2): secants d = 1, 0, 1
    x, y = arr(0, 1, 2, 3), arr(0, 1, 1, 2)

    # Act
    m = fritsch_carlson_slopes(x, y)
    out = monotone_cubic(x, y, arr(0.5, 1.5, 2.5))

    # Assert: ends take their secant (1); interior tangents touch the flat interval: 0.
    assert m.tolist() == [1.0, 0.0, 0.0, 1.0]
    # On [0, 1], t = 0.5: h00 = h01 = 1/2, h10 = 1/8, h11 = -1/8:
    # 0 * 1/2 + 1/8 * 1 * 1 + 1 * 1/2 - 1/8 * 1 * 0 = 0.625; flat at 1 on [1, 2];
    # on [2, 3] by symmetry 1 + (1 - 0.625) = 1.375.
    assert out.tolist() == pytest.approx([0.625, 1.0, 1.375], abs=1e-15)


def test_fritsch_carlson_scales_steep_tangents_into_the_circle_of_radius_3() -> None:
    # Arrange: (0,0) (1,0.1) (2,1.1): secants 0.1 and 1.0; three-point tangents
    # m = 0.1, 0.55, 1.0; on [0,1]: alpha = 0.1/0.1 = 1, beta = 0.55/0.1 = 5.5,
    # alpha^2 + beta^2 = 31.25 > 9 -> tau = 3 / sqrt(31.25) = 0.536656...
    x, y = arr(0, 1, 2), arr(0, 0.1, 1.1)
    tau = 3 / math.sqrt(31.25)

    # Act
    m = fritsch_carlson_slopes(x, y)
    mid = monotone_cubic(x, y, arr(0.5))[0]

    # Assert: m0 = tau * 1 * 0.1, m1 = tau * 5.5 * 0.1; on [1, 2] alpha = m1 / 1 < 3, beta = 1.
    assert m.tolist() == pytest.approx([tau * 0.1, tau * 0.55, 1.0], abs=1e-15)
    # value at 0.5: 0.1/2 + (m0 - m1)/8 = 0.05 + (0.0536656 - 0.2951610)/8 = 0.0198131
    assert mid == pytest.approx(0.05 + (tau * 0.1 - tau * 0.55) / 8, abs=1e-15)
    assert mid == pytest.approx(0.0198131, abs=1e-7)


def test_a_local_extremum_gets_a_flat_tangent_so_the_peak_is_not_overshot() -> None:
    # Arrange: a humped curve: 5.0 at 1y, 5.5 at 2y, 4.0 at 10y
    x, y = arr(1, 2, 10), arr(5.0, 5.5, 4.0)

    # Act
    grid = np.linspace(1, 10, 901)
    out = monotone_cubic(x, y, grid)

    # Assert
    assert fritsch_carlson_slopes(x, y)[1] == 0.0
    assert out.max() == pytest.approx(5.5, abs=1e-15)


def test_linear_points_are_reproduced_exactly_by_the_cubic() -> None:
    # Arrange: y = 3 + 0.25 x on uneven tenors
    x = arr(1 / 12, 0.25, 0.5, 1, 2, 3, 5, 7, 10, 20, 30)
    y = 3 + 0.25 * x

    # Act
    at = np.linspace(x[0], x[-1], 500)

    # Assert
    assert monotone_cubic(x, y, at) == pytest.approx(3 + 0.25 * at, abs=1e-12)


def test_a_tenor_outside_the_observed_ones_is_refused() -> None:
    # Arrange
    x, y = arr(0.25, 30), arr(5, 4)

    # Act / Assert
    for method in (linear, monotone_cubic):
        with pytest.raises(TenorOutOfRange) as caught:
            method(x, y, arr(1, 31))
        assert caught.value.tenor == 31


knots = st.lists(
    st.floats(min_value=0.01, max_value=50, allow_nan=False), min_size=2, max_size=12, unique=True
).map(sorted)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), xs=knots)
def test_no_overshoot_the_cubic_stays_within_each_interval_s_points(
    data: st.DataObject, xs: list[float]
) -> None:
    # Arrange
    x = np.array(xs)
    if np.any(np.diff(x) < 1e-6):
        return
    y = np.array(
        data.draw(st.lists(st.floats(-2, 20, allow_nan=False), min_size=len(x), max_size=len(x)))
    )
    at = np.linspace(x[0], x[-1], 257)

    # Act
    out = monotone_cubic(x, y, at)

    # Assert: every value lies between the two points of its interval
    k = np.clip(np.searchsorted(x, at, side="right") - 1, 0, len(x) - 2)
    low, high = np.minimum(y[k], y[k + 1]), np.maximum(y[k], y[k + 1])
    tol = 1e-9 * (1 + np.abs(y).max())
    assert np.all(out >= low - tol) and np.all(out <= high + tol)
    assert monotone_cubic(x, y, x) == pytest.approx(y, abs=tol)


@settings(max_examples=200, deadline=None)
@given(
    xs=knots,
    steps=st.lists(st.floats(0, 3, allow_nan=False), min_size=12, max_size=12),
    sign=st.sampled_from([1.0, -1.0]),
)
def test_monotone_points_give_a_monotone_curve(
    xs: list[float], steps: list[float], sign: float
) -> None:
    # Arrange: non-decreasing (or non-increasing) yields
    x = np.array(xs)
    if np.any(np.diff(x) < 1e-6):
        return
    y = 4 + sign * np.cumsum(steps[: len(x)])

    # Act
    out = monotone_cubic(x, y, np.linspace(x[0], x[-1], 513))

    # Assert
    tol = 1e-9 * (1 + np.abs(y).max())
    assert np.all(sign * np.diff(out) >= -tol)


def curve_values(**by_series: dict[date, str | None]) -> dict[str, dict[date, Decimal | None]]:
    return {
        s: {d: None if v is None else D(v) for d, v in vs.items()} for s, vs in by_series.items()
    }


def test_the_curve_is_the_latest_day_with_two_tenors_and_never_mixes_days() -> None:
    # Arrange: 07-04 has only DGS10 (a lone point); 07-03 has DGS2, DGS10 and DGS30.
    jul3, jul4, jul5 = date(2024, 7, 3), date(2024, 7, 4), date(2024, 7, 5)
    values = curve_values(
        DGS2={jul3: "4.67", jul4: None, jul5: "4.60"},
        DGS10={jul3: "4.36", jul4: "4.40"},
        DGS30={jul3: "4.51"},
    )

    # Act
    curve = curve_on_or_before(values, jul4)

    # Assert
    assert curve is not None and curve.day == jul3
    assert [(p.label, p.years, p.yield_pct) for p in curve.points] == [
        ("2Y", 2.0, D("4.67")),
        ("10Y", 10.0, D("4.36")),
        ("30Y", 30.0, D("4.51")),
    ]
    assert curve_on_or_before(values, date(2024, 7, 2)) is None


def test_interpolate_a_curve_by_either_method() -> None:
    # Arrange
    values = curve_values(
        DGS3MO={date(2024, 7, 3): "5.47"},
        DGS2={date(2024, 7, 3): "4.67"},
        DGS10={date(2024, 7, 3): "4.36"},
    )
    curve = curve_on_or_before(values, date(2024, 7, 3))
    assert isinstance(curve, YieldCurve)

    # Act
    lin = interpolate(curve, [0.25, 6.0, 10.0], Interpolation.LINEAR)
    cubic = interpolate(curve, [0.25, 6.0, 10.0], Interpolation.MONOTONE_CUBIC)

    # Assert: 6y is halfway from 2y to 10y: (4.67 + 4.36) / 2 = 4.515; the data are
    # decreasing, so the cubic stays between 4.36 and 4.67 there.
    assert lin.tolist() == pytest.approx([5.47, 4.515, 4.36], abs=1e-12)
    assert cubic[0] == 5.47 and cubic[2] == 4.36
    assert 4.36 <= cubic[1] <= 4.67
