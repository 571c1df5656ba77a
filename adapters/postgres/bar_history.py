"""The BarStore port on SQL (docs/bar-store.md): `market_bars`, partitioned by year on
PostgreSQL (adapters/postgres/bar_partitions.py), a plain table on SQLite.

Writes are bulk: on PostgreSQL the bars are COPYed into a temporary table and merged into
`market_bars` with one INSERT ... ON CONFLICT DO UPDATE (the last write wins); on SQLite one
executemany of the same upsert. Each write is one transaction, so a reader never sees half of
it. Reads are keyset pages on the primary key (symbol, interval, time): a page is an index
range scan of the years it spans, never an OFFSET.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import numpy as np
from sqlalchemy import BigInteger, Float, func, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.postgres.bar_partitions import write_target
from adapters.postgres.engine import guarded, single_writer
from adapters.postgres.repos.base import upsert_many
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.platform import bar_corporate_actions, market_bars
from domain.market_data.bar_calendar import TimeRange, epoch, gaps
from domain.market_data.bar_columns import BarColumns
from domain.market_data.bar_pages import page_start
from domain.market_data.bars import Bar, BarSeries, Timeframe
from domain.market_data.corporate_actions import ActionKind, CorporateAction
from ports.market_data.bar_store import (
    BarPage,
    Coverage,
    adjusted_series,
    check_batches,
    check_limit,
    page_from,
)

KEYS = ("symbol", "interval", "time")
COLUMNS = ("symbol", "interval", "time", "open", "high", "low", "close", "volume", "vwap", "trades")
_MERGE = (
    f"INSERT INTO {{target}} ({', '.join(COLUMNS)}) SELECT {', '.join(COLUMNS)} FROM {{staged}} "
    "ON CONFLICT (symbol, interval, time) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS if c not in KEYS)
)
_SERIES_COLUMNS = ("start", "open", "high", "low", "close", "volume")
_STAGED = "market_bars_staged"
# Columnar writes stage floats (COPY's binary float8, no Decimal per value); PostgreSQL's
# float8 -> numeric keeps 15 significant digits, the exactness the port promises.
_FLOATS = "market_bars_floats_staged"
_STAGE_FLOATS = (
    f"CREATE TEMPORARY TABLE IF NOT EXISTS {_FLOATS} (start float8, open float8, high float8, "
    "low float8, close float8, volume float8) ON COMMIT DELETE ROWS"
)
_MERGE_FLOATS = (
    f"INSERT INTO {{target}} ({', '.join(COLUMNS)}) SELECT :symbol, :interval, "
    "to_timestamp(start), open::numeric, high::numeric, low::numeric, close::numeric, "
    f"volume::numeric, NULL, NULL FROM {_FLOATS} "
    "ON CONFLICT (symbol, interval, time) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS if c not in KEYS)
)


def _row(bar: Bar) -> dict[str, Any]:
    return {
        "symbol": bar.symbol,
        "interval": bar.timeframe.value,
        "time": bar.start,
        "open": bar.open,
        "high": bar.high,
        "low": bar.low,
        "close": bar.close,
        "volume": bar.volume,
        "vwap": bar.vwap,
        "trades": bar.trades,
    }


def _bar(row: Any, timeframe: Timeframe) -> Bar:
    return Bar(
        symbol=row.symbol,
        timeframe=timeframe,
        start=row.time,
        open=row.open,
        high=row.high,
        low=row.low,
        close=row.close,
        volume=row.volume,
        vwap=row.vwap,
        trades=row.trades,
    )


def _action_row(action: CorporateAction) -> dict[str, Any]:
    return {
        "symbol": action.symbol,
        "kind": action.kind.value,
        "ex_date": action.ex_date,
        "value": action.value,
        "reference_close": action.reference_close,
    }


def _float_records(series: BarSeries) -> tuple[list[tuple[float, ...]], set[int]]:
    """The series' rows as float tuples (the last row of a start winning), oldest first, and
    the years they span."""
    starts = series.start.astype(np.int64)
    order = np.argsort(starts, kind="stable")
    ordered = starts[order]
    last = np.ones(len(ordered), dtype=bool)
    last[:-1] = ordered[1:] != ordered[:-1]
    take = order[last]
    columns = [getattr(series, name)[take].tolist() for name in _SERIES_COLUMNS]
    first, final = (datetime.fromtimestamp(float(starts[take[i]]), tz=UTC) for i in (0, -1))
    return list(zip(*columns, strict=True)), set(range(first.year, final.year + 1))


class SqlBarHistoryStore(EngineStore):
    """Historical bars and corporate actions in the database the rest of Bulwark uses."""

    def __init__(self, engine: AsyncEngine) -> None:
        super().__init__(engine)
        self._postgres = engine.dialect.name == "postgresql"

    # Writes.

    async def write(self, symbol: str, timeframe: Timeframe, bars: Sequence[Bar]) -> int:
        check_batches(timeframe, {symbol: bars})
        latest = {bar.start: bar for bar in bars}  # the last of a start wins
        if latest:
            rows = [_row(bar) for bar in sorted(latest.values(), key=lambda b: b.start)]
            await guarded(lambda: self._write_rows(rows))
        return len(bars)

    async def write_series(self, symbol: str, timeframe: Timeframe, series: BarSeries) -> int:
        if not self._postgres:
            bars = BarColumns.from_series(series).bars(symbol, timeframe)
            return await self.write(symbol, timeframe, bars)
        if len(series):
            records, years = _float_records(series)

            async def write() -> None:
                async with self._engine.begin() as conn:
                    target = await write_target(conn, years)
                    await conn.execute(text(_STAGE_FLOATS))
                    driver = (await conn.get_raw_connection()).driver_connection
                    assert driver is not None
                    await driver.copy_records_to_table(
                        _FLOATS, records=records, columns=_SERIES_COLUMNS
                    )
                    merge = text(_MERGE_FLOATS.format(target=target))
                    await conn.execute(merge, {"symbol": symbol, "interval": timeframe.value})

            await guarded(write)
        return len(series)

    async def write_many(self, timeframe: Timeframe, batches: Mapping[str, Sequence[Bar]]) -> int:
        """Every symbol's bars in one transaction; all are checked first (a bad batch: nothing
        is written)."""
        check_batches(timeframe, batches)
        rows: list[dict[str, Any]] = []
        for bars in batches.values():
            latest = {bar.start: bar for bar in bars}  # the last of a start wins
            rows += [_row(bar) for bar in sorted(latest.values(), key=lambda b: b.start)]
        if rows:
            await guarded(lambda: self._write_rows(rows))
        return sum(len(bars) for bars in batches.values())

    async def write_many_series(
        self, timeframe: Timeframe, batches: Mapping[str, BarSeries]
    ) -> int:
        """Each symbol's columns in turn (one COPY and merge each on PostgreSQL)."""
        for symbol, series in batches.items():
            await self.write_series(symbol, timeframe, series)
        return sum(len(series) for series in batches.values())

    async def _write_rows(self, rows: list[dict[str, Any]]) -> None:
        async with single_writer(self._engine), self._engine.begin() as conn:
            if not self._postgres:
                await upsert_many(conn, market_bars, rows, KEYS)
                return
            target = await write_target(conn, {row["time"].astimezone(UTC).year for row in rows})
            await self._copy_merge(conn, rows, target)

    async def _stage(self, conn: AsyncConnection) -> None:
        await conn.execute(
            text(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS {_STAGED} "
                "(LIKE market_bars INCLUDING DEFAULTS) ON COMMIT DELETE ROWS"
            )
        )

    async def _copy_merge(
        self, conn: AsyncConnection, rows: list[dict[str, Any]], target: str
    ) -> None:
        """COPY into a transaction's temporary table, then one upsert from it."""
        await self._stage(conn)
        raw = await conn.get_raw_connection()
        driver = raw.driver_connection
        assert driver is not None
        await driver.copy_records_to_table(
            _STAGED, records=[tuple(row[c] for c in COLUMNS) for row in rows], columns=COLUMNS
        )
        await conn.execute(text(_MERGE.format(staged=_STAGED, target=target)))

    async def write_actions(self, actions: Sequence[CorporateAction]) -> None:
        latest = {action.key: action for action in actions}
        if not latest:
            return
        rows = [_action_row(action) for action in latest.values()]
        keys = ("symbol", "kind", "ex_date")
        await self._write(lambda conn: upsert_many(conn, bar_corporate_actions, rows, keys))

    async def actions(self, symbol: str) -> list[CorporateAction]:
        table = bar_corporate_actions
        rows = await self._read(select(table).where(table.c.symbol == symbol))
        found = [
            CorporateAction(r.symbol, ActionKind(r.kind), r.ex_date, r.value, r.reference_close)
            for r in rows
        ]
        return sorted(found, key=lambda a: (a.ex_date, a.kind))

    # Reads.

    def _where(self, symbol: str, timeframe: Timeframe, start: datetime, end: datetime) -> Any:
        c = market_bars.c
        return (
            (c.symbol == symbol)
            & (c.interval == timeframe.value)
            & (c.time >= start)
            & (c.time < end)
        )

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
        query = (
            select(market_bars)
            .where(self._where(symbol, timeframe, begin, end))
            .order_by(market_bars.c.time)
            .limit(limit + 1)
        )
        found = [_bar(r, timeframe) for r in await self._read(query)]
        return await page_from(self, found, limit, symbol, timeframe, adjusted=adjusted)

    async def series(
        self,
        symbols: Sequence[str],
        timeframe: Timeframe,
        start: datetime,
        end: datetime,
        *,
        adjusted: bool = False,
    ) -> dict[str, BarSeries]:
        c = market_bars.c
        found: dict[str, BarSeries] = {}
        # PostgreSQL hands the columns over as floats (no Decimal per value on the way).
        if self._postgres:
            picked = [func.extract("epoch", c.time).cast(Float)] + [
                getattr(c, name).cast(Float) for name in _SERIES_COLUMNS[1:]
            ]
        else:
            picked = [c.time, c.open, c.high, c.low, c.close, c.volume]
        for symbol in dict.fromkeys(symbols):
            query = (
                select(*picked).where(self._where(symbol, timeframe, start, end)).order_by(c.time)
            )
            rows = await self._read(query)
            if not rows:
                continue
            n = len(rows)
            first = (r[0] for r in rows) if self._postgres else (r[0].timestamp() for r in rows)
            found[symbol] = BarSeries(
                np.fromiter(first, np.float64, n),
                *(np.fromiter((float(r[i]) for r in rows), np.float64, n) for i in range(1, 6)),
            )
        return await adjusted_series(self, found) if adjusted else found

    async def coverage(self, symbol: str, timeframe: Timeframe) -> Coverage | None:
        c = market_bars.c
        query = select(func.min(c.time), func.max(c.time), func.count()).where(
            (c.symbol == symbol) & (c.interval == timeframe.value)
        )
        first, last, count = (await self._read(query))[0]
        if not count:
            return None
        return Coverage(first, last, int(count))

    async def gaps(
        self, symbol: str, timeframe: Timeframe, start: datetime, end: datetime
    ) -> list[TimeRange]:
        c = market_bars.c
        picked = func.extract("epoch", c.time).cast(BigInteger) if self._postgres else c.time
        query = select(picked).where(self._where(symbol, timeframe, start, end)).order_by(c.time)
        rows = await self._read(query)
        if self._postgres:
            stored = np.fromiter((r[0] for r in rows), np.int64, len(rows))
        else:
            stored = np.fromiter((epoch(r[0]) for r in rows), np.int64, len(rows))
        return gaps(timeframe, start, end, stored)
