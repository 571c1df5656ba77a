"""The markets screens' settings and wiring (bootstrap/markets.py): data directories, sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.rates.files import FileRates
from bootstrap import markets
from bootstrap.containers.commands import CommandContainers
from bootstrap.settings import SettingsError, load_settings


def test_a_data_directory_that_does_not_exist_stops_with_one_line(tmp_path: Path) -> None:
    # Act / Assert
    with pytest.raises(SettingsError) as refused:
        load_settings({"BULWARK_FUTURES_DIR": str(tmp_path / "nope")}, env_file=None)
    assert str(refused.value).startswith("BULWARK_FUTURES_DIR: ")
    assert "\n" not in str(refused.value)


async def test_the_shipped_samples_answer_by_default() -> None:
    # Arrange
    settings = load_settings({}, env_file=None)

    # Act
    economy = markets.economic_series(settings, None)
    contracts = await markets.futures(settings).contracts()
    replays = await markets.scenarios(settings).replays()
    period = await markets.securities(settings).list_period()

    # Assert
    assert isinstance(economy, FileRates) and economy.available()[:2] == ["CPIAUCSL", "CPILFESL"]
    assert [c.root for c in contracts] == ["CL", "RB", "HO", "NG"]
    assert [r.name for r in replays] == ["2008-09", "2020-03", "2022-rates"]
    assert period == "2024 Q4"
    assert markets.information_table_schema().violations(b"<x/>")  # compiled and refusing


def test_the_reminder_store_follows_the_store_kind() -> None:
    # Arrange
    containers = CommandContainers(
        load_settings({"BULWARK_DATABASE_URL": "memory://"}, env_file=None)
    )

    # Act
    store = containers.markets.filing_reminders()

    # Assert
    assert type(store).__name__ == "InMemoryFilingReminderStore"
