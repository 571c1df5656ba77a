"""The MarketDataProvider contract, run against the replay provider on the fixture files."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from adapters.market_data.replay import ReplayMarketData
from adapters.memory.clock import FakeClock
from tests.kit.market_data import replay_provider
from tests.kit.market_data_contract import MarketDataContract

AFTER_THE_DATA = datetime(2026, 1, 7, tzinfo=UTC)


class TestReplayContract(MarketDataContract):
    symbol = "AAPL"
    other_symbol = "MSFT"
    unknown_symbol = "NOPE"
    supports_order_book = True  # one level a side, from the current quote
    supports_option_chain = False

    @pytest.fixture(params=["csv", "parquet"])
    def provider(self, request: pytest.FixtureRequest) -> ReplayMarketData:
        return replay_provider(request.param, FakeClock(AFTER_THE_DATA))
