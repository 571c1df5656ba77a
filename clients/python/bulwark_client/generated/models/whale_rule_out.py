from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="WhaleRuleOut")



@_attrs_define
class WhaleRuleOut:
    """ 
        Attributes:
            method (str):
            min_size (None | str):
            z (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    method: str
    min_size: None | str
    z: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        method = self.method

        min_size: None | str
        min_size = self.min_size

        z = self.z


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "method": method,
            "min_size": min_size,
            "z": z,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        method = d.pop("method")

        def _parse_min_size(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        min_size = _parse_min_size(d.pop("min_size"))


        z = d.pop("z")

        whale_rule_out = cls(
            method=method,
            min_size=min_size,
            z=z,
        )


        whale_rule_out.additional_properties = d
        return whale_rule_out

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
