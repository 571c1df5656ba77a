"""Fixtures: a fake clock, sequential ids, in-memory quotes and a paper broker wired to them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adapters.brokers.paper import PaperBroker, PaperBrokerConfig
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.marketdata import InMemoryMarketData


@pytest.fixture
def ids() -> SequentialIds:
    return SequentialIds()


@pytest.fixture
def market(clock: FakeClock) -> InMemoryMarketData:
    return InMemoryMarketData(clock)


@pytest.fixture
def config() -> PaperBrokerConfig:
    return PaperBrokerConfig()


@pytest.fixture
def broker(
    market: InMemoryMarketData, clock: FakeClock, ids: SequentialIds, config: PaperBrokerConfig
) -> PaperBroker:
    paper = PaperBroker(market, clock, ids, config)
    market.subscribe(paper.on_quote)
    paper.seed_account("acc-1", Decimal("100000"))
    return paper
