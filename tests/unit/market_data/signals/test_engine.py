"""The pattern engine: each detector's score and direction, edge cases, the emit threshold."""

from __future__ import annotations

import pytest

from domain.market_data.signals import (
    Direction,
    Pattern,
    SignalConfig,
    SignalEngine,
    ema_crossover,
    volatility_breakout,
    vwap_deviation,
)
from tests.kit.bars import breakout_closes, random_walk, series

CONFIG = SignalConfig()


def test_a_close_far_above_a_quiet_range_is_a_bullish_breakout() -> None:
    # Arrange
    bars = series(breakout_closes(jump=6.0))

    # Act
    reading = volatility_breakout(bars, CONFIG)

    # Assert
    assert reading is not None
    assert reading.score > 0.9
    assert reading.direction is Direction.BULLISH
    assert "upside breakout" in reading.reason
    assert reading.inputs["close"] > reading.inputs["band_upper"]
    assert reading.inputs["excess_atr"] > 0


def test_a_close_far_below_a_quiet_range_is_a_bearish_breakout() -> None:
    bars = series(breakout_closes(jump=-6.0))

    reading = volatility_breakout(bars, CONFIG)

    assert reading is not None
    assert reading.score < -0.9
    assert reading.direction is Direction.BEARISH
    assert "downside breakout" in reading.reason


def test_a_close_inside_the_band_is_no_breakout() -> None:
    bars = series(breakout_closes(jump=0.1))

    reading = volatility_breakout(bars, CONFIG)

    assert reading is not None
    assert reading.score == 0.0
    assert reading.direction is Direction.NEUTRAL
    assert "inside" in reading.reason


def test_a_close_stretched_above_vwap_is_expected_to_revert_down() -> None:
    # Arrange: a flat range, then a last close well above the volume-weighted price
    bars = series(breakout_closes(jump=3.0))

    # Act
    reading = vwap_deviation(bars, CONFIG)

    # Assert
    assert reading is not None
    assert reading.score < -0.3
    assert reading.direction is Direction.BEARISH
    assert reading.inputs["z_score"] > 0
    assert reading.inputs["close"] > reading.inputs["vwap"]


def test_a_close_stretched_below_vwap_is_expected_to_revert_up() -> None:
    reading = vwap_deviation(series(breakout_closes(jump=-3.0)), CONFIG)

    assert reading is not None
    assert reading.score > 0.3
    assert "below VWAP" in reading.reason


def test_vwap_weighs_bars_by_volume() -> None:
    # Arrange: the same prices; the high-priced early bars trade more volume in one of them
    closes = [110.0] * 10 + [100.0] * 10
    even = series(closes, volume=1000.0)
    heavy_early = series(closes, volume=[9000.0] * 10 + [1000.0] * 10)

    # Act
    even_reading = vwap_deviation(even, CONFIG)
    heavy_reading = vwap_deviation(heavy_early, CONFIG)

    # Assert: more volume at 110 pulls VWAP up, so the last close sits further below it
    assert even_reading is not None and heavy_reading is not None
    assert heavy_reading.inputs["vwap"] > even_reading.inputs["vwap"]


def test_without_any_volume_vwap_weighs_every_bar_the_same() -> None:
    reading = vwap_deviation(series(breakout_closes(jump=3.0), volume=0.0), CONFIG)

    assert reading is not None
    assert reading.score < -0.3


def test_a_fast_ema_crossing_above_the_slow_one_is_bullish() -> None:
    # Arrange: a long decline, then a sharp rally that lifts the fast EMA over the slow one
    closes = [120.0 - 0.5 * i for i in range(40)] + [100.5 + 2.0 * i for i in range(8)]
    bars = series(closes)

    # Act
    reading = ema_crossover(bars, CONFIG)

    # Assert
    assert reading is not None
    assert reading.score > 0.3
    assert reading.inputs["ema_fast"] > reading.inputs["ema_slow"]
    assert "crossed above" in reading.reason


def test_a_steady_decline_keeps_the_fast_ema_below_and_is_bearish() -> None:
    reading = ema_crossover(series([150.0 - 0.8 * i for i in range(60)]), CONFIG)

    assert reading is not None
    assert reading.score < -0.3
    assert reading.direction is Direction.BEARISH
    assert "below slow EMA" in reading.reason


@pytest.mark.parametrize(
    ("detector", "needed"),
    [
        (ema_crossover, CONFIG.ema_slow + CONFIG.ema_change_bars),
        (vwap_deviation, CONFIG.vwap_window),
        (volatility_breakout, CONFIG.breakout_window + 1),
    ],
)
def test_a_detector_without_enough_bars_has_no_opinion(detector: object, needed: int) -> None:
    closes = random_walk(needed, seed=3)
    assert callable(detector)

    too_short = detector(series(closes[:-1]), CONFIG)
    enough = detector(series(closes), CONFIG)

    assert too_short is None
    assert enough is not None


def test_prices_that_never_move_score_zero_everywhere() -> None:
    # Arrange: no range at all, so there is nothing to normalise a move by
    bars = series([100.0] * 60, wick=0.0)

    # Act
    readings = SignalEngine().readings(bars)

    # Assert
    assert [r.pattern for r in readings] == list(Pattern)
    assert all(r.score == 0.0 for r in readings)
    assert all(r.reason == "no price range to measure against" for r in readings)


def test_emit_keeps_only_readings_at_or_above_the_threshold() -> None:
    # Arrange: a breakout that also stretches VWAP, after a range without a trend
    bars = series(breakout_closes(jump=6.0))
    readings = {r.pattern: r.score for r in SignalEngine().readings(bars)}
    middle = sorted(abs(s) for s in readings.values())[1]

    # Act
    at_middle = SignalEngine(SignalConfig(threshold=middle)).emit(bars)
    above_all = SignalEngine(SignalConfig(threshold=1.0)).emit(bars)
    everything = SignalEngine(SignalConfig(threshold=0.0)).emit(bars)

    # Assert
    assert {r.pattern for r in at_middle} == {p for p, s in readings.items() if abs(s) >= middle}
    assert len(at_middle) == 2
    assert above_all == [r for r in everything if abs(r.score) == 1.0]
    assert len(everything) == 3


def test_scores_are_rounded_to_four_decimals() -> None:
    readings = SignalEngine().readings(series(random_walk(80, seed=11)))

    assert readings
    assert all(r.score == round(r.score, 4) for r in readings)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"ema_fast": 26, "ema_slow": 12}, "ema_fast must be shorter"),
        ({"vwap_window": 1}, "vwap_window must be at least 2"),
        ({"threshold": 1.5}, "threshold must be within"),
        ({"threshold": -0.1}, "threshold must be within"),
        ({"vwap_z_scale": 0.0}, "vwap_z_scale must be a positive number"),
        ({"breakout_band_k": float("nan")}, "breakout_band_k must be a positive number"),
        ({"ema_change_bars": 0}, "ema_change_bars must be at least 1"),
    ],
)
def test_an_impossible_config_is_refused(overrides: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SignalConfig(**overrides)  # type: ignore[arg-type]


def test_min_bars_is_what_every_detector_needs() -> None:
    config = SignalConfig()
    closes = random_walk(config.min_bars, seed=5)

    complete = SignalEngine(config).readings(series(closes))
    partial = SignalEngine(config).readings(series(closes[:-1]))

    assert len(complete) == 3
    assert len(partial) < 3
