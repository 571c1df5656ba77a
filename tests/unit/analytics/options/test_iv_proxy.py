"""The realised-volatility stand-in for implied volatility (domain math)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from domain.analytics.options.iv_proxy import realised_vol_series

EPS = float(np.finfo(np.float64).eps)


def test_a_hand_computed_three_return_window() -> None:
    # Arrange: log returns +a, -a, +a (closes 100, 100e^a, 100, 100e^a): mean a/3, deviations
    # 2a/3, -4a/3, 2a/3 -> sample variance (4 + 16 + 4) a^2 / 9 / 2 = 4a^2/3
    a = 0.01
    closes = [100.0, 100 * math.exp(a), 100.0, 100 * math.exp(a)]

    # Act
    found = realised_vol_series(closes, days=3, annualisation=252)

    # Assert: one value, sqrt(4/3) a sqrt(252); tolerance: a few roundings of values ~a
    assert found.shape == (1,)
    assert found[0] == pytest.approx(math.sqrt(4 / 3) * a * math.sqrt(252), rel=1e3 * EPS / a)


def test_the_rolling_window_matches_numpy_std_and_skips_bad_closes() -> None:
    # Arrange
    rng = np.random.default_rng(5)
    closes = 100 * np.exp(np.cumsum(rng.normal(0, 0.02, 80)))
    dirty = np.r_[closes[:40], np.nan, -1.0, closes[40:]]

    # Act
    found = realised_vol_series(dirty)

    # Assert: 79 returns -> 50 windows of 30, each numpy's sample std x sqrt(252)
    returns = np.diff(np.log(closes))
    expected = [np.std(returns[i : i + 30], ddof=1) * math.sqrt(252) for i in range(50)]
    np.testing.assert_allclose(found, expected, rtol=64 * EPS * 30)


def test_too_few_closes_give_no_value() -> None:
    assert realised_vol_series([100.0] * 30).size == 0
    with pytest.raises(ValueError, match="days must be at least 2"):
        realised_vol_series([1.0, 2.0], days=1)
