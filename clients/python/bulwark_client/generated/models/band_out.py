from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="BandOut")



@_attrs_define
class BandOut:
    """ 
        Attributes:
            high (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
            label (str):
            low (float): A computed figure (ratio, statistic, estimate); rounded to 10 decimal places
     """

    high: float
    label: str
    low: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        high = self.high

        label = self.label

        low = self.low


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "high": high,
            "label": label,
            "low": low,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        high = d.pop("high")

        label = d.pop("label")

        low = d.pop("low")

        band_out = cls(
            high=high,
            label=label,
            low=low,
        )


        band_out.additional_properties = d
        return band_out

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
