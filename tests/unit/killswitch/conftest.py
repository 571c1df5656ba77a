"""Fixtures: `e`, a fresh embedded Bulwark per test with AAPL quoted and two funded accounts;
`ks`, that Bulwark with OWNER's passcode set and two resting buy limits on ACCOUNT (a module
that needs another starting point defines its own `ks`)."""

import pytest

from bootstrap.embedded import Embedded
from tests.kit.desk import (
    BUY,
    OWNER,
    limit,
    seeded_desk,  # noqa: F401  (the fixture `e`)
    set_passcodes,
)


@pytest.fixture
async def ks(e: Embedded) -> Embedded:
    """OWNER has a passcode and two resting buy limits on ACCOUNT."""
    await set_passcodes(e, OWNER)
    await e.orders.submit(limit(BUY, 10, "95"))
    await e.orders.submit(limit(BUY, 20, "94"))
    return e
