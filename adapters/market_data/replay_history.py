"""HistoricalBars over replay files (the format of replay_files.py): what backtests read.

The files are read once, on first use, into float columns per (symbol, timeframe); a request
is then a slice. Only recorded timeframes are served (no aggregation of finer bars).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np

from adapters.market_data.replay_files import ReplayDataError, load_replay
from domain.errors import StoreUnavailable
from domain.market_data.bars import Bar, BarSeries, Timeframe

_EMPTY = np.zeros(0)


class ReplayHistory:
    """Bars of a replay file or folder, as BarSeries slices by date range.

    Missing or bad files raise StoreUnavailable (503) naming the problem, on every call.
    """

    def __init__(self, path: str | Path) -> None:
        self._path = Path(path)
        self._series: dict[tuple[str, Timeframe], BarSeries] | None = None
        self._lock = threading.Lock()

    def symbols(self, timeframe: Timeframe) -> list[str]:
        return sorted(symbol for symbol, tf in self._loaded() if tf is timeframe)

    def series(
        self, symbol: str, timeframe: Timeframe, start: date, end: date, *, warm_up: int = 0
    ) -> BarSeries:
        found = self._loaded().get((symbol, timeframe))
        if found is None:
            return BarSeries(_EMPTY, _EMPTY, _EMPTY, _EMPTY, _EMPTY, _EMPTY)
        first = datetime(start.year, start.month, start.day, tzinfo=UTC).timestamp()
        after = (datetime(end.year, end.month, end.day, tzinfo=UTC) + timedelta(days=1)).timestamp()
        lo = int(np.searchsorted(found.start, first, side="left"))
        hi = int(np.searchsorted(found.start, after, side="left"))
        if hi <= lo:
            return BarSeries(_EMPTY, _EMPTY, _EMPTY, _EMPTY, _EMPTY, _EMPTY)
        lo = max(0, lo - warm_up)
        return BarSeries(
            found.start[lo:hi], found.open[lo:hi], found.high[lo:hi],
            found.low[lo:hi], found.close[lo:hi], found.volume[lo:hi],
        )  # fmt: skip

    def _loaded(self) -> dict[tuple[str, Timeframe], BarSeries]:
        with self._lock:
            if self._series is None:
                grouped: dict[tuple[str, Timeframe], list[Bar]] = defaultdict(list)
                try:
                    bars = load_replay(self._path).bars
                except ReplayDataError as exc:  # the operator's data: a 503, said once, clearly
                    raise StoreUnavailable(f"backtest data unavailable: {exc}") from None
                for bar in bars:
                    grouped[(bar.symbol, bar.timeframe)].append(bar)
                self._series = {
                    key: BarSeries.from_bars(sorted(bars, key=lambda b: b.start))
                    for key, bars in grouped.items()
                }
            return self._series
