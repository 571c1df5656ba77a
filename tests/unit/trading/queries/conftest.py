"""Fixtures: AccountQueries over a fresh store, two owners' accounts, an agent, and marks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from application.trading.accounts import AccountQueries
from domain.agents.heartbeat import Agent
from domain.principals import Principal, Role
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, OrderStatus, Origin, OriginKind, Side

OWNER = Principal("u-1", Role.OWNER)
STRANGER = Principal("u-2", Role.OWNER)
OFFICER = Principal("ro-1", Role.RISK_OFFICER)
AGENT = Principal("agent-1", Role.AGENT)
ACCOUNT = "acc-1"  # OWNER's; AGENT trades it
SECOND = "acc-3"  # OWNER's too
OTHER = "acc-2"  # STRANGER's
CASH = Decimal(100_000)


@dataclass
class Queries:
    store: InMemoryStore
    clock: FakeClock
    market: InMemoryMarketData
    queries: AccountQueries
    _count: int = 0

    async def add_order(
        self,
        account_id: str = ACCOUNT,
        *,
        symbol: str = "AAPL",
        side: Side = Side.BUY,
        status: OrderStatus = OrderStatus.FILLED,
        origin: Origin | None = None,
        created_at: datetime | None = None,
        order_id: str | None = None,
    ) -> Order:
        self._count += 1
        order = Order(
            order_id or f"ord-{self._count:06d}",
            f"cl-{self._count}",
            account_id,
            symbol,
            side,
            Decimal(1),
            origin or Origin(OriginKind.USER, OWNER.id),
            created_at=created_at or self.clock.now(),
            status=status,
        )
        async with unit_of_work_factory(self.store)() as uow:
            await uow.orders.add(order)
            await uow.commit()
        return order


async def build_queries() -> Queries:
    """ACCOUNT and SECOND are OWNER's, OTHER is STRANGER's, each with CASH; AAPL 100, MSFT 250."""
    store, clock = InMemoryStore(), FakeClock()
    market = InMemoryMarketData(clock)
    async with unit_of_work_factory(store)() as uow:
        for account_id, owner in ((ACCOUNT, OWNER), (SECOND, OWNER), (OTHER, STRANGER)):
            await uow.accounts.add(
                Account(account_id, owner.id, CASH, start_of_day_equity=CASH, peak_equity=CASH)
            )
        for symbol in ("AAPL", "MSFT"):
            await uow.instruments.add(Instrument(symbol))
        await uow.agents.add(Agent(AGENT.id, OWNER.id, account_ids=(ACCOUNT,)))
        await uow.commit()
    market.set_price("AAPL", 100)
    market.set_price("MSFT", 250)
    queries = AccountQueries(unit_of_work_factory(store), market)
    return Queries(store, clock, market, queries)


@pytest.fixture
async def q() -> Queries:
    return await build_queries()


def later(clock: FakeClock, seconds: float = 1) -> datetime:
    clock.advance(timedelta(seconds=seconds))
    return clock.now()
