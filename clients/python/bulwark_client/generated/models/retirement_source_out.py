from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="RetirementSourceOut")



@_attrs_define
class RetirementSourceOut:
    """ 
        Attributes:
            account_id (str):
            balance (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            contributions_counted (int):
            plan_kind (str):
            source (str):
     """

    account_id: str
    balance: str
    contributions_counted: int
    plan_kind: str
    source: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        balance = self.balance

        contributions_counted = self.contributions_counted

        plan_kind = self.plan_kind

        source = self.source


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "balance": balance,
            "contributions_counted": contributions_counted,
            "plan_kind": plan_kind,
            "source": source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        balance = d.pop("balance")

        contributions_counted = d.pop("contributions_counted")

        plan_kind = d.pop("plan_kind")

        source = d.pop("source")

        retirement_source_out = cls(
            account_id=account_id,
            balance=balance,
            contributions_counted=contributions_counted,
            plan_kind=plan_kind,
            source=source,
        )


        retirement_source_out.additional_properties = d
        return retirement_source_out

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
