"""Where bars live on disk: hive-style folders by timeframe, symbol and period.

    {root}/timeframe=1m/symbol=AAPL/period=2024-03/bars.parquet

The period is a month for 1m and 5m bars, a year for 15m, 30m and 1h bars, and the whole
history ("all") for 4h and daily bars, so one file holds thousands to tens of thousands of
bars and a read of ten years of one symbol opens 1 to 120 files. Symbols are percent-encoded
in folder names (BTC/USD -> BTC%2FUSD).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import numpy as np
import numpy.typing as npt

from domain.marketdata.bars import Timeframe

FILE_NAME = "bars.parquet"
ALL = "all"
_MONTHLY = frozenset({Timeframe.M1, Timeframe.M5})
_YEARLY = frozenset({Timeframe.M15, Timeframe.M30, Timeframe.H1})


def symbol_dir(root: Path, timeframe: Timeframe, symbol: str) -> Path:
    return root / f"timeframe={timeframe.value}" / f"symbol={quote(symbol, safe='')}"


def period_of(timeframe: Timeframe, at: datetime) -> str:
    """The period key of the bar starting at `at`."""
    at = at.astimezone(UTC)
    if timeframe in _MONTHLY:
        return f"{at.year:04d}-{at.month:02d}"
    if timeframe in _YEARLY:
        return f"{at.year:04d}"
    return ALL


def period_runs(
    timeframe: Timeframe, starts: npt.NDArray[np.int64]
) -> Iterator[tuple[str, int, int]]:
    """(period, first, end) of each run of rows of one period in ascending `starts`."""
    if len(starts) == 0:
        return
    if timeframe not in _MONTHLY and timeframe not in _YEARLY:
        yield ALL, 0, len(starts)
        return
    unit = "datetime64[M]" if timeframe in _MONTHLY else "datetime64[Y]"
    periods = starts.astype("datetime64[s]").astype(unit)
    cuts = np.flatnonzero(periods[1:] != periods[:-1]) + 1
    bounds = [0, *cuts.tolist(), len(starts)]
    for first, end in itertools.pairwise(bounds):
        yield str(periods[first]), first, end


def partition_file(root: Path, timeframe: Timeframe, symbol: str, period: str) -> Path:
    return symbol_dir(root, timeframe, symbol) / f"period={period}" / FILE_NAME


def partition_files(
    root: Path,
    timeframe: Timeframe,
    symbol: str,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[str]:
    """The symbol's files that may hold bars in [start, end), in time order."""
    folder = symbol_dir(root, timeframe, symbol)
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return []
    low = None if start is None else period_of(timeframe, start)
    high = None if end is None else period_of(timeframe, end - timedelta(seconds=1))
    periods = sorted(n.removeprefix("period=") for n in names if n.startswith("period="))
    chosen = [p for p in periods if p == ALL or _within(p, low, high)]
    files = (folder / f"period={p}" / FILE_NAME for p in chosen)
    return [str(f) for f in files if f.exists()]


def _within(period: str, low: str | None, high: str | None) -> bool:
    return (low is None or period >= low) and (high is None or period <= high)
