from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="OpenLotOut")



@_attrs_define
class OpenLotOut:
    """ 
        Attributes:
            acquired (datetime.date): Holding-period start (wash-sale carry-over included)
            cost_basis (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            cost_per_share (str): A price per unit: a decimal string with exactly 8 decimal places, rounded half-even, never
                in exponent notation
            lot_id (str): The id of the buy or transfer in that opened it
            purchased (datetime.date): The real trade date
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            wash_adjustment (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
     """

    acquired: datetime.date
    cost_basis: str
    cost_per_share: str
    lot_id: str
    purchased: datetime.date
    quantity: str
    wash_adjustment: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        acquired = self.acquired.isoformat()

        cost_basis = self.cost_basis

        cost_per_share = self.cost_per_share

        lot_id = self.lot_id

        purchased = self.purchased.isoformat()

        quantity = self.quantity

        wash_adjustment = self.wash_adjustment


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "acquired": acquired,
            "cost_basis": cost_basis,
            "cost_per_share": cost_per_share,
            "lot_id": lot_id,
            "purchased": purchased,
            "quantity": quantity,
            "wash_adjustment": wash_adjustment,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        acquired = datetime.date.fromisoformat(d.pop("acquired"))




        cost_basis = d.pop("cost_basis")

        cost_per_share = d.pop("cost_per_share")

        lot_id = d.pop("lot_id")

        purchased = datetime.date.fromisoformat(d.pop("purchased"))




        quantity = d.pop("quantity")

        wash_adjustment = d.pop("wash_adjustment")

        open_lot_out = cls(
            acquired=acquired,
            cost_basis=cost_basis,
            cost_per_share=cost_per_share,
            lot_id=lot_id,
            purchased=purchased,
            quantity=quantity,
            wash_adjustment=wash_adjustment,
        )


        open_lot_out.additional_properties = d
        return open_lot_out

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
