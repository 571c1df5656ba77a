"""Size controls: order size, position, exposure, leverage, concentration, buying power.

Each compares in value space on the pass path (one multiply, one compare) and
divides only to compute how much would fit when the limit is breached.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from domain.risk.controls.base import ZERO, Control, fit
from domain.risk.reasons import ReasonCode
from domain.risk.screen import Bind
from domain.risk.view import DEFAULT_INITIAL_RATE, AccountRiskView
from domain.trading.orders import Order, Side

# Enum members bound once: a class attribute lookup costs ~100 ns on the hot path.
_BUY = Side.BUY


class MaxOrderQuantity(Control):
    """2. No single order above `max_quantity` units."""

    __slots__ = ("max_quantity",)
    code = ReasonCode.MAX_ORDER_QUANTITY
    quantity_based = True

    def __init__(self, max_quantity: Decimal, **kw: Any) -> None:
        super().__init__(**kw)
        self.max_quantity = max_quantity

    def breach(
        self,
        order: Order,
        quantity: Decimal,
        unit: Decimal,
        value: Decimal,
        reduces: bool,
        view: AccountRiskView,
    ) -> Decimal | None:
        return None if quantity <= self.max_quantity else self.max_quantity

    def pass_source(self, bind: Bind) -> str:
        return f"""
            if not quantity <= {bind(self.max_quantity)}:
                return False
        """

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        return f"order quantity {quantity} exceeds the maximum of {self.max_quantity}"


class MaxOrderNotional(Control):
    """3. No single order above `max_notional` in value."""

    __slots__ = ("max_notional",)
    code = ReasonCode.MAX_ORDER_NOTIONAL
    quantity_based = True

    def __init__(self, max_notional: Decimal, **kw: Any) -> None:
        super().__init__(**kw)
        self.max_notional = max_notional

    def breach(
        self,
        order: Order,
        quantity: Decimal,
        unit: Decimal,
        value: Decimal,
        reduces: bool,
        view: AccountRiskView,
    ) -> Decimal | None:
        return None if value <= self.max_notional else fit(self.max_notional, unit)

    def pass_source(self, bind: Bind) -> str:
        return f"""
            if not value <= {bind(self.max_notional)}:
                return False
        """

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        return f"order notional {quantity * unit:.2f} exceeds the maximum of {self.max_notional}"


class MaxPosition(Control):
    """5. Position per symbol capped in quantity, notional and/or % of equity.

    Open orders of the same side count as if filled; an order that only
    reduces the position always fits.
    """

    __slots__ = ("max_notional", "max_pct_equity", "max_quantity", "symbols")
    code = ReasonCode.MAX_POSITION
    quantity_based = True

    def __init__(
        self,
        max_quantity: Decimal | None = None,
        max_notional: Decimal | None = None,
        max_pct_equity: Decimal | None = None,
        symbols: frozenset[str] | None = None,
        **kw: Any,
    ) -> None:
        super().__init__(**kw)
        self.max_quantity = max_quantity
        self.max_notional = max_notional
        self.max_pct_equity = max_pct_equity
        self.symbols = symbols

    def limit_units(self, unit: Decimal, view: AccountRiskView) -> Decimal:
        """The tightest of the limits, in units of the instrument."""
        limit = self.max_quantity
        if self.max_notional is not None:
            by_value = fit(self.max_notional, unit)
            limit = by_value if limit is None else min(limit, by_value)
        if self.max_pct_equity is not None:
            by_equity = fit(self.max_pct_equity * view.equity, unit)
            limit = by_equity if limit is None else min(limit, by_equity)
        assert limit is not None  # a rule always has at least one limit
        return limit

    def breach(
        self,
        order: Order,
        quantity: Decimal,
        unit: Decimal,
        value: Decimal,
        reduces: bool,
        view: AccountRiskView,
    ) -> Decimal | None:
        if reduces:
            return None
        symbol = order.symbol
        symbols = self.symbols
        if symbols is not None and symbol not in symbols:
            return None
        position = view.positions.get(symbol, ZERO)
        if order.side is _BUY:
            size = position + view.open_buy_qty.get(symbol, ZERO) + quantity
        else:
            size = quantity + view.open_sell_qty.get(symbol, ZERO) - position
        # Pass path without division: compare units and values directly.
        max_quantity, max_notional, max_pct = (
            self.max_quantity,
            self.max_notional,
            self.max_pct_equity,
        )
        if (
            (max_quantity is None or size <= max_quantity)
            and (max_notional is None or size * unit <= max_notional)
            and (max_pct is None or size * unit <= max_pct * view.equity)
        ):
            return None
        room = self.limit_units(unit, view) - (size - quantity)
        return max(ZERO, room)

    def pass_source(self, bind: Bind) -> str:
        zero = bind(ZERO)
        within = []
        if self.max_quantity is not None:
            within.append(f"size <= {bind(self.max_quantity)}")
        if self.max_notional is not None:
            within.append(f"size * unit <= {bind(self.max_notional)}")
        if self.max_pct_equity is not None:
            within.append(f"size * unit <= {bind(self.max_pct_equity)} * view.equity")
        in_scope = "" if self.symbols is None else f" and symbol in {bind(self.symbols)}"
        return f"""
            if not reduces{in_scope}:
                position = view.positions.get(symbol, {zero})
                if buy:
                    size = position + view.open_buy_qty.get(symbol, {zero}) + quantity
                else:
                    size = quantity + view.open_sell_qty.get(symbol, {zero}) - position
                if not ({" and ".join(within) or "True"}):
                    return False
        """

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        position = view.positions.get(order.symbol, ZERO)
        return (
            f"{order.symbol} position {position} with open orders plus {quantity} "
            f"would exceed the limit of {self.limit_units(unit, view):.4f} units"
        )


class GrossExposure(Control):
    """6a. Gross exposure (positions + open orders + this order) under a cap."""

    __slots__ = ("max_gross", "max_gross_pct")
    code = ReasonCode.GROSS_EXPOSURE
    quantity_based = True

    def __init__(
        self, max_gross: Decimal | None = None, max_gross_pct: Decimal | None = None, **kw: Any
    ) -> None:
        super().__init__(**kw)
        self.max_gross = max_gross
        self.max_gross_pct = max_gross_pct

    def cap(self, view: AccountRiskView) -> Decimal:
        return _cap(self.max_gross, self.max_gross_pct, view)

    def breach(
        self,
        order: Order,
        quantity: Decimal,
        unit: Decimal,
        value: Decimal,
        reduces: bool,
        view: AccountRiskView,
    ) -> Decimal | None:
        if reduces:
            return None
        room = self.cap(view) - view.total_gross
        return None if value <= room else fit(room, unit)

    def pass_source(self, bind: Bind) -> str:
        cap = _cap_source(bind, self.max_gross, self.max_gross_pct, self.cap)
        return f"""
            if not reduces and not value <= {cap} - view.total_gross:
                return False
        """

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        after = view.total_gross + quantity * unit
        return f"gross exposure would reach {after:.2f}, above the cap of {self.cap(view):.2f}"


class NetExposure(Control):
    """6b. |net exposure| (positions + open orders + this order) under a cap."""

    __slots__ = ("max_net", "max_net_pct")
    code = ReasonCode.NET_EXPOSURE
    quantity_based = True

    def __init__(
        self, max_net: Decimal | None = None, max_net_pct: Decimal | None = None, **kw: Any
    ) -> None:
        super().__init__(**kw)
        self.max_net = max_net
        self.max_net_pct = max_net_pct

    def cap(self, view: AccountRiskView) -> Decimal:
        return _cap(self.max_net, self.max_net_pct, view)

    def breach(
        self,
        order: Order,
        quantity: Decimal,
        unit: Decimal,
        value: Decimal,
        reduces: bool,
        view: AccountRiskView,
    ) -> Decimal | None:
        net = view.total_net
        after = net + value if order.side is _BUY else net - value
        cap = self.cap(view)
        if abs(after) <= cap or abs(after) <= abs(net):
            return None
        room = cap - net if order.side is _BUY else cap + net
        return fit(room, unit)

    def pass_source(self, bind: Bind) -> str:
        cap = _cap_source(bind, self.max_net, self.max_net_pct, self.cap)
        return f"""
            net = view.total_net
            after = net + value if buy else net - value
            cap = {cap}
            if not (abs(after) <= cap or abs(after) <= abs(net)):
                return False
        """

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        return f"net exposure would exceed the cap of {self.cap(view):.2f}"


class MaxLeverage(Control):
    """9. (gross + open orders + this order) / equity under `max_leverage`."""

    __slots__ = ("max_leverage",)
    code = ReasonCode.MAX_LEVERAGE
    quantity_based = True

    def __init__(self, max_leverage: Decimal, **kw: Any) -> None:
        super().__init__(**kw)
        self.max_leverage = max_leverage

    def breach(
        self,
        order: Order,
        quantity: Decimal,
        unit: Decimal,
        value: Decimal,
        reduces: bool,
        view: AccountRiskView,
    ) -> Decimal | None:
        if reduces:
            return None
        if view.equity <= ZERO:
            return ZERO
        room = self.max_leverage * view.equity - view.total_gross
        return None if value <= room else fit(room, unit)

    def pass_source(self, bind: Bind) -> str:
        return f"""
            if not reduces:
                if view.equity <= {bind(ZERO)}:
                    return False
                if not value <= {bind(self.max_leverage)} * view.equity - view.total_gross:
                    return False
        """

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        if view.equity <= ZERO:
            return "equity is not positive: no leverage is available"
        after = (view.total_gross + quantity * unit) / view.equity
        return f"leverage would reach {after:.2f}x, above {self.max_leverage}x"


class SectorConcentration(Control):
    """10. A sector's gross exposure (with open orders) at most `max_pct` of equity."""

    __slots__ = ("max_pct",)
    code = ReasonCode.SECTOR_CONCENTRATION
    quantity_based = True

    def __init__(self, max_pct: Decimal = Decimal("0.25"), **kw: Any) -> None:
        super().__init__(**kw)
        self.max_pct = max_pct

    @staticmethod
    def sector_of(order: Order, view: AccountRiskView) -> str:
        instrument = view.instruments.get(order.symbol)
        return instrument.sector if instrument is not None else "UNCLASSIFIED"

    def breach(
        self,
        order: Order,
        quantity: Decimal,
        unit: Decimal,
        value: Decimal,
        reduces: bool,
        view: AccountRiskView,
    ) -> Decimal | None:
        if reduces:
            return None
        current = view.sector_exposure.get(self.sector_of(order, view), ZERO)
        room = self.max_pct * view.equity - current
        return None if value <= room else fit(room, unit)

    def pass_source(self, bind: Bind) -> str:
        # The gate only screens orders whose instrument is known: sector_of() is its sector.
        return f"""
            if not reduces:
                current = view.sector_exposure.get(instrument.sector, {bind(ZERO)})
                if not value <= {bind(self.max_pct)} * view.equity - current:
                    return False
        """

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        sector = self.sector_of(order, view)
        after = view.sector_exposure.get(sector, ZERO) + quantity * unit
        if view.equity <= ZERO:
            return f"sector {sector}: equity is not positive"
        share = after / view.equity
        return f"sector {sector} would be {share:.1%} of equity, above {self.max_pct:.1%}"


class BuyingPower(Control):
    """15. Initial margin of the order fits the equity not yet committed."""

    __slots__ = ()
    code = ReasonCode.INSUFFICIENT_BUYING_POWER
    quantity_based = True

    def breach(
        self,
        order: Order,
        quantity: Decimal,
        unit: Decimal,
        value: Decimal,
        reduces: bool,
        view: AccountRiskView,
    ) -> Decimal | None:
        if reduces:
            return None
        rate = view.initial_rate(order.symbol)
        available = view.available_margin
        return None if value * rate <= available else fit(available, unit * rate)

    def pass_source(self, bind: Bind) -> str:
        rates, default = "view.initial_rates", bind(DEFAULT_INITIAL_RATE)  # view.initial_rate()
        return f"""
            if not reduces and not value * {rates}.get(symbol, {default}) <= view.available_margin:
                return False
        """

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        needed = quantity * unit * view.initial_rate(order.symbol)
        return f"initial margin {needed:.2f} exceeds available {view.available_margin:.2f}"


def _cap_source(
    bind: Bind,
    absolute: Decimal | None,
    pct: Decimal | None,
    cap: Callable[[AccountRiskView], Decimal],
) -> str:
    """An absolute cap is a constant; one relative to equity is computed as cap() does."""
    return bind(absolute) if pct is None else f"{bind(cap)}(view)"


def _cap(absolute: Decimal | None, pct: Decimal | None, view: AccountRiskView) -> Decimal:
    if pct is None:
        assert absolute is not None
        return absolute
    relative = pct * max(view.equity, ZERO)
    return relative if absolute is None else min(absolute, relative)
