"""The fake Alpaca trading venue of the broker tests: the product's simulator of Alpaca's
trading API v2 (adapters/brokers/simulators/alpaca.py), and the desk seeded on it."""

from __future__ import annotations

from decimal import Decimal

from adapters.brokers.simulators.alpaca import KEY_ID, SECRET
from adapters.brokers.simulators.alpaca import AlpacaSimulator as FakeAlpacaTrading
from adapters.brokers.simulators.alpaca import HeldPosition as _Position
from bootstrap.embedded import Embedded
from tests.kit.desk import ACCOUNT, BUY, limit, seed

__all__ = ["KEY_ID", "SECRET", "FakeAlpacaTrading", "_Position", "seed_alpaca"]


async def seed_alpaca(e: Embedded, venue: FakeAlpacaTrading) -> None:
    """The desk seeded (tests/kit/desk.py) with ACCOUNT at Alpaca: AAPL at 100 on the venue and
    two resting buys (10 @ 95, 20 @ 94) sent there through Bulwark."""
    await seed(e)  # AAPL quoted at 99.90 / 100.10; ACCOUNT opened at the paper broker
    async with e.uow() as uow:
        account = await uow.accounts.get(ACCOUNT)
        assert account is not None
        account.broker = "alpaca"
        await uow.commit()
    await venue.set_price("AAPL", Decimal(100))
    for quantity, price in ((10, "95"), (20, "94")):
        outcome = await e.orders.submit(limit(BUY, quantity, price))
        assert outcome.order.broker_order_id is not None
    assert venue.open_count() == 2
