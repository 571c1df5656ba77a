"""Technical indicators over float64 bar columns: NaN through each one's warm-up, same length.

Numpy where a formula vectorises (SMA, true range, band arithmetic); numba kernels
(indicators_numba, imported on first use) for the recursions (EMA, Wilder's RSI and ATR),
the session sums of VWAP and the rolling standard deviation. `jit=False` runs the same
kernels as plain Python (numpy windows for the bands): the reference the tests and the
benchmark compare against. Inputs are finite after any warm-up of their own; see
`recursive_mean` for what a later NaN does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from domain.errors import DomainError
from domain.market_data.bars import BarSeries, FloatArray

_DAY_S = 86_400.0


def _kernels() -> ModuleType:
    # Imported here, not at the top: numba costs about a second to import, and most
    # processes that import this module never compute an indicator.
    from domain.market_data import indicators_numba

    return indicators_numba


def _kernel(name: str, jit: bool) -> Callable[..., Any]:
    kernel = getattr(_kernels(), name)
    return kernel if jit else kernel.py_func  # type: ignore[no-any-return]


def _floats(x: FloatArray) -> FloatArray:
    return np.ascontiguousarray(x, dtype=np.float64)


def _check_period(period: int, minimum: int = 1) -> None:
    if isinstance(period, bool) or not isinstance(period, int) or period < minimum:
        raise ValueError(f"period must be an integer >= {minimum}, got {period!r}")


def sma(x: FloatArray, period: int) -> FloatArray:
    """Simple moving average: the mean of the last `period` values (a cumulative-sum difference)."""
    _check_period(period)
    x = _floats(x)
    out = np.full(len(x), np.nan)
    if len(x) >= period:
        total = np.cumsum(x)
        out[period - 1] = total[period - 1]
        out[period:] = total[period:] - total[:-period]
        out[period - 1 :] /= period
    return out


def sma_reference(x: FloatArray, period: int) -> FloatArray:
    """SMA as the mean of each sliding window: slower, no cumulative rounding."""
    _check_period(period)
    x = _floats(x)
    out = np.full(len(x), np.nan)
    if len(x) >= period:
        out[period - 1 :] = sliding_window_view(x, period).mean(axis=1)
    return out


def ema(x: FloatArray, period: int, *, jit: bool = True) -> FloatArray:
    """Exponential moving average, alpha = 2 / (period + 1), seeded with the first SMA."""
    _check_period(period)
    result: FloatArray = _kernel("recursive_mean", jit)(_floats(x), period, 2.0 / (period + 1))
    return result


def wilder(x: FloatArray, period: int, *, jit: bool = True) -> FloatArray:
    """Wilder's smoothing (alpha = 1 / period), seeded with the first SMA."""
    _check_period(period)
    result: FloatArray = _kernel("recursive_mean", jit)(_floats(x), period, 1.0 / period)
    return result


def rsi(close: FloatArray, period: int = 14, *, jit: bool = True) -> FloatArray:
    """Wilder's relative strength index in [0, 100]; the first value is at row `period`.

    100 * average gain / (average gain + average loss), the same as 100 - 100 / (1 + RS);
    50 while the price has not moved at all over the averages.
    """
    _check_period(period)
    close = _floats(close)
    if len(close) == 0:
        return np.full(0, np.nan)
    delta = np.empty(len(close))
    delta[0] = np.nan
    delta[1:] = np.diff(close)
    gain = wilder(np.clip(delta, 0.0, None), period, jit=jit)
    loss = wilder(np.clip(-delta, 0.0, None), period, jit=jit)
    total = gain + loss
    with np.errstate(invalid="ignore", divide="ignore"):
        # The ratio first: gain / total rounds to at most 1, so the RSI never passes 100.
        out = np.where(total > 0, 100.0 * (gain / total), 50.0)
    out[np.isnan(total)] = np.nan
    return out


@dataclass(frozen=True, slots=True)
class MacdLines:
    """MACD line (fast EMA - slow EMA), its signal EMA, and the histogram between them."""

    macd: FloatArray
    signal: FloatArray
    histogram: FloatArray


def macd(
    close: FloatArray, fast: int = 12, slow: int = 26, signal: int = 9, *, jit: bool = True
) -> MacdLines:
    """Moving average convergence/divergence; the signal starts at row slow + signal - 2."""
    for period in (fast, slow, signal):
        _check_period(period)
    if fast >= slow:
        raise ValueError(f"macd needs fast < slow, got {fast} and {slow}")
    line = ema(close, fast, jit=jit) - ema(close, slow, jit=jit)
    signal_line = ema(line, signal, jit=jit)
    return MacdLines(line, signal_line, line - signal_line)


@dataclass(frozen=True, slots=True)
class Bands:
    """Bollinger bands: middle SMA +- k population standard deviations, width and %B.

    width = (upper - lower) / middle; %B = (close - lower) / (upper - lower), NaN while the
    bands have no width (a flat window).
    """

    middle: FloatArray
    upper: FloatArray
    lower: FloatArray
    width: FloatArray
    percent_b: FloatArray


def bollinger(close: FloatArray, period: int = 20, k: float = 2.0, *, jit: bool = True) -> Bands:
    """Bollinger bands over `period` rows (numba windows; numpy sliding windows without jit)."""
    _check_period(period)
    if not (np.isfinite(k) and k > 0):
        raise ValueError(f"bollinger needs a positive k, got {k!r}")
    close = _floats(close)
    if jit:
        middle, std = _kernels().rolling_mean_std(close, period)
    else:
        middle, std = np.full(len(close), np.nan), np.full(len(close), np.nan)
        if len(close) >= period:
            windows = sliding_window_view(close, period)
            middle[period - 1 :] = windows.mean(axis=1)
            std[period - 1 :] = windows.std(axis=1)
    upper, lower = middle + k * std, middle - k * std
    with np.errstate(invalid="ignore", divide="ignore"):
        width = np.where(middle != 0, (upper - lower) / middle, np.nan)
        percent_b = np.where(upper > lower, (close - lower) / (upper - lower), np.nan)
    return Bands(middle, upper, lower, width, percent_b)


def vwap(series: BarSeries, *, reset_daily: bool = True, jit: bool = True) -> FloatArray:
    """Volume-weighted typical price (high + low + close) / 3 since the session's first bar.

    With `reset_daily` a session is a UTC day (the sums restart at its first bar), else the
    whole series. NaN while the session has traded no volume.
    """
    typical = (series.high + series.low + series.close) / 3.0
    result: FloatArray = _kernel("session_vwap", jit)(
        _floats(series.start), typical, _floats(series.volume), _DAY_S if reset_daily else 0.0
    )
    return result


def true_range(high: FloatArray, low: FloatArray, close: FloatArray) -> FloatArray:
    """max(high - low, |high - previous close|, |low - previous close|); high - low first."""
    previous = np.empty(len(close))
    if len(close):
        previous[0] = np.nan
        previous[1:] = close[:-1]
    # fmax ignores the NaN of the first row, whose range is high - low.
    ranges: FloatArray = np.fmax(
        high - low, np.fmax(np.abs(high - previous), np.abs(low - previous))
    )
    return ranges


def atr(series: BarSeries, period: int = 14, *, jit: bool = True) -> FloatArray:
    """Wilder's average true range; the first value, at row period - 1, averages period ranges."""
    return wilder(true_range(series.high, series.low, series.close), period, jit=jit)


# -- requests: which indicators, with which parameters ---------------------------------------

MAX_PERIOD = 1000
MAX_INDICATORS = 16
SYNTAX = (
    "a comma-separated list of name[:param[:param...]]; omitted trailing params take their "
    "defaults: sma:20, ema:20, rsi:14, macd:12:26:9 (fast:slow:signal), bbands:20:2 "
    "(period:k), vwap:day (or vwap:cumulative), atr:14"
)


class InvalidIndicator(DomainError):
    """An indicator request that cannot be computed: bad syntax or parameters out of range."""

    code = "INVALID_INDICATOR"


class UnknownIndicator(InvalidIndicator):
    """An indicator name this service does not compute."""

    code = "UNKNOWN_INDICATOR"


@dataclass(frozen=True, slots=True)
class IndicatorSpec:
    """One requested indicator: `name` with its parameters, defaults filled in.

    `key` is the canonical text ("macd:12:26:9"), `lookback` the row of its first value
    (how many earlier bars it needs), `columns` the names of the series it yields.
    """

    name: str
    params: tuple[int | float | str, ...]

    def __post_init__(self) -> None:
        schema = _PARAMS.get(self.name)
        if schema is None or len(self.params) != len(schema):
            raise ValueError(f"no indicator {self.name!r} takes {len(self.params)} parameters")

    @property
    def key(self) -> str:
        return ":".join(
            [self.name, *(f"{p:g}" if isinstance(p, float) else str(p) for p in self.params)]
        )

    @property
    def lookback(self) -> int:
        period = self.params[0] if self.params else 0
        if self.name == "macd":
            return int(self.params[1]) + int(self.params[2]) - 2
        if self.name == "rsi":
            return int(period)
        if self.name == "vwap":
            return 0
        return int(period) - 1

    @property
    def columns(self) -> tuple[str, ...]:
        return _COLUMNS.get(self.name, ("value",))

    def compute(self, series: BarSeries) -> dict[str, FloatArray]:
        """Each of `columns` over the series, aligned with its rows."""
        p = self.params
        if self.name == "sma":
            return {"value": sma(series.close, int(p[0]))}
        if self.name == "ema":
            return {"value": ema(series.close, int(p[0]))}
        if self.name == "rsi":
            return {"value": rsi(series.close, int(p[0]))}
        if self.name == "atr":
            return {"value": atr(series, int(p[0]))}
        if self.name == "vwap":
            return {"value": vwap(series, reset_daily=p[0] == "day")}
        if self.name == "macd":
            lines = macd(series.close, int(p[0]), int(p[1]), int(p[2]))
            return {"macd": lines.macd, "signal": lines.signal, "histogram": lines.histogram}
        bands = bollinger(series.close, int(p[0]), float(p[1]))
        return {
            "middle": bands.middle,
            "upper": bands.upper,
            "lower": bands.lower,
            "width": bands.width,
            "percent_b": bands.percent_b,
        }


def compute_tail(
    specs: Sequence[IndicatorSpec], series: BarSeries, rows: int
) -> list[dict[str, FloatArray]]:
    """Each spec's columns over the whole series, cut to its last `rows` rows.

    The cuts are read-only copies: callers may cache and share them.
    """
    out: list[dict[str, FloatArray]] = []
    for spec in specs:
        columns: dict[str, FloatArray] = {}
        for name, values in spec.compute(series).items():
            kept = np.array(values[-rows:] if rows else values[:0])
            kept.flags.writeable = False
            columns[name] = kept
        out.append(columns)
    return out


_COLUMNS = {
    "macd": ("macd", "signal", "histogram"),
    "bbands": ("middle", "upper", "lower", "width", "percent_b"),
}
# Per name: each parameter's (kind, default); "period" is an integer in [1, MAX_PERIOD].
_PARAMS: dict[str, tuple[tuple[str, int | float | str], ...]] = {
    "sma": (("period", 20),),
    "ema": (("period", 20),),
    "rsi": (("period", 14),),
    "macd": (("period", 12), ("period", 26), ("period", 9)),
    "bbands": (("period", 20), ("k", 2.0)),
    "vwap": (("session", "day"),),
    "atr": (("period", 14),),
}
INDICATOR_NAMES = tuple(_PARAMS)


def parse_indicators(text: str | None) -> tuple[IndicatorSpec, ...]:
    """Parse the request syntax (see SYNTAX) into specs, in order, repeats dropped."""
    specs: list[IndicatorSpec] = []
    for item in (text or "").split(","):
        if item.strip():
            spec = parse_indicator(item.strip())
            if spec not in specs:
                specs.append(spec)
    if len(specs) > MAX_INDICATORS:
        raise InvalidIndicator(f"at most {MAX_INDICATORS} indicators per request")
    return tuple(specs)


def parse_indicator(item: str) -> IndicatorSpec:
    """One `name[:param...]` item into a spec, or InvalidIndicator saying what is wrong."""
    name, *raw = (part.strip() for part in item.lower().split(":"))
    schema = _PARAMS.get(name)
    if schema is None:
        raise UnknownIndicator(f"unknown indicator {name!r}; known: {', '.join(INDICATOR_NAMES)}")
    if len(raw) > len(schema):
        raise InvalidIndicator(f"{item!r}: {name} takes at most {len(schema)} parameters")
    params = tuple(
        _param(item, kind, raw[i]) if i < len(raw) else default
        for i, (kind, default) in enumerate(schema)
    )
    if name == "macd" and int(params[0]) >= int(params[1]):
        raise InvalidIndicator(f"{item!r}: macd needs fast < slow")
    return IndicatorSpec(name, params)


def _param(item: str, kind: str, text: str) -> int | float | str:
    if kind == "session":
        if text not in ("day", "cumulative"):
            raise InvalidIndicator(f"{item!r}: the vwap session is 'day' or 'cumulative'")
        return text
    if kind == "k":
        try:
            k = float(text)
        except ValueError:
            k = float("nan")
        if not (np.isfinite(k) and 0 < k <= 10):
            raise InvalidIndicator(f"{item!r}: k must be a number in (0, 10]")
        return k
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_PERIOD:
        raise InvalidIndicator(f"{item!r}: a period is a whole number in [1, {MAX_PERIOD}]")
    return int(text)
