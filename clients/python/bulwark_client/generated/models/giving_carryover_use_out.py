from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="GivingCarryoverUseOut")



@_attrs_define
class GivingCarryoverUseOut:
    """ 
        Attributes:
            left (str):
            origin_year (int):
            used (str):
     """

    left: str
    origin_year: int
    used: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        left = self.left

        origin_year = self.origin_year

        used = self.used


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "left": left,
            "origin_year": origin_year,
            "used": used,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        left = d.pop("left")

        origin_year = d.pop("origin_year")

        used = d.pop("used")

        giving_carryover_use_out = cls(
            left=left,
            origin_year=origin_year,
            used=used,
        )


        giving_carryover_use_out.additional_properties = d
        return giving_carryover_use_out

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
