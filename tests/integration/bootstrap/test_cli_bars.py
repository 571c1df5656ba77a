"""`bulwark bars backfill`: a provider's bars into the Parquet store, resumable, no SQL store."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from adapters.parquet_bars.files import merge_into, to_table
from adapters.parquet_bars.layout import ALL, partition_file
from adapters.parquet_bars.store import ParquetBarStore
from bootstrap.cli import main
from domain.market_data.bar_columns import BarColumns
from domain.market_data.bars import Bar, Timeframe
from tests.kit.cli import bars_dir
from tests.kit.logging_guard import logging_restored

__all__ = ["bars_dir", "logging_restored"]

ARGS = ["--env-file", "", "bars", "backfill", "--provider", "synthetic", "--timeframe", "1d"]


def test_a_backfill_stores_the_days_then_a_second_run_finds_them_stored(
    bars_dir: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    span = ["--from", "2024-01-01", "--to", "2024-01-31"]

    first = main([*ARGS, "--symbols", "aapl,XYZ", *span])
    first_out, first_err = capfd.readouterr()
    second = main([*ARGS, "--symbols", "AAPL", *span])
    second_out = capfd.readouterr().out

    assert first == 0 and second == 0
    assert "progress 100%" in first_err and "progress" not in first_out
    # The synthetic provider has a bar every day; the range asked for starts on 2 January
    # (New Year's Day is an NYSE holiday, no gap), and weekends inside it are written too.
    assert "AAPL: 30 bars written (1 missing ranges asked for)" in first_out
    assert "XYZ: 30 bars written" in first_out
    assert "AAPL: already stored" in second_out

    async def stored() -> int:
        store = ParquetBarStore(bars_dir)
        try:
            coverage = await store.coverage("AAPL", Timeframe.D1)
        finally:
            store.close()
        assert coverage is not None
        assert coverage.first == datetime(2024, 1, 2, tzinfo=UTC)
        return coverage.count

    assert asyncio.run(stored()) == 30


def test_an_inverted_range_is_a_usage_error(
    bars_dir: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    code = main([*ARGS, "--symbols", "AAPL", "--from", "2024-02-01", "--to", "2024-01-01"])

    assert code == 2
    assert "--to is before --from" in capfd.readouterr().err


def test_a_backfill_from_replay_files_keeps_their_vwap_and_trades(
    bars_dir: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    replay = Path(__file__).parents[2] / "fixtures" / "replay" / "csv" / "bars_1d.csv"
    monkeypatch.setenv("BULWARK_MARKET_DATA_REPLAY_PATH", str(replay))
    argv = ["--env-file", "", "bars", "backfill", "--provider", "replay", "--symbols", "AAPL"]

    code = main([*argv, "--from", "2025-12-01", "--to", "2026-01-09"])

    assert code == 0, capfd.readouterr()
    assert "AAPL: 21 bars written" in capfd.readouterr().out

    async def first() -> tuple[str, str, int | None]:
        store = ParquetBarStore(bars_dir)
        try:
            page = await store.read(
                "AAPL", Timeframe.D1, datetime(2025, 12, 1, tzinfo=UTC),
                datetime(2026, 1, 10, tzinfo=UTC), limit=1,
            )  # fmt: skip
        finally:
            store.close()
        [bar] = page.bars
        return str(bar.close), str(bar.vwap), bar.trades

    assert asyncio.run(first()) == ("186.82", "185.9267", 17634)


def test_compact_moves_daily_bars_of_the_earlier_layout_into_the_yearly_files(
    bars_dir: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    price, day = Decimal(10), datetime(2024, 1, 2, tzinfo=UTC)
    old = partition_file(bars_dir, Timeframe.D1, "AAPL", ALL)
    merge_into(
        old,
        to_table(
            BarColumns.from_bars(
                [Bar("AAPL", Timeframe.D1, day, price, price, price, price, price)]
            )
        ),
    )

    first = main(["--env-file", "", "bars", "compact"])
    first_out = capfd.readouterr().out
    second = main(["--env-file", "", "bars", "compact"])
    second_out = capfd.readouterr().out

    assert (first, second) == (0, 0)
    assert "bars compact: 1 symbol files moved" in first_out
    assert "bars compact: 0 symbol files moved" in second_out
    assert not old.exists()
    assert (bars_dir / "timeframe=1d/year=2024/bars.parquet").exists()
