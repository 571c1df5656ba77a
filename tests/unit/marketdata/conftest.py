"""Fixtures of the market-data tests: a fake clock at its default instant and a quote board on
it (a module that needs another instant defines its own `clock`)."""

from __future__ import annotations

import pytest

from adapters.memory.clock import FakeClock
from tests.unit.marketdata.boards import CountingBoard


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def board(clock: FakeClock) -> CountingBoard:
    return CountingBoard(clock)
