"""The crash rehearsal: read only outside prod, and dying at the point and passage it names."""

from __future__ import annotations

from typing import NoReturn

import pytest

from bootstrap.crash_rehearsal import (
    CRASH_POINT,
    DIE_ON_SUBMIT,
    CrashPlan,
    CrashPoint,
    DyingBroker,
    crash_plan,
    rehearsing,
    rehearsing_store,
)
from bootstrap.embedded import build_embedded
from tests.kit.desk import ACCOUNT, BUY, limit, seed


class Died(BaseException):
    pass


def die() -> NoReturn:
    raise Died


def test_no_plan_in_prod_or_without_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    # Arrange
    monkeypatch.delenv(DIE_ON_SUBMIT, raising=False)
    monkeypatch.setenv(CRASH_POINT, "after_send")

    # Act
    unset = crash_plan("test")
    monkeypatch.setenv(DIE_ON_SUBMIT, "3")
    in_prod = crash_plan("prod")
    in_test = crash_plan("test")

    # Assert
    assert unset is None
    assert in_prod is None
    assert in_test is not None
    assert (in_test.point, in_test.after) == (CrashPoint.AFTER_SEND, 3)


def test_the_point_defaults_to_before_a_send(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DIE_ON_SUBMIT, "1")
    monkeypatch.delenv(CRASH_POINT, raising=False)

    plan = crash_plan("dev")

    assert plan is not None
    assert plan.point is CrashPoint.BEFORE_SEND


def test_a_plan_dies_on_the_nth_passage_of_its_own_point_only() -> None:
    # Arrange
    plan = CrashPlan(CrashPoint.AFTER_SEND, 2, die)

    # Act
    plan.at(CrashPoint.BEFORE_SEND)
    plan.at(CrashPoint.AFTER_SEND)

    # Assert
    with pytest.raises(Died):
        plan.at(CrashPoint.AFTER_SEND)


def test_the_wrappers_go_where_their_point_is() -> None:
    # Arrange
    e = build_embedded()
    store_plan = CrashPlan(CrashPoint.BEFORE_STORE, 1, die)
    send_plan = CrashPlan(CrashPoint.BEFORE_SEND, 1, die)

    # Act
    for_store = rehearsing("test", {"paper": e.broker}, store_plan)
    for_send = rehearsing("test", {"paper": e.broker}, send_plan)
    factory = e.uow

    # Assert
    assert for_store["paper"] is e.broker
    assert isinstance(for_send["paper"], DyingBroker)
    assert rehearsing_store("test", factory, send_plan) is factory
    assert rehearsing_store("test", factory, store_plan) is not factory


async def test_dying_before_the_store_leaves_nothing_of_the_batch() -> None:
    # Arrange
    e = await seed(build_embedded(crash=CrashPlan(CrashPoint.BEFORE_STORE, 1, die)))

    # Act
    with pytest.raises(Died):
        await e.orders.submit_many([limit(BUY, 1, "90")])

    # Assert
    async with e.uow() as uow:
        assert await uow.orders.list(ACCOUNT) == []
    assert await e.broker.open_orders(ACCOUNT) == []


async def test_dying_after_a_send_leaves_the_order_at_the_broker_and_in_doubt() -> None:
    # Arrange
    e = await seed(build_embedded(crash=CrashPlan(CrashPoint.AFTER_SEND, 1, die)))

    # Act
    with pytest.raises(Died):
        await e.orders.submit_many([limit(BUY, 1, "90")])

    # Assert
    async with e.uow() as uow:
        (stored,) = await uow.orders.list(ACCOUNT)
    assert stored.broker_order_id is None
    assert [o.client_order_id for o in await e.broker.open_orders(ACCOUNT)] == [
        stored.client_order_id
    ]
