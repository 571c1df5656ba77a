"""Properties of the pattern engine: bounded scores, the threshold rule, determinism, symmetry."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.market_data.bars import BarSeries
from domain.market_data.signals import SignalConfig, SignalEngine

ENGINE = SignalEngine()


@st.composite
def bar_series(draw: st.DrawFn, min_size: int = 0) -> BarSeries:
    """OHLCV with moves and wicks in whole basis points (no moves too small to measure).

    The columns come from a drawn seed (drawing every value makes examples slow); flags
    drawn alongside force the edge cases: no move, no wicks, no volume.
    """
    n = draw(st.integers(min_size, 90))
    start = draw(st.integers(1, 10_000))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    largest_move = draw(st.sampled_from([0, 5, 100, 800]))
    moves = rng.integers(-largest_move, largest_move + 1, n).astype(float)
    close = (start * np.cumprod(1.0 + moves / 10_000.0)).astype(np.float64)
    open_ = np.concatenate([close[:1], close[:-1]])
    largest_wick = draw(st.sampled_from([0, 30, 300]))
    wick_up = rng.integers(0, largest_wick + 1, n).astype(float)
    wick_down = rng.integers(0, largest_wick + 1, n).astype(float)
    volume = rng.choice(draw(st.sampled_from([[0.0], [0.0, 1.0, 1e6], [250.0, 1e6]])), n)
    top, bottom = np.maximum(open_, close), np.minimum(open_, close)
    return BarSeries(
        start=np.arange(n, dtype=float) * 60.0,
        open=open_,
        high=top * (1.0 + wick_up / 10_000.0),
        low=bottom * (1.0 - wick_down / 10_000.0),
        close=close,
        volume=volume.astype(float),
    )


def mirrored(s: BarSeries) -> BarSeries:
    """Every price reflected about a level above them all: up becomes down, ranges stay."""
    level = 2.0 * float(s.high.max()) + 1.0
    return BarSeries(
        s.start, level - s.open, level - s.low, level - s.high, level - s.close, s.volume
    )


def scaled(s: BarSeries, factor: float) -> BarSeries:
    return BarSeries(
        s.start, s.open * factor, s.high * factor, s.low * factor, s.close * factor, s.volume
    )


@settings(max_examples=60)
@given(bar_series())
def test_every_score_is_within_minus_one_and_one(s: BarSeries) -> None:
    readings = ENGINE.readings(s)

    assert all(-1.0 <= r.score <= 1.0 for r in readings)
    assert all(np.isfinite(list(r.inputs.values())).all() for r in readings)


@settings(max_examples=60)
@given(bar_series(), st.floats(0.0, 1.0))
def test_a_reading_is_emitted_iff_its_score_reaches_the_threshold(
    s: BarSeries, threshold: float
) -> None:
    engine = SignalEngine(SignalConfig(threshold=threshold))

    emitted = engine.emit(s)

    assert emitted == [r for r in engine.readings(s) if abs(r.score) >= threshold]


@settings(max_examples=60)
@given(bar_series())
def test_the_same_series_always_gives_the_same_readings(s: BarSeries) -> None:
    copy = BarSeries(
        s.start.copy(), s.open.copy(), s.high.copy(), s.low.copy(), s.close.copy(), s.volume.copy()
    )

    first = ENGINE.readings(s)
    second = SignalEngine().readings(copy)

    assert first == second


@settings(max_examples=60)
@given(bar_series(min_size=SignalConfig().min_bars))
def test_a_mirrored_market_gives_the_opposite_scores(s: BarSeries) -> None:
    # Act
    up = ENGINE.readings(s)
    down = ENGINE.readings(mirrored(s))

    # Assert: same patterns, opposite signs (to the rounding of the last decimal)
    assert [r.pattern for r in up] == [r.pattern for r in down]
    for a, b in zip(up, down, strict=True):
        assert abs(a.score + b.score) <= 2e-4, (a, b)


@settings(max_examples=60)
@given(bar_series(), st.sampled_from([2.0, 4.0, 1024.0]))
def test_scores_do_not_depend_on_the_price_level(s: BarSeries, factor: float) -> None:
    base = ENGINE.readings(s)
    bigger = ENGINE.readings(scaled(s, factor))

    assert [(r.pattern, r.score) for r in base] == [(r.pattern, r.score) for r in bigger]
