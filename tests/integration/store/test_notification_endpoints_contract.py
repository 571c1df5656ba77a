"""The notification endpoint store: one contract on memory, SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from adapters.memory.notification_endpoints import InMemoryNotificationEndpointStore
from adapters.postgres.repos.notification_endpoints import SqlNotificationEndpointStore
from ports.core.encryption import SealedRecord
from ports.notifications.notification_endpoints import (
    RECORD_TYPE,
    NotificationEndpoint,
    NotificationEndpointStore,
)
from ports.notifications.notifications import Channel
from tests.integration.store.conftest import T0, StoreUnderTest


@pytest.fixture
def repo(store: StoreUnderTest) -> NotificationEndpointStore:
    return store.adapter(InMemoryNotificationEndpointStore, SqlNotificationEndpointStore)


def endpoint(
    i: int, owner: str = "u-1", channel: Channel = Channel.WEBHOOK, minutes: int = 0
) -> NotificationEndpoint:
    return NotificationEndpoint(
        id=f"nep-{i:03d}",
        owner_id=owner,
        channel=channel,
        address=f"https://hooks.example.com/{i}",
        label=f"hook {i}",
        enabled=True,
        created_at=T0 + timedelta(minutes=minutes),
        sealed=f"bwk1.sealed-{i}",
    )


async def test_an_added_endpoint_reads_back_for_its_owner_only(
    repo: NotificationEndpointStore,
) -> None:
    # Arrange
    stored = endpoint(1)

    # Act
    await repo.add(stored)

    # Assert
    assert await repo.get("nep-001", "u-1") == stored
    assert await repo.get("nep-001", "u-2") is None
    assert await repo.get("nep-404", "u-1") is None


async def test_adding_an_id_twice_is_refused(repo: NotificationEndpointStore) -> None:
    await repo.add(endpoint(1))
    with pytest.raises(ValueError, match="exists already"):
        await repo.add(endpoint(1))


async def test_the_list_is_the_owners_oldest_first_and_filters_by_channel(
    repo: NotificationEndpointStore,
) -> None:
    # Arrange
    await repo.add(endpoint(3, minutes=2))
    await repo.add(endpoint(1, minutes=0, channel=Channel.SLACK))
    await repo.add(endpoint(2, minutes=1))
    await repo.add(endpoint(4, owner="u-2"))

    # Act
    everything = await repo.list_for("u-1")
    webhooks = await repo.list_for("u-1", Channel.WEBHOOK)

    # Assert
    assert [e.id for e in everything] == ["nep-001", "nep-002", "nep-003"]
    assert [e.id for e in webhooks] == ["nep-002", "nep-003"]
    assert await repo.list_for("u-3") == []


async def test_save_writes_label_enabled_and_sealed(repo: NotificationEndpointStore) -> None:
    # Arrange
    await repo.add(endpoint(1))
    changed = endpoint(1)
    changed.label, changed.enabled, changed.sealed = "renamed", False, "bwk1.new"

    # Act
    await repo.save(changed)

    # Assert
    assert await repo.get("nep-001", "u-1") == changed


async def test_saving_a_missing_or_anothers_endpoint_raises(
    repo: NotificationEndpointStore,
) -> None:
    # Arrange
    await repo.add(endpoint(1))

    # Act / Assert
    with pytest.raises(KeyError):
        await repo.save(endpoint(2))
    with pytest.raises(KeyError):
        await repo.save(endpoint(1, owner="u-2"))


async def test_remove_is_owner_scoped(repo: NotificationEndpointStore) -> None:
    # Arrange
    await repo.add(endpoint(1))

    # Act / Assert
    assert not await repo.remove("nep-001", "u-2")
    assert await repo.remove("nep-001", "u-1")
    assert not await repo.remove("nep-001", "u-1")
    assert await repo.get("nep-001", "u-1") is None


async def test_sealed_batches_walk_every_secret_in_id_order(
    repo: NotificationEndpointStore,
) -> None:
    # Arrange
    for i in (5, 1, 3, 2, 4):
        await repo.add(endpoint(i, owner=f"u-{i}"))

    # Act
    first = await repo.sealed_batch(None, 2)
    second = await repo.sealed_batch(first[-1].cursor, 2)
    third = await repo.sealed_batch(second[-1].cursor, 2)

    # Assert
    assert [r.record_id for r in [*first, *second, *third]] == [
        "nep-001", "nep-002", "nep-003", "nep-004", "nep-005",
    ]  # fmt: skip
    assert first[0] == SealedRecord("nep-001", RECORD_TYPE, "nep-001", "bwk1.sealed-1")
    assert await repo.sealed_batch(third[-1].cursor, 2) == []


async def test_replace_sealed_is_compare_and_set(repo: NotificationEndpointStore) -> None:
    # Arrange
    await repo.add(endpoint(1))
    [record] = await repo.sealed_batch(None, 10)
    moved = endpoint(1)
    moved.sealed = "bwk1.user-rotated"
    await repo.save(moved)  # a concurrent rotate-secret wins

    # Act
    replaced = await repo.replace_sealed(record, "bwk1.rewrapped")

    # Assert
    assert not replaced
    found = await repo.get("nep-001", "u-1")
    assert found is not None and found.sealed == "bwk1.user-rotated"
    [fresh] = await repo.sealed_batch(None, 10)
    assert await repo.replace_sealed(fresh, "bwk1.rewrapped")
    found = await repo.get("nep-001", "u-1")
    assert found is not None and found.sealed == "bwk1.rewrapped"


async def test_concurrent_adds_all_land(repo: NotificationEndpointStore) -> None:
    await asyncio.gather(*(repo.add(endpoint(i)) for i in range(20)))
    assert len(await repo.list_for("u-1")) == 20
