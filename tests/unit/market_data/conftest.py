"""Fixtures of the market-data tests: a quote board on the fake clock (tests/conftest.py's, at
its default instant; a module that needs another instant defines its own `clock`)."""

from __future__ import annotations

import pytest

from adapters.memory.clock import FakeClock
from tests.unit.market_data.boards import CountingBoard


@pytest.fixture
def board(clock: FakeClock) -> CountingBoard:
    return CountingBoard(clock)
