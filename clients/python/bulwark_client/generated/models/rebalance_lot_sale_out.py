from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="RebalanceLotSaleOut")



@_attrs_define
class RebalanceLotSaleOut:
    """ 
        Attributes:
            basis (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            lot_id (str):
            proceeds (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            realised_gain (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            term (str): short, long, or sheltered (a tax-advantaged account)
     """

    basis: str
    lot_id: str
    proceeds: str
    quantity: str
    realised_gain: str
    term: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        basis = self.basis

        lot_id = self.lot_id

        proceeds = self.proceeds

        quantity = self.quantity

        realised_gain = self.realised_gain

        term = self.term


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "basis": basis,
            "lot_id": lot_id,
            "proceeds": proceeds,
            "quantity": quantity,
            "realised_gain": realised_gain,
            "term": term,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        basis = d.pop("basis")

        lot_id = d.pop("lot_id")

        proceeds = d.pop("proceeds")

        quantity = d.pop("quantity")

        realised_gain = d.pop("realised_gain")

        term = d.pop("term")

        rebalance_lot_sale_out = cls(
            basis=basis,
            lot_id=lot_id,
            proceeds=proceeds,
            quantity=quantity,
            realised_gain=realised_gain,
            term=term,
        )


        rebalance_lot_sale_out.additional_properties = d
        return rebalance_lot_sale_out

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
