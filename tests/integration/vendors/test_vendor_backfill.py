"""Backfill of the real Parquet bar store from a vendor's local replay: `bulwark bars backfill
--provider twelvedata|yahoo|databento`, resumable and idempotent, waiting out rate limits, and
`bulwark bars gaps [--repair]` over what is stored."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from adapters.memory.clock import FakeClock
from adapters.parquet_bars.store import ParquetBarStore
from application.market_data.bar_backfill import BarBackfill
from bootstrap.cli import main
from domain.market_data.bars import Bar, Timeframe
from tests.integration.vendors.conftest import VENDORS, make_vendor
from tests.integration.vendors.replay_server import ReplayServer
from tests.integration.vendors.vendor_routes import DATABENTO_KEY, TWELVEDATA_KEY
from tests.kit.cli import bars_dir
from tests.kit.logging_guard import logging_restored

__all__ = ["bars_dir", "logging_restored"]

JUNE_3 = datetime(2024, 6, 3, tzinfo=UTC)
JUNE_15 = datetime(2024, 6, 15, tzinfo=UTC)
SPAN = ["--from", "2024-06-03", "--to", "2024-06-14", "--symbols", "NVDA"]


def _point_at(server: ReplayServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BULWARK_TWELVEDATA_API_KEY", TWELVEDATA_KEY)
    monkeypatch.setenv("BULWARK_TWELVEDATA_BASE_URL", server.url)
    monkeypatch.setenv("BULWARK_TWELVEDATA_COST_PER_CALL", "0.0125")
    monkeypatch.setenv("BULWARK_YAHOO_BASE_URL", server.url)
    monkeypatch.setenv("BULWARK_YAHOO_COOKIE_URL", f"{server.url}/cookie")
    monkeypatch.setenv("BULWARK_DATABENTO_API_KEY", DATABENTO_KEY)
    monkeypatch.setenv("BULWARK_DATABENTO_BASE_URL", server.url)


async def _stored(bars_dir: Path, *, adjusted: bool = False) -> list[Bar]:
    """NVDA's daily bars of the span as the Parquet store reads them back."""
    store = ParquetBarStore(bars_dir)
    try:
        page = await store.read("NVDA", Timeframe.D1, JUNE_3, JUNE_15, adjusted=adjusted)
    finally:
        store.close()
    return list(page.bars)


async def _closes(bars_dir: Path) -> list[Decimal]:
    return [b.close for b in await _stored(bars_dir)]


@dataclass
class Cli:
    """`bulwark` with the vendors pointed at the local replay and bars kept in `bars_dir`."""

    bars_dir: Path
    capfd: pytest.CaptureFixture[str]

    async def __call__(self, *argv: str) -> tuple[int, str]:
        """`bulwark <argv>` (no env file) on a thread beside the server's event loop (the
        command runs a loop of its own): its exit code and what it printed."""
        code = await asyncio.to_thread(main, ["--env-file", "", *argv])
        return code, self.capfd.readouterr().out


@pytest.fixture
def cli(
    server: ReplayServer,
    bars_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> Cli:
    _point_at(server, monkeypatch)
    return Cli(bars_dir, capfd)


@pytest.mark.parametrize("vendor", VENDORS)
async def test_the_command_backfills_a_vendor_then_a_second_run_asks_nothing(
    vendor: str,
    server: ReplayServer,
    cli: Cli,
) -> None:
    # Arrange
    argv = ["bars", "backfill", "--provider", vendor, *SPAN]

    # Act
    first, first_out = await cli(*argv)
    asked = len(server.requests)
    second, second_out = await cli(*argv)

    # Assert: the ten weekdays, raw (before the split: 1150.00), then nothing asked again
    assert (first, second) == (0, 0), first_out
    assert "NVDA: 10 bars written (1 missing ranges asked for)" in first_out
    assert "NVDA: already stored" in second_out
    assert f"{vendor}: 0 calls, estimated cost 0" in second_out
    assert len(server.requests) == asked
    closes = await _closes(cli.bars_dir)
    assert len(closes) == 10 and closes[0] == Decimal("1150") and closes[-1] == Decimal("131.88")


async def test_a_backfill_waits_out_the_vendor_s_limit_and_goes_on(
    server: ReplayServer, clock: FakeClock, tmp_path: Path
) -> None:
    # Arrange: one call a minute and chunks of three bars: four calls
    vendor = make_vendor("twelvedata", server, clock, per_minute=1)
    store = ParquetBarStore(tmp_path)
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        clock.advance(seconds)

    # Act
    report = await BarBackfill(vendor, store, chunk=3, sleep=sleep).run(
        ["NVDA"], Timeframe.D1, JUNE_3, JUNE_15
    )
    coverage = await store.coverage("NVDA", Timeframe.D1)
    store.close()
    await vendor.aclose()

    # Assert
    assert report.failed == [] and report.written == 10
    assert coverage is not None and coverage.count == 10
    assert len(waits) == 3 and all(0 < w <= 60 for w in waits)


async def test_gaps_lists_missing_weekdays_only_and_repair_fills_them(
    cli: Cli,
) -> None:
    # Arrange: the first week stored, the second missing
    week = ["--from", "2024-06-03", "--to", "2024-06-07", "--symbols", "NVDA"]
    await cli("bars", "backfill", "--provider", "yahoo", *week)

    # Act
    listed, listed_out = await cli("bars", "gaps", *SPAN)
    repaired, _ = await cli("bars", "gaps", "--repair", "--provider", "databento", *SPAN)
    again, again_out = await cli("bars", "gaps", *SPAN)

    # Assert: the weekend of June 8-9 is no gap; one run of five weekdays is
    assert (listed, repaired, again) == (0, 0, 0)
    assert "NVDA: missing 2024-06-10T00:00:00+00:00 to 2024-06-15T00:00:00+00:00" in listed_out
    assert "1 gaps" in listed_out
    assert "NVDA: no gaps" in again_out
    assert len(await _closes(cli.bars_dir)) == 10


def test_repair_without_a_provider_is_a_usage_error(
    bars_dir: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # Act
    code = main(["--env-file", "", "bars", "gaps", "--repair", *SPAN])

    # Assert
    assert code == 2 and "--repair needs --provider" in capfd.readouterr().err


@pytest.mark.parametrize("vendor", ["twelvedata", "yahoo"])
async def test_actions_are_stored_so_adjusted_reads_hold_the_split_and_dividend(
    vendor: str,
    cli: Cli,
) -> None:
    # Act
    code, out = await cli("bars", "backfill", "--provider", vendor, "--actions", *SPAN)
    adjusted = await _stored(cli.bars_dir, adjusted=True)

    # Assert: 1150 / 10 x (1 - 0.01 / 121.79) from the raw bars and the stored actions
    assert code == 0, out
    if vendor == "twelvedata":  # bars, splits, dividends, the closes before the dividend
        assert "twelvedata: 4 calls, estimated cost 0.0500 USD" in out
    assert "NVDA: 2 corporate actions stored" in out
    assert adjusted[0].close == Decimal("114.99055752")


async def test_actions_from_a_vendor_without_them_fail_the_run_and_say_so(
    cli: Cli,
) -> None:
    # Act
    code, out = await cli("bars", "backfill", "--provider", "databento", "--actions", *SPAN)

    # Assert: the bars are stored, the actions are not offered
    assert code == 1
    assert "NVDA: 10 bars written" in out
    assert (
        "NVDA: actions failed, provider failed: databento: does not offer corporate actions" in out
    )
