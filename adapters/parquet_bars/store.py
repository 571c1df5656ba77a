"""The BarStore port over Parquet files (pyarrow writes, DuckDB reads), off the event loop.

Every file operation runs on a bounded thread pool, so neither DuckDB's scans nor pyarrow's
writes block the loop, and at most `threads` of them run at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import numpy as np
import numpy.typing as npt
import pyarrow as pa  # type: ignore[import-untyped]  # no stubs

from adapters.parquet_bars.actions_file import actions_path, merge_actions, read_actions
from adapters.parquet_bars.files import from_table, last_of_each, merge_into, to_table
from adapters.parquet_bars.layout import partition_file, partition_files, period_runs
from domain.marketdata.bar_calendar import TimeRange, epoch, gaps, utc
from domain.marketdata.bar_columns import BarColumns
from domain.marketdata.bar_pages import page_of, page_start
from domain.marketdata.bars import Bar, BarSeries, Timeframe
from domain.marketdata.corporate_actions import Adjustment, CorporateAction
from ports.bar_store import MAX_PAGE, BarPage, Coverage

T = TypeVar("T")
_COLUMNS = "start, open, high, low, close, volume, vwap, trades"


class ParquetBarStore:
    """Bars under `root` (docs/bar-store.md), read by an in-process DuckDB."""

    def __init__(self, root: str | Path, *, threads: int = 4) -> None:
        self._root = Path(root)
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="bar-store")
        self._db = duckdb.connect(":memory:")

    async def _off_loop(self, work: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, work, *args)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        self._db.close()

    # Writes.

    async def write(self, symbol: str, timeframe: Timeframe, bars: Sequence[Bar]) -> int:
        for bar in bars:
            if bar.symbol != symbol or bar.timeframe is not timeframe:
                raise ValueError(
                    f"bar {bar.symbol} {bar.timeframe} in a write of {symbol} {timeframe.value}"
                )
        await self._off_loop(self._write_columns, symbol, timeframe, BarColumns.from_bars(bars))
        return len(bars)

    async def write_series(self, symbol: str, timeframe: Timeframe, series: BarSeries) -> int:
        await self._off_loop(self._write_columns, symbol, timeframe, BarColumns.from_series(series))
        return len(series)

    def _write_columns(self, symbol: str, timeframe: Timeframe, columns: BarColumns) -> None:
        if len(columns) == 0:
            return
        table = to_table(columns)
        starts = columns.start
        if len(starts) > 1 and not bool(np.all(starts[1:] > starts[:-1])):
            keep = last_of_each(starts)  # sorted, the last of each start winning
            table, starts = table.take(pa.array(keep)), starts[keep]
        for period, first, end in period_runs(timeframe, starts):
            path = partition_file(self._root, timeframe, symbol, period)
            merge_into(path, table.slice(first, end - first))

    async def write_actions(self, actions: Sequence[CorporateAction]) -> None:
        by_symbol: dict[str, list[CorporateAction]] = {}
        for action in actions:
            by_symbol.setdefault(action.symbol, []).append(action)
        for symbol, own in by_symbol.items():
            await self._off_loop(merge_actions, actions_path(self._root, symbol), symbol, own)

    async def actions(self, symbol: str) -> list[CorporateAction]:
        return await self._off_loop(read_actions, actions_path(self._root, symbol), symbol)

    # Reads.

    def _query(self, sql: str, params: dict[str, Any]) -> pa.Table:
        cursor = self._db.cursor()
        try:
            return cursor.sql(sql, params=params).to_arrow_table()
        finally:
            cursor.close()

    def _columns(
        self, symbol: str, timeframe: Timeframe, start: datetime, end: datetime, limit: int
    ) -> BarColumns | None:
        files = partition_files(self._root, timeframe, symbol, start, end)
        if not files:
            return None
        table = self._query(
            f"SELECT {_COLUMNS} FROM read_parquet($files) "
            "WHERE start >= $low AND start < $high ORDER BY start LIMIT $limit",
            {"files": files, "low": epoch(start), "high": epoch(end), "limit": limit},
        )
        return from_table(table)

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
    ) -> BarPage:
        if not 1 <= limit <= MAX_PAGE:
            raise ValueError(f"limit {limit}: expected 1 to {MAX_PAGE}")
        begin = page_start(start, cursor, symbol, timeframe)
        if begin >= end:
            return BarPage((), None)
        columns = await self._off_loop(self._columns, symbol, timeframe, begin, end, limit + 1)
        found = [] if columns is None else columns.bars(symbol, timeframe)
        bars, next_cursor = page_of(found, limit, symbol, timeframe)
        if adjusted:
            adjustment = Adjustment(await self.actions(symbol))
            bars = [adjustment.bar(b) for b in bars]
        return BarPage(tuple(bars), next_cursor)

    def _series(
        self, symbols: Sequence[str], timeframe: Timeframe, start: datetime, end: datetime
    ) -> dict[str, BarSeries]:
        owner: dict[str, str] = {}
        files: list[str] = []
        for symbol in dict.fromkeys(symbols):
            for file in partition_files(self._root, timeframe, symbol, start, end):
                owner[file] = symbol
                files.append(file)
        if not files:
            return {}
        # DuckDB keeps the files' order and their rows' without ORDER BY (insertion order),
        # so each symbol's rows come as one run, oldest first; both are checked, and sorted
        # when they are not, rather than assumed.
        table = self._query(
            "SELECT filename, start, open, high, low, close, volume "
            "FROM read_parquet($files, filename = true) WHERE start >= $low AND start < $high",
            {"files": files, "low": epoch(start), "high": epoch(end)},
        )
        names = table.column("filename").combine_chunks().dictionary_encode()
        codes = np.asarray(names.indices.to_numpy(), dtype=np.int64)
        arrays = {
            name: np.asarray(table.column(name).to_numpy(), dtype=np.float64)
            for name in ("start", "open", "high", "low", "close", "volume")
        }
        symbol_of = [owner[str(n)] for n in names.dictionary.to_pylist()]
        rows: dict[str, list[npt.NDArray[np.int64]]] = {}
        ordered = bool(np.all(codes[1:] >= codes[:-1]))
        order = np.arange(len(codes)) if ordered else np.argsort(codes, kind="stable")
        cuts = np.flatnonzero(np.diff(codes[order])) + 1
        for run in np.split(order, cuts):
            if len(run):
                rows.setdefault(symbol_of[codes[run[0]]], []).append(run)
        found: dict[str, BarSeries] = {}
        for symbol, runs in rows.items():
            take = np.concatenate(runs)
            if take[-1] - take[0] + 1 == len(take):  # one contiguous run: views, no copy
                take = slice(int(take[0]), int(take[-1]) + 1)  # type: ignore[assignment]
            columns = {k: v[take] for k, v in arrays.items()}
            if not bool(np.all(columns["start"][1:] > columns["start"][:-1])):
                by_start = np.argsort(columns["start"], kind="stable")
                columns = {k: v[by_start] for k, v in columns.items()}
            found[symbol] = BarSeries(**columns)
        return found

    async def series(
        self,
        symbols: Sequence[str],
        timeframe: Timeframe,
        start: datetime,
        end: datetime,
        *,
        adjusted: bool = False,
    ) -> dict[str, BarSeries]:
        found = await self._off_loop(self._series, symbols, timeframe, start, end)
        if adjusted:
            for symbol, series in found.items():
                actions = await self.actions(symbol)
                if actions:
                    found[symbol] = Adjustment(actions).series(series)
        return found

    def _coverage(self, symbol: str, timeframe: Timeframe) -> Coverage | None:
        files = partition_files(self._root, timeframe, symbol)
        if not files:
            return None
        table = self._query(
            "SELECT min(start) AS first, max(start) AS last, count(*) AS n "
            "FROM read_parquet($files)",
            {"files": files},
        )
        row = table.to_pylist()[0]
        if not row["n"]:
            return None
        return Coverage(utc(row["first"]), utc(row["last"]), int(row["n"]))

    async def coverage(self, symbol: str, timeframe: Timeframe) -> Coverage | None:
        return await self._off_loop(self._coverage, symbol, timeframe)

    def _gaps(
        self, symbol: str, timeframe: Timeframe, start: datetime, end: datetime
    ) -> list[TimeRange]:
        files = partition_files(self._root, timeframe, symbol, start, end)
        stored = np.empty(0, dtype=np.int64)
        if files:
            table = self._query(
                "SELECT start FROM read_parquet($files) WHERE start >= $low AND start < $high",
                {"files": files, "low": epoch(start), "high": epoch(end)},
            )
            stored = np.asarray(table.column("start").to_numpy(), dtype=np.int64)
        return gaps(timeframe, start, end, stored)

    async def gaps(
        self, symbol: str, timeframe: Timeframe, start: datetime, end: datetime
    ) -> list[TimeRange]:
        return await self._off_loop(self._gaps, symbol, timeframe, start, end)
