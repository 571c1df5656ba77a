from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.asset_class import AssetClass
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.bond_terms_out import BondTermsOut





T = TypeVar("T", bound="InstrumentOut")



@_attrs_define
class InstrumentOut:
    """ 
        Attributes:
            active (bool):
            asset_class (AssetClass): Broad class of an instrument; margin and risk defaults key off it.
            currency (str):
            lot_size (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            marginable (bool):
            multiplier (str): A ratio, fraction or rate (0.05 = 5%): a decimal string with exactly 10 decimal places,
                rounded half-even, never in exponent notation
            name (str):
            sector (str):
            shortable (bool):
            symbol (str):
            tick_size (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            bond (BondTermsOut | None | Unset):
            cusip (None | str | Unset):
            expiry (datetime.date | None | Unset):
            figi (None | str | Unset):
            isin (None | str | Unset):
            right (None | str | Unset):
            strike (None | str | Unset):
            underlying (None | str | Unset):
     """

    active: bool
    asset_class: AssetClass
    currency: str
    lot_size: str
    marginable: bool
    multiplier: str
    name: str
    sector: str
    shortable: bool
    symbol: str
    tick_size: str
    bond: BondTermsOut | None | Unset = UNSET
    cusip: None | str | Unset = UNSET
    expiry: datetime.date | None | Unset = UNSET
    figi: None | str | Unset = UNSET
    isin: None | str | Unset = UNSET
    right: None | str | Unset = UNSET
    strike: None | str | Unset = UNSET
    underlying: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.bond_terms_out import BondTermsOut # noqa: PLC0415
        active = self.active

        asset_class = self.asset_class.value

        currency = self.currency

        lot_size = self.lot_size

        marginable = self.marginable

        multiplier = self.multiplier

        name = self.name

        sector = self.sector

        shortable = self.shortable

        symbol = self.symbol

        tick_size = self.tick_size

        bond: dict[str, Any] | None | Unset
        if isinstance(self.bond, Unset):
            bond = UNSET
        elif isinstance(self.bond, BondTermsOut):
            bond = self.bond.to_dict()
        else:
            bond = self.bond

        cusip: None | str | Unset
        if isinstance(self.cusip, Unset):
            cusip = UNSET
        else:
            cusip = self.cusip

        expiry: None | str | Unset
        if isinstance(self.expiry, Unset):
            expiry = UNSET
        elif isinstance(self.expiry, datetime.date):
            expiry = self.expiry.isoformat()
        else:
            expiry = self.expiry

        figi: None | str | Unset
        if isinstance(self.figi, Unset):
            figi = UNSET
        else:
            figi = self.figi

        isin: None | str | Unset
        if isinstance(self.isin, Unset):
            isin = UNSET
        else:
            isin = self.isin

        right: None | str | Unset
        if isinstance(self.right, Unset):
            right = UNSET
        else:
            right = self.right

        strike: None | str | Unset
        if isinstance(self.strike, Unset):
            strike = UNSET
        else:
            strike = self.strike

        underlying: None | str | Unset
        if isinstance(self.underlying, Unset):
            underlying = UNSET
        else:
            underlying = self.underlying


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "asset_class": asset_class,
            "currency": currency,
            "lot_size": lot_size,
            "marginable": marginable,
            "multiplier": multiplier,
            "name": name,
            "sector": sector,
            "shortable": shortable,
            "symbol": symbol,
            "tick_size": tick_size,
        })
        if bond is not UNSET:
            field_dict["bond"] = bond
        if cusip is not UNSET:
            field_dict["cusip"] = cusip
        if expiry is not UNSET:
            field_dict["expiry"] = expiry
        if figi is not UNSET:
            field_dict["figi"] = figi
        if isin is not UNSET:
            field_dict["isin"] = isin
        if right is not UNSET:
            field_dict["right"] = right
        if strike is not UNSET:
            field_dict["strike"] = strike
        if underlying is not UNSET:
            field_dict["underlying"] = underlying

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bond_terms_out import BondTermsOut # noqa: PLC0415
        d = dict(src_dict)
        active = d.pop("active")

        asset_class = AssetClass(d.pop("asset_class"))




        currency = d.pop("currency")

        lot_size = d.pop("lot_size")

        marginable = d.pop("marginable")

        multiplier = d.pop("multiplier")

        name = d.pop("name")

        sector = d.pop("sector")

        shortable = d.pop("shortable")

        symbol = d.pop("symbol")

        tick_size = d.pop("tick_size")

        def _parse_bond(data: object) -> BondTermsOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                bond_type_0 = BondTermsOut.from_dict(data)



                return bond_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BondTermsOut | None | Unset, data)

        bond = _parse_bond(d.pop("bond", UNSET))


        def _parse_cusip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cusip = _parse_cusip(d.pop("cusip", UNSET))


        def _parse_expiry(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expiry_type_0 = datetime.date.fromisoformat(data)



                return expiry_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expiry = _parse_expiry(d.pop("expiry", UNSET))


        def _parse_figi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        figi = _parse_figi(d.pop("figi", UNSET))


        def _parse_isin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        isin = _parse_isin(d.pop("isin", UNSET))


        def _parse_right(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        right = _parse_right(d.pop("right", UNSET))


        def _parse_strike(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        strike = _parse_strike(d.pop("strike", UNSET))


        def _parse_underlying(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        underlying = _parse_underlying(d.pop("underlying", UNSET))


        instrument_out = cls(
            active=active,
            asset_class=asset_class,
            currency=currency,
            lot_size=lot_size,
            marginable=marginable,
            multiplier=multiplier,
            name=name,
            sector=sector,
            shortable=shortable,
            symbol=symbol,
            tick_size=tick_size,
            bond=bond,
            cusip=cusip,
            expiry=expiry,
            figi=figi,
            isin=isin,
            right=right,
            strike=strike,
            underlying=underlying,
        )


        instrument_out.additional_properties = d
        return instrument_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
