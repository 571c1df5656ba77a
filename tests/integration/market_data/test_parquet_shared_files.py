"""The Parquet store's yearly files of 4h and daily bars: shared by every symbol, written once a
many-symbol write, never half written, and the earlier per-symbol layout still read and moved."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq  # type: ignore[import-untyped]
import pytest

import adapters.parquet_bars.shared_files as shared_files
from adapters.parquet_bars.files import merge_into, to_table, write_atomic
from adapters.parquet_bars.layout import ALL, legacy_symbols, partition_file
from adapters.parquet_bars.shared_files import ROW_GROUP
from adapters.parquet_bars.store import ParquetBarStore
from domain.market_data.bar_calendar import TimeRange
from domain.market_data.bar_columns import BarColumns
from domain.market_data.bars import Bar, Timeframe

DAY = timedelta(days=1)
NEW_YEAR_EVE = datetime(2023, 12, 29, tzinfo=UTC)  # a Friday; the Monday after is 2024-01-01


def daily(symbol: str, day: int, close: str = "10") -> Bar:
    price = Decimal(close)
    at = NEW_YEAR_EVE + day * DAY
    return Bar(symbol, Timeframe.D1, at, price, price, price, price, Decimal(1))


def write_legacy(root: Path, symbol: str, bars: list[Bar]) -> Path:
    """Bars in the earlier layout: every daily bar of a symbol in one file of its own."""
    path = partition_file(root, Timeframe.D1, symbol, ALL)
    merge_into(path, to_table(BarColumns.from_bars(bars)))
    return path


def year_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.parquet"))


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[ParquetBarStore]:
    made = ParquetBarStore(tmp_path, threads=2)
    yield made
    made.close()


@pytest.fixture
def rewrites(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The yearly files written, in order."""
    written: list[Path] = []
    real = write_atomic

    def counted(path: Path, *args: object) -> None:
        written.append(path)
        real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(shared_files, "write_atomic", counted)
    return written


async def test_daily_bars_of_every_symbol_share_a_file_a_year_sorted_by_symbol(
    store: ParquetBarStore, tmp_path: Path
) -> None:
    await store.write_many(
        Timeframe.D1,
        {"MSFT": [daily("MSFT", d) for d in (0, 3)], "BTC/USD": [daily("BTC/USD", 4)]},
    )
    await store.write("AAPL", Timeframe.D1, [daily("AAPL", 3), daily("AAPL", 0)])

    assert year_files(tmp_path) == [
        "timeframe=1d/year=2023/bars.parquet",
        "timeframe=1d/year=2024/bars.parquet",
    ]
    rows = pq.read_table(tmp_path / "timeframe=1d/year=2024/bars.parquet").to_pylist()
    assert [(r["symbol"], r["start"]) for r in rows] == [
        ("AAPL", int((NEW_YEAR_EVE + 3 * DAY).timestamp())),
        ("BTC/USD", int((NEW_YEAR_EVE + 4 * DAY).timestamp())),
        ("MSFT", int((NEW_YEAR_EVE + 3 * DAY).timestamp())),
    ]


async def test_row_groups_are_bounded_and_carry_the_symbol_statistics(
    store: ParquetBarStore, tmp_path: Path
) -> None:
    symbols = [f"S{i:03d}" for i in range(40)]
    year = [d for d in range(3, 3 + 364) if (NEW_YEAR_EVE + d * DAY).weekday() < 5]
    await store.write_many(Timeframe.D1, {s: [daily(s, d) for d in year] for s in symbols})

    metadata = pq.ParquetFile(tmp_path / "timeframe=1d/year=2024/bars.parquet").metadata
    groups = [metadata.row_group(i) for i in range(metadata.num_row_groups)]
    statistics = [g.column(0).statistics for g in groups]

    assert metadata.num_rows == 40 * len(year) and len(groups) == 2
    assert all(g.num_rows <= ROW_GROUP for g in groups)
    assert statistics[0].max <= statistics[1].min  # symbol ranges apart: skippable


async def test_a_many_symbol_write_rewrites_each_year_file_once(
    store: ParquetBarStore, rewrites: list[Path]
) -> None:
    batches = {f"S{i}": [daily(f"S{i}", d) for d in range(6)] for i in range(30)}

    await store.write_many(Timeframe.D1, batches)

    assert sorted(p.parent.name for p in rewrites) == ["year=2023", "year=2024"]


async def test_a_rerun_of_stored_bars_rewrites_nothing_and_a_change_only_its_year(
    store: ParquetBarStore, rewrites: list[Path]
) -> None:
    batches = {s: [daily(s, d) for d in range(6)] for s in ("AAPL", "MSFT")}
    await store.write_many(Timeframe.D1, batches)
    rewrites.clear()

    await store.write_many(Timeframe.D1, batches)
    assert rewrites == []
    await store.write_many(Timeframe.D1, {"MSFT": [daily("MSFT", 5, "11")]})
    assert [p.parent.name for p in rewrites] == ["year=2024"]


async def test_a_failed_flush_leaves_the_stored_files_and_no_temporary(
    store: ParquetBarStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await store.write_many(Timeframe.D1, {"AAPL": [daily("AAPL", 3, "10")]})

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        await store.write_many(
            Timeframe.D1, {"AAPL": [daily("AAPL", 3, "20")], "MSFT": [daily("MSFT", 3, "20")]}
        )

    folder = tmp_path / "timeframe=1d/year=2024"
    assert pq.read_table(folder / "bars.parquet").column("close").to_pylist() == [10.0]
    assert [n for n in os.listdir(folder) if n.endswith(".tmp")] == []


async def test_a_few_and_many_symbols_read_their_own_bars_within_the_range(
    store: ParquetBarStore,
) -> None:
    symbols = [f"S{i:03d}" for i in range(80)]
    await store.write_many(
        Timeframe.D1,
        {s: [daily(s, d, str(n + d)) for d in range(12)] for n, s in enumerate(symbols)},
    )
    start, end = NEW_YEAR_EVE + DAY, NEW_YEAR_EVE + 10 * DAY

    few = await store.series(["S079", "S001", "NONE"], Timeframe.D1, start, end)
    many = await store.series(symbols[::-1], Timeframe.D1, start, end)

    assert set(few) == {"S001", "S079"} and set(many) == set(symbols)
    for found in (few, many):
        assert found["S079"].close.tolist() == [79.0 + d for d in range(1, 10)]
        assert found["S001"].start.tolist() == [
            (NEW_YEAR_EVE + d * DAY).timestamp() for d in range(1, 10)
        ]


async def test_the_earlier_layout_is_read_as_it_is(store: ParquetBarStore, tmp_path: Path) -> None:
    write_legacy(tmp_path, "AAPL", [daily("AAPL", d, str(100 + d)) for d in range(6)])
    await store.write("MSFT", Timeframe.D1, [daily("MSFT", 3, "7")])
    start, end = NEW_YEAR_EVE, NEW_YEAR_EVE + 10 * DAY

    page = await store.read("AAPL", Timeframe.D1, start, end, limit=4)
    found = await store.series(["AAPL", "MSFT"], Timeframe.D1, start, end)
    coverage = await store.coverage("AAPL", Timeframe.D1)
    gaps = await store.gaps("AAPL", Timeframe.D1, start, end)

    assert legacy_symbols(tmp_path, Timeframe.D1) == ["AAPL"]
    assert [b.close for b in page.bars] == [Decimal(100), Decimal(101), Decimal(102), Decimal(103)]
    assert found["AAPL"].close.tolist() == [100.0, 101.0, 102.0, 103.0, 104.0, 105.0]
    assert found["MSFT"].close.tolist() == [7.0]
    assert coverage is not None and coverage.count == 6
    assert gaps == [TimeRange(NEW_YEAR_EVE + 6 * DAY, NEW_YEAR_EVE + 8 * DAY)]  # Thu and Fri


async def test_a_write_of_a_symbol_moves_its_earlier_files_the_new_bars_winning(
    store: ParquetBarStore, tmp_path: Path
) -> None:
    legacy = write_legacy(tmp_path, "AAPL", [daily("AAPL", d, "1") for d in range(6)])

    await store.write("AAPL", Timeframe.D1, [daily("AAPL", 4, "2"), daily("AAPL", 7, "2")])
    found = await store.series(["AAPL"], Timeframe.D1, NEW_YEAR_EVE, NEW_YEAR_EVE + 9 * DAY)

    assert not legacy.exists() and legacy_symbols(tmp_path, Timeframe.D1) == []
    assert found["AAPL"].close.tolist() == [1.0, 1.0, 1.0, 1.0, 2.0, 1.0, 2.0]


async def test_a_move_stopped_before_the_old_files_went_reads_the_yearly_rows(
    store: ParquetBarStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_legacy(tmp_path, "AAPL", [daily("AAPL", d, "1") for d in range(3, 6)])

    def crash(self: Path, missing_ok: bool = False) -> None:
        raise OSError("killed")

    monkeypatch.setattr(Path, "unlink", crash)
    with pytest.raises(OSError, match="killed"):
        await store.write("AAPL", Timeframe.D1, [daily("AAPL", 4, "2")])
    monkeypatch.undo()
    found = await store.series(["AAPL"], Timeframe.D1, NEW_YEAR_EVE, NEW_YEAR_EVE + 9 * DAY)
    page = await store.read("AAPL", Timeframe.D1, NEW_YEAR_EVE, NEW_YEAR_EVE + 9 * DAY)

    assert found["AAPL"].close.tolist() == [1.0, 2.0, 1.0]
    assert [b.close for b in page.bars] == [Decimal(1), Decimal(2), Decimal(1)]


async def test_compact_moves_every_earlier_file_once_and_reads_do_not_change(
    store: ParquetBarStore, tmp_path: Path
) -> None:
    for n, symbol in enumerate(("AAPL", "BTC/USD", "MSFT")):
        write_legacy(tmp_path, symbol, [daily(symbol, d, str(n + d)) for d in range(6)])
    symbols = ["AAPL", "BTC/USD", "MSFT"]
    window = (Timeframe.D1, NEW_YEAR_EVE, NEW_YEAR_EVE + 9 * DAY)
    before = await store.series(symbols, *window)

    moved = await store.compact(symbols_a_pass=2)
    again = await store.compact()
    after = await store.series(symbols, *window)

    assert (moved, again) == (3, 0)
    assert year_files(tmp_path) == [
        "timeframe=1d/year=2023/bars.parquet",
        "timeframe=1d/year=2024/bars.parquet",
    ]
    assert {s: a.close.tolist() for s, a in after.items()} == {
        s: b.close.tolist() for s, b in before.items()
    }
