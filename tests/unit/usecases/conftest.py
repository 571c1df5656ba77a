"""Fixtures: a fresh embedded Bulwark per test, AAPL at 100 and MSFT at 250, two accounts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bootstrap.embedded import Embedded, build_embedded
from domain.trading.instruments import Instrument
from tests.unit.usecases.builders import ACCOUNT, OTHER_ACCOUNT, OWNER, STRANGER

CASH = Decimal(100_000)


@pytest.fixture
async def e() -> Embedded:
    """ACCOUNT (OWNER's) and OTHER_ACCOUNT (STRANGER's) each hold CASH and nothing else."""
    embedded = build_embedded()
    await embedded.add_instrument(Instrument("AAPL", sector="TECH"), Decimal(100))
    await embedded.add_instrument(Instrument("MSFT", sector="SOFTWARE"), Decimal(250))
    await embedded.open_account(ACCOUNT, OWNER.id, CASH)
    await embedded.open_account(OTHER_ACCOUNT, STRANGER.id, CASH)
    return embedded
