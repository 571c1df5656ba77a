from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="WhaleOut")



@_attrs_define
class WhaleOut:
    """ 
        Attributes:
            by_size (bool):
            by_z (bool):
            price (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            side (str):
            size (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded half-
                even, never in exponent notation
            z (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    by_size: bool
    by_z: bool
    price: str
    side: str
    size: str
    z: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        by_size = self.by_size

        by_z = self.by_z

        price = self.price

        side = self.side

        size = self.size

        z = self.z


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "by_size": by_size,
            "by_z": by_z,
            "price": price,
            "side": side,
            "size": size,
            "z": z,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        by_size = d.pop("by_size")

        by_z = d.pop("by_z")

        price = d.pop("price")

        side = d.pop("side")

        size = d.pop("size")

        z = d.pop("z")

        whale_out = cls(
            by_size=by_size,
            by_z=by_z,
            price=price,
            side=side,
            size=size,
            z=z,
        )


        whale_out.additional_properties = d
        return whale_out

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
