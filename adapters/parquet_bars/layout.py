"""Where bars live on disk: hive-style folders by timeframe, then symbol and period, or year.

    {root}/timeframe=1m/symbol=AAPL/period=2024-03/bars.parquet
    {root}/timeframe=1d/year=2024/bars.parquet

Bars up to an hour are filed by symbol and period: a month for 1m and 5m bars, a year for
15m, 30m and 1h bars, so one file holds thousands to tens of thousands of bars. 4h and daily
bars of every symbol share a file a year (a `symbol` column, rows sorted by symbol then start),
so a range read of many symbols opens one file a year. Symbols are percent-encoded in folder
names (BTC/USD -> BTC%2FUSD).

The earlier layout filed 4h and daily bars by symbol, the whole history in one file
(`timeframe=1d/symbol=AAPL/period=all/bars.parquet`): such "legacy" files are still read, are
folded into the yearly files when their symbol is written, and `compact` converts them all.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote, unquote

import numpy as np
import numpy.typing as npt

from domain.market_data.bars import Timeframe

FILE_NAME = "bars.parquet"
ALL = "all"
_MONTHLY = frozenset({Timeframe.M1, Timeframe.M5})
_YEARLY = frozenset({Timeframe.M15, Timeframe.M30, Timeframe.H1})
SHARED = frozenset({Timeframe.H4, Timeframe.D1})
_SYMBOL = "symbol="
_YEAR = "year="


def is_shared(timeframe: Timeframe) -> bool:
    """Whether every symbol's bars of a year share one file (4h and daily bars)."""
    return timeframe in SHARED


def timeframe_dir(root: Path, timeframe: Timeframe) -> Path:
    return root / f"timeframe={timeframe.value}"


def year_file(root: Path, timeframe: Timeframe, year: str) -> Path:
    """The shared file of every symbol's bars of `year` (4h and daily bars)."""
    return timeframe_dir(root, timeframe) / f"{_YEAR}{year}" / FILE_NAME


def year_files(
    root: Path, timeframe: Timeframe, start: datetime | None = None, end: datetime | None = None
) -> list[tuple[int, Path]]:
    """(year, file) of the shared files that may hold bars in [start, end), oldest first."""
    try:
        names = os.listdir(timeframe_dir(root, timeframe))
    except FileNotFoundError:
        return []
    low = None if start is None else start.astimezone(UTC).year
    high = None if end is None else (end - timedelta(seconds=1)).astimezone(UTC).year
    years = sorted(int(n.removeprefix(_YEAR)) for n in names if n.startswith(_YEAR))
    chosen = [y for y in years if (low is None or y >= low) and (high is None or y <= high)]
    files = ((y, year_file(root, timeframe, f"{y:04d}")) for y in chosen)
    return [(y, f) for y, f in files if f.exists()]


def year_runs(starts: npt.NDArray[np.int64]) -> Iterator[tuple[str, int, int]]:
    """(year, first, end) of each run of rows of one year in ascending `starts`."""
    if len(starts) == 0:
        return
    years = starts.astype("datetime64[s]").astype("datetime64[Y]")
    cuts = np.flatnonzero(years[1:] != years[:-1]) + 1
    bounds = [0, *cuts.tolist(), len(starts)]
    for first, end in itertools.pairwise(bounds):
        yield str(years[first]), first, end


def legacy_symbols(root: Path, timeframe: Timeframe) -> list[str]:
    """The symbols with 4h or daily bars still in the earlier per-symbol layout."""
    if not is_shared(timeframe):
        return []
    try:
        names = os.listdir(timeframe_dir(root, timeframe))
    except FileNotFoundError:
        return []
    found = (unquote(n.removeprefix(_SYMBOL)) for n in names if n.startswith(_SYMBOL))
    return sorted(s for s in found if partition_files(root, timeframe, s))


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
