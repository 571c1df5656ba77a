"""Builders for the portfolio use-case tests: the service over the embedded core and an
in-memory ledger, and transaction drafts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.portfolios import InMemoryPortfolioStore
from application.portfolio.portfolios import NewAccount, PortfolioService
from bootstrap.embedded import Embedded
from bootstrap.portfolios import CSV_PARSER
from domain.portfolio.transactions import Transaction, TransactionKind
from domain.principals import Principal
from ports.portfolio.portfolios import Portfolio

TODAY = date(2026, 3, 31)


@dataclass
class World:
    service: PortfolioService
    store: InMemoryPortfolioStore
    clock: FakeClock


def world(e: Embedded, store: InMemoryPortfolioStore | None = None) -> World:
    clock = FakeClock(datetime(2026, 3, 31, 15, 0, tzinfo=UTC))
    store = store or InMemoryPortfolioStore()
    service = PortfolioService(
        store, e.uow, clock, SequentialIds(), e.market, csv_parser=CSV_PARSER
    )
    return World(service, store, clock)


async def portfolio_with_manual(w: World, owner: Principal, name: str = "Brokerage") -> Portfolio:
    made = await w.service.create(owner, "Family", "USD")
    return await w.service.add_account(owner, made.id, NewAccount("manual", name=name))


def draft(kind: TransactionKind, day: date, account_id: str, **fields: Any) -> Transaction:
    """A transaction as a client sends it (id and portfolio set by the service)."""
    for name in ("quantity", "price", "amount", "fees", "split_ratio"):
        if name in fields and fields[name] is not None:
            fields[name] = Decimal(str(fields[name]))
    return Transaction(
        id="", portfolio_id="", account_id=account_id, kind=kind, trade_date=day, **fields
    )
