"""The planning profile store: one contract on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from adapters.memory.planning import InMemoryPlanningProfileRepository
from adapters.postgres.planning import SqlPlanningProfileRepository
from ports.portfolio.planning import PlanningProfile, PlanningProfileRepository
from tests.integration.store.conftest import T0, StoreUnderTest

D = Decimal


@pytest.fixture
def repo(store: StoreUnderTest) -> PlanningProfileRepository:
    return store.adapter(InMemoryPlanningProfileRepository, SqlPlanningProfileRepository)


def profile(owner: str = "u-1", **changes: object) -> PlanningProfile:
    fields: dict[str, object] = {
        "owner_id": owner,
        "annual_expenses": D("48000.00"),
        "safe_withdrawal_rate": D("0.035"),
        "other_assets": D("-12500.55"),
        "currency": "EUR",
        "autopilot": False,
        "autopilot_changed_at": None,
        "updated_at": T0,
        **changes,
    }
    return PlanningProfile(**fields)  # type: ignore[arg-type]


async def test_a_stored_profile_reads_back_exactly_for_its_owner_only(
    repo: PlanningProfileRepository,
) -> None:
    # Arrange
    stored = profile()

    # Act
    await repo.put(stored)
    found = await repo.get("u-1")

    # Assert
    assert found == stored
    assert found is not None and found.other_assets == D("-12500.55")
    assert found.safe_withdrawal_rate == D("0.035")
    assert await repo.get("u-2") is None


async def test_put_replaces_the_owners_profile_and_leaves_others(
    repo: PlanningProfileRepository,
) -> None:
    # Arrange
    await repo.put(profile("u-1"))
    await repo.put(profile("u-2", annual_expenses=D("10000")))
    changed = profile(
        "u-1",
        annual_expenses=D("60000.10"),
        autopilot=True,
        autopilot_changed_at=T0 + timedelta(hours=1),
        updated_at=T0 + timedelta(hours=1),
    )

    # Act
    await repo.put(changed)

    # Assert
    assert await repo.get("u-1") == changed
    other = await repo.get("u-2")
    assert other is not None and other.annual_expenses == D("10000")
    assert other.autopilot is False


async def test_timestamps_come_back_timezone_aware(repo: PlanningProfileRepository) -> None:
    await repo.put(profile(autopilot=True, autopilot_changed_at=T0))

    found = await repo.get("u-1")

    assert found is not None
    assert found.updated_at == T0 and found.updated_at.tzinfo is not None
    assert found.autopilot_changed_at == T0


def test_a_naive_timestamp_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        profile(updated_at=datetime(2026, 1, 1))
