from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.instrument_in_asset_class import InstrumentInAssetClass
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.bond_terms_in import BondTermsIn





T = TypeVar("T", bound="InstrumentIn")



@_attrs_define
class InstrumentIn:
    """ 
        Attributes:
            symbol (str):
            active (bool | Unset):  Default: True.
            asset_class (InstrumentInAssetClass | Unset):  Default: InstrumentInAssetClass.EQUITY.
            bond (BondTermsIn | None | Unset): A bond's terms (asset_class bond only)
            currency (str | Unset):  Default: 'USD'.
            cusip (None | str | Unset): 9 characters with a valid check digit (422 INVALID_INSTRUMENT, field cusip)
            figi (None | str | Unset): 12 characters, OpenFIGI rules and check digit (422, field figi)
            isin (None | str | Unset): 12 characters: country code, national number, Luhn check digit; a US ISIN embeds the
                CUSIP (422 INVALID_INSTRUMENT, field isin)
            lot_size (None | str | Unset):
            marginable (bool | Unset):  Default: True.
            multiplier (None | str | Unset):
            name (str | Unset):  Default: ''.
            sector (str | Unset):  Default: 'UNCLASSIFIED'.
            shortable (bool | Unset):  Default: True.
            tick_size (None | str | Unset):
     """

    symbol: str
    active: bool | Unset = True
    asset_class: InstrumentInAssetClass | Unset = InstrumentInAssetClass.EQUITY
    bond: BondTermsIn | None | Unset = UNSET
    currency: str | Unset = 'USD'
    cusip: None | str | Unset = UNSET
    figi: None | str | Unset = UNSET
    isin: None | str | Unset = UNSET
    lot_size: None | str | Unset = UNSET
    marginable: bool | Unset = True
    multiplier: None | str | Unset = UNSET
    name: str | Unset = ''
    sector: str | Unset = 'UNCLASSIFIED'
    shortable: bool | Unset = True
    tick_size: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.bond_terms_in import BondTermsIn # noqa: PLC0415
        symbol = self.symbol

        active = self.active

        asset_class: str | Unset = UNSET
        if not isinstance(self.asset_class, Unset):
            asset_class = self.asset_class.value


        bond: dict[str, Any] | None | Unset
        if isinstance(self.bond, Unset):
            bond = UNSET
        elif isinstance(self.bond, BondTermsIn):
            bond = self.bond.to_dict()
        else:
            bond = self.bond

        currency = self.currency

        cusip: None | str | Unset
        if isinstance(self.cusip, Unset):
            cusip = UNSET
        else:
            cusip = self.cusip

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

        lot_size: None | str | Unset
        if isinstance(self.lot_size, Unset):
            lot_size = UNSET
        else:
            lot_size = self.lot_size

        marginable = self.marginable

        multiplier: None | str | Unset
        if isinstance(self.multiplier, Unset):
            multiplier = UNSET
        else:
            multiplier = self.multiplier

        name = self.name

        sector = self.sector

        shortable = self.shortable

        tick_size: None | str | Unset
        if isinstance(self.tick_size, Unset):
            tick_size = UNSET
        else:
            tick_size = self.tick_size


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "symbol": symbol,
        })
        if active is not UNSET:
            field_dict["active"] = active
        if asset_class is not UNSET:
            field_dict["asset_class"] = asset_class
        if bond is not UNSET:
            field_dict["bond"] = bond
        if currency is not UNSET:
            field_dict["currency"] = currency
        if cusip is not UNSET:
            field_dict["cusip"] = cusip
        if figi is not UNSET:
            field_dict["figi"] = figi
        if isin is not UNSET:
            field_dict["isin"] = isin
        if lot_size is not UNSET:
            field_dict["lot_size"] = lot_size
        if marginable is not UNSET:
            field_dict["marginable"] = marginable
        if multiplier is not UNSET:
            field_dict["multiplier"] = multiplier
        if name is not UNSET:
            field_dict["name"] = name
        if sector is not UNSET:
            field_dict["sector"] = sector
        if shortable is not UNSET:
            field_dict["shortable"] = shortable
        if tick_size is not UNSET:
            field_dict["tick_size"] = tick_size

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bond_terms_in import BondTermsIn # noqa: PLC0415
        d = dict(src_dict)
        symbol = d.pop("symbol")

        active = d.pop("active", UNSET)

        _asset_class = d.pop("asset_class", UNSET)
        asset_class: InstrumentInAssetClass | Unset
        if isinstance(_asset_class,  Unset):
            asset_class = UNSET
        else:
            asset_class = InstrumentInAssetClass(_asset_class)




        def _parse_bond(data: object) -> BondTermsIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                bond_type_0 = BondTermsIn.from_dict(data)



                return bond_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BondTermsIn | None | Unset, data)

        bond = _parse_bond(d.pop("bond", UNSET))


        currency = d.pop("currency", UNSET)

        def _parse_cusip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cusip = _parse_cusip(d.pop("cusip", UNSET))


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


        def _parse_lot_size(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lot_size = _parse_lot_size(d.pop("lot_size", UNSET))


        marginable = d.pop("marginable", UNSET)

        def _parse_multiplier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        multiplier = _parse_multiplier(d.pop("multiplier", UNSET))


        name = d.pop("name", UNSET)

        sector = d.pop("sector", UNSET)

        shortable = d.pop("shortable", UNSET)

        def _parse_tick_size(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tick_size = _parse_tick_size(d.pop("tick_size", UNSET))


        instrument_in = cls(
            symbol=symbol,
            active=active,
            asset_class=asset_class,
            bond=bond,
            currency=currency,
            cusip=cusip,
            figi=figi,
            isin=isin,
            lot_size=lot_size,
            marginable=marginable,
            multiplier=multiplier,
            name=name,
            sector=sector,
            shortable=shortable,
            tick_size=tick_size,
        )


        instrument_in.additional_properties = d
        return instrument_in

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
