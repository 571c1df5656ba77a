"""Guard controls: trading state, reduce-only, collars, loss limits, symbols, own book."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.killswitch.state import TradingState
from domain.numbers import ONE, ZERO
from domain.risk.controls.base import Case, Condition
from domain.risk.reasons import ReasonCode
from domain.risk.view import AccountRiskView
from domain.trading.orders import Order, OrderType, Side

# Enum members bound once: a class attribute lookup costs ~100 ns on the hot path.
_ACTIVE = TradingState.ACTIVE
_BUY = Side.BUY
_HALTED = TradingState.HALTED
_MARKET = OrderType.MARKET
_REDUCING = TradingState.REDUCING
_STOP = OrderType.STOP
_MARKETABLE = (_MARKET, _STOP)


class TradingStateControl(Condition):
    """1. HALTED denies every new order; REDUCING only those that shrink a position.

    An unknown state (None: the state store did not answer) denies: fail closed.
    """

    __slots__ = ()
    code = ReasonCode.TRADING_HALTED

    def passes(self, case: Case) -> bool:
        state = case.view.trading_state
        return state is _ACTIVE or (state is _REDUCING and case.reduces)

    def reason(self, view: AccountRiskView) -> ReasonCode:
        state = view.trading_state
        if state is _HALTED:
            return ReasonCode.TRADING_HALTED
        if state is _REDUCING:
            return ReasonCode.TRADING_REDUCE_ONLY
        return ReasonCode.UNKNOWN_TRADING_STATE

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        state = view.trading_state
        if state is None:
            return "trading state is unknown: denied (fail closed)"
        if state is _REDUCING:
            return f"trading is reduce-only: {order.side.value} {quantity} {order.symbol} adds risk"
        return f"trading is {state.value}"


class ReduceOnlyFlag(Condition):
    """An order flagged reduce-only must shrink an existing position."""

    __slots__ = ()
    code = ReasonCode.REDUCE_ONLY_VIOLATION

    def passes(self, case: Case) -> bool:
        return case.reduces or not case.order.reduce_only

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        return f"reduce-only order would not reduce the {order.symbol} position"


@dataclass(slots=True, eq=False)
class PriceCollar(Condition):
    """4. Limit and stop prices within `max_pct` (or `max_ticks`) of the reference price."""

    code = ReasonCode.PRICE_COLLAR

    max_pct: Decimal | None = None
    max_ticks: int | None = None

    def _band(self, order: Order, view: AccountRiskView) -> Decimal:
        max_pct, max_ticks = self.max_pct, self.max_ticks
        by_pct = None if max_pct is None else view.marks[order.symbol] * max_pct
        if max_ticks is None:
            assert by_pct is not None  # a rule always has one of the two
            return by_pct
        by_ticks = view.instruments[order.symbol].tick_size * max_ticks
        return by_ticks if by_pct is None else min(by_pct, by_ticks)

    @property
    def low_factor(self) -> Decimal:
        """1 - max_pct: a band of max_pct ends below at the mark times this."""
        return ONE - (self.max_pct or ZERO)

    @property
    def high_factor(self) -> Decimal:
        """1 + max_pct: a band of max_pct ends above at the mark times this."""
        return ONE + (self.max_pct or ZERO)

    def passes(self, case: Case) -> bool:
        order, mark = case.order, case.mark
        limit, stop = order.limit_price, order.stop_price
        if limit is not None or stop is not None:  # a market order has no price to collar
            if self.max_pct is not None and self.max_ticks is None:
                # mark ∓ mark × max_pct as two products: the factors are constants of the screen
                low, high = mark * self.low_factor, mark * self.high_factor
            else:
                band = self._band(order, case.view)
                low, high = mark - band, mark + band
            if limit is not None and not low <= limit <= high:
                return False
            if stop is not None and not low <= stop <= high:
                return False
        return True

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        reference = view.marks[order.symbol]
        price = order.limit_price or order.stop_price
        return (
            f"price {price} is more than {self._band(order, view)} away from reference {reference}"
        )


@dataclass(slots=True, eq=False)
class MaxDailyLoss(Condition):
    """7. Once the day's loss (realized + unrealized) reaches the limit, only reductions pass."""

    code = ReasonCode.MAX_DAILY_LOSS

    max_loss: Decimal | None = None
    max_loss_pct: Decimal | None = None

    def limit(self, view: AccountRiskView) -> Decimal:
        absolute, pct = self.max_loss, self.max_loss_pct
        if pct is None:
            assert absolute is not None  # a rule always has one of the two
            return absolute
        relative = pct * view.start_of_day_equity
        return relative if absolute is None else min(absolute, relative)

    def passes(self, case: Case) -> bool:
        return case.reduces or case.view.day_loss < (
            self.max_loss
            if self.max_loss_pct is None and self.max_loss is not None
            else self.limit(case.view)
        )

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        return f"day's loss {-view.day_pnl:.2f} reached the limit of {self.limit(view):.2f}"


@dataclass(slots=True, eq=False)
class MaxDrawdown(Condition):
    """8. Once equity is `max_drawdown` below its peak, only reductions pass."""

    code = ReasonCode.MAX_DRAWDOWN

    max_drawdown: Decimal

    def passes(self, case: Case) -> bool:
        # peak - equity >= limit * peak, without a division on the hot path
        return case.reduces or case.view.drawdown_amount < self.max_drawdown * case.view.peak_equity

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        return f"drawdown {view.drawdown:.2%} reached the limit of {self.max_drawdown:.2%}"


@dataclass(slots=True, eq=False)
class RestrictedSymbols(Condition):
    """13. Symbols on the restricted list cannot be traded (reductions optional)."""

    code = ReasonCode.RESTRICTED_SYMBOL

    symbols: frozenset[str]
    allow_reducing: bool = False

    def passes(self, case: Case) -> bool:
        return case.symbol not in self.symbols or (case.reduces and self.allow_reducing)

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        return f"{order.symbol} is restricted"


class SelfMatch(Condition):
    """16. An order that would cross the account's own resting order is refused."""

    __slots__ = ()
    code = ReasonCode.SELF_MATCH

    def passes(self, case: Case) -> bool:
        order, view, symbol = case.order, case.view, case.symbol
        price = order.limit_price
        if case.buy:
            if symbol in view.own_market_sells:
                return False
            ask = view.best_own_ask.get(symbol)
            if ask is not None and (
                order.order_type in _MARKETABLE or (price is not None and price >= ask)
            ):
                return False
        else:
            if symbol in view.own_market_buys:
                return False
            bid = view.best_own_bid.get(symbol)
            if bid is not None and (
                order.order_type in _MARKETABLE or (price is not None and price <= bid)
            ):
                return False
        return True

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        return f"{order.side.value} {order.symbol} would trade against the account's own order"


@dataclass(slots=True, eq=False)
class MaxOpenOrders(Condition):
    """17. At most `max_open` orders open at once."""

    code = ReasonCode.MAX_OPEN_ORDERS

    max_open: int

    def passes(self, case: Case) -> bool:
        return case.view.open_order_count < self.max_open

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        return f"{view.open_order_count} orders are open; the maximum is {self.max_open}"
