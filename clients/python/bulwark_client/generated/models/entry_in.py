from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="EntryIn")



@_attrs_define
class EntryIn:
    """ 
        Attributes:
            allow_short (bool | Unset):  Default: False.
            min_score (float | Unset):  Default: 0.5.
     """

    allow_short: bool | Unset = False
    min_score: float | Unset = 0.5
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        allow_short = self.allow_short

        min_score = self.min_score


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if allow_short is not UNSET:
            field_dict["allow_short"] = allow_short
        if min_score is not UNSET:
            field_dict["min_score"] = min_score

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allow_short = d.pop("allow_short", UNSET)

        min_score = d.pop("min_score", UNSET)

        entry_in = cls(
            allow_short=allow_short,
            min_score=min_score,
        )


        entry_in.additional_properties = d
        return entry_in

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
