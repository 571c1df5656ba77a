"""The drill broker: each fault a kill-switch drill switches on, over the real paper broker."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

import pytest

from adapters.brokers.paper import PaperBroker, PaperBrokerConfig
from adapters.brokers.paper.drill import FaultSwitch, FaultyBroker
from adapters.brokers.paper.drill import faulty as faulty_broker
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.marketdata import InMemoryMarketData
from domain.killswitch.drill import BrokerFaults
from domain.trading.orders import Side
from ports.trading.broker import BrokerError, BrokerErrorCode, BrokerPort, DeadlineBroker
from tests.kit.paper import limit_order, make_order

D = Decimal


@pytest.fixture
def switch() -> FaultSwitch:
    return FaultSwitch()


@pytest.fixture
def faulty(broker: PaperBroker, switch: FaultSwitch, clock: FakeClock) -> FaultyBroker:
    return FaultyBroker(broker, switch, clock)


async def resting(faulty: FaultyBroker, n: int = 2) -> list[str]:
    placed = [await faulty.submit(limit_order(Side.BUY, "10", "50")) for _ in range(n)]
    return [p.broker_order_id for p in placed]


async def test_without_faults_the_wrapper_passes_every_call_through(
    faulty: FaultyBroker, broker: PaperBroker
) -> None:
    # Arrange
    await resting(faulty)

    # Act
    results = await faulty.cancel_all("acc-1")

    # Assert
    assert faulty.name == "paper"
    assert [r.ok for r in results] == [True, True]
    assert await broker.open_orders("acc-1") == []


async def test_keep_on_cancel_acknowledges_every_cancel_and_keeps_the_orders(
    faulty: FaultyBroker, broker: PaperBroker, switch: FaultSwitch
) -> None:
    # Arrange
    first, second = await resting(faulty)
    switch.set(BrokerFaults.parse("keep_on_cancel"))

    # Act
    all_results = await faulty.cancel_all("acc-1")
    one = await faulty.cancel("acc-1", first)

    # Assert
    assert {r.broker_order_id for r in all_results} == {first, second}
    assert all(r.ok for r in all_results) and one.ok
    assert {o.broker_order_id for o in await broker.open_orders("acc-1")} == {first, second}
    assert len(await faulty.open_orders("acc-1")) == 2  # the query tells the truth


async def test_delay_acks_carries_the_cancel_out_and_answers_late(
    faulty: FaultyBroker, broker: PaperBroker, switch: FaultSwitch, clock: FakeClock
) -> None:
    # Arrange
    await resting(faulty, 1)
    switch.set(BrokerFaults.parse("delay_acks=400"))
    before = clock.monotonic()

    # Act
    results = await faulty.cancel_all("acc-1")

    # Assert
    assert clock.monotonic() - before == pytest.approx(0.4)
    assert [r.ok for r in results] == [True]
    assert await broker.open_orders("acc-1") == []


async def test_delay_acks_does_not_delay_queries(
    faulty: FaultyBroker, switch: FaultSwitch, clock: FakeClock
) -> None:
    # Arrange
    switch.set(BrokerFaults.parse("delay_acks=400"))
    before = clock.monotonic()

    # Act
    await faulty.open_orders("acc-1")

    # Assert
    assert clock.monotonic() == before


async def test_drop_acks_loses_the_answer_of_an_order_that_is_live(
    faulty: FaultyBroker, broker: PaperBroker, switch: FaultSwitch
) -> None:
    # Arrange
    switch.set(BrokerFaults.parse("drop_acks"))
    order = limit_order(Side.BUY, "10", "50")

    # Act
    with pytest.raises(BrokerError) as raised:
        await faulty.submit(order)

    # Assert
    assert raised.value.code is BrokerErrorCode.TIMEOUT
    assert raised.value.retryable is True
    live = await broker.open_orders("acc-1")
    assert [o.client_order_id for o in live] == [order.client_order_id]


async def test_drop_acks_loses_the_answer_of_a_cancel_that_was_carried_out(
    faulty: FaultyBroker, broker: PaperBroker, switch: FaultSwitch
) -> None:
    # Arrange
    await resting(faulty)
    switch.set(BrokerFaults.parse("drop_acks"))

    # Act
    with pytest.raises(BrokerError) as raised:
        await faulty.cancel_all("acc-1")

    # Assert
    assert raised.value.code is BrokerErrorCode.TIMEOUT
    assert await broker.open_orders("acc-1") == []


async def test_reject_sends_refuses_new_orders_and_nothing_rests(
    faulty: FaultyBroker, broker: PaperBroker, switch: FaultSwitch
) -> None:
    # Arrange
    switch.set(BrokerFaults.parse("reject_sends"))

    # Act
    with pytest.raises(BrokerError) as raised:
        await faulty.submit(limit_order(Side.BUY, "10", "50"))

    # Assert
    assert raised.value.code is BrokerErrorCode.REJECTED
    assert raised.value.retryable is False
    assert await broker.open_orders("acc-1") == []


async def test_reject_sends_refuses_the_closing_orders_but_not_cancels(
    faulty: FaultyBroker,
    broker: PaperBroker,
    switch: FaultSwitch,
    market: InMemoryMarketData,
) -> None:
    # Arrange
    market.set_price("AAPL", D("100"))
    await faulty.submit(make_order(Side.BUY, "5"))
    await resting(faulty, 1)
    switch.set(BrokerFaults.parse("reject_sends"))

    # Act
    closed = await faulty.close_all("acc-1")
    cancelled = await faulty.cancel_all("acc-1")

    # Assert
    assert [(c.symbol, c.ok, c.error) for c in closed] == [("AAPL", False, "BROKER_REJECTED")]
    assert [p.quantity for p in await broker.positions("acc-1")] == [D("5")]
    assert [c.ok for c in cancelled] == [True]
    assert await broker.open_orders("acc-1") == []


@pytest.mark.parametrize(
    "call",
    ["submit", "cancel", "cancel_all", "close_all", "open_orders", "positions", "account", "fills"],
)
async def test_disconnect_fails_every_call_as_unreachable(
    faulty: FaultyBroker, broker: PaperBroker, switch: FaultSwitch, call: str
) -> None:
    # Arrange
    await resting(faulty, 1)
    switch.set(BrokerFaults.parse("disconnect"))
    args = {
        "submit": (limit_order(Side.BUY, "1", "50"),),
        "cancel": ("acc-1", "any"),
    }.get(call, ("acc-1",))

    # Act
    with pytest.raises(BrokerError) as raised:
        await getattr(faulty, call)(*args)

    # Assert
    assert raised.value.code is BrokerErrorCode.UNAVAILABLE
    assert len(await broker.open_orders("acc-1")) == 1


async def test_clearing_the_faults_restores_the_truthful_broker(
    faulty: FaultyBroker, broker: PaperBroker, switch: FaultSwitch
) -> None:
    # Arrange
    await resting(faulty, 1)
    switch.set(BrokerFaults.parse("disconnect,keep_on_cancel"))
    switch.set(BrokerFaults())

    # Act
    results = await faulty.cancel_all("acc-1")

    # Assert
    assert [r.ok for r in results] == [True]
    assert await broker.open_orders("acc-1") == []


class _BoundedPaper(PaperBroker):
    """The paper broker as a DeadlineBroker, noting the deadlines it was bound to."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.bound_to: list[float] = []

    def within(self, deadline: float) -> BrokerPort:
        self.bound_to.append(deadline)
        return self


async def test_over_a_deadline_broker_the_faults_stay_in_front_of_its_bounded_calls(
    market: InMemoryMarketData, clock: FakeClock, ids: SequentialIds, switch: FaultSwitch
) -> None:
    # Arrange
    bounded = _BoundedPaper(market, clock, ids, PaperBrokerConfig())
    bounded.seed_account("acc-1", D(100_000))
    wrapped = faulty_broker(bounded, switch, clock)
    await resting(wrapped, 1)
    switch.set(BrokerFaults.parse("keep_on_cancel"))

    # Act
    view = cast(DeadlineBroker, wrapped).within(12.5)
    results = await view.cancel_all("acc-1")

    # Assert
    assert isinstance(wrapped, DeadlineBroker)
    assert bounded.bound_to == [12.5]
    assert [r.ok for r in results] == [True]
    assert len(await bounded.open_orders("acc-1")) == 1  # the lie survives the bounding


def test_over_a_broker_without_deadlines_the_wrapper_claims_none(
    broker: PaperBroker, switch: FaultSwitch, clock: FakeClock
) -> None:
    # Act
    wrapped = faulty_broker(broker, switch, clock)

    # Assert
    assert not isinstance(wrapped, DeadlineBroker)
