from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="LpPositionPointOut")



@_attrs_define
class LpPositionPointOut:
    """ 
        Attributes:
            amount0 (str):
            amount1 (str):
            hold_value (str):
            impermanent_loss (str):
            in_range (bool):
            loss_value (str):
            lp_value (str):
            price (str):
     """

    amount0: str
    amount1: str
    hold_value: str
    impermanent_loss: str
    in_range: bool
    loss_value: str
    lp_value: str
    price: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        amount0 = self.amount0

        amount1 = self.amount1

        hold_value = self.hold_value

        impermanent_loss = self.impermanent_loss

        in_range = self.in_range

        loss_value = self.loss_value

        lp_value = self.lp_value

        price = self.price


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount0": amount0,
            "amount1": amount1,
            "hold_value": hold_value,
            "impermanent_loss": impermanent_loss,
            "in_range": in_range,
            "loss_value": loss_value,
            "lp_value": lp_value,
            "price": price,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount0 = d.pop("amount0")

        amount1 = d.pop("amount1")

        hold_value = d.pop("hold_value")

        impermanent_loss = d.pop("impermanent_loss")

        in_range = d.pop("in_range")

        loss_value = d.pop("loss_value")

        lp_value = d.pop("lp_value")

        price = d.pop("price")

        lp_position_point_out = cls(
            amount0=amount0,
            amount1=amount1,
            hold_value=hold_value,
            impermanent_loss=impermanent_loss,
            in_range=in_range,
            loss_value=loss_value,
            lp_value=lp_value,
            price=price,
        )


        lp_position_point_out.additional_properties = d
        return lp_position_point_out

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
