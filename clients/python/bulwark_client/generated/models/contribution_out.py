from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ContributionOut")



@_attrs_define
class ContributionOut:
    """ 
        Attributes:
            account_id (str):
            amount (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            contributed_on (datetime.date):
            created_at (datetime.datetime):
            id (str):
            source (str):
            tax_year (int):
     """

    account_id: str
    amount: str
    contributed_on: datetime.date
    created_at: datetime.datetime
    id: str
    source: str
    tax_year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        amount = self.amount

        contributed_on = self.contributed_on.isoformat()

        created_at = self.created_at.isoformat()

        id = self.id

        source = self.source

        tax_year = self.tax_year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "amount": amount,
            "contributed_on": contributed_on,
            "created_at": created_at,
            "id": id,
            "source": source,
            "tax_year": tax_year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        amount = d.pop("amount")

        contributed_on = datetime.date.fromisoformat(d.pop("contributed_on"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        source = d.pop("source")

        tax_year = d.pop("tax_year")

        contribution_out = cls(
            account_id=account_id,
            amount=amount,
            contributed_on=contributed_on,
            created_at=created_at,
            id=id,
            source=source,
            tax_year=tax_year,
        )


        contribution_out.additional_properties = d
        return contribution_out

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
