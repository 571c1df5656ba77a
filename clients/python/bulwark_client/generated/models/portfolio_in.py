from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="PortfolioIn")



@_attrs_define
class PortfolioIn:
    """ 
        Attributes:
            name (str): 1 to 100 printable characters
            base_currency (str | Unset): ISO 4217 code Default: 'USD'.
     """

    name: str
    base_currency: str | Unset = 'USD'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        base_currency = self.base_currency


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
        })
        if base_currency is not UNSET:
            field_dict["base_currency"] = base_currency

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        base_currency = d.pop("base_currency", UNSET)

        portfolio_in = cls(
            name=name,
            base_currency=base_currency,
        )


        portfolio_in.additional_properties = d
        return portfolio_in

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
