"""The KYC status store: one contract on memory, SQLite and PostgreSQL (migration 0055's
table): a record round-trips with its provider result, and writes are compare-and-set."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from adapters.memory.kyc_status import InMemoryKycStatuses
from adapters.postgres.repos.kyc_status import SqlKycStatuses
from domain.kyc.status import KycRecord, KycStatus, ProviderOutcome, ProviderResult
from ports.identity.kyc_status import KycStatusStore
from tests.integration.store.conftest import T0, StoreUnderTest


def in_memory() -> KycStatusStore:
    return InMemoryKycStatuses()


def on_sql(engine: Any) -> KycStatusStore:
    return SqlKycStatuses(engine)


@pytest.fixture
def statuses(store: StoreUnderTest) -> KycStatusStore:
    return store.adapter(in_memory, on_sql)


PERSONA = ProviderResult("persona", "inq_1", ProviderOutcome.DECLINED, T0, "inquiry declined")


async def test_a_user_never_derived_has_no_record(statuses: KycStatusStore) -> None:
    assert await statuses.get("u-1") is None


async def test_a_record_round_trips_with_its_provider_result(statuses: KycStatusStore) -> None:
    # Arrange
    first = KycRecord("u-1", KycStatus.PENDING, T0, "identity: awaiting a decision")
    second = replace(first, status=KycStatus.REJECTED, reason="identity: inquiry declined",
                     provider=PERSONA, updated_at=T0 + timedelta(minutes=1), version=2)  # fmt: skip
    third = replace(second, status=KycStatus.VERIFIED, reason=None, provider=None,
                    verified_until=T0 + timedelta(days=365), version=3)  # fmt: skip

    # Act / Assert
    assert await statuses.save(first)
    assert await statuses.get("u-1") == first
    assert await statuses.save(second)
    assert await statuses.get("u-1") == second
    assert await statuses.save(third)
    assert await statuses.get("u-1") == third
    assert await statuses.get("u-2") is None


async def test_writes_are_compare_and_set_on_the_version(statuses: KycStatusStore) -> None:
    # Arrange
    first = KycRecord("u-1", KycStatus.PENDING, T0)
    await statuses.save(first)

    # Act
    again = await statuses.save(replace(first, status=KycStatus.REJECTED))  # version 1 again
    skipped = await statuses.save(replace(first, version=3))  # skips version 2
    moved = await statuses.save(replace(first, status=KycStatus.VERIFIED, version=2))
    stale = await statuses.save(replace(first, status=KycStatus.REJECTED, version=2))

    # Assert
    assert (again, skipped, moved, stale) == (False, False, True, False)
    stored = await statuses.get("u-1")
    assert stored is not None and stored.status is KycStatus.VERIFIED and stored.version == 2
