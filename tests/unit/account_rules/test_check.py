"""The account rules on the order path, over the in-memory store and New York's calendar:
the five business days counted across Thanksgiving, working orders counted, a cash account
left alone, day-trading buying power to the cent, the options level read per account."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal

from adapters.calendars.exchange import ExchangeCalendarSessions
from adapters.memory.account_rules import InMemoryAccountRuleSettingsStore
from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData
from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
from application.account_rules.business_days import BusinessDays
from application.account_rules.check import AccountRulesCheck
from application.account_rules.history import DayTradeHistory
from domain.account_rules.options_level import OptionsLevel
from domain.account_rules.settings import AccountRuleSettings
from domain.risk.reasons import ReasonCode
from domain.trading.account_profile import TradingType
from domain.trading.accounts import Account
from domain.trading.fills import Fill
from domain.trading.instruments import AssetClass, Instrument, OptionRight
from domain.trading.orders import Order
from tests.kit.gate import ACCOUNT_ID, BUY, SELL, account, instruments, order, resting, view

D = Decimal
# Monday 30 November 2026, 10:00 in New York; Thursday the 26th was Thanksgiving.
NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
CALL = Instrument(
    "AAPL-C-200", asset_class=AssetClass.OPTION, multiplier=D(100), underlying="AAPL",
    strike=D(200), expiry=date(2027, 3, 19), right=OptionRight.CALL,
)  # fmt: skip


class Desk:
    """The check over one in-memory store, the day-trade history kept between orders."""

    def __init__(self) -> None:
        self.store = InMemoryStore()
        self.settings = InMemoryAccountRuleSettingsStore()
        clock = FakeClock(NOW)
        days = BusinessDays(ExchangeCalendarSessions(clock))
        self.check = AccountRulesCheck(
            self.settings, DayTradeHistory(days), InMemoryMarketData(clock)
        )
        self.fills = 0

    async def book(self, day: int, qty: int, price: str = "100", symbol: str = "AAPL") -> None:
        """A fill of AAPL at 10:00 New York time on `day` November, its own order."""
        self.fills += 1
        at = datetime.combine(date(2026, 11, day), time(15, 0), UTC)
        side = BUY if qty > 0 else SELL
        fill = Fill(
            f"f{self.fills}", f"o{self.fills}", ACCOUNT_ID, symbol, side, D(abs(qty)), D(price), at
        )
        async with InMemoryUnitOfWork(self.store) as uow:
            await uow.fills.add(fill)
            await uow.commit()

    async def day_trades(self, *days: int) -> None:
        for day in days:
            await self.book(day, 10)
            await self.book(day, -10)

    async def codes(
        self, acct: Account, new: Order, prices: dict[str, Decimal] | None = None
    ) -> list[ReasonCode]:
        universe = instruments(CALL)
        marks = {"AAPL": D(100), "MSFT": D(200), "XOM": D(50), "GME": D(20), CALL.symbol: D(5)}
        marks.update(prices or {})
        risk_view = view(acct, marks, universe=universe, now=NOW)
        async with InMemoryUnitOfWork(self.store) as uow:
            verdicts = await self.check.check(uow, acct, new, risk_view, new.quantity)
        return [v.code for v in verdicts]


def small(
    *positions: tuple[str, int], cash: int = 10_000, open_orders: tuple[Order, ...] = ()
) -> Account:
    return account(cash, *positions, open_orders=open_orders)


async def test_the_window_reaches_back_over_the_holiday_to_the_monday_before() -> None:
    # Arrange: day trades on Monday 23, Tuesday 24 and Wednesday 25 (five business days back
    # from Monday 30, Thanksgiving not among them); 10 AAPL bought this morning
    desk = Desk()
    await desk.day_trades(23, 24, 25)
    await desk.book(30, 10)

    # Act
    codes = await desk.codes(small(("AAPL", 10)), order("AAPL", SELL, 10))

    # Assert
    assert codes == [ReasonCode.PATTERN_DAY_TRADER]


async def test_the_sixth_business_day_back_falls_out() -> None:
    # Arrange: day trades on Friday 20 (the sixth business day back), 23 and 24
    desk = Desk()
    await desk.day_trades(20, 23, 24)
    await desk.book(30, 10)

    # Act
    codes = await desk.codes(small(("AAPL", 10)), order("AAPL", SELL, 10))

    # Assert
    assert codes == []


async def test_equity_of_25000_may_day_trade_again() -> None:
    # Arrange: three day trades; 10 AAPL at 100 bought today on 24,000 of cash: 25,000
    desk = Desk()
    await desk.day_trades(23, 24, 25)
    await desk.book(30, 10)

    # Act
    at_25000 = await desk.codes(small(("AAPL", 10), cash=24_000), order("AAPL", SELL, 10))
    under = await desk.codes(
        small(("AAPL", 10), cash=24_000), order("AAPL", SELL, 10), {"AAPL": D("99.999")}
    )

    # Assert
    assert at_25000 == []
    assert under == [ReasonCode.PATTERN_DAY_TRADER]


async def test_a_cash_account_is_not_restricted() -> None:
    # Arrange
    desk = Desk()
    await desk.day_trades(23, 24, 25)
    await desk.book(30, 10)
    cash_account = small(("AAPL", 10))
    cash_account.trading_type = TradingType.CASH

    # Act
    codes = await desk.codes(cash_account, order("AAPL", SELL, 10))

    # Assert
    assert codes == []


async def test_a_working_order_that_will_day_trade_uses_the_third() -> None:
    # Arrange: two day trades; 10 AAPL and 10 MSFT bought today; a working sale of the MSFT
    desk = Desk()
    await desk.day_trades(24, 25)
    await desk.book(30, 10)
    await desk.book(30, 10, "200", "MSFT")
    working = resting("MSFT", SELL, 10, limit=250, order_id="w-1")
    acct = small(("AAPL", 10), ("MSFT", 10), open_orders=(working,))

    # Act
    codes = await desk.codes(acct, order("AAPL", SELL, 10))

    # Assert
    assert codes == [ReasonCode.PATTERN_DAY_TRADER]


async def test_selling_what_was_held_overnight_is_no_day_trade() -> None:
    # Arrange: three day trades; 10 AAPL held from before today
    desk = Desk()
    await desk.day_trades(23, 24, 25)

    # Act
    codes = await desk.codes(small(("AAPL", 10)), order("AAPL", SELL, 10))

    # Assert
    assert codes == []


async def pattern_day_trader(desk: Desk) -> Account:
    """Four day trades on Wednesday 25: a pattern day trader on Monday 30, holding 100 MSFT
    at 200 overnight (5,000 of maintenance) on 50,000 of equity at the previous close: 180,000
    of day-trading buying power; 179,900 of it opened this morning (1,799 AAPL at 100, sold)."""
    await desk.day_trades(25, 25, 25, 25)
    await desk.book(30, 1799)
    await desk.book(30, -1799)
    acct = account(30_000, ("MSFT", 100), start_of_day=50_000)
    return acct


async def test_a_pattern_day_trader_may_open_exactly_its_buying_power_not_a_cent_more() -> None:
    # Arrange
    desk = Desk()
    acct = await pattern_day_trader(desk)

    # Act
    at = await desk.codes(acct, order("AAPL", BUY, 1, limit="100"))
    over = await desk.codes(acct, order("AAPL", BUY, 1, limit="100.01"))
    closing = await desk.codes(acct, order("MSFT", SELL, 100))

    # Assert
    assert at == []
    assert over == [ReasonCode.DAY_TRADING_BUYING_POWER]
    assert closing == []


async def test_three_day_trades_before_today_make_no_pattern_day_trader() -> None:
    # Arrange
    desk = Desk()
    await desk.day_trades(25, 25, 25)
    acct = account(30_000, start_of_day=30_000)

    # Act
    codes = await desk.codes(acct, order("AAPL", BUY, 10_000))

    # Assert
    assert codes == []


async def test_the_options_level_is_read_per_account() -> None:
    # Arrange
    desk = Desk()
    acct = account(100_000)

    # Act
    unset = await desk.codes(acct, order(CALL.symbol, BUY, 1))
    await desk.settings.put(AccountRuleSettings(ACCOUNT_ID, OptionsLevel.COVERED))
    level_1 = await desk.codes(acct, order(CALL.symbol, BUY, 1))
    await desk.settings.put(AccountRuleSettings(ACCOUNT_ID, OptionsLevel.LONG))
    level_2 = await desk.codes(acct, order(CALL.symbol, BUY, 1))

    # Assert
    assert unset == []
    assert level_1 == [ReasonCode.OPTIONS_LEVEL]
    assert level_2 == []
