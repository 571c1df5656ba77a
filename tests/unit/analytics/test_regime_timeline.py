"""The regime read day by day: each day's reading is the detector's on the closes up to it;
spells cover the days from the 200th close on, and a change is dated by its first day."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest

from domain.analytics.montecarlo.regime_model import Regime
from domain.analytics.regime_detection import MIN_HISTORY, InsufficientPriceHistory, detect_regime
from domain.analytics.regime_timeline import daily_labels, regime_spells


def _rise_then_fall() -> list[float]:
    """260 closes rising 0.2 % a day, then 60 falling 1 % a day."""
    up = [100.0 * 1.002**i for i in range(260)]
    return up + [up[-1] * 0.99**i for i in range(1, 61)]


def test_a_rise_then_a_fall_reads_bull_then_bear() -> None:
    # Arrange
    prices = _rise_then_fall()

    # Act
    spells = regime_spells(prices)

    # Assert: bull from the 200th close until the fall shows, bear at the end
    assert spells[0].regime is Regime.BULL and spells[0].first == MIN_HISTORY - 1
    assert spells[-1].regime is Regime.BEAR and spells[-1].last == len(prices) - 1
    assert spells[-1].regime is detect_regime(prices).label
    assert 260 < spells[1].first < 320  # the fall began at close 260


def test_spells_tile_the_days_and_each_change_is_the_first_day_read_anew() -> None:
    # Arrange
    prices = np.asarray(100.0 * np.exp(np.cumsum(np.random.default_rng(7).normal(0, 0.015, 500))))

    # Act
    spells = regime_spells(prices)

    # Assert
    assert [s.first for s in spells[1:]] == [s.last + 1 for s in spells[:-1]]
    assert sum(s.days for s in spells) == len(prices) - MIN_HISTORY + 1
    for before, after in pairwise(spells):
        assert before.regime is not after.regime
        assert detect_regime(prices[: after.first + 1]).label is after.regime
        assert detect_regime(prices[: after.first]).label is before.regime


def test_exactly_200_closes_read_one_day_and_fewer_are_refused() -> None:
    prices = [100.0 + i for i in range(MIN_HISTORY)]

    assert daily_labels(prices) == [detect_regime(prices).label]
    with pytest.raises(InsufficientPriceHistory):
        regime_spells(prices[:-1])
