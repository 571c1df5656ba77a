"""The BarStore port over Parquet files (pyarrow writes, DuckDB reads), off the event loop.

Every file operation runs on a bounded thread pool, so neither DuckDB's scans nor pyarrow's
writes block the loop, and at most `threads` of them run at once.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
import numpy.typing as npt

from adapters.parquet_bars.layout import (
    is_shared,
    legacy_symbols,
    partition_file,
    partition_files,
    period_runs,
    year_files,
)
from domain.market_data.bar_calendar import TimeRange, epoch, gaps, utc
from domain.market_data.bar_columns import BarColumns
from domain.market_data.bar_pages import page_start
from domain.market_data.bars import Bar, BarSeries, Timeframe
from domain.market_data.corporate_actions import CorporateAction
from ports.market_data.bar_store import (
    BarPage,
    Coverage,
    adjusted_series,
    check_batches,
    check_limit,
    page_from,
)

# DuckDB and pyarrow (with the file helpers over them) load with the store's first read or
# write, not with a process that wires a store it may never use.
if TYPE_CHECKING:
    import duckdb
    import pyarrow as pa  # type: ignore[import-untyped]  # no stubs

T = TypeVar("T")
_COLUMNS = "start, open, high, low, close, volume, vwap, trades"
# A columnar read of at most this many symbols filters the yearly files on the symbol (row
# groups of other symbols skipped by their statistics); more read every row group.
_FEW = 64


class ParquetBarStore:
    """Bars under `root` (docs/bar-store.md), read by an in-process DuckDB."""

    def __init__(self, root: str | Path, *, threads: int = 4) -> None:
        self._root = Path(root)
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="bar-store")
        self._connection: duckdb.DuckDBPyConnection | None = None
        self._connecting = threading.Lock()

    @property
    def _db(self) -> duckdb.DuckDBPyConnection:
        """The in-process DuckDB, opened by the first query (on the store's threads)."""
        with self._connecting:
            if self._connection is None:
                import duckdb

                self._connection = duckdb.connect(":memory:")
            return self._connection

    async def _off_loop(self, work: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, work, *args)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        with self._connecting:
            if self._connection is not None:
                self._connection.close()

    # Writes.

    async def write(self, symbol: str, timeframe: Timeframe, bars: Sequence[Bar]) -> int:
        return await self.write_many(timeframe, {symbol: bars})

    async def write_series(self, symbol: str, timeframe: Timeframe, series: BarSeries) -> int:
        return await self.write_many_series(timeframe, {symbol: series})

    async def write_many(self, timeframe: Timeframe, batches: Mapping[str, Sequence[Bar]]) -> int:
        check_batches(timeframe, batches)
        columns = {s: BarColumns.from_bars(b) for s, b in batches.items()}
        await self._write_all(timeframe, columns)
        return sum(len(b) for b in batches.values())

    async def write_many_series(
        self, timeframe: Timeframe, batches: Mapping[str, BarSeries]
    ) -> int:
        columns = {s: BarColumns.from_series(b) for s, b in batches.items()}
        await self._write_all(timeframe, columns)
        return sum(len(b) for b in batches.values())

    async def _write_all(self, timeframe: Timeframe, batches: Mapping[str, BarColumns]) -> None:
        if is_shared(timeframe):  # one pass over the yearly files for every symbol
            await self._off_loop(self._write_shared, timeframe, batches)
            return
        await asyncio.gather(
            *(self._off_loop(self._write_columns, s, timeframe, c) for s, c in batches.items())
        )

    def _write_shared(self, timeframe: Timeframe, batches: Mapping[str, BarColumns]) -> None:
        from adapters.parquet_bars.files import sorted_table
        from adapters.parquet_bars.shared_files import write_shared

        tables = {s: sorted_table(c) for s, c in batches.items() if len(c)}
        if tables:
            legacy = set(legacy_symbols(self._root, timeframe)) & set(tables)
            write_shared(self._root, timeframe, tables, legacy)

    def _write_columns(self, symbol: str, timeframe: Timeframe, columns: BarColumns) -> None:
        if len(columns) == 0:
            return
        from adapters.parquet_bars.files import merge_into, sorted_table

        table = sorted_table(columns)
        starts = np.asarray(table.column("start").to_numpy(), dtype=np.int64)
        for period, first, end in period_runs(timeframe, starts):
            path = partition_file(self._root, timeframe, symbol, period)
            merge_into(path, table.slice(first, end - first))

    def _compact(self, symbols_a_pass: int) -> int:
        from adapters.parquet_bars.shared_files import write_shared

        moved = 0
        for timeframe in (Timeframe.H4, Timeframe.D1):
            legacy = legacy_symbols(self._root, timeframe)
            for at in range(0, len(legacy), symbols_a_pass):
                chosen = legacy[at : at + symbols_a_pass]
                write_shared(self._root, timeframe, {}, chosen)
                moved += len(chosen)
        return moved

    async def compact(self, *, symbols_a_pass: int = 500) -> int:
        """Fold every 4h and daily bar still in the earlier per-symbol layout into the yearly
        files (`symbols_a_pass` symbols' files read at a time); how many (symbol, timeframe)
        were moved. Idempotent, and safe to stop: a symbol's old files go only once moved."""
        return await self._off_loop(self._compact, symbols_a_pass)

    async def write_actions(self, actions: Sequence[CorporateAction]) -> None:
        from adapters.parquet_bars.actions_file import actions_path, merge_actions

        by_symbol: dict[str, list[CorporateAction]] = {}
        for action in actions:
            by_symbol.setdefault(action.symbol, []).append(action)
        for symbol, own in by_symbol.items():
            await self._off_loop(merge_actions, actions_path(self._root, symbol), symbol, own)

    async def actions(self, symbol: str) -> list[CorporateAction]:
        from adapters.parquet_bars.actions_file import actions_path, read_actions

        return await self._off_loop(read_actions, actions_path(self._root, symbol), symbol)

    # Reads.

    def _query(self, sql: str, params: dict[str, Any]) -> pa.Table:
        cursor = self._db.cursor()
        try:
            return cursor.sql(sql, params=params).to_arrow_table()
        finally:
            cursor.close()

    def _columns(
        self,
        symbol: str,
        timeframe: Timeframe,
        start: datetime | None,
        end: datetime | None,
        limit: int | None = None,
    ) -> BarColumns | None:
        """The symbol's bars in [start, end) (None: unbounded), oldest first, at most `limit`."""
        import pyarrow as pa

        from adapters.parquet_bars.files import from_table, last_of_each

        low = -(2**62) if start is None else epoch(start)
        high = 2**62 if end is None else epoch(end)
        bounds = {"low": low, "high": high, "limit": limit if limit is not None else 2**62}
        sql = (
            f"SELECT {_COLUMNS} FROM read_parquet($files) "
            "WHERE {own}start >= $low AND start < $high ORDER BY start LIMIT $limit"
        )
        # The symbol's own files: all of its bars up to an hour; the earlier layout's file of
        # its 4h or daily bars, if it has one still.
        own_files = partition_files(self._root, timeframe, symbol, start, end)
        if not is_shared(timeframe):
            if not own_files:
                return None
            return from_table(self._query(sql.format(own=""), {"files": own_files, **bounds}))
        files = [str(f) for _, f in year_files(self._root, timeframe, start, end)]
        parts = [
            self._query(sql.format(own=own), {"files": chosen, **bounds, **params})
            for chosen, own, params in (
                (own_files, "", {}),  # the earlier layout's file first: the yearly rows win
                (files, "symbol = $symbol AND ", {"symbol": symbol}),
            )
            if chosen
        ]
        if not parts:
            return None
        table = pa.concat_tables(parts)
        if len(parts) > 1:
            starts = np.asarray(table.column("start").to_numpy(), dtype=np.int64)
            table = table.take(pa.array(last_of_each(starts)))
            if limit is not None:
                table = table.slice(0, limit)
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
        check_limit(limit)
        begin = page_start(start, cursor, symbol, timeframe)
        if begin >= end:
            return BarPage((), None)
        columns = await self._off_loop(self._columns, symbol, timeframe, begin, end, limit + 1)
        found = [] if columns is None else columns.bars(symbol, timeframe)
        return await page_from(self, found, limit, symbol, timeframe, adjusted=adjusted)

    def _series(
        self, symbols: Sequence[str], timeframe: Timeframe, start: datetime, end: datetime
    ) -> dict[str, BarSeries]:
        wanted = list(dict.fromkeys(symbols))
        if is_shared(timeframe):
            return self._shared_series(wanted, timeframe, start, end)
        owner: dict[str, str] = {}
        files: list[str] = []
        for symbol in wanted:
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
        return _grouped_by_file(table, owner)

    def _shared_series(
        self, wanted: list[str], timeframe: Timeframe, start: datetime, end: datetime
    ) -> dict[str, BarSeries]:
        from adapters.parquet_bars.shared_files import SERIES, grouped

        files = [str(f) for _, f in year_files(self._root, timeframe, start, end)]
        chosen = set(wanted)
        found: dict[str, BarSeries] = {}
        if files and chosen:
            # A few symbols: a filter on the symbol column, so DuckDB skips the other symbols'
            # row groups by their statistics. Many: every row read, the others dropped.
            named = {f"s{n}": symbol for n, symbol in enumerate(wanted)}
            few = len(named) <= _FEW
            own = f" AND symbol IN ({', '.join(f'${k}' for k in named)})" if few else ""
            # No ORDER BY: DuckDB keeps the files' order and their rows' (insertion order).
            table = self._query(
                f"SELECT symbol, {', '.join(SERIES)} FROM read_parquet($files) "
                f"WHERE start >= $low AND start < $high{own}",
                {"files": files, "low": epoch(start), "high": epoch(end), **(named if few else {})},
            )
            found = grouped(table, chosen)
        for symbol in chosen.intersection(legacy_symbols(self._root, timeframe)):
            columns = self._columns(symbol, timeframe, start, end)  # merges both layouts
            if columns is not None and len(columns):
                found[symbol] = columns.series()
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
        return await adjusted_series(self, found) if adjusted else found

    def _coverage(self, symbol: str, timeframe: Timeframe) -> Coverage | None:
        if is_shared(timeframe):
            columns = self._columns(symbol, timeframe, None, None)
            if columns is None or not len(columns):
                return None
            starts = columns.start
            return Coverage(utc(int(starts[0])), utc(int(starts[-1])), len(starts))
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
        columns = self._columns(symbol, timeframe, start, end)
        stored = np.empty(0, dtype=np.int64) if columns is None else columns.start
        return gaps(timeframe, start, end, stored)

    async def gaps(
        self, symbol: str, timeframe: Timeframe, start: datetime, end: datetime
    ) -> list[TimeRange]:
        return await self._off_loop(self._gaps, symbol, timeframe, start, end)


def _grouped_by_file(table: pa.Table, owner: dict[str, str]) -> dict[str, BarSeries]:
    """A query's rows (a `filename` column first) as a series per symbol owning the file."""
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
