"""Instrument DTOs: reference data out; an admin's new instrument and edits in."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

import msgspec

from adapters.http.schemas.common import Input, Mirror, Output
from adapters.http.wire_format import PriceOut, QuantityOut, RateOut
from adapters.wire.numbers import Multiplier, Price, Quantity
from application.trading.instrument_catalog import ImportReport, InstrumentEdit, InstrumentPage
from domain.trading.instruments import AssetClass, Instrument

_SYMBOL = Annotated[
    str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")
]
_NAME = Annotated[str, msgspec.Meta(max_length=200)]
_SECTOR = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class InstrumentOut(Output):
    """An instrument; the option terms are null for anything but an option."""

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

    @classmethod
    def from_domain(cls, i: Instrument) -> InstrumentOut:
        return cls.from_attributes(i, right=None if i.right is None else i.right.value)


class InstrumentPageOut(Output):
    items: list[InstrumentOut]
    next_cursor: str | None

    @classmethod
    def from_domain(cls, page: InstrumentPage) -> InstrumentPageOut:
        return cls(
            items=[InstrumentOut.from_domain(i) for i in page.items], next_cursor=page.next_cursor
        )


class InstrumentIn(Input):
    """A new instrument (not an option: its terms come with an options feed, not by hand)."""

    symbol: _SYMBOL
    name: _NAME = ""
    asset_class: Literal["equity", "crypto", "fx", "future"] = "equity"
    sector: _SECTOR = "UNCLASSIFIED"
    tick_size: Price | None = None
    lot_size: Quantity | None = None
    multiplier: Multiplier | None = None
    currency: Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{3}$")] = "USD"
    marginable: bool = True
    shortable: bool = True
    active: bool = True

    def to_domain(self) -> Instrument:
        return Instrument(
            self.symbol.upper(),
            AssetClass(self.asset_class),
            sector=self.sector,
            tick_size=Decimal(self.tick_size or "0.01"),
            lot_size=Decimal(self.lot_size or 1),
            multiplier=Decimal(self.multiplier or 1),
            currency=self.currency,
            name=self.name,
            marginable=self.marginable,
            shortable=self.shortable,
            active=self.active,
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
