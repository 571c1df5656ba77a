"""Stored daily closes read as dated series: the one reading of the bar history store that
the analytics, risk and portfolio use cases share.

`daily_closes` reads the daily bars (Timeframe.D1) starting in [since, until) of several
symbols from the BarStore, split- and dividend-adjusted unless asked raw, and answers per
symbol its closes, oldest first, each dated by the UTC day its bar starts on (epoch seconds
floored to whole days: `datetime.fromtimestamp(start, UTC).date()`). A symbol without a bar
in the range is absent, as in `BarStore.series`. `daily_closes_between` is the same over
whole days, both included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import numpy as np
import numpy.typing as npt

from domain.market_data.bars import BarSeries, Timeframe
from ports.market_data.bar_store import BarStore

FloatArray = npt.NDArray[np.float64]
DayArray = npt.NDArray[np.datetime64]  # datetime64[D]
SECONDS_A_DAY = 86_400

__all__ = ["DailyCloses", "daily_closes", "daily_closes_between", "midnight"]


@dataclass(frozen=True, slots=True)
class DailyCloses:
    """One symbol's stored daily closes, oldest first: `days` (datetime64[D], the UTC day of
    each bar's start) and `closes` (float64), one per bar."""

    days: DayArray
    closes: FloatArray

    @classmethod
    def of(cls, series: BarSeries) -> DailyCloses:
        whole_days = np.floor_divide(series.start, SECONDS_A_DAY).astype(np.int64)
        return cls(whole_days.astype("datetime64[D]"), np.asarray(series.close, dtype=np.float64))

    def __len__(self) -> int:
        return int(self.closes.shape[0])

    @property
    def dates(self) -> list[date]:
        """The days as `datetime.date`s."""
        found: list[date] = self.days.tolist()
        return found

    def pairs(self) -> list[tuple[date, float]]:
        """(day, close) per bar, oldest first."""
        return list(zip(self.dates, self.closes.tolist(), strict=True))

    def by_day(self) -> dict[date, float]:
        """{day: close}."""
        return dict(self.pairs())


def midnight(day: date) -> datetime:
    """00:00 UTC of `day`."""
    return datetime.combine(day, time(), UTC)


async def daily_closes(
    bars: BarStore,
    symbols: Sequence[str],
    since: datetime,
    until: datetime,
    *,
    adjusted: bool = True,
) -> dict[str, DailyCloses]:
    """The stored daily closes of `symbols` whose bars start in [since, until) (module doc)."""
    found = await bars.series(list(symbols), Timeframe.D1, since, until, adjusted=adjusted)
    return {symbol: DailyCloses.of(series) for symbol, series in found.items()}


async def daily_closes_between(
    bars: BarStore, symbols: Sequence[str], first: date, last: date, *, adjusted: bool = True
) -> dict[str, DailyCloses]:
    """The stored daily closes of `symbols` from `first` to `last`, both days included."""
    until = midnight(last + timedelta(days=1))
    return await daily_closes(bars, symbols, midnight(first), until, adjusted=adjusted)
