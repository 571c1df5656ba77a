"""The US account rules on the order path, after the account's own gate approved an order:

- PATTERN_DAY_TRADER: a margin account under 25,000 of equity may not make a 4th day trade
  within five business days (domain/account_rules/pattern_day_trader.py);
- DAY_TRADING_BUYING_POWER: a pattern day trader's opening orders may not take the day's
  opening exposure past 4 x the maintenance excess of the previous close
  (domain/account_rules/buying_power.py);
- OPTIONS_LEVEL: an option order may not make a strategy above the account's approved level
  (domain/account_rules/options_level.py), when the account has one.

Only securities are judged (equities, options). What each needs is read only when it can
bind: the day trades for a closing order of a restricted account or an opening order of an
account designated a pattern day trader (the designation read once a day per account), the
options level for an option order. Working orders count as if filled, so two orders decided
one after the other cannot both use the last day trade or the last of the buying power.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from decimal import Decimal

from application.account_rules.history import SECURITIES, DayTradeHistory
from domain.account_rules.buying_power import (
    buying_power_denial,
    day_trading_buying_power,
    is_pattern_day_trader,
)
from domain.account_rules.day_trades import working_day_trades
from domain.account_rules.options_level import (
    opening_quantity,
    options_level_denial,
    required_level,
)
from domain.account_rules.pattern_day_trader import pattern_day_trade_denial, restricted
from domain.margin import MarginSchedule, assess_holdings
from domain.numbers import ZERO
from domain.risk.pricing import unit_price
from domain.risk.reasons import Outcome, ReasonCode
from domain.risk.verdicts import Verdict
from domain.risk.view import AccountRiskView
from domain.trading.accounts import Account
from domain.trading.instruments import AssetClass, Instrument
from domain.trading.orders import Order
from ports.account_rules.settings import AccountRuleSettingsStore
from ports.core.unit_of_work import UnitOfWork
from ports.market_data.marketdata import MarketDataPort

CONTROL = "AccountRules"


def _deny(code: ReasonCode, message: str) -> Verdict:
    return Verdict(code, Outcome.DENY, CONTROL, None, message)


@dataclass(eq=False)
class AccountRulesCheck:
    """Denies what the US account rules forbid (see the module docstring)."""

    settings: AccountRuleSettingsStore
    history: DayTradeHistory
    market: MarketDataPort
    schedule: MarginSchedule = field(default_factory=MarginSchedule)

    def serial(self, account_id: str) -> AbstractAsyncContextManager[None] | None:
        return None  # nothing of its own to serialize

    async def check(
        self,
        uow: UnitOfWork,
        account: Account,
        order: Order,
        view: AccountRiskView,
        quantity: Decimal,
        *,
        count: bool = True,
        revision: int | None = None,
    ) -> tuple[Verdict, ...]:
        instrument = view.instruments.get(order.symbol)
        if instrument is None or instrument.asset_class not in SECURITIES:
            return ()
        denials: list[Verdict] = []
        if instrument.asset_class is AssetClass.OPTION:
            denials += await self._options_level(account, order, view, quantity, instrument)
        if not account.cash_only:
            denials += await self._day_trading(uow, account, order, view, quantity, instrument)
        return tuple(denials)

    async def _options_level(
        self,
        account: Account,
        order: Order,
        view: AccountRiskView,
        quantity: Decimal,
        option: Instrument,
    ) -> list[Verdict]:
        settings = await self.settings.get(account.id)
        approved = None if settings is None else settings.options_level
        if approved is None:
            return []
        needed = required_level(
            option, order.side, quantity, view.positions, view.instruments, account.cash
        )
        why = options_level_denial(needed, approved)
        return [] if why is None else [_deny(ReasonCode.OPTIONS_LEVEL, why)]

    async def _day_trading(
        self,
        uow: UnitOfWork,
        account: Account,
        order: Order,
        view: AccountRiskView,
        quantity: Decimal,
        instrument: Instrument,
    ) -> list[Verdict]:
        denials: list[Verdict] = []
        position = view.positions.get(order.symbol, ZERO)
        opening = opening_quantity(position, order.side, quantity)
        if opening < quantity and restricted(margin=True, equity=view.equity):
            why = await self._pattern_day_trade(uow, account, order, view, quantity)
            if why is not None:
                denials.append(_deny(ReasonCode.PATTERN_DAY_TRADER, why))
        if opening > ZERO and is_pattern_day_trader(
            margin=True, day_trades_before_today=await self.history.before_today(uow, account, view)
        ):
            why = await self._buying_power(uow, account, order, view, opening, instrument)
            if why is not None:
                denials.append(_deny(ReasonCode.DAY_TRADING_BUYING_POWER, why))
        return denials

    async def _pattern_day_trade(
        self,
        uow: UnitOfWork,
        account: Account,
        order: Order,
        view: AccountRiskView,
        quantity: Decimal,
    ) -> str | None:
        tallied = await self.history.today(uow, account, view)
        working = [
            (o.symbol, (o.quantity - o.filled_quantity) * o.side.sign)
            for o in _working(account, order)
        ]
        pending, ahead = working_day_trades(tallied, view.positions, working)
        day = tallied.today_of(order.symbol, view.positions.get(order.symbol, ZERO))
        makes = day.closes_opened(quantity * order.side.sign, ahead.get(order.symbol, ZERO))
        day_trades = tallied.count(set(self.history.window(tallied.today))) + pending
        return pattern_day_trade_denial(
            margin=True, equity=view.equity, day_trades=day_trades, makes_day_trade=makes
        )

    async def _buying_power(
        self,
        uow: UnitOfWork,
        account: Account,
        order: Order,
        view: AccountRiskView,
        opening: Decimal,
        instrument: Instrument,
    ) -> str | None:
        tallied = await self.history.today(uow, account, view)
        held = tallied.held_at_start(view.positions)
        instruments, marks = await self._priced(uow, view, held)
        at_close = assess_holdings(account.id, ZERO, held, instruments, marks, self.schedule)
        power = day_trading_buying_power(view.start_of_day_equity, at_close.maintenance_requirement)
        used = tallied.opened_today_value + _working_opening_value(account, order, view)
        value = opening * unit_price(order, view.marks[order.symbol]) * instrument.multiplier
        return buying_power_denial(power, used, value)

    async def _priced(
        self, uow: UnitOfWork, view: AccountRiskView, held: dict[str, Decimal]
    ) -> tuple[dict[str, Instrument], dict[str, Decimal]]:
        """Instruments and marks of every position held at today's start: the view's, and for
        one closed since, the store's and the market's (none: the check fails closed)."""
        instruments = dict(view.instruments)
        marks = dict(view.marks)
        for symbol in held:
            if symbol not in instruments:
                found = await uow.instruments.get(symbol)
                if found is not None:
                    instruments[symbol] = found
        missing = [symbol for symbol in held if symbol not in marks]
        if missing:
            marks.update(await self.market.reference_prices(missing))
        return instruments, marks


def _working(account: Account, order: Order) -> list[Order]:
    """The account's other working orders, in the order they were accepted."""
    return [
        o
        for o in account.open_orders.values()
        if o.id != order.id and o.quantity > o.filled_quantity
    ]


def _working_opening_value(account: Account, order: Order, view: AccountRiskView) -> Decimal:
    """What the other working orders would open if they filled, valued as the gate values them."""
    total = ZERO
    for other in _working(account, order):
        symbol = other.symbol
        instrument = view.instruments.get(symbol)
        if instrument is None or instrument.asset_class not in SECURITIES:
            continue
        remaining = other.quantity - other.filled_quantity
        opening = opening_quantity(view.positions.get(symbol, ZERO), other.side, remaining)
        if opening:
            total += opening * unit_price(other, view.marks[symbol]) * instrument.multiplier
    return total
