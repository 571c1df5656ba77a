from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="BookedActionOut")



@_attrs_define
class BookedActionOut:
    """ 
        Attributes:
            account_id (str):
            effective_date (datetime.date):
            kind (str):
            symbol (str):
            transaction_id (str):
            vendor_id (str):
     """

    account_id: str
    effective_date: datetime.date
    kind: str
    symbol: str
    transaction_id: str
    vendor_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        effective_date = self.effective_date.isoformat()

        kind = self.kind

        symbol = self.symbol

        transaction_id = self.transaction_id

        vendor_id = self.vendor_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "effective_date": effective_date,
            "kind": kind,
            "symbol": symbol,
            "transaction_id": transaction_id,
            "vendor_id": vendor_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        kind = d.pop("kind")

        symbol = d.pop("symbol")

        transaction_id = d.pop("transaction_id")

        vendor_id = d.pop("vendor_id")

        booked_action_out = cls(
            account_id=account_id,
            effective_date=effective_date,
            kind=kind,
            symbol=symbol,
            transaction_id=transaction_id,
            vendor_id=vendor_id,
        )


        booked_action_out.additional_properties = d
        return booked_action_out

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
