"""A bond's terms as stored with its instrument, and the units a bond is held and priced in.

Units (the same wherever a bond instrument appears: orders, quotes and marks, the ledger, the
analytics):

- **price**: clean, per 100 of face (the market's quote; accrued interest is not in it);
- **quantity**: hundreds of face. A quantity of 1 is 100 of face, so `quantity x price` is the
  position's clean value with the instrument's multiplier at 1, as for any other instrument
  (the trading core's notional, the ledger's cost and value). One bond of `face_value` is
  face_value / 100 units: its lot size by default. A holding's face = quantity x 100.

Terms: `face_value` (the denomination of one bond, in the instrument's currency), the annual
`coupon_rate` as a fraction (0.05 = 5 %), `frequency` coupons a year (1, 2 or 4), `issue_date`
(the first coupon period starts there) and `maturity` (redemption at 100), and the `day_count`
of the coupons and the yield. The schedule and the pricing are domain/fixedincome/bonds.py's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.fixedincome.daycount import DAY_COUNT_NAMES, DayCount
from domain.fixedincome.errors import InvalidBondTerms

FREQUENCIES = (1, 2, 4)
MAX_FACE_VALUE = Decimal(1_000_000_000)
MAX_TERM_YEARS = 100
UNITS_PER_FACE = Decimal(100)  # face per unit of quantity


@dataclass(frozen=True, slots=True)
class BondTerms:
    """A fixed-coupon bullet bond's terms (module doc); refused on construction when bad,
    InvalidBondTerms naming `bond.<term>`."""

    face_value: Decimal
    coupon_rate: Decimal
    frequency: int
    issue_date: date
    maturity: date
    day_count: DayCount

    def __post_init__(self) -> None:
        face = self.face_value
        if not (face.is_finite() and Decimal(0) < face <= MAX_FACE_VALUE):
            raise InvalidBondTerms(
                f"face_value must be a positive amount up to {MAX_FACE_VALUE:,}, got {face}",
                field="bond.face_value",
            )
        rate = self.coupon_rate
        if not (rate.is_finite() and Decimal(0) <= rate <= Decimal(1)):
            raise InvalidBondTerms(
                f"coupon_rate must be a fraction a year in [0, 1] (0.05 = 5%), got {rate}",
                field="bond.coupon_rate",
            )
        if isinstance(self.frequency, bool) or self.frequency not in FREQUENCIES:
            raise InvalidBondTerms(
                f"frequency must be 1 (annual), 2 (semiannual) or 4 (quarterly), got "
                f"{self.frequency!r}",
                field="bond.frequency",
            )
        if not isinstance(self.day_count, DayCount):
            raise InvalidBondTerms(
                f"day_count must be one of {', '.join(DAY_COUNT_NAMES)}", field="bond.day_count"
            )
        if self.maturity <= self.issue_date:
            raise InvalidBondTerms(
                f"maturity {self.maturity} must be after issue_date {self.issue_date}",
                field="bond.maturity",
            )
        if self.maturity.year - self.issue_date.year > MAX_TERM_YEARS:
            raise InvalidBondTerms(
                f"maturity must be within {MAX_TERM_YEARS} years of issue_date",
                field="bond.maturity",
            )

    @property
    def lot_size(self) -> Decimal:
        """One bond in units of quantity (hundreds of face)."""
        return self.face_value / UNITS_PER_FACE


def bond_terms(
    *,
    face_value: Decimal,
    coupon_rate: Decimal,
    frequency: int,
    issue_date: date,
    maturity: date,
    day_count: str,
) -> BondTerms:
    """The terms with the day count given by its wire name (an unknown one: InvalidBondTerms
    naming `bond.day_count`)."""
    try:
        convention = DayCount(day_count)
    except ValueError:
        raise InvalidBondTerms(
            f"unknown day count {day_count!r}: one of {', '.join(DAY_COUNT_NAMES)}",
            field="bond.day_count",
        ) from None
    return BondTerms(face_value, coupon_rate, frequency, issue_date, maturity, convention)
