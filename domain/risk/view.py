"""A pre-trade snapshot of one account, computed once and read by every control."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from domain.killswitch.state import TradingState
from domain.numbers import ONE, ZERO
from domain.risk.flow import OrderFlow
from domain.risk.pricing import unit_price
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, OrderType, Side

# Enum members bound once: a class attribute lookup costs ~100 ns on the hot path.
_BUY = Side.BUY
_SELL = Side.SELL


DEFAULT_INITIAL_RATE = Decimal("0.5")
UNCLASSIFIED = "UNCLASSIFIED"


@dataclass(slots=True)
class AccountRiskView:
    """Everything the gate reads about an account, with open orders already counted."""

    account_id: str
    now: datetime
    now_ts: float  # now as epoch seconds, computed once
    trading_state: TradingState | None
    equity: Decimal
    start_of_day_equity: Decimal
    peak_equity: Decimal
    instruments: Mapping[str, Instrument]
    marks: Mapping[str, Decimal]
    positions: dict[str, Decimal] = field(default_factory=dict)
    gross_exposure: Decimal = ZERO
    net_exposure: Decimal = ZERO
    open_gross: Decimal = ZERO
    open_net: Decimal = ZERO
    open_buy_qty: dict[str, Decimal] = field(default_factory=dict)
    open_sell_qty: dict[str, Decimal] = field(default_factory=dict)
    open_order_count: int = 0
    sector_exposure: dict[str, Decimal] = field(default_factory=dict)
    initial_requirement: Decimal = ZERO
    total_gross: Decimal = ZERO  # positions + open orders
    total_net: Decimal = ZERO  # positions + open orders, signed
    day_loss: Decimal = ZERO  # start-of-day equity - equity (positive when losing)
    drawdown_amount: Decimal = ZERO  # peak equity - equity (positive below the peak)
    available_margin: Decimal = ZERO  # equity - initial requirement
    best_own_bid: dict[str, Decimal] = field(default_factory=dict)
    best_own_ask: dict[str, Decimal] = field(default_factory=dict)
    own_market_buys: set[str] = field(default_factory=set)
    own_market_sells: set[str] = field(default_factory=set)
    initial_rates: dict[str, Decimal] = field(default_factory=dict)
    flow: OrderFlow = field(default_factory=OrderFlow)
    # From the account's profile (domain/trading/account_profile.py): a closed account's
    # orders are denied; a cash account gets no margin credit and may not sell short.
    account_open: bool = True
    cash_only: bool = False

    @property
    def day_pnl(self) -> Decimal:
        return self.equity - self.start_of_day_equity

    @property
    def drawdown(self) -> Decimal:
        if self.peak_equity <= ZERO:
            return ZERO
        return max(ZERO, (self.peak_equity - self.equity) / self.peak_equity)

    def reduces(self, symbol: str, side: Side, quantity: Decimal) -> bool:
        """True when the order only shrinks the position, counting open orders of its side."""
        position = self.positions.get(symbol)
        if position is None:
            return False
        if side is _SELL:
            return position > ZERO and quantity + self.open_sell_qty.get(symbol, ZERO) <= position
        return position < ZERO and quantity + self.open_buy_qty.get(symbol, ZERO) <= -position

    def initial_rate(self, symbol: str) -> Decimal:
        return self.initial_rates.get(symbol, DEFAULT_INITIAL_RATE)


def build_risk_view(
    account: Account,
    instruments: Mapping[str, Instrument],
    marks: Mapping[str, Decimal],
    *,
    now: datetime,
    trading_state: TradingState | None,
    flow: OrderFlow | None = None,
    initial_rate: Callable[[Instrument], Decimal] | None = None,
) -> AccountRiskView:
    """Snapshot `account` at `marks`: O(positions + open orders), done once per decision.

    A position or open order whose symbol has no mark raises KeyError: the caller
    must fail closed rather than guess a price.
    """
    view = AccountRiskView(
        account_id=account.id,
        now=now,
        now_ts=now.timestamp(),
        trading_state=trading_state,
        equity=account.cash,
        start_of_day_equity=account.start_of_day_equity,
        peak_equity=account.peak_equity,
        instruments=instruments,
        marks=marks,
        flow=flow if flow is not None else OrderFlow(),
        account_open=account.is_open,
        cash_only=account.cash_only,
    )
    cash_only = account.cash_only
    rates = view.initial_rates
    sectors = view.sector_exposure
    requirement = ZERO
    equity = account.cash
    gross = ZERO
    net = ZERO
    for symbol, position in account.positions.items():
        qty = position.quantity
        if not qty:
            continue
        value = qty * marks[symbol] * position.multiplier
        notional = abs(value)
        equity += value
        gross += notional
        net += value
        view.positions[symbol] = qty
        instrument = instruments.get(symbol)
        rate = initial_rate_for(instrument, initial_rate, rates, symbol, cash_only)
        requirement += notional * rate
        sector = instrument.sector if instrument is not None else UNCLASSIFIED
        sectors[sector] = sectors.get(sector, ZERO) + notional
    open_gross = ZERO
    open_net = ZERO
    for order in account.open_orders.values():
        remaining = order.remaining_quantity
        if remaining <= ZERO:
            continue
        symbol = order.symbol
        instrument = instruments.get(symbol)
        multiplier = instrument.multiplier if instrument is not None else Decimal(1)
        mark = marks[symbol]
        notional = remaining * unit_price(order, mark) * multiplier  # the most it can fill at
        open_gross += notional
        view.open_order_count += 1
        rate = initial_rate_for(instrument, initial_rate, rates, symbol, cash_only)
        requirement += notional * rate
        sector = instrument.sector if instrument is not None else UNCLASSIFIED
        sectors[sector] = sectors.get(sector, ZERO) + notional
        if order.side is _BUY:
            open_net += notional
            view.open_buy_qty[symbol] = view.open_buy_qty.get(symbol, ZERO) + remaining
            _track_best(view.best_own_bid, view.own_market_buys, order, symbol, higher=True)
        else:
            open_net -= notional
            view.open_sell_qty[symbol] = view.open_sell_qty.get(symbol, ZERO) + remaining
            _track_best(view.best_own_ask, view.own_market_sells, order, symbol, higher=False)
    view.equity = equity
    view.gross_exposure = gross
    view.net_exposure = net
    view.open_gross = open_gross
    view.open_net = open_net
    view.initial_requirement = requirement
    view.total_gross = gross + open_gross
    view.total_net = net + open_net
    view.day_loss = account.start_of_day_equity - equity
    view.drawdown_amount = account.peak_equity - equity
    view.available_margin = equity - requirement
    return view


def initial_rate_for(
    instrument: Instrument | None,
    initial_rate: Callable[[Instrument], Decimal] | None,
    cache: dict[str, Decimal],
    symbol: str,
    cash_only: bool = False,
) -> Decimal:
    """The initial margin rate of `symbol`, from `cache` or computed once and kept there.

    100% (no margin credit) in a cash account and for a non-marginable instrument.
    """
    rate = cache.get(symbol)
    if rate is None:
        if cash_only or (instrument is not None and not instrument.marginable):
            rate = ONE
        elif instrument is not None and initial_rate is not None:
            rate = initial_rate(instrument)
        else:
            rate = DEFAULT_INITIAL_RATE
        cache[symbol] = rate
    return rate


def _track_best(
    best: dict[str, Decimal], market: set[str], order: Order, symbol: str, *, higher: bool
) -> None:
    if order.order_type is OrderType.MARKET:
        market.add(symbol)
        return
    price = order.limit_price
    if order.order_type is not OrderType.LIMIT or price is None:
        return  # untriggered stops are not in the book
    current = best.get(symbol)
    if current is None or (price > current if higher else price < current):
        best[symbol] = price
