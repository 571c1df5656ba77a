"""A backtest's bars read from the historical bar store (ports/market_data/bar_store.py), page by
page.

Each symbol is read as float columns (the port's columnar `series`, no Bar nor Decimal per
value) in windows of at most `page` bars (a window spans `page` bar lengths, which cannot
hold more), one symbol after the other; the windows of a symbol are joined once, so a run
holds one symbol's windows plus the columns it computes on (ten years of daily bars for
dozens of symbols are never held twice). Before that, each
symbol's coverage is checked: a range the store does not hold is refused up front
(BarsMissing: the symbols and the first day missing), not found out by a run.

What counts as missing: the trading calendar (domain/market_data/bar_calendar.py) expects a
bar every weekday, and exchange holidays show as gaps there; so a run of missing bars is
tolerated when it spans at most TOLERATED_GAP (a holiday, a long weekend, a few days' market
closure), and refused when longer, as is a range with no bars at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import KW_ONLY, dataclass
from datetime import UTC, date, datetime, timedelta

import numpy as np

from domain.backtests.model import BarsMissing, InvalidBacktest
from domain.market_data.bars import BarSeries, Timeframe
from ports.market_data.bar_store import MAX_PAGE, BarStore

TOLERATED_GAP = timedelta(days=4)
_COLUMNS = ("start", "open", "high", "low", "close", "volume")


def _day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


@dataclass(eq=False)
class StoreBars:
    """Bars of several symbols over [start, end] (UTC days) from a BarStore, as BarSeries."""

    store: BarStore
    _: KW_ONLY
    page: int = MAX_PAGE

    async def first_missing(
        self, symbols: Sequence[str], timeframe: Timeframe, start: date, end: date
    ) -> dict[str, date]:
        """Each symbol whose range has a run of missing bars longer than TOLERATED_GAP (or
        no bar at all), with the first day of that run."""
        low, high = _day_start(start), _day_start(end) + timedelta(days=1)
        missing: dict[str, date] = {}
        for symbol in symbols:
            for gap in await self.store.gaps(symbol, timeframe, low, high):
                whole = gap.start <= low and gap.end >= high
                if whole or gap.end - gap.start > TOLERATED_GAP:
                    missing[symbol] = gap.start.date()
                    break
        return missing

    async def load(
        self,
        symbols: Sequence[str],
        timeframe: Timeframe,
        start: date,
        end: date,
        *,
        adjusted: bool,
        warm_up: int,
        max_bars: int,
    ) -> dict[str, BarSeries]:
        """Every symbol's bars from `start` to `end` plus up to `warm_up` bars before; refuses
        (BarsMissing) a range the store lacks, and (InvalidBacktest) more than `max_bars`."""
        missing = await self.first_missing(symbols, timeframe, start, end)
        if missing:
            raise BarsMissing(missing, timeframe)
        found: dict[str, BarSeries] = {}
        total = 0
        for symbol in symbols:
            series = await self._symbol(symbol, timeframe, start, end, adjusted, warm_up)
            total += len(series)
            if total > max_bars:
                raise InvalidBacktest(
                    f"more than {max_bars:,} bars: shorten the range or the symbols", field="to"
                )
            found[symbol] = series
        return found

    async def _symbol(
        self,
        symbol: str,
        timeframe: Timeframe,
        start: date,
        end: date,
        adjusted: bool,
        warm_up: int,
    ) -> BarSeries:
        first = _day_start(start)
        # Enough calendar time before `first` for `warm_up` bars on weekdays, holidays aside.
        reach = (
            max(timeframe.delta * warm_up * 2, timedelta(days=5))
            if timeframe is not Timeframe.D1
            else timedelta(days=warm_up * 7 // 5 + 14)
        )
        since = first - reach if warm_up else first
        high = _day_start(end) + timedelta(days=1)
        chunks: list[BarSeries] = []
        window = timeframe.delta * self.page
        low = since
        while low < high:
            upper = min(low + window, high)
            found = await self.store.series([symbol], timeframe, low, upper, adjusted=adjusted)
            if symbol in found:
                chunks.append(found[symbol])
            low = upper
        if not chunks:
            empty = np.zeros(0)
            return BarSeries(empty, empty, empty, empty, empty, empty)
        columns = [np.concatenate([getattr(c, name) for c in chunks]) for name in _COLUMNS]
        chunks.clear()
        begin = int(np.searchsorted(columns[0], first.timestamp(), side="left"))
        begin = max(0, begin - warm_up)
        if begin:
            columns = [c[begin:].copy() for c in columns]
        return BarSeries(*columns)
