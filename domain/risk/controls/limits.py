"""Size controls: order size, position, exposure, leverage, concentration, buying power.

Each compares in value space on the pass path (one multiply, one compare) and
divides only to compute how much would fit when the limit is breached.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.numbers import ZERO
from domain.risk.controls.base import Case, Condition, fit
from domain.risk.reasons import ReasonCode
from domain.risk.view import DEFAULT_INITIAL_RATE, AccountRiskView
from domain.trading.orders import Order

_UNCLASSIFIED = "UNCLASSIFIED"


@dataclass(slots=True, eq=False)
class MaxOrderQuantity(Condition):
    """2. No single order above `max_quantity` units."""

    code = ReasonCode.MAX_ORDER_QUANTITY
    quantity_based = True

    max_quantity: Decimal

    def passes(self, case: Case) -> bool:
        return case.quantity <= self.max_quantity

    def room(self, case: Case) -> Decimal:
        return self.max_quantity

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        return f"order quantity {quantity} exceeds the maximum of {self.max_quantity}"


@dataclass(slots=True, eq=False)
class MaxOrderNotional(Condition):
    """3. No single order above `max_notional` in value."""

    code = ReasonCode.MAX_ORDER_NOTIONAL
    quantity_based = True

    max_notional: Decimal

    def passes(self, case: Case) -> bool:
        return case.value <= self.max_notional

    def room(self, case: Case) -> Decimal:
        return fit(self.max_notional, case.unit)

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        return f"order notional {quantity * unit:.2f} exceeds the maximum of {self.max_notional}"


@dataclass(slots=True, eq=False)
class MaxPosition(Condition):
    """5. Position per symbol capped in quantity, notional and/or % of equity.

    Open orders of the same side count as if filled; an order that only
    reduces the position always fits.
    """

    code = ReasonCode.MAX_POSITION
    quantity_based = True

    max_quantity: Decimal | None = None
    max_notional: Decimal | None = None
    max_pct_equity: Decimal | None = None
    symbols: frozenset[str] | None = None

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

    def passes(self, case: Case) -> bool:
        # Without division: the size after the order, compared in units and in value.
        view, symbol, quantity, unit = case.view, case.symbol, case.quantity, case.unit
        if not case.reduces and (self.symbols is None or symbol in self.symbols):
            position = view.positions.get(symbol, ZERO)
            # room()'s size, without adding a zero when the side has no open order (the same value)
            if case.buy:
                opened = view.open_buy_qty.get(symbol)
                size = position + quantity if opened is None else position + opened + quantity
            else:
                opened = view.open_sell_qty.get(symbol)
                size = quantity - position if opened is None else quantity + opened - position
            if not (
                (self.max_quantity is None or size <= self.max_quantity)
                and (self.max_notional is None or size * unit <= self.max_notional)
                and (
                    self.max_pct_equity is None or size * unit <= self.max_pct_equity * view.equity
                )
            ):
                return False
        return True

    def room(self, case: Case) -> Decimal:
        # The size as passes() has it, and what is held besides the order: size - quantity
        # (the same Decimal operations as ever, so the same digits and exponent).
        view, symbol, quantity = case.view, case.symbol, case.quantity
        position = view.positions.get(symbol, ZERO)
        if case.buy:
            size = position + view.open_buy_qty.get(symbol, ZERO) + quantity
        else:
            size = quantity + view.open_sell_qty.get(symbol, ZERO) - position
        return max(ZERO, self.limit_units(case.unit, view) - (size - quantity))

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        position = view.positions.get(order.symbol, ZERO)
        return (
            f"{order.symbol} position {position} with open orders plus {quantity} "
            f"would exceed the limit of {self.limit_units(unit, view):.4f} units"
        )


@dataclass(slots=True, eq=False)
class _ExposureCap(Condition):
    """An exposure under a cap: `absolute`, a share `pct` of equity, or the smaller of both."""

    quantity_based = True

    absolute: Decimal | None = None
    pct: Decimal | None = None

    def cap(self, view: AccountRiskView) -> Decimal:
        if self.pct is None:
            assert self.absolute is not None  # a rule always has one of the two
            return self.absolute
        relative = self.pct * max(view.equity, ZERO)
        return relative if self.absolute is None else min(self.absolute, relative)


class GrossExposure(_ExposureCap):
    """6a. Gross exposure (positions + open orders + this order) under a cap."""

    __slots__ = ()
    code = ReasonCode.GROSS_EXPOSURE

    def passes(self, case: Case) -> bool:
        if not case.reduces:
            cap = (  # an absolute cap alone is a constant of the screen
                self.absolute
                if self.pct is None and self.absolute is not None
                else self.cap(case.view)
            )
            if not case.value + case.view.total_gross <= cap:
                return False
        return True

    def room(self, case: Case) -> Decimal:
        return fit(self.cap(case.view) - case.view.total_gross, case.unit)

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        after = view.total_gross + quantity * unit
        return f"gross exposure would reach {after:.2f}, above the cap of {self.cap(view):.2f}"


class NetExposure(_ExposureCap):
    """6b. |net exposure| (positions + open orders + this order) under a cap."""

    __slots__ = ()
    code = ReasonCode.NET_EXPOSURE

    @property
    def floor(self) -> Decimal | None:
        """-absolute (exactly): the lowest net an absolute cap allows (None without one)."""
        return None if self.absolute is None else self.absolute.copy_negate()

    def passes(self, case: Case) -> bool:
        view, value = case.view, case.value
        net = view.total_net
        after = net + value if case.buy else net - value
        within = (  # an absolute cap alone: -cap <= after <= cap, both constants of the screen
            self.floor <= after <= self.absolute
            if self.pct is None and self.absolute is not None and self.floor is not None
            else abs(after) <= self.cap(view)
        )
        return within or abs(after) <= abs(net)

    def room(self, case: Case) -> Decimal:
        net, cap = case.view.total_net, self.cap(case.view)
        return fit(cap - net if case.buy else cap + net, case.unit)

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        return f"net exposure would exceed the cap of {self.cap(view):.2f}"


@dataclass(slots=True, eq=False)
class MaxLeverage(Condition):
    """9. (gross + open orders + this order) / equity under `max_leverage`."""

    code = ReasonCode.MAX_LEVERAGE
    quantity_based = True

    max_leverage: Decimal

    def passes(self, case: Case) -> bool:
        if not case.reduces:
            view = case.view
            if view.equity <= ZERO:
                return False
            if not case.value + view.total_gross <= self.max_leverage * view.equity:
                return False
        return True

    def room(self, case: Case) -> Decimal:
        view = case.view
        if view.equity <= ZERO:
            return ZERO
        return fit(self.max_leverage * view.equity - view.total_gross, case.unit)

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        if view.equity <= ZERO:
            return "equity is not positive: no leverage is available"
        after = (view.total_gross + quantity * unit) / view.equity
        return f"leverage would reach {after:.2f}x, above {self.max_leverage}x"


@dataclass(slots=True, eq=False)
class SectorConcentration(Condition):
    """10. A sector's gross exposure (with open orders) at most `max_pct` of equity."""

    code = ReasonCode.SECTOR_CONCENTRATION
    quantity_based = True

    max_pct: Decimal = Decimal("0.25")

    @staticmethod
    def sector_of(order: Order, view: AccountRiskView) -> str:
        instrument = view.instruments.get(order.symbol)
        return instrument.sector if instrument is not None else _UNCLASSIFIED

    def passes(self, case: Case) -> bool:
        if not case.reduces:
            view, instrument = case.view, case.instrument
            # sector_of(), from the instrument the case holds
            sector = instrument.sector if instrument is not None else _UNCLASSIFIED
            current = view.sector_exposure.get(sector, ZERO)
            if not case.value <= self.max_pct * view.equity - current:
                return False
        return True

    def room(self, case: Case) -> Decimal:
        view = case.view
        current = view.sector_exposure.get(self.sector_of(case.order, view), ZERO)
        return fit(self.max_pct * view.equity - current, case.unit)

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        sector = self.sector_of(order, view)
        after = view.sector_exposure.get(sector, ZERO) + quantity * unit
        if view.equity <= ZERO:
            return f"sector {sector}: equity is not positive"
        share = after / view.equity
        return f"sector {sector} would be {share:.1%} of equity, above {self.max_pct:.1%}"


class BuyingPower(Condition):
    """15. Initial margin of the order fits the equity not yet committed."""

    __slots__ = ()
    code = ReasonCode.INSUFFICIENT_BUYING_POWER
    quantity_based = True

    def passes(self, case: Case) -> bool:
        view = case.view  # (below, view.initial_rate(symbol) spelt out for the screen)
        return case.reduces or (
            case.value * view.initial_rates.get(case.symbol, DEFAULT_INITIAL_RATE)
            <= view.available_margin
        )

    def room(self, case: Case) -> Decimal:
        rate = case.view.initial_rate(case.symbol)
        return fit(case.view.available_margin, case.unit * rate)

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        needed = quantity * unit * view.initial_rate(order.symbol)
        return f"initial margin {needed:.2f} exceeds available {view.available_margin:.2f}"
