"""Bars to and from float64 columns: the storage convention of the bar store.

Prices and volumes are float64 in storage and Decimal at the domain boundary. A Decimal of
at most 15 significant digits reads back exactly: float64 holds 15 significant decimal
digits, and a float is read as the shortest decimal that rounds to it (Python's repr).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import numpy.typing as npt

from domain.market_data.bar_calendar import epoch, utc
from domain.market_data.bars import Bar, BarSeries, FloatArray, Timeframe

IntArray = npt.NDArray[np.int64]


def decimal_of(value: float) -> Decimal:
    """The shortest decimal that rounds to `value` (exact for 15 significant digits)."""
    return Decimal(repr(value))


@dataclass(frozen=True, slots=True)
class BarColumns:
    """One symbol's bars as columns: starts in epoch seconds; NaN VWAP and -1 trades: none."""

    start: IntArray
    open: FloatArray
    high: FloatArray
    low: FloatArray
    close: FloatArray
    volume: FloatArray
    vwap: FloatArray
    trades: IntArray

    def __len__(self) -> int:
        return len(self.start)

    @classmethod
    def from_bars(cls, bars: Sequence[Bar]) -> BarColumns:
        def floats(values: list[float]) -> FloatArray:
            return np.asarray(values, dtype=np.float64)

        return cls(
            start=np.asarray([epoch(b.start) for b in bars], dtype=np.int64),
            open=floats([float(b.open) for b in bars]),
            high=floats([float(b.high) for b in bars]),
            low=floats([float(b.low) for b in bars]),
            close=floats([float(b.close) for b in bars]),
            volume=floats([float(b.volume) for b in bars]),
            vwap=floats([math.nan if b.vwap is None else float(b.vwap) for b in bars]),
            trades=np.asarray([-1 if b.trades is None else b.trades for b in bars], np.int64),
        )

    @classmethod
    def from_series(cls, series: BarSeries) -> BarColumns:
        n = len(series)
        return cls(
            start=series.start.astype(np.int64),
            open=series.open,
            high=series.high,
            low=series.low,
            close=series.close,
            volume=series.volume,
            vwap=np.full(n, math.nan),
            trades=np.full(n, -1, dtype=np.int64),
        )

    def bars(self, symbol: str, timeframe: Timeframe) -> list[Bar]:
        columns = zip(
            self.start.tolist(),
            self.open.tolist(),
            self.high.tolist(),
            self.low.tolist(),
            self.close.tolist(),
            self.volume.tolist(),
            self.vwap.tolist(),
            self.trades.tolist(),
            strict=True,
        )
        return [
            Bar(
                symbol=symbol,
                timeframe=timeframe,
                start=utc(t),
                open=decimal_of(o),
                high=decimal_of(h),
                low=decimal_of(lo),
                close=decimal_of(c),
                volume=decimal_of(v),
                vwap=None if math.isnan(w) else decimal_of(w),
                trades=None if n < 0 else n,
            )
            for t, o, h, lo, c, v, w, n in columns
        ]

    def series(self) -> BarSeries:
        return BarSeries(
            start=self.start.astype(np.float64),
            open=self.open,
            high=self.high,
            low=self.low,
            close=self.close,
            volume=self.volume,
        )
