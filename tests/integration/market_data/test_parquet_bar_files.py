"""The Parquet bar files: folders by period, atomic replacement, serialised writers."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq  # type: ignore[import-untyped]
import pytest

from adapters.parquet_bars.layout import partition_files
from adapters.parquet_bars.store import ParquetBarStore
from domain.market_data.bars import Bar, Timeframe

START = datetime(2024, 1, 31, 23, 58, tzinfo=UTC)


def minute(i: int, close: str = "10", symbol: str = "AAPL") -> Bar:
    price = Decimal(close)
    at = START + timedelta(minutes=i)
    return Bar(symbol, Timeframe.M1, at, price, price, price, price, Decimal(1))


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[ParquetBarStore]:
    made = ParquetBarStore(tmp_path, threads=4)
    yield made
    made.close()


async def test_minute_bars_are_filed_by_symbol_and_month(
    store: ParquetBarStore, tmp_path: Path
) -> None:
    await store.write("BTC/USD", Timeframe.M1, [minute(i, symbol="BTC/USD") for i in range(4)])

    found = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.parquet"))

    assert found == [
        "timeframe=1m/symbol=BTC%2FUSD/period=2024-01/bars.parquet",
        "timeframe=1m/symbol=BTC%2FUSD/period=2024-02/bars.parquet",
    ]
    assert len(partition_files(tmp_path, Timeframe.M1, "BTC/USD", START, START + timedelta(1))) == 2
    assert partition_files(tmp_path, Timeframe.M1, "BTC/USD", START, START + timedelta(0, 60)) == [
        str(tmp_path / "timeframe=1m/symbol=BTC%2FUSD/period=2024-01/bars.parquet")
    ]


async def test_concurrent_writers_of_one_partition_lose_no_bar(store: ParquetBarStore) -> None:
    batches = [[minute(i)] for i in range(2, 40)]  # all in February: one partition

    await asyncio.gather(*(store.write("AAPL", Timeframe.M1, b) for b in batches))
    coverage = await store.coverage("AAPL", Timeframe.M1)

    assert coverage is not None and coverage.count == 38


async def test_a_failed_write_leaves_the_stored_file_and_no_temporary(
    store: ParquetBarStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await store.write("AAPL", Timeframe.M1, [minute(5, "10")])

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError, match="disk full"):
        await store.write("AAPL", Timeframe.M1, [minute(5, "20"), minute(6, "20")])

    [stored] = list(tmp_path.rglob("*.parquet"))
    assert pq.read_table(stored).column("close").to_pylist() == [10.0]
    assert [n for n in os.listdir(stored.parent) if n.endswith(".tmp")] == []


async def test_series_joins_a_symbols_files_across_periods(store: ParquetBarStore) -> None:
    await store.write("AAPL", Timeframe.M1, [minute(i, str(10 + i)) for i in range(5)])
    await store.write("MSFT", Timeframe.M1, [minute(i, "7", symbol="MSFT") for i in range(3)])

    found = await store.series(["MSFT", "AAPL"], Timeframe.M1, START, START + timedelta(1))

    assert found["AAPL"].close.tolist() == [10.0, 11.0, 12.0, 13.0, 14.0]
    assert found["MSFT"].close.tolist() == [7.0, 7.0, 7.0]
    assert found["AAPL"].start[0] == START.timestamp()
