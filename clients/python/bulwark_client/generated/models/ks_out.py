from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="KsOut")



@_attrs_define
class KsOut:
    """ 
        Attributes:
            p_value (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            statistic (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    p_value: float
    statistic: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        p_value = self.p_value

        statistic = self.statistic


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "p_value": p_value,
            "statistic": statistic,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        p_value = d.pop("p_value")

        statistic = d.pop("statistic")

        ks_out = cls(
            p_value=p_value,
            statistic=statistic,
        )


        ks_out.additional_properties = d
        return ks_out

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
