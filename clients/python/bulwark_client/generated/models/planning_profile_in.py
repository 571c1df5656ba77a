from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="PlanningProfileIn")



@_attrs_define
class PlanningProfileIn:
    """ 
        Attributes:
            annual_expenses (str): A positive amount of money, at most 1e15, 6 decimal places; a decimal string such as
                "12.5"
            currency (str | Unset): ISO 4217 code of the figures Default: 'USD'.
            other_assets (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a decimal
                string such as "12.5" Default: '0'.
            safe_withdrawal_rate (str | Unset): A fraction in (0, 1] (0.25 = 25%), 8 decimal places; a decimal string such
                as "12.5" Default: '0.04'.
     """

    annual_expenses: str
    currency: str | Unset = 'USD'
    other_assets: str | Unset = '0'
    safe_withdrawal_rate: str | Unset = '0.04'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        annual_expenses = self.annual_expenses

        currency = self.currency

        other_assets = self.other_assets

        safe_withdrawal_rate = self.safe_withdrawal_rate


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "annual_expenses": annual_expenses,
        })
        if currency is not UNSET:
            field_dict["currency"] = currency
        if other_assets is not UNSET:
            field_dict["other_assets"] = other_assets
        if safe_withdrawal_rate is not UNSET:
            field_dict["safe_withdrawal_rate"] = safe_withdrawal_rate

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        annual_expenses = d.pop("annual_expenses")

        currency = d.pop("currency", UNSET)

        other_assets = d.pop("other_assets", UNSET)

        safe_withdrawal_rate = d.pop("safe_withdrawal_rate", UNSET)

        planning_profile_in = cls(
            annual_expenses=annual_expenses,
            currency=currency,
            other_assets=other_assets,
            safe_withdrawal_rate=safe_withdrawal_rate,
        )


        planning_profile_in.additional_properties = d
        return planning_profile_in

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
