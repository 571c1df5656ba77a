from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="AggregationTransactionOut")



@_attrs_define
class AggregationTransactionOut:
    """ 
        Attributes:
            account_id (str):
            amount (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            currency (None | str):
            date (datetime.date):
            id (str):
            name (str):
            pending (bool):
     """

    account_id: str
    amount: str
    currency: None | str
    date: datetime.date
    id: str
    name: str
    pending: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        amount = self.amount

        currency: None | str
        currency = self.currency

        date = self.date.isoformat()

        id = self.id

        name = self.name

        pending = self.pending


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "amount": amount,
            "currency": currency,
            "date": date,
            "id": id,
            "name": name,
            "pending": pending,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        amount = d.pop("amount")

        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))


        date = datetime.date.fromisoformat(d.pop("date"))




        id = d.pop("id")

        name = d.pop("name")

        pending = d.pop("pending")

        aggregation_transaction_out = cls(
            account_id=account_id,
            amount=amount,
            currency=currency,
            date=date,
            id=id,
            name=name,
            pending=pending,
        )


        aggregation_transaction_out.additional_properties = d
        return aggregation_transaction_out

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
