"""Market-data bars on the `market_bars` table, each call in its own short transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.bar_partitions import ensure_partitions
from adapters.postgres.engine import guarded
from adapters.postgres.repos.base import upsert
from adapters.postgres.tables.platform import market_bars
from ports.timeseries import DEFAULT_LIMIT, Bar

KEYS = ("symbol", "interval", "time")


def to_row(bar: Bar) -> dict[str, Any]:
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
    return Bar(
        symbol=row.symbol,
        interval=row.interval,
        time=row.time,
        open=row.open,
        high=row.high,
        low=row.low,
        close=row.close,
        volume=row.volume,
        vwap=row.vwap,
    )


class SqlBarStore:
    """A BarStore on SQL; an upsert writes all its bars in one transaction."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def upsert(self, bars: Sequence[Bar]) -> None:
        # Last bar of a key wins, as in the port; also spares ON CONFLICT a double hit.
        latest = {(bar.symbol, bar.interval, bar.time): bar for bar in bars}
        if latest:
            await guarded(lambda: self._upsert(list(latest.values())))

    async def latest(self, symbol: str, interval: str) -> Bar | None:
        return await guarded(lambda: self._latest(symbol, interval))

    async def range(
        self,
        symbol: str,
        interval: str,
        start: datetime,
        end: datetime,
        limit: int = DEFAULT_LIMIT,
    ) -> list[Bar]:
        return await guarded(lambda: self._range(symbol, interval, start, end, limit))

    async def _upsert(self, bars: list[Bar]) -> None:
        async with self._engine.begin() as conn:
            if conn.dialect.name == "postgresql":  # market_bars is partitioned by year there
                await ensure_partitions(conn, {bar.time.astimezone(UTC).year for bar in bars})
            for bar in bars:
                await upsert(conn, market_bars, to_row(bar), KEYS)

    async def _latest(self, symbol: str, interval: str) -> Bar | None:
        query = (
            select(market_bars)
            .where(market_bars.c.symbol == symbol, market_bars.c.interval == interval)
            .order_by(market_bars.c.time.desc())
            .limit(1)
        )
        async with self._engine.begin() as conn:
            row = (await conn.execute(query)).first()
        return from_row(row) if row is not None else None

    async def _range(
        self, symbol: str, interval: str, start: datetime, end: datetime, limit: int
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
        async with self._engine.begin() as conn:
            rows = (await conn.execute(query)).all()
        return [from_row(row) for row in rows]
