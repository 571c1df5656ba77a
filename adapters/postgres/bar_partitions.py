"""`market_bars` partitioned by year on PostgreSQL: the parent's DDL, and its partitions
created as bars of a year are first written.

Declarative range partitioning on `time` (the bar's start, part of the primary key), one
partition a year: a range read touches only the years it spans, and a year's bars can be
detached or dropped whole. Partitions are made on demand rather than ahead of time (bars go
back decades), with no default partition (a default partition's rows would block creating
the partition of their year). SQLite keeps a plain table.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

PARENT_DDL = """
CREATE TABLE market_bars (
    symbol VARCHAR(64) NOT NULL,
    interval VARCHAR(16) NOT NULL,
    time TIMESTAMP WITH TIME ZONE NOT NULL,
    open NUMERIC NOT NULL,
    high NUMERIC NOT NULL,
    low NUMERIC NOT NULL,
    close NUMERIC NOT NULL,
    volume NUMERIC NOT NULL,
    vwap NUMERIC,
    trades INTEGER,
    CONSTRAINT pk_market_bars PRIMARY KEY (symbol, interval, time)
) PARTITION BY RANGE (time)
"""


def partition_name(year: int) -> str:
    return f"market_bars_y{year:04d}"


def partition_ddl(year: int) -> str:
    """The partition of `year` (UTC), if it is not there yet."""
    return (
        f"CREATE TABLE IF NOT EXISTS {partition_name(year)} PARTITION OF market_bars "
        f"FOR VALUES FROM ('{year:04d}-01-01 00:00:00+00') TO ('{year + 1:04d}-01-01 00:00:00+00')"
    )


async def ensure_partitions(conn: AsyncConnection, years: Iterable[int]) -> bool:
    """Create the partitions of `years` that are missing, each in a savepoint (two writers
    creating the same one at once: the loser's duplicate is harmless and ignored). Nothing
    when `market_bars` is a plain table (a schema made from the models, not migrated).
    Whether it is partitioned."""
    partitioned = await conn.scalar(
        text("SELECT relkind::text = 'p' FROM pg_class WHERE oid = to_regclass('market_bars')")
    )
    if not partitioned:
        return False
    for year in sorted(set(years)):
        exists = await conn.scalar(
            text("SELECT to_regclass(:name) IS NOT NULL"), {"name": partition_name(year)}
        )
        if exists:
            continue
        try:
            async with conn.begin_nested():
                await conn.execute(text(partition_ddl(year)))
        except Exception as exc:  # a concurrent creator won the race
            if "already exists" not in str(exc) and "duplicate" not in str(exc).lower():
                raise
    return True


async def write_target(conn: AsyncConnection, years: set[int]) -> str:
    """Where a write of bars of `years` goes, their partitions made: the year's partition
    when they are all of one year (no routing of each row through the parent), else
    `market_bars`."""
    partitioned = await ensure_partitions(conn, years)
    return partition_name(next(iter(years))) if partitioned and len(years) == 1 else "market_bars"
