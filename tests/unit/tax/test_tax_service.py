"""TaxService.harvest with fakes: replacements from daily bars, pending orders, scoping."""

from __future__ import annotations

from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import numpy as np
import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.portfolios import InMemoryPortfolioStore
from application.portfolio.tax import TaxService
from application.portfolio.tax_harvesting import HarvestRequest
from domain.errors import NotFound
from domain.market_data.bars import Bar, Timeframe
from domain.portfolio.transactions import Transaction, TransactionKind
from domain.principals import Principal, Role
from domain.trading.orders import Side
from ports.market_data.marketdata import QuoteUnavailable
from ports.portfolio.portfolios import Portfolio, PortfolioAccount

D = Decimal
NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
ME = Principal("usr-me", Role.OWNER)


def _bars(symbol: str, returns: np.ndarray) -> list[Bar]:
    closes = 100.0 * np.exp(np.concatenate([[0.0], np.cumsum(returns)]))
    start = NOW - timedelta(days=len(closes))
    out = []
    for k, c in enumerate(closes):
        price = D(str(round(float(c), 6)))
        out.append(
            Bar(symbol, Timeframe.D1, start + timedelta(days=k), price, price, price, price, D(1))
        )
    return out


@dataclass
class FakeFeed:
    """reference_prices from a dict; bars from generated daily closes (unknown: raises)."""

    prices: dict[str, Decimal]
    series: dict[str, list[Bar]]
    name: str = "fake"

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]:
        return {s: self.prices[s] for s in symbols if s in self.prices}

    async def bars(self, symbol, timeframe, *, start=None, end=None, limit=500):  # type: ignore[no-untyped-def]
        if symbol not in self.series:
            raise QuoteUnavailable(symbol)
        return self.series[symbol][-limit:]


@dataclass
class FakeOrder:
    id: str
    account_id: str
    symbol: str
    side: Side
    is_open: bool = True


@dataclass
class FakeOrders:
    orders: list[FakeOrder] = field(default_factory=list)

    async def list(self, account_id=None, *, open_only=False, limit=100):  # type: ignore[no-untyped-def]
        return [o for o in self.orders if o.account_id == account_id and o.is_open]


def _uow_factory(orders: FakeOrders):  # type: ignore[no-untyped-def]
    @asynccontextmanager
    async def factory():  # type: ignore[no-untyped-def]
        yield type("Uow", (), {"orders": orders})()

    return factory


def _buy(tx_id: str, account: str, day: date, symbol: str, qty: str, price: str) -> Transaction:
    return Transaction(
        id=tx_id,
        portfolio_id="pf",
        account_id=account,
        kind=TransactionKind.BUY,
        trade_date=day,
        symbol=symbol,
        quantity=D(qty),
        price=D(price),
    )


async def _service(orders: FakeOrders | None = None) -> TaxService:
    store = InMemoryPortfolioStore()
    await store.add_portfolio(
        Portfolio(
            "pf",
            ME.id,
            "Main",
            "USD",
            NOW,
            (PortfolioAccount("brk", "Brokerage", kind="trading"),),
        )
    )
    await store.add_transactions(
        "pf",
        [
            _buy("t1", "brk", date(2025, 6, 2), "QQQ", "10", "500"),
            _buy("t2", "brk", date(2025, 6, 2), "ONEQ", "10", "80"),
        ],
    )
    rng = np.random.default_rng(7)
    base = rng.normal(0, 0.01, 300)
    feed = FakeFeed(
        prices={"QQQ": D(450), "ONEQ": D(70)},
        series={
            "QQQ": _bars("QQQ", base),
            "QQQM": _bars("QQQM", base + rng.normal(0, 0.0005, 300)),
            "ONEQ": _bars("ONEQ", base + rng.normal(0, 0.003, 300)),
            "XLE": _bars("XLE", rng.normal(0, 0.01, 300)),
        },
    )
    uow = _uow_factory(orders) if orders is not None else None
    return TaxService(store, feed, FakeClock(NOW), history=feed, uow_factory=uow)  # type: ignore[arg-type]


async def test_replacements_are_correlated_symbols_outside_the_identical_group() -> None:
    # Arrange: QQQM tracks QQQ almost exactly and is declared substantially identical
    service = await _service()
    request = HarvestRequest(universe=("QQQM", "XLE", "NOPE"), identical_groups=(("QQQ", "QQQM"),))

    # Act
    report = await service.harvest(ME, request)

    # Assert
    by_symbol = {c.lot.lot.symbol: c for c in report.candidates}
    assert [r.symbol for r in by_symbol["QQQ"].replacements] == ["ONEQ"]
    assert by_symbol["QQQ"].replacements[0].correlation >= 0.9
    assert by_symbol["QQQ"].replacements[0].observations == 252
    assert [r.symbol for r in by_symbol["ONEQ"].replacements] == ["QQQ", "QQQM"]
    assert report.no_history == ("NOPE",)


async def test_an_open_buy_order_blocks_the_symbol() -> None:
    # Arrange
    service = await _service(FakeOrders([FakeOrder("o1", "brk", "QQQ", Side.BUY)]))

    # Act
    report = await service.harvest(ME, HarvestRequest())

    # Assert
    assert [c.lot.lot.symbol for c in report.candidates] == ["ONEQ"]
    ((blocked, blocks),) = report.screening.blocked
    assert blocked.lot.symbol == "QQQ" and blocks[0].ref == "o1"


async def test_a_sell_order_blocks_nothing() -> None:
    # Arrange
    service = await _service(FakeOrders([FakeOrder("o1", "brk", "QQQ", Side.SELL)]))

    # Act
    report = await service.harvest(ME, HarvestRequest())

    # Assert
    assert {c.lot.lot.symbol for c in report.candidates} == {"QQQ", "ONEQ"}


async def test_someone_elses_portfolio_is_not_found() -> None:
    # Arrange
    service = await _service()

    # Act / Assert
    with pytest.raises(NotFound):
        await service.harvest(Principal("usr-other", Role.OWNER), HarvestRequest(portfolio_id="pf"))
