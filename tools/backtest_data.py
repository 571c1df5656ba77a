"""Synthetic, seeded OHLCV bars for backtests: the shipped data set and the benchmark's.

NOT real prices. Each symbol's log return is beta x a market factor + its own noise, both
with GARCH(1,1) volatility clustering (shocks are Student-t, so tails are fat), plus a drift.
Bars are OHLC-consistent (low <= open, close <= high; prices in cents), volumes rise with
the size of the move. The same seed gives the same bytes on every machine with the same
numpy: tests/unit/tools/test_backtest_data.py regenerates the shipped files and compares.

Regenerate the shipped files: `.venv/bin/python -m tools.backtest_data` (writes data/backtest/).
"""

from __future__ import annotations

import argparse
import io
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

SEED = 15
SHIPPED_DIR = Path(__file__).resolve().parent.parent / "data" / "backtest"
SHIPPED_FIRST_DAY = datetime(2019, 1, 1, tzinfo=UTC)
SHIPPED_DAYS = 6 * 252  # six years of weekdays
# The index-like benchmark first, then seven stocks: (symbol, beta, annual drift, idio vol).
SHIPPED_SYMBOLS: tuple[tuple[str, float, float, float], ...] = (
    ("SYNIDX", 1.0, 0.07, 0.0),
    ("ACME", 1.2, 0.09, 0.22),
    ("BOLT", 1.5, 0.05, 0.35),
    ("CRUX", 0.8, 0.06, 0.18),
    ("DYNO", 1.1, 0.12, 0.28),
    ("EPIC", 0.6, 0.04, 0.15),
    ("FLUX", 1.3, -0.02, 0.30),
    ("GRID", 0.9, 0.08, 0.20),
)
MARKET_VOL = 0.16  # annual, the GARCH long-run level
GARCH_ALPHA, GARCH_BETA = 0.08, 0.90
T_DOF = 5.0


@dataclass(frozen=True, slots=True)
class Columns:
    """One symbol's bars as float64 columns (start in epoch seconds), oldest first."""

    symbol: str
    start: FloatArray
    open: FloatArray
    high: FloatArray
    low: FloatArray
    close: FloatArray
    volume: FloatArray


def garch_returns(
    rng: np.random.Generator, n: int, annual_vol: float, periods_per_year: int
) -> FloatArray:
    """n GARCH(1,1) returns with unit-variance Student-t shocks around `annual_vol`."""
    long_run = (annual_vol / math.sqrt(periods_per_year)) ** 2
    omega = long_run * (1.0 - GARCH_ALPHA - GARCH_BETA)
    shocks = rng.standard_t(T_DOF, n) / math.sqrt(T_DOF / (T_DOF - 2.0))
    out = np.empty(n)
    variance = long_run
    for i in range(n):
        out[i] = math.sqrt(variance) * shocks[i]
        variance = omega + GARCH_ALPHA * out[i] ** 2 + GARCH_BETA * variance
    return out


def trading_starts(first: datetime, count: int, step: timedelta) -> FloatArray:
    """`count` bar starts from `first`: weekdays for daily bars, every `step` otherwise."""
    starts: list[float] = []
    at = first
    while len(starts) < count:
        if step < timedelta(days=1) or at.weekday() < 5:
            starts.append(at.timestamp())
        at += step
    return np.asarray(starts, dtype=np.float64)


def session_minutes(first: datetime, days: int, minutes: int = 390) -> FloatArray:
    """1-minute bar starts of `days` weekday sessions of `minutes` minutes from `first`'s time."""
    opens = trading_starts(first, days, timedelta(days=1))
    return (opens[:, None] + 60.0 * np.arange(minutes)[None, :]).ravel()


def generate(
    symbols: tuple[tuple[str, float, float, float], ...],
    *,
    bars: int,
    seed: int = SEED,
    first: datetime = SHIPPED_FIRST_DAY,
    step: timedelta = timedelta(days=1),
    periods_per_year: int = 252,
    start_price: float = 100.0,
    starts: FloatArray | None = None,
) -> list[Columns]:
    """Bars of every symbol over one shared calendar (`starts`, else every `step` from `first`,
    weekdays only for daily steps); the market factor drives all of them."""
    rng = np.random.default_rng(seed)
    if starts is None:
        starts = trading_starts(first, bars, step)
    bars = len(starts)
    market = garch_returns(rng, bars, MARKET_VOL, periods_per_year)
    out: list[Columns] = []
    for symbol, beta, drift, idio_vol in symbols:
        own = garch_returns(rng, bars, idio_vol, periods_per_year) if idio_vol else np.zeros(bars)
        log_ret = drift / periods_per_year + beta * market + own
        close = start_price * rng.uniform(0.5, 2.0) * np.exp(np.cumsum(log_ret))
        # The intrabar range: the bar's own move plus a share of a typical bar's volatility.
        sigma = np.abs(log_ret) + 0.4 * MARKET_VOL / math.sqrt(periods_per_year)
        gap = rng.normal(0.0, 0.25, bars) * sigma
        previous = np.concatenate(([close[0] / math.exp(log_ret[0])], close[:-1]))
        open_ = previous * np.exp(gap)
        top = np.maximum(open_, close) * np.exp(np.abs(rng.normal(0.0, 0.5, bars)) * sigma)
        bottom = np.minimum(open_, close) * np.exp(-np.abs(rng.normal(0.0, 0.5, bars)) * sigma)
        volume = np.round(1e6 * np.exp(rng.normal(0.0, 0.3, bars) + 20.0 * np.abs(log_ret)))
        o, c = np.round(open_, 2), np.round(close, 2)
        h = np.maximum(np.ceil(top * 100.0) / 100.0, np.maximum(o, c))
        low = np.minimum(np.floor(bottom * 100.0) / 100.0, np.minimum(o, c))
        out.append(Columns(symbol, starts, o, h, np.maximum(low, 0.01), c, volume))
    return out


def to_csv(columns: Columns, timeframe: str = "1d") -> str:
    """The replay bar format (adapters/market_data/replay_files.py), one row per bar."""
    buffer = io.StringIO()
    buffer.write("symbol,timeframe,start,open,high,low,close,volume\n")
    for i in range(len(columns.close)):
        day = datetime.fromtimestamp(columns.start[i], tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        buffer.write(
            f"{columns.symbol},{timeframe},{day},{columns.open[i]:.2f},{columns.high[i]:.2f},"
            f"{columns.low[i]:.2f},{columns.close[i]:.2f},{columns.volume[i]:.0f}\n"
        )
    return buffer.getvalue()


def shipped_files() -> dict[str, str]:
    """File name -> content of the shipped data set (one CSV per symbol)."""
    data = generate(SHIPPED_SYMBOLS, bars=SHIPPED_DAYS)
    return {f"{c.symbol}.csv": to_csv(c) for c in data}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SHIPPED_DIR)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in shipped_files().items():
        (args.out / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {len(SHIPPED_SYMBOLS)} files to {args.out}")


if __name__ == "__main__":
    main()
