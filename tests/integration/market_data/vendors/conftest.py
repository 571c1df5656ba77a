"""A fake clock at the simulated vendors' NOW (the local replay server is the market-data
tests' `server`)."""

from __future__ import annotations

import pytest

from adapters.memory.clock import FakeClock
from tests.integration.market_data.vendors.simulated import NOW


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)
