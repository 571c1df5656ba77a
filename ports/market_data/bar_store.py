"""Bar history ports: the store of historical bars, and the providers a backfill reads."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.market_data.bar_calendar import TimeRange
from domain.market_data.bar_pages import page_of
from domain.market_data.bars import Bar, BarSeries, Timeframe
from domain.market_data.corporate_actions import Adjustment, CorporateAction
from ports.market_data.marketdata import BarSource

MAX_PAGE = 10_000


@dataclass(frozen=True, slots=True)
class BarPage:
    """Up to `limit` bars, oldest first; `next_cursor` reads on after them (None: no more)."""

    bars: tuple[Bar, ...]
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class Coverage:
    """What is stored of one (symbol, timeframe): its first and last bar starts and the count."""

    first: datetime
    last: datetime
    count: int


class BarStore(Protocol):
    """Historical bars, one per (symbol, timeframe, start), kept raw.

    Contract:
    - `write` stores bars of one symbol and timeframe (each bar's own must match, else
      ValueError) and is idempotent: a bar whose start is stored already replaces it (the last
      write wins: a provider's revised bar), and within one call the last bar of a start wins.
      It returns how many bars it was given. `write_series` is the same from columns (no VWAP
      nor trade count). A reader never sees half a write of one partition.
    - `write_many` is `write` of many symbols of one timeframe at once (a batch per symbol;
      any bar of another symbol or timeframe is a ValueError and nothing is written), and
      returns the bars given; `write_many_series` the same from columns. A store whose files
      hold many symbols writes each file once per call, so a backfill buffers symbols and
      writes them together.
    - Prices and volumes are Decimals at this boundary. A value of at most 15 significant
      digits and 8 decimal places reads back exactly (stores keep float64 columns).
    - `read` returns bars starting in [start, end), oldest first, at most `limit` (1 to
      MAX_PAGE), after the cursor of the previous page when one is given; `next_cursor` is
      None on the last page. The pages of a range concatenate to the whole range, with no
      gap and no duplicate. A cursor of another symbol or timeframe, or no cursor at all,
      raises InvalidBarCursor. `adjusted` applies the symbol's corporate actions at read
      (domain/market_data/corporate_actions.py); stored bars are never changed by them.
    - `series` is the columnar read of several symbols (a symbol without bars is left out).
    - `coverage` is the first and last stored bar (None when none is stored); `gaps` the runs
      of bars the trading calendar expects in [start, end) that are not stored
      (domain/market_data/bar_calendar.py).
    - `write_actions` stores corporate actions, one per (symbol, kind, ex date), the last
      write winning; `actions` lists a symbol's, by ex date.
    """

    async def write(self, symbol: str, timeframe: Timeframe, bars: Sequence[Bar]) -> int: ...

    async def write_series(self, symbol: str, timeframe: Timeframe, series: BarSeries) -> int: ...

    async def write_many(
        self, timeframe: Timeframe, batches: Mapping[str, Sequence[Bar]]
    ) -> int: ...

    async def write_many_series(
        self, timeframe: Timeframe, batches: Mapping[str, BarSeries]
    ) -> int: ...

    async def read(
        self,
        symbol: str,
        timeframe: Timeframe,
        start: datetime,
        end: datetime,
        *,
        limit: int = 1000,
        cursor: str | None = None,
        adjusted: bool = False,
    ) -> BarPage: ...

    async def series(
        self,
        symbols: Sequence[str],
        timeframe: Timeframe,
        start: datetime,
        end: datetime,
        *,
        adjusted: bool = False,
    ) -> dict[str, BarSeries]: ...

    async def coverage(self, symbol: str, timeframe: Timeframe) -> Coverage | None: ...

    async def gaps(
        self, symbol: str, timeframe: Timeframe, start: datetime, end: datetime
    ) -> list[TimeRange]: ...

    async def write_actions(self, actions: Sequence[CorporateAction]) -> None: ...

    async def actions(self, symbol: str) -> list[CorporateAction]: ...


def check_batches(timeframe: Timeframe, batches: Mapping[str, Sequence[Bar]]) -> None:
    """Every bar of every batch is of its batch's symbol and of `timeframe` (ValueError
    otherwise, before anything is written)."""
    for symbol, bars in batches.items():
        for bar in bars:
            if bar.symbol != symbol or bar.timeframe is not timeframe:
                raise ValueError(
                    f"bar {bar.symbol} {bar.timeframe} in a write of {symbol} {timeframe.value}"
                )


def check_limit(limit: int) -> None:
    """A page's `limit` is 1 to MAX_PAGE (ValueError otherwise)."""
    if not 1 <= limit <= MAX_PAGE:
        raise ValueError(f"limit {limit}: expected 1 to {MAX_PAGE}")


async def page_from(
    store: BarStore,
    found: Sequence[Bar],
    limit: int,
    symbol: str,
    timeframe: Timeframe,
    *,
    adjusted: bool,
) -> BarPage:
    """The page of bars a store read with one more than `limit` (to know whether more
    follow), with the symbol's corporate actions applied when `adjusted`."""
    bars, next_cursor = page_of(found, limit, symbol, timeframe)
    if adjusted:
        adjustment = Adjustment(await store.actions(symbol))
        bars = [adjustment.bar(b) for b in bars]
    return BarPage(tuple(bars), next_cursor)


async def adjusted_series(store: BarStore, found: dict[str, BarSeries]) -> dict[str, BarSeries]:
    """`found` (series by symbol, changed in place) with each symbol's corporate actions
    applied."""
    for symbol, series in found.items():
        actions = await store.actions(symbol)
        if actions:
            found[symbol] = Adjustment(actions).series(series)
    return found


class HistoricalBars(BarSource, Protocol):
    """A provider of past bars (MarketDataProvider.bars has this contract): at most `limit`
    bars of `timeframe`, oldest first, each starting in [start, end); the first `limit` from
    `start`."""

    name: str
