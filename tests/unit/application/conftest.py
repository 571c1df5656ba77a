"""Fixtures: a fresh embedded Bulwark per test, with AAPL quoted and two funded accounts."""

from __future__ import annotations

import pytest

from bootstrap.embedded import Embedded, build_embedded
from tests.unit.application.builders import seed


@pytest.fixture
async def e() -> Embedded:
    return await seed(build_embedded())
