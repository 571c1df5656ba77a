"""The vectorized pattern scores equal the engine run on each prefix of the series (causal)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from domain.market_data.bars import BarSeries
from domain.market_data.signal_columns import score_columns
from domain.market_data.signals import Pattern, SignalConfig, SignalEngine
from tools.backtest_data import SHIPPED_SYMBOLS, generate


def _series(volume_zero_from: int | None = None, bars: int = 260) -> BarSeries:
    columns = generate(SHIPPED_SYMBOLS[1:2], bars=bars, seed=7)[0]
    volume = columns.volume.copy()
    if volume_zero_from is not None:
        volume[volume_zero_from:] = 0.0
    return BarSeries(columns.start, columns.open, columns.high, columns.low, columns.close, volume)


def _prefix(series: BarSeries, end: int) -> BarSeries:
    return BarSeries(
        series.start[:end], series.open[:end], series.high[:end],
        series.low[:end], series.close[:end], series.volume[:end],
    )  # fmt: skip


@pytest.mark.parametrize("volume_zero_from", [None, 200])
def test_the_score_at_each_bar_equals_the_engine_on_the_bars_up_to_it(
    volume_zero_from: int | None,
) -> None:
    # Arrange
    series = _series(volume_zero_from)
    engine = SignalEngine(SignalConfig())

    # Act
    columns = score_columns(series)

    # Assert: bar by bar, pattern by pattern, the same score or both without a reading
    mismatches = []
    for end in range(1, len(series) + 1):
        readings = {r.pattern: r.score for r in engine.readings(_prefix(series, end))}
        for pattern in Pattern:
            got = float(columns.scores[pattern][end - 1])
            want = readings.get(pattern)
            if (want is None) != math.isnan(got) or (want is not None and want != got):
                mismatches.append((end - 1, pattern.value, want, got))
    assert mismatches == []


def test_a_later_bar_does_not_change_an_earlier_score() -> None:
    # Arrange: the same history, cut at bar 200
    series = _series()
    cut = _prefix(series, 200)

    # Act
    full, short = score_columns(series), score_columns(cut)

    # Assert
    for pattern in Pattern:
        np.testing.assert_array_equal(full.scores[pattern][:200], short.scores[pattern])
