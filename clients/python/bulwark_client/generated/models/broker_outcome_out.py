from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
            closing_open (int | Unset):  Default: 0.
            flat (bool | None | Unset):
            positions_remaining (list[str] | Unset):
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
    closing_open: int | Unset = 0
    flat: bool | None | Unset = UNSET
    positions_remaining: list[str] | Unset = UNSET
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

        closing_open = self.closing_open

        flat: bool | None | Unset
        if isinstance(self.flat, Unset):
            flat = UNSET
        else:
            flat = self.flat

        positions_remaining: list[str] | Unset = UNSET
        if not isinstance(self.positions_remaining, Unset):
            positions_remaining = self.positions_remaining




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
        if closing_open is not UNSET:
            field_dict["closing_open"] = closing_open
        if flat is not UNSET:
            field_dict["flat"] = flat
        if positions_remaining is not UNSET:
            field_dict["positions_remaining"] = positions_remaining

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

        closing_open = d.pop("closing_open", UNSET)

        def _parse_flat(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        flat = _parse_flat(d.pop("flat", UNSET))


        positions_remaining = cast(list[str], d.pop("positions_remaining", UNSET))


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
            closing_open=closing_open,
            flat=flat,
            positions_remaining=positions_remaining,
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
