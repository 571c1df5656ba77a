from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="BrokerOutcomeOut")



@_attrs_define
class BrokerOutcomeOut:
    """ 
        Attributes:
            accounts (list[str]):
            attempts (int):
            broker (str):
            cancel_acknowledged (int):
            cancel_requested (int):
            closing_orders (int):
            confirmed (bool):
            errors (list[str]):
            remaining_open (int):
     """

    accounts: list[str]
    attempts: int
    broker: str
    cancel_acknowledged: int
    cancel_requested: int
    closing_orders: int
    confirmed: bool
    errors: list[str]
    remaining_open: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        accounts = self.accounts



        attempts = self.attempts

        broker = self.broker

        cancel_acknowledged = self.cancel_acknowledged

        cancel_requested = self.cancel_requested

        closing_orders = self.closing_orders

        confirmed = self.confirmed

        errors = self.errors



        remaining_open = self.remaining_open


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accounts": accounts,
            "attempts": attempts,
            "broker": broker,
            "cancel_acknowledged": cancel_acknowledged,
            "cancel_requested": cancel_requested,
            "closing_orders": closing_orders,
            "confirmed": confirmed,
            "errors": errors,
            "remaining_open": remaining_open,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounts = cast(list[str], d.pop("accounts"))


        attempts = d.pop("attempts")

        broker = d.pop("broker")

        cancel_acknowledged = d.pop("cancel_acknowledged")

        cancel_requested = d.pop("cancel_requested")

        closing_orders = d.pop("closing_orders")

        confirmed = d.pop("confirmed")

        errors = cast(list[str], d.pop("errors"))


        remaining_open = d.pop("remaining_open")

        broker_outcome_out = cls(
            accounts=accounts,
            attempts=attempts,
            broker=broker,
            cancel_acknowledged=cancel_acknowledged,
            cancel_requested=cancel_requested,
            closing_orders=closing_orders,
            confirmed=confirmed,
            errors=errors,
            remaining_open=remaining_open,
        )


        broker_outcome_out.additional_properties = d
        return broker_outcome_out

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
