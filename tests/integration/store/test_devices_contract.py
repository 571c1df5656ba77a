"""Devices, their sessions and the login history: one contract on memory, SQLite, PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest

from adapters.memory.devices import InMemoryDevices, InMemoryLoginHistory
from adapters.postgres.repos.devices import SqlDevices, SqlLoginHistory
from domain.identity.devices import Device
from ports.devices.devices import DeviceStore, LoginHistory, LoginRecord
from tests.integration.store.conftest import T0, StoreUnderTest


@dataclass
class Stores:
    devices: DeviceStore
    history: LoginHistory


@pytest.fixture
def stores(store: StoreUnderTest) -> Stores:
    if store.kind == "memory":
        return Stores(InMemoryDevices(), InMemoryLoginHistory())
    return Stores(SqlDevices(store.engine), SqlLoginHistory(store.engine))


def device(i: int, user: str = "usr-1", minutes: int = 0, fingerprint: str = "") -> Device:
    at = T0 + timedelta(minutes=minutes)
    return Device(
        f"dev-{i:03d}", user, fingerprint or f"{i:064x}", "Firefox on Linux", "Firefox on Linux",
        "203.0.113.0/24", at, at,
    )  # fmt: skip


def record(i: int, user: str = "usr-1", minutes: int = 0) -> LoginRecord:
    return LoginRecord(
        f"dlg-{i:03d}", user, "dev-001", T0 + timedelta(minutes=minutes), "2001:db8::/48",
        new_device=i % 2 == 0, new_network=False, failures_before=i, hour_gap=3, score=-0.125,
        unusual=("new device", "unusual hour") if i % 2 == 0 else (),
    )  # fmt: skip


async def test_a_device_reads_back_field_for_field_and_saves_over(stores: Stores) -> None:
    d = device(1)

    await stores.devices.save(d)
    first = await stores.devices.get(d.id)
    changed = d.seen(T0 + timedelta(hours=1), None).renamed("desk").trust(T0 + timedelta(hours=2))
    await stores.devices.save(changed)

    assert first == d
    assert await stores.devices.get(d.id) == changed
    assert await stores.devices.get("dev-unknown") is None


async def test_find_answers_the_users_unrevoked_device_by_fingerprint(stores: Stores) -> None:
    mine = device(1, fingerprint="f" * 64)
    theirs = device(2, user="usr-2", fingerprint="f" * 64)
    await stores.devices.save(mine)
    await stores.devices.save(theirs)

    found = await stores.devices.find("usr-1", "f" * 64)
    await stores.devices.save(mine.revoke(T0 + timedelta(hours=1)))
    after_revoke = await stores.devices.find("usr-1", "f" * 64)
    successor = device(3, minutes=5, fingerprint="f" * 64)
    await stores.devices.save(successor)

    assert found == mine
    assert after_revoke is None
    assert await stores.devices.find("usr-1", "f" * 64) == successor
    assert await stores.devices.find("usr-3", "f" * 64) is None


async def test_a_users_devices_are_listed_most_recently_seen_first(stores: Stores) -> None:
    for i, minutes in ((1, 5), (2, 50), (3, 20)):
        await stores.devices.save(device(i, minutes=minutes))
    await stores.devices.save(device(4, user="usr-2"))

    listed = await stores.devices.for_user("usr-1")

    assert [d.id for d in listed] == ["dev-002", "dev-003", "dev-001"]
    assert await stores.devices.for_user("usr-9") == []


async def test_a_session_belongs_to_one_device(stores: Stores) -> None:
    await stores.devices.bind("dev-001", "rtf-1", T0)
    await stores.devices.bind("dev-001", "rtf-2", T0)
    await stores.devices.bind("dev-002", "rtf-1", T0)  # already bound: nothing changes

    assert await stores.devices.device_of("rtf-1") == "dev-001"
    assert await stores.devices.device_of("rtf-9") is None
    assert await stores.devices.families("dev-001") == ["rtf-1", "rtf-2"]
    assert await stores.devices.families("dev-002") == []


async def test_the_login_history_reads_back_newest_first(stores: Stores) -> None:
    for i in range(5):
        await stores.history.append(record(i, user="usr-1" if i != 3 else "usr-2", minutes=i))

    newest = await stores.history.recent(2)
    mine = await stores.history.recent(10, "usr-1")

    assert [r.id for r in newest] == ["dlg-004", "dlg-003"]
    assert [r.id for r in mine] == ["dlg-004", "dlg-002", "dlg-001", "dlg-000"]
    assert mine[1] == record(2, minutes=2)
    assert await stores.history.count() == 5
    assert await stores.history.recent(0) == []
