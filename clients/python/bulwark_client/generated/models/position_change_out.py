from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PositionChangeOut")



@_attrs_define
class PositionChangeOut:
    """ 
        Attributes:
            average_price (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never
                in exponent notation
            quantity_after (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places,
                rounded half-even, never in exponent notation
            quantity_before (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places,
                rounded half-even, never in exponent notation
            symbol (str):
     """

    average_price: str
    quantity_after: str
    quantity_before: str
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        average_price = self.average_price

        quantity_after = self.quantity_after

        quantity_before = self.quantity_before

        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "average_price": average_price,
            "quantity_after": quantity_after,
            "quantity_before": quantity_before,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        average_price = d.pop("average_price")

        quantity_after = d.pop("quantity_after")

        quantity_before = d.pop("quantity_before")

        symbol = d.pop("symbol")

        position_change_out = cls(
            average_price=average_price,
            quantity_after=quantity_after,
            quantity_before=quantity_before,
            symbol=symbol,
        )


        position_change_out.additional_properties = d
        return position_change_out

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
