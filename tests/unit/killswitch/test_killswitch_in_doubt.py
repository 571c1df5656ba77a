"""The kill switch's verdict accounts for orders in doubt: resolved first, else named."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bootstrap.embedded import Embedded
from domain.killswitch.state import Scope
from domain.killswitch.switch import KillSwitchCompleted, UnconfirmedOrder
from domain.trading.orders import OrderStatus
from ports.core.events import Severity
from ports.trading.broker import BrokerErrorCode
from tests.kit.desk import (
    ACCOUNT,
    BUY,
    OWNER,
    fake_clock,
    halt,
    limit,
    set_passcodes,
    stored_in_doubt,
)

SCOPE = Scope.account(ACCOUNT)
PAST_GRACE = timedelta(seconds=6)  # the default grace is 5 s


@pytest.fixture
async def ks(e: Embedded) -> Embedded:
    """OWNER has a passcode and one resting buy limit on ACCOUNT."""
    await set_passcodes(e, OWNER)
    await e.orders.submit(limit(BUY, 10, "95"))
    return e


async def status_of(e: Embedded, order_id: str) -> OrderStatus:
    async with e.uow() as u:
        order = await u.orders.get(order_id)
    assert order is not None
    return order.status


async def test_an_order_in_doubt_its_broker_does_not_know_is_resolved_then_confirmed(
    ks: Embedded,
) -> None:
    # Arrange: the store lists it open; the broker never received it
    doubtful = await stored_in_doubt(ks)
    fake_clock(ks).advance(PAST_GRACE)

    # Act
    record = await ks.killswitch.activate(halt(SCOPE))

    # Assert
    assert record.broker_confirmed is True
    assert record.unconfirmed_orders == ()
    assert await status_of(ks, doubtful.id) is OrderStatus.NEVER_SENT


async def test_an_order_in_doubt_found_at_its_broker_is_adopted_and_cancelled(
    ks: Embedded,
) -> None:
    # Arrange: sent and resting at the broker, its acknowledgement never booked
    doubtful = await stored_in_doubt(ks, price="94")
    await ks.broker.submit(doubtful)
    fake_clock(ks).advance(PAST_GRACE)

    # Act
    record = await ks.killswitch.activate(halt(SCOPE))

    # Assert
    assert record.broker_confirmed is True
    assert record.orders_cancelled == 2
    assert await ks.broker.open_orders(ACCOUNT) == []
    assert await status_of(ks, doubtful.id) is OrderStatus.CANCELED


async def test_a_broker_that_cannot_look_the_order_up_leaves_the_halt_unconfirmed_naming_it(
    ks: Embedded,
) -> None:
    # Arrange
    doubtful = await stored_in_doubt(ks)
    fake_clock(ks).advance(PAST_GRACE)
    ks.broker.fail_next(1000, BrokerErrorCode.UNAVAILABLE, methods=["order_by_client_id"])

    # Act
    record = await ks.killswitch.activate(halt(SCOPE))

    # Assert
    assert record.broker_confirmed is False
    assert record.unconfirmed_orders == (
        UnconfirmedOrder(doubtful.id, ACCOUNT, "paper", "BROKER_UNAVAILABLE: lookup"),
    )
    assert record.unconfirmed_brokers == ("paper",)
    assert await status_of(ks, doubtful.id) is OrderStatus.PENDING_SUBMIT
    completed = ks.bus.of_type(KillSwitchCompleted)[-1]
    assert (completed.broker_confirmed, completed.unconfirmed_orders) == (False, (doubtful.id,))
    alert = ks.notifier.sent[-1]
    assert alert.severity is Severity.CRITICAL
    assert doubtful.id in alert.body


async def test_an_order_younger_than_the_grace_is_a_send_on_its_way_and_left_to_it(
    ks: Embedded,
) -> None:
    # Arrange: within the grace its send may be under way (refused by the halt if not sent)
    young = await stored_in_doubt(ks)
    fake_clock(ks).advance(timedelta(seconds=1))

    # Act
    record = await ks.killswitch.activate(halt(SCOPE))

    # Assert
    assert record.unconfirmed_orders == ()
    assert await status_of(ks, young.id) is OrderStatus.PENDING_SUBMIT


async def test_the_record_kept_names_the_orders_in_doubt(ks: Embedded) -> None:
    # Arrange
    doubtful = await stored_in_doubt(ks)
    fake_clock(ks).advance(PAST_GRACE)
    ks.broker.fail_next(1000, BrokerErrorCode.UNAVAILABLE, methods=["order_by_client_id"])
    record = await ks.killswitch.activate(halt(SCOPE))

    # Act
    kept = await ks.killswitch.events(SCOPE)

    # Assert
    assert kept[0].unconfirmed_orders == record.unconfirmed_orders
    assert kept[0].unconfirmed_orders[0].order_id == doubtful.id
