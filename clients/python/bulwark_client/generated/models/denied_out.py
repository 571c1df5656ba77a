from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="DeniedOut")



@_attrs_define
class DeniedOut:
    """ 
        Attributes:
            action (str):
            at (datetime.datetime):
            message (str):
            quantity (str): A quantity (shares, contracts, coins): a decimal string with exactly 8 decimal places, rounded
                half-even, never in exponent notation
            reasons (list[str]):
            side (str):
            symbol (str):
     """

    action: str
    at: datetime.datetime
    message: str
    quantity: str
    reasons: list[str]
    side: str
    symbol: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        action = self.action

        at = self.at.isoformat()

        message = self.message

        quantity = self.quantity

        reasons = self.reasons



        side = self.side

        symbol = self.symbol


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action": action,
            "at": at,
            "message": message,
            "quantity": quantity,
            "reasons": reasons,
            "side": side,
            "symbol": symbol,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        message = d.pop("message")

        quantity = d.pop("quantity")

        reasons = cast(list[str], d.pop("reasons"))


        side = d.pop("side")

        symbol = d.pop("symbol")

        denied_out = cls(
            action=action,
            at=at,
            message=message,
            quantity=quantity,
            reasons=reasons,
            side=side,
            symbol=symbol,
        )


        denied_out.additional_properties = d
        return denied_out

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
