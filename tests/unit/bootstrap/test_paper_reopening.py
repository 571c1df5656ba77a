"""The serving process's paper broker reopens a stored paper account's book on first use."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.marketdata import InMemoryMarketData
from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
from bootstrap.reference_data import paper_broker_reopening
from domain.trading.accounts import Account
from domain.trading.positions import Position
from ports.trading.broker import BrokerError, BrokerErrorCode

D = Decimal


async def test_a_stored_paper_account_comes_back_with_cash_and_positions() -> None:
    # Arrange
    store = InMemoryStore()
    store.accounts["acc-p"] = Account(
        "acc-p", "u-1", D(5000), positions={"AAPL": Position("AAPL", D(3), D(150))}
    )
    store.accounts["acc-a"] = Account("acc-a", "u-1", D(0), broker="alpaca")
    clock = FakeClock()
    broker = paper_broker_reopening(
        InMemoryMarketData(clock), clock, SequentialIds(), lambda: InMemoryUnitOfWork(store)
    )

    # Act
    held = await broker.positions("acc-p")
    with pytest.raises(BrokerError) as alpaca:
        await broker.positions("acc-a")
    with pytest.raises(BrokerError) as unknown:
        await broker.positions("acc-nope")

    # Assert
    assert [(p.symbol, p.quantity, p.average_price) for p in held] == [("AAPL", D(3), D(150))]
    assert alpaca.value.code is unknown.value.code is BrokerErrorCode.NOT_FOUND
