from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.giving_carryover_in_category import GivingCarryoverInCategory






T = TypeVar("T", bound="GivingCarryoverIn")



@_attrs_define
class GivingCarryoverIn:
    """ 
        Attributes:
            amount (str): A positive amount of money, at most 1e15, 6 decimal places; a decimal string such as "12.5"
            category (GivingCarryoverInCategory):
            origin_year (int):
     """

    amount: str
    category: GivingCarryoverInCategory
    origin_year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        category = self.category.value

        origin_year = self.origin_year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount": amount,
            "category": category,
            "origin_year": origin_year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        category = GivingCarryoverInCategory(d.pop("category"))




        origin_year = d.pop("origin_year")

        giving_carryover_in = cls(
            amount=amount,
            category=category,
            origin_year=origin_year,
        )


        giving_carryover_in.additional_properties = d
        return giving_carryover_in

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
