"""Paper broker: an account met for the first time is opened with the opener's cash."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adapters.brokers.paper import PaperBroker
from adapters.memory.marketdata import InMemoryMarketData
from ports.trading.broker import BrokerError, BrokerErrorCode
from tests.kit.paper import make_order

D = Decimal


async def test_an_unknown_account_is_opened_with_the_openers_cash(
    broker: PaperBroker, market: InMemoryMarketData
) -> None:
    # Arrange
    asked: list[str] = []

    async def cash_of(account_id: str) -> Decimal | None:
        asked.append(account_id)
        return D("5000") if account_id == "acc-new" else None

    broker.open_accounts_with(cash_of)
    market.set_quote("AAPL", D("100.00"), D("100.10"))

    # Act
    await broker.submit(make_order(quantity="10", account_id="acc-new"))
    account = await broker.account("acc-new")
    await broker.account("acc-1")  # seeded: the opener is not asked

    # Assert
    assert asked == ["acc-new"]
    assert account.cash == D("5000") - D("1001.000")


async def test_an_account_the_opener_does_not_know_stays_unknown(broker: PaperBroker) -> None:
    # Arrange
    async def nobody(account_id: str) -> Decimal | None:
        return None

    broker.open_accounts_with(nobody)

    # Act / Assert
    with pytest.raises(BrokerError) as raised:
        await broker.fills("acc-nobody")
    assert raised.value.code is BrokerErrorCode.NOT_FOUND
