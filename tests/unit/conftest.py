"""What every unit test may take: a fake clock at its default instant (a module or folder that
needs another instant defines its own `clock`)."""

from __future__ import annotations

import pytest

from adapters.memory.clock import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
