"""Instruments: what can be traded, with its tick, lot, multiplier and option or bond terms.

A bond (AssetClass.BOND) carries its terms (domain/fixedincome/terms.py): it is priced clean
per 100 of face and counted in hundreds of face, so its multiplier is 1.

An instrument may carry its security identifiers (domain/trading/identifiers.py): a CUSIP, an
ISIN and a FIGI, each optional, each checked (check digit included) and kept in upper case; a
US or CA ISIN given with a CUSIP must embed that CUSIP.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal
from enum import StrEnum

from domain.errors import InvalidInstrument
from domain.fixedincome.errors import InvalidBondTerms
from domain.fixedincome.terms import BondTerms
from domain.numbers import ONE, ZERO
from domain.trading.identifiers import (
    Cusip,
    Figi,
    InvalidSecurityIdentifier,
    Isin,
    checked_identifier,
)


class AssetClass(StrEnum):
    """Broad class of an instrument; margin and risk defaults key off it."""

    EQUITY = "equity"
    OPTION = "option"
    FUTURE = "future"
    CRYPTO = "crypto"
    FX = "fx"
    BOND = "bond"


class OptionRight(StrEnum):
    """Call or put."""

    CALL = "call"
    PUT = "put"


@dataclass(frozen=True, slots=True)
class Instrument:
    """A tradable instrument. Prices are per unit; notional = qty × price × multiplier."""

    symbol: str
    asset_class: AssetClass = AssetClass.EQUITY
    sector: str = "UNCLASSIFIED"
    tick_size: Decimal = Decimal("0.01")
    lot_size: Decimal = ONE
    multiplier: Decimal = ONE
    currency: str = "USD"
    underlying: str | None = None
    strike: Decimal | None = None
    expiry: date | None = None
    right: OptionRight | None = None
    name: str = ""
    marginable: bool = True  # False: no margin credit, bought with 100% of its value
    shortable: bool = True  # False: the gate refuses a sell that opens or grows a short
    active: bool = True  # False: the gate denies every order (INSTRUMENT_INACTIVE)
    bond: BondTerms | None = None  # a bond's terms; None for anything else
    cusip: str | None = None
    isin: str | None = None
    figi: str | None = None

    def __post_init__(self) -> None:
        if not self.symbol or not self.symbol.strip():
            raise InvalidInstrument("symbol must not be empty")
        for name in ("tick_size", "lot_size", "multiplier"):
            if getattr(self, name) <= ZERO:
                raise InvalidInstrument(f"{name} must be positive for {self.symbol}")
        if len(self.currency) != 3:
            raise InvalidInstrument(f"currency must be an ISO 4217 code, got {self.currency!r}")
        option_terms = (self.underlying, self.strike, self.expiry, self.right)
        if self.asset_class is AssetClass.OPTION:
            if any(term is None for term in option_terms):
                raise InvalidInstrument(
                    f"option {self.symbol} needs underlying, strike, expiry and right"
                )
            if self.strike is not None and self.strike <= ZERO:
                raise InvalidInstrument(f"strike must be positive for {self.symbol}")
        elif self.strike is not None or self.right is not None:
            raise InvalidInstrument(f"{self.symbol} is not an option but has option terms")
        self._check_bond()
        self._check_identifiers()

    def _check_identifiers(self) -> None:
        for name, kind in (("cusip", Cusip), ("isin", Isin), ("figi", Figi)):
            try:
                value = checked_identifier(kind, getattr(self, name))
            except InvalidSecurityIdentifier as exc:
                raise InvalidInstrument(f"{name}: {exc}", field=name) from None
            object.__setattr__(self, name, value)
        if self.cusip is not None and self.isin is not None:
            embedded = Isin(self.isin).cusip()
            if embedded is not None and embedded.value != self.cusip:
                raise InvalidInstrument(
                    f"isin: {self.isin} embeds the CUSIP {embedded.value}, not {self.cusip}",
                    field="isin",
                )

    def _check_bond(self) -> None:
        if self.asset_class is not AssetClass.BOND:
            if self.bond is not None:
                raise InvalidBondTerms(
                    f"{self.symbol} is not a bond but has bond terms", field="asset_class"
                )
            return
        if self.bond is None:
            raise InvalidBondTerms(
                f"bond {self.symbol} needs its terms: face_value, coupon_rate, frequency, "
                "issue_date, maturity and day_count",
                field="bond",
            )
        if self.multiplier != ONE:
            raise InvalidBondTerms(
                f"a bond's multiplier is 1 (quantity in hundreds of face, price per 100 of "
                f"face), got {self.multiplier} for {self.symbol}",
                field="multiplier",
            )

    def is_tick_aligned(self, price: Decimal) -> bool:
        """True when the price is a whole number of ticks."""
        return (price % self.tick_size) == ZERO

    def round_to_tick(self, price: Decimal) -> Decimal:
        """Nearest tick (banker's rounding on a tie)."""
        ticks = (price / self.tick_size).quantize(ONE, rounding=ROUND_HALF_EVEN)
        return ticks * self.tick_size

    def round_down_to_lot(self, quantity: Decimal) -> Decimal:
        """Largest whole number of lots not above `quantity` (never negative)."""
        if quantity <= ZERO:
            return ZERO
        lots = (quantity / self.lot_size).quantize(ONE, rounding=ROUND_DOWN)
        return lots * self.lot_size
