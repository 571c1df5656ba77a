"""Seeded GBM bar paths for the synthetic provider: the same (seed, symbol, timeframe) and the
same anchor (price, clock) always give the same bars.

Every bar index k (bar start = k × timeframe seconds since the epoch) owns one row of four
standard normals (log-return, upper wick, lower wick, volume), drawn from a generator keyed by
(seed, symbol, timeframe, k // BLOCK); so a bar's shape never depends on which window asked.
The series is anchored at the end: the bar holding `now` closes at the current price, each
earlier close is that price discounted by the later bars' log-returns (summed from the newest
backwards, so two windows agree to the last bit).
"""

from __future__ import annotations

import math
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import numpy as np
import numpy.typing as npt

from domain.market_data.bars import Bar, Timeframe

FloatArray = npt.NDArray[np.float64]

BLOCK = 1024
MAX_HISTORY_BARS = 100_000
YEAR_SECONDS = 365.25 * 86_400
CENT = 0.01
_CACHED_BLOCKS = 256
_WICK = 0.5  # wick length in units of one bar's standard deviation
_VOLUME_SIGMA = 0.5
_TRADE_SIZE = 100  # shares per trade, for the trade count


def stable_key(text: str) -> int:
    """A process-independent integer for `text` (Python's hash() is salted per process)."""
    return zlib.crc32(text.encode())


@dataclass(frozen=True, slots=True)
class SymbolDynamics:
    """How a synthetic symbol moves: annual drift and volatility, spread, daily volume."""

    drift: float = 0.05
    volatility: float = 0.25
    spread_bps: float = 2.0
    daily_volume: float = 2_000_000.0

    def __post_init__(self) -> None:
        if not 0 < self.volatility < 5:
            raise ValueError("volatility must be in (0, 5) (annualised)")
        if self.spread_bps < 0 or self.daily_volume <= 0:
            raise ValueError("spread_bps must not be negative and daily_volume must be positive")

    def log_step(self, seconds: float, shock: float) -> float:
        """The GBM log-return over `seconds` for a standard normal `shock`."""
        drift, scale = self.step_moments(seconds)
        return drift + scale * shock

    def step_moments(self, seconds: float) -> tuple[float, float]:
        """Mean and standard deviation of the GBM log-return over `seconds`."""
        years = seconds / YEAR_SECONDS
        return (self.drift - 0.5 * self.volatility**2) * years, self.volatility * math.sqrt(years)


class BarPaths:
    """Makes the synthetic bars of any window; keeps the last few hundred row blocks."""

    def __init__(self, seed: int) -> None:
        self._seed = seed
        self._blocks: OrderedDict[tuple[int, int, int], FloatArray] = OrderedDict()
        self._lock = threading.Lock()

    def bars(
        self,
        symbol: str,
        timeframe: Timeframe,
        dynamics: SymbolDynamics,
        *,
        price: float,
        now: datetime,
        start: datetime | None,
        end: datetime | None,
        limit: int,
    ) -> list[Bar]:
        """Bars starting in [start, end) and not after `now`; the first `limit` from `start`
        when it is given, else the latest `limit`. The bar holding `now` closes at `price`."""
        step = timeframe.seconds
        newest = int(now.timestamp()) // step
        high = newest if end is None else min(newest, -(-int(end.timestamp()) // step) - 1)
        oldest = max(0, newest - MAX_HISTORY_BARS + 1)
        if start is not None:
            low = max(oldest, -(-int(start.timestamp()) // step))
            high = min(high, low + limit - 1)
        else:
            low = max(oldest, high - limit + 1)
        if limit <= 0 or low > high:
            return []
        rows = self._rows(symbol, step, low, newest)
        drift, scale = dynamics.step_moments(step)
        returns = drift + scale * rows[:, 0]
        # tail[i] = sum of the returns of bars low+i .. newest, accumulated from the newest.
        tail = np.cumsum(returns[::-1])[::-1]
        log_price = math.log(price)
        log_open = log_price - tail
        log_close = np.append(log_price - tail[1:], log_price)
        count = high - low + 1
        return self._assemble(
            symbol,
            timeframe,
            dynamics,
            low,
            np.exp(log_open[:count]),
            np.exp(log_close[:count]),
            rows[:count],
        )

    def _assemble(
        self,
        symbol: str,
        timeframe: Timeframe,
        dynamics: SymbolDynamics,
        low_index: int,
        opens: FloatArray,
        closes: FloatArray,
        rows: FloatArray,
    ) -> list[Bar]:
        step = timeframe.seconds
        bar_sigma = dynamics.volatility * math.sqrt(step / YEAR_SECONDS)
        opens_c = _cents(opens)
        closes_c = _cents(closes)
        body_top = np.maximum(opens_c, closes_c)
        body_bottom = np.minimum(opens_c, closes_c)
        wick_up = np.exp(_WICK * bar_sigma * np.abs(rows[:, 1]))
        wick_down = np.exp(-_WICK * bar_sigma * np.abs(rows[:, 2]))
        highs = np.maximum(_cents(body_top * wick_up), body_top)
        lows = np.minimum(_cents(body_bottom * wick_down), body_bottom)
        mean_volume = dynamics.daily_volume * step / 86_400
        volumes = np.round(
            mean_volume * np.exp(_VOLUME_SIGMA * rows[:, 3] - 0.5 * _VOLUME_SIGMA**2)
        )
        vwaps = np.clip(np.round((highs + lows + closes_c) / 3.0, 4), lows, highs)
        bars = []
        for i in range(len(opens)):
            volume = int(volumes[i])
            bars.append(
                Bar(
                    symbol=symbol,
                    timeframe=timeframe,
                    start=datetime.fromtimestamp((low_index + i) * step, tz=UTC),
                    open=_decimal(opens_c[i]),
                    high=_decimal(highs[i]),
                    low=_decimal(lows[i]),
                    close=_decimal(closes_c[i]),
                    volume=Decimal(volume),
                    vwap=Decimal(f"{vwaps[i]:.4f}"),
                    trades=max(1, volume // _TRADE_SIZE) if volume else 0,
                )
            )
        return bars

    def _rows(self, symbol: str, step: int, first: int, last: int) -> FloatArray:
        key = stable_key(symbol)
        blocks = [
            self._block(key, step, block) for block in range(first // BLOCK, last // BLOCK + 1)
        ]
        joined = np.concatenate(blocks)
        offset = first - (first // BLOCK) * BLOCK
        return joined[offset : offset + last - first + 1]

    def _block(self, key: int, step: int, block: int) -> FloatArray:
        cache_key = (key, step, block)
        # Bars are built in worker threads (off the event loop): the LRU is shared.
        with self._lock:
            rows = self._blocks.get(cache_key)
            if rows is not None:
                self._blocks.move_to_end(cache_key)
                return rows
        sequence = np.random.SeedSequence([self._seed, key, step, block])
        rows = np.random.default_rng(sequence).standard_normal((BLOCK, 4))
        with self._lock:
            self._blocks[cache_key] = rows
            if len(self._blocks) > _CACHED_BLOCKS:
                self._blocks.popitem(last=False)
        return rows


def _cents(values: FloatArray) -> FloatArray:
    return np.maximum(np.round(values, 2), CENT)


def _decimal(value: float) -> Decimal:
    return Decimal(f"{value:.2f}")
