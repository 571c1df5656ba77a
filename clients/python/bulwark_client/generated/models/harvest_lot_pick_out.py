from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="HarvestLotPickOut")



@_attrs_define
class HarvestLotPickOut:
    """ 
        Attributes:
            lot_id (str):
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
     """

    lot_id: str
    quantity: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        lot_id = self.lot_id

        quantity = self.quantity


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "lot_id": lot_id,
            "quantity": quantity,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        lot_id = d.pop("lot_id")

        quantity = d.pop("quantity")

        harvest_lot_pick_out = cls(
            lot_id=lot_id,
            quantity=quantity,
        )


        harvest_lot_pick_out.additional_properties = d
        return harvest_lot_pick_out

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
