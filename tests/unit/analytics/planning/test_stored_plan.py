"""StoredPlanReader over in-memory stores: the plan's left-out figures from the holdings, the
kept contributions and birth date, and a fit of the held securities' daily closes; a posted
figure always wins; too short a history names what is missing."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import numpy as np
import pytest

from adapters.memory.bar_store import InMemoryBarStore
from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData
from adapters.memory.retirement_plans import InMemoryRetirementPlanStore
from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
from application.portfolio.held_returns import FittedReturns, HeldReturnsFitter
from application.portfolio.household_holdings import HouseholdHoldingsReader
from application.portfolio.plan_request import PlanRequest
from application.portfolio.stored_plan import PlanningHistoryTooShort, StoredPlanReader
from domain.market_data.bars import Bar, Timeframe
from domain.retirement.contributions import AccountType
from domain.retirement.plans import Contribution, ContributionSource, RetirementPlan
from domain.trading.accounts import Account
from domain.trading.positions import Position

D = Decimal
NOW = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)
OWNER, OTHER = "u-1", "u-2"
UP, DOWN = 1.01, 0.995  # the closes alternate these daily moves


class World:
    def __init__(self) -> None:
        self.clock = FakeClock(NOW)
        self.state = InMemoryStore()
        self.market = InMemoryMarketData(self.clock)
        self.bars = InMemoryBarStore()
        self.plans = InMemoryRetirementPlanStore()
        uow = lambda: InMemoryUnitOfWork(self.state)  # noqa: E731
        household = HouseholdHoldingsReader(uow, self.market, self.clock)
        fitter = HeldReturnsFitter(uow, self.market, lambda: self.bars, self.clock)
        self.reader = StoredPlanReader(household, fitter, self.clock, plans=self.plans)

    async def account(self, account: Account) -> None:
        async with InMemoryUnitOfWork(self.state) as uow:
            await uow.accounts.add(account)
            await uow.commit()

    async def history(self, symbol: str, days: int) -> None:
        bars = []
        for k, close in enumerate(_closes(days)):
            start = NOW - timedelta(days=days - k)
            price = D(str(close))
            bars.append(Bar(symbol, Timeframe.D1, start, price, price, price, price, D(1000)))
        await self.bars.write(symbol, Timeframe.D1, bars)

    async def plan(self, owner: str, account_id: str, born: date, *amounts: str) -> None:
        await self.plans.put(
            RetirementPlan(account_id, owner, AccountType.IRA, born, None, False, (), None, None,
                           NOW, NOW)
        )  # fmt: skip
        for k, amount in enumerate(amounts):
            await self.plans.add_contribution(
                Contribution(f"{account_id}-c{k}", account_id, owner, 2025, D(amount),
                             ContributionSource.EMPLOYEE, date(2025, 6, 1), NOW)
            )  # fmt: skip


def _closes(days: int) -> list[float]:
    close, closes = 100.0, []
    for k in range(days):
        close *= UP if k % 2 else DOWN
        closes.append(round(close, 6))
    return closes


async def _held(world: World) -> None:
    world.market.set_price("VTI", D("250"))
    await world.account(
        Account("a-1", OWNER, D("10000.25"), positions={"VTI": Position("VTI", D("40"))})
    )


async def test_left_out_figures_come_from_what_is_stored_and_fitted() -> None:
    # Arrange
    world = World()
    await _held(world)
    await world.history("VTI", 300)
    await world.plan(OWNER, "a-ira", date(1980, 3, 10), "6000", "1200")
    await world.plan(OTHER, "b-ira", date(1950, 1, 1), "99999")

    # Act
    filled, stored = await world.reader.fill(
        OWNER, PlanRequest(retirement_age=65, from_holdings=True, horizon_months=600)
    )

    # Assert
    assert filled.initial_wealth == pytest.approx(20000.25)
    assert filled.monthly_contribution == pytest.approx(600.0)
    assert filled.retirement_month == 230  # 5 January 2026 to 10 March 2045: 230 whole months
    returns = np.diff(np.log(_closes(300)))
    sigma = float(np.std(returns, ddof=1)) * math.sqrt(252)
    assert isinstance(stored.fit, FittedReturns)
    assert filled.annual_volatility == pytest.approx(sigma, rel=1e-4)
    assert filled.annual_return == pytest.approx(
        math.expm1(252 * float(returns.mean()) + sigma**2 / 2), rel=1e-3
    )
    assert stored.fit.observations == 299 and stored.fit.symbols == ("VTI",)
    assert stored.sources == {
        "initial_wealth": "stored",
        "monthly_contribution": "stored",
        "retirement_month": "stored",
        "annual_return": "fitted",
        "annual_volatility": "fitted",
        "horizon_months": "posted",
    }


async def test_a_posted_figure_overrides_the_stored_and_fitted_one() -> None:
    # Arrange
    world = World()
    await _held(world)
    await world.history("VTI", 300)
    request = PlanRequest(
        initial_wealth=5.0, retirement_month=12, annual_return=0.04, annual_volatility=0.1,
        monthly_contribution=50.0, from_holdings=True,
    )  # fmt: skip

    # Act
    filled, stored = await world.reader.fill(OWNER, request)

    # Assert
    assert (filled.initial_wealth, filled.annual_return, filled.annual_volatility) == (
        5.0,
        0.04,
        0.1,
    )
    assert filled.monthly_contribution == 50.0 and filled.retirement_month == 12
    assert stored.fit is None
    assert set(stored.sources.values()) == {"posted"}
    assert stored.holdings.total == D("20000.25")


@pytest.mark.parametrize(
    ("days", "named"), [(0, "no stored daily bars for VTI"), (30, "29 daily returns")]
)
async def test_too_short_a_history_is_a_422_naming_what_is_missing(days: int, named: str) -> None:
    # Arrange
    world = World()
    await _held(world)
    if days:
        await world.history("VTI", days)

    # Act
    with pytest.raises(PlanningHistoryTooShort) as raised:
        await world.reader.fill(OWNER, PlanRequest(retirement_month=12, from_holdings=True))

    # Assert
    assert raised.value.code == "PLANNING_HISTORY_TOO_SHORT"
    assert named in str(raised.value) and "annual_return" in str(raised.value)


async def test_nothing_held_to_fit_is_named() -> None:
    # Arrange
    world = World()
    await world.account(Account("a-1", OWNER, D("100")))

    # Act
    with pytest.raises(PlanningHistoryTooShort, match="no priced securities held"):
        await world.reader.fill(OWNER, PlanRequest(retirement_month=12, from_holdings=True))
