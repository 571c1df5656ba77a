"""The stored attribution's world for its tests: an in-memory ledger, instruments and bar
store, a clock, and helpers to book trades and write daily closes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import numpy as np

from adapters.memory.bar_store import InMemoryBarStore
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.marketdata import InMemoryMarketData
from adapters.memory.portfolios import InMemoryPortfolioStore
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from application.analytics.stored_attribution import StoredAttributionService
from application.core.stored_closes import midnight
from application.portfolio.portfolios import NewAccount, PortfolioService
from domain.market_data.bars import BarSeries, Timeframe
from domain.portfolio.transactions import Transaction, TransactionKind
from domain.principals import Principal, Role
from domain.trading.instruments import Instrument

OWNER = Principal("u-1", Role.OWNER)
STRANGER = Principal("u-2", Role.OWNER)


@dataclass
class World:
    service: StoredAttributionService
    ledger: PortfolioService
    bars: InMemoryBarStore
    store: InMemoryStore

    async def instrument(self, symbol: str, sector: str) -> None:
        async with unit_of_work_factory(self.store)() as uow:
            await uow.instruments.add(Instrument(symbol, sector=sector))
            await uow.commit()

    async def portfolio(self, owner: Principal = OWNER, name: str = "Family") -> tuple[str, str]:
        """A new USD portfolio of `owner` with one manual account: (portfolio id, account id)."""
        made = await self.ledger.create(owner, name, "USD")
        made = await self.ledger.add_account(owner, made.id, NewAccount("manual", name="Broker"))
        return made.id, made.accounts[0].id

    async def buy(
        self, portfolio: tuple[str, str], day: date, symbol: str, quantity: str, price: str = "1"
    ) -> None:
        pid, account = portfolio
        draft = Transaction(
            id="", portfolio_id="", account_id=account, kind=TransactionKind.BUY, trade_date=day,
            symbol=symbol, quantity=Decimal(quantity), price=Decimal(price),
        )  # fmt: skip
        await self.ledger.add_transaction(OWNER, pid, draft)

    async def closes(self, symbol: str, days: Sequence[date], closes: Sequence[float]) -> None:
        column = np.asarray(closes, dtype=np.float64)
        series = BarSeries(
            start=np.asarray([midnight(d).timestamp() for d in days], dtype=np.float64),
            open=column, high=column, low=column, close=column, volume=np.ones(len(column)),
        )  # fmt: skip
        await self.bars.write_series(symbol, Timeframe.D1, series)


def world(today: date) -> World:
    clock = FakeClock(datetime.combine(today, datetime.min.time(), UTC) + timedelta(hours=15))
    store = InMemoryStore()
    uow = unit_of_work_factory(store)
    ledger = PortfolioService(
        InMemoryPortfolioStore(), uow, clock, SequentialIds(), InMemoryMarketData(clock)
    )
    bars = InMemoryBarStore()
    service = StoredAttributionService(ledger, uow, lambda: bars, clock)
    return World(service, ledger, bars, store)


def every_day(first: date, count: int) -> list[date]:
    return [first + timedelta(days=i) for i in range(count)]
