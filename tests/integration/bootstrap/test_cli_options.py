"""`bulwark options record-iv` against the embedded SQLite store and the synthetic feed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from adapters.memory.clock import FakeClock
from bootstrap.containers.application import ApplicationContainer
from bootstrap.settings import load_settings
from tests.kit.cli import cli_container, run_cli


@pytest.fixture
async def container(tmp_path: Path) -> AsyncIterator[ApplicationContainer]:
    settings = load_settings(
        {
            "BULWARK_ENV": "test",
            "BULWARK_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}",
            "BULWARK_DEMO": "true",  # the demo's prices on this process's board
        },
        env_file=None,
    )
    async with cli_container(settings, clock=FakeClock()) as c:  # Monday 2026-01-05
        yield c


async def test_record_iv_stores_the_day_once_and_reports_failures(
    container: ApplicationContainer,
) -> None:
    # Act
    first = await run_cli(container, "options", "record-iv", "--symbol", "AAPL")
    again = await run_cli(container, "options", "record-iv", "--symbol", "AAPL", "--symbol", "NOPE")

    # Assert
    assert first[0] == 0
    assert first[1].startswith("AAPL: 2026-01-05 iv 0.")
    assert first[1].endswith("iv 2026-01-05: 1 recorded, 0 skipped, 0 failed\n")
    assert again == (
        1,
        "AAPL: skipped, 2026-01-05 is stored already\nNOPE: failed, SYMBOL_NOT_FOUND\n"
        "iv 2026-01-05: 0 recorded, 1 skipped, 1 failed\n",
    )
    stored = await container.market_data.iv_history().last("AAPL", up_to=date(2026, 1, 5), limit=5)
    assert [entry.day for entry in stored] == [date(2026, 1, 5)]
    assert 0.05 < stored[0].iv < 1.5
