"""Migration 0034: market_bars' rows move into the yearly partitions on PostgreSQL (a trades
column on SQLite), readable by the SQL bar store; downgrade brings the plain table back."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres import migrate
from adapters.postgres.bar_history import SqlBarHistoryStore
from domain.market_data.bars import Timeframe

T0 = datetime(2019, 12, 31, tzinfo=UTC)
T1 = datetime(2020, 1, 2, tzinfo=UTC)


async def test_stored_bars_survive_the_move_into_partitions_and_back(engine: AsyncEngine) -> None:
    # Arrange: the 0032-era table with two bars in two years
    await migrate.upgrade(engine, "0032")
    async with engine.begin() as conn:
        for at, close in ((T0, "101.5"), (T1, "102.25")):
            await conn.execute(
                text(
                    "INSERT INTO market_bars (symbol, interval, time, open, high, low, "
                    "close, volume, vwap) VALUES ('AAPL', '1d', :time, :p, :p, :p, :p, "
                    "'1000', NULL)"
                ),
                {"time": at if engine.dialect.name == "postgresql" else at.isoformat(),
                 "p": Decimal(close) if engine.dialect.name == "postgresql" else close},
            )  # fmt: skip

    # Act
    await migrate.upgrade(engine)
    page = await SqlBarHistoryStore(engine).read(
        "AAPL", Timeframe.D1, T0, datetime(2021, 1, 1, tzinfo=UTC)
    )
    partitions: list[str] = []
    if engine.dialect.name == "postgresql":
        async with engine.connect() as conn:
            partitions = list(
                (
                    await conn.execute(
                        text(
                            "SELECT c.relname FROM pg_inherits i JOIN pg_class c "
                            "ON c.oid = i.inhrelid WHERE i.inhparent = 'market_bars'::regclass "
                            "ORDER BY 1"
                        )
                    )
                ).scalars()
            )
    await migrate.downgrade(engine, "0032")
    async with engine.connect() as conn:
        kept = (await conn.execute(text("SELECT count(*) FROM market_bars"))).scalar()

    # Assert
    assert [(b.start, b.close, b.trades) for b in page.bars] == [
        (T0, Decimal("101.5"), None),
        (T1, Decimal("102.25"), None),
    ]
    if engine.dialect.name == "postgresql":
        assert partitions == ["market_bars_y2019", "market_bars_y2020"]
    assert kept == 2
