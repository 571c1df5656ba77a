"""Paper broker: positions, account figures, fills, buying power and unknown accounts."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from adapters.brokers.paper import PaperBroker, PaperBrokerConfig
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.marketdata import InMemoryMarketData
from domain.trading.fills import Fill
from domain.trading.orders import Side
from ports.trading.broker import BrokerAccount, BrokerError, BrokerErrorCode, BrokerPosition
from tests.kit.paper import limit_order, make_order

D = Decimal


@pytest.fixture
def config() -> PaperBrokerConfig:
    return PaperBrokerConfig(leverage=D("2"))


async def test_positions_and_account_at_mid_prices(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange: buy 100 AAPL at the 100.10 ask, short 50 MSFT at the 400 bid
    market.set_quote("AAPL", D("100.00"), D("100.10"))
    market.set_quote("MSFT", D("400.00"), D("400.50"))
    await broker.submit(make_order(Side.BUY, "100", symbol="AAPL"))
    await broker.submit(make_order(Side.SELL, "50", symbol="MSFT"))
    market.set_quote("AAPL", D("101.00"), D("101.20"))  # mid 101.10
    market.set_quote("MSFT", D("398.00"), D("399.00"))  # mid 398.50

    # Act
    positions = await broker.positions("acc-1")
    account = await broker.account("acc-1")

    # Assert
    assert positions == [
        BrokerPosition("acc-1", "AAPL", D("100"), D("100.10")),
        BrokerPosition("acc-1", "MSFT", D("-50"), D("400.00")),
    ]
    # cash   = 100 000 − 100 × 100.10 + 50 × 400 = 100 000 − 10 010 + 20 000 = 109 990
    # equity = 109 990 + 100 × 101.10 − 50 × 398.50 = 109 990 + 10 110 − 19 925 = 100 175
    # gross  = 10 110 + 19 925 = 30 035; buying power = 100 175 × 2 − 30 035 = 170 315
    assert account == BrokerAccount(
        "acc-1", cash=D("109990"), equity=D("100175"), buying_power=D("170315")
    )


async def test_buying_power_is_floored_at_zero(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange: a margin loan of 25 000 against 100 AAPL marked at 100
    broker.seed_account("acc-9", D("-25000"))
    broker.seed_position("acc-9", "AAPL", D("100"), D("90"))
    market.set_price("AAPL", D("100"))

    # Act
    account = await broker.account("acc-9")

    # Assert: equity −25 000 + 10 000 = −15 000; −15 000 × 2 − 10 000 < 0 → 0
    assert (account.equity, account.buying_power) == (D("-15000"), D("0"))


async def test_account_values_a_position_without_a_quote_at_its_average_price(
    broker: PaperBroker,
) -> None:
    # Arrange
    broker.seed_account("acc-9", D("1000"))
    broker.seed_position("acc-9", "OTC", D("10"), D("12.5"))

    # Act
    account = await broker.account("acc-9")

    # Assert: 1 000 + 10 × 12.5 = 1 125; 1 125 × 2 − 125 = 2 125
    assert (account.equity, account.buying_power) == (D("1125"), D("2125"))


async def test_fills_are_drained_once_with_ids_and_times_from_the_ports(
    broker: PaperBroker, market: InMemoryMarketData, clock: FakeClock
) -> None:
    # Arrange
    market.set_quote("AAPL", D("100.00"), D("100.10"))
    order = limit_order(Side.BUY, "10", "99")
    await broker.submit(order)  # id paper-000001
    clock.advance(timedelta(seconds=5))
    market.set_quote("AAPL", D("98.90"), D("99.00"))  # fill id fill-000002

    # Act
    first = await broker.fills("acc-1")
    second = await broker.fills("acc-1")

    # Assert
    assert first == [
        Fill(
            id="fill-000002",
            order_id=order.id,
            account_id="acc-1",
            symbol="AAPL",
            side=Side.BUY,
            quantity=D("10"),
            price=D("99.00"),
            at=clock.now(),
        )
    ]
    assert second == []


async def test_submit_for_an_unknown_account_is_not_found(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    market.set_quote("AAPL", D("100.00"), D("100.10"))

    # Act / Assert
    with pytest.raises(BrokerError) as raised:
        await broker.submit(make_order(Side.BUY, "1", account_id="ghost"))
    assert raised.value.code is BrokerErrorCode.NOT_FOUND
    assert raised.value.retryable is False


async def test_queries_for_an_unknown_account_are_not_found(broker: PaperBroker) -> None:
    # Act / Assert
    with pytest.raises(BrokerError) as raised:
        await broker.open_orders("ghost")
    assert raised.value.code is BrokerErrorCode.NOT_FOUND


def test_an_account_cannot_be_seeded_twice(broker: PaperBroker) -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="already exists"):
        broker.seed_account("acc-1", D("1"))


async def test_buying_power_is_enforced_when_configured(
    market: InMemoryMarketData, clock: FakeClock
) -> None:
    # Arrange
    broker = PaperBroker(
        market, clock, SequentialIds(), PaperBrokerConfig(enforce_buying_power=True)
    )
    broker.seed_account("acc-1", D("1000"))
    market.set_quote("AAPL", D("100.00"), D("100.10"))

    # Act
    with pytest.raises(BrokerError) as raised:
        await broker.submit(make_order(Side.BUY, "10"))  # 10 × 100.10 = 1 001 > 1 000
    placed = await broker.submit(make_order(Side.BUY, "9"))  # 9 × 100.10 = 900.90
    closing = await broker.submit(make_order(Side.SELL, "9"))  # reduces: needs nothing

    # Assert
    assert raised.value.code is BrokerErrorCode.INSUFFICIENT_FUNDS
    assert placed.filled_quantity == D("9")
    assert closing.filled_quantity == D("9")
