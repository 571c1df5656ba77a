from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="BlockFeesOut")



@_attrs_define
class BlockFeesOut:
    """ 
        Attributes:
            base_fee (str):
            gas_used_ratio (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            number (int):
            priority_fees (list[str]):
     """

    base_fee: str
    gas_used_ratio: float
    number: int
    priority_fees: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        base_fee = self.base_fee

        gas_used_ratio = self.gas_used_ratio

        number = self.number

        priority_fees = self.priority_fees




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "base_fee": base_fee,
            "gas_used_ratio": gas_used_ratio,
            "number": number,
            "priority_fees": priority_fees,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        base_fee = d.pop("base_fee")

        gas_used_ratio = d.pop("gas_used_ratio")

        number = d.pop("number")

        priority_fees = cast(list[str], d.pop("priority_fees"))


        block_fees_out = cls(
            base_fee=base_fee,
            gas_used_ratio=gas_used_ratio,
            number=number,
            priority_fees=priority_fees,
        )


        block_fees_out.additional_properties = d
        return block_fees_out

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
