from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="InstrumentPatchIn")



@_attrs_define
class InstrumentPatchIn:
    """ 
        Attributes:
            active (bool | None | Unset):
            cusip (None | str | Unset): 9 characters with a valid check digit (422 INVALID_INSTRUMENT, field cusip)
            figi (None | str | Unset): 12 characters, OpenFIGI rules and check digit (422, field figi)
            isin (None | str | Unset): 12 characters: country code, national number, Luhn check digit; a US ISIN embeds the
                CUSIP (422 INVALID_INSTRUMENT, field isin)
            lot_size (None | str | Unset):
            marginable (bool | None | Unset):
            name (None | str | Unset):
            sector (None | str | Unset):
            shortable (bool | None | Unset):
            tick_size (None | str | Unset):
     """

    active: bool | None | Unset = UNSET
    cusip: None | str | Unset = UNSET
    figi: None | str | Unset = UNSET
    isin: None | str | Unset = UNSET
    lot_size: None | str | Unset = UNSET
    marginable: bool | None | Unset = UNSET
    name: None | str | Unset = UNSET
    sector: None | str | Unset = UNSET
    shortable: bool | None | Unset = UNSET
    tick_size: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        active: bool | None | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

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

        marginable: bool | None | Unset
        if isinstance(self.marginable, Unset):
            marginable = UNSET
        else:
            marginable = self.marginable

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        sector: None | str | Unset
        if isinstance(self.sector, Unset):
            sector = UNSET
        else:
            sector = self.sector

        shortable: bool | None | Unset
        if isinstance(self.shortable, Unset):
            shortable = UNSET
        else:
            shortable = self.shortable

        tick_size: None | str | Unset
        if isinstance(self.tick_size, Unset):
            tick_size = UNSET
        else:
            tick_size = self.tick_size


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if active is not UNSET:
            field_dict["active"] = active
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
        d = dict(src_dict)
        def _parse_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))


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


        def _parse_marginable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        marginable = _parse_marginable(d.pop("marginable", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_sector(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sector = _parse_sector(d.pop("sector", UNSET))


        def _parse_shortable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        shortable = _parse_shortable(d.pop("shortable", UNSET))


        def _parse_tick_size(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tick_size = _parse_tick_size(d.pop("tick_size", UNSET))


        instrument_patch_in = cls(
            active=active,
            cusip=cusip,
            figi=figi,
            isin=isin,
            lot_size=lot_size,
            marginable=marginable,
            name=name,
            sector=sector,
            shortable=shortable,
            tick_size=tick_size,
        )


        instrument_patch_in.additional_properties = d
        return instrument_patch_in

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
