"""Backtest ports: the bars a backtest reads, the simulated venue it moves, where runs are kept."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol

from domain.backtests.model import Backtest
from domain.market_data.bars import BarSeries, Timeframe


class HistoricalBars(Protocol):
    """Recorded bars to backtest over (the replay provider's files).

    `series` gives one symbol's bars of `timeframe` that start on or after `start` and on or
    before `end` (UTC days, inclusive), plus up to `warm_up` bars before `start`, oldest
    first; an empty series when there are none. `symbols` lists every symbol with bars of
    `timeframe`.
    """

    def symbols(self, timeframe: Timeframe) -> list[str]: ...

    def series(
        self, symbol: str, timeframe: Timeframe, start: date, end: date, *, warm_up: int = 0
    ) -> BarSeries: ...


class SimulatedVenue(Protocol):
    """The simulated world's clock and quotes: a backtest moves them, the order path reads them.

    `move_to` sets the simulated time (never backwards); `set_prices` publishes a quote
    with bid = ask = last = price for each symbol, stamped with the simulated time, which the
    gate marks positions at and the paper broker fills market orders against.
    """

    def move_to(self, at: datetime) -> None: ...

    def set_prices(self, prices: Mapping[str, Decimal]) -> None: ...


@dataclass(frozen=True, slots=True)
class BacktestPage:
    """A page of one owner's backtests, newest first; `after` continues after that id."""

    owner_id: str
    limit: int = 50
    after: str | None = None


class BacktestRepository(Protocol):
    """Backtest runs and their results.

    `add` stores a new run (ValueError for a known id). `save` replaces a stored run's
    status, progress, times, error and result (KeyError when unknown). `get` returns the
    run of that id owned by `owner_id`, None otherwise (another owner's run is not found).
    `page` lists an owner's runs by (created_at, id) descending, after the run `after`.
    `count_unfinished` counts an owner's (or everybody's, owner None) queued or running runs.
    """

    async def add(self, backtest: Backtest) -> None: ...

    async def save(self, backtest: Backtest) -> None: ...

    async def get(self, backtest_id: str, owner_id: str) -> Backtest | None: ...

    async def page(self, page: BacktestPage) -> list[Backtest]: ...

    async def count_unfinished(self, owner_id: str | None = None) -> int: ...
