"""Market-data bars on the `market_bars` table, each call in its own short transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.bar_partitions import ensure_partitions
from adapters.postgres.repos.base import upsert
from adapters.postgres.rows import record
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.platform import market_bars
from ports.market_data.timeseries import DEFAULT_LIMIT, Bar

KEYS = ("symbol", "interval", "time")


def to_row(bar: Bar) -> dict[str, Any]:
    """The row's columns but `trades` (which this Bar has not: an upsert leaves it as is)."""
    return {
        "symbol": bar.symbol,
        "interval": bar.interval,
        "time": bar.time,
        "open": bar.open,
        "high": bar.high,
        "low": bar.low,
        "close": bar.close,
        "volume": bar.volume,
        "vwap": bar.vwap,
    }


def from_row(row: Any) -> Bar:
    return record(Bar, row)


class SqlBarStore(EngineStore):
    """A BarStore on SQL; an upsert writes all its bars in one transaction."""

    async def upsert(self, bars: Sequence[Bar]) -> None:
        # Last bar of a key wins, as in the port; also spares ON CONFLICT a double hit.
        latest = list({(bar.symbol, bar.interval, bar.time): bar for bar in bars}.values())
        if not latest:
            return

        async def work(conn: AsyncConnection) -> None:
            if conn.dialect.name == "postgresql":  # market_bars is partitioned by year there
                await ensure_partitions(conn, {bar.time.astimezone(UTC).year for bar in latest})
            for bar in latest:
                await upsert(conn, market_bars, to_row(bar), KEYS)

        await self._write(work)

    async def latest(self, symbol: str, interval: str) -> Bar | None:
        query = (
            select(market_bars)
            .where(market_bars.c.symbol == symbol, market_bars.c.interval == interval)
            .order_by(market_bars.c.time.desc())
            .limit(1)
        )
        return await self._read_one(query, from_row)

    async def range(
        self,
        symbol: str,
        interval: str,
        start: datetime,
        end: datetime,
        limit: int = DEFAULT_LIMIT,
    ) -> list[Bar]:
        query = (
            select(market_bars)
            .where(
                market_bars.c.symbol == symbol,
                market_bars.c.interval == interval,
                market_bars.c.time >= start,
                market_bars.c.time < end,
            )
            .order_by(market_bars.c.time)
            .limit(max(limit, 0))
        )
        return [from_row(row) for row in await self._read(query)]
