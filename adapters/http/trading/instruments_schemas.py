"""Instrument DTOs: reference data out; an admin's new instrument and edits in.

A bond carries its terms (`bond`): its price is clean per 100 of face and its quantity is in
hundreds of face (domain/fixedincome/terms.py), so its multiplier is 1 and its lot size
defaults to one bond (face_value / 100).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

import msgspec

from adapters.http.analytics.fixed_income_schemas import CouponFrequency, DayCountName
from adapters.http.schemas.common import Input, ItemsOut, Mirror, Output
from adapters.http.wire_format import MoneyOut, PriceOut, QuantityOut, RateOut
from adapters.wire.numbers import Money, Multiplier, Price, Quantity, UnitInterval
from application.trading.instrument_catalog import ImportReport, InstrumentEdit
from domain.fixedincome.terms import BondTerms, bond_terms
from domain.trading.instruments import AssetClass, Instrument

_SYMBOL = Annotated[
    str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")
]
_NAME = Annotated[str, msgspec.Meta(max_length=200)]
_SECTOR = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
_CUSIP = Annotated[
    str,
    msgspec.Meta(
        max_length=16,
        description="9 characters with a valid check digit (422 INVALID_INSTRUMENT, field cusip)",
        examples=["037833100"],
    ),
]
_ISIN = Annotated[
    str,
    msgspec.Meta(
        max_length=16,
        description=(
            "12 characters: country code, national number, Luhn check digit; a US ISIN embeds "
            "the CUSIP (422 INVALID_INSTRUMENT, field isin)"
        ),
        examples=["US0378331005"],
    ),
]
_FIGI = Annotated[
    str,
    msgspec.Meta(
        max_length=16,
        description="12 characters, OpenFIGI rules and check digit (422, field figi)",
        examples=["BBG000B9XRY4"],
    ),
]


BOND_UNITS = (
    "price: clean, per 100 of face; quantity: hundreds of face (1 = 100 of face; one bond = "
    "face_value / 100); quantity x price = the clean value"
)


class BondTermsOut(Output):
    """A bond's terms (domain/fixedincome/terms.py)."""

    face_value: MoneyOut
    coupon_rate: RateOut
    frequency: int
    issue_date: date
    maturity: date
    day_count: str
    units: str

    @classmethod
    def from_domain(cls, terms: BondTerms) -> BondTermsOut:
        return cls.from_attributes(terms, day_count=terms.day_count.value, units=BOND_UNITS)


class InstrumentOut(Output):
    """An instrument; the option terms are null for anything but an option, `bond` for
    anything but a bond."""

    symbol: str
    name: str
    asset_class: AssetClass
    sector: str
    tick_size: PriceOut
    lot_size: QuantityOut
    multiplier: RateOut
    currency: str
    marginable: bool
    shortable: bool
    active: bool
    underlying: str | None = None
    strike: PriceOut | None = None
    expiry: date | None = None
    right: str | None = None
    bond: BondTermsOut | None = None
    cusip: str | None = None
    isin: str | None = None
    figi: str | None = None

    @classmethod
    def from_domain(cls, i: Instrument) -> InstrumentOut:
        return cls.from_attributes(
            i,
            right=None if i.right is None else i.right.value,
            bond=None if i.bond is None else BondTermsOut.from_domain(i.bond),
        )


class InstrumentPageOut(ItemsOut):
    items: list[InstrumentOut]
    next_cursor: str | None


class BondTermsIn(Input):
    """A bond's terms; the ranges are the domain's (422 INVALID_BOND_TERMS naming the term)."""

    face_value: Annotated[
        Money, msgspec.Meta(description="The denomination of one bond, in the currency")
    ]
    coupon_rate: Annotated[
        UnitInterval, msgspec.Meta(description="Fraction a year of face, 0 to 1 (0.05 = 5%)")
    ]
    issue_date: date
    maturity: Annotated[date, msgspec.Meta(description="After issue_date; redeemed at 100")]
    frequency: CouponFrequency = 2
    day_count: DayCountName = "30/360 US"

    def to_domain(self) -> BondTerms:
        return bond_terms(
            face_value=Decimal(self.face_value),
            coupon_rate=Decimal(self.coupon_rate),
            frequency=self.frequency,
            issue_date=self.issue_date,
            maturity=self.maturity,
            day_count=self.day_count,
        )


class InstrumentIn(Input):
    """A new instrument (not an option: its terms come with an options feed, not by hand). A
    bond needs its `bond` terms; its lot size defaults to one bond (face_value / 100)."""

    symbol: _SYMBOL
    name: _NAME = ""
    asset_class: Literal["equity", "crypto", "fx", "future", "bond"] = "equity"
    sector: _SECTOR = "UNCLASSIFIED"
    tick_size: Price | None = None
    lot_size: Quantity | None = None
    multiplier: Multiplier | None = None
    currency: Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{3}$")] = "USD"
    marginable: bool = True
    shortable: bool = True
    active: bool = True
    bond: Annotated[
        BondTermsIn | None, msgspec.Meta(description="A bond's terms (asset_class bond only)")
    ] = None
    cusip: _CUSIP | None = None
    isin: _ISIN | None = None
    figi: _FIGI | None = None

    def to_domain(self) -> Instrument:
        terms = None if self.bond is None else self.bond.to_domain()
        lot = terms.lot_size if terms is not None else Decimal(1)
        return Instrument(
            self.symbol.upper(),
            AssetClass(self.asset_class),
            sector=self.sector,
            tick_size=Decimal(self.tick_size or "0.01"),
            lot_size=Decimal(self.lot_size) if self.lot_size else lot,
            multiplier=Decimal(self.multiplier or 1),
            currency=self.currency,
            name=self.name,
            marginable=self.marginable,
            shortable=self.shortable,
            active=self.active,
            bond=terms,
            cusip=self.cusip,
            isin=self.isin,
            figi=self.figi,
        )


class InstrumentPatchIn(Input):
    """Fields to change; a field left out stays."""

    name: _NAME | None = None
    sector: _SECTOR | None = None
    lot_size: Quantity | None = None
    tick_size: Price | None = None
    marginable: bool | None = None
    shortable: bool | None = None
    active: bool | None = None
    cusip: _CUSIP | None = None
    isin: _ISIN | None = None
    figi: _FIGI | None = None

    def to_edit(self) -> InstrumentEdit:
        return self.into(
            InstrumentEdit,
            lot_size=None if self.lot_size is None else Decimal(self.lot_size),
            tick_size=None if self.tick_size is None else Decimal(self.tick_size),
        )


class ImportReportOut(Mirror[ImportReport]):
    """What an import did, by symbol (nothing at all when any CSV row was bad: 422)."""

    source: str
    created: list[str]
    updated: list[str]
    unchanged: list[str]
    skipped: list[str]
