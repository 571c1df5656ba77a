from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="HoldingsConventionsOut")



@_attrs_define
class HoldingsConventionsOut:
    """ 
        Attributes:
            cost_basis (str):
            currency (str):
            lot_method (str):
            prices (str):
     """

    cost_basis: str
    currency: str
    lot_method: str
    prices: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cost_basis = self.cost_basis

        currency = self.currency

        lot_method = self.lot_method

        prices = self.prices


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cost_basis": cost_basis,
            "currency": currency,
            "lot_method": lot_method,
            "prices": prices,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cost_basis = d.pop("cost_basis")

        currency = d.pop("currency")

        lot_method = d.pop("lot_method")

        prices = d.pop("prices")

        holdings_conventions_out = cls(
            cost_basis=cost_basis,
            currency=currency,
            lot_method=lot_method,
            prices=prices,
        )


        holdings_conventions_out.additional_properties = d
        return holdings_conventions_out

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
