"""Stored daily closes read as dated series: the one reading of the bar history store that
the analytics, trading (held correlation) and portfolio (risk) use cases share, kept in core
so that every context may import it.

`daily_closes` reads the daily bars (Timeframe.D1) starting in [since, until) of several
symbols from the BarStore, split- and dividend-adjusted unless asked raw, and answers per
symbol its closes, oldest first, each dated by the UTC day its bar starts on
(domain/market_data/daily_closes.py). A symbol without a bar in the range is absent, as in
`BarStore.series`. `daily_closes_between` is the same over whole days, both included.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from domain.market_data.bars import Timeframe
from domain.market_data.daily_closes import DailyCloses
from ports.market_data.bar_store import BarStore

__all__ = ["DailyCloses", "daily_closes", "daily_closes_between", "midnight"]


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
