"""The bar store contract (tests/integration/market_data/bar_store_contract.py) over the SQL store:
on SQLite (a plain table) and on PostgreSQL (market_bars partitioned by year, as migrated)."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pytest
from sqlalchemy import text

from adapters.postgres.bar_history import SqlBarHistoryStore
from adapters.postgres.bar_partitions import PARENT_DDL, partition_name
from adapters.postgres.engine import PoolSettings, make_engine
from adapters.postgres.tables.platform import bar_corporate_actions, market_bars
from domain.market_data.bars import Bar, BarSeries, Timeframe
from ports.market_data.bar_store import BarStore
from tests.integration.market_data.bar_store_contract import BarStoreContract
from tests.kit.shared_store import SqliteTemplate

T = TypeVar("T")
NULL_POOL = PoolSettings(null_pool=True)  # each store is used from several event loops


def in_thread(work: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run `work` on an event loop of its own (callers may be inside another loop)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(work())).result()


async def create_partitioned_tables(url: str) -> None:
    """market_bars partitioned by year (as migrated) and the corporate actions' table."""
    engine = make_engine(url, NULL_POOL)
    try:
        async with engine.begin() as conn:
            await conn.execute(text(PARENT_DDL))
            await conn.run_sync(bar_corporate_actions.create)
    finally:
        await engine.dispose()


async def empty_tables(url: str) -> None:
    """Every row gone, the partitions kept (as TRUNCATE would leave them): DELETE, not TRUNCATE,
    which gives each partition and index a new file, ~10 times the cost on an empty table."""
    engine = make_engine(url, NULL_POOL)
    try:
        async with engine.begin() as conn:
            await conn.execute(text("DELETE FROM market_bars"))
            await conn.execute(text("DELETE FROM bar_corporate_actions"))
    finally:
        await engine.dispose()


# The SQLite store's two tables, created once per process and copied for each new store.
SQLITE_BARS = SqliteTemplate(market_bars.metadata, [market_bars, bar_corporate_actions])


class TestSqlBarStoreOnSqlite(BarStoreContract):
    @pytest.fixture
    def new_store(self, tmp_path: Path) -> Callable[[], BarStore]:
        numbers = itertools.count()

        def new() -> BarStore:
            path = tmp_path / f"bars-{next(numbers)}.db"
            SQLITE_BARS.copy_to(path)
            return SqlBarHistoryStore(make_engine(f"sqlite+aiosqlite:///{path}", NULL_POOL))

        return new

    @pytest.fixture
    def close_store(self) -> Callable[[BarStore], None]:
        return lambda store: None


@pytest.fixture
def partitioned_url(postgres_url: str) -> str:
    in_thread(lambda: create_partitioned_tables(postgres_url))
    return postgres_url


class TestSqlBarStoreOnPostgres(BarStoreContract):
    @pytest.fixture
    def new_store(self, partitioned_url: str) -> Callable[[], BarStore]:
        def new() -> BarStore:
            in_thread(lambda: empty_tables(partitioned_url))
            return SqlBarHistoryStore(make_engine(partitioned_url, NULL_POOL))

        return new

    @pytest.fixture
    def close_store(self) -> Callable[[BarStore], None]:
        return lambda store: None


async def test_bars_land_in_the_partition_of_their_year(partitioned_url: str) -> None:
    # Arrange: daily bars across a new year, written in one batch
    store = SqlBarHistoryStore(make_engine(partitioned_url, NULL_POOL))
    first = datetime(2023, 12, 28, tzinfo=UTC)
    price = Decimal("187.25")
    bars = [
        Bar("AAPL", Timeframe.D1, first + timedelta(days=d), price, price, price, price,
            Decimal(10), trades=3)
        for d in range(8)
    ]  # fmt: skip

    # Act
    await store.write("AAPL", Timeframe.D1, bars)
    engine = make_engine(partitioned_url, NULL_POOL)
    async with engine.connect() as conn:
        counts = {
            year: await conn.scalar(text(f"SELECT count(*) FROM {partition_name(year)}"))
            for year in (2023, 2024)
        }
        kind = await conn.scalar(
            text("SELECT relkind::text FROM pg_class WHERE relname = 'market_bars'")
        )
    await engine.dispose()
    page = await store.read("AAPL", Timeframe.D1, first, first + timedelta(days=30), limit=5)

    # Assert
    assert kind == "p"
    assert counts == {2023: 4, 2024: 4}
    assert [b.start for b in page.bars] == [b.start for b in bars[:5]]
    assert page.bars[0] == bars[0] and page.next_cursor is not None


async def test_a_copied_series_reads_back_as_the_decimals_its_floats_stood_for(
    partitioned_url: str,
) -> None:
    # Arrange: columns with a repeated start (the later row wins) across two years
    store = SqlBarHistoryStore(make_engine(partitioned_url, NULL_POOL))
    day = 86_400.0
    first = datetime(2023, 12, 29, tzinfo=UTC).timestamp()
    starts = np.array([first, first + 3 * day, first + 4 * day, first + 3 * day])
    closes = np.array([187.12345678, 0.1, 9999999.99999999, 0.3])
    series = BarSeries(starts, closes, closes, closes, closes, np.array([1.5, 2.0, 3.0, 4.0]))

    # Act
    written = await store.write_series("AAPL", Timeframe.D1, series)
    page = await store.read("AAPL", Timeframe.D1, datetime(2023, 1, 1, tzinfo=UTC),
                            datetime(2025, 1, 1, tzinfo=UTC))  # fmt: skip
    columns = await store.series(["AAPL"], Timeframe.D1, datetime(2023, 1, 1, tzinfo=UTC),
                                 datetime(2025, 1, 1, tzinfo=UTC))  # fmt: skip

    # Assert
    assert written == 4
    assert [(b.close, b.volume, b.vwap, b.trades) for b in page.bars] == [
        (Decimal("187.12345678"), Decimal("1.5"), None, None),
        (Decimal("0.3"), Decimal("4.0"), None, None),
        (Decimal("9999999.99999999"), Decimal("3.0"), None, None),
    ]
    assert columns["AAPL"].close.tolist() == [187.12345678, 0.3, 9999999.99999999]
    assert columns["AAPL"].start.tolist() == [first, first + 3 * day, first + 4 * day]
