"""Paper broker: injected failures, timeouts, lying cancels, latency and rate limits."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adapters.brokers.paper import PaperBroker, PaperBrokerConfig
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.marketdata import InMemoryMarketData
from domain.trading.orders import Side
from ports.trading.broker import BrokerError, BrokerErrorCode
from tests.kit.paper import limit_order

D = Decimal


def paper(market: InMemoryMarketData, clock: FakeClock, config: PaperBrokerConfig) -> PaperBroker:
    broker = PaperBroker(market, clock, SequentialIds(), config)
    broker.seed_account("acc-1", D("100000"))
    broker.seed_account("acc-2", D("100000"))
    return broker


async def test_fail_next_hits_only_the_named_method(broker: PaperBroker) -> None:
    # Arrange
    broker.fail_next(1, methods={"cancel_all"})
    await broker.submit(limit_order(Side.BUY, "10", "99"))
    listed = await broker.open_orders("acc-1")

    # Act
    with pytest.raises(BrokerError) as raised:
        await broker.cancel_all("acc-1")
    retried = await broker.cancel_all("acc-1")

    # Assert
    assert raised.value.code is BrokerErrorCode.UNAVAILABLE
    assert raised.value.retryable is True
    assert len(listed) == 1
    assert len(retried) == 1
    assert await broker.open_orders("acc-1") == []


async def test_fail_next_counts_calls_of_any_method(broker: PaperBroker) -> None:
    # Arrange
    broker.fail_next(2, code=BrokerErrorCode.RATE_LIMITED)
    codes = []

    # Act
    for _ in range(2):
        with pytest.raises(BrokerError) as raised:
            await broker.positions("acc-1")
        codes.append(raised.value.code)
    third = await broker.account("acc-1")

    # Assert
    assert codes == [BrokerErrorCode.RATE_LIMITED, BrokerErrorCode.RATE_LIMITED]
    assert third.cash == D("100000")


async def test_fail_next_for_one_account_leaves_the_others_alone(broker: PaperBroker) -> None:
    # Arrange
    broker.seed_account("acc-2", D("1"))
    broker.fail_next(1, account_id="acc-2")

    # Act
    healthy = await broker.open_orders("acc-1")
    with pytest.raises(BrokerError):
        await broker.open_orders("acc-2")

    # Assert
    assert healthy == []


def test_fail_next_refuses_an_unknown_method_name(broker: PaperBroker) -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="cancel_everything"):
        broker.fail_next(1, methods={"cancel_everything"})


async def test_timeout_next_sleeps_on_the_clock_then_raises(
    broker: PaperBroker, clock: FakeClock
) -> None:
    # Arrange
    broker.timeout_next(1, 5.0, methods={"cancel_all"})
    before = clock.monotonic()

    # Act
    with pytest.raises(BrokerError) as raised:
        await broker.cancel_all("acc-1")

    # Assert
    assert raised.value.code is BrokerErrorCode.TIMEOUT
    assert raised.value.retryable is True
    assert clock.monotonic() - before == 5.0


async def test_ack_but_keep_acknowledges_cancels_and_leaves_the_orders_open(
    broker: PaperBroker,
) -> None:
    # Arrange
    first = await broker.submit(limit_order(Side.BUY, "10", "99"))
    second = await broker.submit(limit_order(Side.BUY, "10", "98"))
    broker.ack_but_keep(n=2)

    # Act
    single = await broker.cancel("acc-1", first.broker_order_id)
    everything = await broker.cancel_all("acc-1")
    still_open = await broker.open_orders("acc-1")
    honest = await broker.cancel_all("acc-1")

    # Assert
    assert single.ok is True
    assert [r.ok for r in everything] == [True, True]
    assert [o.broker_order_id for o in still_open] == [
        first.broker_order_id,
        second.broker_order_id,
    ]
    assert len(honest) == 2
    assert await broker.open_orders("acc-1") == []


async def test_ack_but_keep_for_one_account_until_cleared(broker: PaperBroker) -> None:
    # Arrange
    broker.seed_account("acc-2", D("1000"))
    await broker.submit(limit_order(Side.BUY, "1", "99"))
    await broker.submit(limit_order(Side.BUY, "1", "99", account_id="acc-2"))
    broker.ack_but_keep("acc-2")

    # Act
    await broker.cancel_all("acc-1")
    await broker.cancel_all("acc-2")
    await broker.cancel_all("acc-2")
    lied_twice = len(await broker.open_orders("acc-2"))
    broker.clear_faults()
    await broker.cancel_all("acc-2")

    # Assert
    assert await broker.open_orders("acc-1") == []
    assert lied_twice == 1
    assert await broker.open_orders("acc-2") == []


async def test_latency_is_awaited_on_the_clock_for_every_call(
    market: InMemoryMarketData, clock: FakeClock
) -> None:
    # Arrange
    broker = paper(market, clock, PaperBrokerConfig(latency_s=0.25))
    before = clock.monotonic()

    # Act
    await broker.open_orders("acc-1")
    await broker.cancel_all("acc-1")

    # Assert: 2 calls × 0.25 s
    assert clock.monotonic() - before == 0.5


async def test_rate_limit_per_account_and_per_second(
    market: InMemoryMarketData, clock: FakeClock
) -> None:
    # Arrange
    broker = paper(market, clock, PaperBrokerConfig(max_calls_per_second=3))
    for _ in range(3):
        await broker.open_orders("acc-1")

    # Act
    with pytest.raises(BrokerError) as raised:
        await broker.open_orders("acc-1")
    other_account = await broker.open_orders("acc-2")
    clock.advance(1.0)
    after_a_second = await broker.open_orders("acc-1")

    # Assert
    assert raised.value.code is BrokerErrorCode.RATE_LIMITED
    assert raised.value.retryable is True
    assert other_account == []
    assert after_a_second == []
