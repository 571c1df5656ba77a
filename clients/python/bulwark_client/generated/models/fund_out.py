from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="FundOut")



@_attrs_define
class FundOut:
    """ 
        Attributes:
            amount (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal places,
                rounded half-even, never in exponent notation
            eligible (bool):
            minimum_investment (str): An amount of money in the account's currency: a decimal string with exactly 2 decimal
                places, rounded half-even, never in exponent notation
            name (str):
            reason (str):
            requirement (str):
     """

    amount: str
    eligible: bool
    minimum_investment: str
    name: str
    reason: str
    requirement: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        eligible = self.eligible

        minimum_investment = self.minimum_investment

        name = self.name

        reason = self.reason

        requirement = self.requirement


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount": amount,
            "eligible": eligible,
            "minimum_investment": minimum_investment,
            "name": name,
            "reason": reason,
            "requirement": requirement,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        eligible = d.pop("eligible")

        minimum_investment = d.pop("minimum_investment")

        name = d.pop("name")

        reason = d.pop("reason")

        requirement = d.pop("requirement")

        fund_out = cls(
            amount=amount,
            eligible=eligible,
            minimum_investment=minimum_investment,
            name=name,
            reason=reason,
            requirement=requirement,
        )


        fund_out.additional_properties = d
        return fund_out

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
