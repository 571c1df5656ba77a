"""HeldReturnsFitter over in-memory stores: the plan's return and volatility fitted over every
security held with a market price history (trading accounts, ledger portfolios, linked
accounts), the same symbol summed across sources, another user's holdings never counted, and
a security without a price or stored bars left out and named.

Worked numbers: a symbol's closes alternate `low, high, low, ...` (301 closes, 300 daily log
returns of +-ln(high / low), mean 0). Symbols moving in step give the portfolio's daily log
return +-c with c = sum of weight x ln(high / low); its sample standard deviation over 300
returns is c sqrt(300 / 299), so sigma = c sqrt(300 / 299) sqrt(252) and the expected annual
return is exp(sigma^2 / 2) - 1."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from adapters.memory.aggregation import InMemoryAggregationStore
from adapters.memory.bar_store import InMemoryBarStore
from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData
from adapters.memory.portfolios import InMemoryPortfolioStore
from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
from application.portfolio.held_returns import (
    NO_BARS,
    UNPRICED,
    FittedReturns,
    FittedWeight,
    HeldReturnsFitter,
    LeftOutSecurity,
    NoFit,
)
from application.portfolio.household_holdings import LINKED_ACCOUNT, PORTFOLIO, TRADING_ACCOUNT
from domain.aggregation.model import AggregatedAccount, AggregatedHolding, LinkedItem
from domain.market_data.bars import Bar, Timeframe
from domain.portfolio.transactions import Transaction, TransactionKind
from domain.trading.accounts import Account
from domain.trading.positions import Position
from ports.portfolio.portfolios import Portfolio, PortfolioAccount

D = Decimal
NOW = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)
OWNER, OTHER = "u-1", "u-2"
RETURNS = 300
TRADED = date(2025, 3, 3)


def sigma_of(c: float) -> float:
    """The annual volatility of a portfolio whose daily log return alternates +-c."""
    return c * math.sqrt(RETURNS / (RETURNS - 1)) * math.sqrt(252)


class World:
    def __init__(self) -> None:
        self.clock = FakeClock(NOW)
        self.state = InMemoryStore()
        self.market = InMemoryMarketData(self.clock)
        self.bars = InMemoryBarStore()
        self.portfolios = InMemoryPortfolioStore()
        self.linked = InMemoryAggregationStore()
        self.fitter = HeldReturnsFitter(
            lambda: InMemoryUnitOfWork(self.state), self.market, lambda: self.bars, self.clock,
            portfolios=self.portfolios, linked=self.linked,
        )  # fmt: skip
        self._tx = 0

    async def history(self, symbol: str, low: str, high: str) -> None:
        """301 daily closes alternating low, high, ..., low."""
        bars = []
        for k in range(RETURNS + 1):
            start = NOW - timedelta(days=RETURNS + 1 - k)
            price = D(high if k % 2 else low)
            bars.append(Bar(symbol, Timeframe.D1, start, price, price, price, price, D(1000)))
        await self.bars.write(symbol, Timeframe.D1, bars)

    async def trading(self, owner: str, account_id: str, **held: str) -> None:
        positions = {s: Position(s, D(q)) for s, q in held.items()}
        async with InMemoryUnitOfWork(self.state) as uow:
            await uow.accounts.add(Account(account_id, owner, D("1000"), positions=positions))
            await uow.commit()

    async def ledger(
        self, owner: str, portfolio_id: str, account: PortfolioAccount, *trades: tuple[str, str]
    ) -> None:
        """A portfolio holding `account`; each trade (symbol, signed shares) booked in it."""
        await self.portfolios.add_portfolio(
            Portfolio(portfolio_id, owner, "Family", "USD", NOW, (account,))
        )
        rows = []
        for symbol, shares in trades:
            self._tx += 1
            kind = TransactionKind.SELL if shares.startswith("-") else TransactionKind.BUY
            rows.append(
                Transaction(
                    f"t-{self._tx:04d}", portfolio_id, account.id, kind, TRADED,
                    symbol=symbol, quantity=abs(D(shares)), price=D("10"),
                )
            )  # fmt: skip
        await self.portfolios.add_transactions(portfolio_id, rows)

    async def plaid(self, owner: str, item_id: str, *held: AggregatedHolding) -> None:
        await self.linked.add_item(
            LinkedItem(item_id, owner, f"prov-{item_id}", None, "Broker", "sealed", NOW)
        )
        await self.linked.replace_accounts(
            item_id,
            [
                AggregatedAccount(
                    f"agg_{item_id}", item_id, owner, f"pa-{item_id}", "401k", None,
                    "investment", "401k", D("0"), "USD",
                )
            ],
        )  # fmt: skip
        await self.linked.replace_holdings(item_id, list(held))


def holding(
    item_id: str, symbol: str | None, quantity: str, security_type: str = "etf"
) -> AggregatedHolding:
    return AggregatedHolding(
        f"agg_{item_id}", f"sec-{symbol}-{quantity}", symbol, None, security_type, D(quantity),
        None, D("1"), D(quantity), "USD", NOW.date(),
    )  # fmt: skip


def manual(account_id: str) -> PortfolioAccount:
    return PortfolioAccount(account_id, "Brokerage elsewhere")


async def test_a_ledger_only_owner_gets_a_fit_of_the_folded_holdings() -> None:
    # Arrange: 12 VTI bought, 2 sold: 10 held at 250 = 2500.
    world = World()
    world.market.set_price("VTI", D("250"))
    await world.ledger(OWNER, "p-1", manual("m-1"), ("VTI", "12"), ("VTI", "-2"))
    await world.history("VTI", "100", "101")

    # Act
    fit = await world.fitter.fit(OWNER)

    # Assert
    assert isinstance(fit, FittedReturns)
    assert fit.weights == (FittedWeight("VTI", D("2500"), D("1"), (PORTFOLIO,)),)
    assert fit.held_in == (PORTFOLIO,) and fit.symbols == ("VTI",) and fit.left_out == ()
    sigma = sigma_of(math.log(1.01))
    assert fit.annual_volatility == pytest.approx(sigma, rel=1e-9)
    assert fit.annual_return == pytest.approx(math.expm1(sigma**2 / 2), rel=1e-6)
    assert fit.observations == RETURNS
    assert (fit.first_day, fit.last_day) == (date(2025, 3, 10), date(2026, 1, 4))


async def test_a_plaid_only_owner_gets_a_fit_of_the_ticker_holdings() -> None:
    # Arrange: 4 vti (1000 at 250); cash and a plan fund without a ticker have no closes.
    world = World()
    world.market.set_price("VTI", D("250"))
    await world.plaid(
        OWNER, "i-1",
        holding("i-1", "vti", "4"),
        holding("i-1", "CUR:USD", "5000", "cash"),
        holding("i-1", None, "70", "mutual fund"),
    )  # fmt: skip
    await world.history("VTI", "100", "101")

    # Act
    fit = await world.fitter.fit(OWNER)

    # Assert
    assert isinstance(fit, FittedReturns)
    assert fit.weights == (FittedWeight("VTI", D("1000"), D("1"), (LINKED_ACCOUNT,)),)
    assert fit.held_in == (LINKED_ACCOUNT,) and fit.left_out == ()
    assert fit.annual_volatility == pytest.approx(sigma_of(math.log(1.01)), rel=1e-9)


async def test_one_symbol_held_in_every_source_is_summed_into_one_weight() -> None:
    # Arrange: VTI at 250: 40 traded (10000) + 10 in the ledger (2500) + 4 linked (1000)
    # = 13500; BND at 81.25: 80 traded = 6500; total 20000: weights 0.675 and 0.325.
    world = World()
    world.market.set_price("VTI", D("250"))
    world.market.set_price("BND", D("81.25"))
    await world.trading(OWNER, "a-1", VTI="40", BND="80")
    await world.ledger(OWNER, "p-1", manual("m-1"), ("VTI", "10"))
    await world.plaid(OWNER, "i-1", holding("i-1", "VTI", "4"))
    await world.history("VTI", "100", "101")
    await world.history("BND", "50", "51")

    # Act
    fit = await world.fitter.fit(OWNER)

    # Assert
    assert isinstance(fit, FittedReturns)
    assert fit.weights == (
        FittedWeight("BND", D("6500"), D("0.325"), (TRADING_ACCOUNT,)),
        FittedWeight("VTI", D("13500"), D("0.675"), (TRADING_ACCOUNT, PORTFOLIO, LINKED_ACCOUNT)),
    )
    assert fit.held_in == (TRADING_ACCOUNT, PORTFOLIO, LINKED_ACCOUNT)
    assert fit.source.endswith("; held in trading accounts, ledger portfolios and linked accounts")
    c = 0.675 * math.log(1.01) + 0.325 * math.log(1.02)
    assert fit.annual_volatility == pytest.approx(sigma_of(c), rel=1e-9)
    assert fit.annual_return == pytest.approx(math.expm1(sigma_of(c) ** 2 / 2), rel=1e-6)


async def test_a_trading_account_booked_in_the_ledger_counts_once() -> None:
    # Arrange: a-1's 40 VTI fills are booked in its portfolio too; m-1 adds 10: 50 x 250.
    world = World()
    world.market.set_price("VTI", D("250"))
    await world.trading(OWNER, "a-1", VTI="40")
    await world.ledger(OWNER, "p-1", PortfolioAccount("a-1", "Bulwark", "trading"), ("VTI", "40"))
    await world.ledger(OWNER, "p-2", manual("m-1"), ("VTI", "10"))
    await world.history("VTI", "100", "101")

    # Act
    fit = await world.fitter.fit(OWNER)

    # Assert
    assert isinstance(fit, FittedReturns)
    assert fit.weights == (FittedWeight("VTI", D("12500"), D("1"), (TRADING_ACCOUNT, PORTFOLIO)),)


async def test_another_users_ledger_and_linked_holdings_are_not_counted() -> None:
    # Arrange: the other user holds BND (no bars: it would be named if it were counted).
    world = World()
    world.market.set_price("VTI", D("250"))
    world.market.set_price("BND", D("80"))
    await world.ledger(OWNER, "p-1", manual("m-1"), ("VTI", "10"))
    await world.ledger(OTHER, "p-2", manual("m-2"), ("BND", "1000"), ("VTI", "30"))
    await world.plaid(OTHER, "i-2", holding("i-2", "BND", "500"), holding("i-2", "VTI", "7"))
    await world.trading(OTHER, "b-1", BND="9")
    await world.history("VTI", "100", "101")

    # Act
    fit = await world.fitter.fit(OWNER)

    # Assert
    assert isinstance(fit, FittedReturns)
    assert fit.weights == (FittedWeight("VTI", D("2500"), D("1"), (PORTFOLIO,)),)
    assert fit.left_out == () and fit.held_in == (PORTFOLIO,)


async def test_a_security_without_bars_or_price_is_left_out_and_named_with_its_source() -> None:
    # Arrange: VTI traded (10 x 250) has bars; QQQ in the ledger is priced without bars;
    # XYZ linked has no reference price.
    world = World()
    world.market.set_price("VTI", D("250"))
    world.market.set_price("QQQ", D("500"))
    await world.trading(OWNER, "a-1", VTI="10")
    await world.ledger(OWNER, "p-1", manual("m-1"), ("QQQ", "3"))
    await world.plaid(OWNER, "i-1", holding("i-1", "XYZ", "8"))
    await world.history("VTI", "100", "101")

    # Act
    fit = await world.fitter.fit(OWNER)

    # Assert
    assert isinstance(fit, FittedReturns)
    assert fit.weights == (FittedWeight("VTI", D("2500"), D("1"), (TRADING_ACCOUNT,)),)
    assert fit.left_out == (
        LeftOutSecurity("QQQ", NO_BARS, (PORTFOLIO,)),
        LeftOutSecurity("XYZ", UNPRICED, (LINKED_ACCOUNT,)),
    )
    assert fit.held_in == (TRADING_ACCOUNT,) and fit.symbols == ("VTI",)
    assert fit.source.endswith(
        "; held in trading accounts; left out: no stored daily bars for QQQ (ledger "
        "portfolios); no reference price for XYZ (linked accounts)"
    )


async def test_nothing_with_bars_is_no_fit_naming_each_security() -> None:
    # Arrange
    world = World()
    world.market.set_price("QQQ", D("500"))
    await world.ledger(OWNER, "p-1", manual("m-1"), ("QQQ", "3"))
    await world.plaid(OWNER, "i-1", holding("i-1", "XYZ", "8"))

    # Act
    fit = await world.fitter.fit(OWNER)

    # Assert
    assert isinstance(fit, NoFit)
    assert fit.reason == (
        "no stored daily bars for QQQ (ledger portfolios); "
        "no reference price for XYZ (linked accounts)"
    )
    assert [x.symbol for x in fit.left_out] == ["QQQ", "XYZ"]


async def test_nothing_held_is_no_fit() -> None:
    # Arrange: cash only.
    world = World()
    await world.trading(OWNER, "a-1")
    await world.plaid(OWNER, "i-1", holding("i-1", "CUR:USD", "100", "cash"))

    # Act
    fit = await world.fitter.fit(OWNER)

    # Assert
    assert isinstance(fit, NoFit) and fit.left_out == ()
    assert fit.reason.startswith("no priced securities held")
