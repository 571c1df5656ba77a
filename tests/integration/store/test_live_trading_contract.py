"""The live opt-in store: one contract on memory, SQLite and PostgreSQL (migration 0050's
table)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from adapters.memory.live_trading import InMemoryLiveOptInStore
from adapters.postgres.live_trading import SqlLiveOptInStore
from domain.live_trading.opt_in import LiveOptIn, LiveStatus
from ports.live_trading.opt_ins import LiveOptInStore
from tests.integration.store.conftest import T0, StoreUnderTest


def in_memory() -> LiveOptInStore:
    return InMemoryLiveOptInStore()


def on_sql(engine: Any) -> LiveOptInStore:
    return SqlLiveOptInStore(engine)


@pytest.fixture
def opt_ins(store: StoreUnderTest) -> LiveOptInStore:
    return store.adapter(in_memory, on_sql)


def pending(account_id: str, owner_id: str = "alice", minutes: int = 0) -> LiveOptIn:
    at = T0 + timedelta(minutes=minutes)
    return LiveOptIn.acknowledged(account_id, owner_id, "vc-1", at, second_approver=True)


async def test_an_account_never_acknowledged_has_no_opt_in(opt_ins: LiveOptInStore) -> None:
    assert await opt_ins.get("acc-1") is None
    assert list(await opt_ins.listed()) == []


async def test_an_opt_in_round_trips_and_its_approval_replaces_it(
    opt_ins: LiveOptInStore,
) -> None:
    # Arrange
    waiting = pending("acc-1")
    approved = waiting.approved("rita", T0 + timedelta(hours=1))

    # Act
    await opt_ins.put(waiting)
    found = await opt_ins.get("acc-1")
    await opt_ins.put(approved)
    after = await opt_ins.get("acc-1")

    # Assert
    assert found == waiting
    assert found is not None and found.status is LiveStatus.PENDING_APPROVAL
    assert after == approved
    assert after is not None and after.approved_at == T0 + timedelta(hours=1)
    assert await opt_ins.get("acc-2") is None


async def test_the_list_filters_by_status_and_owner_oldest_first(
    opt_ins: LiveOptInStore,
) -> None:
    # Arrange
    await opt_ins.put(pending("acc-3", minutes=2))
    await opt_ins.put(pending("acc-1", minutes=5))
    await opt_ins.put(pending("acc-2", "bob", minutes=1).approved("rita", T0))

    # Act
    every = await opt_ins.listed()
    waiting = await opt_ins.listed(LiveStatus.PENDING_APPROVAL)
    bobs = await opt_ins.listed(owner_id="bob")
    alices_enabled = await opt_ins.listed(LiveStatus.ENABLED, "alice")

    # Assert
    assert [o.account_id for o in every] == ["acc-2", "acc-3", "acc-1"]
    assert [o.account_id for o in waiting] == ["acc-3", "acc-1"]
    assert [o.account_id for o in bobs] == ["acc-2"]
    assert list(alices_enabled) == []


async def test_a_withdrawn_opt_in_is_gone_and_a_second_withdrawal_finds_nothing(
    opt_ins: LiveOptInStore,
) -> None:
    # Arrange
    await opt_ins.put(pending("acc-1"))
    await opt_ins.put(pending("acc-2"))

    # Act
    removed = await opt_ins.remove("acc-1")
    again = await opt_ins.remove("acc-1")

    # Assert: only that account's opt-in went
    assert (removed, again) == (True, False)
    assert await opt_ins.get("acc-1") is None
    assert [o.account_id for o in await opt_ins.listed()] == ["acc-2"]
