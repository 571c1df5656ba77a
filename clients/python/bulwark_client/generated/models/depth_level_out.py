from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="DepthLevelOut")



@_attrs_define
class DepthLevelOut:
    """ 
        Attributes:
            cumulative_notional (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            cumulative_size (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places,
                rounded half-even, never in exponent notation
            price (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never in
                exponent notation
            size (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded half-
                even, never in exponent notation
            orders (int | None | Unset):
     """

    cumulative_notional: str
    cumulative_size: str
    price: str
    size: str
    orders: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cumulative_notional = self.cumulative_notional

        cumulative_size = self.cumulative_size

        price = self.price

        size = self.size

        orders: int | None | Unset
        if isinstance(self.orders, Unset):
            orders = UNSET
        else:
            orders = self.orders


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cumulative_notional": cumulative_notional,
            "cumulative_size": cumulative_size,
            "price": price,
            "size": size,
        })
        if orders is not UNSET:
            field_dict["orders"] = orders

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cumulative_notional = d.pop("cumulative_notional")

        cumulative_size = d.pop("cumulative_size")

        price = d.pop("price")

        size = d.pop("size")

        def _parse_orders(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        orders = _parse_orders(d.pop("orders", UNSET))


        depth_level_out = cls(
            cumulative_notional=cumulative_notional,
            cumulative_size=cumulative_size,
            price=price,
            size=size,
            orders=orders,
        )


        depth_level_out.additional_properties = d
        return depth_level_out

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
