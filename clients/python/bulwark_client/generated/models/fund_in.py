from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="FundIn")



@_attrs_define
class FundIn:
    """ 
        Attributes:
            name (str):
            minimum_investment (str | Unset): An amount of money, negative for a debt, within +-1e15, 6 decimal places; a
                decimal string such as "12.5" Default: '0'.
            requirement (str | Unset): none, accredited or qualified_purchaser Default: 'accredited'.
     """

    name: str
    minimum_investment: str | Unset = '0'
    requirement: str | Unset = 'accredited'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        minimum_investment = self.minimum_investment

        requirement = self.requirement


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
        })
        if minimum_investment is not UNSET:
            field_dict["minimum_investment"] = minimum_investment
        if requirement is not UNSET:
            field_dict["requirement"] = requirement

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        minimum_investment = d.pop("minimum_investment", UNSET)

        requirement = d.pop("requirement", UNSET)

        fund_in = cls(
            name=name,
            minimum_investment=minimum_investment,
            requirement=requirement,
        )


        fund_in.additional_properties = d
        return fund_in

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
