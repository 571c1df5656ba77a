"""The BrokerPort contract run against the paper broker (in-memory quotes, a fake clock)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adapters.brokers.paper import PaperBroker, PaperBrokerConfig
from adapters.brokers.paper.drill import FaultSwitch, FaultyBroker
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.marketdata import InMemoryMarketData
from tests.integration.trading.brokers.contract import ACCOUNT, CASH, BrokerContract


class _Quotes:
    """The contract's Market over in-memory quotes (no spread: bid = ask = price)."""

    def __init__(self, quotes: InMemoryMarketData) -> None:
        self._quotes = quotes

    async def set_price(self, symbol: str, price: Decimal) -> None:
        self._quotes.set_price(symbol, price)


class TestPaperBrokerContract(BrokerContract):
    @pytest.fixture
    def quotes(self) -> InMemoryMarketData:
        return InMemoryMarketData(FakeClock())

    @pytest.fixture
    def market(self, quotes: InMemoryMarketData) -> _Quotes:
        return _Quotes(quotes)

    @pytest.fixture
    def broker(self, quotes: InMemoryMarketData) -> PaperBroker:
        config = PaperBrokerConfig(enforce_buying_power=True)
        paper = PaperBroker(quotes, FakeClock(), SequentialIds(), config)
        quotes.subscribe(paper.on_quote)
        paper.seed_account(ACCOUNT, CASH)
        return paper


class TestDrillBrokerWithoutFaultsContract(TestPaperBrokerContract):
    """With no fault switched on, the drill broker is the paper broker, contract and all."""

    @pytest.fixture
    def broker(self, quotes: InMemoryMarketData) -> FaultyBroker:
        clock = FakeClock()
        config = PaperBrokerConfig(enforce_buying_power=True)
        paper = PaperBroker(quotes, clock, SequentialIds(), config)
        quotes.subscribe(paper.on_quote)
        paper.seed_account(ACCOUNT, CASH)
        return FaultyBroker(paper, FaultSwitch(), clock)
