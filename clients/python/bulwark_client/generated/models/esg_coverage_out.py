from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="EsgCoverageOut")



@_attrs_define
class EsgCoverageOut:
    """ 
        Attributes:
            by_count (str):
            by_value (str):
            count (int):
            total_count (int):
            value (str):
     """

    by_count: str
    by_value: str
    count: int
    total_count: int
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        by_count = self.by_count

        by_value = self.by_value

        count = self.count

        total_count = self.total_count

        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "by_count": by_count,
            "by_value": by_value,
            "count": count,
            "total_count": total_count,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        by_count = d.pop("by_count")

        by_value = d.pop("by_value")

        count = d.pop("count")

        total_count = d.pop("total_count")

        value = d.pop("value")

        esg_coverage_out = cls(
            by_count=by_count,
            by_value=by_value,
            count=count,
            total_count=total_count,
            value=value,
        )


        esg_coverage_out.additional_properties = d
        return esg_coverage_out

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
