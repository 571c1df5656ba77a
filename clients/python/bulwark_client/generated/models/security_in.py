from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SecurityIn")



@_attrs_define
class SecurityIn:
    """ 
        Attributes:
            cusip (str):
            name_of_issuer (str):
            symbol (str):
            title_of_class (str):
            figi (None | str | Unset):
            listed_13f (bool | Unset): On the Official List of Section 13(f) Securities Default: True.
     """

    cusip: str
    name_of_issuer: str
    symbol: str
    title_of_class: str
    figi: None | str | Unset = UNSET
    listed_13f: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cusip = self.cusip

        name_of_issuer = self.name_of_issuer

        symbol = self.symbol

        title_of_class = self.title_of_class

        figi: None | str | Unset
        if isinstance(self.figi, Unset):
            figi = UNSET
        else:
            figi = self.figi

        listed_13f = self.listed_13f


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cusip": cusip,
            "name_of_issuer": name_of_issuer,
            "symbol": symbol,
            "title_of_class": title_of_class,
        })
        if figi is not UNSET:
            field_dict["figi"] = figi
        if listed_13f is not UNSET:
            field_dict["listed_13f"] = listed_13f

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cusip = d.pop("cusip")

        name_of_issuer = d.pop("name_of_issuer")

        symbol = d.pop("symbol")

        title_of_class = d.pop("title_of_class")

        def _parse_figi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        figi = _parse_figi(d.pop("figi", UNSET))


        listed_13f = d.pop("listed_13f", UNSET)

        security_in = cls(
            cusip=cusip,
            name_of_issuer=name_of_issuer,
            symbol=symbol,
            title_of_class=title_of_class,
            figi=figi,
            listed_13f=listed_13f,
        )


        security_in.additional_properties = d
        return security_in

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
