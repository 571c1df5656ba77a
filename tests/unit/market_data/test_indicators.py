"""Indicators: the kernels against plain loops and hand-worked values, warm-ups, request syntax."""

from __future__ import annotations

import itertools
import math
import statistics
import subprocess
import sys
from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.market_data.bars import BarSeries, FloatArray
from domain.market_data.indicators import (
    MAX_INDICATORS,
    IndicatorSpec,
    InvalidIndicator,
    UnknownIndicator,
    atr,
    bollinger,
    compute_tail,
    ema,
    macd,
    parse_indicators,
    rsi,
    sma,
    sma_reference,
    true_range,
    vwap,
    wilder,
)

NAN = math.nan
DAY = 86_400.0
# Wilder's RSI worked example as StockCharts tabulates it (14 periods).
WILDER_CLOSES = [
    44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08, 45.89, 46.03,
    45.61, 46.28, 46.28, 46.00, 46.03, 46.41, 46.22, 45.64,
]  # fmt: skip

prices = st.lists(st.floats(1.0, 10_000.0), min_size=0, max_size=80)
periods = st.integers(1, 30)


def arr(values: Sequence[float]) -> FloatArray:
    return np.asarray(values, dtype=np.float64)


def series_of(closes: Sequence[float], spread: float = 1.0, start: float = 0.0) -> BarSeries:
    close = arr(closes)
    return BarSeries(
        start=(start + 60.0 * np.arange(len(close))).astype(np.float64),
        open=close,
        high=close + spread,
        low=close - spread,
        close=close,
        volume=np.full(len(close), 100.0),
    )


@st.composite
def bar_series(draw: st.DrawFn, min_size: int = 0) -> BarSeries:
    n = draw(st.integers(min_size, 60))
    close = arr(draw(st.lists(st.floats(1.0, 1_000.0), min_size=n, max_size=n)))
    up = arr(draw(st.lists(st.floats(0.0, 20.0), min_size=n, max_size=n)))
    down = arr(draw(st.lists(st.floats(0.0, 20.0), min_size=n, max_size=n)))
    volume = arr(draw(st.lists(st.sampled_from([0.0, 1.0, 250.0, 1e6]), min_size=n, max_size=n)))
    start = (3_600.0 * np.arange(n) + draw(st.integers(0, 2)) * DAY).astype(np.float64)
    return BarSeries(start, close, close + up, np.maximum(close - down, 0.5), close, volume)


def assert_same(actual: FloatArray, expected: Sequence[float], rel: float = 1e-9) -> None:
    expected_arr = arr(expected)
    assert actual.shape == expected_arr.shape
    assert np.array_equal(np.isnan(actual), np.isnan(expected_arr))
    np.testing.assert_allclose(actual, expected_arr, rtol=rel, atol=1e-9, equal_nan=True)


# -- plain loops, written from the textbook definitions ---------------------------------------


def smoothed_loop(xs: Sequence[float], n: int, alpha: float) -> list[float]:
    out = [NAN] * len(xs)
    if len(xs) < n:
        return out
    value = sum(xs[:n]) / n
    out[n - 1] = value
    for i in range(n, len(xs)):
        value = alpha * xs[i] + (1 - alpha) * value
        out[i] = value
    return out


def rsi_loop(closes: Sequence[float], n: int) -> list[float]:
    out = [NAN] * len(closes)
    changes = [b - a for a, b in itertools.pairwise(closes)]
    if len(changes) < n:
        return out
    gain = sum(max(c, 0.0) for c in changes[:n]) / n
    loss = sum(max(-c, 0.0) for c in changes[:n]) / n
    for i in range(n, len(closes)):
        if i > n:
            change = changes[i - 1]
            gain = (gain * (n - 1) + max(change, 0.0)) / n
            loss = (loss * (n - 1) + max(-change, 0.0)) / n
        out[i] = 50.0 if gain + loss == 0 else 100.0 if loss == 0 else 100 - 100 / (1 + gain / loss)
    return out


def true_range_loop(high: FloatArray, low: FloatArray, close: FloatArray) -> list[float]:
    out = []
    for i in range(len(close)):
        ranges = [high[i] - low[i]]
        if i:
            ranges += [abs(high[i] - close[i - 1]), abs(low[i] - close[i - 1])]
        out.append(max(ranges))
    return out


def vwap_loop(s: BarSeries, reset_daily: bool) -> list[float]:
    out, weighted, volume, day = [], 0.0, 0.0, None
    for i in range(len(s)):
        if reset_daily and s.start[i] // DAY != day:
            weighted, volume, day = 0.0, 0.0, s.start[i] // DAY
        weighted += (s.high[i] + s.low[i] + s.close[i]) / 3 * s.volume[i]
        volume += s.volume[i]
        out.append(weighted / volume if volume > 0 else NAN)
    return out


# -- moving averages --------------------------------------------------------------------------


def test_sma_and_ema_of_a_short_series_by_hand() -> None:
    x = arr([1, 2, 3, 4, 5, 6])

    assert_same(sma(x, 3), [NAN, NAN, 2, 3, 4, 5])
    # Seed mean(1, 2, 3) = 2, then alpha = 0.5: halfway to each new value.
    assert_same(ema(x, 3), [NAN, NAN, 2, 3, 4, 5])
    assert_same(ema(arr([2, 4, 6, 0]), 3), [NAN, NAN, 4, 2])


@given(prices, periods)
def test_sma_matches_its_sliding_window_reference(xs: list[float], n: int) -> None:
    assert_same(sma(arr(xs), n), list(sma_reference(arr(xs), n)))


@given(prices, periods)
def test_ema_and_wilder_match_the_textbook_loop_with_and_without_jit(
    xs: list[float], n: int
) -> None:
    x = arr(xs)

    assert_same(ema(x, n), smoothed_loop(xs, n, 2 / (n + 1)))
    assert_same(wilder(x, n), smoothed_loop(xs, n, 1 / n))
    assert np.array_equal(ema(x, n), ema(x, n, jit=False), equal_nan=True)


def test_ema_waits_out_leading_nans_and_skips_a_later_one() -> None:
    x = arr([NAN, NAN, 2, 4, NAN, 8])

    # Seeded at mean(2, 4) = 3; the NaN row is NaN and 8 moves the state from 3, alpha 2/3.
    assert_same(ema(x, 2), [NAN, NAN, NAN, 3, NAN, 3 + 2 / 3 * 5])


def test_series_shorter_than_the_period_is_all_nan() -> None:
    assert np.isnan(ema(arr([1, 2]), 3)).all() and np.isnan(sma(arr([1, 2]), 3)).all()
    assert len(ema(arr([]), 3)) == len(rsi(arr([]), 3)) == 0


@pytest.mark.parametrize("period", [0, -3, 2.5, True])
def test_periods_must_be_positive_integers(period: int) -> None:
    with pytest.raises(ValueError, match="period"):
        sma(arr([1.0]), period)


# -- RSI ---------------------------------------------------------------------------------------


def test_rsi_reproduces_wilders_worked_example() -> None:
    # First 14 changes: gains sum to 3.34, losses to 1.40, so RS = 3.34 / 1.40.
    first = 100 - 100 / (1 + 3.34 / 1.40)
    # Next change -0.28: averages become (3.34/14 * 13) / 14 and (1.40/14 * 13 + 0.28) / 14.
    second = 100 - 100 / (1 + (3.34 / 14 * 13 / 14) / ((1.40 / 14 * 13 + 0.28) / 14))

    result = rsi(arr(WILDER_CLOSES), 14)

    assert np.isnan(result[:14]).all()
    assert result[14] == pytest.approx(first) and round(result[14], 2) == 70.46
    assert result[15] == pytest.approx(second) and round(result[15], 2) == 66.25


@given(prices, periods)
def test_rsi_matches_the_loop_and_stays_in_0_100(xs: list[float], n: int) -> None:
    result = rsi(arr(xs), n)

    assert_same(result, rsi_loop(xs, n), rel=1e-7)
    values = result[~np.isnan(result)]
    assert ((values >= 0) & (values <= 100)).all()
    assert np.array_equal(result, rsi(arr(xs), n, jit=False), equal_nan=True)


def test_rsi_is_100_on_gains_only_and_50_when_flat() -> None:
    assert rsi(arr(range(1, 20)), 5)[-1] == 100.0
    assert rsi(arr([10.0] * 8), 5)[-1] == 50.0


# -- MACD, Bollinger ---------------------------------------------------------------------------


@given(st.lists(st.floats(1.0, 1_000.0), min_size=0, max_size=80))
def test_macd_lines_and_their_warm_up(xs: list[float]) -> None:
    x = arr(xs)

    lines = macd(x, 3, 6, 4)

    line = [
        f - s for f, s in zip(smoothed_loop(xs, 3, 0.5), smoothed_loop(xs, 6, 2 / 7), strict=True)
    ]
    assert_same(lines.macd, line)
    # The signal is the EMA of the line from the line's first value (row slow - 1 = 5).
    assert_same(lines.signal, [NAN] * min(5, len(xs)) + smoothed_loop(line[5:], 4, 2 / 5))
    assert_same(lines.histogram, list(lines.macd - lines.signal))
    first = np.flatnonzero(~np.isnan(lines.signal))
    assert first.size == 0 or first[0] == 6 + 4 - 2


def test_macd_needs_fast_below_slow() -> None:
    with pytest.raises(ValueError, match="fast < slow"):
        macd(arr([1.0] * 40), 26, 12, 9)


def test_bollinger_bands_by_hand() -> None:
    bands = bollinger(arr([1, 2, 3, 4, 5]), 5, 2.0)

    sd = math.sqrt(2.0)  # population deviation of 1..5
    assert_same(bands.middle, [NAN] * 4 + [3])
    assert_same(bands.upper, [NAN] * 4 + [3 + 2 * sd])
    assert_same(bands.lower, [NAN] * 4 + [3 - 2 * sd])
    assert_same(bands.width, [NAN] * 4 + [4 * sd / 3])
    assert_same(bands.percent_b, [NAN] * 4 + [(5 - 3 + 2 * sd) / (4 * sd)])


def test_flat_bollinger_window_has_no_percent_b() -> None:
    bands = bollinger(arr([7.0] * 5), 3)

    assert_same(bands.width, [NAN, NAN, 0, 0, 0])
    assert np.isnan(bands.percent_b).all()


@given(prices, periods, st.floats(0.5, 4.0))
def test_bollinger_matches_windows_of_statistics_and_numpy(
    xs: list[float], n: int, k: float
) -> None:
    bands = bollinger(arr(xs), n, k)
    numpy_bands = bollinger(arr(xs), n, k, jit=False)

    expected_mid = [NAN] * (n - 1) + [
        statistics.fmean(xs[i - n + 1 : i + 1]) for i in range(n - 1, len(xs))
    ]
    expected_sd = [NAN] * (n - 1) + [
        statistics.pstdev(xs[i - n + 1 : i + 1]) for i in range(n - 1, len(xs))
    ]
    assert_same(bands.middle, expected_mid[: len(xs)])
    np.testing.assert_allclose(
        bands.upper - bands.middle, k * arr(expected_sd[: len(xs)]), rtol=1e-7, atol=1e-7
    )
    for mine, theirs in ((bands.upper, numpy_bands.upper), (bands.lower, numpy_bands.lower)):
        np.testing.assert_allclose(mine, theirs, rtol=1e-9, atol=1e-9, equal_nan=True)
    ok = ~np.isnan(bands.middle)
    assert (bands.lower[ok] <= bands.middle[ok]).all() and (
        bands.middle[ok] <= bands.upper[ok]
    ).all()


def test_bollinger_needs_a_positive_k() -> None:
    with pytest.raises(ValueError, match="positive k"):
        bollinger(arr([1.0, 2.0]), 2, 0.0)


# -- VWAP, true range, ATR ---------------------------------------------------------------------


def test_vwap_restarts_each_utc_day_unless_cumulative() -> None:
    s = BarSeries(
        start=arr([DAY - 120, DAY - 60, DAY, DAY + 60]),
        open=arr([10, 20, 30, 40]),
        high=arr([10, 20, 30, 40]),
        low=arr([10, 20, 30, 40]),
        close=arr([10, 20, 30, 40]),
        volume=arr([1, 3, 0, 2]),
    )

    assert_same(vwap(s), [10, (10 + 60) / 4, NAN, 40])
    assert_same(vwap(s, reset_daily=False), [10, 70 / 4, 70 / 4, (70 + 80) / 6])


@given(bar_series(), st.booleans())
def test_vwap_matches_the_running_loop(s: BarSeries, reset_daily: bool) -> None:
    result = vwap(s, reset_daily=reset_daily)

    assert_same(result, vwap_loop(s, reset_daily), rel=1e-9)
    assert np.array_equal(result, vwap(s, reset_daily=reset_daily, jit=False), equal_nan=True)


def test_true_range_uses_the_previous_close_across_gaps() -> None:
    ranges = true_range(arr([11, 15, 13]), arr([9, 13, 8]), arr([10, 14, 9]))

    # Row 1 gaps up from 10: 15 - 10 = 5 beats 15 - 13; row 2: |8 - 14| = 6 beats 13 - 8.
    assert_same(ranges, [2, 5, 6])


@given(bar_series(), periods)
def test_atr_is_wilders_smoothing_of_the_true_range(s: BarSeries, n: int) -> None:
    ranges = true_range_loop(s.high, s.low, s.close)

    result = atr(s, n)

    assert_same(result, smoothed_loop(ranges, n, 1 / n))
    assert np.array_equal(result, atr(s, n, jit=False), equal_nan=True)
    if len(s) >= n:
        assert result[n - 1] == pytest.approx(statistics.fmean(ranges[:n]))


# -- requests -----------------------------------------------------------------------------------


def test_request_syntax_fills_defaults_and_keys_canonically() -> None:
    specs = parse_indicators(
        "sma:50, EMA ,rsi:7,macd:5:35,bbands:20:2.5,vwap,atr:14,vwap:cumulative"
    )

    assert [s.key for s in specs] == [
        "sma:50",
        "ema:20",
        "rsi:7",
        "macd:5:35:9",
        "bbands:20:2.5",
        "vwap:day",
        "atr:14",
        "vwap:cumulative",
    ]
    assert specs[3].columns == ("macd", "signal", "histogram")
    assert specs[4].columns == ("middle", "upper", "lower", "width", "percent_b")


def test_repeats_and_empty_items_are_dropped() -> None:
    assert parse_indicators("sma,sma:20,,bbands:20:2.0,bbands:20:2,") == (
        IndicatorSpec("sma", (20,)),
        IndicatorSpec("bbands", (20, 2.0)),
    )
    assert parse_indicators("") == parse_indicators(None) == ()


def test_unknown_indicator_names_the_known_ones() -> None:
    with pytest.raises(UnknownIndicator, match=r"'stoch'.*sma, ema, rsi") as raised:
        parse_indicators("sma:20,stoch:14")

    assert raised.value.code == "UNKNOWN_INDICATOR"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("sma:0", "whole number"),
        ("sma:1001", "whole number"),
        ("ema:2.5", "whole number"),
        ("rsi:x", "whole number"),
        ("rsi:²", "whole number"),
        ("sma:20:3", "at most 1"),
        ("macd:26:12", "fast < slow"),
        ("macd:12:12:9", "fast < slow"),
        ("bbands:20:0", r"\(0, 10\]"),
        ("bbands:20:nan", r"\(0, 10\]"),
        ("bbands:20:11", r"\(0, 10\]"),
        ("vwap:week", "'day' or 'cumulative'"),
    ],
)
def test_invalid_parameters_are_refused_with_the_item(text: str, says: str) -> None:
    with pytest.raises(InvalidIndicator, match=says) as raised:
        parse_indicators(text)

    assert raised.value.code == "INVALID_INDICATOR"


@pytest.mark.parametrize(("name", "params"), [("stoch", (14,)), ("sma", ()), ("macd", (12, 26))])
def test_a_spec_needs_a_known_name_and_all_its_parameters(
    name: str, params: tuple[int, ...]
) -> None:
    with pytest.raises(ValueError, match="no indicator"):
        IndicatorSpec(name, params)


def test_too_many_indicators_are_refused() -> None:
    text = ",".join(f"sma:{n}" for n in range(1, MAX_INDICATORS + 2))

    with pytest.raises(InvalidIndicator, match=f"at most {MAX_INDICATORS}"):
        parse_indicators(text)


@settings(max_examples=30)
@given(
    bar_series(min_size=1),
    st.sampled_from(["sma:5", "ema:4", "rsi:6", "macd:3:7:4", "bbands:5:2", "vwap", "atr:3"]),
)
def test_each_column_has_values_from_its_lookback_on(s: BarSeries, text: str) -> None:
    [spec] = parse_indicators(text)

    columns = spec.compute(s)

    assert tuple(columns) == spec.columns
    for name, values in columns.items():
        assert len(values) == len(s)
        # %B is also NaN over a flat window, VWAP while a session has traded nothing.
        if (spec.name, name) not in (("bbands", "percent_b"), ("vwap", "value")):
            assert not np.isnan(values[spec.lookback :]).any(), name
    if 0 < spec.lookback <= len(s):
        assert any(np.isnan(values[spec.lookback - 1]) for values in columns.values())


@pytest.mark.parametrize("rows", [0, 3, 10, 50])
def test_compute_tail_keeps_the_last_rows_as_read_only_copies(rows: int) -> None:
    s = series_of([float(v) for v in range(1, 11)])
    specs = parse_indicators("sma:2,macd:2:3:2")

    [sma2, lines] = compute_tail(specs, s, rows)

    kept = min(rows, 10)
    assert_same(sma2["value"], list(sma(s.close, 2)[10 - kept :]))
    assert all(len(column) == kept for column in lines.values())
    with pytest.raises(ValueError, match="read-only"):
        sma2["value"][:] = 0.0


def test_importing_the_indicators_does_not_import_numba() -> None:
    code = "import sys, domain.market_data.indicators; print('numba' in sys.modules)"

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert out.stdout.strip() == "False"
