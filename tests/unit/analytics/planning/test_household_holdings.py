"""HouseholdHoldingsReader over in-memory stores: every source summed to the cent, each part
named with its source and as-of date, what is left out and why, and only the owner's."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.memory.aggregation import InMemoryAggregationStore
from adapters.memory.clock import FakeClock
from adapters.memory.illiquid import InMemoryIlliquidAssetStore
from adapters.memory.marketdata import InMemoryMarketData
from adapters.memory.portfolios import InMemoryPortfolioStore
from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
from application.portfolio.household_holdings import (
    ILLIQUID_ASSET,
    LINKED_ACCOUNT,
    PORTFOLIO,
    TRADING_ACCOUNT,
    HouseholdHoldingsReader,
    LeftOutHolding,
)
from domain.aggregation.model import AggregatedAccount, LinkedItem
from domain.portfolio.illiquid import IlliquidAsset, IlliquidKind, Valuation, ValuationMethod
from domain.trading.accounts import Account
from domain.trading.positions import Position
from ports.portfolio.portfolios import Portfolio, PortfolioAccount, ValuationPoint

D = Decimal
NOW = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)
OWNER, OTHER = "u-1", "u-2"


class Household:
    def __init__(self) -> None:
        self.clock = FakeClock(NOW)
        self.state = InMemoryStore()
        self.market = InMemoryMarketData(self.clock)
        self.portfolios = InMemoryPortfolioStore()
        self.illiquid = InMemoryIlliquidAssetStore()
        self.linked = InMemoryAggregationStore()
        self.reader = HouseholdHoldingsReader(
            lambda: InMemoryUnitOfWork(self.state),
            self.market,
            self.clock,
            portfolios=self.portfolios,
            illiquid=self.illiquid,
            linked=self.linked,
        )

    async def account(self, account: Account) -> None:
        async with InMemoryUnitOfWork(self.state) as uow:
            await uow.accounts.add(account)
            await uow.commit()

    async def portfolio(
        self, pid: str, owner: str, value: D, day: date, *accounts: PortfolioAccount
    ) -> None:
        await self.portfolios.add_portfolio(Portfolio(pid, owner, pid, "USD", NOW, accounts))
        await self.portfolios.put_valuations([ValuationPoint(pid, day, value, D(0), "USD")])

    async def asset(self, aid: str, owner: str, value: D | None, currency: str = "USD") -> None:
        await self.illiquid.add_asset(
            IlliquidAsset(
                aid, "p-x", owner, aid, IlliquidKind.REAL_ESTATE, currency, date(2020, 1, 1),
                D("100000"), NOW,
            )
        )  # fmt: skip
        if value is not None:
            await self.illiquid.add_valuation(
                Valuation(aid, date(2025, 12, 31), value, ValuationMethod.APPRAISAL, NOW)
            )

    async def linked_account(
        self, iid: str, owner: str, aid: str, balance: D | None, kind: str = "depository"
    ) -> None:
        synced = datetime(2026, 1, 4, 8, 0, tzinfo=UTC)
        if await self.linked.get_item(iid, owner) is None:
            await self.linked.add_item(
                LinkedItem(iid, owner, f"prov-{iid}", None, "Bank", "sealed", NOW,
                           last_synced_at=synced)
            )  # fmt: skip
        account = AggregatedAccount(
            aid, iid, owner, f"pa-{aid}", aid, None, kind, None, balance, "USD"
        )
        known = await self.linked.accounts_of(owner, iid)
        await self.linked.replace_accounts(iid, [*known, account])


async def _worked_example(home: Household) -> None:
    home.market.set_price("AAPL", D("187.33"))
    await home.account(Account("a-1", OWNER, D("1000.10")))
    await home.account(
        Account("a-2", OWNER, D("250.05"), positions={"AAPL": Position("AAPL", D("3"))})
    )
    await home.portfolio("p-1", OWNER, D("42000.42"), date(2026, 1, 2))
    await home.asset("i-1", OWNER, D("310000.00"))
    await home.linked_account("item-1", OWNER, "pl-1", D("1234.56"))


async def test_the_worked_example_sums_every_source_to_the_cent() -> None:
    # Arrange
    home = Household()
    await _worked_example(home)

    # Act
    held = await home.reader.read(OWNER, "USD")

    # Assert: 1000.10 + (250.05 + 3 x 187.33) + 42000.42 + 310000.00 + 1234.56
    assert held.total == D("355047.12")
    assert held.total_of(TRADING_ACCOUNT) == D("1812.14")
    by_id = {p.id: p for p in held.parts}
    assert {p.source for p in held.parts} == {
        TRADING_ACCOUNT, PORTFOLIO, ILLIQUID_ASSET, LINKED_ACCOUNT,
    }  # fmt: skip
    assert by_id["p-1"].as_of == date(2026, 1, 2)
    assert by_id["i-1"].as_of == date(2025, 12, 31)
    assert by_id["pl-1"].as_of == date(2026, 1, 4)
    assert by_id["a-1"].as_of == NOW.date()
    assert held.left_out == ()


async def test_another_users_holdings_are_never_counted() -> None:
    # Arrange
    home = Household()
    await _worked_example(home)
    home.market.set_price("MSFT", D("400"))
    await home.account(
        Account("b-1", OTHER, D("9999"), positions={"MSFT": Position("MSFT", D("2"))})
    )
    await home.portfolio("p-9", OTHER, D("77777"), date(2026, 1, 2))
    await home.asset("i-9", OTHER, D("500000"))
    await home.linked_account("item-9", OTHER, "pl-9", D("8888"))

    # Act
    mine = await home.reader.read(OWNER, "USD")
    theirs = await home.reader.read(OTHER, "USD")

    # Assert
    assert mine.total == D("355047.12")
    assert {p.id for p in mine.parts} == {"a-1", "a-2", "p-1", "i-1", "pl-1"}
    assert {p.id for p in theirs.parts} == {"b-1", "p-9", "i-9", "pl-9"}
    assert theirs.total == D("9999") + D("800") + D("77777") + D("500000") + D("8888")


async def test_what_cannot_be_counted_is_left_out_with_its_reason() -> None:
    # Arrange
    home = Household()
    await home.account(Account("a-eur", OWNER, D("10"), currency="EUR"))
    await home.account(Account("a-zzz", OWNER, D("1"), positions={"ZZZ": Position("ZZZ", D("1"))}))
    await home.portfolios.add_portfolio(Portfolio("p-new", OWNER, "new", "USD", NOW))
    await home.asset("i-none", OWNER, None)
    await home.asset("i-gbp", OWNER, D("5"), currency="GBP")
    await home.linked_account("item-1", OWNER, "pl-none", None)

    # Act
    held = await home.reader.read(OWNER, "USD")

    # Assert
    assert held.parts == ()
    assert set(held.left_out) == {
        LeftOutHolding(TRADING_ACCOUNT, "a-eur", "CURRENCY"),
        LeftOutHolding(TRADING_ACCOUNT, "a-zzz", "UNPRICED"),
        LeftOutHolding(PORTFOLIO, "p-new", "NO_VALUATION"),
        LeftOutHolding(ILLIQUID_ASSET, "i-none", "NO_VALUATION"),
        LeftOutHolding(ILLIQUID_ASSET, "i-gbp", "CURRENCY"),
        LeftOutHolding(LINKED_ACCOUNT, "pl-none", "NO_BALANCE"),
    }


async def test_a_trading_account_in_a_counted_portfolio_is_counted_once_there() -> None:
    # Arrange
    home = Household()
    await home.account(Account("a-1", OWNER, D("1000")))
    held_there = PortfolioAccount("a-1", "brokerage", kind="trading")
    await home.portfolio("p-1", OWNER, D("1000"), date(2026, 1, 2), held_there)

    # Act
    held = await home.reader.read(OWNER, "USD")

    # Assert
    assert held.total == D("1000")
    assert [p.source for p in held.parts] == [PORTFOLIO]
    assert held.left_out == (LeftOutHolding(TRADING_ACCOUNT, "a-1", "IN_PORTFOLIO"),)


async def test_a_linked_credit_card_counts_as_a_debt() -> None:
    # Arrange
    home = Household()
    await home.linked_account("item-1", OWNER, "checking", D("5000.00"))
    await home.linked_account("item-1", OWNER, "card", D("1200.50"), kind="credit")

    # Act
    held = await home.reader.read(OWNER, "USD")

    # Assert
    assert held.total == D("3799.50")


@settings(max_examples=25, deadline=None)
@given(st.lists(st.decimals(min_value=0, max_value=10**9, places=2), min_size=1, max_size=6))
async def test_the_total_is_the_sum_of_the_parts(balances: list[Decimal]) -> None:
    # Arrange
    home = Household()
    for i, balance in enumerate(balances):
        await home.account(Account(f"a-{i}", OWNER, balance))

    # Act
    held = await home.reader.read(OWNER, "USD")

    # Assert
    assert held.total == sum(balances, D(0))
    assert len(held.parts) == len(balances)
