from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="EvmChainOut")



@_attrs_define
class EvmChainOut:
    """ 
        Attributes:
            chain_id (int):
            name (str):
            native_decimals (int):
            native_symbol (str):
     """

    chain_id: int
    name: str
    native_decimals: int
    native_symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        chain_id = self.chain_id

        name = self.name

        native_decimals = self.native_decimals

        native_symbol = self.native_symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "chain_id": chain_id,
            "name": name,
            "native_decimals": native_decimals,
            "native_symbol": native_symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        chain_id = d.pop("chain_id")

        name = d.pop("name")

        native_decimals = d.pop("native_decimals")

        native_symbol = d.pop("native_symbol")

        evm_chain_out = cls(
            chain_id=chain_id,
            name=name,
            native_decimals=native_decimals,
            native_symbol=native_symbol,
        )


        evm_chain_out.additional_properties = d
        return evm_chain_out

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
