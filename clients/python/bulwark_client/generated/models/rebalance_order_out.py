from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="RebalanceOrderOut")



@_attrs_define
class RebalanceOrderOut:
    """ 
        Attributes:
            account_id (str):
            order_id (None | str):
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            reasons (list[str]):
            side (str):
            status (str):
            symbol (str):
     """

    account_id: str
    order_id: None | str
    quantity: str
    reasons: list[str]
    side: str
    status: str
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        order_id: None | str
        order_id = self.order_id

        quantity = self.quantity

        reasons = self.reasons



        side = self.side

        status = self.status

        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "order_id": order_id,
            "quantity": quantity,
            "reasons": reasons,
            "side": side,
            "status": status,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        def _parse_order_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        order_id = _parse_order_id(d.pop("order_id"))


        quantity = d.pop("quantity")

        reasons = cast(list[str], d.pop("reasons"))


        side = d.pop("side")

        status = d.pop("status")

        symbol = d.pop("symbol")

        rebalance_order_out = cls(
            account_id=account_id,
            order_id=order_id,
            quantity=quantity,
            reasons=reasons,
            side=side,
            status=status,
            symbol=symbol,
        )


        rebalance_order_out.additional_properties = d
        return rebalance_order_out

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
