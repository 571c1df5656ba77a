"""Bars (OHLCV candles) of the seven timeframes, and a columnar series for bulk numerics."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


class Timeframe(StrEnum):
    """The bar sizes every provider serves."""

    M1 = "1m"
    M5 = "5m"
    M15 = "15m"
    M30 = "30m"
    H1 = "1h"
    H4 = "4h"
    D1 = "1d"

    @property
    def seconds(self) -> int:
        return _SECONDS[self]

    @property
    def delta(self) -> timedelta:
        return timedelta(seconds=self.seconds)

    def floor(self, at: datetime) -> datetime:
        """The start of the bar that contains `at` (UTC epoch-aligned)."""
        epoch = int(at.timestamp())
        return datetime.fromtimestamp(epoch - epoch % self.seconds, tz=UTC)


_SECONDS = {
    Timeframe.M1: 60,
    Timeframe.M5: 300,
    Timeframe.M15: 900,
    Timeframe.M30: 1800,
    Timeframe.H1: 3600,
    Timeframe.H4: 14_400,
    Timeframe.D1: 86_400,
}


@dataclass(frozen=True, slots=True)
class Bar:
    """One candle: prices of the trades in [start, start + timeframe)."""

    symbol: str
    timeframe: Timeframe
    start: datetime
    open: Decimal
    high: Decimal
    low: Decimal
    close: Decimal
    volume: Decimal
    vwap: Decimal | None = None
    trades: int | None = None

    def __post_init__(self) -> None:
        if self.low > min(self.open, self.close) or self.high < max(self.open, self.close):
            raise ValueError(f"bar {self.symbol}@{self.start}: low/high do not bound open/close")
        if self.volume < 0:
            raise ValueError(f"bar {self.symbol}@{self.start}: negative volume")


@dataclass(frozen=True, slots=True)
class BarSeries:
    """Bars as float64 columns, oldest first: what indicators and signals compute on."""

    start: FloatArray  # epoch seconds
    open: FloatArray
    high: FloatArray
    low: FloatArray
    close: FloatArray
    volume: FloatArray

    def __post_init__(self) -> None:
        n = len(self.close)
        for name in ("start", "open", "high", "low", "volume"):
            if len(getattr(self, name)) != n:
                raise ValueError(f"column {name} has {len(getattr(self, name))} rows, expected {n}")

    def __len__(self) -> int:
        return len(self.close)

    @classmethod
    def from_bars(cls, bars: Sequence[Bar]) -> BarSeries:
        def column(values: list[float]) -> FloatArray:
            return np.asarray(values, dtype=np.float64)

        return cls(
            start=column([b.start.timestamp() for b in bars]),
            open=column([float(b.open) for b in bars]),
            high=column([float(b.high) for b in bars]),
            low=column([float(b.low) for b in bars]),
            close=column([float(b.close) for b in bars]),
            volume=column([float(b.volume) for b in bars]),
        )
