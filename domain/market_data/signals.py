"""Trading signals: three pattern detectors over a BarSeries, the engine, Signal and its event."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

import numpy as np

from domain.events import DomainEvent
from domain.market_data.bars import BarSeries, Timeframe
from domain.market_data.indicators import atr, bollinger, ema, vwap

SCORE_DECIMALS = 4  # scores are rounded once, so "emitted iff |score| >= threshold" is exact
DEFAULT_THRESHOLD = 0.3


class Pattern(StrEnum):
    """The patterns the engine detects."""

    EMA_CROSSOVER = "ema_crossover"
    VWAP_DEVIATION = "vwap_deviation"
    VOLATILITY_BREAKOUT = "volatility_breakout"


class Direction(StrEnum):
    """Which way a signal points: the sign of its score."""

    BULLISH = "bullish"
    BEARISH = "bearish"
    NEUTRAL = "neutral"

    @classmethod
    def of(cls, score: float) -> Direction:
        return cls.BULLISH if score > 0 else cls.BEARISH if score < 0 else cls.NEUTRAL


@dataclass(frozen=True, slots=True)
class Reading:
    """One detector's verdict on the last bar: a score in [-1, 1], its reason and inputs."""

    pattern: Pattern
    score: float
    reason: str
    inputs: Mapping[str, float] = field(default_factory=dict)

    @property
    def direction(self) -> Direction:
        return Direction.of(self.score)


@dataclass(frozen=True, slots=True)
class SignalConfig:
    """Detector windows and scales, and the |score| from which a reading is emitted.

    EMA crossover: tanh(gap_weight * gap + change_weight * change), with the fast-slow
    EMA gap in ATRs (Wilder's, over `atr_window`) and its change over `ema_change_bars`.
    VWAP deviation:
    -tanh(z / vwap_z_scale), z = (close - VWAP) / volume-weighted deviation over
    `vwap_window` (price above VWAP reverts down). Volatility breakout: tanh(excess /
    breakout_atr_scale), excess = how far the close is beyond the prior `breakout_window`
    bars' Bollinger band (`breakout_band_k` deviations), in ATRs.
    """

    ema_fast: int = 12
    ema_slow: int = 26
    ema_change_bars: int = 3
    ema_gap_weight: float = 0.5
    ema_change_weight: float = 1.0
    atr_window: int = 14
    vwap_window: int = 20
    vwap_z_scale: float = 2.0
    breakout_window: int = 20
    breakout_band_k: float = 2.0
    breakout_atr_scale: float = 1.0
    threshold: float = DEFAULT_THRESHOLD

    def __post_init__(self) -> None:
        windows = ("ema_fast", "ema_slow", "atr_window", "vwap_window", "breakout_window")
        for name in windows:
            if getattr(self, name) < 2:
                raise ValueError(f"{name} must be at least 2")
        if self.ema_fast >= self.ema_slow:
            raise ValueError("ema_fast must be shorter than ema_slow")
        if self.ema_change_bars < 1:
            raise ValueError("ema_change_bars must be at least 1")
        scales = ("ema_gap_weight", "ema_change_weight", "vwap_z_scale", "breakout_atr_scale")
        for name in (*scales, "breakout_band_k"):
            value = getattr(self, name)
            if not (math.isfinite(value) and value > 0):
                raise ValueError(f"{name} must be a positive number")
        if not 0.0 <= self.threshold <= 1.0:
            raise ValueError("threshold must be within [0, 1]")

    @property
    def min_bars(self) -> int:
        """Bars needed before every detector has an opinion."""
        return max(
            self.ema_slow + self.ema_change_bars,
            self.atr_window + 1,
            self.vwap_window,
            self.breakout_window + 1,
        )


class SignalEngine:
    """Runs every detector on a series; `emit` keeps the readings with |score| >= threshold.

    Pure and deterministic: the same series and config always give the same readings.
    A detector without enough bars (or without price range to normalise by) is left out
    or scores 0.
    """

    def __init__(self, config: SignalConfig | None = None) -> None:
        self.config = config or SignalConfig()
        self._detectors: tuple[Callable[[BarSeries, SignalConfig], Reading | None], ...] = (
            ema_crossover,
            vwap_deviation,
            volatility_breakout,
        )

    def readings(self, series: BarSeries) -> list[Reading]:
        found = (detect(series, self.config) for detect in self._detectors)
        return [reading for reading in found if reading is not None]

    def emit(self, series: BarSeries) -> list[Reading]:
        threshold = self.config.threshold
        return [r for r in self.readings(series) if abs(r.score) >= threshold]


# -- detectors ------------------------------------------------------------------------------


def ema_crossover(series: BarSeries, config: SignalConfig) -> Reading | None:
    """Fast EMA against slow EMA: the gap (in ATRs) and how fast it moved, sign = trend side."""
    k = config.ema_change_bars
    if len(series) < max(config.ema_slow + k, config.atr_window + 1):
        return None
    fast, slow = ema(series.close, config.ema_fast), ema(series.close, config.ema_slow)
    gap = fast - slow
    scale = float(atr(series, config.atr_window)[-1])
    inputs = {"ema_fast": float(fast[-1]), "ema_slow": float(slow[-1]), "atr": scale}
    if not usable(scale, float(series.close[-1])):
        return _flat(Pattern.EMA_CROSSOVER, inputs)
    gap_atr = float(gap[-1]) / scale
    change_atr = float(gap[-1] - gap[-1 - k]) / scale
    raw = math.tanh(config.ema_gap_weight * gap_atr + config.ema_change_weight * change_atr)
    signs = np.sign(gap[-1 - k :])
    crossed = [i for i in range(1, len(signs)) if signs[i] != signs[i - 1] and signs[i] != 0]
    side = "above" if gap[-1] > 0 else "below" if gap[-1] < 0 else "level with"
    if crossed:
        ago = len(signs) - 1 - crossed[-1]
        when = "on the last bar" if ago == 0 else f"{ago} bar(s) ago"
        reason = f"fast EMA crossed {side} slow EMA {when}"
    else:
        moving = "widening" if abs(gap[-1]) > abs(gap[-1 - k]) else "narrowing"
        reason = f"fast EMA {side} slow EMA, gap {moving}"
    inputs |= {"gap_atr": gap_atr, "gap_change_atr": change_atr}
    return _reading(Pattern.EMA_CROSSOVER, raw, reason, inputs)


def vwap_deviation(series: BarSeries, config: SignalConfig) -> Reading | None:
    """Close against the window's VWAP as a z-score; a stretched price is expected to revert."""
    n = config.vwap_window
    if len(series) < n:
        return None
    window = _last(series, n)
    typical = (window.high + window.low + window.close) / 3.0
    level = float(vwap(window, reset_daily=False)[-1])
    weights = window.volume
    if not math.isfinite(level):  # no volume traded (indices, some FX feeds): equal weights
        level, weights = float(typical.mean()), np.ones(n)
    spread = math.sqrt(float(np.average((typical - level) ** 2, weights=weights)))
    close = float(window.close[-1])
    inputs = {"close": close, "vwap": level, "deviation": spread}
    if not usable(spread, close):
        return _flat(Pattern.VWAP_DEVIATION, inputs)
    z = (close - level) / spread
    raw = -math.tanh(z / config.vwap_z_scale)
    where = "above" if z > 0 else "below"
    reason = f"close {abs(z):.2f} deviations {where} VWAP: expect reversion"
    return _reading(Pattern.VWAP_DEVIATION, raw, reason, inputs | {"z_score": z})


def volatility_breakout(series: BarSeries, config: SignalConfig) -> Reading | None:
    """Close beyond the prior bars' Bollinger band, by how many ATRs; sign = breakout side."""
    n = config.breakout_window
    if len(series) < max(n + 1, config.atr_window + 1):
        return None
    # The band of the bars before the last one: a breakout leaves the range it had.
    bands = bollinger(series.close[-n - 1 : -1], n, config.breakout_band_k)
    upper, lower = float(bands.upper[-1]), float(bands.lower[-1])
    close = float(series.close[-1])
    scale = float(atr(series, config.atr_window)[-1])
    inputs = {"close": close, "band_upper": upper, "band_lower": lower, "atr": scale}
    if not usable(scale, close):
        return _flat(Pattern.VOLATILITY_BREAKOUT, inputs)
    excess = band_excess(close, upper, lower, scale)
    raw = math.tanh(excess / config.breakout_atr_scale)
    if excess > 0:
        reason = f"close {excess:.2f} ATR above the {n}-bar upper band: upside breakout"
    elif excess < 0:
        reason = f"close {-excess:.2f} ATR below the {n}-bar lower band: downside breakout"
    else:
        reason = f"close inside the {n}-bar band"
    return _reading(Pattern.VOLATILITY_BREAKOUT, raw, reason, inputs | {"excess_atr": excess})


# -- helpers --------------------------------------------------------------------------------


def _last(series: BarSeries, n: int) -> BarSeries:
    return BarSeries(
        start=series.start[-n:],
        open=series.open[-n:],
        high=series.high[-n:],
        low=series.low[-n:],
        close=series.close[-n:],
        volume=series.volume[-n:],
    )


def usable(scale: float, price: float) -> bool:
    """True when `scale` (an ATR, a deviation) can normalise a move of `price`: a range below a
    billionth of the price is rounding noise, not volatility. signal_kernels compiles it too."""
    return math.isfinite(scale) and math.isfinite(price) and scale > 1e-9 * max(abs(price), 1.0)


def band_excess(price: float, upper: float, lower: float, scale: float) -> float:
    """How many `scale`s (ATRs) `price` lies beyond the band: > 0 above `upper`, < 0 below
    `lower`, 0 inside. signal_kernels compiles it too."""
    if price > upper:
        return (price - upper) / scale
    if price < lower:
        return (price - lower) / scale
    return 0.0


def _clean(inputs: Mapping[str, float]) -> dict[str, float]:
    return {k: float(v) for k, v in inputs.items() if math.isfinite(float(v))}


def _flat(pattern: Pattern, inputs: Mapping[str, float]) -> Reading:
    return Reading(pattern, 0.0, "no price range to measure against", _clean(inputs))


def _reading(pattern: Pattern, raw: float, reason: str, inputs: Mapping[str, float]) -> Reading:
    if not math.isfinite(raw):
        return _flat(pattern, inputs)
    score = round(min(1.0, max(-1.0, raw)), SCORE_DECIMALS) + 0.0  # + 0.0 turns -0.0 into 0.0
    return Reading(pattern, score, reason, _clean(inputs))


# -- the stored signal and its event --------------------------------------------------------


SignalKey = tuple[str, Timeframe, Pattern, datetime]


@dataclass(frozen=True, slots=True)
class Signal:
    """An emitted reading of one symbol's bar; (symbol, timeframe, pattern, at) is its key."""

    id: str
    symbol: str
    timeframe: Timeframe
    pattern: Pattern
    score: float
    at: datetime  # the start of the bar it was read on
    created_at: datetime
    reason: str = ""
    details: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not (math.isfinite(self.score) and -1.0 <= self.score <= 1.0):
            raise ValueError(f"signal {self.id}: score {self.score} is outside [-1, 1]")
        if self.at.tzinfo is None or self.created_at.tzinfo is None:
            raise ValueError(f"signal {self.id}: times must be timezone-aware")
        # In UTC, as every store gives them back.
        object.__setattr__(self, "at", self.at.astimezone(UTC))
        object.__setattr__(self, "created_at", self.created_at.astimezone(UTC))

    @property
    def direction(self) -> Direction:
        return Direction.of(self.score)

    @property
    def key(self) -> SignalKey:
        return (self.symbol, self.timeframe, self.pattern, self.at)

    @classmethod
    def of(
        cls,
        reading: Reading,
        *,
        id: str,
        symbol: str,
        timeframe: Timeframe,
        at: datetime,
        created_at: datetime,
    ) -> Signal:
        return cls(
            id, symbol, timeframe, reading.pattern, reading.score, at, created_at,
            reading.reason, dict(reading.inputs),
        )  # fmt: skip

    def emitted(self) -> SignalEmitted:
        return SignalEmitted(
            signal_id=self.id,
            symbol=self.symbol,
            timeframe=self.timeframe.value,
            pattern=self.pattern.value,
            score=self.score,
            direction=self.direction.value,
            at=self.at,
            created_at=self.created_at,
            reason=self.reason,
            details=dict(self.details),
        )


@dataclass(frozen=True, slots=True)
class SignalEmitted(DomainEvent):
    """A new signal was stored; market-wide (not about an account), ordered per symbol."""

    signal_id: str
    symbol: str
    timeframe: str
    pattern: str
    score: float
    direction: str
    at: datetime
    created_at: datetime
    reason: str = ""
    details: dict[str, float] = field(default_factory=dict)

    @property
    def aggregate_id(self) -> str:
        return self.symbol
