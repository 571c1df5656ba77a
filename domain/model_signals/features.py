"""The causal feature pipeline of model signals: what a model sees at a bar's close.

Layout: every input is a (symbols, bars) float64 matrix, oldest bar first; every feature is
the same shape, so one call computes a whole universe (the serving path: the last column at a
bar close) or a whole history (training and backtests: every column). Row i of a feature is a
function of columns 0..i only: the bars closed at the decision time t (the end of bar i),
nothing from a bar that starts at or after t. A value without enough history is NaN.

Features (FEATURE_NAMES order):
- ret_1, ret_5, ret_20: log return of the close over 1, 5, 20 bars.
- vol_20: realised volatility, the standard deviation of the last 20 one-bar log returns.
- rsi_14: the relative strength index over 14 bars (simple averages of gains and losses),
  scaled to [-1, 1] ((RSI - 50) / 50).
- ma_gap_10, ma_gap_50: close / simple moving average - 1.
- bb_pctb_20: Bollinger %b over 20 bars at 2 standard deviations, centred ((%b - 0.5)).
- volume_z_20: the bar's volume against the mean and deviation of the last 20 volumes.
- sentiment, sentiment_change_5: the news sentiment score known at the close (0 when none is
  known) and its change over 5 bars.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float64]

FEATURE_NAMES: tuple[str, ...] = (
    "ret_1",
    "ret_5",
    "ret_20",
    "vol_20",
    "rsi_14",
    "ma_gap_10",
    "ma_gap_50",
    "bb_pctb_20",
    "volume_z_20",
    "sentiment",
    "sentiment_change_5",
)
WARMUP_BARS = 50  # bars of history the last row needs for every feature to be defined (ma_50)
_TINY = 1e-12


def _rolling_sum(values: Matrix, window: int) -> Matrix:
    """Sum of the last `window` values along the bar axis (NaN before a full window)."""
    out = np.full(values.shape, np.nan)
    if values.shape[1] < window:
        return out
    cumulative = np.cumsum(values, axis=1)
    out[:, window - 1] = cumulative[:, window - 1]
    out[:, window:] = cumulative[:, window:] - cumulative[:, :-window]
    return out


def _rolling_mean(values: Matrix, window: int) -> Matrix:
    return _rolling_sum(values, window) / window


def _rolling_std(values: Matrix, window: int) -> Matrix:
    """Population standard deviation over the last `window` values (centred per window, so a
    large level does not cancel catastrophically)."""
    out = np.full(values.shape, np.nan)
    if values.shape[1] < window:
        return out
    windows = np.lib.stride_tricks.sliding_window_view(values, window, axis=1)
    out[:, window - 1 :] = windows.std(axis=2)
    return out


def _lagged(values: Matrix, lag: int) -> Matrix:
    """values[:, i - lag] at column i (NaN where i < lag)."""
    out = np.full(values.shape, np.nan)
    if lag < values.shape[1]:
        out[:, lag:] = values[:, :-lag]
    return out


def feature_tensor(
    close: Matrix,
    volume: Matrix,
    sentiment: Matrix | None = None,
) -> npt.NDArray[np.float32]:
    """(symbols, bars, features) float32: FEATURE_NAMES at every bar's close (module doc)."""
    if close.ndim != 2 or volume.shape != close.shape:
        raise ValueError("close and volume must be (symbols, bars) matrices of one shape")
    if sentiment is not None and sentiment.shape != close.shape:
        raise ValueError("sentiment must have the shape of close")
    with np.errstate(divide="ignore", invalid="ignore"):
        log_close = np.log(np.where(close > 0, close, np.nan))
        step = log_close - _lagged(log_close, 1)
        ret_5 = log_close - _lagged(log_close, 5)
        ret_20 = log_close - _lagged(log_close, 20)
        vol_20 = _rolling_std(step, 20)
        change = close - _lagged(close, 1)
        gain = _rolling_mean(np.where(change > 0, change, 0.0), 14)
        loss = _rolling_mean(np.where(change < 0, -change, 0.0), 14)
        gain[:, :14] = np.nan  # the first column has no change: 14 changes need 15 closes
        total = gain + loss
        rsi = np.where(total > _TINY, (gain - loss) / np.where(total > _TINY, total, 1.0), 0.0)
        rsi = np.where(np.isnan(total), np.nan, rsi)
        ma_10 = _rolling_mean(close, 10)
        ma_50 = _rolling_mean(close, 50)
        ma_20 = _rolling_mean(close, 20)
        sd_20 = _rolling_std(close, 20)
        band = 4.0 * sd_20
        pctb = np.where(band > _TINY, (close - (ma_20 - 2.0 * sd_20)) / band - 0.5, 0.0)
        pctb = np.where(np.isnan(band), np.nan, pctb)
        vmean = _rolling_mean(volume, 20)
        vsd = _rolling_std(volume, 20)
        volume_z = np.where(vsd > _TINY, (volume - vmean) / np.where(vsd > _TINY, vsd, 1.0), 0.0)
        volume_z = np.where(np.isnan(vsd), np.nan, volume_z)
        known = np.zeros(close.shape) if sentiment is None else np.nan_to_num(sentiment)
        sentiment_change = known - np.nan_to_num(_lagged(known, 5))
        columns = (
            step, ret_5, ret_20, vol_20, rsi,
            close / ma_10 - 1.0, close / ma_50 - 1.0, pctb, volume_z,
            known, sentiment_change,
        )  # fmt: skip
    return np.stack(columns, axis=2).astype(np.float32)


def latest_features(
    close: Matrix, volume: Matrix, sentiment: Matrix | None = None
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.bool_]]:
    """(symbols, features) at the last column's close, and which rows are fully defined.

    Computes only the last WARMUP_BARS columns: the serving path at a bar close."""
    window = min(close.shape[1], WARMUP_BARS)
    tail = slice(close.shape[1] - window, None)
    rows = feature_tensor(
        close[:, tail], volume[:, tail], None if sentiment is None else sentiment[:, tail]
    )[:, -1, :]
    defined = np.asarray(~np.isnan(rows).any(axis=1), dtype=np.bool_)
    return rows, defined
