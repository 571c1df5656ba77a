"""The feature pipeline is causal, vectorised over symbols, and computes what it says."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.model_signals.features import (
    FEATURE_NAMES,
    WARMUP_BARS,
    feature_tensor,
    latest_features,
)


def _market(symbols: int = 3, bars: int = 120, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    close = 100.0 * np.exp(np.cumsum(rng.normal(0, 0.01, (symbols, bars)), axis=1))
    volume = rng.uniform(1e5, 2e5, (symbols, bars))
    return close, volume


@settings(max_examples=30, deadline=None)
@given(cut=st.integers(min_value=1, max_value=119), seed=st.integers(0, 1000))
def test_a_row_does_not_change_when_later_bars_are_removed(cut: int, seed: int) -> None:
    # Arrange
    close, volume = _market(seed=seed)
    sentiment = np.random.default_rng(seed).uniform(-1, 1, close.shape)

    # Act
    full = feature_tensor(close, volume, sentiment)
    prefix = feature_tensor(close[:, :cut], volume[:, :cut], sentiment[:, :cut])

    # Assert
    np.testing.assert_array_equal(prefix, full[:, :cut])


def test_a_universe_computes_as_each_symbol_alone() -> None:
    # Arrange
    close, volume = _market(symbols=5)

    # Act
    together = feature_tensor(close, volume)
    alone = [feature_tensor(close[i : i + 1], volume[i : i + 1])[0] for i in range(5)]

    # Assert
    np.testing.assert_allclose(together, np.stack(alone), rtol=1e-6)


def test_the_serving_row_is_the_last_row_of_the_history() -> None:
    # Arrange
    close, volume = _market(bars=200)

    # Act
    rows, defined = latest_features(close, volume)

    # Assert
    np.testing.assert_allclose(rows, feature_tensor(close, volume)[:, -1, :], rtol=1e-5, atol=1e-6)
    assert defined.all() and rows.shape == (3, len(FEATURE_NAMES))


def test_rows_before_the_warm_up_are_undefined_and_after_it_defined() -> None:
    # Arrange
    close, volume = _market(bars=WARMUP_BARS + 5)

    # Act
    tensor = feature_tensor(close, volume)

    # Assert
    defined = np.asarray(~np.isnan(tensor).any(axis=2))
    assert not defined[:, : WARMUP_BARS - 1].any()
    assert defined[:, WARMUP_BARS - 1 :].all()


def test_known_values_returns_rsi_gap_band_volume_and_sentiment() -> None:
    # Arrange: a close rising 1 % a bar, a volume spike on the last bar, sentiment stepping up
    bars = 60
    close = np.asarray(100.0 * 1.01 ** np.arange(bars), dtype=np.float64)[None, :]
    volume = np.full((1, bars), 1000.0)
    volume[0, ::2] = 1100.0
    volume[0, -1] = 5000.0
    sentiment = np.where(np.arange(bars) >= bars - 3, 0.6, 0.1)[None, :]
    names = {name: index for index, name in enumerate(FEATURE_NAMES)}

    # Act
    last = feature_tensor(close, volume, sentiment)[0, -1]

    # Assert
    assert np.isclose(last[names["ret_1"]], np.log(1.01), atol=1e-6)
    assert np.isclose(last[names["ret_20"]], 20 * np.log(1.01), atol=1e-5)
    assert np.isclose(last[names["vol_20"]], 0.0, atol=1e-6)
    assert last[names["rsi_14"]] == 1.0  # only gains
    assert last[names["ma_gap_10"]] > 0 and last[names["ma_gap_50"]] > last[names["ma_gap_10"]]
    assert 0.0 < last[names["bb_pctb_20"]] <= 0.5
    assert last[names["volume_z_20"]] > 3.0
    assert np.isclose(last[names["sentiment"]], 0.6)
    assert np.isclose(last[names["sentiment_change_5"]], 0.5)


def test_no_sentiment_reads_as_zero_level_and_zero_change() -> None:
    # Arrange
    close, volume = _market()

    # Act
    tensor = feature_tensor(close, volume)

    # Assert
    assert (tensor[:, :, FEATURE_NAMES.index("sentiment")] == 0).all()
    assert (tensor[:, :, FEATURE_NAMES.index("sentiment_change_5")] == 0).all()
