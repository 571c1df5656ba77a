"""Margin rates per instrument: defaults, overridden per asset class and per symbol."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from domain.margin.errors import InvalidMarginRate
from domain.numbers import ONE, ZERO
from domain.trading.instruments import AssetClass, Instrument

DEFAULT_INITIAL = Decimal("0.50")
DEFAULT_MAINTENANCE_LONG = Decimal("0.25")
DEFAULT_MAINTENANCE_SHORT = Decimal("0.30")


@dataclass(frozen=True, slots=True)
class MarginRates:
    """Initial and maintenance rates (fractions of notional); maintenance differs by side."""

    initial: Decimal = DEFAULT_INITIAL
    maintenance_long: Decimal = DEFAULT_MAINTENANCE_LONG
    maintenance_short: Decimal = DEFAULT_MAINTENANCE_SHORT

    def __post_init__(self) -> None:
        for name in ("initial", "maintenance_long", "maintenance_short"):
            rate: Decimal = getattr(self, name)
            if not isinstance(rate, Decimal) or not rate.is_finite() or not ZERO < rate <= ONE:
                raise InvalidMarginRate(f"{name} rate must be a Decimal in (0, 1], got {rate!r}")

    def maintenance(self, quantity: Decimal) -> Decimal:
        """The maintenance rate for a position of this signed quantity (short when < 0)."""
        return self.maintenance_short if quantity < ZERO else self.maintenance_long


@dataclass(frozen=True, slots=True)
class MarginSchedule:
    """Which rates apply to an instrument: symbol override, then asset class, then default."""

    default: MarginRates = MarginRates()
    by_asset_class: Mapping[AssetClass, MarginRates] = field(default_factory=dict)
    by_symbol: Mapping[str, MarginRates] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Copy into read-only views so a caller's dict cannot change a schedule in use.
        object.__setattr__(self, "by_asset_class", MappingProxyType(dict(self.by_asset_class)))
        object.__setattr__(self, "by_symbol", MappingProxyType(dict(self.by_symbol)))

    def rates_for(self, instrument: Instrument) -> MarginRates:
        """The rates of the most specific rule that names this instrument."""
        by_symbol = self.by_symbol.get(instrument.symbol)
        if by_symbol is not None:
            return by_symbol
        by_class = self.by_asset_class.get(instrument.asset_class)
        if by_class is not None:
            return by_class
        return self.default
