"""The filing reminder store (migration 0022): one contract on memory, SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from adapters.memory.filing_reminders import InMemoryFilingReminderStore
from adapters.postgres.filing_reminders import SqlFilingReminderStore
from ports.markets.filing_reminders import FilingReminderStore, ReminderSettings
from tests.integration.store.conftest import StoreUnderTest

T0 = datetime(2026, 2, 10, 9, 30, 0, 123456, tzinfo=UTC)


@pytest.fixture
def repo(store: StoreUnderTest) -> FilingReminderStore:
    return store.adapter(InMemoryFilingReminderStore, SqlFilingReminderStore)


def settings(owner: str, *filings: str, leads: tuple[int, ...] = (14, 3, 1)) -> ReminderSettings:
    return ReminderSettings(owner, filings, leads, T0)


async def test_settings_read_back_exactly_and_put_replaces_them(repo: FilingReminderStore) -> None:
    # Arrange
    first = settings("u-1", "13F-HR", "1040-ES")
    second = settings("u-1", "SC 13G/A", leads=(0,))

    # Act
    await repo.put(first)
    read = await repo.get("u-1")
    await repo.put(second)

    # Assert
    assert read == first
    assert await repo.get("u-1") == second
    assert await repo.get("u-2") is None


async def test_subscribers_page_in_owner_order_and_skip_those_with_no_filing(
    repo: FilingReminderStore,
) -> None:
    # Arrange
    for owner in ("u-3", "u-1", "u-4", "u-2"):
        await repo.put(settings(owner, "13F-HR"))
    await repo.put(settings("u-0"))  # chose none

    # Act
    first = await repo.subscribers(None, 2)
    rest = await repo.subscribers(first[-1].owner_id, 10)

    # Assert
    assert [s.owner_id for s in first] == ["u-1", "u-2"]
    assert [s.owner_id for s in rest] == ["u-3", "u-4"]


async def test_sent_keys_are_recorded_once_per_owner(repo: FilingReminderStore) -> None:
    # Arrange
    keys = ["13F-HR|2025-Q4|7", "13F-HR|2025-Q4|14"]

    # Act
    await repo.mark_sent("u-1", keys, T0)
    await repo.mark_sent("u-1", keys[:1], T0 + timedelta(days=1))  # a repeat: kept as it was
    found = await repo.sent("u-1", [*keys, "13F-HR|2025-Q4|1"])

    # Assert
    assert found == set(keys)
    assert await repo.sent("u-2", keys) == set()
    assert await repo.sent("u-1", []) == set()
