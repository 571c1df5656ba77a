"""The MarketDataProvider contract, run against the synthetic provider over an in-memory board."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from adapters.market_data.synthetic import SyntheticMarketData
from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData
from tests.kit.market_data_contract import MarketDataContract, StreamFeeder, ticking


class TestSyntheticContract(MarketDataContract):
    symbol = "AAPL"
    other_symbol = "MSFT"
    unknown_symbol = "NOPE"

    @pytest.fixture
    def board(self) -> InMemoryMarketData:
        return InMemoryMarketData(FakeClock())

    @pytest.fixture
    def provider(self, board: InMemoryMarketData) -> Iterator[SyntheticMarketData]:
        synthetic = SyntheticMarketData(board, FakeClock(), seed=11)
        board.set_price("AAPL", Decimal("190.00"), spread_bps=Decimal(4))
        board.set_price("MSFT", Decimal("410.00"), spread_bps=Decimal(4))
        board.set_price("TSLA", Decimal("250.00"))
        yield synthetic
        synthetic.close()

    @pytest.fixture
    def stream_feeder(self, provider: SyntheticMarketData) -> StreamFeeder:
        return ticking(provider)
