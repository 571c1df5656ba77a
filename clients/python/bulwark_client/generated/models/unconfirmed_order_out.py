from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="UnconfirmedOrderOut")



@_attrs_define
class UnconfirmedOrderOut:
    """ 
        Attributes:
            account_id (str):
            broker (str):
            order_id (str):
            reason (str):
     """

    account_id: str
    broker: str
    order_id: str
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        broker = self.broker

        order_id = self.order_id

        reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "broker": broker,
            "order_id": order_id,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        broker = d.pop("broker")

        order_id = d.pop("order_id")

        reason = d.pop("reason")

        unconfirmed_order_out = cls(
            account_id=account_id,
            broker=broker,
            order_id=order_id,
            reason=reason,
        )


        unconfirmed_order_out.additional_properties = d
        return unconfirmed_order_out

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
