from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ContractSpecOut")



@_attrs_define
class ContractSpecOut:
    """ 
        Attributes:
            exchange (str):
            name (str):
            quote_unit (str):
            root (str):
            size (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded half-
                even, never in exponent notation
            size_unit (str):
     """

    exchange: str
    name: str
    quote_unit: str
    root: str
    size: str
    size_unit: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        exchange = self.exchange

        name = self.name

        quote_unit = self.quote_unit

        root = self.root

        size = self.size

        size_unit = self.size_unit


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "exchange": exchange,
            "name": name,
            "quote_unit": quote_unit,
            "root": root,
            "size": size,
            "size_unit": size_unit,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        exchange = d.pop("exchange")

        name = d.pop("name")

        quote_unit = d.pop("quote_unit")

        root = d.pop("root")

        size = d.pop("size")

        size_unit = d.pop("size_unit")

        contract_spec_out = cls(
            exchange=exchange,
            name=name,
            quote_unit=quote_unit,
            root=root,
            size=size,
            size_unit=size_unit,
        )


        contract_spec_out.additional_properties = d
        return contract_spec_out

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
