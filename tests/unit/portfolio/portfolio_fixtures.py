"""Builders for the portfolio use-case tests: the service over the embedded core and an
in-memory ledger, and transaction drafts."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.portfolios import InMemoryPortfolioStore
from application.portfolio.portfolios import NewAccount, PortfolioService
from application.portfolio.transaction_import import ImportContext
from bootstrap.embedded import Embedded
from bootstrap.portfolios import CSV_PARSER
from domain.portfolio.transactions import Transaction, TransactionKind
from domain.principals import Principal
from ports.portfolio.portfolios import Portfolio

TODAY = date(2026, 3, 31)


def import_context(booked: frozenset[str] = frozenset()) -> ImportContext:
    """An import into portfolio pf-1 (USD) on TODAY: accounts ma-1 (also named "Brokerage") and
    ma-2, `booked` the references already in the ledger, new ids tx-0001, tx-0002, …"""
    counter = itertools.count(1)
    return ImportContext(
        portfolio_id="pf-1",
        base_currency="USD",
        accounts={"ma-1": "ma-1", "Brokerage": "ma-1", "ma-2": "ma-2"},
        booked_references=booked,
        today=TODAY,
        new_id=lambda: f"tx-{next(counter):04d}",
    )


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
