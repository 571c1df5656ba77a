"""Fixtures: a fresh embedded Bulwark per test, with AAPL quoted and two funded accounts."""

from __future__ import annotations

import pytest

from bootstrap.embedded import Embedded, build_embedded
from domain.trading.instruments import Instrument
from tests.unit.application.builders import (
    ACCOUNT,
    ASK,
    BID,
    CASH,
    OTHER_ACCOUNT,
    OWNER,
    STRANGER,
    SYMBOL,
)


async def seed(e: Embedded) -> Embedded:
    """AAPL at 99.90 / 100.10; ACCOUNT (OWNER's) and OTHER_ACCOUNT (STRANGER's) with CASH."""
    await e.add_instrument(Instrument(SYMBOL), (BID + ASK) / 2)
    e.market.set_quote(SYMBOL, BID, ASK)
    await e.open_account(ACCOUNT, OWNER.id, CASH)
    await e.open_account(OTHER_ACCOUNT, STRANGER.id, CASH)
    return e


@pytest.fixture
async def e() -> Embedded:
    return await seed(build_embedded())
