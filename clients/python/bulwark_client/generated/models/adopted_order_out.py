from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="AdoptedOrderOut")



@_attrs_define
class AdoptedOrderOut:
    """ 
        Attributes:
            broker_order_id (str):
            client_order_id (str):
            order_id (str):
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            side (str):
            symbol (str):
     """

    broker_order_id: str
    client_order_id: str
    order_id: str
    quantity: str
    side: str
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        broker_order_id = self.broker_order_id

        client_order_id = self.client_order_id

        order_id = self.order_id

        quantity = self.quantity

        side = self.side

        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "broker_order_id": broker_order_id,
            "client_order_id": client_order_id,
            "order_id": order_id,
            "quantity": quantity,
            "side": side,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        broker_order_id = d.pop("broker_order_id")

        client_order_id = d.pop("client_order_id")

        order_id = d.pop("order_id")

        quantity = d.pop("quantity")

        side = d.pop("side")

        symbol = d.pop("symbol")

        adopted_order_out = cls(
            broker_order_id=broker_order_id,
            client_order_id=client_order_id,
            order_id=order_id,
            quantity=quantity,
            side=side,
            symbol=symbol,
        )


        adopted_order_out.additional_properties = d
        return adopted_order_out

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
