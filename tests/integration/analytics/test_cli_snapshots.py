"""`bulwark snapshots take` against the embedded SQLite store, migrated by the CLI itself."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from bootstrap.containers.application import ApplicationContainer
from domain.trading.accounts import Account
from domain.trading.positions import Position
from tests.kit.cli import cli_container, run_cli, sqlite_settings

D = Decimal


@pytest.fixture
async def container(tmp_path: Path) -> AsyncIterator[ApplicationContainer]:
    async with cli_container(
        sqlite_settings(tmp_path / "var" / "bulwark.db"), from_template=False
    ) as c:
        async with c.core.uow_factory()() as uow:
            await uow.accounts.add(Account("acc-cash", "owner-1", D(1000)))
            await uow.accounts.add(
                Account("acc-aapl", "owner-1", D(100), positions={"AAPL": Position("AAPL", D(2))})
            )
            await uow.commit()
        yield c


async def test_take_values_every_account_and_reports_an_unmarked_one(
    container: ApplicationContainer,
) -> None:
    # Act: AAPL has no price anywhere
    code, output = await run_cli(container, "snapshots", "take")

    # Assert
    assert code == 0, output
    today = datetime.now(UTC).date()
    assert f"acc-cash: {today} equity 1000" in output
    assert "acc-aapl: skipped, no mark for AAPL" in output
    assert "1 taken, 1 skipped, 0 failed" in output
    stored = await container.trading.equity_history().latest("acc-cash")
    assert stored is not None and stored.equity == D(1000)


async def test_take_one_account_at_the_feeds_marks(container: ApplicationContainer) -> None:
    # Arrange
    container.core.market().set_price("AAPL", D(190))

    # Act
    code, output = await run_cli(container, "snapshots", "take", "--account", "acc-aapl")

    # Assert: 100 + 2 x 190
    assert code == 0, output
    assert "acc-aapl" in output and "equity 480" in output
    stored = await container.trading.equity_history().latest("acc-aapl")
    assert stored is not None and stored.gross_exposure == D(380)


async def test_take_an_unknown_account_is_one_line_and_exit_1(
    container: ApplicationContainer,
) -> None:
    code, output = await run_cli(container, "snapshots", "take", "--account", "acc-nope")

    assert (code, output) == (1, "acc-nope: not found\n")
